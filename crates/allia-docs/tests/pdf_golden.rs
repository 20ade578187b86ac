//! The golden frozen version: a signed convention (alliance snapshot, settings and
//! signatures in `golden/frozen_convention.json`) must render to the very same PDF bytes
//! after any refactoring. A frozen version is a contract the parties signed: printing it
//! again must give the same file.
//!
//! When a change to the printed document is intended, run with `UPDATE_GOLDEN=1` to
//! rewrite `golden/frozen_convention.txt`, check its diff, and pin the new hash the
//! failure message gives.

#[path = "common/pdf_tools.rs"]
mod pdf_tools;
#[path = "common/pdf_sample.rs"]
mod sample;

use std::path::Path;

use allia_core::{AllianceFile, DocumentKind, DocumentVersion};
use allia_docs::model::{Block, Run, Signatures, Table};
use allia_docs::pdf;
use allia_docs::render::{options_for_version, render, Format};
use chrono::NaiveDate;
use pdf_tools::{text, write};
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// SHA-256 of the typesetter's sample (every kind of block, laid out directly).
const SAMPLE_SHA256: &str = "dd656564384531f3a2930d2650f6d0129034596ac028611e06dd982c802d5dab";
/// SHA-256 of the golden PDF.
const GOLDEN_SHA256: &str = "e3eccafe56a7fc785bdfc521e13626267d0c766f7b49bc2afbd8ff8f45daef77";

#[derive(Deserialize)]
struct Frozen {
    kind: DocumentKind,
    version: DocumentVersion,
    snapshot: AllianceFile,
}

fn golden(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn frozen_pdf() -> Vec<u8> {
    let json = std::fs::read_to_string(golden("frozen_convention.json")).expect("fixture");
    let frozen: Frozen = serde_json::from_str(&json).expect("fixture parses");
    assert!(frozen.version.frozen_at.is_some(), "the fixture is frozen");
    assert_eq!(frozen.version.signatures.len(), 2);
    // Any « today »: a frozen version is dated by the day it was frozen.
    let today = NaiveDate::from_ymd_opt(2031, 7, 14).expect("date");
    let options = options_for_version(frozen.kind, &frozen.version, today);
    render(&frozen.snapshot, &options, Format::Pdf)
        .expect("renders")
        .bytes
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_frozen_convention_renders_to_the_pinned_bytes() {
    let bytes = frozen_pdf();
    assert_eq!(bytes, frozen_pdf(), "two renders give the same bytes");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "frozen_convention.pdf", &bytes);
    let text = text(&path, &[]);
    let expected_path = golden("frozen_convention.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&expected_path, &text).expect("write golden text");
    }
    let expected = std::fs::read_to_string(&expected_path).expect("golden text");
    assert!(
        text == expected,
        "the text of the frozen convention changed (see golden/frozen_convention.txt)"
    );
    let hash = sha256(&bytes);
    assert_eq!(
        hash, GOLDEN_SHA256,
        "the frozen convention's PDF bytes changed: same text, different bytes"
    );
}

/// The sample convention with what it lacks: a table row taller than half a page, a
/// recovery key, a forced page break and signatures with blanks, one copy and a third row.
fn sample_document() -> allia_docs::model::Document {
    let mut doc = sample::convention(12);
    doc.blocks.push(Block::Table(Table {
        header: vec!["Partie".into(), "Apports".into()],
        rows: vec![vec![
            vec![Run::bold("Association Les Tilleuls")],
            vec![Run::plain(
                (0..24).map(sample::sentence).collect::<Vec<_>>().join(" "),
            )],
        ]],
        widths: vec![1.0, 3.0],
    }));
    doc.blocks.push(Block::PageBreak);
    doc.blocks.push(Block::Key {
        lines: vec!["ABCD EFGH JKLM NPQR".into(), "STVW XYZ0 1234 5678".into()],
    });
    doc.blocks.push(Block::Signatures(Signatures::new(
        " ",
        "",
        1,
        sample::signatories(7),
    )));
    doc
}

#[test]
fn the_typesetter_sample_renders_to_the_pinned_bytes() {
    let typesetter = pdf::shared().expect("fonts");
    let bytes = typesetter.render(&sample_document()).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "typesetter_sample.pdf", &bytes);
    let text = text(&path, &[]);
    assert!(text.contains("Fait à ……………………, le ……………………, en un exemplaire original."));
    assert_eq!(
        sha256(&bytes),
        SAMPLE_SHA256,
        "the typesetter's output changed"
    );
}
