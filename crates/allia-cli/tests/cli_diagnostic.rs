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

/// `allia validate` on a file whose diagnostic breaks its caps: one problem a line, every
/// line ended (the last one too, so a shell prompt or the next command's output never
/// runs on), « Trop d’éléments » elided, and the summary on stderr on its own line.
#[test]
fn validate_lists_each_diagnostic_problem_on_its_own_ended_line() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/diagnostic-problems.json");
    let out = allia(&["validate", path(&file)]);
    assert!(!out.status.success());
    let listed = stdout(&out);
    assert!(
        listed.ends_with(").\n") || listed.ends_with(")\n"),
        "{listed:?}"
    );
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 5, "{listed}");
    for line in &lines {
        assert!(line.ends_with(')'), "each line ends with its place: {line}");
    }
    assert!(
        listed.contains("Trop d’éléments «\u{a0}Faiblesses\u{a0}»\u{a0}: 12 au plus (14 en tout). (diagnostic.items)\n"),
        "{listed}"
    );
    assert!(!listed.contains("Trop de é"), "{listed}");
    let summary = stderr(&out);
    assert!(summary.ends_with("5 problèmes.\n"), "{summary:?}");
}

/// The largest diagnostic the caps allow still prints on one page: the PDF is written,
/// and stderr says its longest texts were cut.
#[test]
fn render_warns_when_texts_are_cut_to_hold_one_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../allia-docs/tests/data/diagnostic-max.json");
    let pdf = dir.path().join("diagnostic.pdf");
    let out = allia(&[
        "render",
        "--input",
        path(&file),
        "--document",
        "diagnostic",
        "--out",
        path(&pdf),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let warned = stderr(&out);
    assert!(
        warned.starts_with("allia : à vérifier : le diagnostic ne tient pas sur une page A4"),
        "{warned}"
    );
    assert!(warned.ends_with(".\n"), "{warned:?}");
    let info = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("poppler-utils installed");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["Pages:", "1"]),
        "{info}"
    );
}
