//! `cargo xtask <command>`: the project's cross-platform task runner.
//!
//! Plain Rust, standard library only. Every external command runs with inherited
//! stdio; the first failure stops everything with a clear message.

mod deps;
mod run;
mod soak;
mod test;
mod util;

use std::process::ExitCode;

const HELP: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  run          Start Allia in development mode (Vite dev server + `cargo run -p allia-app`).
      --dist   Build the UI once and run the app on it (no dev server, no hot reload).
  test         Everything CI checks, in order, stopping at the first failure:
               system packages, tauri-driver, cargo-deny, npm ci, cargo fmt,
               cargo deny check licenses bans sources (offline), UI build, clippy,
               cargo test, svelte-check, vitest, app build, end-to-end tests.
               Cargo builds get --features tauri/custom-protocol,allia-app/e2e-hooks
               (the e2e hooks replace file dialogs; release bundles never get them).
      --no-e2e Skip the end-to-end tests (and the app build they need).
  screenshots  Build the app and run the end-to-end scenarios, saving the screens
               shown in the documentation to docs/screenshots/.
  soak         Crash soak: 100 SIGKILLs of a writer on a real vault (during writes,
               imports and backups), each followed by unlock, integrity checks and a
               look-up of every reported commit; figures to docs/reliability.md.
               (`cargo test` runs the same soak with 10 kills.)
  help         Show this message.

Environment:
  CARGO_TARGET_DIR  Cargo's target directory (default: <repo>/target).
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, options) = match args.split_first() {
        Some((command, options)) => (command.as_str(), options),
        None => ("help", &[][..]),
    };
    let outcome = match command {
        "run" => run::run(options),
        "test" => test::test(options),
        "screenshots" => test::screenshots(options),
        "soak" => soak::soak(options),
        "help" | "-h" | "--help" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(util::Error(format!(
            "unknown command `{other}`; try `cargo xtask help`"
        ))),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nxtask: error: {error}");
            ExitCode::FAILURE
        }
    }
}
