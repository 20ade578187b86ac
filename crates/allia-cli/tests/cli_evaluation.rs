//! `allia render --document evaluation`: the demo alliance's evaluation report from the
//! vault, with its indicators, statuses, key indicators' charts and decisions; the same
//! report as a DOCX (the charts as tables of their values); another extension, a bad
//! date and an alliance file refused with a French message.

use std::path::Path;
use std::process::{Command, Output};

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

/// `allia render --document evaluation` of `vault`'s alliance `id` as of 1 December 2026
/// into `out` (its extension chooses PDF or DOCX).
fn render_report(vault: &Path, id: &str, out: &Path) -> Output {
    allia(&[
        "render",
        "--vault",
        path(vault),
        "--alliance",
        id,
        "--document",
        "evaluation",
        "--date",
        "2026-12-01",
        "--out",
        path(out),
    ])
}

#[test]
fn render_the_demo_evaluation_report_from_the_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let pdf = dir.path().join("rapport.pdf");
    let out = render_report(&vault, &id, &pdf);
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

    // Any other extension than .pdf or .docx: refused, naming both.
    let odt = dir.path().join("rapport.odt");
    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--document",
        "evaluation",
        "--out",
        path(&odt),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("le fichier doit finir par .pdf ou .docx."),
        "{}",
        stderr(&out)
    );
    assert!(!odt.exists());

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

/// The file's `word/document.xml`, read with `unzip` (a DOCX is a zip).
fn document_xml(docx: &std::path::Path) -> String {
    let out = Command::new("unzip")
        .arg("-p")
        .arg(docx)
        .arg("word/document.xml")
        .output()
        .expect("unzip installed");
    assert!(
        out.status.success(),
        "word/document.xml in {}",
        docx.display()
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn render_the_demo_evaluation_report_as_docx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let docx = dir.path().join("rapport.docx");
    let out = render_report(&vault, &id, &docx);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("rapport.docx"));
    let bytes = std::fs::read(&docx).expect("read");
    assert!(bytes.starts_with(b"PK"), "a DOCX is a zip");
    let xml = document_xml(&docx);

    // The alliance's name and its indicators' names, from the vault's own export.
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
    let name = json
        .pointer("/alliance/name")
        .and_then(|n| n.as_str())
        .expect("the alliance's name");
    let indicator = json
        .pointer("/evaluation/indicators/0/name")
        .and_then(|n| n.as_str())
        .expect("an indicator's name");
    // The text of the runs, tags removed, spaces as pdftotext's: numbers are tied to
    // their words with non-breaking spaces.
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let squeeze = |s: &str| {
        s.replace(['\u{a0}', '\u{202f}'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = squeeze(&text);
    for expected in [
        name,
        indicator,
        "Rapport d’évaluation",
        "Analyse des écarts et décisions",
        "Le graphique figure dans la version PDF",
    ] {
        let expected = squeeze(expected);
        assert!(text.contains(&expected), "« {expected} » in:\n{text}");
    }
    // A chart's table of values: its header cell « Date ».
    assert!(xml.contains(">Date</w:t>"), "the chart's table header");
    // A status in words: the demo has indicators on track and late ones.
    assert!(text.contains("En bonne voie"), "a status word in:\n{text}");
    assert!(text.contains("En retard"), "a status word in:\n{text}");
}
