//! The signature block: the model's « Fait à … » sentence and a borderless table of its
//! rows of signatories, kept together on one page when it fits there, else flowing on the
//! next page between its rows, « Fait à » staying with the text and the first row (the
//! PDF side is `pdf/signatures.rs`).

use docx_rs::{Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType};

use super::{blocks::column_widths, styles, text, TEXT_WIDTH};
use crate::model::{Signatory, Signatures};

/// Blank lines left for the handwritten signature.
const SIGNATURE_LINES: usize = 4;
/// Columns of the narrowest table: a lone signatory takes half the width, as in the PDF.
const MIN_COLUMNS: usize = 2;

/// A cell paragraph that stays on the page of the next one.
fn line(content: &str, bold: bool, italic: bool) -> Paragraph {
    Paragraph::new()
        .style(styles::SIGNATURE)
        .keep_next(true)
        .keep_lines(true)
        .add_run(text::run(content, bold, italic))
}

fn signatory_cell(signatory: Option<&Signatory>, approval: &str, width: usize) -> TableCell {
    let mut cell = TableCell::new().width(width, WidthType::Dxa);
    let Some(s) = signatory else {
        return cell.add_paragraph(line("", false, false));
    };
    cell = cell.add_paragraph(line(&s.organisation, true, false));
    for detail in [&s.name, &s.role] {
        if !text::single_line(detail).trim().is_empty() {
            cell = cell.add_paragraph(line(detail, false, false));
        }
    }
    cell = cell.add_paragraph(line(approval, false, true));
    for _ in 0..SIGNATURE_LINES {
        cell = cell.add_paragraph(line("", false, false));
    }
    cell
}

/// The sentence paragraph and, when there are signatories, their table. Word and
/// LibreOffice keep the last paragraph (see `docx/mod.rs`), « Fait à » and the rows on one
/// page when they fit there: every cell paragraph keeps with the next (LibreOffice reads
/// that as the table kept with what follows it, and keeps « Fait à » with the first row
/// only then); rows never break inside; a block too tall for one page flows between its
/// rows, its first row with « Fait à » (checked in `tests/layout_docx.rs`).
pub fn render(s: &Signatures) -> (Paragraph, Option<Table>) {
    let columns = s.rows.iter().map(Vec::len).max().unwrap_or(0);
    let has_table = columns > 0;
    let intro = Paragraph::new()
        .style(styles::NORMAL)
        .keep_next(has_table)
        .keep_lines(true)
        .line_spacing(docx_rs::LineSpacing::new().before(240).after(240))
        .add_run(text::run(&text::single_line(&s.sentence), false, false));
    if !has_table {
        return (intro, None);
    }
    let widths = column_widths(&[], columns.max(MIN_COLUMNS));
    let rows = s
        .rows
        .iter()
        .filter(|row| !row.is_empty())
        .map(|row| {
            let cells = widths
                .iter()
                .enumerate()
                .map(|(i, w)| signatory_cell(row.get(i), &s.approval, *w))
                .collect();
            TableRow::new(cells).cant_split()
        })
        .collect();
    let table = Table::without_borders(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed);
    (intro, Some(table))
}
