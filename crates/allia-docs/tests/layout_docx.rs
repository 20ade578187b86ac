//! Layout rules of the DOCX: the signature block keeps the paragraph before it on its page
//! through Word's own properties (keep with next, rows that cannot break), which
//! LibreOffice honours too (converted headless over a sweep of text lengths); no-break
//! spaces reach the file as they are; the initials line is in the footer on demand.

#[path = "common/pdf_sample.rs"]
mod sample;
#[path = "common/docx_support.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use allia_docs::docx::render;
use allia_docs::model::{Block, Document, Paragraph};
use support::{part, write};

const FIRST_WORD: &str = "Premièrement";
const LAST_WORD: &str = "finalement.";

/// `filler` one-line paragraphs, then a three-line last paragraph from FIRST_WORD to
/// LAST_WORD, then four signatories (two rows).
fn document(filler: usize) -> Document {
    let mut doc = sample::convention(0);
    doc.blocks.truncate(1);
    for k in 0..filler {
        doc.blocks.push(Block::Paragraph(Paragraph::plain(format!(
            "Ligne de remplissage numéro {k}."
        ))));
    }
    doc.blocks.push(Block::Paragraph(Paragraph::plain(format!(
        "{FIRST_WORD} {} {LAST_WORD}",
        sample::sentence(0)
    ))));
    doc.blocks.push(sample::signatures(4));
    doc
}

/// The `w:p` elements of `xml`, in order.
fn paragraphs(xml: &str) -> Vec<&str> {
    xml.split("<w:p ")
        .skip(1)
        .map(|p| &p[..p.find("</w:p>").unwrap_or(p.len())])
        .collect()
}

#[test]
fn keep_with_next_and_rows_that_cannot_break() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = write(
        dir.path(),
        "keep.docx",
        &render(&document(5)).expect("render"),
    );
    let xml = part(&docx, "word/document.xml");
    let paras = paragraphs(&xml);
    let fait = paras
        .iter()
        .position(|p| p.contains("Fait à"))
        .expect("the signature sentence");
    let keeps = |p: &str| p.contains("<w:keepNext />") && p.contains("<w:keepLines />");
    assert!(
        keeps(paras[fait]),
        "« Fait à » keeps with next: {}",
        paras[fait]
    );
    assert!(
        paras[fait - 1].contains(LAST_WORD) && keeps(paras[fait - 1]),
        "the last paragraph keeps with « Fait à »: {}",
        paras[fait - 1]
    );
    // Only the last paragraph is glued, not the whole text.
    assert!(
        !paras[fait - 2].contains("<w:keepNext />"),
        "{}",
        paras[fait - 2]
    );
    // The signatories' table: every row cannot break, every cell paragraph keeps with next.
    let table = &xml[xml.rfind("<w:tbl>").expect("signature table")..];
    let rows = table.matches("<w:tr>").count() + table.matches("<w:tr ").count();
    assert_eq!(rows, 2, "two rows of two signatories");
    assert_eq!(table.matches("<w:cantSplit />").count(), rows, "{table}");
    let cells = paragraphs(table);
    assert!(!cells.is_empty());
    assert!(
        cells.iter().all(|p| p.contains("<w:keepNext />")),
        "{table}"
    );
}

#[test]
fn no_break_spaces_reach_the_docx_and_the_initials_line_is_optional() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc = document(3);
    let docx = write(dir.path(), "plain.docx", &render(&doc).expect("render"));
    let xml = part(&docx, "word/document.xml");
    // The signature sentence's date and copies are tied (« 26 novembre 2026 », « 4 exemplaires »).
    assert!(
        xml.contains("26\u{a0}novembre\u{a0}2026") && xml.contains("4\u{a0}exemplaires"),
        "{xml}"
    );
    let footers: String = support::part_names(&docx)
        .iter()
        .filter(|n| n.starts_with("word/footer"))
        .map(|n| part(&docx, n))
        .collect();
    assert!(!footers.contains("Paraphes"));
    doc.initials = true;
    let docx = write(dir.path(), "initials.docx", &render(&doc).expect("render"));
    let names = support::part_names(&docx);
    let footers: Vec<String> = names
        .iter()
        .filter(|n| n.starts_with("word/footer"))
        .map(|n| part(&docx, n))
        .collect();
    assert!(!footers.is_empty());
    for footer in &footers {
        assert!(footer.contains("Paraphes\u{a0}: ________"), "{footer}");
        assert_eq!(
            footer.matches("________").count(),
            4,
            "one blank per signatory"
        );
    }
}

/// All the files converted by one LibreOffice run (a private profile, so that parallel
/// runs do not clash); the PDFs in the same order.
fn soffice_to_pdf(dir: &Path, docx: &[PathBuf]) -> Vec<PathBuf> {
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", dir.display());
    let out = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .args(docx)
        .output()
        .expect("soffice (LibreOffice) installed: cargo xtask deps");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    docx.iter().map(|d| d.with_extension("pdf")).collect()
}

/// Over a sweep of lengths that moves the signature block across a whole page, the page
/// LibreOffice puts « Fait à » on also holds the last paragraph, whole.
#[test]
fn libreoffice_keeps_the_last_paragraph_with_the_signatures() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sweep: Vec<usize> = (14..60).step_by(3).collect();
    let files: Vec<PathBuf> = sweep
        .iter()
        .map(|&n| {
            let bytes = render(&document(n)).expect("render");
            write(dir.path(), &format!("sweep-{n}.docx"), &bytes)
        })
        .collect();
    let pdfs = soffice_to_pdf(dir.path(), &files);
    for (n, pdf) in sweep.iter().zip(&pdfs) {
        let text = support::pdf_text(pdf).replace(['\u{a0}', '\u{202f}'], " ");
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        let page = pages
            .iter()
            .rposition(|p| p.contains("Fait à"))
            .unwrap_or_else(|| panic!("{n} lines: no « Fait à »:\n{text}"));
        let before = &pages[page][..pages[page].find("Fait à").expect("found")];
        assert!(
            before.contains(FIRST_WORD) && before.contains(LAST_WORD),
            "{n} lines: the last paragraph is not on the signature page ({}):\n{}",
            page + 1,
            pages[page]
        );
        assert_eq!(
            pages[page].matches("Lu et approuvé").count(),
            4,
            "{n} lines: the signatories are split:\n{text}"
        );
    }
}
