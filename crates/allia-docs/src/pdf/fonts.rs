//! The four embedded Liberation Serif faces, parsed once, with the glyph widths printpdf
//! will write into the PDF (`/W`), so that what we measure is exactly what viewers draw.

use printpdf::ParsedFont;

use super::PdfError;

/// One of the four shipped faces.
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

    /// Resource name in the PDF, fixed so that two renders give the same bytes. printpdf
    /// also makes the subset tag of its first six letters (`LIBSRG+…`), and readers only
    /// recognise a tag of six capitals.
    pub fn resource_id(self) -> &'static str {
        match self {
            Face::Regular => "LIBSRG",
            Face::Bold => "LIBSBD",
            Face::Italic => "LIBSIT",
            Face::BoldItalic => "LIBSBI",
        }
    }
}

const FONT_BYTES: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

/// Characters below this bound get their width from a table built once; the rest
/// (rare in French contracts) go through the font's cmap each time.
const TABLE_LIMIT: usize = 0x3000;
/// Marks a char the face has no glyph for, in the width table.
const MISSING: u16 = u16::MAX;

/// The visible stand-in for a character the font cannot draw. Liberation Serif has no
/// U+FFFD, so a question mark it is.
pub const REPLACEMENT: char = '?';

/// One parsed face and its width table.
pub struct FaceData {
    /// What printpdf embeds (subset) in the PDF.
    pub parsed: ParsedFont,
    /// Advance in thousandths of an em for each char below `TABLE_LIMIT`, `MISSING` if the
    /// font has no glyph for it.
    widths: Vec<u16>,
    units_per_em: u32,
}

impl FaceData {
    fn parse(face: Face) -> Result<FaceData, PdfError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(FONT_BYTES[face.index()], 0, &mut warnings)
            .ok_or(PdfError::Font(face.resource_id()))?;
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

/// The four faces.
pub struct Fonts {
    faces: Vec<FaceData>,
}

impl Fonts {
    /// Parses the four embedded faces and builds their width tables.
    ///
    /// # Errors
    /// [`PdfError::Font`] when a face does not parse (a broken build).
    pub fn load() -> Result<Fonts, PdfError> {
        let faces = Face::ALL
            .iter()
            .map(|&f| FaceData::parse(f))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Fonts { faces })
    }

    pub fn face(&self, face: Face) -> &FaceData {
        &self.faces[face.index()]
    }

    /// Width of `c` in thousandths of an em; 0 when the face has no glyph for it (text
    /// is cleaned with [`Fonts::clean_char`] before it is measured).
    pub fn width(&self, face: Face, c: char) -> u32 {
        u32::from(self.face(face).width(c).unwrap_or(0))
    }

    /// Width of `text` on one line, in thousandths of an em.
    pub fn text_width(&self, face: Face, text: &str) -> u32 {
        text.chars().map(|c| self.width(face, c)).sum()
    }

    /// Whether `c` prints in every face, or is deliberately dropped (see
    /// [`super::printable`]).
    pub fn printable(&self, c: char) -> bool {
        is_invisible(c) || self.faces.iter().all(|f| f.width(c).is_some())
    }

    /// What to draw for `c` in `face`: the char itself, the replacement mark when the font
    /// lacks it, or `None` for controls and invisible format characters that must not
    /// reach the PDF.
    pub fn clean_char(&self, face: Face, c: char) -> Option<char> {
        if is_invisible(c) {
            return None;
        }
        if self.face(face).width(c).is_some() {
            Some(c)
        } else {
            Some(REPLACEMENT)
        }
    }
}

/// Controls and zero-width format characters (soft hyphen, joiners, bidi embeddings,
/// variation selectors, BOM, tags). Whitespace controls are handled before this.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E0FFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_match_what_printpdf_writes() {
        let fonts = Fonts::load().expect("fonts");
        for face in Face::ALL {
            let data = fonts.face(face);
            for c in ['a', 'é', '«', '€', 'œ', ' ', '\u{202F}', 'W'] {
                let gid = data.parsed.lookup_glyph_index(c as u32).expect("glyph");
                let decoded = data.parsed.get_or_decode_glyph(gid).expect("decoded");
                let expected = u32::from(decoded.horz_advance) * 1000 / data.units_per_em;
                assert_eq!(u32::from(data.width(c).expect("width")), expected, "{c}");
            }
        }
    }

    #[test]
    fn missing_and_invisible_chars() {
        let fonts = Fonts::load().expect("fonts");
        assert_eq!(fonts.clean_char(Face::Regular, '😀'), Some(REPLACEMENT));
        assert_eq!(fonts.clean_char(Face::Regular, '中'), Some(REPLACEMENT));
        assert_eq!(fonts.clean_char(Face::Regular, '\u{7}'), None);
        assert_eq!(fonts.clean_char(Face::Regular, '\u{200D}'), None);
        assert_eq!(fonts.clean_char(Face::Bold, 'œ'), Some('œ'));
    }

    #[test]
    fn printable_chars() {
        for c in [
            'a', 'é', 'Ж', 'λ', '€', '\u{202F}', '\n', '\u{200D}', '\u{FE0F}',
        ] {
            assert!(super::super::printable(c), "{c:?}");
        }
        assert!(!super::super::printable('\u{10FFFD}'));
    }
}
