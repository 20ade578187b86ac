//! `allia render --document dossier`: the dossier de présentation from the vault and
//! from an exported alliance file, the same text in both, every figure of the demo with
//! its source; a .docx refused.

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
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Without any kind of space or hyphen: wrapping in table cells cannot hide a text.
fn squashed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

#[test]
fn render_the_dossier_from_the_vault_and_from_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());

    let from_vault = dir.path().join("dossier-coffre.pdf");
    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--document",
        "dossier",
        "--out",
        path(&from_vault),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("dossier-coffre.pdf"));
    let text = pdftotext(&from_vault);
    let flat = squashed(&text);
    for expected in [
        "Dossier de présentation du projet",
        "Service partagé du Val de Brenne",
        "1. Le besoin social",
        "Chiffres clés",
        "4. Les acteurs clés à mobiliser",
    ] {
        assert!(text.contains(expected), "« {expected} » in:\n{text}");
    }
    let (_, figures) = allia_core::project_dossier::demo_dossier();
    assert!(figures.len() >= 4);
    for f in &figures {
        // A label wraps in its cell and pdftotext may set the next cell's text between
        // its lines: each of its words is looked for.
        for word in f.label.split_whitespace() {
            assert!(
                text.contains(word),
                "« {word} » of « {} » in:\n{text}",
                f.label
            );
        }
        for expected in [&f.source, &f.year.to_string()] {
            assert!(
                flat.contains(&squashed(expected)),
                "« {expected} » in:\n{text}"
            );
        }
        assert!(flat.contains(&squashed(f.source_kind.label())));
    }
    assert!(flat.contains("23480habitants"), "{text}");
    assert!(flat.contains("9,5heuresparsemaine"), "{text}");

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
    let from_file = dir.path().join("dossier-fichier.pdf");
    let out = allia(&[
        "render",
        "--input",
        path(&file),
        "--document",
        "dossier",
        "--out",
        path(&from_file),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        pdftotext(&from_file),
        text,
        "the file carries the whole dossier"
    );

    let docx = dir.path().join("dossier.docx");
    let out = allia(&[
        "render",
        "--input",
        path(&file),
        "--document",
        "dossier",
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

#[test]
fn the_demo_dossier_survives_export_and_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let first = dir.path().join("premier.json");
    let out = allia(&[
        "export",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--out",
        path(&first),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    let other = dir.path().join("autre-coffre");
    let out = allia(&["init", "--vault", path(&other)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = allia(&["import", "--vault", path(&other), "--input", path(&first)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let second = dir.path().join("second.json");
    let out = allia(&[
        "export",
        "--vault",
        path(&other),
        "--alliance",
        &id,
        "--out",
        path(&second),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    let read = |p: &std::path::Path| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(p).expect("read")).expect("json")
    };
    let (a, b) = (read(&first), read(&second));
    let dossier = &a["projectDossier"];
    assert!(
        dossier["figures"].as_array().is_some_and(|f| f.len() >= 4),
        "{dossier}"
    );
    assert_eq!(
        &b["projectDossier"], dossier,
        "ids, texts, figures and dates"
    );
}
