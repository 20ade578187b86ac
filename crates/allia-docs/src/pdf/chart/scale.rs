//! The axes of a chart: the value range rounded to « nice » steps (1, 2, 2.5 or 5 times
//! a power of ten) and the month ticks of the date range, spaced so that their labels
//! never overlap.

use chrono::{Datelike, Months, NaiveDate};

/// The y axis: from `low` to `high`, a tick every `step`, labelled with `decimals`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueAxis {
    pub low: f64,
    pub high: f64,
    pub step: f64,
    pub decimals: usize,
}

impl ValueAxis {
    /// An axis holding every value of `values` (finite ones; none: 0 to 1), about
    /// `ticks` intervals long. Equal values get a range around them.
    pub fn new(values: impl Iterator<Item = f64>, ticks: usize) -> ValueAxis {
        let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
        for v in values.filter(|v| v.is_finite()) {
            min = min.min(v);
            max = max.max(v);
        }
        if min > max {
            (min, max) = (0.0, 1.0);
        }
        if max - min <= f64::EPSILON * max.abs().max(1.0) {
            let pad = if min == 0.0 { 1.0 } else { min.abs() * 0.1 };
            (min, max) = (min - pad, max + pad);
        }
        let step = nice_step((max - min) / ticks.max(1) as f64);
        let low = (min / step).floor() * step;
        let high = (max / step).ceil() * step;
        let decimals = (0..=6)
            .find(|&d| {
                let scaled = step * 10f64.powi(d as i32);
                (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
            })
            .unwrap_or(6);
        if high.partial_cmp(&low) != Some(std::cmp::Ordering::Greater) || !step.is_finite() {
            return ValueAxis {
                low: min,
                high: max,
                step: max - min,
                decimals: 2,
            };
        }
        ValueAxis {
            low,
            high,
            step,
            decimals,
        }
    }

    /// The values labelled, from `low` to `high`.
    pub fn ticks(&self) -> Vec<f64> {
        let count = ((self.high - self.low) / self.step)
            .round()
            .clamp(1.0, 100.0) as usize;
        (0..=count)
            .map(|k| {
                let v = self.low + k as f64 * self.step;
                // -0.0 and float noise (0.30000000000000004) printed clean.
                if v.abs() < self.step * 1e-9 {
                    0.0
                } else {
                    v
                }
            })
            .collect()
    }

    /// Where `value` sits, 0 at `low` to 1 at `high`.
    pub fn share(&self, value: f64) -> f32 {
        ((value - self.low) / (self.high - self.low)) as f32
    }
}

/// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|k| k * power)
        .find(|&s| s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}

/// The x axis: a date range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateAxis {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// Month steps tried for the ticks, smallest first.
const MONTH_STEPS: [u32; 10] = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120];

impl DateAxis {
    /// The range of `dates` (none: today's month); a single day gets a fortnight on
    /// each side.
    pub fn new(dates: impl Iterator<Item = NaiveDate>) -> DateAxis {
        let (mut first, mut last) = (NaiveDate::MAX, NaiveDate::MIN);
        for d in dates {
            first = first.min(d);
            last = last.max(d);
        }
        if first > last {
            let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
            (first, last) = (day, day);
        }
        if first == last {
            first = first - chrono::Days::new(15);
            last = last + chrono::Days::new(15);
        }
        DateAxis { first, last }
    }

    /// Where `date` sits, 0 at `first` to 1 at `last`.
    pub fn share(&self, date: NaiveDate) -> f32 {
        let span = (self.last - self.first).num_days().max(1) as f32;
        (date - self.first).num_days() as f32 / span
    }

    /// The first days of months to label: every `step` months (January, then evenly
    /// through the year), the smallest step giving at most `room` ticks. Never empty: a
    /// range holding no first day of a month gets one tick at its middle.
    pub fn ticks(&self, room: usize) -> Vec<NaiveDate> {
        let room = room.max(1);
        for step in MONTH_STEPS {
            let ticks = self.months(step);
            if ticks.len() <= room {
                if ticks.is_empty() {
                    break;
                }
                return ticks;
            }
        }
        let mut ticks = self.months(*MONTH_STEPS.last().unwrap_or(&120));
        ticks.truncate(room);
        if ticks.is_empty() {
            let middle =
                self.first + chrono::Days::new(((self.last - self.first).num_days() / 2) as u64);
            ticks.push(middle);
        }
        ticks
    }

    /// The first days of months within the range whose month number (counted from year
    /// 0) is a multiple of `step`.
    fn months(&self, step: u32) -> Vec<NaiveDate> {
        let mut ticks = Vec::new();
        let Some(mut month) = NaiveDate::from_ymd_opt(self.first.year(), self.first.month(), 1)
        else {
            return ticks;
        };
        if month < self.first {
            month = month + Months::new(1);
        }
        while month <= self.last && ticks.len() < 2000 {
            let index = month.year() as i64 * 12 + i64::from(month.month0());
            if index.rem_euclid(i64::from(step)) == 0 {
                ticks.push(month);
            }
            month = month + Months::new(1);
        }
        ticks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn values_get_nice_steps_around_them() {
        let axis = ValueAxis::new([12.0, 47.0].into_iter(), 5);
        assert_eq!((axis.low, axis.high, axis.step), (10.0, 50.0, 10.0));
        assert_eq!(axis.ticks(), vec![10.0, 20.0, 30.0, 40.0, 50.0]);
        let axis = ValueAxis::new([0.1, 0.9].into_iter(), 5);
        assert_eq!(axis.decimals, 1);
        let axis = ValueAxis::new([-3.0, 1.0].into_iter(), 5);
        assert!(axis.low <= -3.0 && axis.high >= 1.0);
        assert!(axis.ticks().contains(&0.0));
        let axis = ValueAxis::new([0.0, 1.0].into_iter(), 4);
        assert_eq!(axis.step, 0.25);
        assert_eq!(axis.decimals, 2);
    }

    #[test]
    fn equal_or_missing_values_still_make_an_axis() {
        let axis = ValueAxis::new([5.0, 5.0].into_iter(), 5);
        assert!(axis.low < 5.0 && axis.high > 5.0);
        let axis = ValueAxis::new([0.0].into_iter(), 5);
        assert!(axis.low < 0.0 && axis.high > 0.0);
        let axis = ValueAxis::new(std::iter::empty(), 5);
        assert!(axis.high > axis.low);
        let axis = ValueAxis::new([f64::NAN, f64::INFINITY].into_iter(), 5);
        assert!(axis.high > axis.low);
    }

    #[test]
    fn month_ticks_never_crowd() {
        let axis = DateAxis::new([day(2026, 1, 1), day(2026, 12, 31)].into_iter());
        assert_eq!(axis.ticks(12).len(), 12);
        let six = axis.ticks(6);
        assert_eq!(six.len(), 6);
        assert_eq!(six[0], day(2026, 1, 1));
        assert_eq!(six[1], day(2026, 3, 1));
        let axis = DateAxis::new([day(2021, 1, 1), day(2026, 1, 1)].into_iter());
        let ticks = axis.ticks(7);
        assert!(ticks.len() <= 7 && ticks.len() >= 3, "{ticks:?}");
        assert!(ticks.iter().all(|t| t.month() == 1));
        let axis = DateAxis::new([day(2026, 3, 10)].into_iter());
        assert_eq!(axis.ticks(7), vec![day(2026, 3, 1)]);
        let axis = DateAxis::new([day(2026, 3, 3), day(2026, 3, 20)].into_iter());
        assert_eq!(axis.ticks(7).len(), 1);
    }
}
