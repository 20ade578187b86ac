//! The tests of an indicator's progress rule: shared builders, one module per part of the rule.

mod achievement;
mod aggregation;
mod properties;
mod status;
mod warnings;

use chrono::{Days, NaiveDate};

use super::*;
use crate::evaluation::kinds::{
    CollectionFrequency, IndicatorAggregation as Agg, IndicatorDirection as Dir,
};
use crate::evaluation::records::MeasurementDraft;
use crate::objectives::{ObjectiveLevel, ObjectiveRef};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid day")
}

const ID: &str = "20000000-0000-4000-8000-000000000001";

/// Baseline 2026-01-01, target 100 days later (2026-04-11), so that a day is a point;
/// collected once (never stale: rule 7 has its own tests).
fn indicator(agg: Agg, dir: Dir, baseline: f64, target: f64, unit: &str) -> IndicatorDraft {
    IndicatorDraft {
        objective: ObjectiveRef {
            level: ObjectiveLevel::Operational,
            id: "10000000-0000-4000-8000-000000000001".into(),
        },
        name: "Indicateur".into(),
        unit: unit.into(),
        direction: dir,
        aggregation: agg,
        baseline_value: baseline,
        baseline_date: day(2026, 1, 1),
        target_value: target,
        target_date: day(2026, 4, 11),
        frequency: CollectionFrequency::OneOff,
        ..IndicatorDraft::default()
    }
}

/// The day `n` days after the baseline date.
fn at(n: u64) -> NaiveDate {
    day(2026, 1, 1)
        .checked_add_days(Days::new(n))
        .expect("a day in range")
}

fn m(date: NaiveDate, value: f64) -> MeasurementDraft {
    MeasurementDraft {
        indicator_id: ID.into(),
        date,
        value,
        numerator: None,
        denominator: None,
        comment: None,
        source: None,
    }
}

fn rate(date: NaiveDate, numerator: f64, denominator: f64) -> MeasurementDraft {
    MeasurementDraft {
        numerator: Some(numerator),
        denominator: Some(denominator),
        ..m(date, 100.0 * numerator / denominator)
    }
}

/// The target date itself: every measurement of the tests counted, the deadline not past.
fn late_today() -> NaiveDate {
    at(100)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}
