//! `cargo xtask run`: the app in development mode.

use std::time::Duration;

use crate::deps;
use crate::util::{self, fail, Result};

/// Vite's port, as `devUrl` in src-tauri/tauri.conf.json expects it.
const DEV_PORT: u16 = 1420;

pub fn run(options: &[String]) -> Result {
    let flags = util::parse_flags(options, &["--dist"])?;
    let root = util::root();
    let ui = root.join("ui");
    deps::ensure_system_deps()?;
    deps::npm_ci_if_needed(&ui)?;

    if flags.iter().any(|f| f == "--dist") {
        // The same build as the end-to-end tests: UI bundled into the binary.
        let mut build = util::npm();
        build.args(["run", "build"]).current_dir(&ui);
        util::header(&util::describe(&build));
        util::run(&mut build)?;
        let mut app = util::cargo();
        app.args([
            "run",
            "-p",
            "allia-app",
            "--features",
            "tauri/custom-protocol",
        ])
        .current_dir(&root);
        util::header(&util::describe(&app));
        return util::run(&mut app);
    }

    let mut dev = util::npm();
    dev.args(["run", "dev"]).current_dir(&ui);
    util::header(&util::describe(&dev));
    let mut server = dev
        .spawn()
        .map_err(|e| fail!("could not start the UI dev server: {e}"))?;
    let outcome = util::wait_for_port(DEV_PORT, Duration::from_secs(60), &mut server)
        .map_err(|e| fail!("UI dev server: {e}"))
        .and_then(|()| {
            // Without tauri/custom-protocol the window loads devUrl (hot reload).
            let mut app = util::cargo();
            app.args(["run", "-p", "allia-app"]).current_dir(&root);
            util::header(&util::describe(&app));
            util::run(&mut app)
        });
    util::stop(&mut server);
    outcome
}
