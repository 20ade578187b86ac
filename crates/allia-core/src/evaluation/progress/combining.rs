//! How an indicator's measurements combine (rules 1 and 2 of [`super`]): the ones
//! counted, their combined value and its running series.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::evaluation::kinds::IndicatorAggregation;
use crate::evaluation::records::{IndicatorDraft, MeasurementDraft};

/// The measurements of an indicator combined up to one date: what the chart draws against
/// the trajectory, and what the status compares with the target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CombinedValue {
    /// The combined value, in the indicator's unit (a rate in %).
    pub value: f64,
    /// The latest measurement's date.
    pub date: NaiveDate,
    /// How many measurements it combines.
    pub count: u32,
}

/// Combines measurements by `aggregation` (rule 2 of the module): `None` when there is
/// nothing to combine (no measurement; a rate with no measurement carrying a numerator
/// and a denominator above 0; a result that is not finite). The latest measurement is the
/// last of the latest date, in the order given (the store gives them by date, then
/// creation). For a rate, measurements without numerator and denominator are left out
/// (validation requires both).
pub fn combine(
    aggregation: IndicatorAggregation,
    measurements: &[&MeasurementDraft],
) -> Option<CombinedValue> {
    let mut latest: Option<&MeasurementDraft> = None;
    let (mut sum, mut numerators, mut denominators) = (0.0_f64, 0.0_f64, 0.0_f64);
    let mut count: u32 = 0;
    for m in measurements {
        if aggregation == IndicatorAggregation::Rate {
            match (m.numerator, m.denominator) {
                (Some(n), Some(d)) if d > 0.0 && n.is_finite() && d.is_finite() => {
                    numerators += n;
                    denominators += d;
                }
                _ => continue,
            }
        }
        sum += m.value;
        count += 1;
        if latest.is_none_or(|l| m.date >= l.date) {
            latest = Some(m);
        }
    }
    let latest = latest?;
    let value = match aggregation {
        IndicatorAggregation::Cumulative => latest.value,
        IndicatorAggregation::PerPeriod => sum,
        IndicatorAggregation::Rate => {
            if denominators <= 0.0 {
                return None;
            }
            100.0 * numerators / denominators
        }
        IndicatorAggregation::Average => sum / f64::from(count),
    };
    value.is_finite().then_some(CombinedValue {
        value,
        date: latest.date,
        count,
    })
}

/// The combined value after each date that has measurements, in date order (the
/// « actual » line of the target vs actual chart: a per-period indicator's running total,
/// a rate's running ratio), counting the measurements of rule 1 only.
pub fn combined_series(
    indicator: &IndicatorDraft,
    measurements: &[MeasurementDraft],
    today: NaiveDate,
) -> Vec<CombinedValue> {
    let counted = counted(indicator, measurements, today).counted;
    let mut series = Vec::new();
    let mut running = Running::default();
    for (i, m) in counted.iter().enumerate() {
        running.add(indicator.aggregation, m);
        let last_of_its_day = counted.get(i + 1).is_none_or(|next| next.date != m.date);
        if last_of_its_day {
            if let Some(point) = running.value(indicator.aggregation, m.date) {
                series.push(point);
            }
        }
    }
    series
}

/// The running state of [`combined_series`], the same sums as [`combine`].
#[derive(Default)]
struct Running {
    sum: f64,
    numerators: f64,
    denominators: f64,
    count: u32,
    latest: f64,
}

impl Running {
    fn add(&mut self, aggregation: IndicatorAggregation, m: &MeasurementDraft) {
        if aggregation == IndicatorAggregation::Rate {
            match (m.numerator, m.denominator) {
                (Some(n), Some(d)) if d > 0.0 && n.is_finite() && d.is_finite() => {
                    self.numerators += n;
                    self.denominators += d;
                }
                _ => return,
            }
        }
        self.sum += m.value;
        self.count += 1;
        self.latest = m.value;
    }

    fn value(&self, aggregation: IndicatorAggregation, date: NaiveDate) -> Option<CombinedValue> {
        if self.count == 0 {
            return None;
        }
        let value = match aggregation {
            IndicatorAggregation::Cumulative => self.latest,
            IndicatorAggregation::PerPeriod => self.sum,
            IndicatorAggregation::Rate if self.denominators > 0.0 => {
                100.0 * self.numerators / self.denominators
            }
            IndicatorAggregation::Rate => return None,
            IndicatorAggregation::Average => self.sum / f64::from(self.count),
        };
        value.is_finite().then_some(CombinedValue {
            value,
            date,
            count: self.count,
        })
    }
}

/// The measurements rule 1 counts, by date (stable: the given order within a day), and
/// how many it leaves out.
pub(super) struct Counted<'a> {
    pub(super) counted: Vec<&'a MeasurementDraft>,
    pub(super) before_baseline: usize,
    pub(super) after_today: usize,
}

pub(super) fn counted<'a>(
    indicator: &IndicatorDraft,
    measurements: &'a [MeasurementDraft],
    today: NaiveDate,
) -> Counted<'a> {
    let mut counted = Vec::with_capacity(measurements.len());
    let (mut before_baseline, mut after_today) = (0, 0);
    for m in measurements {
        if m.date < indicator.baseline_date {
            before_baseline += 1;
        } else if m.date > today {
            after_today += 1;
        } else {
            counted.push(m);
        }
    }
    counted.sort_by_key(|m| m.date);
    Counted {
        counted,
        before_baseline,
        after_today,
    }
}
