//! Shared by the command-line tests: running `allia` as a script would, reading what
//! it printed, and a vault holding the demo alliance.
// Each test file uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const PASS: &str = "girafe violette sous la pluie de Lyon";

/// Runs the built `allia` with `args`, the vault's passphrase in its environment.
pub fn allia(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_allia"))
        .args(args)
        .env("ALLIA_PASSPHRASE", PASS)
        .output()
        .expect("run allia")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// Creates a vault in `dir/coffre` with the demo alliance; returns (vault dir, alliance id).
pub fn demo_vault(dir: &Path) -> (PathBuf, String) {
    let vault = dir.join("coffre");
    let out = allia(&["init", "--vault", path(&vault)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = allia(&["demo", "--vault", path(&vault)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out)
        .split('\t')
        .next()
        .unwrap_or_default()
        .to_string();
    (vault, id)
}
