//! The signature block: « Fait à …, le …, en N exemplaires originaux. » and a
//! borderless table of signatories, three per row, kept together on one page.

use docx_rs::{Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType};

use super::{blocks::column_widths, styles, text, TEXT_WIDTH};
use crate::model::{Signatory, Signatures};

/// Signatories side by side on one row.
pub const PER_ROW: usize = 3;
/// Blank lines left for the handwritten signature.
const SIGNATURE_LINES: usize = 4;
/// Drawn when the model leaves the place or the date to fill by hand.
const BLANK: &str = "____________________";

/// The sentence before the signatures.
pub fn sentence(s: &Signatures) -> String {
    let place = text::single_line(&s.place);
    let place = if place.trim().is_empty() {
        BLANK.to_owned()
    } else {
        place.trim().to_owned()
    };
    let date = text::single_line(&s.date);
    let date = if date.trim().is_empty() {
        BLANK.to_owned()
    } else {
        date.trim().to_owned()
    };
    let copies = match s.copies {
        1 => "en 1 exemplaire original".to_owned(),
        n => format!("en {n} exemplaires originaux"),
    };
    format!("Fait à {place}, le {date}, {copies}.")
}

/// A cell paragraph that stays on the page of the next one.
fn line(content: &str, bold: bool, italic: bool) -> Paragraph {
    Paragraph::new()
        .style(styles::SIGNATURE)
        .keep_next(true)
        .keep_lines(true)
        .add_run(text::run(content, bold, italic))
}

fn signatory_cell(signatory: Option<&Signatory>, width: usize) -> TableCell {
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
    cell = cell.add_paragraph(line("« Lu et approuvé »", false, true));
    for _ in 0..SIGNATURE_LINES {
        cell = cell.add_paragraph(line("", false, false));
    }
    cell
}

/// The sentence paragraph and, when there are signatories, their table.
pub fn render(s: &Signatures) -> (Paragraph, Option<Table>) {
    let has_table = !s.signatories.is_empty();
    let intro = Paragraph::new()
        .style(styles::NORMAL)
        .keep_next(has_table)
        .keep_lines(true)
        .line_spacing(docx_rs::LineSpacing::new().before(240).after(240))
        .add_run(text::run(&sentence(s), false, false));
    if !has_table {
        return (intro, None);
    }
    let columns = s.signatories.len().min(PER_ROW);
    let widths = column_widths(&[], columns);
    let rows = s
        .signatories
        .chunks(PER_ROW)
        .map(|chunk| {
            let cells = widths
                .iter()
                .enumerate()
                .map(|(i, w)| signatory_cell(chunk.get(i), *w))
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
