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
//!
//! This file holds the tolerances, the staleness rule, the status texts, the trajectory and
//! the status for a share of the way; `combining.rs` how measurements combine (rules 1
//! and 2); `indicator.rs` an indicator's progress with its explanation (all the rules).

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::kinds::{CollectionFrequency, IndicatorStatus};
use super::records::IndicatorDraft;

mod combining;
mod indicator;

pub use combining::{combine, combined_series, CombinedValue};
pub use indicator::indicator_progress;

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

#[cfg(test)]
#[path = "../progress_tests/mod.rs"]
mod tests;
