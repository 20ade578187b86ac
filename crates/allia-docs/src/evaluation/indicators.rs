//! The indicators' table and the key indicators' charts.

use allia_core::evaluation::units::format_figure;
use allia_core::evaluation::{combined_series, status_rule_text, IndicatorView, MeasurementDraft};

use super::{note, objective, user_text, wording, EvaluationReportInput};
use crate::chart::{
    format_short_date, Chart, ChartPoint, ChartSeries, DateRule, LineStyle, MarkerShape,
};
use crate::model::{Align, Block, Paragraph, Run, Table};
use crate::templates::typography::{format_date, tie_numbers};

/// « Indicateurs »: one row per indicator, in their order, then how the status is set.
pub(super) fn table(blocks: &mut Vec<Block>, input: &EvaluationReportInput) {
    blocks.push(Block::Section {
        text: wording::INDICATORS.into(),
    });
    let views = &input.evaluation.indicators;
    if views.is_empty() {
        blocks.push(note(wording::NO_INDICATOR));
        return;
    }
    let rows = views
        .iter()
        .map(|view| {
            let d = &view.indicator.draft;
            let latest = match (view.progress.current_value, view.progress.current_date) {
                (Some(value), Some(date)) => figure_at(value, format_short_date(date)),
                (Some(value), None) => vec![Run::plain(format_figure(value))],
                _ => vec![Run::plain(wording::NONE)],
            };
            vec![
                vec![Run::plain(user_text(&d.name))],
                vec![Run::plain(d.level.label())],
                vec![Run::plain(user_text(&d.unit))],
                figure_at(d.baseline_value, format_short_date(d.baseline_date)),
                figure_at(d.target_value, format_short_date(d.target_date)),
                latest,
                vec![Run::bold(view.progress.status.label())],
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        header: wording::TABLE_HEADER
            .iter()
            .map(|h| h.to_string())
            .collect(),
        rows,
        widths: wording::TABLE_WIDTHS.to_vec(),
    }));
    blocks.push(Block::Paragraph(Paragraph {
        runs: vec![
            Run::bold(wording::STATUS_RULE),
            Run::plain(tie_numbers(&status_rule_text())),
        ],
        align: Align::Justify,
    }));
}

/// A figure, then its date in italics between brackets: the figures' columns are too
/// narrow for both, so the date always goes under the figure.
fn figure_at(value: f64, date: String) -> Vec<Run> {
    vec![
        Run::plain(format!("{} ", format_figure(value))),
        Run::italic(format!("({date})")),
    ]
}

/// « Indicateurs clés »: for each key indicator, its chart with, under it, the objective
/// it measures and its status explained.
pub(super) fn charts(blocks: &mut Vec<Block>, input: &EvaluationReportInput) {
    blocks.push(Block::Section {
        text: wording::KEY_INDICATORS.into(),
    });
    let keys: Vec<&IndicatorView> = input
        .evaluation
        .indicators
        .iter()
        .filter(|v| v.indicator.draft.key_indicator)
        .collect();
    if keys.is_empty() {
        blocks.push(note(wording::NO_KEY_INDICATOR));
        return;
    }
    for view in keys {
        blocks.push(Block::Chart(chart(view, input)));
    }
}

/// The chart of one indicator: the values measured (combined as its aggregation says,
/// allia-core's `combined_series`) as a solid line with discs, the linear trajectory from
/// the baseline to the target dashed, the baseline an open square, the target a
/// triangle, the report's date dotted.
pub(super) fn chart(view: &IndicatorView, input: &EvaluationReportInput) -> Chart {
    let d = &view.indicator.draft;
    let measurements: Vec<MeasurementDraft> =
        view.measurements.iter().map(|m| m.draft.clone()).collect();
    let measured = combined_series(d, &measurements, input.today)
        .into_iter()
        .map(|c| ChartPoint {
            date: c.date,
            value: c.value,
        })
        .collect();
    let baseline = ChartPoint {
        date: d.baseline_date,
        value: d.baseline_value,
    };
    let target = ChartPoint {
        date: d.target_date,
        value: d.target_value,
    };
    Chart {
        title: user_text(&d.name),
        unit: user_text(&d.unit),
        series: vec![
            ChartSeries {
                label: wording::SERIES_MEASURED.into(),
                line: LineStyle::Solid,
                marker: MarkerShape::Circle,
                points: measured,
            },
            ChartSeries {
                label: wording::SERIES_TRAJECTORY.into(),
                line: LineStyle::Dashed,
                marker: MarkerShape::None,
                points: vec![baseline, target],
            },
            ChartSeries {
                label: wording::SERIES_BASELINE.into(),
                line: LineStyle::None,
                marker: MarkerShape::Square,
                points: vec![baseline],
            },
            ChartSeries {
                label: wording::SERIES_TARGET.into(),
                line: LineStyle::None,
                marker: MarkerShape::Triangle,
                points: vec![target],
            },
        ],
        date_rule: Some(DateRule {
            date: input.today,
            label: format!(
                "{} ({})",
                wording::TODAY,
                tie_numbers(&format_date(input.today))
            ),
        }),
        notes: notes(view, input),
    }
}

/// Under the chart: the objective the indicator measures, its status explained.
fn notes(view: &IndicatorView, input: &EvaluationReportInput) -> Vec<Vec<Run>> {
    let mut notes = Vec::new();
    if let Some((_, name)) = objective(&input.objectives, &view.indicator.draft.objective) {
        notes.push(vec![
            Run::bold(wording::MEASURES),
            Run::plain(user_text(&name)),
        ]);
    }
    let mut status = vec![
        Run::bold(wording::STATUS),
        Run::bold(format!("{}.", view.progress.status.label())),
    ];
    let explanation = view.progress.explanation.trim();
    if !explanation.is_empty() {
        status.push(Run::plain(format!(" {}", tie_numbers(explanation))));
    }
    notes.push(status);
    notes
}
