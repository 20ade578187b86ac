//! The PDF typesetter: lays a [`Document`] out on A4 pages with the embedded Liberation
//! Serif faces (subset), justified and hyphenated French text, kept-together headings and
//! signatures, and « Page N / M » footers. Characters Liberation lacks fall back to a
//! chain of embedded fonts (Arabic, symbols, monochrome emoji, CJK: `fonts`); such text,
//! right-to-left text and combining marks are shaped with rustybuzz and ordered by the
//! Unicode bidi algorithm (`shaping`).
//!
//! printpdf only draws positioned text, so the stages are done here, each in its module,
//! all reading one `theme::Theme`: blocks become units of positioned items (`blocks`,
//! `tables`, `signatures`, with `linebreak` for lines), `paginate` fills the pages, and
//! `draw` turns them into PDF operations, footers and metadata.

mod blocks;
mod chart;
mod draw;
mod fonts;
mod layout;
mod linebreak;
mod paginate;
mod shaping;
mod signatures;
mod tables;
mod theme;

use std::sync::OnceLock;

use crate::model::{Block, Document};

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
    /// Parses the four Liberation faces and reads the fallback fonts' tables.
    pub fn new() -> Result<Typesetter, PdfError> {
        Ok(Typesetter {
            fonts: fonts::Fonts::load()?,
            theme: theme::Theme::A4,
        })
    }

    /// Renders `doc` to PDF bytes. Any text is accepted: characters no font of the chain
    /// has are drawn as a visible box (and named by [`printable`] beforehand), control
    /// characters are dropped.
    pub fn render(&self, doc: &Document) -> Result<Vec<u8>, PdfError> {
        self.render_before(doc, 0)
    }

    /// Renders `doc` as the first pages of a longer file: its footers count `following`
    /// more pages (the PDF annexes [`crate::annex_pdf`] appends after it), so an 8-page
    /// document followed by 2 pages reads « Page 8 / 10 » on its last page.
    pub fn render_before(&self, doc: &Document, following: usize) -> Result<Vec<u8>, PdfError> {
        let insert = Insert {
            block: doc.blocks.len(),
            pages: following,
        };
        Ok(self.render_with_inserts(doc, &[insert])?.bytes)
    }

    /// Renders `doc` for a file into which other pages are inserted (the PDFs attached
    /// to its annexes, [`crate::annex_pdf`]): each page's footer counts the inserted
    /// pages before it in « Page N / M », and M counts them all. Returns the bytes and,
    /// for each insert (same order), after how many of the document's own pages its
    /// pages go. Without inserts (or with empty ones) this is [`Typesetter::render`].
    pub fn render_with_inserts(
        &self,
        doc: &Document,
        inserts: &[Insert],
    ) -> Result<Typeset, PdfError> {
        let mut builder = blocks::Builder::new(&self.fonts, &self.theme);
        for block in &doc.blocks {
            builder.block(block);
        }
        let paged = paginate::paginate(&self.theme, &builder.units, &builder.headers);
        let map = PageMap {
            doc,
            starts: &builder.starts,
            unit_pages: &paged.unit_pages,
            pages: paged.pages.len(),
        };
        let after: Vec<usize> = inserts.iter().map(|i| map.insert_after(i.block)).collect();
        let mut numbers = Vec::with_capacity(paged.pages.len());
        for page in 0..paged.pages.len() {
            let before: usize = inserts
                .iter()
                .zip(&after)
                .filter(|(_, &a)| a <= page)
                .map(|(i, _)| i.pages)
                .sum();
            numbers.push(page + 1 + before);
        }
        let numbering = draw::Numbering {
            numbers,
            total: paged.pages.len() + inserts.iter().map(|i| i.pages).sum::<usize>(),
            initials: map.initials_pages(),
        };
        let bytes = draw::document(&self.fonts, &self.theme, doc, &paged.pages, &numbering)?;
        Ok(Typeset { bytes, after })
    }
}

impl Typesetter {
    /// How many pages `doc` takes with its text set `scale` times the normal size
    /// ([`theme::Theme::scaled`]), laid out but not drawn.
    pub fn pages_scaled(&self, doc: &Document, scale: f32) -> usize {
        let theme = self.theme.scaled(scale);
        let mut builder = blocks::Builder::new(&self.fonts, &theme);
        for block in &doc.blocks {
            builder.block(block);
        }
        paginate::paginate(&theme, &builder.units, &builder.headers)
            .pages
            .len()
    }

    /// Renders `doc` with its text set `scale` times the normal size (0.5–1), for a
    /// document that must hold on one page.
    pub fn render_scaled(&self, doc: &Document, scale: f32) -> Result<Vec<u8>, PdfError> {
        let theme = self.theme.scaled(scale);
        let mut builder = blocks::Builder::new(&self.fonts, &theme);
        for block in &doc.blocks {
            builder.block(block);
        }
        let paged = paginate::paginate(&theme, &builder.units, &builder.headers);
        let pages = paged.pages.len();
        let numbering = draw::Numbering {
            numbers: (1..=pages).collect(),
            total: pages,
            initials: vec![false; pages],
        };
        draw::document(&self.fonts, &theme, doc, &paged.pages, &numbering)
    }
}

impl Typesetter {
    /// Typesets footer lines for pages another file brings in (the PDFs attached to
    /// annexes, stamped by [`crate::annex_stamp`]): one page per [`Stamp`], `width` ×
    /// `height` points, holding « <title> — Page N / M » set exactly as the document's
    /// own footers (the font fallback chain, shaping and bidi; a title too long for
    /// `room` shortened with « … »), centred across, its baseline `baseline` points
    /// above the bottom edge. Returns the PDF's bytes; only the fonts used are embedded
    /// (subset), shared by all the pages.
    pub fn stamps(
        &self,
        lines: &[Stamp<'_>],
        height: f32,
        baseline: f32,
    ) -> Result<Vec<u8>, PdfError> {
        draw::stamps(&self.fonts, &self.theme, lines, height, baseline)
    }
}

/// One footer line for [`Typesetter::stamps`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stamp<'a> {
    /// The title before « — Page N / M » (none when blank).
    pub title: &'a str,
    /// N, from 1.
    pub page: usize,
    /// M.
    pub pages: usize,
    /// The page's width, in points.
    pub width: f32,
    /// The widest the line may be, in points (centred in `width`).
    pub room: f32,
}

/// Pages another file brings into the typeset document: `pages` pages after the part
/// of the document that holds block `block` (an index into [`Document::blocks`]), that
/// is after the last page before the next forced page break (or the document's end).
/// A `block` past the last one puts them after the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Insert {
    pub block: usize,
    pub pages: usize,
}

/// A document typeset for inserts ([`Typesetter::render_with_inserts`]).
#[derive(Debug, Clone)]
pub struct Typeset {
    /// The document's own pages, in PDF.
    pub bytes: Vec<u8>,
    /// For each insert, in order, the number of the document's own pages before its
    /// pages (0 before the first page, the page count after the last).
    pub after: Vec<usize>,
}

/// Where the blocks of a document landed.
struct PageMap<'a> {
    doc: &'a Document,
    /// Each block's first unit.
    starts: &'a [usize],
    /// Each unit's page.
    unit_pages: &'a [Option<usize>],
    pages: usize,
}

impl PageMap<'_> {
    /// The units of blocks `from..to`.
    fn units(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        let at = |b: usize| self.starts.get(b).copied().unwrap_or(self.unit_pages.len());
        at(from)..at(to).max(at(from))
    }

    /// The pages holding blocks `from..to`.
    fn pages_of(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        self.unit_pages[self.units(from, to)]
            .iter()
            .flatten()
            .copied()
    }

    /// After how many pages the pages of an insert at `block` go.
    fn insert_after(&self, block: usize) -> usize {
        if block >= self.doc.blocks.len() {
            return self.pages;
        }
        let end = self.doc.blocks[block + 1..]
            .iter()
            .position(|b| matches!(b, Block::PageBreak))
            .map_or(self.doc.blocks.len(), |k| block + 1 + k);
        self.pages_of(0, end).max().map_or(0, |page| page + 1)
    }

    /// Whether each page gets the initials area (« Paraphes »): every page but the
    /// signature page (the page or pages of the signature block, where the signatories
    /// sign in full), or but the last page of a document without one; none unless the
    /// document asks for it.
    fn initials_pages(&self) -> Vec<bool> {
        if !self.doc.initials {
            return vec![false; self.pages];
        }
        let mut signed: Vec<usize> = Vec::new();
        for (k, block) in self.doc.blocks.iter().enumerate() {
            if matches!(block, Block::Signatures(_)) {
                signed.extend(self.pages_of(k, k + 1));
            }
        }
        if signed.is_empty() {
            signed.push(self.pages.saturating_sub(1));
        }
        (0..self.pages).map(|p| !signed.contains(&p)).collect()
    }
}

/// Whether the PDF typesetter prints `c`: true when a font of the embedded chain has a
/// glyph for it in each of the four styles (Liberation Serif, then Noto Naskh Arabic,
/// DejaVu Sans, Noto Emoji, Droid Sans Fallback), or when `c` is [`dropped`] on purpose.
/// A `false` char is drawn as a visible box (□, extracted as the char itself) and must
/// be named to the user (« À vérifier »).
///
/// Fonts are parsed on the first call (see [`shared`]); if they cannot be, nothing is
/// printable.
pub fn printable(c: char) -> bool {
    shared().is_ok_and(|t| t.fonts.printable(c))
}

/// Whether the typesetter sets `c` without a glyph of its own, on purpose: whitespace
/// (a space, or a line break where it may), controls and invisible format characters
/// (joiners, variation selectors, bidi marks, soft hyphen, tags), which never reach the
/// page as such. [`printable`] is true for them.
pub fn dropped(c: char) -> bool {
    c.is_whitespace() || fonts::is_invisible(c)
}

/// The process-wide typesetter: fonts are parsed on first use, once.
pub fn shared() -> Result<&'static Typesetter, PdfError> {
    static SHARED: OnceLock<Result<Typesetter, PdfError>> = OnceLock::new();
    SHARED
        .get_or_init(Typesetter::new)
        .as_ref()
        .map_err(Clone::clone)
}
