//! DOCX export of the document model, for partners who edit in Word.
//!
//! [`render`] turns a [`Document`] into the bytes of a `.docx` file: A4 pages with
//! 25 mm margins, Liberation Serif 11 pt, real heading styles (« Article N — … » is
//! « heading 1 », « N.k — … » is « heading 2 ») so Word's navigation pane shows the
//! structure, list numbering, bordered tables with a repeated header row, a chart as its
//! values in such a table (`docx/chart.rs`), a signature block kept on one page, a
//! running header from the second page on and a footer « `<title>` — Page N / M » made
//! of PAGE and NUMPAGES fields, with, as a document setting, the « Paraphes » line above
//! it on every page but the signature page (`docx/initials.rs`).

mod blocks;
mod chart;
mod initials;
mod package;
mod signatures;
mod styles;
mod text;

use docx_rs::{AlignmentType, Docx, Footer, Header, NumPages, PageMargin, PageNum, Paragraph};

use crate::model::{Block, Document};

/// A4 portrait, in twips.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
/// 25 mm, in twips.
pub const MARGIN: i32 = 1417;
/// Distance of the header and footer from the paper's edge (12.5 mm), in twips.
const HEADER_DISTANCE: i32 = 709;
/// Width of the text block, in twips.
pub const TEXT_WIDTH: usize = (PAGE_WIDTH as usize) - 2 * (MARGIN as usize);

#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("the generated part {part} is not valid UTF-8")]
    Encoding { part: &'static str },
    #[error("the generated part {part} lacks the expected {marker}")]
    Structure {
        part: &'static str,
        marker: &'static str,
    },
    #[error("could not write the DOCX archive: {0}")]
    Archive(String),
}

/// Renders the document as a `.docx` file. Never panics: text is cleaned of the
/// characters XML cannot hold, odd table widths fall back to equal columns.
///
/// With the initials area and annexes after the signatures (each from a new page), the
/// document has two sections, the text with its signatures then the annexes, so that
/// the signature page is the last page of its section (`docx/initials.rs`).
pub fn render(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(margins());
    let docx = styles::install(docx);
    let docx = running_header(docx, doc.header.as_deref());
    let signatories = doc.signing_parties().len();
    let initials = doc.initials.then_some(signatories);
    let title = &doc.footer_title;
    let docx = docx
        .footer(footer(title, initials.map(initials::conditional_line)))
        .first_footer(footer(title, initials.map(initials::conditional_line)));
    let split = doc.initials.then(|| annex_break(&doc.blocks)).flatten();

    let mut writer = blocks::Writer::new(docx);
    for (k, block) in doc.blocks.iter().enumerate() {
        if Some(k) == split {
            // The section break starts the annexes on a new page in place of this one.
            writer.section_break(footer(title, initials.map(initials::plain_line)));
            continue;
        }
        // The signature block takes the paragraph before it along (never alone on a page).
        let signatures_next = matches!(doc.blocks.get(k + 1), Some(Block::Signatures(_)));
        writer.block(block, signatures_next);
    }
    package::pack(writer.finish(), &doc.metadata, split.is_some())
}

/// The page break that opens the first annex: the first [`Block::PageBreak`] after the
/// signature block, if any.
fn annex_break(blocks: &[Block]) -> Option<usize> {
    let signatures = blocks
        .iter()
        .position(|b| matches!(b, Block::Signatures(_)))?;
    blocks[signatures..]
        .iter()
        .position(|b| matches!(b, Block::PageBreak))
        .map(|k| signatures + k)
}

/// 25 mm on every side, header and footer 12.5 mm from the paper's edge.
fn margins() -> PageMargin {
    PageMargin::new()
        .top(MARGIN)
        .bottom(MARGIN)
        .left(MARGIN)
        .right(MARGIN)
        .header(HEADER_DISTANCE)
        .footer(HEADER_DISTANCE)
        .gutter(0)
}

/// The header shows on every page but the first, which carries the title block.
fn running_header(docx: Docx, header: Option<&str>) -> Docx {
    let text = header.map(text::single_line).unwrap_or_default();
    if text.trim().is_empty() {
        return docx;
    }
    docx.header(Header::new().add_paragraph(blocks::styled(styles::HEADER, text.trim())))
        .first_header(Header::new().add_paragraph(Paragraph::new().style(styles::HEADER)))
}

/// « <title> — Page N / M », with N and M as fields Word and LibreOffice compute; with
/// an `initials` line ([`initials`]), that line above it.
fn footer(title: &str, initials: Option<Paragraph>) -> Footer {
    let title = text::single_line(title);
    let lead = if title.trim().is_empty() {
        "Page ".to_owned()
    } else {
        format!("{} — Page ", title.trim())
    };
    let footer = match initials {
        Some(line) => Footer::new().add_paragraph(line),
        None => Footer::new(),
    };
    footer.add_paragraph(
        Paragraph::new()
            .style(styles::FOOTER)
            .align(AlignmentType::Center)
            .add_run(text::run(&lead, false, false))
            .add_page_num(PageNum::new())
            .add_run(text::run(" / ", false, false))
            .add_num_pages(NumPages::new()),
    )
}
