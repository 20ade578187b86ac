//! Progress measured from the baseline towards the target, whichever way it goes.

use super::*;

#[test]
fn the_target_date_is_100_days_after_the_baseline() {
    assert_eq!(at(100), day(2026, 4, 11));
    let i = indicator(
        Agg::Cumulative,
        Dir::HigherIsBetter,
        0.0,
        100.0,
        "bénéficiaires",
    );
    assert_eq!(trajectory_share(&i, at(25)), 0.25);
    assert_eq!(trajectory_share(&i, day(2025, 6, 1)), 0.0, "clamped below");
    assert_eq!(trajectory_share(&i, day(2027, 6, 1)), 1.0, "clamped above");
    assert_eq!(trajectory_value(&i, at(50)), 50.0);
}

#[test]
fn no_measurement_is_not_measured() {
    let i = indicator(
        Agg::Cumulative,
        Dir::HigherIsBetter,
        0.0,
        100.0,
        "bénéficiaires",
    );
    let p = indicator_progress(&i, &[], late_today());
    assert_eq!(p.status, IndicatorStatus::NotMeasured);
    assert_eq!(p.current_value, None);
    assert_eq!(p.achieved, None);
    assert_eq!(
        p.explanation,
        "Aucune mesure pour l’instant\u{a0}: la cible est 100\u{a0}bénéficiaires au 11\u{a0}avril 2026, depuis 0\u{a0}bénéficiaires au 1er\u{a0}janvier 2026."
    );
}

#[test]
fn a_falling_target_measures_progress_from_baseline_down_to_target() {
    // Costs 200 → 150 (lower is better); 175 at mid-way is half the way.
    let i = indicator(Agg::Cumulative, Dir::LowerIsBetter, 200.0, 150.0, "€");
    let p = indicator_progress(&i, &[m(at(50), 175.0)], late_today());
    assert!(
        close(p.achieved, 0.5),
        "(200 − 175) / (200 − 150) = 0,5: {p:?}"
    );
    assert!(close(p.expected, 0.5));
    assert!(close(p.remaining, 25.0), "25 € still to cut");
    assert_eq!(p.status, IndicatorStatus::OnTrack);
    assert!(
        p.explanation.contains("50\u{202f}% du chemin"),
        "{}",
        p.explanation
    );
    // Going up is going the wrong way.
    let p = indicator_progress(&i, &[m(at(50), 210.0)], late_today());
    assert!(close(p.achieved, -0.2));
    assert_eq!(p.status, IndicatorStatus::Late);
    assert!(p.explanation.contains("s’éloigne de la cible"));
    // Below the target: reached.
    let p = indicator_progress(&i, &[m(at(50), 140.0)], late_today());
    assert!(close(p.achieved, 1.2));
    assert!(close(p.remaining, -10.0));
    assert!(
        p.explanation.contains("cible atteinte"),
        "{}",
        p.explanation
    );
}

#[test]
fn a_target_equal_to_the_baseline_is_not_assessable_without_dividing() {
    for (baseline, target) in [(100.0, 100.0), (0.0, 0.0), (-0.0, 0.0)] {
        let i = indicator(Agg::Cumulative, Dir::HigherIsBetter, baseline, target, "%");
        for measurements in [vec![], vec![m(at(50), 40.0)]] {
            let p = indicator_progress(&i, &measurements, late_today());
            assert_eq!(p.status, IndicatorStatus::NotAssessable);
            assert_eq!(p.achieved, None);
            assert_eq!(p.expected, None);
            assert_eq!(p.remaining, None);
            assert!(
                p.explanation.starts_with(&format!(
                    "La cible ({}\u{202f}%) est égale à la valeur de référence\u{a0}: l’avancement ne peut pas être calculé.",
                    crate::evaluation::units::format_figure(target)
                )),
                "{}",
                p.explanation
            );
            assert!(!p.explanation.contains("NaN") && !p.explanation.contains("—"));
            // The measured value is still shown.
            assert_eq!(p.current_value.is_some(), !measurements.is_empty());
        }
    }
}

#[test]
fn a_target_of_zero_is_a_target_like_another() {
    // Down to zero waste (lower is better): 80 → 0.
    let i = indicator(Agg::Cumulative, Dir::LowerIsBetter, 80.0, 0.0, "tonnes");
    let p = indicator_progress(&i, &[m(at(50), 40.0)], late_today());
    assert!(close(p.achieved, 0.5));
    assert_eq!(p.status, IndicatorStatus::OnTrack);
    let p = indicator_progress(&i, &[m(at(100), 0.0)], late_today());
    assert!(close(p.achieved, 1.0));
    assert!(close(p.remaining, 0.0));
    // Up from zero.
    let i = indicator(Agg::PerPeriod, Dir::HigherIsBetter, 0.0, 10.0, "ateliers");
    let p = indicator_progress(&i, &[m(at(10), 1.0)], late_today());
    assert!(close(p.achieved, 0.1));
    assert!(p.achieved.is_some_and(f64::is_finite) && p.expected.is_some_and(f64::is_finite));
}
