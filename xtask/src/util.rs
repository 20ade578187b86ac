//! Small helpers shared by the commands: paths, running programs, errors.

use std::fmt;
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// A failure, already worded for the person at the terminal.
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub type Result<T = ()> = std::result::Result<T, Error>;

/// Builds an [`Error`] from a format string.
macro_rules! fail {
    ($($arg:tt)*) => { $crate::util::Error(format!($($arg)*)) };
}
pub(crate) use fail;

/// The workspace root (the parent of `xtask/`). `cargo run` sets CARGO_MANIFEST_DIR
/// at run time too; it wins over the compile-time value, which may name another
/// checkout sharing the same target directory.
pub fn root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or(manifest_dir)
}

/// Cargo's target directory: `CARGO_TARGET_DIR` (relative to the root) or `<root>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

/// The debug build of the desktop app.
pub fn app_binary() -> PathBuf {
    target_dir()
        .join("debug")
        .join(format!("allia-app{}", std::env::consts::EXE_SUFFIX))
}

/// The cargo that started us (so `cargo +nightly xtask` stays on nightly).
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// `npm`, which is `npm.cmd` on Windows.
pub fn npm() -> Command {
    Command::new(if cfg!(windows) { "npm.cmd" } else { "npm" })
}

/// The command line as the user would type it, for headers and errors.
pub fn describe(cmd: &Command) -> String {
    // `cargo` rather than the full path in $CARGO; `npm` rather than `npm.cmd`.
    let program = Path::new(cmd.get_program());
    let name = program.file_stem().unwrap_or(program.as_os_str());
    let mut words = vec![name.to_string_lossy().into_owned()];
    words.extend(cmd.get_args().map(|arg| {
        let arg = arg.to_string_lossy();
        if arg.contains(' ') {
            format!("\"{arg}\"")
        } else {
            arg.into_owned()
        }
    }));
    let line = words.join(" ");
    match cmd.get_current_dir() {
        Some(dir) => match dir.strip_prefix(root()) {
            Ok(rel) if !rel.as_os_str().is_empty() => format!("{line}   (in {})", rel.display()),
            _ => line,
        },
        None => line,
    }
}

/// Prints the `==> …` header of a step.
pub fn header(title: &str) {
    println!("\n==> {title}");
}

/// Runs a command to completion with inherited stdio; a non-zero exit is an error.
pub fn run(cmd: &mut Command) -> Result {
    let line = describe(cmd);
    let status = cmd
        .status()
        .map_err(|e| fail!("could not start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(fail!("`{line}` failed ({status})"))
    }
}

/// Runs a command quietly and tells whether it exited with success.
pub fn succeeds(cmd: &mut Command) -> bool {
    cmd.stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Finds an executable on `PATH`.
pub fn which(name: &str) -> Option<PathBuf> {
    let file = format!("{name}{}", std::env::consts::EXE_SUFFIX);
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(&file))
        .find(|candidate| candidate.is_file())
}

/// `$CARGO_HOME/bin` (default `~/.cargo/bin`).
pub fn cargo_bin_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CARGO_HOME").filter(|h| !h.is_empty()) {
        return Some(PathBuf::from(home).join("bin"));
    }
    let home = std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" })?;
    Some(PathBuf::from(home).join(".cargo").join("bin"))
}

/// Waits until something accepts TCP connections on `port` (IPv4 or IPv6 loopback),
/// giving up after `timeout` or as soon as `child` exits.
pub fn wait_for_port(port: u16, timeout: Duration, child: &mut Child) -> Result {
    let addresses: [SocketAddr; 2] = [
        ([127, 0, 0, 1], port).into(),
        (std::net::Ipv6Addr::LOCALHOST, port).into(),
    ];
    let start = Instant::now();
    loop {
        if addresses
            .iter()
            .any(|a| TcpStream::connect_timeout(a, Duration::from_millis(200)).is_ok())
        {
            return Ok(());
        }
        if let Ok(Some(status)) = child.try_wait() {
            return Err(fail!(
                "the process meant to listen on port {port} exited ({status})"
            ));
        }
        if start.elapsed() > timeout {
            return Err(fail!(
                "nothing listens on port {port} after {}s",
                timeout.as_secs()
            ));
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// Accepts only the given flags; returns which ones were passed.
pub fn parse_flags(options: &[String], known: &[&str]) -> Result<Vec<String>> {
    for option in options {
        if !known.contains(&option.as_str()) {
            return Err(fail!(
                "unknown option `{option}` (known: {}); try `cargo xtask help`",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            ));
        }
    }
    Ok(options.to_vec())
}

/// True when `path`'s modification time is older than `than`'s (or unknown).
pub fn is_older(path: &Path, than: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(path), modified(than)) {
        (Some(a), Some(b)) => a < b,
        _ => true,
    }
}
