//! Model blocks to Word paragraphs and tables.

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, HeightRule, IndentLevel, LevelOverride, LineSpacing,
    Numbering, NumberingId, Paragraph, Run, Section, Shading, Table, TableCell, TableLayoutType,
    TableRow, WidthType,
};

use super::{chart, signatures, styles, text, TEXT_WIDTH};
use crate::model::{self, Align, Block};

/// Minimum row height (in twips) that marks a table's header row. The packager turns it
/// into `<w:tblHeader/>`, which docx-rs cannot write; a 1-twip minimum is harmless if
/// the rewrite ever missed.
pub const HEADER_ROW_MARK: f32 = 1.0;

/// Point size of a [`Block::Key`] line, as in the PDF.
const KEY_SIZE: usize = 20;

/// Space (in twips, 12 pt) above a chart's title, between one chart's notes and the next.
const SPACE_BEFORE_CHART: u32 = 240;
/// Space (in twips, 6 pt) between a chart's table of values and the line under it.
const SPACE_AFTER_TABLE: u32 = 120;

/// State carried across blocks while the body is written.
pub struct Writer {
    docx: Docx,
    next_ordered_num_id: usize,
}

impl Writer {
    pub fn new(docx: Docx) -> Writer {
        Writer {
            docx,
            next_ordered_num_id: styles::FIRST_ORDERED_NUM_ID,
        }
    }

    pub fn finish(self) -> Docx {
        self.docx
    }

    fn paragraph(&mut self, p: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(p);
    }

    fn table(&mut self, t: Table) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(t);
    }

    /// Ends a section here: an empty paragraph holding a `w:sectPr` (next page) whose
    /// only reference is `footer`, the footer of the section that follows; the packager
    /// then swaps the two sections' references ([`super::package::split_sections`]).
    /// docx-rs keeps a single header or footer of a `Section` (each one it registers
    /// resets the others), hence this detour.
    pub fn section_break(&mut self, footer: Footer) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_section(Section::new().footer(footer));
    }

    /// Writes `block`; `keep_with_next` keeps its end on the page of what follows (its
    /// last paragraph whole, or its last row), as before the signature block.
    pub fn block(&mut self, block: &Block, keep_with_next: bool) {
        match block {
            Block::Title { title, subtitle } => {
                self.paragraph(styled(styles::TITLE, &text::sanitize(title)));
                if let Some(subtitle) = subtitle {
                    self.paragraph(styled(styles::SUBTITLE, &text::sanitize(subtitle)));
                }
            }
            Block::Section { text: heading } => {
                self.paragraph(styled(styles::SECTION, &text::sanitize(heading)));
            }
            Block::Article { heading, .. } => {
                self.paragraph(styled(styles::HEADING_1, &text::sanitize(heading)));
            }
            Block::SubArticle { heading, .. } => {
                self.paragraph(styled(styles::HEADING_2, &text::sanitize(heading)));
            }
            Block::Paragraph(p) => {
                let paragraph = body_paragraph(p);
                self.paragraph(if keep_with_next {
                    paragraph.keep_next(true).keep_lines(true)
                } else {
                    paragraph
                });
            }
            Block::List(list) => self.list(list, keep_with_next),
            Block::Table(table) => {
                if let Some(t) = data_table(table, keep_with_next) {
                    self.table(t);
                    // Keeps the next table, if any, from merging with this one.
                    self.paragraph(
                        Paragraph::new()
                            .style(styles::NORMAL)
                            .keep_next(keep_with_next),
                    );
                }
            }
            Block::Signatures(s) => {
                let (intro, table) = signatures::render(s);
                self.paragraph(intro);
                if let Some(table) = table {
                    self.table(table);
                }
            }
            Block::Key { lines } => {
                for line in lines {
                    let run = text::run(line, true, false).size(2 * KEY_SIZE);
                    self.paragraph(
                        Paragraph::new()
                            .style(styles::NORMAL)
                            .align(AlignmentType::Center)
                            .add_run(run),
                    );
                }
            }
            Block::Chart(chart) => self.chart(chart),
            Block::PageBreak => {
                self.paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
            }
        }
    }

    /// A chart (`docx/chart.rs`): its title in bold, its values as a table written as
    /// [`Block::Table`]'s (header repeated, rows kept whole), an italic line sending to
    /// the PDF for the drawing, then its notes. Without any value, the line alone. The
    /// title keeps with the table's first rows, and its last row, the line and the notes
    /// with one another, as the PDF keeps the notes on the chart's page.
    fn chart(&mut self, chart: &crate::chart::Chart) {
        let title = text::run(&text::single_line(&chart.title), true, false);
        self.paragraph(
            Paragraph::new()
                .style(styles::NORMAL)
                .line_spacing(LineSpacing::new().before(SPACE_BEFORE_CHART))
                .keep_next(true)
                .add_run(title),
        );
        let table = chart::values_table(chart).and_then(|t| data_table(&t, true));
        let line = if let Some(table) = table {
            self.table(table);
            crate::chart::DOCX_PLACEHOLDER
        } else {
            crate::chart::DOCX_NO_VALUES
        };
        self.paragraph(
            Paragraph::new()
                .style(styles::NORMAL)
                .line_spacing(LineSpacing::new().before(SPACE_AFTER_TABLE))
                .keep_next(!chart.notes.is_empty())
                .add_run(text::run(line, false, true)),
        );
        let last = chart.notes.len().saturating_sub(1);
        for (k, runs) in chart.notes.iter().enumerate() {
            let note = body_paragraph(&model::Paragraph {
                runs: runs.clone(),
                align: Align::Justify,
            });
            self.paragraph(if k < last { note.keep_next(true) } else { note });
        }
    }

    fn list(&mut self, list: &model::List, keep_with_next: bool) {
        let num_id = if list.ordered {
            let id = self.next_ordered_num_id;
            self.next_ordered_num_id += 1;
            let docx = std::mem::take(&mut self.docx);
            self.docx = docx.add_numbering(
                Numbering::new(id, styles::ORDERED_ABSTRACT_ID)
                    .add_override(LevelOverride::new(0).start(1)),
            );
            id
        } else {
            styles::BULLET_NUM_ID
        };
        let last = list.items.len().saturating_sub(1);
        for (k, item) in list.items.iter().enumerate() {
            let mut p = Paragraph::new()
                .style(styles::LIST)
                .numbering(NumberingId::new(num_id), IndentLevel::new(0));
            if keep_with_next && k == last {
                p = p.keep_next(true).keep_lines(true);
            }
            for run in text::runs(item) {
                p = p.add_run(run);
            }
            self.paragraph(p);
        }
    }
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Justify => AlignmentType::Both,
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
    }
}

/// A paragraph of one plain run in a given style.
pub fn styled(style: &str, content: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(text::run(content, false, false))
}

/// A body paragraph; a connective one (« Et » between two parties) keeps with the next.
fn body_paragraph(p: &model::Paragraph) -> Paragraph {
    let mut out = Paragraph::new()
        .style(styles::NORMAL)
        .align(alignment(p.align));
    if p.is_connective() {
        out = out.keep_next(true).keep_lines(true);
    }
    for run in text::runs(&p.runs) {
        out = out.add_run(run);
    }
    out
}

/// Column widths in twips from the model's relative widths; equal columns when the
/// widths are missing, mismatched or not positive finite numbers.
pub fn column_widths(relative: &[f32], columns: usize) -> Vec<usize> {
    if columns == 0 {
        return Vec::new();
    }
    let usable = relative.len() == columns && relative.iter().all(|w| w.is_finite() && *w > 0.0);
    let total: f64 = relative.iter().map(|w| f64::from(*w)).sum();
    let width = TEXT_WIDTH as f64;
    (0..columns)
        .map(|i| {
            let share = if usable && total.is_finite() && total > 0.0 {
                f64::from(relative[i]) / total
            } else {
                1.0 / columns as f64
            };
            // Bounded by TEXT_WIDTH, so the cast cannot truncate.
            (width * share).round().max(1.0) as usize
        })
        .collect()
}

/// A cell of one paragraph; `keep_next` for a header row (kept with the first body row)
/// or a row kept with what follows the table.
fn cell(runs: Vec<Run>, width: usize, header: bool, keep_next: bool) -> TableCell {
    let mut p = Paragraph::new().style(styles::TABLE_TEXT);
    for run in runs {
        p = p.add_run(if header { run.bold() } else { run });
    }
    if header || keep_next {
        p = p.keep_next(true);
    }
    let cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(p);
    if header {
        cell.shading(Shading::new().fill("E7E6E6"))
    } else {
        cell
    }
}

/// A bordered table with a bold header row repeated on each page; `None` when the
/// model's table has no column at all. `keep_with_next` keeps its last row with what
/// follows the table.
fn data_table(table: &model::Table, keep_with_next: bool) -> Option<Table> {
    let columns = table
        .rows
        .iter()
        .map(Vec::len)
        .chain(std::iter::once(table.header.len()))
        .max()
        .unwrap_or(0);
    if columns == 0 {
        return None;
    }
    let widths = column_widths(&table.widths, columns);
    let mut rows = Vec::with_capacity(table.rows.len() + 1);
    if !table.header.is_empty() {
        let cells = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let label = table.header.get(i).map(String::as_str).unwrap_or("");
                cell(vec![text::run(label, true, false)], *w, true, false)
            })
            .collect();
        rows.push(
            TableRow::new(cells)
                .cant_split()
                .row_height(HEADER_ROW_MARK)
                .height_rule(HeightRule::AtLeast),
        );
    }
    let last = table.rows.len().saturating_sub(1);
    for (k, row) in table.rows.iter().enumerate() {
        let cells = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                cell(
                    row.get(i).map(|r| text::runs(r)).unwrap_or_default(),
                    *w,
                    false,
                    keep_with_next && k == last,
                )
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    Some(
        Table::new(rows)
            .set_grid(widths)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed),
    )
}
