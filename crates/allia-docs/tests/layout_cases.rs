//! The layout samples of `tests/data/cases/` (alliance files, format 1, from the shared
//! set of real-world faults), rendered through the whole pipeline: amounts and dates typed
//! or generated never break at a line end (rw-08), and the signature block carries the
//! text before it onto its page, in the PDF and in the DOCX as LibreOffice lays it out
//! (rw-12, and the trial's twelve parties); « Et » between two parties never ends a page;
//! the DOCX names an annex's PDF file without claiming it is inside.

#[path = "common/docx_support.rs"]
mod support;

use std::path::Path;
use std::process::Command;

use allia_core::{AllianceFile, DocumentKind, DocumentSettings, UserAnnex};
use allia_docs::model::Block;
use allia_docs::render::{options, render, Format};
use allia_docs::templates;
use chrono::NaiveDate;
use support::{soffice_to_pdf, write};

fn case(name: &str) -> AllianceFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cases")
        .join(name);
    let bytes = std::fs::read(&path).expect("sample file");
    AllianceFile::from_json_slice(&bytes).expect("a format-1 alliance file")
}

/// The convention as `allia render --document convention` makes it.
fn convention(file: &AllianceFile, format: Format, initials: bool) -> Vec<u8> {
    let kind = DocumentKind::PartnershipAgreement;
    let settings = DocumentSettings {
        title: kind.label().to_string(),
        initials,
        ..DocumentSettings::default()
    };
    convention_with(file, format, settings)
}

/// The convention with the given document settings.
fn convention_with(file: &AllianceFile, format: Format, settings: DocumentSettings) -> Vec<u8> {
    let kind = DocumentKind::PartnershipAgreement;
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    render(file, &options(kind, &settings, 1, today), format)
        .expect("renders")
        .bytes
}

/// What a poppler tool prints for `pdf`.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .expect("poppler-utils installed");
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn pages(pdf: &Path) -> usize {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

fn page_text(pdf: &Path, page: usize) -> String {
    let n = page.to_string();
    poppler("pdftotext", &["-f", &n, "-l", &n], pdf)
}

/// The non-empty lines of the page holding « Fait à » that come before it, the running
/// header (the alliance's name) left out.
fn lines_before_signatures(pdf: &Path, header: &str) -> Vec<String> {
    let count = pages(pdf);
    let page = (1..=count)
        .map(|p| page_text(pdf, p))
        .find(|t| t.contains("Fait à"))
        .expect("a page with « Fait à »");
    let before = &page[..page.find("Fait à").expect("found")];
    before
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != header)
        .map(str::to_string)
        .collect()
}

/// The first four words of the paragraph just before the signatures, as the model has it.
fn last_paragraph_opening(file: &AllianceFile) -> String {
    let kind = DocumentKind::PartnershipAgreement;
    let settings = DocumentSettings {
        title: kind.label().to_string(),
        ..DocumentSettings::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let built = templates::build(file, &options(kind, &settings, 1, today)).expect("builds");
    let blocks = &built.document.blocks;
    let at = blocks
        .iter()
        .position(|b| matches!(b, Block::Signatures(_)))
        .expect("signatures");
    let Some(Block::Paragraph(p)) = at.checked_sub(1).map(|k| &blocks[k]) else {
        panic!("a paragraph before the signatures");
    };
    let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
    text.replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn rw08_amounts_and_dates_never_break_at_a_line_end() {
    let file = case("rw-08-montants-espaces.json");
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(
        dir.path(),
        "rw-08.pdf",
        &convention(&file, Format::Pdf, false),
    );
    let text = poppler("pdftotext", &["-layout"], &pdf);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    for pair in lines.windows(2) {
        let broken = pair[0].ends_with(|c: char| c.is_ascii_digit())
            && pair[1].trim_start().len() >= 3
            && pair[1].trim_start()[..3]
                .chars()
                .all(|c| c.is_ascii_digit())
            && !pair[1].trim_start()[3..].starts_with(|c: char| c.is_ascii_digit());
        assert!(!broken, "a number group broken across lines:\n{pair:?}");
    }
    // Every amount the user typed, and every generated date, reads whole on one line.
    let flat: Vec<String> = poppler("pdftotext", &[], &pdf)
        .lines()
        .map(|l| l.replace(['\u{a0}', '\u{202f}'], " "))
        .collect();
    let on_one_line = |needle: &str| {
        flat.iter()
            .map(|l| l.matches(needle).count())
            .sum::<usize>()
    };
    assert_eq!(on_one_line("12 500 € sur 2 ans"), 12, "{flat:#?}");
    assert!(on_one_line("1 200 heures") >= 1, "{flat:#?}");
    assert!(on_one_line("14 400 €") >= 1, "{flat:#?}");
    assert!(on_one_line("1er décembre 2025") >= 1, "{flat:#?}");
    for line in &flat {
        let line = line.trim_end();
        for stub in [" 12", " 1", " 14", " 1er", " décembre"] {
            assert!(
                !line.ends_with(stub),
                "a line ends inside a group: {line:?}"
            );
        }
    }
}

#[test]
fn rw12_the_signature_page_holds_the_text_before_it() {
    let file = case("rw-12-signature-isolee.json");
    let header = file.alliance.name.clone();
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(
        dir.path(),
        "rw-12.pdf",
        &convention(&file, Format::Pdf, false),
    );
    let before = lines_before_signatures(&pdf, &header);
    assert!(
        !before.is_empty(),
        "« Fait à » is alone at the top of its page"
    );
    // The last paragraph of the last article comes along, whole: its first words are on
    // the signature page.
    let opening = last_paragraph_opening(&file);
    let page = before.join(" ").replace(['\u{a0}', '\u{202f}'], " ");
    assert!(page.contains(&opening), "{opening:?} not in {before:#?}");
}

#[test]
fn rw12_libreoffice_keeps_text_before_the_signatures_of_the_docx() {
    let file = case("rw-12-signature-isolee.json");
    let header = file.alliance.name.clone();
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = write(
        dir.path(),
        "rw-12.docx",
        &convention(&file, Format::Docx, false),
    );
    let pdf = soffice_to_pdf(dir.path(), &docx);
    let before = lines_before_signatures(&pdf, &header);
    assert!(
        !before.is_empty(),
        "« Fait à » is alone at the top of its page in LibreOffice"
    );
}

#[test]
fn rw12_initials_setting_reaches_the_pdf_footer() {
    let file = case("rw-12-signature-isolee.json");
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(
        dir.path(),
        "rw-12-paraphes.pdf",
        &convention(&file, Format::Pdf, true),
    );
    let count = pages(&pdf);
    assert!(count > 2, "{count} pages");
    // Every page but the signature page (where the signatories sign in full), whatever
    // follows it.
    let signed = (1..=count)
        .rev()
        .find(|&p| page_text(&pdf, p).contains("Fait à"))
        .expect("a signature page");
    for page in 1..=count {
        let text = page_text(&pdf, page);
        assert_eq!(
            text.contains("Paraphes"),
            page != signed,
            "page {page} (signatures on {signed}):\n{text}"
        );
    }
    // The area sits in the footer band: the pages break where they did without it.
    let plain = write(
        dir.path(),
        "rw-12-plain.pdf",
        &convention(&file, Format::Pdf, false),
    );
    assert_eq!(pages(&plain), count);
}

/// The last line of the body of each page (the footer left out), for every page.
fn last_lines(pages: &[String]) -> Vec<String> {
    pages
        .iter()
        .map(|page| {
            page.lines()
                .map(|l| l.replace(['\u{a0}', '\u{202f}'], " ").trim().to_string())
                .rfind(|l| !l.is_empty() && !l.contains("— Page "))
                .unwrap_or_default()
        })
        .collect()
}

/// The text of each page of `pdf`.
fn all_pages(pdf: &Path) -> Vec<String> {
    (1..=pages(pdf)).map(|p| page_text(pdf, p)).collect()
}

/// The trial’s nine-party alliance: « Et » fell alone at the foot of page 1, its party
/// on page 2. It keeps with the next party, in the PDF and in the DOCX as LibreOffice
/// lays it out; the parties are all there.
#[test]
fn trial_et_never_ends_a_page_alone() {
    let file = case("trial-isere-et.json");
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(dir.path(), "et.pdf", &convention(&file, Format::Pdf, false));
    let docx = write(
        dir.path(),
        "et.docx",
        &convention(&file, Format::Docx, false),
    );
    let lo = soffice_to_pdf(dir.path(), &docx);
    for (what, pdf) in [("PDF", &pdf), ("LibreOffice", &lo)] {
        let pages = all_pages(pdf);
        let text = pages.concat();
        assert_eq!(
            text.lines().filter(|l| l.trim() == "Et").count(),
            file.partners.len(),
            "{what}: one « Et » between each two parties"
        );
        for (k, last) in last_lines(&pages).iter().enumerate() {
            assert_ne!(last, "Et", "{what}: page {} ends with « Et »", k + 1);
        }
    }
}

/// The trial’s twelve-party alliance (four rows of signatories): the last paragraph,
/// « Fait à » and at least the first row of signatories share a page, every row whole;
/// LibreOffice keeps text before « Fait à » too.
#[test]
fn trial_many_parties_signatures_keep_the_last_paragraph() {
    let file = case("trial-isere-12-parties.json");
    let header = file.alliance.name.clone();
    let parties = file.partners.len() + 1;
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(
        dir.path(),
        "many.pdf",
        &convention(&file, Format::Pdf, false),
    );
    let opening = last_paragraph_opening(&file);
    let before = lines_before_signatures(&pdf, &header).join(" ");
    assert!(
        before
            .replace(['\u{a0}', '\u{202f}'], " ")
            .contains(&opening),
        "{opening:?} not before « Fait à »: {before}"
    );
    let pages = all_pages(&pdf);
    let signed = pages
        .iter()
        .position(|p| p.contains("Fait à"))
        .expect("signature page");
    let per_page: Vec<usize> = pages[signed..]
        .iter()
        .map(|p| p.matches("Lu et approuvé").count())
        .take_while(|&n| n > 0)
        .collect();
    assert_eq!(per_page.iter().sum::<usize>(), parties, "{per_page:?}");
    assert!(
        per_page[0] >= 3,
        "a first row with « Fait à »: {per_page:?}"
    );
    assert!(
        per_page[..per_page.len() - 1].iter().all(|n| n % 3 == 0),
        "rows whole: {per_page:?}"
    );

    let docx = write(
        dir.path(),
        "many.docx",
        &convention(&file, Format::Docx, false),
    );
    let lo = soffice_to_pdf(dir.path(), &docx);
    let before = lines_before_signatures(&lo, &header);
    assert!(
        !before.is_empty(),
        "« Fait à » alone at the top of its page in LibreOffice"
    );
    let lo_pages = all_pages(&lo);
    let signed = lo_pages
        .iter()
        .position(|p| p.contains("Fait à"))
        .expect("signature page");
    assert!(
        lo_pages[signed].contains("Lu et approuvé"),
        "{}",
        lo_pages[signed]
    );
}

/// The tester's twelve-party alliance of trial 9 (long names on two lines, four rows):
/// the whole block fits on one page with the last paragraph, so it moves there whole,
/// leaving no page of signatures only that could be detached (LibreOffice fits the DOCX's
/// block on one page too).
#[test]
fn trial9_twelve_parties_sign_on_one_page_with_the_last_paragraph() {
    let file = case("trial9-h-12-parties.json");
    let parties = file.partners.len() + 1;
    assert_eq!(parties, 12);
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(
        dir.path(),
        "h-12.pdf",
        &convention(&file, Format::Pdf, false),
    );
    let opening = last_paragraph_opening(&file);
    let pages = all_pages(&pdf);
    let signed = pages
        .iter()
        .position(|p| p.contains("Fait à"))
        .expect("signature page");
    let page = pages[signed].replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        page[..page.find("Fait à").expect("found")].contains(&opening),
        "{opening:?} not before « Fait à »:\n{page}"
    );
    assert_eq!(
        page.matches("Lu et approuvé").count(),
        parties,
        "every signatory on the page of « Fait à »:\n{page}"
    );
    assert_eq!(signed + 1, pages.len(), "no page after the signatures");
}

/// An annex the user adds with a PDF file: the file is inserted in the PDF export only,
/// so the annex page of the DOCX names it as joined to the PDF version and never claims
/// it is there; an annex without a file is still to be joined by hand.
#[test]
fn docx_annex_page_does_not_claim_the_pdf_is_there() {
    let file = case("trial-isere-et.json");
    let kind = DocumentKind::PartnershipAgreement;
    let settings = DocumentSettings {
        title: kind.label().to_string(),
        annexes: vec![
            UserAnnex {
                id: "a1".into(),
                title: "Statuts de l’association".into(),
                file_name: Some("pick.pdf".into()),
            },
            UserAnnex {
                id: "a2".into(),
                title: "Relevé d’identité bancaire".into(),
                file_name: None,
            },
        ],
        ..DocumentSettings::default()
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = write(
        dir.path(),
        "annexes.docx",
        &convention_with(&file, Format::Docx, settings),
    );
    let xml = support::part(&docx, "word/document.xml").replace(['\u{a0}', '\u{202f}'], " ");
    assert!(
        xml.contains("Document joint à la version PDF : pick.pdf."),
        "{xml}"
    );
    assert!(!xml.contains("Document joint : "), "{xml}");
    assert!(
        xml.contains("Document à joindre à chaque exemplaire original."),
        "{xml}"
    );
}
