//! Layout rules of the DOCX: the signature block keeps the paragraph before it on its page
//! through Word's own properties (keep with next, rows that cannot break), which
//! LibreOffice honours too (converted headless over a sweep of text lengths, and of party
//! counts whose block flows between its rows); « Et » keeps with the next party; no-break
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
        // The line is written three times in the field (its code, the cached results of
        // IF and of QUOTE, see `docx::initials`), each time with its four blanks.
        let lines = footer.matches("Paraphes\u{a0}:").count();
        assert_eq!(
            footer.matches("________").count(),
            4 * lines,
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

/// `filler` one-line paragraphs, a last paragraph from FIRST_WORD to LAST_WORD of
/// `sentences` sentences, then `signatories` signatories.
fn many_parties(filler: usize, sentences: usize, signatories: usize) -> Document {
    let mut doc = document(filler);
    doc.blocks.truncate(doc.blocks.len() - 2);
    let text: Vec<&str> = (0..sentences).map(sample::sentence).collect();
    doc.blocks.push(Block::Paragraph(Paragraph::plain(format!(
        "{FIRST_WORD} {} {LAST_WORD}",
        text.join(" ")
    ))));
    doc.blocks.push(sample::signatures(signatories));
    doc
}

/// From 10 parties on, the signature block with the last paragraph can be taller than a
/// page: as LibreOffice lays the DOCX out, « Fait à » stays with the whole last paragraph
/// and the first row of signatories, the other rows follow, each whole, and every
/// signatory is there.
#[test]
fn libreoffice_splits_many_signatories_between_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: Vec<(usize, usize, usize)> = (10..=16)
        .flat_map(|n| [(n, 2, 3), (n, 20, 6), (n, 33, 2), (n, 10, 16)])
        .collect();
    let files: Vec<PathBuf> = cases
        .iter()
        .map(|&(n, filler, sentences)| {
            let bytes = render(&many_parties(filler, sentences, n)).expect("render");
            write(dir.path(), &format!("many-{n}-{filler}.docx"), &bytes)
        })
        .collect();
    let pdfs = soffice_to_pdf(dir.path(), &files);
    for ((n, filler, _), pdf) in cases.iter().zip(&pdfs) {
        let text = support::pdf_text(pdf).replace(['\u{a0}', '\u{202f}'], " ");
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        let page = pages
            .iter()
            .rposition(|p| p.contains("Fait à"))
            .unwrap_or_else(|| panic!("{n} parties: no « Fait à »:\n{text}"));
        let at = pages[page].find("Fait à").expect("found");
        let before = &pages[page][..at];
        assert!(
            before.contains(FIRST_WORD) && before.contains(LAST_WORD),
            "{n} parties, {filler} lines: the last paragraph is not with « Fait à » (page {}):\n{}",
            page + 1,
            pages[page]
        );
        let per_page: Vec<usize> = pages[page..]
            .iter()
            .map(|p| p.matches("Lu et approuvé").count())
            .take_while(|&c| c > 0)
            .collect();
        assert_eq!(
            per_page.iter().sum::<usize>(),
            *n,
            "{n} parties: {per_page:?}"
        );
        assert!(
            per_page[0] >= 3 && per_page[..per_page.len() - 1].iter().all(|c| c % 3 == 0),
            "{n} parties, {filler} lines: rows split or « Fait à » without its first row: {per_page:?}"
        );
    }
}

/// A parties clause after `filler` one-line paragraphs: nine parties, each two separated
/// by a paragraph « Et ».
fn parties_clause(filler: usize) -> Document {
    let mut doc = document(filler);
    doc.blocks.truncate(doc.blocks.len() - 2);
    for k in 0..9 {
        if k > 0 {
            doc.blocks.push(Block::Paragraph(Paragraph::plain("Et")));
        }
        doc.blocks.push(Block::Paragraph(Paragraph::plain(format!(
            "Partie numéro {k}, association loi 1901, dont le siège est situé 12 rue des \
             Tilleuls, 38000 Grenoble, représentée par sa présidente, ci-après dénommée « la \
             Partie »,"
        ))));
    }
    doc
}

/// « Et » keeps with the next party in the DOCX: its paragraph says so, and LibreOffice,
/// over a sweep of positions, never ends a page with it.
#[test]
fn libreoffice_keeps_et_with_the_next_party() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sweep: Vec<usize> = (20..56).collect();
    let files: Vec<PathBuf> = sweep
        .iter()
        .map(|&n| {
            let bytes = render(&parties_clause(n)).expect("render");
            write(dir.path(), &format!("et-{n}.docx"), &bytes)
        })
        .collect();
    let pdfs = soffice_to_pdf(dir.path(), &files);
    for (n, pdf) in sweep.iter().zip(&pdfs) {
        let text = support::pdf_text(pdf);
        for (k, page) in text.split('\u{c}').enumerate() {
            let last = page
                .lines()
                .map(str::trim)
                .rfind(|l| !l.is_empty() && !l.contains("— Page "))
                .unwrap_or_default();
            assert_ne!(last, "Et", "{n} lines: page {} ends with « Et »", k + 1);
        }
        assert_eq!(
            text.lines().filter(|l| l.trim() == "Et").count(),
            8,
            "{n} lines"
        );
    }
    let xml = part(
        &write(
            dir.path(),
            "et.docx",
            &render(&parties_clause(0)).expect("render"),
        ),
        "word/document.xml",
    );
    let et: Vec<&str> = paragraphs(&xml)
        .into_iter()
        .filter(|p| p.contains(">Et<"))
        .collect();
    assert_eq!(et.len(), 8);
    assert!(et.iter().all(|p| p.contains("<w:keepNext />")), "{et:?}");
}
