//! `cargo xtask test`: everything CI checks, in order, stopping at the first failure.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::deps;
use crate::util::{self, fail, Result};

/// Passed to every cargo command that builds the app (clippy, tests, the e2e build,
/// screenshots), so its features never flip (a flip rebuilds tauri) and the binary serves
/// the bundled UI, not the dev server. `allia-app/e2e-hooks` lets the end-to-end tests
/// replace the file dialogs; release bundles (`tauri build`) are built without it.
const APP_FEATURES: [&str; 2] = ["--features", "tauri/custom-protocol,allia-app/e2e-hooks"];
/// The seed of the property tests in `cargo xtask test` (see the test step).
const PROPTEST_SEED: &str = "20261130";

/// The supply-chain checks that need no network: licences, banned crates and duplicate
/// versions, sources (crates.io only). Advisories need GitHub: .github/workflows/audit.yml.
const DENY_CHECK: &[&str] = &[
    "--offline",
    "--locked",
    "check",
    "--hide-inclusion-graph",
    "licenses",
    "bans",
    "sources",
];

/// Records each step's outcome for the final summary.
struct Steps {
    done: Vec<(String, Duration)>,
    started: Instant,
}

impl Steps {
    fn new() -> Self {
        Self {
            done: Vec::new(),
            started: Instant::now(),
        }
    }

    /// Runs one step; the title is printed as a `==>` header unless the step prints its own.
    fn step<T>(
        &mut self,
        title: &str,
        own_header: bool,
        body: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        if !own_header {
            util::header(title);
        }
        let start = Instant::now();
        match body() {
            Ok(value) => {
                self.done.push((title.to_string(), start.elapsed()));
                Ok(value)
            }
            Err(error) => {
                self.summary(Some(title));
                Err(error)
            }
        }
    }

    /// Runs a command as a step, its command line as the title.
    fn command(&mut self, cmd: &mut Command) -> Result {
        let title = util::describe(cmd);
        self.step(&title, false, || util::run(cmd))
    }

    fn summary(&self, failed: Option<&str>) {
        println!("\n==> summary");
        for (title, took) in &self.done {
            println!("  ok     {:>6.1}s  {title}", took.as_secs_f64());
        }
        if let Some(title) = failed {
            println!("  FAILED          {title}");
        }
        let total = self.started.elapsed().as_secs_f64();
        match failed {
            None => println!("all {} steps passed in {total:.0}s", self.done.len()),
            Some(_) => println!(
                "{} steps passed, then one failed ({total:.0}s)",
                self.done.len()
            ),
        }
    }
}

pub fn test(options: &[String]) -> Result {
    let flags = util::parse_flags(options, &["--no-e2e"])?;
    let e2e = !flags.iter().any(|f| f == "--no-e2e");
    let root = util::root();
    let ui = root.join("ui");
    let tests = root.join("tests");
    let mut steps = Steps::new();

    steps.step("system packages", true, deps::ensure_system_deps)?;
    let driver = if e2e && e2e_supported() {
        Some(steps.step("tauri-driver", true, deps::ensure_tauri_driver)?)
    } else {
        None
    };
    let cargo_deny = steps.step("cargo-deny", true, deps::ensure_cargo_deny)?;
    let foreign = steps.step("foreign targets", true, deps::ensure_foreign_targets)?;
    steps.step("npm ci (ui)", true, || deps::npm_ci_if_needed(&ui))?;
    if driver.is_some() {
        steps.step("npm ci (tests)", true, || deps::npm_ci_if_needed(&tests))?;
    }

    let cargo = |args: &[&str]| {
        let mut cmd = util::cargo();
        cmd.args(args).current_dir(&root);
        cmd
    };
    let npm = |dir: &Path, args: &[&str]| {
        let mut cmd = util::npm();
        cmd.args(args).current_dir(dir);
        cmd
    };

    steps.command(&mut cargo(&["fmt", "--all", "--", "--check"]))?;
    // cargo-deny runs offline (it must never reach for GitHub here); every crate of
    // every platform must then be on disk already, which `cargo fetch` ensures.
    steps.command(&mut cargo(&["fetch", "--locked"]))?;
    steps.command(
        Command::new(&cargo_deny)
            .args(DENY_CHECK)
            .current_dir(&root),
    )?;
    // clippy and the tests of src-tauri embed ui/dist: build it first.
    steps.command(&mut npm(&ui, &["run", "build"]))?;
    steps.command(
        cargo(&["clippy", "--workspace", "--all-targets"])
            .args(APP_FEATURES)
            .args(["--", "-D", "warnings"]),
    )?;
    // The session-lock calls of Windows and macOS cannot run here; they are linted
    // for their own systems at least (their tests run on real runners).
    for target in foreign {
        steps.command(
            cargo(&[
                "clippy",
                "-p",
                "allia-session",
                "--all-targets",
                "--target",
                target,
            ])
            .args(["--", "-D", "warnings"]),
        )?;
    }
    // Property tests draw the same cases on every run of the suite, so that a pass here
    // is a pass in CI; `PROPTEST_RNG_SEED=<n> cargo test` (or unset) sweeps other cases.
    let seed = std::env::var("PROPTEST_RNG_SEED").unwrap_or_else(|_| PROPTEST_SEED.into());
    steps.command(
        cargo(&["test", "--workspace"])
            .args(APP_FEATURES)
            .env("PROPTEST_RNG_SEED", seed),
    )?;
    steps.command(&mut npm(&ui, &["run", "check"]))?;
    // CI=true keeps vitest from entering watch mode in a terminal.
    steps.command(npm(&ui, &["test"]).env("CI", "true"))?;

    match driver {
        Some(driver) => {
            steps.command(cargo(&["build", "-p", "allia-app"]).args(APP_FEATURES))?;
            // The command line too: tests/e2e/charts-scale.test.mjs makes its large vault with
            // `allia demo --scale` from this tree's binary. Built alone (the app's features are
            // not its own), as `cargo build -p allia-cli` by hand, so both builds are reused.
            steps.command(&mut cargo(&["build", "-p", "allia-cli"]))?;
            let mut e2e = e2e_command(&tests, &driver)?;
            steps.command(&mut e2e)?;
        }
        None if !e2e => println!("\n(end-to-end tests skipped: --no-e2e)"),
        None => println!("\n(end-to-end tests skipped: tauri-driver has no WebDriver for macOS)"),
    }

    steps.summary(None);
    Ok(())
}

/// `cargo xtask screenshots`: builds the app and runs the end-to-end scenarios, which
/// save the screens the documentation shows into docs/screenshots/.
pub fn screenshots(options: &[String]) -> Result {
    util::parse_flags(options, &[])?;
    if !e2e_supported() {
        return Err(fail!(
            "screenshots need tauri-driver, which has no WebDriver for macOS"
        ));
    }
    let root = util::root();
    let ui = root.join("ui");
    let tests = root.join("tests");
    let mut steps = Steps::new();
    steps.step("system packages", true, deps::ensure_system_deps)?;
    let driver = steps.step("tauri-driver", true, deps::ensure_tauri_driver)?;
    steps.step("npm ci (ui)", true, || deps::npm_ci_if_needed(&ui))?;
    steps.step("npm ci (tests)", true, || deps::npm_ci_if_needed(&tests))?;
    steps.command(util::npm().args(["run", "build"]).current_dir(&ui))?;
    steps.command(
        util::cargo()
            .args(["build", "-p", "allia-app"])
            .args(APP_FEATURES)
            .current_dir(&root),
    )?;
    steps.command(
        util::cargo()
            .args(["build", "-p", "allia-cli"])
            .current_dir(&root),
    )?;
    let mut e2e = e2e_command(&tests, &driver)?;
    e2e.env(
        "ALLIA_SCREENSHOTS_DIR",
        root.join("docs").join("screenshots"),
    );
    steps.command(&mut e2e)?;
    steps.summary(None);
    Ok(())
}

/// tauri-driver drives WebKitGTK (Linux) and WebView2 (Windows); macOS has no WebDriver.
fn e2e_supported() -> bool {
    !cfg!(target_os = "macos")
}

/// `npm test` in tests/, under a virtual X server on Linux.
fn e2e_command(tests: &Path, driver: &Path) -> Result<Command> {
    let app: PathBuf = util::app_binary();
    if !app.is_file() {
        return Err(fail!("the app binary is missing: {}", app.display()));
    }
    let mut cmd = if cfg!(target_os = "linux") {
        if util::which("WebKitWebDriver").is_none() {
            return Err(fail!(
                "WebKitWebDriver is missing (Debian package webkit2gtk-driver)"
            ));
        }
        let mut xvfb = Command::new("xvfb-run");
        xvfb.args(["-a", "-s", "-screen 0 1280x800x24"]);
        xvfb.arg("npm");
        xvfb
    } else {
        util::npm()
    };
    cmd.arg("test")
        .current_dir(tests)
        .env("ALLIA_APP", &app)
        // The command line built next to the app (the scale spec makes its vault with it).
        .env(
            "ALLIA_CLI",
            util::target_dir()
                .join("debug")
                .join(format!("allia{}", std::env::consts::EXE_SUFFIX)),
        )
        .env("TAURI_DRIVER", driver)
        .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    Ok(cmd)
}
