//! An indicator's progress as of one day, with its explanation in French: the module's
//! seven rules applied in order.

use chrono::NaiveDate;

use crate::evaluation::kinds::{IndicatorAggregation, IndicatorDirection, IndicatorStatus};
use crate::evaluation::records::{IndicatorDraft, MeasurementDraft};
use crate::evaluation::units::{format_date, format_figure, format_quantity, format_share};

use super::combining::{counted, Counted};
use super::{
    age_text, combine, is_stale, status_for, trajectory_share, whole_months, IndicatorProgress,
    EQUAL_SHARE, ON_TRACK_TOLERANCE_POINTS, STALE_PERIODS, WATCH_TOLERANCE_POINTS,
};

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
            " {} datée{s} d’avant la date de référence ({}) {} pas comptée{s}.",
            measurements_word(before_baseline),
            format_date(indicator.baseline_date),
            negated_be(before_baseline),
            s = plural(before_baseline),
        ));
    }
    if after_today > 0 {
        notes.push_str(&format!(
            // The day the status is read for: today in the app, the report's date on paper.
            " {} datée{s} d’après le {} {} pas comptée{s}.",
            measurements_word(after_today),
            format_date(today),
            negated_be(after_today),
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
                " {} sans numérateur ni dénominateur {} pas comptée{s} dans le taux.",
                measurements_word(unusable),
                negated_be(unusable),
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

/// « n’est » for one, « ne sont » for several (the elision only before « est »).
fn negated_be(n: usize) -> &'static str {
    if n > 1 {
        "ne sont"
    } else {
        "n’est"
    }
}

fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}
