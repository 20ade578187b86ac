//! The typesetter's output read back with poppler's own tools (pdftotext, pdfinfo,
//! pdffonts), on documents built by hand.

#[path = "common/pdf_tools.rs"]
mod pdf_tools;
#[path = "common/pdf_sample.rs"]
mod sample;

use std::path::Path;

use allia_docs::model::{Align, Block, Document, Paragraph, Run, Signatures};
use allia_docs::pdf;
use pdf_tools::{text, tool, write};

fn render(doc: &Document) -> Vec<u8> {
    pdf::shared()
        .expect("typesetter")
        .render(doc)
        .expect("render")
}

fn info(path: &Path) -> String {
    tool("pdfinfo", &[], path)
}

fn pages(info: &str) -> usize {
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

/// Text of one page (1-based).
fn page_text(path: &Path, page: usize) -> String {
    let p = page.to_string();
    text(path, &["-layout", "-f", &p, "-l", &p])
}

/// Words of the extracted text, with end-of-line hyphenation undone and non-breaking
/// spaces as plain spaces.
fn words(extracted: &str) -> Vec<String> {
    // Blank lines and form feeds between pages must not hide a hyphenated page end.
    let lines: Vec<&str> = extracted
        .split(['\n', '\u{c}'])
        .filter(|l| !l.trim().is_empty())
        .collect();
    lines
        .join("\n")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .replace("-\n", "")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        metadata: sample::metadata(),
        header: Some("Alliance des Tilleuls".into()),
        initials: false,
        footer_title: "Convention".into(),
        blocks,
    }
}

#[test]
fn sample_convention_text_metadata_and_fonts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "convention.pdf",
        &render(&sample::convention(14)),
    );
    let info = info(&path);
    let n = pages(&info);
    assert!(n >= 8, "{info}");
    assert!(info.contains("Title:           Convention de partenariat — Alliance des Tilleuls"));
    assert!(info.contains("Author:          Association Les Tilleuls"));
    assert!(info.contains("Subject:         Convention de partenariat entre associations"));
    assert!(info.contains("Keywords:        convention,alliance,partenariat"));
    assert!(
        info.contains("Page size:       595.28 x 841.89 pts (A4)"),
        "{info}"
    );
    assert!(
        info.contains("CreationDate:    Thu Nov 26 00:00:00 2026"),
        "{info}"
    );

    let all = text(&path, &[]).replace(['\u{a0}', '\u{202f}'], " ");
    for expected in [
        "Préambule",
        "Entre les soussignés",
        "Article 2 — Engagements des parties",
        "1 250,00 €",
        "26 novembre 2026",
        "ci-après dénommée « le partenaire »",
        "l’œuvre commune",
        "Fait à Saint-Aubin, le 26 novembre 2026, en 4 exemplaires originaux.",
        "Page 1 / ",
        &format!("Convention de partenariat — Page {n} / {n}"),
    ] {
        assert!(all.contains(expected), "missing « {expected} »");
    }
    assert!(!page_text(&path, 1).contains("Alliance des Tilleuls — Convention de partenariat"));
    assert!(page_text(&path, 2).contains("Alliance des Tilleuls — Convention de partenariat"));

    let fonts = tool("pdffonts", &[], &path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(row.contains("LiberationSerif"), "{row}");
        // name type encoding emb sub uni object ID
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
    }
}

#[test]
fn reproducible_bytes() {
    let doc = sample::convention(6);
    assert_eq!(render(&doc), render(&doc));
}

fn filler(n: usize) -> Vec<Block> {
    (0..n)
        .map(|k| {
            Block::Paragraph(Paragraph::plain(format!(
                "Ligne de remplissage numéro {k}."
            )))
        })
        .collect()
}

/// Lines of a page's text without the blank ones and the footer.
fn body_lines(page: &str) -> Vec<String> {
    page.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains("Page "))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_heading_is_never_the_last_line_of_a_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    // One of these filler counts puts the heading on the last line of page 1.
    let mut moved = false;
    for n in 26..36 {
        let mut blocks = filler(n);
        blocks.push(Block::article(9, "Clause finale"));
        blocks.push(sample::paragraph(0, 3));
        let path = write(dir.path(), "heading.pdf", &render(&doc(blocks)));
        let count = pages(&info(&path));
        let page = (1..=count)
            .find(|&p| page_text(&path, p).contains("Article 9 — Clause finale"))
            .expect("heading drawn");
        let lines = body_lines(&page_text(&path, page));
        let at = lines
            .iter()
            .position(|l| l.contains("Article 9"))
            .expect("heading line");
        assert!(
            lines.len() - at >= 3,
            "{n} fillers: heading not followed by two lines on page {page}: {lines:?}"
        );
        // Pushed to page 2 although page 1 still had room for the heading itself.
        moved |= page == 2 && at == 1;
    }
    assert!(moved, "no case would have stranded the heading");
}

#[test]
fn the_signature_block_is_never_split() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut moved = false;
    for n in (20..46).step_by(2) {
        let mut blocks = filler(n);
        blocks.push(sample::signatures(5));
        let path = write(dir.path(), "signatures.pdf", &render(&doc(blocks)));
        let count = pages(&info(&path));
        let page = (1..=count)
            .find(|&p| page_text(&path, p).contains("Fait à Saint-Aubin"))
            .expect("signatures drawn");
        let text = page_text(&path, page);
        for who in sample::signatories(5) {
            assert!(
                text.contains(&who.name),
                "{n}: {} not on page {page}",
                who.name
            );
            assert!(
                text.contains(&who.organisation),
                "{n}: {}",
                who.organisation
            );
        }
        assert_eq!(text.matches("Lu et approuvé").count(), 5);
        moved |= page > 1;
    }
    assert!(moved, "no case pushed the block to the next page");
}

#[test]
fn justified_paragraphs_keep_every_word() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocks: Vec<Block> = (0..40).map(|k| sample::paragraph(k, 3 + k % 3)).collect();
    let mut expected = Vec::new();
    for block in &blocks {
        if let Block::Paragraph(p) = block {
            for run in &p.runs {
                expected.extend(words(&run.text));
            }
        }
    }
    let mut d = doc(blocks);
    d.header = None;
    d.footer_title = String::new();
    let path = write(dir.path(), "justified.pdf", &render(&d));
    let count = pages(&info(&path));
    assert!(count >= 5, "{count} pages");
    let extracted = text(&path, &[]);
    let body: String = extracted
        .lines()
        .filter(|l| !(l.starts_with("Page ") && l.contains(" / ")))
        .map(|l| format!("{l}\n"))
        .collect();
    let got = words(&body);
    assert!(body.contains("-\n"), "expected some hyphenation");
    for (k, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "word {k}: {:?}", &got[k.saturating_sub(5)..k + 2]);
    }
    assert_eq!(got.len(), expected.len());
}

#[test]
fn characters_liberation_lacks_fall_back_to_other_fonts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocks = vec![Block::Paragraph(Paragraph {
        runs: vec![Run::plain("Bravo 🎉 à tous\u{7}, 中文 ok \u{10FFFD}")],
        align: Align::Left,
    })];
    let path = write(dir.path(), "emoji.pdf", &render(&doc(blocks)));
    let got = text(&path, &[]);
    // A char no font has is a visible box, extracted as typed.
    assert!(got.contains("Bravo 🎉 à tous, 中文 ok \u{10FFFD}"), "{got}");
}

#[test]
fn table_header_is_repeated_on_each_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = (0..80)
        .map(|k| {
            vec![
                vec![Run::plain(format!("Action {k}"))],
                vec![Run::plain(
                    "Une description assez longue pour passer à la ligne dans sa cellule.",
                )],
            ]
        })
        .collect();
    let blocks = vec![Block::Table(allia_docs::model::Table {
        header: vec!["Action".into(), "Description".into()],
        rows,
        widths: vec![1.0, 2.0],
    })];
    let path = write(dir.path(), "table.pdf", &render(&doc(blocks)));
    let count = pages(&info(&path));
    assert!(count >= 2);
    for p in 1..=count {
        let lines = body_lines(&page_text(&path, p));
        let first = lines
            .iter()
            .find(|l| !l.contains("Alliance des Tilleuls"))
            .expect("content");
        assert!(
            first.starts_with("Action") && first.contains("Description"),
            "page {p}: {first}"
        );
    }
}

#[test]
fn empty_and_degenerate_documents_render() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut d = doc(vec![
        Block::PageBreak,
        Block::Paragraph(Paragraph::plain("")),
        Block::Table(allia_docs::model::Table {
            header: vec![],
            rows: vec![],
            widths: vec![],
        }),
        Block::Signatures(Signatures::new("", "", 1, vec![])),
        Block::PageBreak,
        Block::PageBreak,
    ]);
    d.metadata.language = String::new();
    let path = write(dir.path(), "empty.pdf", &render(&d));
    assert_eq!(pages(&info(&path)), 1);
    assert!(text(&path, &[]).contains("en un exemplaire original"));
    let empty = write(dir.path(), "nothing.pdf", &render(&doc(vec![])));
    assert_eq!(pages(&info(&empty)), 1);
}
