//! `allia render --document evaluation`: the demo alliance's evaluation report from the
//! vault, with its indicators, statuses, key indicators' charts and decisions; a .docx,
//! a bad date and an alliance file refused with a French message.

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
    String::from_utf8_lossy(&out.stdout)
        .replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn render_the_demo_evaluation_report_from_the_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let pdf = dir.path().join("rapport.pdf");
    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--document",
        "evaluation",
        "--date",
        "2026-12-01",
        "--out",
        path(&pdf),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("rapport.pdf"));
    let text = pdftotext(&pdf);
    for expected in [
        "Rapport d’évaluation",
        "le 1er décembre 2026",
        "Finalités de l’évaluation",
        "Questions évaluatives",
        "Indicateurs",
        "Dernière valeur",
        "Indicateurs clés",
        "Trajectoire prévue",
        "Valeurs mesurées",
        "janv. 2026",
        "Analyse des écarts et décisions",
        "Décision :",
    ] {
        assert!(text.contains(expected), "« {expected} » in:\n{text}");
    }
    // Some of the demo's indicators are on track, some late (issue 12, item 9).
    assert!(text.contains("En bonne voie"), "{text}");
    assert!(text.contains("En retard"), "{text}");

    // The vault's own export knows the same indicators: each one is in the report.
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
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("json");
    if let Some(indicators) = json
        .pointer("/evaluation/indicators")
        .and_then(|v| v.as_array())
    {
        assert!(indicators.len() >= 8, "{}", indicators.len());
        for indicator in indicators {
            let name = indicator
                .get("name")
                .and_then(|n| n.as_str())
                .expect("a name")
                .replace(['\u{a0}', '\u{202f}'], " ");
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains(&name), "« {name} » in:\n{text}");
        }
    }

    // An alliance file: read from the vault only, said in French.
    let out = allia(&[
        "render",
        "--input",
        path(&file),
        "--document",
        "evaluation",
        "--out",
        path(&dir.path().join("fichier.pdf")),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("depuis le coffre"),
        "{}",
        stderr(&out)
    );

    let docx = dir.path().join("rapport.docx");
    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--document",
        "evaluation",
        "--out",
        path(&docx),
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("PDF"), "{}", stderr(&out));
    assert!(!docx.exists());

    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--document",
        "evaluation",
        "--date",
        "1er décembre",
        "--out",
        path(&pdf),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("n’est pas une date"),
        "{}",
        stderr(&out)
    );
}
