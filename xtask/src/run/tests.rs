//! `cargo xtask run` must not leave its dev server behind. A stand-in for `npm run dev`
//! (a shell that starts a listener two levels down, as npm → sh → vite, and a sleeping
//! grandchild) is started with [`ProcessTree::start`], as `run` starts the real one, and
//! ended by each way `run` ends: [`ProcessTree::stop`] (app closed or failed) and xtask
//! itself interrupted by SIGINT (Ctrl+C). Every process of the tree must be gone and its
//! port free again.
//!
//! The listener and the stand-in xtask are this test binary run again with
//! `XTASK_TEST_HELPER` set (see [`helper_process`]), so no other tool is needed.

#![cfg(unix)]

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::ProcessTree;
use crate::util;

const HELPER: &str = "XTASK_TEST_HELPER";
const PORT: &str = "XTASK_TEST_PORT";
const DIR: &str = "XTASK_TEST_DIR";

/// `npm run dev`, played by a shell: it records its pid, starts the listener through a
/// second shell (exec'd into this binary, as `sh -c vite` becomes node) and a sleeping
/// grandchild whose pid it records too, then waits for them.
const STAND_IN: &str = r#"echo $$ >> "$XTASK_TEST_DIR/pids"
sh -c 'exec "$0" --exact run::tests::helper_process --ignored >/dev/null' "$1" &
sleep 300 &
echo $! >> "$XTASK_TEST_DIR/pids"
wait"#;

fn stand_in_dev_server(dir: &Path, port: u16) -> Command {
    let exe = std::env::current_exe().expect("test binary path");
    let mut command = Command::new("sh");
    command
        .args(["-c", STAND_IN, "stand-in-dev-server"])
        .arg(exe)
        .env(HELPER, "listener")
        .env(PORT, port.to_string())
        .env(DIR, dir);
    command
}

/// The entry point of the helper processes, chosen by `XTASK_TEST_HELPER`: `listener`
/// (holds the port, like vite) or `xtask` (starts the stand-in tree as `run` does, then
/// waits as `run` waits for the app). Not a test of its own, hence ignored.
#[test]
#[ignore = "run only as a helper process by the tests of this module"]
fn helper_process() {
    let port = || -> u16 {
        std::env::var(PORT)
            .expect("XTASK_TEST_PORT")
            .parse()
            .expect("port")
    };
    let dir = || PathBuf::from(std::env::var_os(DIR).expect("XTASK_TEST_DIR"));
    match std::env::var(HELPER).as_deref() {
        Ok("listener") => {
            let listener = TcpListener::bind(("127.0.0.1", port())).expect("bind the port");
            append(&dir().join("pids"), std::process::id());
            std::thread::sleep(Duration::from_secs(300));
            drop(listener);
        }
        Ok("xtask") => {
            let dir = dir();
            let mut tree =
                ProcessTree::start(&mut stand_in_dev_server(&dir, port())).expect("start");
            util::wait_for_port(port(), Duration::from_secs(30), tree.leader())
                .expect("the stand-in listens");
            std::fs::write(dir.join("ready"), tree.leader().id().to_string()).expect("ready");
            // As `run` waits for the app: until interrupted.
            std::thread::sleep(Duration::from_secs(300));
        }
        _ => {}
    }
}

fn append(path: &Path, pid: u32) {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .expect("open pids");
    writeln!(file, "{pid}").expect("write pid");
}

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A port nobody listens on right now.
fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// Waits for `done`, checking every 50 ms, up to `timeout`.
fn eventually(timeout: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if done() {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `ps` lines `pid pgid stat` of every process.
fn processes() -> Vec<(u32, u32, String)> {
    let out = Command::new("ps")
        .args(["-e", "-o", "pid=,pgid=,stat="])
        .output()
        .expect("ps");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            Some((
                words.next()?.parse().ok()?,
                words.next()?.parse().ok()?,
                words.next()?.to_string(),
            ))
        })
        .collect()
}

/// The processes still running (zombies are dead: they only wait to be reaped, which
/// some containers' init never does) among `pids` or in the group `group`.
fn survivors(pids: &[u32], group: u32) -> Vec<u32> {
    processes()
        .into_iter()
        .filter(|(pid, pgid, stat)| {
            (pids.contains(pid) || *pgid == group) && !stat.starts_with('Z')
        })
        .map(|(pid, _, _)| pid)
        .collect()
}

/// The pids the tree recorded: its leader, the sleeping grandchild and the listener.
fn recorded_pids(dir: &Path) -> Vec<u32> {
    let mut pids = Vec::new();
    assert!(
        eventually(Duration::from_secs(30), || {
            pids = std::fs::read_to_string(dir.join("pids"))
                .unwrap_or_default()
                .lines()
                .filter_map(|l| l.trim().parse().ok())
                .collect();
            pids.len() == 3
        }),
        "the stand-in tree did not start: pids {pids:?}"
    );
    pids
}

fn listening(port: u16) -> bool {
    TcpStream::connect(("127.0.0.1", port)).is_ok()
}

/// Free again: connections are refused and the port can be bound.
fn free(port: u16) -> bool {
    !listening(port) && TcpListener::bind(("127.0.0.1", port)).is_ok()
}

fn assert_tree_gone(pids: &[u32], group: u32, port: u16) {
    assert!(
        eventually(Duration::from_secs(10), || survivors(pids, group)
            .is_empty()),
        "processes of the dev server tree survived: {:?}",
        survivors(pids, group)
    );
    assert!(
        eventually(Duration::from_secs(5), || free(port)),
        "port {port} is still held"
    );
}

#[test]
fn stopping_ends_every_process_of_the_tree_and_frees_its_port() {
    let dir = TempDir::new("run-stop");
    let port = free_port();
    let mut tree = ProcessTree::start(&mut stand_in_dev_server(&dir.0, port)).expect("start");
    let group = tree.leader().id();
    util::wait_for_port(port, Duration::from_secs(30), tree.leader()).expect("listening");
    let pids = recorded_pids(&dir.0);
    assert!(pids.contains(&group));
    assert_eq!(
        survivors(&pids, group).len(),
        3,
        "leader, sleeper, listener"
    );

    tree.stop();

    assert_tree_gone(&pids, group, port);
    tree.stop(); // a second stop (then the drop) is harmless
}

#[test]
fn interrupting_xtask_ends_the_tree_it_started() {
    let dir = TempDir::new("run-interrupt");
    let port = free_port();
    let mut xtask = Command::new(std::env::current_exe().expect("test binary path"))
        .args(["--exact", "run::tests::helper_process", "--ignored"])
        .stdout(std::process::Stdio::null())
        .env(HELPER, "xtask")
        .env(PORT, port.to_string())
        .env(DIR, &dir.0)
        .spawn()
        .expect("start the stand-in xtask");
    let mut group = None;
    let ready = eventually(Duration::from_secs(30), || {
        group = std::fs::read_to_string(dir.0.join("ready"))
            .ok()
            .and_then(|s| s.trim().parse::<u32>().ok());
        group.is_some()
    });
    if !ready {
        let _ = xtask.kill();
        panic!("the stand-in xtask did not start its tree");
    }
    let group = group.expect("the tree's group");
    let pids = recorded_pids(&dir.0);
    assert!(listening(port));

    // Ctrl+C: SIGINT, which xtask does not handle: it dies without running `stop`.
    assert!(util::succeeds(Command::new("kill").args([
        "-s",
        "INT",
        &xtask.id().to_string()
    ])));
    let status = xtask.wait().expect("wait for the stand-in xtask");
    assert!(!status.success(), "xtask was interrupted ({status})");

    assert_tree_gone(&pids, group, port);
}
