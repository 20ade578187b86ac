//! Tables (wrapped cells, bold header repeated on each page) and the signature block
//! (never split across pages).

use crate::model::{Align, Signatory, Signatures, Table};

use super::blocks::{
    fits_on_a_page, runs_of, shift, text_lines, Builder, Style, BODY, SIGNING_SPACE,
};
use super::fonts::Face;
use super::layout::{Item, Unit, BODY_HEIGHT, BODY_WIDTH, MARGIN_LEFT};

const CELL: Style = Style {
    size: 10.0,
    leading: 13.0,
};
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.5;

pub fn table(b: &mut Builder<'_>, table: &Table) {
    let cols = table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.header.len()])
        .max()
        .unwrap_or(0);
    if cols == 0 {
        return;
    }
    let edges = column_edges(&table.widths, cols);
    let has_header = table.header.iter().any(|h| !h.trim().is_empty());
    let header_index = b.headers.len();
    if has_header {
        let cells: Vec<Vec<(Face, &str)>> = table
            .header
            .iter()
            .map(|h| vec![(Face::Bold, h.as_str())])
            .collect();
        let mut header = row_unit(b, &cells, &edges, Align::Left);
        header.items.push(rule(0.0, 0.8, 0.0));
        let bottom = header.height;
        header.items.push(rule(bottom, 0.5, 0.35));
        header.keep_with_next = true;
        header.space_before = 8.0;
        b.headers.push(Unit {
            space_before: 0.0,
            ..header.clone()
        });
        b.units.push(header);
    }
    let last = table.rows.len().saturating_sub(1);
    for (r, row) in table.rows.iter().enumerate() {
        let cells: Vec<Vec<(Face, &str)>> = row.iter().map(|cell| runs_of(cell)).collect();
        let mut unit = row_unit(b, &cells, &edges, Align::Left);
        let (thickness, grey) = if r == last { (0.8, 0.0) } else { (0.3, 0.7) };
        unit.items.push(rule(unit.height, thickness, grey));
        if r == 0 && !has_header {
            unit.items.push(rule(0.0, 0.8, 0.0));
            unit.space_before = 8.0;
        }
        unit.repeat_header = has_header.then_some(header_index);
        if unit.height > BODY_HEIGHT / 2.0 {
            split_tall_row(b, unit);
        } else {
            b.units.push(unit);
        }
    }
}

/// Column boundaries from relative widths; equal columns when widths are unusable.
fn column_edges(widths: &[f32], cols: usize) -> Vec<f32> {
    let usable = widths.len() == cols && widths.iter().all(|w| w.is_finite() && *w > 0.0);
    let weights: Vec<f32> = if usable {
        widths.to_vec()
    } else {
        vec![1.0; cols]
    };
    let total: f32 = weights.iter().sum();
    let mut edges = vec![MARGIN_LEFT];
    let mut x = MARGIN_LEFT;
    for w in weights {
        x += BODY_WIDTH * w / total;
        edges.push(x);
    }
    edges
}

fn row_unit(b: &Builder<'_>, cells: &[Vec<(Face, &str)>], edges: &[f32], align: Align) -> Unit {
    let mut items = Vec::new();
    let mut lines = 1usize;
    for (c, runs) in cells.iter().enumerate() {
        let (Some(&left), Some(&right)) = (edges.get(c), edges.get(c + 1)) else {
            continue;
        };
        let width = right - left - 2.0 * PAD_X;
        let cell = text_lines(b.fonts, runs, left + PAD_X, width, CELL, align);
        lines = lines.max(cell.len());
        items.extend(cell.into_iter().map(|i| shift(i, PAD_Y)));
    }
    Unit {
        height: lines as f32 * CELL.leading + 2.0 * PAD_Y,
        items,
        ..Unit::default()
    }
}

/// A row taller than half a page: one unit per line of text, so it can continue.
fn split_tall_row(b: &mut Builder<'_>, unit: Unit) {
    let n = ((unit.height - 2.0 * PAD_Y) / CELL.leading)
        .round()
        .max(1.0) as usize;
    let mut parts: Vec<Unit> = (0..n)
        .map(|k| Unit {
            height: CELL.leading + if k == 0 || k + 1 == n { PAD_Y } else { 0.0 },
            repeat_header: unit.repeat_header,
            space_before: if k == 0 { unit.space_before } else { 0.0 },
            ..Unit::default()
        })
        .collect();
    for item in unit.items {
        let y = match &item {
            Item::Text { baseline, .. } => *baseline,
            Item::Rule { y, .. } => *y - 0.1,
        };
        let k = (((y - PAD_Y) / CELL.leading).floor().max(0.0) as usize).min(n - 1);
        let top = if k == 0 {
            0.0
        } else {
            PAD_Y + k as f32 * CELL.leading
        };
        parts[k].items.push(shift(item, -top));
    }
    b.units.extend(parts);
}

fn rule(y: f32, thickness: f32, grey: f32) -> Item {
    Item::Rule {
        x1: MARGIN_LEFT,
        x2: MARGIN_LEFT + BODY_WIDTH,
        y,
        thickness,
        grey,
    }
}

/// « Fait à …, le …, en N exemplaires originaux. » then the signatories in columns.
pub fn signatures(b: &mut Builder<'_>, s: &Signatures) {
    let blank = "……………………";
    let place = if s.place.trim().is_empty() {
        blank
    } else {
        s.place.as_str()
    };
    let date = if s.date.trim().is_empty() {
        blank
    } else {
        s.date.as_str()
    };
    let copies = match s.copies {
        1 => "en un exemplaire original".to_string(),
        n => format!("en {n} exemplaires originaux"),
    };
    let sentence = format!("Fait à {place}, le {date}, {copies}.");
    let head = text_lines(
        b.fonts,
        &[(Face::Regular, &sentence)],
        MARGIN_LEFT,
        BODY_WIDTH,
        BODY,
        Align::Left,
    );
    let head_height = head.len() as f32 * BODY.leading + 10.0;
    let rows: Vec<(Vec<Item>, f32)> = signatory_rows(&s.signatories)
        .into_iter()
        .map(|row| signature_row(b, row))
        .collect();
    let total = head_height + rows.iter().map(|(_, h)| h).sum::<f32>();
    let space_before = 18.0;
    if fits_on_a_page(total) {
        let mut items = head;
        let mut y = head_height;
        for (row, height) in rows {
            items.extend(row.into_iter().map(|i| shift(i, y)));
            y += height;
        }
        b.units.push(Unit {
            height: total,
            space_before,
            items,
            ..Unit::default()
        });
        return;
    }
    // Too many signatories for one page: keep each row whole instead.
    b.units.push(Unit {
        height: head_height,
        space_before,
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

/// Two or three columns per row: four signatories make two rows of two.
fn signatory_rows(all: &[Signatory]) -> Vec<&[Signatory]> {
    let per_row = if all.len() == 4 { 2 } else { 3 };
    all.chunks(per_row).collect()
}

fn signature_row(b: &Builder<'_>, row: &[Signatory]) -> (Vec<Item>, f32) {
    let columns = row.len().max(2);
    let column_width = BODY_WIDTH / columns as f32;
    let mut items = Vec::new();
    let mut tallest = 0.0f32;
    for (c, who) in row.iter().enumerate() {
        let x = MARGIN_LEFT + c as f32 * column_width;
        let width = column_width - 14.0;
        let mut y = 0.0;
        let parts: [(Face, &str); 4] = [
            (Face::Bold, &who.organisation),
            (Face::Regular, &who.name),
            (Face::Italic, &who.role),
            (Face::Italic, "Lu et approuvé"),
        ];
        for (face, text) in parts {
            let lines = text_lines(b.fonts, &[(face, text)], x, width, BODY, Align::Left);
            let height = lines.len() as f32 * BODY.leading;
            items.extend(lines.into_iter().map(|i| shift(i, y)));
            y += height;
        }
        tallest = tallest.max(y);
    }
    (items, tallest + SIGNING_SPACE + 8.0)
}
