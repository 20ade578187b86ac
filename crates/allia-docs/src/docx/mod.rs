//! DOCX export of the document model, for partners who edit in Word.
//!
//! [`render`] turns a [`Document`] into the bytes of a `.docx` file: A4 pages with
//! 25 mm margins, Liberation Serif 11 pt, real heading styles (« Article N — … » is
//! « heading 1 », « N.k — … » is « heading 2 ») so Word's navigation pane shows the
//! structure, list numbering, bordered tables with a repeated header row, a signature
//! block kept on one page, a running header from the second page on and a footer
//! « `<title>` — Page N / M » made of PAGE and NUMPAGES fields.

mod blocks;
mod package;
mod signatures;
mod styles;
mod text;

use docx_rs::{AlignmentType, Docx, Footer, Header, NumPages, PageMargin, PageNum, Paragraph};

use crate::model::{Block, Document};
use crate::templates::wording;

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
pub fn render(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let docx = Docx::new().page_size(PAGE_WIDTH, PAGE_HEIGHT).page_margin(
        PageMargin::new()
            .top(MARGIN)
            .bottom(MARGIN)
            .left(MARGIN)
            .right(MARGIN)
            .header(HEADER_DISTANCE)
            .footer(HEADER_DISTANCE)
            .gutter(0),
    );
    let docx = styles::install(docx);
    let docx = running_header(docx, doc.header.as_deref());
    let signatories = doc.signing_parties().len();
    let initials = doc.initials.then_some(signatories);
    let docx = docx
        .footer(footer(&doc.footer_title, initials))
        .first_footer(footer(&doc.footer_title, initials));

    let mut writer = blocks::Writer::new(docx);
    for (k, block) in doc.blocks.iter().enumerate() {
        // The signature block takes the paragraph before it along (never alone on a page).
        let signatures_next = matches!(doc.blocks.get(k + 1), Some(Block::Signatures(_)));
        writer.block(block, signatures_next);
    }
    package::pack(writer.finish(), &doc.metadata)
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
/// `initials` (the number of signatories), the initials line above it.
fn footer(title: &str, initials: Option<usize>) -> Footer {
    let title = text::single_line(title);
    let lead = if title.trim().is_empty() {
        "Page ".to_owned()
    } else {
        format!("{} — Page ", title.trim())
    };
    let footer = match initials {
        Some(signatories) => Footer::new().add_paragraph(initials_line(signatories)),
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

/// « Paraphes : ______ ______ » (a blank per signatory, one at least), right-aligned.
/// Unlike the PDF it shows on the signature page too. A Word field cannot hide it there
/// (`IF PAGE = … `, nested fields: LibreOffice prints « 61 », it does not evaluate fields
/// nested in `IF`), and a section starting at « Fait à » with a different first-page
/// footer (`w:titlePg`) would need a continuous section break, whose first-page footer
/// LibreOffice does not apply on the page where it starts (tried: the signature page
/// still showed the initials); a next-page break would detach the signatures from the
/// text before them.
fn initials_line(signatories: usize) -> Paragraph {
    let blanks = vec!["________"; signatories.max(1)].join("   ");
    let label = format!("{}\u{a0}: {blanks}", wording::INITIALS);
    Paragraph::new()
        .style(styles::FOOTER)
        .align(AlignmentType::Right)
        .add_run(text::run(&label, false, true))
}
