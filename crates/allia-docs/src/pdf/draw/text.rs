//! Text as PDF operations: a line's chunks in visual order, shaped glyphs with their
//! offsets, rise and `/ActualText`, and simple text with its justification room.

use std::collections::BTreeMap;

use printpdf::{Codepoint, DictItem, Op, TextItem};

use super::super::fonts::Fonts;
use super::super::linebreak::{is_nonbreaking_space, Chunk, Glyph, Line, Shaped};
use super::super::shaping;

/// The order in which a line's chunks are drawn, left to right.
pub(super) fn visual_order(line: &Line) -> Vec<usize> {
    if line.chunks.iter().all(|c| c.level == 0) {
        return (0..line.chunks.len()).collect();
    }
    let levels: Vec<u8> = line.chunks.iter().map(|c| c.level).collect();
    shaping::visual_order(&levels)
}

/// Opens a span whose extracted text is `text` (`/ActualText`), closed by
/// `Op::EndMarkedContent`.
fn begin_actual_text(text: &str) -> Op {
    Op::BeginMarkedContentWithProperties {
        tag: "Span".to_string(),
        properties: DictItem::Dict {
            map: BTreeMap::from([(
                "ActualText".to_string(),
                DictItem::String {
                    data: utf16_text(text),
                    literal: false,
                },
            )]),
        },
    }
}

/// Draws a shaped chunk at `size` points: its glyphs in visual order, each moved by what
/// the shaper asks beyond the width the PDF gives it (TJ numbers: thousandths of an em,
/// positive moves left) and raised as it asks, each glyph mapped to the text it stands for (ToUnicode). Boxes for chars
/// no font has are wrapped in an `/ActualText` span with the chunk's text, so that
/// extraction still gives the text as typed.
///
/// Right-to-left glyphs get no `/ActualText`: readers (poppler's pdftotext among them)
/// take a right-to-left line's glyphs in visual order and reverse them, and they reverse
/// an `/ActualText` given in logical order too, which garbles it. With each glyph mapped
/// to its own letter, the reversal gives the text back in logical order (vowel marks
/// excepted: pdftotext places them by position and may put one beside its letter).
pub(super) fn show_glyphs(ops: &mut Vec<Op>, chunk: &Chunk, shaped: &Shaped, size: f32) {
    if shaped.actual_text {
        ops.push(begin_actual_text(&chunk.text));
    }
    let visual: Vec<&Glyph> = if shaped.rtl {
        shaped.glyphs.iter().rev().collect()
    } else {
        shaped.glyphs.iter().collect()
    };
    // Glyphs raised or lowered by the shaper (marks above or below their base) go in
    // their own text run, with the text rise (Ts) set.
    let mut rise = 0.0;
    let mut k = 0;
    while k < visual.len() {
        let group_rise = visual[k].rise;
        let end = k + visual[k..]
            .iter()
            .take_while(|g| g.rise == group_rise)
            .count();
        if group_rise != rise {
            rise = group_rise;
            ops.push(Op::SetLineOffset {
                multiplier: rise * size / 1000.0,
            });
        }
        let mut items = Vec::with_capacity(2);
        let mut codepoints: Vec<Codepoint> = Vec::with_capacity(end - k);
        let mut pending = 0.0;
        for glyph in &visual[k..end] {
            let before = pending - glyph.offset;
            match codepoints.last_mut() {
                Some(last) => last.offset += before,
                None if before.abs() >= 0.01 => items.push(TextItem::Offset(before)),
                None => {}
            }
            codepoints.push(Codepoint {
                gid: glyph.gid,
                offset: 0.0,
                cid: Some(glyph.text.clone()),
            });
            pending = glyph.natural + glyph.offset - glyph.advance;
        }
        if let Some(last) = codepoints.last_mut() {
            last.offset += pending;
        }
        // printpdf writes a zero offset as nothing: float noise would write « 0 ».
        for codepoint in &mut codepoints {
            if codepoint.offset.abs() < 0.01 {
                codepoint.offset = 0.0;
            }
        }
        items.push(TextItem::GlyphIds(codepoints));
        ops.push(Op::ShowText { items });
        k = end;
    }
    if rise != 0.0 {
        ops.push(Op::SetLineOffset { multiplier: 0.0 });
    }
    if shaped.actual_text {
        ops.push(Op::EndMarkedContent);
    }
}

/// A PDF text string: UTF-16BE with its byte order mark.
fn utf16_text(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    bytes
}

/// TJ items for a chunk: justification room after each breakable space (TJ numbers are
/// thousandths of an em, negative moves right); non-breaking spaces are drawn with the
/// space glyph, so text extraction gives plain spaces, corrected to their own width.
pub(super) fn text_items(fonts: &Fonts, chunk: &Chunk, extra: f32) -> Vec<TextItem> {
    let mut items = Vec::new();
    let mut text = String::with_capacity(chunk.text.len());
    for c in chunk.text.chars() {
        let adjust = if c == ' ' {
            -extra
        } else if is_nonbreaking_space(c) {
            fonts.width(chunk.face, ' ') as f32 - fonts.width(chunk.face, c) as f32
        } else {
            text.push(c);
            continue;
        };
        text.push(' ');
        if adjust != 0.0 {
            items.push(TextItem::Text(std::mem::take(&mut text)));
            items.push(TextItem::Offset(adjust));
        }
    }
    if !text.is_empty() {
        items.push(TextItem::Text(text));
    }
    items
}
