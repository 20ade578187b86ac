//! Everything the build needs that is not in the repository: system packages,
//! npm packages, tauri-driver, cargo-deny, the standard libraries of foreign targets.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{self, fail, Result};

/// Debian/Ubuntu packages for building and testing the app (see TOOLCHAIN.md).
const APT_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "libsoup-3.0-dev",
    "libjavascriptcoregtk-4.1-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "libxdo-dev",
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "perl",
    "make",
    "file",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "poppler-utils",
    "imagemagick",
    // dbus-daemon and dbus-send: the session-lock test runs a private bus.
    "dbus-daemon",
    "dbus-bin",
    // soffice headless and the body font: the DOCX layout tests convert with LibreOffice.
    "libreoffice-writer-nogui",
    // soffice converts spreadsheets: the CSV import test saves an .ods as CSV.
    "libreoffice-calc-nogui",
    "fonts-liberation",
];

const TAURI_DRIVER_VERSION: &str = "2.1.0";

/// The cargo-deny that reads deny.toml (its config format changes between releases).
const CARGO_DENY_VERSION: &str = "0.20.2";

/// The systems whose own code (crates/allia-session) is linted from here although it
/// cannot run here: Windows and macOS.
pub const FOREIGN_TARGETS: &[&str] = &["x86_64-pc-windows-gnu", "aarch64-apple-darwin"];

/// Adds the standard library of each [`FOREIGN_TARGETS`] with rustup (a no-op once
/// there) and returns the targets available. A machine without rustup or without
/// access to its download server gets an empty list and a visible notice, not a failure:
/// those targets are also built and tested on real runners (session-lock.yml).
pub fn ensure_foreign_targets() -> Result<Vec<&'static str>> {
    util::header("rustup target add (Windows, macOS)");
    let added = Command::new("rustup")
        .args(["target", "add"])
        .args(FOREIGN_TARGETS)
        .status();
    match added {
        Ok(status) if status.success() => Ok(FOREIGN_TARGETS.to_vec()),
        Ok(status) => {
            println!("NOTICE: rustup failed ({status}): Windows and macOS code not linted here");
            Ok(Vec::new())
        }
        Err(error) => {
            println!("NOTICE: no rustup ({error}): Windows and macOS code not linted here");
            Ok(Vec::new())
        }
    }
}

/// Installs the missing apt packages on Debian/Ubuntu; elsewhere, does nothing.
pub fn ensure_system_deps() -> Result {
    util::header("system packages");
    if !cfg!(target_os = "linux") {
        println!("not Linux: skipped (install the Tauri prerequisites for your OS once).");
        return Ok(());
    }
    if !Path::new("/etc/debian_version").exists() || util::which("dpkg-query").is_none() {
        println!(
            "not Debian/Ubuntu: skipped. Needed (Debian names): {}",
            APT_PACKAGES.join(" ")
        );
        return Ok(());
    }
    let missing = missing_apt_packages()?;
    if missing.is_empty() {
        println!("all {} packages are installed.", APT_PACKAGES.len());
        return Ok(());
    }
    println!("missing: {}", missing.join(" "));
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !as_root && util::which("sudo").is_none() {
        return Err(fail!(
            "not root and no sudo: install them yourself with\n  apt-get install -y --no-install-recommends {}",
            missing.join(" ")
        ));
    }
    let apt = |args: &[&str]| {
        let mut cmd = if as_root {
            Command::new("env")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.arg("env");
            sudo
        };
        cmd.arg("DEBIAN_FRONTEND=noninteractive")
            .arg("apt-get")
            .args(args);
        cmd
    };
    util::run(&mut apt(&["update"]))?;
    let mut install = apt(&["install", "-y", "--no-install-recommends"]);
    install.args(&missing);
    util::run(&mut install)
}

fn missing_apt_packages() -> Result<Vec<String>> {
    // Unknown packages make dpkg-query complain on stderr and exit 1: that is fine,
    // we only read the lines it prints for the installed ones.
    let output = Command::new("dpkg-query")
        .args(["-W", "-f=${Package} ${db:Status-Abbrev}\n"])
        .args(APT_PACKAGES)
        .stderr(std::process::Stdio::null())
        .output()
        .map_err(|e| fail!("could not run dpkg-query: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let installed: HashSet<&str> = stdout
        .lines()
        .filter_map(|line| line.split_once(' '))
        .filter(|(_, status)| status.trim_end() == "ii")
        .map(|(name, _)| name.split(':').next().unwrap_or(name))
        .collect();
    Ok(APT_PACKAGES
        .iter()
        .filter(|p| !installed.contains(**p))
        .map(|p| p.to_string())
        .collect())
}

/// Finds tauri-driver (PATH, then `~/.cargo/bin`), installing it with cargo if absent.
pub fn ensure_tauri_driver() -> Result<PathBuf> {
    util::header("tauri-driver");
    if let Some(found) = find_tauri_driver() {
        println!("found {}", found.display());
        return Ok(found);
    }
    util::run(util::cargo().args([
        "install",
        "tauri-driver",
        "--locked",
        "--version",
        TAURI_DRIVER_VERSION,
    ]))?;
    find_tauri_driver().ok_or_else(|| fail!("tauri-driver was installed but cannot be found"))
}

fn find_tauri_driver() -> Option<PathBuf> {
    let file = format!("tauri-driver{}", std::env::consts::EXE_SUFFIX);
    util::which("tauri-driver").or_else(|| {
        util::cargo_bin_dir()
            .map(|dir| dir.join(&file))
            .filter(|p| p.is_file())
    })
}

/// Finds cargo-deny, installing it if absent: first `<target dir>/tools/bin` (where
/// this installs it, so CI, which keeps its target directory, installs it once), then
/// `PATH`, then `~/.cargo/bin`. Installing compiles it from crates.io (a few minutes).
pub fn ensure_cargo_deny() -> Result<PathBuf> {
    util::header("cargo-deny");
    let tools = util::target_dir().join("tools");
    if let Some(found) = find_cargo_deny(&tools) {
        println!("found {}", found.display());
        return Ok(found);
    }
    println!(
        "not found: installing cargo-deny {CARGO_DENY_VERSION} into {} (a few minutes, once)",
        tools.display()
    );
    let mut install = util::cargo();
    install
        .args([
            "install",
            "cargo-deny",
            "--locked",
            "--version",
            CARGO_DENY_VERSION,
            "--root",
        ])
        .arg(&tools)
        // Built in cargo's own temporary directory, not among the app's artifacts.
        .env_remove("CARGO_TARGET_DIR");
    util::run(&mut install)?;
    find_cargo_deny(&tools).ok_or_else(|| fail!("cargo-deny was installed but cannot be found"))
}

fn find_cargo_deny(tools: &Path) -> Option<PathBuf> {
    let file = format!("cargo-deny{}", std::env::consts::EXE_SUFFIX);
    Some(tools.join("bin").join(&file))
        .filter(|p| p.is_file())
        .or_else(|| util::which("cargo-deny"))
        .or_else(|| {
            util::cargo_bin_dir()
                .map(|dir| dir.join(&file))
                .filter(|p| p.is_file())
        })
}

/// Runs `npm ci --ignore-scripts` in `dir` when `node_modules` is missing or older
/// than `package-lock.json`. Scripts stay off: webdriverio's drivers would download
/// browsers; the native binaries of vite and the Tauri CLI come as optional packages.
pub fn npm_ci_if_needed(dir: &Path) -> Result {
    let rel = dir.strip_prefix(util::root()).unwrap_or(dir);
    util::header(&format!(
        "npm ci --ignore-scripts   (in {}, when needed)",
        rel.display()
    ));
    let lock = dir.join("package-lock.json");
    if !lock.is_file() {
        return Err(fail!(
            "{} is missing: run `npm install --ignore-scripts` there and commit the lock file",
            lock.display()
        ));
    }
    let modules = dir.join("node_modules");
    // npm ci writes node_modules/.package-lock.json: its age is the install's age.
    let marker = modules.join(".package-lock.json");
    if modules.is_dir() && !util::is_older(&marker, &lock) {
        println!("node_modules is up to date.");
        return Ok(());
    }
    util::run(
        util::npm()
            .args(["ci", "--ignore-scripts"])
            .current_dir(dir),
    )
}
