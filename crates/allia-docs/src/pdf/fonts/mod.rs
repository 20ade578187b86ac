//! The embedded fonts: the four Liberation Serif faces that set the text, and the
//! fallback chain for the characters Liberation lacks (Arabic, symbols, emoji, CJK), each
//! embedded only when a document uses it, and subset.
//!
//! Liberation faces are parsed at start with a width table, so that Latin text (the
//! common case) is measured by a table lookup, exactly as printpdf writes `/W`. The
//! fallback faces are only read for their character map and shaped with rustybuzz
//! until a document draws them; printpdf parses them on first use.
//!
//! This file holds the styles ([`Face`]), the font keys and [`Fonts`], which picks the
//! font for each character; `files.rs` the embedded files and the chain, `measure.rs`
//! width tables and shapers, `chars.rs` the character classes.

mod chars;
mod files;
mod measure;

use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::PdfError;

pub use chars::{is_invisible, is_rtl, needs_shaping, Presentation};
use files::{CHAIN, EMOJI, FILES};
use measure::TABLE_LIMIT;
pub use measure::{FaceData, Shaper};

/// The style a run is set in; Liberation has one face per style, the fallback fonts
/// a regular and sometimes a bold one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub fn new(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    fn bold(self) -> bool {
        matches!(self, Face::Bold | Face::BoldItalic)
    }
}

/// One font file of the chain: an index into [`FILES`]. The first four are the
/// Liberation Serif faces, in [`Face`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FontKey(u8);

impl FontKey {
    /// The Liberation Serif face of `face`.
    pub fn liberation(face: Face) -> FontKey {
        FontKey(face as u8)
    }

    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Whether this is one of the four Liberation faces (measured by table).
    pub fn is_liberation(self) -> bool {
        self.0 < 4
    }

    /// Resource name in the PDF, fixed so that two renders give the same bytes. printpdf
    /// also makes the subset tag of its first six letters (`LIBSRG+…`), and readers only
    /// recognise a tag of six capitals.
    pub fn resource_id(self) -> &'static str {
        FILES[self.index()].id
    }
}

/// What the paragraph path needs to know of a char below `TABLE_LIMIT`.
const SIMPLE: u8 = 1;

/// The four Liberation faces and the fallback chain.
pub struct Fonts {
    faces: Vec<FaceData>,
    /// Every file of [`FILES`], for shaping and coverage.
    shapers: Vec<Shaper>,
    /// The fallback files as printpdf embeds them, parsed when first drawn (index
    /// into [`FILES`]; the Liberation slots stay empty, see `faces`).
    embedded: Vec<OnceLock<Option<ParsedFont>>>,
    /// For each char below `TABLE_LIMIT`, `SIMPLE` when a paragraph made of such chars
    /// is set without shaping: all four Liberation faces have it, it is neither a
    /// combining mark nor right-to-left; or it is dropped anyway (controls, invisible
    /// format characters). 0 otherwise.
    classes: Vec<u8>,
}

impl Fonts {
    /// Parses the four Liberation faces, builds their width tables, and reads the
    /// fallback files' tables for shaping.
    ///
    /// # Errors
    /// [`PdfError::Font`] when a face does not parse (a broken build).
    pub fn load() -> Result<Fonts, PdfError> {
        let faces = Face::ALL
            .iter()
            .map(|&f| FaceData::parse(f))
            .collect::<Result<Vec<_>, _>>()?;
        let shapers = FILES
            .iter()
            .map(|file| {
                let face =
                    rustybuzz::Face::from_slice(file.bytes, 0).ok_or(PdfError::Font(file.id))?;
                let units_per_em = face.units_per_em().max(1) as f32;
                Ok(Shaper { face, units_per_em })
            })
            .collect::<Result<Vec<_>, PdfError>>()?;
        let embedded = FILES.iter().map(|_| OnceLock::new()).collect();
        let mut fonts = Fonts {
            faces,
            shapers,
            embedded,
            classes: Vec::new(),
        };
        fonts.classes = (0..TABLE_LIMIT as u32)
            .map(|c| {
                let simple = char::from_u32(c).is_some_and(|c| {
                    is_invisible(c)
                        || c.is_whitespace()
                        || (!needs_shaping(c) && fonts.faces.iter().all(|f| f.width(c).is_some()))
                });
                if simple {
                    SIMPLE
                } else {
                    0
                }
            })
            .collect();
        Ok(fonts)
    }

    pub fn face(&self, face: Face) -> &FaceData {
        &self.faces[face.index()]
    }

    /// The shaper of a font file.
    pub fn shaper(&self, key: FontKey) -> &Shaper {
        &self.shapers[key.index()]
    }

    /// What printpdf embeds for `key`.
    ///
    /// # Errors
    /// [`PdfError::Font`] when the file does not parse (a broken build).
    pub fn embedded(&self, key: FontKey) -> Result<&ParsedFont, PdfError> {
        if key.is_liberation() {
            return Ok(&self.faces[key.index()].parsed);
        }
        self.embedded[key.index()]
            .get_or_init(|| {
                let mut warnings = Vec::new();
                ParsedFont::from_bytes(FILES[key.index()].bytes, 0, &mut warnings)
            })
            .as_ref()
            .ok_or(PdfError::Font(key.resource_id()))
    }

    /// How many font files there are (the size of a « used » table).
    pub fn count(&self) -> usize {
        FILES.len()
    }

    /// Every font key, in [`FILES`] order.
    pub fn keys(&self) -> impl Iterator<Item = FontKey> {
        (0..FILES.len() as u8).map(FontKey)
    }

    /// Width of `c` in Liberation `face`, thousandths of an em; 0 when the face has no
    /// glyph for it (such text goes through the fallback path, never measured here).
    pub fn width(&self, face: Face, c: char) -> u32 {
        u32::from(self.face(face).width(c).unwrap_or(0))
    }

    /// Width of `text` on one line in Liberation `face`, in thousandths of an em.
    pub fn text_width(&self, face: Face, text: &str) -> u32 {
        text.chars().map(|c| self.width(face, c)).sum()
    }

    /// Whether `text` is set by the fast path: Liberation glyphs one by one, no
    /// fallback, shaping or reordering.
    #[cfg(test)]
    pub fn simple(&self, text: &str) -> bool {
        text.chars().all(|c| self.is_simple(c))
    }

    /// Whether `c` can be set by the fast path (see [`Fonts::simple`]).
    #[inline]
    pub fn is_simple(&self, c: char) -> bool {
        self.classes
            .get(c as usize)
            .is_some_and(|&class| class == SIMPLE)
    }

    /// Whether `c` prints in every face, or is deliberately dropped (see
    /// [`super::printable`]). The box drawn for the others (U+25A1) is in every
    /// Liberation face.
    pub fn printable(&self, c: char) -> bool {
        c.is_whitespace()
            || is_invisible(c)
            || Face::ALL.iter().all(|&face| self.pick(face, c).is_some())
    }

    /// The font that draws `c` in `face`: Liberation when it has the glyph, else the
    /// first fallback that has it; `None` when no font of the chain does.
    pub fn pick(&self, face: Face, c: char) -> Option<FontKey> {
        if self.face(face).width(c).is_some() {
            return Some(FontKey::liberation(face));
        }
        self.fallback(face, c, Presentation::Default)
    }

    /// The first fallback font that has `c`, in the chain's order; with
    /// [`Presentation::Emoji`] the emoji font first, with [`Presentation::Text`] it
    /// comes last.
    pub fn fallback(&self, face: Face, c: char, presentation: Presentation) -> Option<FontKey> {
        let key_of = |&(regular, bold): &(FontKey, FontKey)| {
            if face.bold() && self.shaper(bold).glyph(c).is_some() {
                bold
            } else {
                regular
            }
        };
        let has = |key: FontKey| self.shaper(key).glyph(c).is_some();
        match presentation {
            Presentation::Emoji if has(EMOJI) => return Some(EMOJI),
            Presentation::Text => {
                if let Some(key) = CHAIN
                    .iter()
                    .filter(|(regular, _)| *regular != EMOJI)
                    .map(key_of)
                    .find(|&k| has(k))
                {
                    return Some(key);
                }
            }
            _ => {}
        }
        CHAIN.iter().map(key_of).find(|&k| has(k))
    }

    /// Whether `key` is the emoji font.
    pub fn is_emoji(key: FontKey) -> bool {
        key == EMOJI
    }
}

#[cfg(test)]
mod tests;
