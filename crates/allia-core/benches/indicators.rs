//! The indicators' status at the scale (issue 12, « Scale »): an alliance with 60
//! indicators of every aggregation and direction, each with 60 monthly measurements (five
//! years, 3 600 points), their progress computed as the « Évaluation » overview does.
//! Target: all 60 statuses ≤ 5 ms.
//! `cargo bench -p allia-core --bench indicators`

use allia_core::evaluation::progress::{combined_series, indicator_progress};
use allia_core::evaluation::{
    IndicatorAggregation, IndicatorDirection, IndicatorDraft, IndicatorStatus, MeasurementDraft,
};
use allia_core::objectives::{ObjectiveLevel, ObjectiveRef};
use chrono::{Months, NaiveDate};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const INDICATORS: usize = 60;
const MONTHS: u32 = 60;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 1, 1).expect("a valid day")
}

/// Indicator `i`: aggregations and directions in turn, a five-year trajectory.
fn indicator(i: usize) -> IndicatorDraft {
    let aggregation = IndicatorAggregation::ALL[i % IndicatorAggregation::ALL.len()];
    let falling = i.is_multiple_of(3) && aggregation != IndicatorAggregation::PerPeriod;
    let (direction, baseline, target) = if falling {
        (IndicatorDirection::LowerIsBetter, 1_000.0, 400.0)
    } else if aggregation == IndicatorAggregation::Rate {
        (IndicatorDirection::HigherIsBetter, 20.0, 80.0)
    } else if aggregation == IndicatorAggregation::PerPeriod {
        (IndicatorDirection::HigherIsBetter, 0.0, 6_000.0)
    } else {
        (IndicatorDirection::HigherIsBetter, 100.0, 700.0)
    };
    IndicatorDraft {
        objective: ObjectiveRef {
            level: ObjectiveLevel::Operational,
            id: format!("10000000-0000-4000-8000-{i:012}"),
        },
        name: format!("Indicateur {i}"),
        unit: if aggregation == IndicatorAggregation::Rate {
            "%".into()
        } else {
            "bénéficiaires".into()
        },
        direction,
        aggregation,
        baseline_value: baseline,
        baseline_date: start(),
        target_value: target,
        target_date: start() + Months::new(MONTHS),
        ..IndicatorDraft::default()
    }
}

/// 60 monthly measurements of indicator `i`, some on the trajectory, some behind.
fn measurements(i: usize, ind: &IndicatorDraft) -> Vec<MeasurementDraft> {
    let pace = [1.0, 0.85, 0.6][i % 3];
    (1..=MONTHS)
        .map(|month| {
            let share = f64::from(month) / f64::from(MONTHS) * pace;
            let date = start() + Months::new(month);
            let id = format!("20000000-0000-4000-8000-{i:012}");
            let level = ind.baseline_value + (ind.target_value - ind.baseline_value) * share;
            match ind.aggregation {
                IndicatorAggregation::Rate => {
                    let denominator = 200.0 + f64::from(month % 7);
                    let numerator = (level / 100.0 * denominator).round();
                    MeasurementDraft {
                        indicator_id: id,
                        date,
                        value: 100.0 * numerator / denominator,
                        numerator: Some(numerator),
                        denominator: Some(denominator),
                        comment: None,
                        source: None,
                    }
                }
                IndicatorAggregation::PerPeriod => MeasurementDraft {
                    indicator_id: id,
                    date,
                    value: ind.target_value / f64::from(MONTHS) * pace,
                    numerator: None,
                    denominator: None,
                    comment: None,
                    source: None,
                },
                _ => MeasurementDraft {
                    indicator_id: id,
                    date,
                    value: level,
                    numerator: None,
                    denominator: None,
                    comment: None,
                    source: None,
                },
            }
        })
        .collect()
}

fn indicator_benches(c: &mut Criterion) {
    // Read on the target date itself (the latest measurement's): past it, only reached
    // or not would count, and every status is wanted here.
    let today = start() + Months::new(MONTHS);
    let alliance: Vec<(IndicatorDraft, Vec<MeasurementDraft>)> = (0..INDICATORS)
        .map(|i| {
            let ind = indicator(i);
            let ms = measurements(i, &ind);
            (ind, ms)
        })
        .collect();
    // The sizes measured, and every status computed, checked once.
    let points: usize = alliance.iter().map(|(_, ms)| ms.len()).sum();
    assert_eq!(points, 3_600);
    let statuses: Vec<IndicatorStatus> = alliance
        .iter()
        .map(|(ind, ms)| indicator_progress(ind, ms, today).status)
        .collect();
    for status in [
        IndicatorStatus::OnTrack,
        IndicatorStatus::Watch,
        IndicatorStatus::Late,
    ] {
        assert!(statuses.contains(&status), "{status:?} among {statuses:?}");
    }

    let mut group = c.benchmark_group("indicators (60 × 60 monthly measurements)");
    group.bench_function("status of all 60", |b| {
        b.iter(|| {
            alliance
                .iter()
                .map(|(ind, ms)| indicator_progress(ind, black_box(ms), today))
                .collect::<Vec<_>>()
        })
    });
    group.bench_function("status and chart series of all 60", |b| {
        b.iter(|| {
            alliance
                .iter()
                .map(|(ind, ms)| {
                    (
                        indicator_progress(ind, black_box(ms), today),
                        combined_series(ind, ms, today),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    group.finish();
}

criterion_group!(benches, indicator_benches);
criterion_main!(benches);
