//! Paragraph line breaking: styled runs → words (widths measured once) → lines, greedy,
//! with French hyphenation (hypher) when a justified line would be loose.
//!
//! Widths are integers in thousandths of an em, exactly as printpdf writes `/W`, so the
//! sum of a line's glyph widths is what a viewer advances, and justified edges line up.
//! Paragraphs of text Liberation Serif sets alone take the fast path here; the others
//! (fallback fonts, marks, right-to-left text) are cut into words by `shaping`, and
//! their lines reordered for display.
//!
//! This file holds the breaking itself; `line.rs` the types of a line, `split.rs` the cut
//! of a word too wide for a line, `hyphenate.rs` the hyphenation.

mod hyphenate;
mod line;
mod split;

use std::collections::VecDeque;

use super::fonts::{Face, Fonts};
use super::shaping;

use hyphenate::hyphen_split;
pub use line::{Chunk, Glyph, Line, Shaped, Word};
use split::split_at_width;

/// How wide a justified space may grow, in natural space widths (Liberation Serif's
/// space is 0.25 em, so at most 0.625 em). Beyond that the gaps read as holes and
/// rivers more than a ragged edge disturbs the column; typographers put the loosest
/// acceptable word space near half an em (Bringhurst), and the margin above that keeps
/// lines with long unbreakable groups (amounts, dates glued by non-breaking spaces)
/// justified when they are only somewhat loose.
pub const MAX_SPACE_STRETCH: f32 = 2.5;

/// Whether justifying `line` to `max` (thousandths of an em) would stretch its spaces
/// beyond [`MAX_SPACE_STRETCH`]; `space` is the natural width of one space.
fn too_loose(line: &Line, max: u32, space: u32) -> bool {
    let natural = space as f32 * line.spaces as f32;
    let slack = max.saturating_sub(line.width) as f32;
    line.spaces > 0 && natural + slack > MAX_SPACE_STRETCH * natural
}

/// Splits runs into words. Whitespace breaks; non-breaking spaces glue; controls vanish.
/// Text that Liberation alone sets left-to-right is measured char by char here; any
/// other paragraph goes through [`shaping::words`].
fn words(fonts: &Fonts, runs: &[(Face, &str)]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current: Option<Word> = None;
    let mut space_face = Face::Regular;
    for &(face, text) in runs {
        for c in text.chars() {
            if !fonts.is_simple(c) {
                return shaping::words(fonts, runs);
            }
            if c.is_whitespace() && !is_nonbreaking_space(c) {
                if let Some(word) = current.take() {
                    out.push(word);
                }
                space_face = face;
                continue;
            }
            if super::fonts::is_invisible(c) {
                continue;
            }
            let w = fonts.width(face, c);
            let word = current.get_or_insert_with(|| Word {
                chunks: Vec::new(),
                width: 0,
                space_face,
                space_level: 0,
            });
            word.width += w;
            match word.chunks.last_mut() {
                Some(chunk) if chunk.face == face => {
                    chunk.text.push(c);
                    chunk.width += w;
                }
                _ => word.chunks.push(Chunk::plain(face, c.to_string(), w, 0)),
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
/// syllables of the next word, and a line still too loose to justify is marked
/// [`Line::ragged`].
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
    if hyphenate {
        // Every face of Liberation Serif has the same space width.
        let space = fonts.width(Face::Regular, ' ');
        for line in &mut lines {
            line.ragged = !line.last && too_loose(line, max, space);
        }
    }
    lines
}

/// Joins words with breakable spaces, merging neighbouring plain text of the same face
/// and level.
fn assemble(fonts: &Fonts, words: Vec<Word>) -> Line {
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut width = 0;
    let mut spaces = 0;
    for (i, word) in words.into_iter().enumerate() {
        if i > 0 {
            let w = fonts.width(word.space_face, ' ');
            push_chunk(
                &mut chunks,
                Chunk::plain(word.space_face, " ".to_string(), w, word.space_level),
            );
            width += w;
            spaces += 1;
        }
        width += word.width;
        for chunk in word.chunks {
            push_chunk(&mut chunks, chunk);
        }
    }
    Line {
        chunks,
        width,
        spaces,
        last: false,
        ragged: false,
    }
}

fn push_chunk(chunks: &mut Vec<Chunk>, chunk: Chunk) {
    match chunks.last_mut() {
        Some(last)
            if last.shaped.is_none()
                && chunk.shaped.is_none()
                && last.font == chunk.font
                && last.level == chunk.level =>
        {
            last.text.push_str(&chunk.text);
            last.width += chunk.width;
        }
        _ => chunks.push(chunk),
    }
}

#[cfg(test)]
mod tests;
