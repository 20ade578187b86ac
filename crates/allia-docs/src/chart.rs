//! A chart of values over dates, as the document model holds it ([`crate::model::Block::Chart`]):
//! named series of dated points, each drawn with a line style and a marker so that it
//! reads printed in black and white (never told apart by colour alone). The PDF
//! typesetter draws it as vector paths (`pdf/chart/`); the DOCX writer prints its title,
//! its values as a table ([`Chart::rows`]) and a line sending to the PDF for the drawing.
//!
//! The axes' labels are written here, once, in French: numbers with a decimal comma and
//! U+202F between thousands (« 1 234,5 »), months abbreviated as French writes them
//! (« janv. 2026 »).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A chart: series of dated values on a dated x axis and a value y axis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Chart {
    /// Printed above the chart, in bold (the indicator's name).
    pub title: String,
    /// The values' unit, printed above the y axis (« bénéficiaires », « % »); empty for none.
    pub unit: String,
    /// In legend order; drawn in reverse, so the first series is on top.
    pub series: Vec<ChartSeries>,
    /// A vertical dotted line across the plot at a date (today), with its legend label;
    /// the date axis reaches it (when there are points).
    pub date_rule: Option<DateRule>,
    /// Paragraphs under the legend saying what the chart shows, kept on its page.
    #[serde(default)]
    pub notes: Vec<Vec<crate::model::Run>>,
}

impl Chart {
    /// Every text the chart prints (title, unit, legend), joined by spaces: for searching,
    /// not for layout.
    pub fn text(&self) -> String {
        std::iter::once(self.title.as_str())
            .chain(std::iter::once(self.unit.as_str()))
            .chain(self.series.iter().map(|s| s.label.as_str()))
            .chain(self.date_rule.iter().map(|r| r.label.as_str()))
            .chain(self.notes.iter().flatten().map(|r| r.text.as_str()))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The finite points of every series.
    pub fn points(&self) -> impl Iterator<Item = &ChartPoint> {
        self.series
            .iter()
            .flat_map(|s| s.points.iter())
            .filter(|p| p.value.is_finite())
    }
}

/// One series: its legend label, how it is drawn, its points (any order; drawn by date).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChartSeries {
    pub label: String,
    /// The line through the points (`None`: the markers alone).
    pub line: LineStyle,
    /// The mark on each point (`None`: the line alone).
    pub marker: MarkerShape,
    pub points: Vec<ChartPoint>,
}

/// A value at a date. A value that is not finite is left out of the chart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChartPoint {
    pub date: NaiveDate,
    pub value: f64,
}

/// How a series' line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum LineStyle {
    None,
    Solid,
    Dashed,
    Dotted,
}

/// The mark on each point of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum MarkerShape {
    None,
    /// A filled disc.
    Circle,
    /// An open square.
    Square,
    /// A filled triangle, point up.
    Triangle,
}

/// A vertical line at a date, e.g. « Aujourd’hui ».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DateRule {
    pub date: NaiveDate,
    pub label: String,
}

/// What the DOCX prints under a chart's table of values, in place of the drawing (Word's
/// charts are not written).
pub const DOCX_PLACEHOLDER: &str = "Le graphique figure dans la version PDF\u{202f}; ses valeurs sont reprises dans le tableau ci-dessus.";

/// What the DOCX prints under a chart's title when the chart has no value at all (no
/// table then).
pub const DOCX_NO_VALUES: &str =
    "Le graphique figure dans la version PDF\u{202f}; il ne porte encore aucune valeur.";

/// The chart's values at one date, for a table: one row per date.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartRow {
    pub date: NaiveDate,
    /// One entry per series, in legend order: the series' finite values at this date, in
    /// their order in the series (empty: no point of that series at that date).
    pub values: Vec<Vec<f64>>,
}

impl Chart {
    /// The chart's finite values by date, earliest first: the rows of the table that
    /// stands for the chart where it cannot be drawn (DOCX). Empty when the chart has no
    /// finite point.
    pub fn rows(&self) -> Vec<ChartRow> {
        let mut dates: Vec<NaiveDate> = self.points().map(|p| p.date).collect();
        dates.sort_unstable();
        dates.dedup();
        dates
            .into_iter()
            .map(|date| ChartRow {
                date,
                values: self
                    .series
                    .iter()
                    .map(|s| {
                        s.points
                            .iter()
                            .filter(|p| p.date == date && p.value.is_finite())
                            .map(|p| p.value)
                            .collect()
                    })
                    .collect(),
            })
            .collect()
    }
}

/// A chart's value in a table cell: the figure as [`format_number`] writes it with two
/// decimals, then the chart's unit as allia-core writes quantities (« 15 % »,
/// « 1 250 € », « 40 bénéficiaires »; the figure alone without a unit).
pub fn format_value(value: f64, unit: &str) -> String {
    allia_core::evaluation::units::format_quantity(value, unit)
}

/// U+202F, between thousands.
const NNBSP: char = '\u{202f}';

/// `value` the French way, with at most `decimals` decimals, trailing zeros dropped:
/// « 1 234,5 », « −0,25 » (the minus sign U+2212, French typography), « 12 », « 0 »
/// rather than « −0 ». With two decimals this is
/// `allia_core::evaluation::units::format_figure` (the figures of the indicators); an
/// axis whose step is finer asks for more.
pub fn format_number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let decimals = decimals.min(6) as u32;
    let scale = 10_u128.pow(decimals);
    // Rounded once, half away from zero, as allia-core rounds its figures.
    let units = (value.abs() * scale as f64).round();
    if units >= u128::MAX as f64 {
        return "—".to_string();
    }
    let units = units as u128;
    let whole = (units / scale).to_string();
    let fraction = format!("{:0width$}", units % scale, width = decimals as usize);
    let fraction = fraction.trim_end_matches('0');
    let mut out = String::with_capacity(whole.len() + fraction.len() + 8);
    if value < 0.0 && units > 0 {
        out.push('\u{2212}');
    }
    let digits = whole.len();
    for (i, digit) in whole.chars().enumerate() {
        // Grouped from four digits, as the amounts and figures are.
        if i > 0 && (digits - i).is_multiple_of(3) {
            out.push(NNBSP);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// The French abbreviations of the months, as the Imprimerie nationale writes them.
const MONTHS: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// « janv. 2026 »: the month abbreviated and the year, joined by a no-break space.
pub fn format_month(date: NaiveDate) -> String {
    let month = MONTHS
        .get(date.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{month}\u{a0}{}", date.year())
}

/// « 31/12/2026 »: a date in a table cell.
pub fn format_short_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_the_french_way() {
        assert_eq!(format_number(1234.5, 2), "1\u{202f}234,5");
        assert_eq!(format_number(12345.5, 2), "12\u{202f}345,5");
        assert_eq!(format_number(1_234_567.0, 0), "1\u{202f}234\u{202f}567");
        assert_eq!(format_number(-0.25, 2), "\u{2212}0,25");
        assert_eq!(format_number(-0.001, 2), "0");
        assert_eq!(format_number(12.0, 2), "12");
        assert_eq!(format_number(f64::NAN, 2), "—");
        assert_eq!(format_number(0.125, 3), "0,125");
        for value in [
            0.0,
            -0.004,
            69.333,
            1.5,
            12.25,
            -1234.5,
            1_000_000.0,
            0.333_333,
            99.999,
        ] {
            assert_eq!(
                format_number(value, 2),
                allia_core::evaluation::units::format_figure(value),
                "{value}"
            );
        }
    }

    #[test]
    fn months_are_abbreviated_in_french() {
        let day = |m| NaiveDate::from_ymd_opt(2026, m, 1).expect("date");
        assert_eq!(format_month(day(1)), "janv.\u{a0}2026");
        assert_eq!(format_month(day(8)), "août\u{a0}2026");
        assert_eq!(format_month(day(12)), "déc.\u{a0}2026");
        assert_eq!(format_short_date(day(3)), "01/03/2026");
    }
}
