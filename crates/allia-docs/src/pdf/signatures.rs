//! The signature block: the model's « Fait à … » sentence, then its rows of signatories
//! in columns, each with the approval formula and room to sign by hand. Kept on one page
//! whenever it fits, and never alone on it: the text before it comes along (the DOCX side
//! is `docx/signatures.rs`).

use crate::model::{Align, Signatory, Signatures};

use super::blocks::{text_lines, Builder};
use super::fonts::Face;
use super::layout::{Item, Unit};
use super::paginate::chain_height;

pub fn block(b: &mut Builder<'_>, s: &Signatures) {
    let first = b.units.len();
    units(b, s);
    take_text_along(b, first);
}

/// The signature block is never alone on its page, where it could be detached from the
/// text it signs: the units before it (from `first`) are glued to it, its whole last
/// paragraph (or list item, or table), with the heading glued to that, when they fit on
/// one page with the block's first row; else as many of its last lines as fit. An
/// explicit page break before the block is left as the author wanted it.
fn take_text_along(b: &mut Builder<'_>, first: usize) {
    let units = &mut b.units;
    if first == 0 || first >= units.len() || units[first - 1].page_break {
        return;
    }
    // The block's own first chain: the sentence and the first row of signatories.
    let mut end = first;
    while end + 1 < units.len() && units[end].keep_with_next {
        end += 1;
    }
    let start = units[..first]
        .iter()
        .rposition(|u| u.block_start || u.page_break)
        .map_or(0, |k| if units[k].page_break { k + 1 } else { k });
    for from in start..first {
        if from > start && units[from - 1].keep_with_next {
            continue;
        }
        // Pagination moves the whole chain this starts, with what is already glued to it.
        let mut chain = from;
        while chain > 0 && units[chain - 1].keep_with_next {
            chain -= 1;
        }
        let header = units[chain]
            .repeat_header
            .and_then(|h| b.headers.get(h))
            .map_or(0.0, |h| h.height);
        if b.theme
            .fits(header + chain_height(&units[chain..=end], true))
        {
            for unit in &mut units[from..first] {
                unit.keep_with_next = true;
            }
            return;
        }
    }
    units[first - 1].keep_with_next = true;
}

fn units(b: &mut Builder<'_>, s: &Signatures) {
    let theme = b.theme.signatures;
    let body = b.theme.body;
    let head = b.body_lines(&[(Face::Regular, &s.sentence)], body, Align::Left);
    let head_height = head.len() as f32 * body.leading + theme.after_sentence;
    let rows: Vec<(Vec<Item>, f32)> = s
        .rows
        .iter()
        .map(|row| signature_row(b, row, &s.approval))
        .collect();
    let total = head_height + rows.iter().map(|(_, h)| h).sum::<f32>();
    if b.theme.fits(total) {
        let mut items = head;
        let mut y = head_height;
        for (row, height) in rows {
            items.extend(row.into_iter().map(|i| i.shifted(y)));
            y += height;
        }
        b.units.push(Unit {
            height: total,
            space_before: theme.space_before,
            items,
            ..Unit::default()
        });
        return;
    }
    // Too many signatories for one page: keep each row whole instead.
    b.units.push(Unit {
        height: head_height,
        space_before: theme.space_before,
        keep_with_next: true,
        items: head,
        ..Unit::default()
    });
    for (items, height) in rows {
        b.units.push(Unit {
            height,
            items,
            ..Unit::default()
        });
    }
}

/// One row of signatories (at least two columns wide) and its height.
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
    (items, tallest + theme.signing_space + theme.row_gap)
}
