//! What a laid-out line is made of: words, chunks of text in one style and font, and
//! the shaper's glyphs for the chunks that need it.

use crate::pdf::fonts::{Face, FontKey};

/// Text in one style and font. Breakable spaces are U+0020; U+00A0 / U+202F stay as
/// such (they are part of the word) and are drawn with the space glyph by `draw`.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    pub face: Face,
    /// The font file that draws it: Liberation `face` for plain text.
    pub font: FontKey,
    /// The text, in logical order (what extraction must give back).
    pub text: String,
    pub width: u32,
    /// Bidi embedding level (even: left-to-right); 0 on the fast path.
    pub level: u8,
    /// Glyphs from the shaper; `None` for plain text, drawn char by char through the
    /// font's cmap.
    pub shaped: Option<Box<Shaped>>,
}

impl Chunk {
    pub(super) fn plain(face: Face, text: String, width: u32, level: u8) -> Chunk {
        Chunk {
            face,
            font: FontKey::liberation(face),
            text,
            width,
            level,
            shaped: None,
        }
    }
}

/// A shaped piece of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Shaped {
    /// In logical order (reversed when drawn if `rtl`).
    pub glyphs: Vec<Glyph>,
    pub rtl: bool,
    /// Drawn inside an `/ActualText` span giving the chunk's text, so that extraction
    /// reads the chars drawn as boxes as typed.
    pub actual_text: bool,
}

impl Shaped {
    /// Sum of the advances, thousandths of an em.
    pub fn width(&self) -> u32 {
        self.glyphs
            .iter()
            .map(|g| g.advance)
            .sum::<f32>()
            .round()
            .max(0.0) as u32
    }
}

/// One positioned glyph, in thousandths of an em.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub gid: u16,
    /// Byte offset in the chunk's text of the cluster it belongs to.
    pub cluster: u32,
    /// Advance given by the shaper.
    pub advance: f32,
    /// Horizontal shift given by the shaper (marks).
    pub offset: f32,
    /// Vertical shift given by the shaper, upwards (marks above or below their base).
    pub rise: f32,
    /// Advance the PDF's `/W` gives it.
    pub natural: f32,
    /// The text it stands for (ToUnicode); empty for the extra glyphs of a cluster.
    pub text: String,
}

/// One laid-out line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// In logical order; `draw` shows them in visual order ([`crate::pdf::shaping::visual_order`]).
    pub chunks: Vec<Chunk>,
    /// Natural width, thousandths of an em.
    pub width: u32,
    /// Breakable spaces on the line: where justification adds room.
    pub spaces: u32,
    /// Last line of its paragraph: never justified.
    pub last: bool,
    /// Set ragged (left-aligned) although its paragraph is justified: justifying would
    /// stretch its spaces beyond [`super::MAX_SPACE_STRETCH`] times their natural width.
    pub ragged: bool,
}

#[derive(Debug, Clone)]
pub struct Word {
    pub chunks: Vec<Chunk>,
    pub width: u32,
    /// Face of the breakable space before this word (its width depends on it).
    pub space_face: Face,
    /// Bidi level of that space.
    pub space_level: u8,
}
