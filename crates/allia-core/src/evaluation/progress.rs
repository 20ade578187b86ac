//! Where an indicator stands: its measurements combined by its aggregation, compared
//! with the linear trajectory from its baseline to its target (issue 12, item 4; guide
//! section 4, « les écarts entre objectifs et résultats »).
//!
//! The rules, in the order they apply:
//! 1. The measurements counted are those dated from the baseline date to `today`, both
//!    included (one dated before the baseline belongs to the period before; one dated after
//!    today is a typo or a plan): the explanation says how many were left out.
//! 2. They combine by the indicator's aggregation ([`combine`]): cumulative, the latest
//!    value is the total (never their sum); per period, their sum; a rate, the sum of the
//!    numerators over the sum of the denominators × 100 (never the rates averaged); an
//!    average, their mean. The result is compared with the indicator's one overall target,
//!    never with a sum of period targets.
//! 3. `achieved` = (current − baseline) / (target − baseline): 0 at the baseline, 1 at the
//!    target, whichever way the target lies, so a falling target reads
//!    (baseline − current) / (baseline − target).
//! 4. `expected` = the share of the time from the baseline date to the target date
//!    elapsed at the latest measurement's date, 0 to 1 (the linear trajectory).
//! 5. The status: [`IndicatorStatus::OnTrack`] when `achieved` ≥ `expected` −
//!    [`ON_TRACK_TOLERANCE`], [`IndicatorStatus::Watch`] when ≥ `expected` −
//!    [`WATCH_TOLERANCE`], else [`IndicatorStatus::Late`]; no measurement,
//!    [`IndicatorStatus::NotMeasured`]; a target equal to the baseline (validation refuses
//!    it, older or imported data may hold it; [`EQUAL_SHARE`]), [`IndicatorStatus::NotAssessable`],
//!    without any division.
//! 6. Today past the target date, the deadline decides: the target reached,
//!    [`IndicatorStatus::OnTrack`] (« cible atteinte »); not reached,
//!    [`IndicatorStatus::Late`], whatever the trajectory said at the latest measurement.
//! 7. Otherwise, a latest measurement older than [`STALE_PERIODS`] collection periods as of
//!    today ([`is_stale`]; a one-off indicator is never stale) makes the status at best
//!    [`IndicatorStatus::Watch`], and the explanation opens with its age (« Dernière mesure
//!    il y a 5 mois : … »): a figure not refreshed says nothing of today.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::kinds::{
    CollectionFrequency, IndicatorAggregation, IndicatorDirection, IndicatorStatus,
};
use super::records::{IndicatorDraft, MeasurementDraft};
use super::units::{format_date, format_figure, format_quantity, format_share};

/// How far behind its trajectory an indicator may be and stay « En bonne voie », in
/// percentage points of the way from baseline to target.
pub const ON_TRACK_TOLERANCE_POINTS: u32 = 10;
/// How far behind it may be and be « À surveiller » rather than « En retard ».
pub const WATCH_TOLERANCE_POINTS: u32 = 25;
/// [`ON_TRACK_TOLERANCE_POINTS`] as a share (0.10).
pub const ON_TRACK_TOLERANCE: f64 = ON_TRACK_TOLERANCE_POINTS as f64 / 100.0;
/// [`WATCH_TOLERANCE_POINTS`] as a share (0.25).
pub const WATCH_TOLERANCE: f64 = WATCH_TOLERANCE_POINTS as f64 / 100.0;
/// The slack of the comparisons with the tolerances, so that a gap of exactly 10 points
/// computed in floating point (0.5 − 0.4) counts as 10.
const SLACK: f64 = 1e-9;
/// A target and a baseline closer than this share of the larger of them (or of 1) are
/// equal: the way between them is no way, and dividing by it would give figures out of
/// all proportion (or infinite).
pub const EQUAL_SHARE: f64 = 1e-9;

/// How many collection periods may pass after the latest measurement before it is stale
/// (rule 7): one missed collection is a delay, two are a silence.
pub const STALE_PERIODS: u32 = 2;

/// The length of one collection period in months; `None` for a one-off collection, which
/// has no next one and so is never stale.
pub fn period_months(frequency: CollectionFrequency) -> Option<u32> {
    match frequency {
        CollectionFrequency::Monthly => Some(1),
        CollectionFrequency::Quarterly => Some(3),
        CollectionFrequency::HalfYearly => Some(6),
        CollectionFrequency::Yearly => Some(12),
        CollectionFrequency::OneOff => None,
    }
}

/// Whether a latest measurement dated `latest` is stale on `today` for `frequency` (rule
/// 7): `today` after `latest` + [`STALE_PERIODS`] periods (a monthly indicator measured on
/// 31 October is stale from 1 January on). A one-off indicator never is.
pub fn is_stale(frequency: CollectionFrequency, latest: NaiveDate, today: NaiveDate) -> bool {
    let Some(months) = period_months(frequency) else {
        return false;
    };
    latest
        .checked_add_months(Months::new(months * STALE_PERIODS))
        .is_some_and(|limit| today > limit)
}

/// Whole months from `from` to `to` (0 when `to` is not later).
fn whole_months(from: NaiveDate, to: NaiveDate) -> u32 {
    let months = (i64::from(to.year()) * 12 + i64::from(to.month0()))
        - (i64::from(from.year()) * 12 + i64::from(from.month0()))
        - i64::from(to.day() < from.day());
    u32::try_from(months.max(0)).unwrap_or(u32::MAX)
}

/// An age in months written in French: « 5 mois », « 1 an », « 2 ans et 3 mois ».
fn age_text(months: u32) -> String {
    let (years, rest) = (months / 12, months % 12);
    let years_text = match years {
        0 => String::new(),
        1 => "1\u{a0}an".to_string(),
        n => format!("{n}\u{a0}ans"),
    };
    match (years, rest) {
        (0, m) => format!("{m}\u{a0}mois"),
        (_, 0) => years_text,
        (_, m) => format!("{years_text} et {m}\u{a0}mois"),
    }
}

/// The status rule in French, for the screens and the report.
pub fn status_rule_text() -> String {
    format!(
        "Chaque indicateur est comparé à une trajectoire linéaire, de sa valeur de référence à sa date de référence jusqu’à sa cible à la date cible. À la date de la dernière mesure, la part du chemin parcouru (de la référence vers la cible, qu’elle soit à la hausse ou à la baisse) est comparée à la part du temps écoulé. En bonne voie\u{a0}: au plus {ON_TRACK_TOLERANCE_POINTS}\u{a0}points de retard (ou de l’avance)\u{a0}; à surveiller\u{a0}: de {ON_TRACK_TOLERANCE_POINTS} à {WATCH_TOLERANCE_POINTS}\u{a0}points de retard\u{a0}; en retard\u{a0}: plus de {WATCH_TOLERANCE_POINTS}\u{a0}points. Les mesures se combinent selon l’indicateur\u{a0}: cumulé, la dernière valeur est le total\u{a0}; par période, les valeurs s’additionnent\u{a0}; taux, numérateurs et dénominateurs s’additionnent\u{a0}; moyenne, la moyenne des mesures. Le résultat est comparé à la cible globale de l’indicateur. Une fois la date cible passée, l’indicateur est en bonne voie si sa cible est atteinte, en retard sinon. Avant, une dernière mesure plus ancienne que {STALE_PERIODS}\u{a0}périodes de collecte (deux mois pour une collecte mensuelle, six pour une trimestrielle\u{a0}; jamais pour une collecte ponctuelle) met l’indicateur au mieux à surveiller."
    )
}

/// What a status means, for the catalog's help (the figures are
/// [`ON_TRACK_TOLERANCE_POINTS`] and [`WATCH_TOLERANCE_POINTS`]; a test holds them equal).
pub fn status_help(status: IndicatorStatus) -> &'static str {
    match status {
        IndicatorStatus::OnTrack => "Au plus 10\u{a0}points de retard sur la trajectoire de la référence à la cible, ou en avance.",
        IndicatorStatus::Watch => "De 10 à 25\u{a0}points de retard sur la trajectoire, ou une dernière mesure trop ancienne pour la fréquence de collecte.",
        IndicatorStatus::Late => "Plus de 25\u{a0}points de retard sur la trajectoire, une valeur qui s’éloigne de la cible, ou la date cible passée sans la cible atteinte.",
        IndicatorStatus::NotMeasured => "Aucune mesure depuis la date de référence.",
        IndicatorStatus::NotAssessable => "La cible est égale à la valeur de référence\u{a0}: l’avancement ne peut pas être calculé.",
    }
}

/// An indicator's progress as of one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorProgress {
    pub status: IndicatorStatus,
    /// The measurements combined by the indicator's aggregation, in its unit; `None`
    /// before the first measurement.
    pub current_value: Option<f64>,
    /// The date of the latest measurement counted.
    pub current_date: Option<NaiveDate>,
    /// How far from the baseline to the target the current value is: 0 at the baseline,
    /// 1 at the target (more past it, below 0 when it went the wrong way).
    pub achieved: Option<f64>,
    /// How far the linear trajectory expects it at `current_date`, 0 to 1.
    pub expected: Option<f64>,
    /// What is left to reach the target, in the unit, signed the indicator's way
    /// (0 or less: reached).
    pub remaining: Option<f64>,
    /// The status explained in French, with the figures.
    pub explanation: String,
}

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

/// The share of the time from the indicator's baseline date to its target date elapsed on
/// `date`, 0 to 1 (rule 4). A target date not after the baseline date (refused by
/// validation) gives 1 from the target date on, 0 before.
pub fn trajectory_share(indicator: &IndicatorDraft, date: NaiveDate) -> f64 {
    let span = (indicator.target_date - indicator.baseline_date).num_days();
    if span <= 0 {
        return if date >= indicator.target_date {
            1.0
        } else {
            0.0
        };
    }
    let elapsed = (date - indicator.baseline_date).num_days();
    (elapsed as f64 / span as f64).clamp(0.0, 1.0)
}

/// The value the linear trajectory expects on `date`, in the indicator's unit: the
/// baseline, then a straight line to the target at the target date, then the target.
pub fn trajectory_value(indicator: &IndicatorDraft, date: NaiveDate) -> f64 {
    let share = trajectory_share(indicator, date);
    indicator.baseline_value + (indicator.target_value - indicator.baseline_value) * share
}

/// The status for a share of the way `achieved` against the trajectory's `expected`
/// (rule 5).
pub fn status_for(achieved: f64, expected: f64) -> IndicatorStatus {
    let behind = expected - achieved;
    if behind <= ON_TRACK_TOLERANCE + SLACK {
        IndicatorStatus::OnTrack
    } else if behind <= WATCH_TOLERANCE + SLACK {
        IndicatorStatus::Watch
    } else {
        IndicatorStatus::Late
    }
}

/// The measurements rule 1 counts, by date (stable: the given order within a day), and
/// how many it leaves out.
struct Counted<'a> {
    counted: Vec<&'a MeasurementDraft>,
    before_baseline: usize,
    after_today: usize,
}

fn counted<'a>(
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

/// The progress of `indicator` from its `measurements` (any order; those of other
/// indicators are the caller's to leave out), as of `today`: the module’s seven rules.
/// Never divides by zero and never returns NaN: a target equal to its baseline gives
/// [`IndicatorStatus::NotAssessable`] with the reason.
pub fn indicator_progress(
    indicator: &IndicatorDraft,
    measurements: &[MeasurementDraft],
    today: NaiveDate,
) -> IndicatorProgress {
    let unit = indicator.unit.as_str();
    let baseline = indicator.baseline_value;
    let target = indicator.target_value;
    let Counted {
        counted,
        before_baseline,
        after_today,
    } = counted(indicator, measurements, today);
    let combined = combine(indicator.aggregation, &counted);
    let mut notes = String::new();
    if before_baseline > 0 {
        notes.push_str(&format!(
            " {} datée{s} d’avant la date de référence ({}) n’{} pas comptée{s}.",
            measurements_word(before_baseline),
            format_date(indicator.baseline_date),
            if before_baseline > 1 { "sont" } else { "est" },
            s = plural(before_baseline),
        ));
    }
    if after_today > 0 {
        notes.push_str(&format!(
            " {} datée{s} d’après aujourd’hui n’{} pas comptée{s}.",
            measurements_word(after_today),
            if after_today > 1 { "sont" } else { "est" },
            s = plural(after_today),
        ));
    }
    if indicator.aggregation == IndicatorAggregation::Rate && !counted.is_empty() {
        let unusable = counted
            .iter()
            .filter(|m| !matches!((m.numerator, m.denominator), (Some(_), Some(d)) if d > 0.0))
            .count();
        if unusable > 0 {
            notes.push_str(&format!(
                " {} sans numérateur ni dénominateur n’{} pas comptée{s} dans le taux.",
                measurements_word(unusable),
                if unusable > 1 { "sont" } else { "est" },
                s = plural(unusable),
            ));
        }
    }
    let target_text = format!(
        "{} au {}",
        format_quantity(target, unit),
        format_date(indicator.target_date)
    );
    let span = target - baseline;
    if !span.is_finite() || span.abs() <= EQUAL_SHARE * baseline.abs().max(target.abs()).max(1.0) {
        return IndicatorProgress {
            status: IndicatorStatus::NotAssessable,
            current_value: combined.map(|c| c.value),
            current_date: combined.map(|c| c.date),
            achieved: None,
            expected: None,
            remaining: None,
            explanation: format!(
                "La cible ({}) est égale à la valeur de référence\u{a0}: l’avancement ne peut pas être calculé. Revoyez la cible ou la valeur de référence.{notes}",
                format_quantity(target, unit)
            ),
        };
    }
    let Some(current) = combined else {
        return IndicatorProgress {
            status: IndicatorStatus::NotMeasured,
            current_value: None,
            current_date: None,
            achieved: None,
            expected: None,
            remaining: None,
            explanation: format!(
                "Aucune mesure pour l’instant\u{a0}: la cible est {target_text}, depuis {} au {}.{notes}",
                format_quantity(baseline, unit),
                format_date(indicator.baseline_date)
            ),
        };
    };
    let achieved = (current.value - baseline) / span;
    let expected = trajectory_share(indicator, current.date);
    let remaining = (target - current.value) * span.signum();
    let on_trajectory = status_for(achieved, expected);
    let reached = remaining <= 0.0;
    let past_deadline = today > indicator.target_date;
    let stale = !past_deadline && is_stale(indicator.frequency, current.date, today);
    let status = if past_deadline {
        if reached {
            IndicatorStatus::OnTrack
        } else {
            IndicatorStatus::Late
        }
    } else if stale && on_trajectory == IndicatorStatus::OnTrack {
        IndicatorStatus::Watch
    } else {
        on_trajectory
    };

    let mut explanation = String::new();
    if stale {
        explanation.push_str(&format!(
            "Dernière mesure il y a {}, pour une collecte {}\u{a0}: a",
            age_text(whole_months(current.date, today)),
            indicator.frequency.label().to_lowercase()
        ));
    } else {
        explanation.push('A');
    }
    explanation.push_str(&format!(
        "u {}, {} ({})\u{a0}: {} du chemin de {} à {}, pour {} attendus à cette date.",
        format_date(current.date),
        format_quantity(current.value, unit),
        how_combined(indicator.aggregation, &counted, current.count),
        format_share(achieved),
        format_quantity(baseline, unit),
        target_text,
        format_share(expected),
    ));
    let behind_points = ((expected - achieved) * 1000.0).round() / 10.0;
    let gap_text = if behind_points > 0.0 {
        format!(
            "{}\u{a0}point{} de retard",
            format_figure(behind_points),
            if behind_points >= 2.0 { "s" } else { "" }
        )
    } else if behind_points < 0.0 {
        format!(
            "{}\u{a0}point{} d’avance",
            format_figure(-behind_points),
            if -behind_points >= 2.0 { "s" } else { "" }
        )
    } else {
        "Exactement sur la trajectoire".to_string()
    };
    explanation.push(' ');
    explanation.push_str(&gap_text);
    explanation.push_str(&match status {
        IndicatorStatus::OnTrack if reached => "\u{a0}: cible atteinte.".to_string(),
        IndicatorStatus::Late if past_deadline => format!(
            "\u{a0}: en retard, la date cible ({}) est passée sans que la cible soit atteinte (reste {}).",
            format_date(indicator.target_date),
            format_quantity(remaining.abs(), unit)
        ),
        IndicatorStatus::Watch if stale => format!(
            "\u{a0}: à surveiller, faute de mesure depuis plus de {STALE_PERIODS}\u{a0}périodes de collecte."
        ),
        IndicatorStatus::OnTrack => format!(
            "\u{a0}: en bonne voie (jusqu’à {ON_TRACK_TOLERANCE_POINTS}\u{a0}points de retard)."
        ),
        IndicatorStatus::Watch => format!(
            "\u{a0}: à surveiller (de {ON_TRACK_TOLERANCE_POINTS} à {WATCH_TOLERANCE_POINTS}\u{a0}points de retard)."
        ),
        _ => format!("\u{a0}: en retard (plus de {WATCH_TOLERANCE_POINTS}\u{a0}points de retard)."),
    });
    if achieved < 0.0 {
        explanation.push_str(" La valeur s’éloigne de la cible\u{a0}: elle est passée de l’autre côté de la valeur de référence.");
    }
    let rising = span > 0.0;
    if rising != (indicator.direction == IndicatorDirection::HigherIsBetter) {
        explanation.push_str(&format!(
            " Le sens indiqué («\u{a0}{}\u{a0}») contredit la cible, {} la valeur de référence\u{a0}: l’avancement est mesuré de la référence vers la cible.",
            indicator.direction.label(),
            if rising { "supérieure à" } else { "inférieure à" }
        ));
    }
    explanation.push_str(&notes);
    IndicatorProgress {
        status,
        current_value: Some(current.value),
        current_date: Some(current.date),
        achieved: Some(achieved),
        expected: Some(expected),
        remaining: Some(remaining),
        explanation,
    }
}

/// How the current value was obtained, for the explanation.
fn how_combined(
    aggregation: IndicatorAggregation,
    counted: &[&MeasurementDraft],
    count: u32,
) -> String {
    let n = count as usize;
    match aggregation {
        IndicatorAggregation::Cumulative => "dernière valeur, le total".to_string(),
        IndicatorAggregation::PerPeriod => {
            format!("somme de {}", measurements_word(n).to_lowercase())
        }
        IndicatorAggregation::Average => {
            format!("moyenne de {}", measurements_word(n).to_lowercase())
        }
        IndicatorAggregation::Rate => {
            let (mut numerators, mut denominators) = (0.0, 0.0);
            for m in counted {
                if let (Some(num), Some(den)) = (m.numerator, m.denominator) {
                    if den > 0.0 {
                        numerators += num;
                        denominators += den;
                    }
                }
            }
            format!(
                "{} sur {}, cumulés sur {}",
                format_figure(numerators),
                format_figure(denominators),
                measurements_word(n).to_lowercase()
            )
        }
    }
}

/// « Une mesure », « 3 mesures ».
fn measurements_word(n: usize) -> String {
    if n == 1 {
        "Une mesure".to_string()
    } else {
        format!("{}\u{a0}mesures", format_figure(n as f64))
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
