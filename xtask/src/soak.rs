//! `cargo xtask soak`: the crash soak at full length. A writer committing on a real
//! encrypted vault is killed with SIGKILL 100 times (60 during writes, 20 during alliance
//! imports, 20 during backups); after each kill the vault must unlock, pass both
//! integrity checks and hold every commit the writer reported. The figures go to
//! docs/reliability.md. `cargo test` (and so `cargo xtask test`) runs the same test with
//! 10 kills.

use crate::util::{self, Result};

/// The same features as `cargo xtask test` passes (xtask/src/test.rs), so this build
/// reuses its artifacts instead of flipping features and rebuilding.
const APP_FEATURES: [&str; 2] = ["--features", "tauri/custom-protocol,allia-app/e2e-hooks"];

/// Kills in a full soak, spread over the writer's modes by the test itself.
const KILLS: u32 = 100;

pub fn soak(options: &[String]) -> Result {
    util::parse_flags(options, &[])?;
    let root = util::root();
    let report = root.join("docs").join("reliability.md");
    // The debug build `cargo xtask test` already made: no release build of SQLCipher
    // and OpenSSL just for this, and the figures hold for the build that is tested.
    let mut cmd = util::cargo();
    cmd.args(["test", "--workspace"])
        .args(APP_FEATURES)
        .args([
            "--test",
            "crash_soak",
            "--",
            "--exact",
            "crash_soak",
            "--nocapture",
        ])
        .env("ALLIA_SOAK_KILLS", KILLS.to_string())
        .env("ALLIA_SOAK_REPORT", &report)
        .env("ALLIA_SOAK_COMMAND", "cargo xtask soak")
        .current_dir(&root);
    util::header(&format!(
        "ALLIA_SOAK_KILLS={KILLS} ALLIA_SOAK_REPORT=docs/reliability.md {}",
        util::describe(&cmd)
    ));
    util::run(&mut cmd)?;
    println!("\nsoak figures written to {}", report.display());
    Ok(())
}
