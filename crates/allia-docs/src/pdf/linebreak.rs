//! Paragraph line breaking: styled runs → words (widths measured once) → lines, greedy,
//! with French hyphenation (hypher) when a justified line would be loose.
//!
//! Widths are integers in thousandths of an em, exactly as printpdf writes `/W`, so the
//! sum of a line's glyph widths is what a viewer advances, and justified edges line up.

use std::collections::VecDeque;

use super::fonts::{Face, Fonts};

/// Text in one face. Breakable spaces are U+0020; U+00A0 / U+202F stay as such (they are
/// part of the word) and are drawn with the space glyph by `draw`.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    pub face: Face,
    pub text: String,
    pub width: u32,
}

/// One laid-out line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub chunks: Vec<Chunk>,
    /// Natural width, thousandths of an em.
    pub width: u32,
    /// Breakable spaces on the line: where justification adds room.
    pub spaces: u32,
    /// Last line of its paragraph: never justified.
    pub last: bool,
}

#[derive(Debug, Clone)]
struct Word {
    chunks: Vec<Chunk>,
    width: u32,
    /// Face of the breakable space before this word (its width depends on it).
    space_face: Face,
}

/// Splits runs into words. Whitespace breaks; non-breaking spaces glue; controls vanish;
/// glyphs the font lacks become the visible replacement mark.
fn words(fonts: &Fonts, runs: &[(Face, &str)]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current: Option<Word> = None;
    let mut space_face = Face::Regular;
    for &(face, text) in runs {
        for c in text.chars() {
            if c.is_whitespace() && !is_nonbreaking_space(c) {
                if let Some(word) = current.take() {
                    out.push(word);
                }
                space_face = face;
                continue;
            }
            let Some(c) = fonts.clean_char(face, c) else {
                continue;
            };
            let w = fonts.width(face, c);
            let word = current.get_or_insert_with(|| Word {
                chunks: Vec::new(),
                width: 0,
                space_face,
            });
            word.width += w;
            match word.chunks.last_mut() {
                Some(chunk) if chunk.face == face => {
                    chunk.text.push(c);
                    chunk.width += w;
                }
                _ => word.chunks.push(Chunk {
                    face,
                    text: c.to_string(),
                    width: w,
                }),
            }
        }
    }
    out.extend(current);
    out
}

pub fn is_nonbreaking_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}')
}

/// Breaks `runs` into lines no wider than `max` (thousandths of an em at the paragraph's
/// size). `hyphenate` is for justified text: a loose line tries to take the first
/// syllables of the next word.
pub fn break_lines(fonts: &Fonts, runs: &[(Face, &str)], max: u32, hyphenate: bool) -> Vec<Line> {
    let max = max.max(1);
    let mut queue: VecDeque<Word> = words(fonts, runs).into();
    let mut lines = Vec::new();
    let mut current: Vec<Word> = Vec::new();
    let mut width = 0u32;
    let mut hyphenated_in_a_row = 0;
    while let Some(word) = queue.pop_front() {
        if current.is_empty() {
            if word.width <= max {
                width = word.width;
                current.push(word);
            } else {
                // A word wider than the line (a URL, a 5,000-char name): cut it where it
                // overflows rather than run into the margin.
                let (head, tail) = split_at_width(fonts, word, max);
                lines.push(assemble(fonts, vec![head]));
                queue.push_front(tail);
            }
            continue;
        }
        let space = fonts.width(word.space_face, ' ');
        if width + space + word.width <= max {
            width += space + word.width;
            current.push(word);
            continue;
        }
        let slack = max - width;
        let mut ended_with_hyphen = false;
        // Loose: justifying would stretch each space by more than half its width.
        let loose = 2 * slack > space * current.len().saturating_sub(1).max(1) as u32;
        if hyphenate && hyphenated_in_a_row < 2 && loose {
            if let Some((head, tail)) = hyphen_split(fonts, &word, slack.saturating_sub(space)) {
                current.push(head);
                queue.push_front(tail);
                ended_with_hyphen = true;
            } else {
                queue.push_front(word);
            }
        } else {
            queue.push_front(word);
        }
        hyphenated_in_a_row = if ended_with_hyphen {
            hyphenated_in_a_row + 1
        } else {
            0
        };
        lines.push(assemble(fonts, std::mem::take(&mut current)));
        width = 0;
    }
    if !current.is_empty() {
        lines.push(assemble(fonts, current));
    }
    if let Some(last) = lines.last_mut() {
        last.last = true;
    }
    lines
}

/// Joins words with breakable spaces, merging neighbouring text of the same face.
fn assemble(fonts: &Fonts, words: Vec<Word>) -> Line {
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut width = 0;
    let mut spaces = 0;
    for (i, word) in words.into_iter().enumerate() {
        if i > 0 {
            let w = fonts.width(word.space_face, ' ');
            push_chunk(&mut chunks, word.space_face, " ", w);
            width += w;
            spaces += 1;
        }
        width += word.width;
        for chunk in word.chunks {
            push_chunk(&mut chunks, chunk.face, &chunk.text, chunk.width);
        }
    }
    Line {
        chunks,
        width,
        spaces,
        last: false,
    }
}

fn push_chunk(chunks: &mut Vec<Chunk>, face: Face, text: &str, width: u32) {
    match chunks.last_mut() {
        Some(last) if last.face == face => {
            last.text.push_str(text);
            last.width += width;
        }
        _ => chunks.push(Chunk {
            face,
            text: text.to_string(),
            width,
        }),
    }
}

/// Cuts a too-wide word at the last char that fits (at least one char per line).
fn split_at_width(fonts: &Fonts, word: Word, max: u32) -> (Word, Word) {
    let mut head = Vec::new();
    let mut tail = Vec::new();
    let mut used = 0u32;
    let mut full = false;
    for chunk in word.chunks {
        if full {
            tail.push(chunk);
            continue;
        }
        let mut head_text = String::new();
        let mut head_width = 0;
        let mut rest = None;
        for (i, c) in chunk.text.char_indices() {
            let w = fonts.width(chunk.face, c);
            if used + w > max && (used > 0 || !head_text.is_empty()) {
                rest = Some(i);
                break;
            }
            used += w;
            head_width += w;
            head_text.push(c);
        }
        if let Some(i) = rest {
            full = true;
            let rest_text = chunk.text[i..].to_string();
            tail.push(Chunk {
                face: chunk.face,
                width: chunk.width - head_width,
                text: rest_text,
            });
        }
        if !head_text.is_empty() {
            head.push(Chunk {
                face: chunk.face,
                text: head_text,
                width: head_width,
            });
        }
    }
    let make = |chunks: Vec<Chunk>, space_face| Word {
        width: chunks.iter().map(|c| c.width).sum(),
        chunks,
        space_face,
    };
    (make(head, word.space_face), make(tail, word.space_face))
}

/// Hyphenates a one-face word so that its head (with a visible hyphen) fits in `room`.
/// Existing hyphens are break points too (no hyphen added then). Returns the longest
/// fitting head and the rest.
fn hyphen_split(fonts: &Fonts, word: &Word, room: u32) -> Option<(Word, Word)> {
    let [chunk] = word.chunks.as_slice() else {
        return None;
    };
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
            chunks: vec![Chunk {
                face: chunk.face,
                text: head_text,
                width: total,
            }],
            width: total,
            space_face: word.space_face,
        };
        let tail = Word {
            chunks: vec![Chunk {
                face: chunk.face,
                text: text[at..].to_string(),
                width: chunk.width - head_width,
            }],
            width: chunk.width - head_width,
            space_face: word.space_face,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> String {
        line.chunks.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn non_breaking_spaces_glue_words() {
        let fonts = Fonts::load().expect("fonts");
        let runs = [(Face::Regular, "montant\u{a0}: 1\u{202f}250,00\u{a0}€ dû")];
        // Wider than each glued group: narrower ones are cut like any over-long word.
        for max in (5000..20_000).step_by(7) {
            for line in break_lines(&fonts, &runs, max, true) {
                let t = text(&line);
                assert!(!t.starts_with(['\u{a0}', '\u{202f}']), "{max}: {t:?}");
                assert!(!t.ends_with(['\u{a0}', '\u{202f}']), "{max}: {t:?}");
            }
        }
    }

    #[test]
    fn loose_justified_lines_hyphenate_in_french() {
        let fonts = Fonts::load().expect("fonts");
        let runs = [(
            Face::Regular,
            "Les partenaires constituent solidairement une association",
        )];
        let lines = break_lines(&fonts, &runs, 16_000, true);
        assert!(lines.iter().any(|l| text(l).ends_with('-')), "{lines:?}");
        assert!(lines.iter().all(|l| l.width <= 16_000));
        let joined: String = lines.iter().map(text).collect::<Vec<_>>().join("\n");
        assert_eq!(
            joined.replace("-\n", "").replace('\n', " "),
            "Les partenaires constituent solidairement une association"
        );
    }
}
