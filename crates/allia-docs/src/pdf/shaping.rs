//! Paragraphs the fast path cannot set: text with combining marks, right-to-left
//! scripts, or characters Liberation Serif lacks.
//!
//! Each run is composed (NFC) if it is not already; the Unicode bidi algorithm
//! (`unicode-bidi`, paragraph level left-to-right: French documents) gives each char its
//! embedding level; each word is cut into segments of one style, one font of the chain
//! and one level; a segment that Liberation draws left-to-right without marks stays plain
//! text (measured by table), any other is shaped by rustybuzz (Arabic joining, marks on
//! their base, emoji sequences). Lines are reordered by level after breaking
//! ([`reorder`]), as UAX #9 asks (rule L2).

use rustybuzz::{BufferFlags, Direction, UnicodeBuffer};
use unicode_bidi::{BidiInfo, Level};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::{char::is_combining_mark, is_nfc_quick, IsNormalized};

use super::fonts::{is_invisible, is_rtl, Face, FontKey, Fonts, Presentation};
use super::linebreak::{is_nonbreaking_space, Chunk, Glyph, Shaped, Word};

/// A piece of a word in one style, one font (`None`: no font has it, drawn as boxes)
/// and one bidi level.
struct Segment {
    face: Face,
    font: Option<FontKey>,
    level: u8,
    text: String,
}

/// Splits runs into words, as `linebreak::words` does for simple text.
pub fn words(fonts: &Fonts, runs: &[(Face, &str)]) -> Vec<Word> {
    let mut text = String::new();
    let mut ends: Vec<(usize, Face)> = Vec::with_capacity(runs.len());
    for &(face, run) in runs {
        if is_nfc_quick(run.chars()) == IsNormalized::Yes {
            text.push_str(run);
        } else {
            text.extend(run.nfc());
        }
        ends.push((text.len(), face));
    }
    let levels: Option<Vec<Level>> = text
        .chars()
        .any(is_rtl)
        .then(|| BidiInfo::new(&text, Some(Level::ltr())).levels);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut current: Vec<Segment> = Vec::new();
    let mut run = 0;
    let mut space = (Face::Regular, 0u8);
    let mut word_space = space;
    for (k, &(i, c)) in chars.iter().enumerate() {
        while run + 1 < ends.len() && i >= ends[run].0 {
            run += 1;
        }
        let face = ends.get(run).map_or(Face::Regular, |&(_, f)| f);
        let level = levels
            .as_ref()
            .and_then(|l| l.get(i))
            .map_or(0, |l| l.number());
        if c.is_whitespace() && !is_nonbreaking_space(c) {
            if !current.is_empty() {
                out.push(finish(fonts, std::mem::take(&mut current), word_space));
            }
            space = (face, level);
            continue;
        }
        // Joiners stay inside a shaped segment (Arabic joining, emoji sequences).
        if matches!(c, '\u{200C}' | '\u{200D}') {
            if let Some(last) = current.last_mut() {
                last.text.push(c);
            }
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let previous = current.last().and_then(|s| s.font);
        let font = choose(fonts, face, c, next, previous);
        if current.is_empty() {
            word_space = space;
        }
        match current.last_mut() {
            Some(last) if last.face == face && last.font == font && last.level == level => {
                last.text.push(c);
            }
            _ => current.push(Segment {
                face,
                font,
                level,
                text: c.to_string(),
            }),
        }
    }
    if !current.is_empty() {
        out.push(finish(fonts, current, word_space));
    }
    out
}

/// The font for `c` in `face`, given the char after it (a variation selector asks for
/// emoji or text presentation) and the font of the char before it in the word (a mark or
/// an emoji modifier stays on its base's font when that font has it).
fn choose(
    fonts: &Fonts,
    face: Face,
    c: char,
    next: Option<char>,
    previous: Option<FontKey>,
) -> Option<FontKey> {
    let attaches = is_combining_mark(c) || matches!(c, '\u{1F3FB}'..='\u{1F3FF}');
    if let (true, Some(previous)) = (attaches, previous) {
        if fonts.shaper(previous).glyph(c).is_some() {
            return Some(previous);
        }
    }
    let presentation = match next {
        Some('\u{FE0F}') => Presentation::Emoji,
        Some('\u{FE0E}') => Presentation::Text,
        _ if c >= '\u{1F000}' => Presentation::Emoji,
        _ => Presentation::Default,
    };
    match presentation {
        Presentation::Emoji => fonts
            .fallback(face, c, Presentation::Emoji)
            .filter(|&k| Fonts::is_emoji(k))
            .or_else(|| fonts.pick(face, c)),
        Presentation::Text if fonts.face(face).width(c).is_none() => {
            fonts.fallback(face, c, Presentation::Text)
        }
        _ => fonts.pick(face, c),
    }
}

/// Turns a word's segments into chunks.
fn finish(fonts: &Fonts, segments: Vec<Segment>, (space_face, space_level): (Face, u8)) -> Word {
    let chunks: Vec<Chunk> = segments
        .into_iter()
        .map(|segment| chunk(fonts, segment))
        .collect();
    Word {
        width: chunks.iter().map(|c| c.width).sum(),
        chunks,
        space_face,
        space_level,
    }
}

fn chunk(fonts: &Fonts, segment: Segment) -> Chunk {
    let Segment {
        face,
        font,
        level,
        text,
    } = segment;
    let rtl = level % 2 == 1;
    let Some(font) = font else {
        return missing(fonts, face, level, text);
    };
    let plain = font.is_liberation()
        && !rtl
        && !text
            .chars()
            .any(|c| is_combining_mark(c) || matches!(c, '\u{200C}' | '\u{200D}'));
    if plain {
        let width = fonts.text_width(face, &text);
        return Chunk {
            face,
            font,
            text,
            width,
            level,
            shaped: None,
        };
    }
    let shaped = shape(fonts, font, &text, rtl);
    Chunk {
        face,
        font,
        width: shaped.width(),
        text,
        level,
        shaped: Some(Box::new(shaped)),
    }
}

/// The visible stand-in for a char no font of the chain has: a white square (U+25A1),
/// which Liberation Serif has in every face (its `.notdef` glyph is blank).
pub const BOX: char = '\u{25A1}';

/// Chars no font of the chain has: a box per char, in Liberation `face`, inside an
/// `/ActualText` span that keeps the chars for extraction (the box glyph itself maps
/// to U+25A1, its own char, in the font's ToUnicode map).
fn missing(fonts: &Fonts, face: Face, level: u8, text: String) -> Chunk {
    let font = FontKey::liberation(face);
    let shaper = fonts.shaper(font);
    let gid = shaper.glyph(BOX).unwrap_or(0);
    let natural = shaper.natural_width(gid) as f32;
    let glyphs = text
        .char_indices()
        .map(|(i, _)| Glyph {
            gid,
            cluster: i as u32,
            advance: natural,
            offset: 0.0,
            rise: 0.0,
            natural,
            text: BOX.to_string(),
        })
        .collect();
    let shaped = Shaped {
        glyphs,
        rtl: false,
        actual_text: true,
    };
    Chunk {
        face,
        font,
        width: shaped.width(),
        text,
        level,
        shaped: Some(Box::new(shaped)),
    }
}

/// Shapes `text` in one font and direction. Glyphs come back in logical order (the
/// first char's glyph first, also for right-to-left text), each cluster's text on its
/// first glyph, or spread over its glyphs when each has its own char (for right-to-left
/// text, a glyph's several chars are stored in visual order: see `draw::text::show_glyphs`).
pub fn shape(fonts: &Fonts, key: FontKey, text: &str, rtl: bool) -> Shaped {
    let shaper = fonts.shaper(key);
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(if rtl {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    });
    buffer.guess_segment_properties();
    // Joiners and other invisible chars are removed after they have done their work
    // (joining, ligatures) rather than drawn as a zero-width space glyph: that glyph is
    // the font's space, whose single ToUnicode entry cannot stand for both a space and
    // the marks of a cluster (a base-less mark cluster's text used to land on it).
    buffer.set_flags(BufferFlags::REMOVE_DEFAULT_IGNORABLES);
    let output = rustybuzz::shape(&shaper.face, &[], buffer);
    let scale = 1000.0 / shaper.units_per_em;
    let mut glyphs: Vec<Glyph> = output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, position)| {
            let gid = u16::try_from(info.glyph_id).unwrap_or(0);
            Glyph {
                gid,
                cluster: info.cluster,
                advance: position.x_advance as f32 * scale,
                offset: position.x_offset as f32 * scale,
                rise: position.y_offset as f32 * scale,
                natural: shaper.natural_width(gid) as f32,
                text: String::new(),
            }
        })
        .collect();
    if rtl {
        glyphs.reverse();
    }
    assign_text(fonts, key, text, &mut glyphs);
    if rtl {
        // Readers reverse right-to-left glyph runs as a whole, the text of each glyph
        // included: a ligature's letters (lam-alef) are given in visual order too.
        for glyph in &mut glyphs {
            if glyph.text.chars().nth(1).is_some() {
                glyph.text = glyph.text.chars().rev().collect();
            }
        }
    }
    Shaped {
        glyphs,
        rtl,
        actual_text: false,
    }
}

/// Gives each glyph the text it stands for (the PDF's ToUnicode map): a cluster of one
/// glyph gets the cluster's chars; in a larger cluster each glyph that is the font's
/// glyph for one of the chars gets that char, and the first glyph the chars left.
fn assign_text(fonts: &Fonts, key: FontKey, text: &str, glyphs: &mut [Glyph]) {
    let shaper = fonts.shaper(key);
    let mut start = 0;
    while start < glyphs.len() {
        let cluster = glyphs[start].cluster;
        let end = glyphs[start..]
            .iter()
            .position(|g| g.cluster != cluster)
            .map_or(glyphs.len(), |n| start + n);
        // Clusters grow along the logical order; the text runs to the next one's start.
        let from = cluster as usize;
        let to = glyphs[end..]
            .iter()
            .map(|g| g.cluster as usize)
            .find(|&c| c > from)
            .unwrap_or(text.len());
        let chars = text.get(from..to).unwrap_or("");
        let group = &mut glyphs[start..end];
        if let [only] = group {
            only.text = chars.to_string();
        } else {
            let mut left = String::new();
            for c in chars.chars() {
                match group
                    .iter_mut()
                    .find(|g| g.text.is_empty() && shaper.glyph(c) == Some(g.gid))
                {
                    Some(g) => g.text.push(c),
                    None => left.push(c),
                }
            }
            // The chars no glyph of the cluster is the font's own glyph for (a ligature
            // of marks, a contextual form) go to the first glyph left without text, the
            // one that draws them; only when there is none, to the first glyph, whose
            // ToUnicode entry is then shared with its own char elsewhere.
            if !left.is_empty() {
                match group.iter_mut().find(|g| g.text.is_empty()) {
                    Some(empty) => empty.text = left,
                    None => {
                        if let Some(first) = group.first_mut() {
                            first.text.insert_str(0, &left);
                        }
                    }
                }
            }
        }
        start = end;
    }
    for glyph in glyphs.iter_mut() {
        glyph.text = glyph_text(&glyph.text);
    }
}

/// The text a glyph maps to, without the invisible chars the shaper merged into its
/// cluster (a joiner after a lone mark, between two marks): a font has one ToUnicode
/// entry per glyph, so a glyph must read the same wherever it is drawn. A joiner
/// between two base chars of one glyph (an emoji sequence) stays: it is part of what
/// the glyph shows.
fn glyph_text(text: &str) -> String {
    let bases = text
        .chars()
        .filter(|&c| !is_invisible(c) && !is_combining_mark(c))
        .count();
    if bases <= 1 {
        text.chars().filter(|&c| !is_invisible(c)).collect()
    } else {
        text.to_string()
    }
}

/// The visual order, left to right, of chunks at bidi levels `levels` (UAX #9, L2):
/// from the highest level down to the lowest odd one, every run at that level or higher
/// is reversed. Glyphs inside a right-to-left chunk are reversed when drawn.
pub fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&highest) = levels.iter().max() else {
        return order;
    };
    let Some(lowest_odd) = levels.iter().copied().filter(|l| l % 2 == 1).min() else {
        return order;
    };
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] < level {
                i += 1;
                continue;
            }
            let start = i;
            while i < order.len() && levels[order[i]] >= level {
                i += 1;
            }
            order[start..i].reverse();
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().expect("fonts")
    }

    #[test]
    fn arabic_is_shaped_right_to_left_with_its_text() {
        let fonts = fonts();
        let words = words(&fonts, &[(Face::Regular, "Mme مريم السيد, présidente")]);
        assert_eq!(words.len(), 4);
        let name = &words[1].chunks[0];
        assert_eq!(name.level, 1);
        assert_eq!(name.font.resource_id(), "NNASRG");
        let shaped = name.shaped.as_ref().expect("shaped");
        assert!(shaped.rtl);
        let text: String = shaped.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "مريم");
        // Joined forms: the initial meem is not the isolated one the cmap gives.
        let isolated = fonts.shaper(name.font).glyph('م');
        assert_ne!(Some(shaped.glyphs[0].gid), isolated);
        assert_eq!(
            words[2].space_level, 1,
            "the space between two Arabic words"
        );
        // « السيد, » : the comma after the name goes back to the French line.
        assert_eq!(words[2].chunks.last().map(|c| c.level), Some(0));
    }

    #[test]
    fn decomposed_text_is_composed() {
        let fonts = fonts();
        let words = words(&fonts, &[(Face::Regular, "He\u{301}le\u{300}ne")]);
        assert_eq!(words.len(), 1);
        assert_eq!(words[0].chunks[0].text, "Hélène");
        assert!(words[0].chunks[0].shaped.is_none());
    }

    #[test]
    fn emoji_and_missing_chars() {
        let fonts = fonts();
        let words = words(
            &fonts,
            &[(Face::Bold, "Café🔧 ♻\u{FE0F} \u{10FFFD} 👩\u{200D}🔧")],
        );
        let fonts_of: Vec<Vec<&str>> = words
            .iter()
            .map(|w| w.chunks.iter().map(|c| c.font.resource_id()).collect())
            .collect();
        assert_eq!(
            fonts_of,
            [
                vec!["LIBSBD", "NEMORG"],
                vec!["NEMORG"],
                vec!["LIBSBD"],
                vec!["NEMORG"]
            ]
        );
        assert_eq!(words[2].chunks[0].text, "\u{10FFFD}");
        let missing = words[2].chunks[0].shaped.as_ref().expect("boxes");
        assert!(missing.actual_text);
        let square = fonts.shaper(FontKey::liberation(Face::Bold)).glyph(BOX);
        assert_eq!(Some(missing.glyphs[0].gid), square);
        // The emoji sequence: one ligature glyph standing for the whole sequence.
        let sequence = words[3].chunks[0].shaped.as_ref().expect("shaped");
        let text: String = sequence.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "👩\u{200D}🔧");
    }

    #[test]
    fn visual_order_reverses_right_to_left_runs() {
        let text = ["a", " ", "A", " ", "12", " ", "B", " ", "b"];
        let levels = [0, 0, 1, 1, 2, 1, 1, 0, 0];
        let visual: String = visual_order(&levels).into_iter().map(|k| text[k]).collect();
        assert_eq!(visual, "a B 12 A b");
    }
}
