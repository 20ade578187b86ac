//! The embedded fonts: the four Liberation Serif faces that set the text, and the
//! fallback chain for the characters Liberation lacks (Arabic, symbols, emoji, CJK), each
//! embedded only when a document uses it, and subset.
//!
//! Liberation faces are parsed at start with a width table, so that Latin text (the
//! common case) is measured by a table lookup, exactly as printpdf writes `/W`. The
//! fallback faces are only read for their character map and shaped with rustybuzz
//! until a document draws them; printpdf parses them on first use.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::PdfError;

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

/// A font file compiled into the binary.
struct FontFile {
    id: &'static str,
    bytes: &'static [u8],
}

/// Every embedded file; licences beside them in `assets/fonts/`.
const FILES: [FontFile; 9] = [
    FontFile {
        id: "LIBSRG",
        bytes: include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf"),
    },
    FontFile {
        id: "LIBSBD",
        bytes: include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf"),
    },
    FontFile {
        id: "LIBSIT",
        bytes: include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf"),
    },
    FontFile {
        id: "LIBSBI",
        bytes: include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
    },
    FontFile {
        id: "NNASRG",
        bytes: include_bytes!("../../assets/fonts/NotoNaskhArabic-Regular.ttf"),
    },
    FontFile {
        id: "NNASBD",
        bytes: include_bytes!("../../assets/fonts/NotoNaskhArabic-Bold.ttf"),
    },
    FontFile {
        id: "DJVSRG",
        bytes: include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
    },
    FontFile {
        id: "NEMORG",
        bytes: include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf"),
    },
    FontFile {
        id: "DRSFRG",
        bytes: include_bytes!("../../assets/fonts/DroidSansFallback.ttf"),
    },
];

/// Noto Naskh Arabic, regular and bold.
const ARABIC: (FontKey, FontKey) = (FontKey(4), FontKey(5));
/// DejaVu Sans: symbols, arrows, mathematics, Armenian, Georgian and many more scripts.
const SYMBOLS: FontKey = FontKey(6);
/// Noto Emoji, monochrome.
const EMOJI: FontKey = FontKey(7);
/// Droid Sans Fallback: Chinese, Japanese, Korean.
const CJK: FontKey = FontKey(8);

/// The fallback chain after Liberation, in the order it is tried: (regular, bold).
const CHAIN: [(FontKey, FontKey); 4] = [ARABIC, (SYMBOLS, SYMBOLS), (EMOJI, EMOJI), (CJK, CJK)];

/// Characters below this bound get their width from a table built once; the rest
/// (rare in French contracts) go through the font's cmap each time.
const TABLE_LIMIT: usize = 0x3000;
/// Marks a char the face has no glyph for, in the width table.
const MISSING: u16 = u16::MAX;

/// One parsed Liberation face and its width table.
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

/// How a char asks to be shown: by default, as an emoji (followed by U+FE0F, or an
/// emoji of the supplementary planes) or as text (followed by U+FE0E).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presentation {
    Default,
    Emoji,
    Text,
}

/// Controls and zero-width format characters (soft hyphen, joiners, bidi embeddings,
/// variation selectors, BOM, tags): never drawn. Whitespace controls are handled before
/// this; the joiners still reach the shaper inside a shaped word.
pub fn is_invisible(c: char) -> bool {
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

/// Characters that make a paragraph go through shaping and bidi: combining marks (to
/// sit on their base), right-to-left scripts, and everything from U+3000 on is checked
/// there too (CJK, emoji, presentation forms).
pub fn needs_shaping(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c) || is_rtl(c) || c >= '\u{3000}'
}

/// Strong right-to-left characters' blocks: Hebrew, Arabic, Syriac, Thaana, N'Ko,
/// Samaritan, Mandaic, their presentation forms, and the RTL ranges of the
/// supplementary planes. A paragraph with one of them gets the bidi algorithm.
pub fn is_rtl(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{200F}'
        | '\u{202B}'
        | '\u{202E}'
        | '\u{2067}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
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
                let shaper = fonts.shaper(FontKey::liberation(face));
                assert_eq!(shaper.natural_width(gid), expected, "{c}");
            }
        }
    }

    #[test]
    fn fallback_widths_match_what_printpdf_writes() {
        let fonts = Fonts::load().expect("fonts");
        for c in ['م', '🔧', '♻', '李', 'Ա'] {
            let key = fonts.pick(Face::Regular, c).expect("a font has it");
            assert!(!key.is_liberation(), "{c}");
            let parsed = fonts.embedded(key).expect("parses");
            let shaper = fonts.shaper(key);
            let gid = shaper.glyph(c).expect("glyph");
            assert_eq!(parsed.lookup_glyph_index(c as u32), Some(gid), "{c}");
            let decoded = parsed.get_or_decode_glyph(gid).expect("decoded");
            let expected = u32::from(decoded.horz_advance) * 1000
                / u32::from(parsed.pdf_font_metrics.units_per_em.max(1));
            assert_eq!(shaper.natural_width(gid), expected, "{c}");
        }
    }

    #[test]
    fn the_chain_picks_a_font_per_script() {
        let fonts = Fonts::load().expect("fonts");
        let pick = |face, c| fonts.pick(face, c).map(FontKey::resource_id);
        assert_eq!(pick(Face::Italic, 'é'), Some("LIBSIT"));
        assert_eq!(pick(Face::Regular, 'Ж'), Some("LIBSRG"));
        assert_eq!(pick(Face::Regular, 'ש'), Some("LIBSRG"));
        assert_eq!(pick(Face::Regular, 'م'), Some("NNASRG"));
        assert_eq!(pick(Face::Bold, 'م'), Some("NNASBD"));
        assert_eq!(pick(Face::Regular, '🔧'), Some("NEMORG"));
        assert_eq!(pick(Face::Regular, '♻'), Some("DJVSRG"));
        assert_eq!(
            fonts
                .fallback(Face::Regular, '♻', Presentation::Emoji)
                .map(FontKey::resource_id),
            Some("NEMORG")
        );
        assert_eq!(pick(Face::Regular, '李'), Some("DRSFRG"));
        assert_eq!(pick(Face::Regular, '\u{10FFFD}'), None);
    }

    #[test]
    fn fallback_box_is_in_every_face() {
        let fonts = Fonts::load().expect("fonts");
        for face in Face::ALL {
            assert!(fonts.face(face).width(super::super::shaping::BOX).is_some());
        }
    }

    #[test]
    fn simple_chars() {
        let fonts = Fonts::load().expect("fonts");
        assert!(fonts.simple("Hélène, « Ж » : 12\u{202F}500,00\u{A0}€ — œuvre’s\u{7}"));
        for text in ["e\u{301}", "مريم", "שלום", "🔧", "李", "♻"] {
            assert!(!fonts.simple(text), "{text}");
        }
    }

    #[test]
    fn printable_chars() {
        for c in [
            'a', 'é', 'Ж', 'λ', '€', '\u{202F}', '\n', '\u{200D}', '\u{FE0F}', 'م', '🔧', '♻',
            '李', 'ש',
        ] {
            assert!(super::super::printable(c), "{c:?}");
        }
        assert!(!super::super::printable('\u{10FFFD}'));
        assert!(!super::super::printable('\u{13000}'));
    }
}
