//! The footer stamped on the pages of a PDF attached to an annex is typeset by the
//! document's own typesetter: an annex title in Greek, Arabic, Chinese or with an emoji
//! is extracted as typed (no « ? »), with the document's fonts (no second, Windows-1252
//! font), and a character no font has is drawn as a box and named by « À vérifier ».

#[path = "common/pdf_sample.rs"]
mod pdf_sample;
#[path = "common/pdf_tools.rs"]
mod pdf_tools;
#[path = "common/templates_fixture.rs"]
mod templates_fixture;

use allia_core::{DocumentKind, UserAnnex};
use allia_docs::annex_pdf::{append_annexes, render_with_annexes, AnnexFile};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

/// A one-page A4 PDF saying « <label> » near its top, in Helvetica.
fn annex_pdf(label: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 14.into()]),
            Operation::new("Td", vec![72.into(), 760.into()]),
            Operation::new("Tj", vec![Object::string_literal(label)]),
            Operation::new("ET", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(
        dictionary! {},
        content.encode().expect("encode"),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

/// The one-page sample document followed by the annexes, written to `dir/name`.
fn with_annexes(
    dir: &std::path::Path,
    name: &str,
    annexes: &[AnnexFile<'_>],
) -> std::path::PathBuf {
    let typesetter = allia_docs::pdf::shared().expect("typesetter");
    let mut doc = pdf_sample::convention(1);
    doc.blocks.truncate(2);
    let main = typesetter
        .render_before(&doc, annexes.len())
        .expect("render");
    let bytes = append_annexes(main, annexes).expect("append");
    pdf_tools::write(dir, name, &bytes)
}

fn page_text(path: &std::path::Path, page: usize) -> String {
    let n = page.to_string();
    pdf_tools::text(path, &["-f", &n, "-l", &n])
}

/// The text of the page's bottom line (the stamp).
fn last_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

#[test]
fn a_title_in_any_script_prints_as_typed_in_the_stamp() {
    let dir = tempfile::tempdir().expect("tempdir");
    let title = "Budget — Ελληνικά 🔧 مريم 李伟";
    let budget = annex_pdf("Budget joint");
    let path = with_annexes(
        dir.path(),
        "annexe-ecritures.pdf",
        &[AnnexFile {
            id: "budget",
            title,
            bytes: &budget,
        }],
    );
    let text = page_text(&path, 2);
    assert!(
        text.contains("Budget joint"),
        "the annex's own text: {text}"
    );
    let stamp = last_line(&text);
    assert!(!stamp.contains('?'), "{stamp}");
    for part in ["Budget", "Ελληνικά", "🔧", "مريم", "李伟", "Page 2 / 2"] {
        assert!(
            stamp.contains(part),
            "« {part} » missing from the stamp: {stamp}"
        );
    }
    // The words in the order typed, the Arabic name read right to left as one word.
    let at = |part: &str| stamp.find(part).expect("part");
    assert!(
        at("Budget") < at("Ελληνικά") && at("Ελληνικά") < at("Page"),
        "{stamp}"
    );
    // The document's fonts, embedded and subset; no built-in Windows-1252 font.
    let fonts = pdf_tools::tool("pdffonts", &[], &path);
    assert!(!fonts.contains("Times-Roman"), "{fonts}");
    for family in [
        "LiberationSerif",
        "NotoNaskhArabic",
        "NotoEmoji",
        "DroidSansFallback",
    ] {
        assert!(fonts.contains(family), "{family} missing: {fonts}");
    }
}

#[test]
fn titles_with_latin_extensions_and_several_annexes_share_the_fonts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let one = annex_pdf("Statuts joints");
    let two = annex_pdf("RIB joint");
    let path = with_annexes(
        dir.path(),
        "annexes-latin-etendu.pdf",
        &[
            AnnexFile {
                id: "statuts",
                title: "Statuts — Kovács Ödön, Ștefan Țepeș, l’œuvre",
                bytes: &one,
            },
            AnnexFile {
                id: "rib",
                title: "Relevé d’identité bancaire",
                bytes: &two,
            },
        ],
    );
    assert_eq!(
        last_line(&page_text(&path, 2)),
        "Statuts — Kovács Ödön, Ștefan Țepeș, l’œuvre — Page 2 / 3"
    );
    assert_eq!(
        last_line(&page_text(&path, 3)),
        "Relevé d’identité bancaire — Page 3 / 3"
    );
    // The stamps of all inserted pages share one subset of each font they use: at most
    // one Liberation Serif Regular besides the document's own.
    let fonts = pdf_tools::tool("pdffonts", &[], &path);
    let regular = fonts
        .lines()
        .filter(|l| l.contains("LiberationSerif") && !l.contains("Bold") && !l.contains("Italic"))
        .count();
    assert!(regular <= 2, "{fonts}");
}

#[test]
fn a_long_title_is_shortened_and_keeps_its_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let long = "Budget prévisionnel détaillé ".repeat(10);
    let one = annex_pdf("Budget joint");
    let path = with_annexes(
        dir.path(),
        "annexe-titre-long.pdf",
        &[AnnexFile {
            id: "budget",
            title: &long,
            bytes: &one,
        }],
    );
    let stamp = last_line(&page_text(&path, 2));
    assert!(stamp.starts_with("Budget prévisionnel"), "{stamp}");
    assert!(stamp.ends_with("… — Page 2 / 2"), "{stamp}");
    assert!(stamp.chars().count() < long.chars().count(), "{stamp}");
}

#[test]
fn a_character_no_font_has_is_a_box_in_the_stamp_and_named_before_signing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = templates_fixture::file(true);
    let mut options = templates_fixture::options(DocumentKind::PartnershipAgreement);
    // An Egyptian hieroglyph: no font of the chain has it.
    let title = "Budget \u{13002} مريم";
    options.annexes = vec![UserAnnex {
        id: "a-budget".into(),
        title: title.into(),
        file_name: Some("budget.pdf".into()),
    }];
    let budget = annex_pdf("Budget joint");
    let rendered = render_with_annexes(
        &file,
        &options,
        &[AnnexFile {
            id: "a-budget",
            title,
            bytes: &budget,
        }],
    )
    .expect("render");
    // « À vérifier » names the annex's title and the character.
    assert!(
        rendered.warnings.iter().any(
            |w| w.starts_with("Document, titre de l’annexe ajoutée 1") && w.contains("U+13002")
        ),
        "{:?}",
        rendered.warnings
    );
    let path = pdf_tools::write(dir.path(), "annexe-hieroglyphe.pdf", &rendered.bytes);
    let pages = pdf_tools::tool("pdfinfo", &[], &path);
    let count: usize = pages
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    let stamped = (1..=count)
        .map(|n| page_text(&path, n))
        .find(|t| t.contains("Budget joint"))
        .expect("the inserted page");
    let stamp = last_line(&stamped);
    assert!(!stamp.contains('?'), "{stamp}");
    assert!(stamp.contains("مريم"), "{stamp}");
    assert!(stamp.starts_with("Budget"), "{stamp}");
    // Drawn as a box (□), extracted as the character itself.
    assert!(stamp.contains('\u{13002}'), "{stamp}");
}
