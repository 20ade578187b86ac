//! French hyphenation (hypher) of a word that would leave a justified line loose.

use super::{Chunk, Word};
use crate::pdf::fonts::Fonts;

/// Hyphenates a one-face word so that its head (with a visible hyphen) fits in `room`.
/// Existing hyphens are break points too (no hyphen added then). Returns the longest
/// fitting head and the rest.
pub(super) fn hyphen_split(fonts: &Fonts, word: &Word, room: u32) -> Option<(Word, Word)> {
    let [chunk] = word.chunks.as_slice() else {
        return None;
    };
    if chunk.shaped.is_some() || chunk.level > 0 {
        return None;
    }
    let text = chunk.text.as_str();
    if text
        .chars()
        .any(|c| c.is_ascii_digit() || c == '@' || c == '/')
    {
        return None;
    }
    let mut candidates: Vec<(usize, bool)> = Vec::new();
    let mut segment_start = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c.is_alphabetic() {
            segment_start.get_or_insert(i);
        } else if let Some(start) = segment_start.take() {
            syllable_breaks(&text[start..i], start, &mut candidates);
        }
        let inner = k > 0 && k + 1 < chars.len();
        if inner && matches!(c, '-' | '\u{2010}') && chars[k - 1].1.is_alphabetic() {
            candidates.push((i + c.len_utf8(), false));
        }
    }
    if let Some(start) = segment_start {
        syllable_breaks(&text[start..], start, &mut candidates);
    }
    candidates.sort_unstable();
    let hyphen = fonts.width(chunk.face, '-');
    candidates.into_iter().rev().find_map(|(at, add_hyphen)| {
        let head_width = fonts.text_width(chunk.face, &text[..at]);
        let total = head_width + if add_hyphen { hyphen } else { 0 };
        if total > room {
            return None;
        }
        let mut head_text = text[..at].to_string();
        if add_hyphen {
            head_text.push('-');
        }
        let head = Word {
            chunks: vec![Chunk::plain(chunk.face, head_text, total, 0)],
            width: total,
            space_face: word.space_face,
            space_level: word.space_level,
        };
        let tail = Word {
            chunks: vec![Chunk::plain(
                chunk.face,
                text[at..].to_string(),
                chunk.width - head_width,
                0,
            )],
            width: chunk.width - head_width,
            space_face: word.space_face,
            space_level: word.space_level,
        };
        Some((head, tail))
    })
}

/// Syllable boundaries of an alphabetic segment starting at byte `offset` of its word.
/// Capitalised segments (names, acronyms) are left whole, as French typography asks.
fn syllable_breaks(segment: &str, offset: usize, out: &mut Vec<(usize, bool)>) {
    // hypher without its `alloc` feature panics on words over MAX_INLINE_SIZE bytes.
    if segment.len() > hypher::MAX_INLINE_SIZE
        || segment.chars().count() < 5
        || segment.chars().next().is_some_and(char::is_uppercase)
    {
        return;
    }
    let mut at = offset;
    let syllables: Vec<&str> = hypher::hyphenate(segment, hypher::Lang::French).collect();
    for syllable in &syllables[..syllables.len().saturating_sub(1)] {
        at += syllable.len();
        out.push((at, true));
    }
}
