//! What a character asks of the typesetter, whatever the font: drawn or dropped
//! (invisible), set by the fast path or shaped, left-to-right or right-to-left, emoji
//! or text presentation.

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
