//! The signature block: the model's « Fait à … » sentence, then its rows of signatories
//! in columns, each with the approval formula and room to sign by hand. Kept on one page
//! whenever it fits, and never alone on it: the text before it comes along (its last
//! paragraph whole, or its last lines when the block is too tall for that); a block too
//! tall for one page splits between its rows (the DOCX side is `docx/signatures.rs`).

use crate::model::{Align, Signatory, Signatures};

use super::blocks::{text_lines, Builder};
use super::fonts::Face;
use super::layout::{Item, Unit};
use super::paginate::chain_height;

pub fn block(b: &mut Builder<'_>, s: &Signatures) {
    let first = b.units.len();
    units(b, s);
    let rows = b.units.len() - first - 1;
    glue(b, first, rows);
}

/// Which units go together onto the page of « Fait à » (the unit at `first`, followed
/// by its `rows` rows of signatories). The signature block is never alone on its page,
/// where it could be detached from the text it signs: the text before it is glued to it,
/// its whole last paragraph (or list item, or table row), with the heading glued to that.
/// In this order of preference:
/// 1. the whole block with that whole paragraph, when both fit on one page;
/// 2. else the whole block with the paragraph's last lines (two at least, never leaving
///    a single line behind), so that no page holds signatures only;
/// 3. else (the block with two lines is taller than a page) the whole paragraph with
///    « Fait à » and the first row; the other rows follow, each whole, filling the page
///    and continuing on the next: « Fait à » never leaves the text.
///
/// When even the last paragraph whole does not fit with the first row, as many of its
/// last lines as do come along. An explicit page break before the block is left as the
/// author wanted it.
fn glue(b: &mut Builder<'_>, first: usize, rows: usize) {
    let theme = b.theme;
    let headers = &b.headers;
    let units = &mut b.units;
    // How many rows go with the text from `chain` on (`extra`: a repeated table header),
    // among `counts`, if any does.
    let rows_along = |units: &[Unit], chain: usize, extra: f32, counts: &[usize]| {
        counts
            .iter()
            .copied()
            .find(|&k| theme.fits(extra + chain_height(&units[chain..=first + k], true)))
    };
    let glue_to = |units: &mut [Unit], from: usize, last: usize| {
        for unit in &mut units[from..last] {
            unit.keep_with_next = true;
        }
    };
    if first == 0 || units[first - 1].page_break {
        let k = rows_along(units, first, 0.0, &[rows, rows.min(1)]).unwrap_or(rows.min(1));
        glue_to(units, first, first + k);
        return;
    }
    let start = units[..first]
        .iter()
        .rposition(|u| u.block_start || u.page_break)
        .map_or(0, |k| if units[k].page_break { k + 1 } else { k });
    // First the whole block with as much of the paragraph as fits (preferences 1 and 2),
    // then at least its first row with the whole paragraph, or the most of it that fits.
    for counts in [&[rows][..], &[rows, rows.min(1)][..]] {
        for from in start..first {
            if from > start && units[from - 1].keep_with_next {
                continue;
            }
            // Pagination moves the whole chain this starts, with what is already glued.
            let mut chain = from;
            while chain > 0 && units[chain - 1].keep_with_next {
                chain -= 1;
            }
            // A chain that starts the document (its title glued to the only article)
            // cannot move: cut it after the title, which then stands alone on page 1
            // rather than a row of signatures alone on page 2.
            let cut = chain == 0 && from > 0;
            let candidates: &[usize] = if cut { &[0, 1] } else { &[chain] };
            for &chain in candidates {
                let header = units[chain]
                    .repeat_header
                    .and_then(|h| headers.get(h))
                    .map_or(0.0, |h| h.height);
                if let Some(k) = rows_along(units, chain, header, counts) {
                    if chain == 1 {
                        units[0].keep_with_next = false;
                    }
                    glue_to(units, from, first + k);
                    return;
                }
            }
        }
    }
    glue_to(units, first - 1, first + rows.min(1));
}

/// The units of the block: « Fait à … » (kept with the first row), then one unit per row
/// of signatories, glued by [`glue`].
fn units(b: &mut Builder<'_>, s: &Signatures) {
    let theme = b.theme.signatures;
    let body = b.theme.body;
    let head = b.body_lines(&[(Face::Regular, &s.sentence)], body, Align::Left);
    let head_height = head.len() as f32 * body.leading + theme.after_sentence;
    let rows: Vec<(Vec<Item>, f32)> = s
        .rows
        .iter()
        .filter(|row| !row.is_empty())
        .map(|row| signature_row(b, row, &s.approval))
        .collect();
    b.units.push(Unit {
        height: head_height,
        space_before: theme.space_before,
        keep_with_next: !rows.is_empty(),
        items: head,
        ..Unit::default()
    });
    let last = rows.len().saturating_sub(1);
    for (k, (items, height)) in rows.into_iter().enumerate() {
        // The gap separates rows: none under the last, whose height then decides whether
        // the block fits on its page.
        let gap = if k < last { theme.row_gap } else { 0.0 };
        b.units.push(Unit {
            height: height + gap,
            items,
            ..Unit::default()
        });
    }
}

/// One row of signatories (at least two columns wide) and its height, signing space
/// included, the gap to the next row not.
fn signature_row(b: &Builder<'_>, row: &[Signatory], approval: &str) -> (Vec<Item>, f32) {
    let theme = b.theme.signatures;
    let (page, body) = (b.theme.page, b.theme.body);
    let columns = row.len().max(2);
    let column_width = page.body_width / columns as f32;
    let mut items = Vec::new();
    let mut tallest = 0.0f32;
    for (c, who) in row.iter().enumerate() {
        let x = page.left + c as f32 * column_width;
        let width = column_width - theme.column_gap;
        let mut y = 0.0;
        let parts: [(Face, &str); 4] = [
            (Face::Bold, &who.organisation),
            (Face::Regular, &who.name),
            (Face::Italic, &who.role),
            (Face::Italic, approval),
        ];
        for (face, text) in parts {
            let lines = text_lines(b.fonts, &[(face, text)], x, width, body, Align::Left);
            let height = lines.len() as f32 * body.leading;
            items.extend(lines.into_iter().map(|i| i.shifted(y)));
            y += height;
        }
        tallest = tallest.max(y);
    }
    (items, tallest + theme.signing_space)
}
