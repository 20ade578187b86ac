//! Paragraph line breaking: styled runs → words (widths measured once) → lines, greedy,
//! with French hyphenation (hypher) when a justified line would be loose.
//!
//! Widths are integers in thousandths of an em, exactly as printpdf writes `/W`, so the
//! sum of a line's glyph widths is what a viewer advances, and justified edges line up.
//! Paragraphs of text Liberation Serif sets alone take the fast path here; the others
//! (fallback fonts, marks, right-to-left text) are cut into words by `shaping`, and
//! their lines reordered for display.

use std::collections::VecDeque;

use super::fonts::{Face, FontKey, Fonts};
use super::shaping;

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
    fn plain(face: Face, text: String, width: u32, level: u8) -> Chunk {
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
    /// In logical order; `draw` shows them in visual order ([`shaping::visual_order`]).
    pub chunks: Vec<Chunk>,
    /// Natural width, thousandths of an em.
    pub width: u32,
    /// Breakable spaces on the line: where justification adds room.
    pub spaces: u32,
    /// Last line of its paragraph: never justified.
    pub last: bool,
    /// Set ragged (left-aligned) although its paragraph is justified: justifying would
    /// stretch its spaces beyond [`MAX_SPACE_STRETCH`] times their natural width.
    pub ragged: bool,
}

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

#[derive(Debug, Clone)]
pub struct Word {
    pub chunks: Vec<Chunk>,
    pub width: u32,
    /// Face of the breakable space before this word (its width depends on it).
    pub space_face: Face,
    /// Bidi level of that space.
    pub space_level: u8,
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

/// Cuts a too-wide word at the last char (or shaped cluster) that fits (at least one
/// per line).
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
        let (first, rest) = match chunk.shaped {
            Some(_) => split_shaped(chunk, max, &mut used),
            None => split_plain(fonts, chunk, max, &mut used),
        };
        if let Some(rest) = rest {
            full = true;
            tail.push(rest);
        }
        head.extend(first);
    }
    let make = |chunks: Vec<Chunk>| Word {
        width: chunks.iter().map(|c| c.width).sum(),
        chunks,
        space_face: word.space_face,
        space_level: word.space_level,
    };
    (make(head), make(tail))
}

/// The part of a plain chunk that fits after `used`, and the rest if any.
fn split_plain(
    fonts: &Fonts,
    chunk: Chunk,
    max: u32,
    used: &mut u32,
) -> (Option<Chunk>, Option<Chunk>) {
    let mut head_width = 0;
    let mut cut = None;
    for (i, c) in chunk.text.char_indices() {
        let w = fonts.width(chunk.face, c);
        if *used + w > max && (*used > 0 || i > 0) {
            cut = Some(i);
            break;
        }
        *used += w;
        head_width += w;
    }
    let Some(i) = cut else {
        return (Some(chunk), None);
    };
    let rest = Chunk {
        text: chunk.text[i..].to_string(),
        width: chunk.width - head_width,
        ..chunk.clone()
    };
    let head = (i > 0).then(|| Chunk {
        text: chunk.text[..i].to_string(),
        width: head_width,
        ..chunk
    });
    (head, Some(rest))
}

/// The clusters of a shaped chunk that fit after `used`, and the rest if any.
fn split_shaped(chunk: Chunk, max: u32, used: &mut u32) -> (Option<Chunk>, Option<Chunk>) {
    let Some(shaped) = chunk.shaped.as_deref() else {
        return (Some(chunk), None);
    };
    let glyphs = &shaped.glyphs;
    let mut advance = 0.0f32;
    let mut cut = None;
    let mut k = 0;
    while k < glyphs.len() {
        let cluster = glyphs[k].cluster;
        let end = glyphs[k..]
            .iter()
            .position(|g| g.cluster != cluster)
            .map_or(glyphs.len(), |n| k + n);
        let w: f32 = glyphs[k..end].iter().map(|g| g.advance).sum();
        if *used as f32 + advance + w > max as f32 && (*used > 0 || k > 0) {
            cut = Some(k);
            break;
        }
        advance += w;
        k = end;
    }
    let Some(k) = cut else {
        *used += chunk.width;
        return (Some(chunk), None);
    };
    *used += advance.round() as u32;
    let at = glyphs[k].cluster as usize;
    let part = |glyphs: Vec<Glyph>, text: &str| {
        let shaped = Shaped {
            glyphs,
            rtl: shaped.rtl,
            actual_text: shaped.actual_text,
        };
        Chunk {
            width: shaped.width(),
            text: text.to_string(),
            shaped: Some(Box::new(shaped)),
            ..chunk.clone()
        }
    };
    let rest_glyphs = glyphs[k..]
        .iter()
        .map(|g| Glyph {
            cluster: g.cluster.saturating_sub(at as u32),
            ..g.clone()
        })
        .collect();
    let rest = part(rest_glyphs, chunk.text.get(at..).unwrap_or(""));
    let head = (k > 0).then(|| part(glyphs[..k].to_vec(), chunk.text.get(..at).unwrap_or("")));
    (head, Some(rest))
}

/// Hyphenates a one-face word so that its head (with a visible hyphen) fits in `room`.
/// Existing hyphens are break points too (no hyphen added then). Returns the longest
/// fitting head and the rest.
fn hyphen_split(fonts: &Fonts, word: &Word, room: u32) -> Option<(Word, Word)> {
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

    /// Over a sweep of texts (with the long unbreakable amounts and dates that make loose
    /// lines) and column widths: every justified line stretches its spaces to at most
    /// [`MAX_SPACE_STRETCH`] times their width, every line set ragged would have gone
    /// beyond, and text set left is never marked.
    #[test]
    fn justified_spaces_never_stretch_beyond_the_limit() {
        let fonts = Fonts::load().expect("fonts");
        let space = fonts.width(Face::Regular, ' ') as f32;
        let texts = [
            "versée en deux fois\u{a0}: 20\u{202f}000,00\u{a0}€ le 15\u{a0}janvier\u{a0}2027 \
             et 20\u{202f}000,00\u{a0}€ le 15\u{a0}janvier\u{a0}2028.",
            "la Commune\u{a0}: une subvention de 40\u{202f}000,00\u{a0}€ (imputation \
             budgétaire\u{a0}: Budget «\u{a0}vie associative\u{a0}» 2027), versée en deux \
             fois\u{a0}: 20\u{202f}000,00\u{a0}€ le 15\u{a0}janvier\u{a0}2027 et \
             20\u{202f}000,00\u{a0}€ le 15\u{a0}janvier\u{a0}2028.",
            "Les partenaires constituent solidairement une association de fait pour \
             conduire le projet décrit au préambule, dans le respect de l’autonomie de \
             chacun, et se réunissent au moins une fois par trimestre.",
            "Voir https://www.service-public.fr/associations/vosdroits/F3180 et \
             l’arrêté du 11\u{a0}octobre\u{a0}2006 pris pour l’application de l’article\u{a0}10.",
        ];
        let (mut justified, mut ragged) = (0, 0);
        for text in texts {
            let runs = [(Face::Regular, text)];
            for max in (6_000..40_000).step_by(97) {
                for line in break_lines(&fonts, &runs, max, true) {
                    if line.last || line.spaces == 0 {
                        assert!(!line.ragged, "{max}: {line:?}");
                        continue;
                    }
                    let stretched =
                        space + max.saturating_sub(line.width) as f32 / line.spaces as f32;
                    let within = stretched <= MAX_SPACE_STRETCH * space;
                    assert_eq!(
                        !line.ragged,
                        within,
                        "{max}: spaces stretched to {stretched} ({})",
                        self::text(&line)
                    );
                    if line.ragged {
                        ragged += 1;
                    } else {
                        justified += 1;
                    }
                }
                for line in break_lines(&fonts, &runs, max, false) {
                    assert!(!line.ragged, "left-aligned text is never marked: {max}");
                }
            }
        }
        assert!(
            justified > 0 && ragged > 0,
            "{justified} justified, {ragged} ragged"
        );
    }

    /// The trial's loose line: in a list item of a justified article, « tive » 2027),
    /// versée en deux fois : 20 000,00 € le 15 janvier 2027 et 20 000,00 € le » (the
    /// next word a date that cannot break) stretched its spaces about fivefold; it is now
    /// set ragged.
    #[test]
    fn the_trial_loose_line_is_set_ragged() {
        let fonts = Fonts::load().expect("fonts");
        let text = "tive\u{a0}» 2027), versée en deux fois\u{a0}: 20\u{202f}000,00\u{a0}€ le \
             15\u{a0}janvier\u{a0}2027 et 20\u{202f}000,00\u{a0}€ le 15\u{a0}janvier\u{a0}2028.";
        // The list's text column: the A4 body (453.5 pt) less the 24 pt indent, at 11 pt.
        let lines = break_lines(&fonts, &[(Face::Regular, text)], 39_045, true);
        let shown: Vec<(String, bool)> = lines.iter().map(|l| (self::text(l), l.ragged)).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[0].0.ends_with("€ le") && shown[0].1, "{shown:?}");
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
