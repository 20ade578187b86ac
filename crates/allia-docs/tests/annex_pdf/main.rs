//! PDF annexes inserted into a typeset document, read back with poppler: each file
//! right after its annex's title page, the page count adds up, every footer's « Page
//! N / M » runs on across the whole file, each inserted page says « <annex title> —
//! Page N / M » where the document prints its own footer (same height, same size),
//! whatever the annex's page size, rotation or inherited attributes; the annex's own
//! text is still there, and it gets no initials area.
//!
//! The parts: the fixtures and poppler readers here; [`order_and_numbers`], where each
//! file goes and how the pages are numbered and stamped; [`scaled_content`], files with
//! their own footer or filling their pages, scaled above the stamp.

#[path = "../common/pdf_sample.rs"]
mod pdf_sample;
#[path = "../common/pdf_tools.rs"]
mod pdf_tools;
#[path = "../common/templates_fixture.rs"]
mod templates_fixture;

use allia_core::{
    CommitmentParty, CommitmentsDraft, ContributionNature, DocumentKind, FileCommitments,
    FinancialContribution, Instalment, PaymentSchedule, UserAnnex,
};
use allia_docs::annex_pdf::{append_annexes, render_with_annexes, AnnexFile, AnnexPdfError};
use allia_docs::model::{Block, Document as Model};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

/// A PDF of `pages` pages of `size` points, each saying « <label> p. N », with its
/// resources and media box on the page-tree node (inherited, not on each page) and
/// `/Rotate rotate` on its last page.
fn annex_pdf(label: &str, pages: usize, size: (i64, i64), rotate: i64) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut kids = Vec::new();
    for n in 1..=pages {
        let content = Content {
            operations: vec![
                // A graphics state left changed: the footer must not move with it.
                Operation::new(
                    "cm",
                    vec![2.into(), 0.into(), 0.into(), 2.into(), 0.into(), 0.into()],
                ),
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 12.into()]),
                Operation::new("Td", vec![36.into(), 150.into()]),
                Operation::new(
                    "Tj",
                    vec![Object::string_literal(format!("{label} p. {n}"))],
                ),
                Operation::new("ET", vec![]),
            ],
        };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("encode"),
        ));
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        };
        if n == pages && rotate != 0 {
            page.set("Rotate", rotate);
        }
        kids.push(doc.add_object(page).into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            "MediaBox" => vec![0.into(), 0.into(), size.0.into(), size.1.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

const A4: (i64, i64) = (595, 842);

fn pages_of(bytes: &[u8]) -> usize {
    Document::load_mem(bytes).expect("pdf").get_pages().len()
}

/// The page count `pdfinfo` reads.
fn pdfinfo_pages(path: &std::path::Path) -> usize {
    let info = pdf_tools::tool("pdfinfo", &[], path);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"))
}

/// The sample convention, made exactly `pages` pages long with page breaks.
fn document_of(pages: usize) -> Model {
    let typesetter = allia_docs::pdf::shared().expect("typesetter");
    let mut doc = pdf_sample::convention(3);
    // Its title and first heading: one page to grow from.
    doc.blocks.truncate(2);
    let mut k = 0;
    while pages_of(&typesetter.render(&doc).expect("render")) < pages {
        doc.blocks.push(Block::PageBreak);
        doc.blocks.push(pdf_sample::paragraph(k, 2));
        k += 1;
    }
    assert_eq!(pages_of(&typesetter.render(&doc).expect("render")), pages);
    doc
}

/// The words of page `page` with their boxes, from `pdftotext -bbox`:
/// (word, xMin, yMin, xMax, yMax).
fn words(path: &std::path::Path, page: usize) -> Vec<(String, f32, f32, f32, f32)> {
    words_with(path, page, &[])
}

/// [`words`] with more options for `pdftotext` (`-cropbox`: boxes from the crop box's
/// corner rather than the media box's).
fn words_with(
    path: &std::path::Path,
    page: usize,
    options: &[&str],
) -> Vec<(String, f32, f32, f32, f32)> {
    let page = page.to_string();
    let mut args = vec!["-bbox", "-f", &page, "-l", &page];
    args.extend_from_slice(options);
    let html = pdf_tools::text(path, &args);
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let attr = |name: &str| -> f32 {
                let at = l.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
                l[at..]
                    .split('"')
                    .next()
                    .expect("value")
                    .parse()
                    .expect("number")
            };
            let word = l
                .split('>')
                .nth(1)
                .and_then(|s| s.split('<').next())
                .unwrap_or("");
            (
                word.to_string(),
                attr("xMin"),
                attr("yMin"),
                attr("xMax"),
                attr("yMax"),
            )
        })
        .collect()
}

/// The box of the footer's last « Page » word on a page.
fn footer_box(path: &std::path::Path, page: usize) -> (f32, f32, f32, f32) {
    words(path, page)
        .into_iter()
        .filter(|w| w.0 == "Page")
        .map(|w| (w.1, w.2, w.3, w.4))
        .next_back()
        .expect("a footer")
}

mod order_and_numbers;
mod scaled_content;
