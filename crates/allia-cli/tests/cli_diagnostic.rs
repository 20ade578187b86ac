//! `allia render --document diagnostic`: the diagnostic's one-page PDF from the vault
//! and from an exported alliance file, the same items in both; a .docx refused.

use std::process::Command;

mod common;
use common::{allia, demo_vault, path, stderr, stdout};

fn pdftotext(pdf: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("poppler-utils installed");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).replace('\u{a0}', " ")
}

#[test]
fn render_the_diagnostic_from_the_vault_and_from_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());

    let from_vault = dir.path().join("diagnostic-coffre.pdf");
    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--document",
        "diagnostic",
        "--out",
        path(&from_vault),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("diagnostic-coffre.pdf"));
    let text = pdftotext(&from_vault);
    for expected in [
        "Diagnostic interne",
        "Service partagé du Val de Brenne",
        "Forces (interne)",
        "Menaces (externe)",
        "Un réseau de 120 bénévoles actifs",
        "Baisse annoncée des subventions de fonctionnement",
        "Priorités stratégiques :",
    ] {
        assert!(text.contains(expected), "« {expected} » in:\n{text}");
    }

    let file = dir.path().join("alliance.json");
    let out = allia(&[
        "export",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--out",
        path(&file),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let from_file = dir.path().join("diagnostic-fichier.pdf");
    let out = allia(&[
        "render",
        "--input",
        path(&file),
        "--document",
        "diagnostic",
        "--out",
        path(&from_file),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        pdftotext(&from_file),
        text,
        "the file carries the whole diagnostic"
    );

    let docx = dir.path().join("diagnostic.docx");
    let out = allia(&[
        "render",
        "--input",
        path(&file),
        "--document",
        "diagnostic",
        "--out",
        path(&docx),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("doit finir par .pdf"),
        "{}",
        stderr(&out)
    );
    assert!(!docx.exists());
}
