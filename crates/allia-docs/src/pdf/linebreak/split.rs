//! Cutting a word too wide for any line at the last character (or shaped cluster)
//! that fits.

use super::{Chunk, Glyph, Shaped, Word};
use crate::pdf::fonts::Fonts;

/// Cuts a too-wide word at the last char (or shaped cluster) that fits (at least one
/// per line).
pub(super) fn split_at_width(fonts: &Fonts, word: Word, max: u32) -> (Word, Word) {
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
