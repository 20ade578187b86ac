//! A [`Chart`] laid out as one unit (never split across pages) as wide as the text: its
//! title, the unit above the y axis, the plot with its value grid, axes and month ticks,
//! each series as a vector path (solid, dashed or dotted) with its marks (circle, square
//! or triangle), the date rule dotted, and the legend under it. Black and greys only:
//! the series differ by their line and their mark, so the chart reads printed in black
//! and white.

mod marks;
mod scale;

use chrono::Datelike;

use crate::chart::{format_month, format_number, Chart, LineStyle, MarkerShape};
use crate::model::Align;

use super::blocks::{runs_of, text_lines, Builder};
use super::fonts::{Face, Fonts};
use super::layout::{Item, Path, PathPoint, PathStroke, Unit};
use super::linebreak::{break_lines, Line};
use super::theme::{ChartBlock, Stroke, Style};
use marks::{mark, thin_line, thin_marks};
use scale::{DateAxis, ValueAxis};

/// Intervals aimed at on the value axis.
const VALUE_TICKS: usize = 5;

/// Pushes the chart's unit.
pub fn chart(b: &mut Builder<'_>, chart: &Chart) {
    let theme = b.theme.chart;
    let page = b.theme.page;
    let fonts = b.fonts;
    let mut items = Vec::new();

    let mut y = 0.0;
    if !chart.title.trim().is_empty() {
        let lines = text_lines(
            fonts,
            &[(Face::Bold, chart.title.as_str())],
            page.left,
            page.body_width,
            theme.title,
            Align::Left,
        );
        y += lines.len() as f32 * theme.title.leading;
        items.extend(lines);
    }

    let values = ValueAxis::new(chart.points().map(|p| p.value), VALUE_TICKS);
    // The date rule (the report's day) within the axis, when there is something to
    // draw: the time since the last measurement shows.
    let rule_date = chart
        .date_rule
        .as_ref()
        .filter(|_| chart.points().next().is_some())
        .map(|r| r.date);
    let dates = DateAxis::new(chart.points().map(|p| p.date).chain(rule_date));
    let value_ticks = values.ticks();
    let value_labels: Vec<(Line, f32)> = value_ticks
        .iter()
        .map(|v| {
            label(
                fonts,
                Face::Regular,
                &format_number(*v, values.decimals),
                theme.label,
            )
        })
        .collect();
    let label_width = value_labels.iter().map(|(_, w)| *w).fold(0.0, f32::max);
    let plot_left = page.left + label_width + theme.tick + 2.0;
    let plot_right = page.left + page.body_width;

    if !chart.unit.trim().is_empty() {
        let (line, _) = label(fonts, Face::Italic, chart.unit.trim(), theme.label);
        items.push(text_at(
            line,
            page.left,
            y + theme.label.baseline_in_line(),
            theme.label,
        ));
        y += theme.label.leading;
    }
    y += theme.gap;

    let plot = Plot {
        left: plot_left,
        right: plot_right,
        top: y,
        bottom: y + page.body_width * theme.plot_height,
        // Marks at the range's ends stay clear of the axes.
        inset: theme.mark * 2.0 + 2.0,
        values,
        dates,
    };

    // The value grid, ticks and labels.
    for (value, (line, width)) in value_ticks.iter().zip(value_labels) {
        let gy = plot.y(*value);
        if (gy - plot.bottom).abs() > 0.5 {
            items.push(Item::rule(plot.left, plot.right, gy, theme.grid));
        }
        items.push(segment(
            plot.left - theme.tick,
            gy,
            plot.left,
            gy,
            theme.axis,
        ));
        let baseline = gy + theme.label.size * 0.32;
        items.push(text_at(
            line,
            plot.left - theme.tick - 2.0 - width,
            baseline,
            theme.label,
        ));
    }
    // The axes.
    items.push(segment(
        plot.left,
        plot.top,
        plot.left,
        plot.bottom,
        theme.axis,
    ));
    items.push(segment(
        plot.left,
        plot.bottom,
        plot.right,
        plot.bottom,
        theme.axis,
    ));

    // The month ticks, as many as their labels allow.
    let widest = (1..=12)
        .filter_map(|m| chrono::NaiveDate::from_ymd_opt(plot.dates.last.year(), m, 1))
        .map(|d| label(fonts, Face::Regular, &format_month(d), theme.label).1)
        .fold(0.0, f32::max);
    let room = ((plot.right - plot.left) / (widest + 10.0))
        .floor()
        .max(1.0) as usize;
    let label_baseline = plot.bottom + theme.tick + 2.0 + theme.label.baseline_in_line();
    for date in plot.dates.ticks(room) {
        let x = plot.x(date);
        items.push(segment(
            x,
            plot.bottom,
            x,
            plot.bottom + theme.tick,
            theme.axis,
        ));
        let (line, width) = label(fonts, Face::Regular, &format_month(date), theme.label);
        let left = (x - width / 2.0).clamp(page.left, (plot.right - width).max(page.left));
        items.push(text_at(line, left, label_baseline, theme.label));
    }
    y = plot.bottom + theme.tick + 2.0 + theme.label.leading + theme.gap;

    // The date rule under the series, the series in reverse order: the first on top.
    let rule = chart
        .date_rule
        .as_ref()
        .filter(|r| r.date >= plot.dates.first && r.date <= plot.dates.last);
    if let Some(rule) = rule {
        let x = plot.x(rule.date);
        items.push(Item::Path(Path {
            points: vec![point(x, plot.top), point(x, plot.bottom)],
            closed: false,
            stroke: Some(line_stroke(&theme, LineStyle::Dotted)),
            fill: None,
        }));
    }
    let drawn: Vec<(&crate::chart::ChartSeries, Vec<(f32, f32)>)> = chart
        .series
        .iter()
        .map(|series| {
            let mut points: Vec<_> = series
                .points
                .iter()
                .filter(|p| p.value.is_finite())
                .collect();
            points.sort_by_key(|p| p.date);
            let placed = points
                .iter()
                .map(|p| (plot.x(p.date), plot.y(p.value)))
                .collect();
            (series, placed)
        })
        .collect();
    for (series, placed) in drawn.iter().rev() {
        if series.line != LineStyle::None && placed.len() > 1 {
            items.push(Item::Path(Path {
                points: thin_line(placed)
                    .into_iter()
                    .map(|(x, y)| point(x, y))
                    .collect(),
                closed: false,
                stroke: Some(line_stroke(&theme, series.line)),
                fill: None,
            }));
        }
    }
    for (series, placed) in drawn.iter().rev() {
        for (x, y) in thin_marks(placed) {
            items.extend(mark(series.marker, x, y, &theme));
        }
    }

    // The legend: each entry's sample (its line and mark), then its label.
    let mut entries: Vec<(LineStyle, MarkerShape, &str)> = drawn
        .iter()
        .filter(|(series, placed)| !placed.is_empty() && !series.label.trim().is_empty())
        .map(|(series, _)| (series.line, series.marker, series.label.as_str()))
        .collect();
    if let Some(rule) = rule {
        entries.push((LineStyle::Dotted, MarkerShape::None, rule.label.as_str()));
    }
    let mut x = page.left;
    let mut rows = 0;
    for (line_style, shape, text) in entries {
        let (line, width) = label(fonts, Face::Regular, text, theme.legend);
        let entry = theme.sample + 5.0 + width;
        if x > page.left && x + entry > plot.right {
            x = page.left;
            y += theme.legend.leading;
        }
        rows = rows.max(1);
        let middle = y + theme.legend.leading / 2.0;
        if line_style != LineStyle::None {
            items.push(Item::Path(Path {
                points: vec![point(x, middle), point(x + theme.sample, middle)],
                closed: false,
                stroke: Some(line_stroke(&theme, line_style)),
                fill: None,
            }));
        }
        items.extend(mark(shape, x + theme.sample / 2.0, middle, &theme));
        items.push(text_at(
            line,
            x + theme.sample + 5.0,
            y + theme.legend.baseline_in_line(),
            theme.legend,
        ));
        x += entry + 14.0;
    }
    if rows > 0 {
        y += theme.legend.leading;
    }

    // The notes, as body paragraphs.
    let body = b.theme.body;
    for note in &chart.notes {
        let lines = text_lines(
            fonts,
            &runs_of(note),
            page.left,
            page.body_width,
            body,
            Align::Justify,
        );
        if lines.is_empty() {
            continue;
        }
        y += b.theme.paragraph_space;
        let count = lines.len();
        items.extend(lines.into_iter().map(|item| item.shifted(y)));
        y += count as f32 * body.leading;
    }

    b.units.push(Unit {
        height: y,
        space_before: theme.space_before,
        items,
        ..Unit::default()
    });
}

/// Where the plot is and how values and dates map into it.
struct Plot {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    inset: f32,
    values: ValueAxis,
    dates: DateAxis,
}

impl Plot {
    fn x(&self, date: chrono::NaiveDate) -> f32 {
        let width = (self.right - self.left - 2.0 * self.inset).max(1.0);
        self.left + self.inset + self.dates.share(date) * width
    }

    fn y(&self, value: f64) -> f32 {
        self.bottom - self.values.share(value) * (self.bottom - self.top)
    }
}

/// `text` on one line at `style`, with its width in points.
fn label(fonts: &Fonts, face: Face, text: &str, style: Style) -> (Line, f32) {
    let line = break_lines(fonts, &[(face, text)], u32::MAX / 4, false)
        .pop()
        .unwrap_or(Line {
            chunks: Vec::new(),
            width: 0,
            spaces: 0,
            last: true,
            ragged: false,
        });
    let width = line.width as f32 * style.size / 1000.0;
    (line, width)
}

fn text_at(line: Line, x: f32, baseline: f32, style: Style) -> Item {
    Item::Text {
        x,
        baseline,
        size: style.size,
        line,
        justify: None,
        grey: false,
    }
}

fn point(x: f32, y: f32) -> PathPoint {
    PathPoint {
        x,
        y,
        control: false,
    }
}

/// A straight stroke from (x1, y1) to (x2, y2).
fn segment(x1: f32, y1: f32, x2: f32, y2: f32, stroke: Stroke) -> Item {
    Item::Path(Path {
        points: vec![point(x1, y1), point(x2, y2)],
        closed: false,
        stroke: Some(PathStroke {
            thickness: stroke.thickness,
            grey: stroke.grey,
            dash: Vec::new(),
        }),
        fill: None,
    })
}

/// A series' line: black, solid, dashed or dotted (round dots, a little thicker).
fn line_stroke(theme: &ChartBlock, style: LineStyle) -> PathStroke {
    let (thickness, dash) = match style {
        LineStyle::Dashed => (theme.line, theme.dash.to_vec()),
        LineStyle::Dotted => (theme.line * 1.3, vec![0.0, theme.dot_gap]),
        LineStyle::Solid | LineStyle::None => (theme.line, Vec::new()),
    };
    PathStroke {
        thickness,
        grey: 0.0,
        dash,
    }
}
