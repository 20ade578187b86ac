//! DOCX export: the package's parts hold the contract's text, styles, fields and
//! properties; odd inputs never panic and always give well-formed XML.
//!
//! Parts are read with python3's zipfile and parsed with xml.dom.minidom. The
//! LibreOffice round trip (DOCX → PDF → pdftotext) runs only with
//! `ALLIA_TEST_LIBREOFFICE=1`; with `ALLIA_SAMPLE_DIR` set, the DOCX and PDF are kept.

#[path = "common/docx_support.rs"]
mod support;

use std::path::Path;

use allia_docs::docx::render;
use allia_docs::model::{
    Align, Block, Document, List, Paragraph, Run, Signatory, Signatures, Table,
};
use support::*;

#[test]
fn document_xml_holds_the_whole_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "convention.docx",
        &render(&sample()).expect("render"),
    );
    let text = checked_text(&path);

    for (i, title) in ARTICLES.iter().enumerate() {
        assert!(
            text.contains(&format!("Article {} — {title}", i + 1)),
            "{title}"
        );
    }
    for (k, (org, name, role)) in PARTIES.iter().enumerate() {
        assert!(text.contains(&format!("3.{} — Engagements de {org}", k + 1)));
        assert!(text.contains(name) && text.contains(role), "{name}");
    }
    for needle in [
        "Convention de partenariat",
        "Entre les soussignés",
        "Préambule",
        "l’œuvre commune",
        "1\u{202f}250,00\u{a0}€",
        "« & < > \" ' »",
        "mettre à disposition un local",
        "Fait à Saint-Aubin, le 26\u{a0}novembre\u{a0}2026, en 4\u{a0}exemplaires originaux.",
        // The PDF's wording, from the model.
        "Lu et approuvé",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
    // The raw XML escapes what must be escaped.
    let xml = part(&path, "word/document.xml");
    assert!(xml.contains("&amp; &lt; &gt;"));
}

#[test]
fn layout_styles_and_structure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "layout.docx",
        &render(&sample()).expect("render"),
    );
    let document = part(&path, "word/document.xml");
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4"
    );
    assert!(document.contains(r#"w:top="1417""#) && document.contains(r#"w:left="1417""#));
    assert!(document.contains(r#"<w:pStyle w:val="Heading1" />"#));
    assert!(document.contains(r#"<w:pStyle w:val="Heading2" />"#));
    assert!(document.contains("<w:tblHeader />"), "repeated header row");
    assert!(document.contains("<w:cantSplit />"));
    assert!(document.contains(r#"<w:br w:type="page" />"#));
    assert!(
        document.contains("<w:titlePg />"),
        "no running header on page 1"
    );
    // Four signatories: two rows of two, as in the PDF.
    assert_eq!(document.matches("Lu et approuvé").count(), 4);

    let styles = part(&path, "word/styles.xml");
    assert_eq!(
        styles.matches(r#"w:styleId="Normal""#).count(),
        1,
        "{styles}"
    );
    assert!(styles.contains(r#"<w:name w:val="heading 1" />"#));
    assert!(styles.contains(r#"<w:outlineLvl w:val="1" />"#));
    assert!(styles.contains("<w:keepNext />"));
    assert!(styles.contains("Liberation Serif"));
    assert!(styles.contains(r#"<w:lang w:val="fr-FR""#));

    let numbering = part(&path, "word/numbering.xml");
    assert!(numbering.contains(r#"<w:lvlText w:val="–" />"#));
    assert!(numbering.contains(r#"<w:startOverride w:val="1" />"#));
}

#[test]
fn footer_has_page_fields_and_core_properties_the_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "fields.docx",
        &render(&sample()).expect("render"),
    );
    let names = part_names(&path);
    let footers: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("word/footer"))
        .collect();
    assert!(!footers.is_empty(), "{names:?}");
    for footer in footers {
        let xml = part(&path, footer);
        assert!(xml.contains("<w:instrText>PAGE</w:instrText>"), "{xml}");
        assert!(xml.contains("<w:instrText>NUMPAGES</w:instrText>"), "{xml}");
        assert!(xml.contains("Convention de partenariat — Page "), "{xml}");
    }
    let header = names
        .iter()
        .filter(|n| n.starts_with("word/header"))
        .map(|n| part(&path, n))
        .collect::<String>();
    assert!(header.contains("Alliance des Tilleuls — Convention de partenariat"));

    let core = part(&path, "docProps/core.xml");
    for needle in [
        "<dc:title>Convention de partenariat — Alliance des Tilleuls</dc:title>",
        "<dc:creator>Association Les Tilleuls</dc:creator>",
        "<dc:subject>Convention de partenariat entre associations</dc:subject>",
        "<cp:keywords>convention, alliance</cp:keywords>",
        "<dc:language>fr-FR</dc:language>",
        ">2026-11-26T00:00:00Z</dcterms:created>",
    ] {
        assert!(core.contains(needle), "{needle} in {core}");
    }
}

#[test]
fn rendering_is_deterministic() {
    let doc = sample();
    assert_eq!(render(&doc).expect("first"), render(&doc).expect("second"));
}

fn odd_strings() -> Vec<String> {
    vec![
        String::new(),
        " ".into(),
        "é".repeat(5000),
        "x".repeat(5000),
        "😀👩‍👩‍👧 emoji 🇫🇷".into(),
        "שלום עולם — مرحبا بالعالم".into(),
        "ctrl\u{0}\u{1}\u{7}\u{8}\u{b}\u{c}\u{1b}\u{7f}\u{85}\u{9f}\u{fffe}\u{ffff}end".into(),
        "lines\r\nand\rbreaks\nand\ttabs".into(),
        "]]> <![CDATA[ & &amp; <w:t> \"'".into(),
        "\u{200b}\u{feff}\u{202e}reversed".into(),
    ]
}

fn odd_document(s: &str, k: usize) -> Document {
    let runs = vec![Run::bold(s), Run::italic(s), Run::plain(s)];
    let mut meta = metadata();
    meta.title = s.into();
    meta.author = s.into();
    meta.keywords = vec![s.into(), String::new()];
    meta.language = s.into();
    Document {
        metadata: meta,
        header: Some(s.into()),
        initials: false,
        footer_title: s.into(),
        blocks: vec![
            Block::Title {
                title: s.into(),
                subtitle: Some(s.into()),
            },
            Block::Section { text: s.into() },
            Block::article(u32::MAX, s),
            Block::sub_article(s, s),
            Block::Paragraph(Paragraph {
                runs: if k.is_multiple_of(2) {
                    runs.clone()
                } else {
                    Vec::new()
                },
                align: Align::Right,
            }),
            Block::List(List {
                ordered: k.is_multiple_of(2),
                items: vec![runs.clone(), Vec::new()],
            }),
            Block::Table(Table {
                header: vec![s.into(); k % 3],
                rows: vec![vec![runs.clone()], Vec::new(), vec![runs; 4]],
                widths: [
                    vec![],
                    vec![f32::NAN, -1.0],
                    vec![0.0; 4],
                    vec![f32::INFINITY],
                ][k % 4]
                    .clone(),
            }),
            Block::Table(Table {
                header: Vec::new(),
                rows: Vec::new(),
                widths: Vec::new(),
            }),
            Block::PageBreak,
            Block::Signatures(Signatures::new(
                s,
                s,
                [0, 1, u32::MAX][k % 3],
                vec![
                    Signatory {
                        organisation: s.into(),
                        name: s.into(),
                        role: s.into(),
                    };
                    k % 8
                ],
            )),
        ],
    }
}

#[test]
fn odd_inputs_give_well_formed_packages() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (k, s) in odd_strings().iter().enumerate() {
        let bytes = render(&odd_document(s, k)).expect("render");
        let path = write(dir.path(), &format!("odd-{k}.docx"), &bytes);
        checked_text(&path);
        let core = part(&path, "docProps/core.xml");
        assert!(!core.contains('\u{0}'));
    }
    let empty = Document {
        metadata: metadata(),
        header: None,
        initials: false,
        footer_title: String::new(),
        blocks: Vec::new(),
    };
    let path = write(dir.path(), "empty.docx", &render(&empty).expect("render"));
    assert_eq!(checked_text(&path), "");
}

/// DOCX → PDF with LibreOffice, then pdftotext. Opt-in: LibreOffice is heavy.
#[test]
fn libreoffice_reads_the_export() {
    if std::env::var_os("ALLIA_TEST_LIBREOFFICE").is_none() {
        eprintln!("skipped: set ALLIA_TEST_LIBREOFFICE=1 to convert with LibreOffice");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = render(&sample()).expect("render");
    let pdf = soffice_to_pdf(dir.path(), &write(dir.path(), "convention.docx", &bytes));
    if let Some(keep) = std::env::var_os("ALLIA_SAMPLE_DIR") {
        std::fs::copy(&pdf, Path::new(&keep).join("convention-docx.pdf")).expect("keep pdf");
    }
    // pdftotext may print no-break spaces as plain ones.
    let text = pdf_text(&pdf).replace(['\u{a0}', '\u{202f}'], " ");
    for needle in [
        "Article 1 — Objet",
        "3.4 — Engagements de Fondation Œuvre commune",
        "1 250,00 €",
        "26 novembre 2026",
        "& < > \" '",
        "Convention de partenariat — Page 1 / 2",
        "Convention de partenariat — Page 2 / 2",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    // The running header is absent from page 1 and present on page 2.
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages.len() >= 2, "{text}");
    assert!(!pages[0].contains("Alliance des Tilleuls — Convention de partenariat"));
    assert!(pages[1].contains("Alliance des Tilleuls — Convention de partenariat"));

    signatures_stay_on_one_page(dir.path());
}

/// Whatever the filler before it, the « Fait à » sentence and the four signatories
/// land on the same page (a page holds 37 filler lines; the block needs about 20).
fn signatures_stay_on_one_page(dir: &Path) {
    let filler = Block::Paragraph(Paragraph::plain(
        "Les parties conviennent de mettre en commun leurs moyens humains et matériels.",
    ));
    for lines in (18..=36).step_by(6) {
        let mut doc = sample();
        doc.blocks.retain(|b| matches!(b, Block::Signatures(_)));
        doc.blocks
            .splice(0..0, std::iter::repeat_n(filler.clone(), lines));
        let bytes = render(&doc).expect("render");
        let docx = write(dir, &format!("keep-{lines}.docx"), &bytes);
        let text = pdf_text(&soffice_to_pdf(dir, &docx));
        let page = text
            .split('\u{c}')
            .find(|p| p.contains("Fait à"))
            .unwrap_or_else(|| panic!("no signature sentence with {lines} lines:\n{text}"));
        assert_eq!(
            page.matches("Lu et approuvé").count(),
            4,
            "{lines} lines:\n{text}"
        );
    }
}
