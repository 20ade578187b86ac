//! The diagnostic's one-page PDF read back with poppler: the title with the alliance and
//! the association, the needs, and every SWOT item in its quadrant of the 2×2 grid (left
//! or right column, under « Interne » or « Externe »), in its order, with its importance.

#[path = "common/pdf_tools.rs"]
mod pdf_tools;

use allia_core::diagnostic::demo_diagnostic;
use allia_core::{Diagnostic, DiagnosticNeeds, SwotItem, SwotQuadrant};
use allia_docs::diagnostic::{self, DiagnosticPdf};
use chrono::{NaiveDate, Utc};
use pdf_tools::{text, tool, write};

/// The demo's diagnostic as stored: positions from 0 in each quadrant.
fn demo() -> Diagnostic {
    let (needs, items) = demo_diagnostic();
    let now = Utc::now();
    let mut next = [0u32; 4];
    let items = items
        .into_iter()
        .enumerate()
        .map(|(n, draft)| {
            let slot = SwotQuadrant::ALL
                .iter()
                .position(|q| *q == draft.quadrant)
                .expect("a quadrant");
            next[slot] += 1;
            SwotItem {
                id: format!("00000000-0000-4000-8000-{n:012}"),
                alliance_id: "a".into(),
                created_at: now,
                updated_at: now,
                position: next[slot] - 1,
                draft,
            }
        })
        .collect();
    Diagnostic {
        needs: Some(DiagnosticNeeds {
            id: "n".into(),
            alliance_id: "a".into(),
            created_at: now,
            updated_at: now,
            draft: needs,
        }),
        items,
    }
}

/// The first words of a text, as pdftotext writes them on one line.
fn start(text: &str) -> String {
    text.replace('\u{a0}', " ")
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// (line, column) of `needle` in the layout text, no-break spaces read as spaces.
fn place(lines: &[String], needle: &str) -> (usize, usize) {
    for (n, line) in lines.iter().enumerate() {
        if let Some(byte) = line.find(needle) {
            return (n, line[..byte].chars().count());
        }
    }
    panic!("« {needle} » not found in:\n{}", lines.join("\n"));
}

#[test]
fn every_item_is_printed_in_its_quadrant_on_one_page() {
    let mut d = demo();
    // Reordered: the last strength first, so the order printed is the stored one.
    for item in d.items.iter_mut() {
        if item.draft.quadrant == SwotQuadrant::Strengths {
            item.position = (item.position + 1) % 4;
        }
    }
    let bytes = diagnostic::render_pdf(&DiagnosticPdf {
        alliance: "Service partagé du Val de Brenne",
        association: Some("Association Brenne Insertion"),
        diagnostic: &d,
        date: NaiveDate::from_ymd_opt(2026, 12, 4).expect("date"),
    })
    .expect("pdf");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "diagnostic.pdf", &bytes);
    let info = tool("pdfinfo", &[], &path);
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["Pages:", "1"]),
        "{info}"
    );

    let plain = text(&path, &[]).replace('\u{a0}', " ");
    for expected in [
        "Diagnostic interne",
        "Service partagé du Val de Brenne",
        "Association Brenne Insertion",
        "Priorités stratégiques :",
        "Attentes vis-à-vis de l’alliance :",
        "Mode de participation envisagé :",
        "Interne",
        "Externe",
        "(majeure)",
        "(secondaire)",
    ] {
        assert!(plain.contains(expected), "« {expected} » in:\n{plain}");
    }

    let layout: Vec<String> = text(&path, &["-layout"])
        .replace('\u{a0}', " ")
        .lines()
        .map(str::to_string)
        .collect();
    let (forces_line, left_col) = place(&layout, "Forces (interne)");
    let (_, right_col) = place(&layout, "Faiblesses (interne)");
    let (external_line, _) = place(&layout, "Opportunités (externe)");
    assert!(forces_line < external_line);
    let middle = (left_col + right_col) / 2;
    for quadrant in SwotQuadrant::ALL {
        let mut last_line = 0;
        for item in d.quadrant(quadrant) {
            let (line, col) = place(&layout, &start(&item.draft.text));
            let left = matches!(
                quadrant,
                SwotQuadrant::Strengths | SwotQuadrant::Opportunities
            );
            assert_eq!(col < middle, left, "{:?}: {}", quadrant, item.draft.text);
            if quadrant.is_internal() {
                assert!(
                    line > forces_line && line < external_line,
                    "{}",
                    item.draft.text
                );
            } else {
                assert!(line > external_line, "{}", item.draft.text);
            }
            assert!(line > last_line, "{} printed in its order", item.draft.text);
            last_line = line;
        }
    }
}

#[test]
fn an_empty_diagnostic_says_what_is_missing() {
    let bytes = diagnostic::render_pdf(&DiagnosticPdf {
        alliance: "Alliance vide",
        association: None,
        diagnostic: &Diagnostic::default(),
        date: NaiveDate::from_ymd_opt(2026, 12, 4).expect("date"),
    })
    .expect("pdf");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "vide.pdf", &bytes);
    let plain = text(&path, &[]).replace('\u{a0}', " ");
    assert!(plain.contains("non renseigné."), "{plain}");
    assert_eq!(
        plain.matches(diagnostic::EMPTY_QUADRANT).count(),
        4,
        "{plain}"
    );
}

/// The diagnostic an alliance file of tests/data carries (a tester's files: `mid`, 6
/// items of 120 characters per quadrant; `max`, 12 items of up to 300 characters per
/// quadrant and needs of 4 000 characters each).
fn from_file(name: &str) -> Diagnostic {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("test file")).expect("json");
    let file: allia_core::alliance_file::FileDiagnostic =
        serde_json::from_value(json["diagnostic"].clone()).expect("a diagnostic");
    file.to_diagnostic("a")
}

/// Renders `d`, writes it, checks it is ONE A4 page, looks at it as PNG (60 dpi, kept in
/// the temp dir) and returns the result with the text poppler reads (no-break spaces
/// as spaces, lines joined so items broken across lines are found whole).
fn one_page(d: &Diagnostic, dir: &std::path::Path) -> (diagnostic::RenderedDiagnostic, String) {
    let rendered = diagnostic::render(&DiagnosticPdf {
        alliance: "Essai de limites",
        association: Some("Association d’essai"),
        diagnostic: d,
        date: NaiveDate::from_ymd_opt(2026, 12, 4).expect("date"),
    })
    .expect("pdf");
    let path = write(dir, "diagnostic.pdf", &rendered.bytes);
    let png = dir.join("page");
    let shot = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-singlefile"])
        .arg(&path)
        .arg(&png)
        .status()
        .expect("poppler-utils installed");
    assert!(shot.success());
    let info = tool("pdfinfo", &[], &path);
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["Pages:", "1"]),
        "{info}"
    );
    assert!(info.contains("595.28 x 841.89"), "A4: {info}");
    let plain = text(&path, &[])
        .replace('\u{a0}', " ")
        .replace("-\n", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (rendered, plain)
}

#[test]
fn six_items_of_120_characters_per_quadrant_hold_one_page_whole() {
    let d = from_file("diagnostic-mid.json");
    assert_eq!(d.items.len(), 24);
    let dir = tempfile::tempdir().expect("tempdir");
    let (rendered, plain) = one_page(&d, dir.path());
    assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    assert!(
        rendered.scale < 1.0,
        "smaller type than normal: {}",
        rendered.scale
    );
    assert!(
        rendered.scale >= 0.7,
        "not under the floor: {}",
        rendered.scale
    );
    for item in &d.items {
        // The first and last words of each item, so none is cut.
        let words: Vec<&str> = item.draft.text.split_whitespace().collect();
        let head = words[..3].join(" ");
        let tail = words[words.len() - 2..].join(" ");
        assert!(plain.contains(&head), "« {head} » in:\n{plain}");
        assert!(plain.contains(&tail), "« {tail} » in:\n{plain}");
    }
    assert!(!plain.contains('…'), "nothing cut:\n{plain}");
}

#[test]
fn the_maximum_content_holds_one_page_with_its_longest_texts_cut_and_said() {
    let d = from_file("diagnostic-max.json");
    assert_eq!(d.items.len(), 48);
    let dir = tempfile::tempdir().expect("tempdir");
    let (rendered, plain) = one_page(&d, dir.path());
    assert_eq!(
        rendered.scale,
        diagnostic::SCALES[diagnostic::SCALES.len() - 1]
    );
    assert_eq!(rendered.warnings.len(), 1, "{:?}", rendered.warnings);
    let warning = &rendered.warnings[0];
    assert!(
        warning.contains("ne tient pas sur une page A4"),
        "{warning}"
    );
    assert!(warning.contains("«\u{a0}…\u{a0}»"), "{warning}");
    assert!(plain.contains('…'), "the cut is visible:\n{plain}");
    // Every item is still there, by its first characters (right-to-left ones aside:
    // poppler reorders them).
    for item in &d.items {
        if item
            .draft
            .text
            .chars()
            .any(|c| ('\u{590}'..='\u{8ff}').contains(&c))
        {
            continue;
        }
        let head: String = start(&item.draft.text).chars().take(30).collect();
        assert!(plain.contains(&head), "« {head} » in:\n{plain}");
    }
    assert_eq!(plain.matches('•').count(), 48, "{plain}");
    // « importante) »: poppler moves the parenthesis after a right-to-left text.
    assert_eq!(
        plain.matches("majeure)").count()
            + plain.matches("importante)").count()
            + plain.matches("secondaire)").count(),
        48,
        "{plain}"
    );
}
