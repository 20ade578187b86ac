//! The signature block: the model's « Fait à … » sentence, then its rows of signatories
//! in columns, each with the approval formula and room to sign by hand. Kept on one page
//! whenever it fits (the DOCX side is `docx/signatures.rs`).

use crate::model::{Align, Signatory, Signatures};

use super::blocks::{text_lines, Builder};
use super::fonts::Face;
use super::layout::{Item, Unit};

pub fn block(b: &mut Builder<'_>, s: &Signatures) {
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
