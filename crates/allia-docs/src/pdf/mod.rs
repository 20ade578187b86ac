//! The PDF typesetter: lays a [`Document`] out on A4 pages with the embedded Liberation
//! Serif faces (subset), justified and hyphenated French text, kept-together headings and
//! signatures, and « Page N / M » footers.
//!
//! printpdf only draws positioned text, so the stages are done here, each in its module,
//! all reading one `theme::Theme`: blocks become units of positioned items (`blocks`,
//! `tables`, `signatures`, with `linebreak` for lines), `paginate` fills the pages, and
//! `draw` turns them into PDF operations, footers and metadata.

mod blocks;
mod draw;
mod fonts;
mod layout;
mod linebreak;
mod paginate;
mod signatures;
mod tables;
mod theme;

use std::sync::OnceLock;

use crate::model::Document;

/// Why a document could not be rendered.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PdfError {
    /// An embedded font failed to parse (a broken build, not bad input).
    #[error("la police intégrée {0} est illisible")]
    Font(&'static str),
    /// The PDF could not be written.
    #[error("le PDF n'a pas pu être écrit : {0}")]
    Serialize(String),
}

/// Lays documents out. Holds the parsed fonts and the theme: build it once (see
/// [`shared`]).
pub struct Typesetter {
    fonts: fonts::Fonts,
    theme: theme::Theme,
}

impl Typesetter {
    /// Parses the four embedded faces.
    pub fn new() -> Result<Typesetter, PdfError> {
        Ok(Typesetter {
            fonts: fonts::Fonts::load()?,
            theme: theme::Theme::A4,
        })
    }

    /// Renders `doc` to PDF bytes. Any text is accepted: characters the fonts lack are
    /// replaced by a visible « ? », control characters are dropped.
    pub fn render(&self, doc: &Document) -> Result<Vec<u8>, PdfError> {
        self.render_before(doc, 0)
    }

    /// Renders `doc` as the first pages of a longer file: its footers count `following`
    /// more pages (the PDF annexes [`crate::annex_pdf`] appends after it), so an 8-page
    /// document followed by 2 pages reads « Page 8 / 10 » on its last page.
    pub fn render_before(&self, doc: &Document, following: usize) -> Result<Vec<u8>, PdfError> {
        let mut builder = blocks::Builder::new(&self.fonts, &self.theme);
        for block in &doc.blocks {
            builder.block(block);
        }
        let pages = paginate::paginate(&self.theme, &builder.units, &builder.headers);
        draw::document(&self.fonts, &self.theme, doc, &pages, following)
    }
}

/// The process-wide typesetter: fonts are parsed on first use, once.
pub fn shared() -> Result<&'static Typesetter, PdfError> {
    static SHARED: OnceLock<Result<Typesetter, PdfError>> = OnceLock::new();
    SHARED
        .get_or_init(Typesetter::new)
        .as_ref()
        .map_err(Clone::clone)
}
