//! `cargo xtask run`: the app in development mode.

use std::process::{Child, Command};
use std::time::{Duration, Instant};

use crate::deps;
use crate::util::{self, fail, Result};

#[cfg(test)]
mod tests;

/// Vite's port, as `devUrl` in src-tauri/tauri.conf.json expects it.
const DEV_PORT: u16 = 1420;

/// How long the dev server may take to end after SIGTERM before it is killed.
const GRACE: Duration = Duration::from_secs(5);

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
    let mut server = ProcessTree::start(&mut dev)
        .map_err(|e| fail!("could not start the UI dev server: {e}"))?;
    let outcome = util::wait_for_port(DEV_PORT, Duration::from_secs(60), server.leader())
        .map_err(|e| fail!("UI dev server: {e}"))
        .and_then(|()| {
            // Without tauri/custom-protocol the window loads devUrl (hot reload).
            let mut app = util::cargo();
            app.args(["run", "-p", "allia-app"]).current_dir(&root);
            util::header(&util::describe(&app));
            util::run(&mut app)
        });
    // App closed or failed: the dev server goes with it, port 1420 with it. (Dropping
    // `server` would do the same; Ctrl+C is the watchdog's job, see `ProcessTree`.)
    server.stop();
    outcome
}

/// A program and every process it starts in turn (`npm run dev` → sh → vite →
/// esbuild), ended together so that none outlives `cargo xtask run` and keeps its port.
///
/// Ending only the program is not enough: npm does not always pass the signal on, and
/// vite then keeps port 1420, so the next `cargo xtask run` fails with « Port 1420 is
/// already in use ». On Unix the program leads a process group of its own and the whole
/// group is signalled; on Windows `taskkill /T` ends the tree.
///
/// The tree is ended by [`ProcessTree::stop`], when dropped, and on Unix also when
/// xtask itself dies without running either (Ctrl+C, `kill`, a closed terminal): a small
/// watchdog shell, in a group of its own so Ctrl+C does not reach it, reads a pipe from
/// xtask and ends the group when that pipe closes, which the kernel does for a process
/// that dies however it dies. (A console Ctrl+C on Windows reaches every process of the
/// console already.)
pub struct ProcessTree {
    leader: Child,
    /// The watchdog shell; its stdin is the pipe whose closing ends the tree.
    #[cfg(unix)]
    watchdog: Option<Child>,
    stopped: bool,
}

impl ProcessTree {
    /// Starts `command` as the leader of a new tree. On Unix its stdin is emptied: a
    /// process group other than the terminal's foreground one would be stopped
    /// (SIGTTIN) if it read the terminal, as vite does for its keyboard shortcuts.
    pub fn start(command: &mut Command) -> std::io::Result<ProcessTree> {
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            command.process_group(0).stdin(std::process::Stdio::null());
        }
        let leader = command.spawn()?;
        #[cfg(unix)]
        let watchdog = start_watchdog(leader.id());
        Ok(ProcessTree {
            leader,
            #[cfg(unix)]
            watchdog,
            stopped: false,
        })
    }

    /// The program started (the leader of the tree), e.g. to see whether it exited.
    pub fn leader(&mut self) -> &mut Child {
        &mut self.leader
    }

    /// Ends every process of the tree: SIGTERM to the group, up to [`GRACE`] for the
    /// leader to end, then SIGKILL to whatever of the group is left. Idempotent.
    pub fn stop(&mut self) {
        if self.stopped {
            return;
        }
        self.stopped = true;
        let pid = self.leader.id();
        if cfg!(windows) {
            let _ = util::succeeds(Command::new("taskkill").args([
                "/PID",
                &pid.to_string(),
                "/T",
                "/F",
            ]));
        } else {
            // The group's id is the leader's pid; the system does not hand it to a new
            // process while the leader is unreaped or any member of the group remains.
            signal_group(pid, "TERM");
            let deadline = Instant::now() + GRACE;
            while Instant::now() < deadline && !matches!(self.leader.try_wait(), Ok(Some(_))) {
                std::thread::sleep(Duration::from_millis(100));
            }
            // Whatever outlived its parent or ignored SIGTERM. The group's id stays
            // reserved while a member of it remains.
            signal_group(pid, "KILL");
        }
        let _ = self.leader.kill();
        let _ = self.leader.wait();
        #[cfg(unix)]
        if let Some(mut watchdog) = self.watchdog.take() {
            let _ = watchdog.kill();
            let _ = watchdog.wait();
        }
    }
}

impl Drop for ProcessTree {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Sends `signal` (`TERM`, `KILL`) to every process of the group `group`.
fn signal_group(group: u32, signal: &str) {
    let _ = util::succeeds(Command::new("kill").args(["-s", signal, "--", &format!("-{group}")]));
}

/// Starts the shell that ends the group `group` once its stdin, a pipe from xtask,
/// closes. `None` if it cannot start: the tree is then still ended on every path but
/// xtask's own death, which is said once on stderr.
#[cfg(unix)]
fn start_watchdog(group: u32) -> Option<Child> {
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;
    const SCRIPT: &str =
        r#"read _; kill -s TERM -- "-$1" 2>/dev/null; sleep 2; kill -s KILL -- "-$1" 2>/dev/null"#;
    let started = Command::new("sh")
        .args(["-c", SCRIPT, "xtask-watchdog", &group.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn();
    match started {
        Ok(watchdog) => Some(watchdog),
        Err(e) => {
            eprintln!("xtask: warning: no watchdog for process group {group} ({e}); Ctrl+C may leave it running");
            None
        }
    }
}
