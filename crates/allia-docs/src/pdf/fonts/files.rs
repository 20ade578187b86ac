//! The font files compiled into the binary and the fallback chain after Liberation
//! Serif: which file draws Arabic, symbols, emoji and CJK, in the order they are tried.

use super::FontKey;

/// A font file compiled into the binary.
pub(super) struct FontFile {
    pub(super) id: &'static str,
    pub(super) bytes: &'static [u8],
}

/// Every embedded file; licences beside them in `assets/fonts/`.
pub(super) const FILES: [FontFile; 9] = [
    FontFile {
        id: "LIBSRG",
        bytes: include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf"),
    },
    FontFile {
        id: "LIBSBD",
        bytes: include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf"),
    },
    FontFile {
        id: "LIBSIT",
        bytes: include_bytes!("../../../assets/fonts/LiberationSerif-Italic.ttf"),
    },
    FontFile {
        id: "LIBSBI",
        bytes: include_bytes!("../../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
    },
    FontFile {
        id: "NNASRG",
        bytes: include_bytes!("../../../assets/fonts/NotoNaskhArabic-Regular.ttf"),
    },
    FontFile {
        id: "NNASBD",
        bytes: include_bytes!("../../../assets/fonts/NotoNaskhArabic-Bold.ttf"),
    },
    FontFile {
        id: "DJVSRG",
        bytes: include_bytes!("../../../assets/fonts/DejaVuSans.ttf"),
    },
    FontFile {
        id: "NEMORG",
        bytes: include_bytes!("../../../assets/fonts/NotoEmoji-Regular.ttf"),
    },
    FontFile {
        id: "DRSFRG",
        bytes: include_bytes!("../../../assets/fonts/DroidSansFallback.ttf"),
    },
];

/// Noto Naskh Arabic, regular and bold.
pub(super) const ARABIC: (FontKey, FontKey) = (FontKey(4), FontKey(5));
/// DejaVu Sans: symbols, arrows, mathematics, Armenian, Georgian and many more scripts.
pub(super) const SYMBOLS: FontKey = FontKey(6);
/// Noto Emoji, monochrome.
pub(super) const EMOJI: FontKey = FontKey(7);
/// Droid Sans Fallback: Chinese, Japanese, Korean.
pub(super) const CJK: FontKey = FontKey(8);

/// The fallback chain after Liberation, in the order it is tried: (regular, bold).
pub(super) const CHAIN: [(FontKey, FontKey); 4] =
    [ARABIC, (SYMBOLS, SYMBOLS), (EMOJI, EMOJI), (CJK, CJK)];
