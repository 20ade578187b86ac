//! Writing a PDF under test and reading it back with poppler-utils, shared by the PDF
//! tests (included with `#[path]`; `tests/common/` holds no test of its own).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes the PDF in `dir`; with ALLIA_SAMPLE_DIR set, also keeps a copy there to look at.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write pdf");
    if let Some(keep) = std::env::var_os("ALLIA_SAMPLE_DIR") {
        std::fs::write(Path::new(&keep).join(name), bytes).expect("keep pdf");
    }
    path
}

/// Runs a poppler tool (`pdfinfo`, `pdffonts`…) on `path` and returns its output.
pub fn tool(name: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(path)
        .output()
        .expect("poppler-utils installed");
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// The text `pdftotext` extracts from `path` (with `args` such as `-layout`, `-f 2`).
pub fn text(path: &Path, args: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(args)
        .arg(path)
        .arg("-")
        .output()
        .expect("poppler-utils installed");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}
