//! Measuring text: a Liberation face's width table (a lookup per character, exactly
//! as printpdf writes `/W`) and a font file as the shaper reads it.

use printpdf::ParsedFont;

use super::files::FILES;
use super::{Face, FontKey};
use crate::pdf::PdfError;

/// Characters below this bound get their width from a table built once; the rest
/// (rare in French contracts) go through the font's cmap each time.
pub(super) const TABLE_LIMIT: usize = 0x3000;
/// Marks a char the face has no glyph for, in the width table.
const MISSING: u16 = u16::MAX;

/// One parsed Liberation face and its width table.
pub struct FaceData {
    /// What printpdf embeds (subset) in the PDF.
    pub parsed: ParsedFont,
    /// Advance in thousandths of an em for each char below `TABLE_LIMIT`, `MISSING` if the
    /// font has no glyph for it.
    widths: Vec<u16>,
    pub(super) units_per_em: u32,
}

impl FaceData {
    pub(super) fn parse(face: Face) -> Result<FaceData, PdfError> {
        let key = FontKey::liberation(face);
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(FILES[key.index()].bytes, 0, &mut warnings)
            .ok_or(PdfError::Font(key.resource_id()))?;
        let units_per_em = u32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        let mut data = FaceData {
            parsed,
            widths: Vec::new(),
            units_per_em,
        };
        data.widths = (0..TABLE_LIMIT)
            .map(|c| {
                char::from_u32(c as u32)
                    .and_then(|c| data.lookup(c))
                    .unwrap_or(MISSING)
            })
            .collect();
        Ok(data)
    }

    /// Width as printpdf writes it: advance × 1000 / units-per-em, rounded down.
    fn lookup(&self, c: char) -> Option<u16> {
        let gid = self.parsed.lookup_glyph_index(c as u32)?;
        if gid == 0 {
            return None;
        }
        let advance = u32::from(self.parsed.get_horizontal_advance(gid));
        Some((advance * 1000 / self.units_per_em).min(u32::from(MISSING - 1)) as u16)
    }

    /// Width of `c` in thousandths of an em, `None` if the face has no glyph for it.
    pub fn width(&self, c: char) -> Option<u16> {
        match self.widths.get(c as usize) {
            Some(&MISSING) => None,
            Some(&w) => Some(w),
            None => self.lookup(c),
        }
    }
}

/// A font file as the shaper reads it.
pub struct Shaper {
    pub face: rustybuzz::Face<'static>,
    /// Units per em, as a float for scaling to thousandths of an em.
    pub units_per_em: f32,
}

impl Shaper {
    /// The glyph for `c`, `None` when the font has none (or only `.notdef`).
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.face.glyph_index(c).map(|g| g.0).filter(|&g| g != 0)
    }

    /// The advance printpdf writes in `/W` for glyph `gid`: thousandths of an em,
    /// rounded down.
    pub fn natural_width(&self, gid: u16) -> u32 {
        let advance = self
            .face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
            .unwrap_or(0);
        u32::from(advance) * 1000 / (self.units_per_em as u32).max(1)
    }
}
