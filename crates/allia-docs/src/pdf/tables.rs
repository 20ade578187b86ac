//! Tables: wrapped cells, a bold header repeated on each page the table spans, rows
//! taller than half a page split line by line.

use crate::model::{Align, Table};

use super::blocks::{runs_of, text_lines, Builder};
use super::fonts::Face;
use super::layout::{Item, Unit};
use super::theme::{Stroke, TableBlock};

pub fn table(b: &mut Builder<'_>, table: &Table) {
    let theme = b.theme.table;
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
    let edges = column_edges(b, &table.widths, cols);
    let has_header = table.header.iter().any(|h| !h.trim().is_empty());
    let header_index = b.headers.len();
    if has_header {
        let cells: Vec<Vec<(Face, &str)>> = table
            .header
            .iter()
            .map(|h| vec![(Face::Bold, h.as_str())])
            .collect();
        let mut header = row_unit(b, &cells, &edges);
        header.items.push(rule(b, 0.0, theme.edge));
        let bottom = header.height;
        header.items.push(rule(b, bottom, theme.header_rule));
        header.keep_with_next = true;
        header.space_before = theme.space_before;
        b.headers.push(Unit {
            space_before: 0.0,
            ..header.clone()
        });
        b.units.push(header);
    }
    let last = table.rows.len().saturating_sub(1);
    for (r, row) in table.rows.iter().enumerate() {
        let cells: Vec<Vec<(Face, &str)>> = row.iter().map(|cell| runs_of(cell)).collect();
        let mut unit = row_unit(b, &cells, &edges);
        let stroke = if r == last {
            theme.edge
        } else {
            theme.row_rule
        };
        unit.items.push(rule(b, unit.height, stroke));
        if r == 0 && !has_header {
            unit.items.push(rule(b, 0.0, theme.edge));
            unit.space_before = theme.space_before;
        }
        unit.repeat_header = has_header.then_some(header_index);
        if unit.height > b.theme.page.body_height * theme.tall_row {
            split_tall_row(b, theme, unit);
        } else {
            b.units.push(unit);
        }
    }
}

/// Column boundaries from relative widths; equal columns when widths are unusable.
fn column_edges(b: &Builder<'_>, widths: &[f32], cols: usize) -> Vec<f32> {
    let page = &b.theme.page;
    let usable = widths.len() == cols && widths.iter().all(|w| w.is_finite() && *w > 0.0);
    let weights: Vec<f32> = if usable {
        widths.to_vec()
    } else {
        vec![1.0; cols]
    };
    let total: f32 = weights.iter().sum();
    let mut edges = vec![page.left];
    let mut x = page.left;
    for w in weights {
        x += page.body_width * w / total;
        edges.push(x);
    }
    edges
}

fn row_unit(b: &Builder<'_>, cells: &[Vec<(Face, &str)>], edges: &[f32]) -> Unit {
    let theme = b.theme.table;
    let mut items = Vec::new();
    let mut lines = 1usize;
    for (c, runs) in cells.iter().enumerate() {
        let (Some(&left), Some(&right)) = (edges.get(c), edges.get(c + 1)) else {
            continue;
        };
        let width = right - left - 2.0 * theme.pad_x;
        let cell = text_lines(
            b.fonts,
            runs,
            left + theme.pad_x,
            width,
            theme.cell,
            Align::Left,
        );
        lines = lines.max(cell.len());
        items.extend(cell.into_iter().map(|i| i.shifted(theme.pad_y)));
    }
    Unit {
        height: lines as f32 * theme.cell.leading + 2.0 * theme.pad_y,
        items,
        ..Unit::default()
    }
}

/// A row taller than half a page: one unit per line of text, so it can continue.
fn split_tall_row(b: &mut Builder<'_>, theme: TableBlock, unit: Unit) {
    let (leading, pad_y) = (theme.cell.leading, theme.pad_y);
    let n = ((unit.height - 2.0 * pad_y) / leading).round().max(1.0) as usize;
    let mut parts: Vec<Unit> = (0..n)
        .map(|k| Unit {
            height: leading + if k == 0 || k + 1 == n { pad_y } else { 0.0 },
            repeat_header: unit.repeat_header,
            space_before: if k == 0 { unit.space_before } else { 0.0 },
            ..Unit::default()
        })
        .collect();
    for item in unit.items {
        let y = match &item {
            Item::Text { baseline, .. } => *baseline,
            Item::Rule { y, .. } => *y - 0.1,
            Item::Path(path) => path.points.first().map_or(0.0, |p| p.y),
        };
        let k = (((y - pad_y) / leading).floor().max(0.0) as usize).min(n - 1);
        let top = if k == 0 {
            0.0
        } else {
            pad_y + k as f32 * leading
        };
        parts[k].items.push(item.shifted(-top));
    }
    b.units.extend(parts);
}

/// A rule across the body at `y`.
fn rule(b: &Builder<'_>, y: f32, stroke: Stroke) -> Item {
    Item::rule(b.theme.page.left, b.theme.right(), y, stroke)
}
