//! A chart in the DOCX: Word's own charts (DrawingML) are not written, so the chart's
//! values go into a table the partners can read and copy, one row per date and one
//! column per series, under the chart's title; a line then says the drawing is in the
//! PDF.

use crate::chart::{format_short_date, format_value, Chart};
use crate::model::{Run, Table};

/// Header of the dates' column.
pub const DATE_HEADER: &str = "Date";

/// Relative width of the dates' column (« 31/12/2026 ») against a series' column.
const DATE_WIDTH: f32 = 1.0;
/// Relative width of a series' column: room for a figure and its unit.
const SERIES_WIDTH: f32 = 1.6;

/// The chart's values as a table of the document model: « Date » then the series' labels
/// as headers, one row per date (« JJ/MM/AAAA », earliest first), each value written the
/// French way with the chart's unit, an empty cell where a series has no point at that
/// date (several points of a series at one date, one per line). `None` when the chart
/// has no finite point.
pub fn values_table(chart: &Chart) -> Option<Table> {
    let rows = chart.rows();
    if rows.is_empty() {
        return None;
    }
    let header = std::iter::once(DATE_HEADER.to_owned())
        .chain(chart.series.iter().map(|s| s.label.clone()))
        .collect();
    let widths = std::iter::once(DATE_WIDTH)
        .chain(chart.series.iter().map(|_| SERIES_WIDTH))
        .collect();
    let rows = rows
        .into_iter()
        .map(|row| {
            std::iter::once(vec![Run::plain(format_short_date(row.date))])
                .chain(row.values.iter().map(|values| {
                    if values.is_empty() {
                        Vec::new()
                    } else {
                        let cell: Vec<String> = values
                            .iter()
                            .map(|v| format_value(*v, &chart.unit))
                            .collect();
                        vec![Run::plain(cell.join("\n"))]
                    }
                }))
                .collect()
        })
        .collect();
    Some(Table {
        header,
        rows,
        widths,
    })
}
