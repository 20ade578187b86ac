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

#[test]
fn a_rate_sums_numerators_and_denominators_never_averages_the_rates() {
    // 90 / 100 (90 %) then 10 / 900 (1,1 %): the rate is 100 / 1000 = 10 %, not 45,6 %.
    let i = indicator(Agg::Rate, Dir::HigherIsBetter, 0.0, 20.0, "%");
    let ms = [rate(at(10), 90.0, 100.0), rate(at(20), 10.0, 900.0)];
    let p = indicator_progress(&i, &ms, late_today());
    assert!(close(p.current_value, 10.0), "{p:?}");
    assert!(close(p.achieved, 0.5));
    assert_eq!(p.current_date, Some(at(20)));
    assert!(
        p.explanation
            .contains("10\u{202f}% (100 sur 1\u{202f}000, cumulés sur 2\u{a0}mesures)"),
        "{}",
        p.explanation
    );
    // A measurement without numerator nor denominator (older data) is left out, and said.
    let mut ms = ms.to_vec();
    ms.push(m(at(21), 99.0));
    let p = indicator_progress(&i, &ms, late_today());
    assert!(close(p.current_value, 10.0));
    assert!(p
        .explanation
        .contains("Une mesure sans numérateur ni dénominateur n’est pas comptée"));
    // Only such measurements: nothing to combine.
    let p = indicator_progress(&i, &[m(at(21), 99.0)], late_today());
    assert_eq!(p.status, IndicatorStatus::NotMeasured);
}

#[test]
fn a_cumulative_indicator_takes_the_latest_value_not_the_sum() {
    let i = indicator(
        Agg::Cumulative,
        Dir::HigherIsBetter,
        0.0,
        100.0,
        "adhérents",
    );
    // Given out of order: the latest by date is the total.
    let ms = [m(at(40), 45.0), m(at(10), 10.0), m(at(20), 25.0)];
    let p = indicator_progress(&i, &ms, late_today());
    assert!(close(p.current_value, 45.0), "not 80: {p:?}");
    assert_eq!(p.current_date, Some(at(40)));
    // Two on the same day: the last given counts (the store gives them by creation).
    let ms = [m(at(40), 45.0), m(at(40), 47.0)];
    let p = indicator_progress(&i, &ms, late_today());
    assert!(close(p.current_value, 47.0));
}

#[test]
fn a_per_period_total_is_compared_with_the_one_overall_target() {
    // 12 months of 100 beneficiaries against an overall target of 1 200 for the year: the
    // target is reached, it is not 12 × 1 200.
    let mut i = indicator(
        Agg::PerPeriod,
        Dir::HigherIsBetter,
        0.0,
        1200.0,
        "bénéficiaires",
    );
    i.target_date = day(2026, 12, 31);
    let ms: Vec<_> = (1..=12)
        .map(|month| m(day(2026, month, 28), 100.0))
        .collect();
    let p = indicator_progress(&i, &ms, day(2026, 12, 31));
    assert!(close(p.current_value, 1200.0));
    assert!(close(p.achieved, 1.0));
    assert!(close(p.remaining, 0.0));
    assert_eq!(p.status, IndicatorStatus::OnTrack);
    assert!(
        p.explanation.contains("somme de 12\u{a0}mesures"),
        "{}",
        p.explanation
    );
    // Six months in, 600 is on the trajectory.
    let p = indicator_progress(&i, &ms[..6], day(2026, 6, 30));
    assert!(close(p.current_value, 600.0));
    assert_eq!(p.status, IndicatorStatus::OnTrack);
}

#[test]
fn an_average_is_the_mean_of_the_measurements() {
    let i = indicator(Agg::Average, Dir::HigherIsBetter, 5.0, 8.0, "/10");
    let ms = [m(at(30), 6.0), m(at(60), 7.0), m(at(90), 8.0)];
    let p = indicator_progress(&i, &ms, late_today());
    assert!(close(p.current_value, 7.0));
    assert!(close(p.achieved, 2.0 / 3.0));
    assert!(p.explanation.contains("moyenne de 3\u{a0}mesures"));
}

#[test]
fn the_status_at_its_boundaries_higher_is_better() {
    // Half-way through the time (expected 0,5): 40 is 10 points behind, the limit of
    // « En bonne voie »; 25 is 25 points behind, the limit of « À surveiller ».
    let i = indicator(
        Agg::Cumulative,
        Dir::HigherIsBetter,
        0.0,
        100.0,
        "bénéficiaires",
    );
    let status = |value: f64| indicator_progress(&i, &[m(at(50), value)], late_today()).status;
    assert_eq!(status(60.0), IndicatorStatus::OnTrack, "ahead");
    assert_eq!(status(50.0), IndicatorStatus::OnTrack, "on the line");
    assert_eq!(status(40.0), IndicatorStatus::OnTrack, "10 points behind");
    assert_eq!(status(39.9), IndicatorStatus::Watch);
    assert_eq!(status(25.0), IndicatorStatus::Watch, "25 points behind");
    assert_eq!(status(24.9), IndicatorStatus::Late);
    assert_eq!(status(-10.0), IndicatorStatus::Late);
    let p = indicator_progress(&i, &[m(at(50), 30.0)], late_today());
    assert_eq!(
        p.explanation,
        "Au 20\u{a0}février 2026, 30\u{a0}bénéficiaires (dernière valeur, le total)\u{a0}: 30\u{202f}% du chemin de 0\u{a0}bénéficiaires à 100\u{a0}bénéficiaires au 11\u{a0}avril 2026, pour 50\u{202f}% attendus à cette date. 20\u{a0}points de retard\u{a0}: à surveiller (de 10 à 25\u{a0}points de retard)."
    );
}

#[test]
fn the_status_at_its_boundaries_lower_is_better() {
    // 300 → 100: half-way expects 200; 220 is 10 points behind, 250 is 25 points behind.
    let i = indicator(Agg::Cumulative, Dir::LowerIsBetter, 300.0, 100.0, "kg");
    let status = |value: f64| indicator_progress(&i, &[m(at(50), value)], late_today()).status;
    assert_eq!(
        status(150.0),
        IndicatorStatus::OnTrack,
        "ahead, below the line"
    );
    assert_eq!(status(220.0), IndicatorStatus::OnTrack);
    assert_eq!(status(220.2), IndicatorStatus::Watch);
    assert_eq!(status(250.0), IndicatorStatus::Watch);
    assert_eq!(status(250.2), IndicatorStatus::Late);
    assert_eq!(status(320.0), IndicatorStatus::Late, "went up");
    // The same figures read « higher is better » would be wrong: 150 is ahead here only
    // because the target is below.
    let p = indicator_progress(&i, &[m(at(50), 150.0)], late_today());
    assert!(close(p.achieved, 0.75));
    assert!(close(p.remaining, 50.0));
}

#[test]
fn the_trajectory_is_read_at_the_latest_measurements_date() {
    // A measurement at the baseline date expects nothing yet; one after the target date
    // expects everything.
    let i = indicator(
        Agg::Cumulative,
        Dir::HigherIsBetter,
        0.0,
        100.0,
        "bénéficiaires",
    );
    let p = indicator_progress(&i, &[m(at(0), 0.0)], late_today());
    assert!(close(p.expected, 0.0));
    assert_eq!(p.status, IndicatorStatus::OnTrack);
    let p = indicator_progress(&i, &[m(at(200), 85.0)], at(200));
    assert!(close(p.expected, 1.0));
    assert_eq!(
        p.status,
        IndicatorStatus::Late,
        "past the target date, 85 of 100"
    );
}

#[test]
fn past_the_target_date_the_deadline_decides() {
    // 0 → 4 by 30/11/2026, 3 measured on 31/10/2026: « À surveiller » on the target date
    // (3 of 4 when 92 % of the time had passed), « En retard » the day after.
    let mut i = indicator(Agg::Cumulative, Dir::HigherIsBetter, 0.0, 4.0, "ateliers");
    i.baseline_date = day(2026, 1, 1);
    i.target_date = day(2026, 11, 30);
    i.frequency = CollectionFrequency::Monthly;
    let ms = [m(day(2026, 10, 31), 3.0)];
    let p = indicator_progress(&i, &ms, day(2026, 11, 30));
    assert_eq!(p.status, IndicatorStatus::Watch, "{}", p.explanation);
    let p = indicator_progress(&i, &ms, day(2026, 12, 1));
    assert_eq!(p.status, IndicatorStatus::Late, "{}", p.explanation);
    assert!(
        p.explanation.ends_with(
            "\u{a0}: en retard, la date cible (30\u{a0}novembre 2026) est passée sans que la cible soit atteinte (reste 1\u{a0}ateliers)."
        ),
        "{}",
        p.explanation
    );
    // A long way ahead of its trajectory is no excuse once the deadline has passed.
    let ms = [m(day(2026, 2, 1), 3.9)];
    let p = indicator_progress(&i, &ms, day(2027, 6, 1));
    assert_eq!(p.status, IndicatorStatus::Late);
    // Reached: « En bonne voie », the target reached, however old the measurement.
    for value in [4.0, 5.0] {
        let ms = [m(day(2026, 3, 1), value)];
        let p = indicator_progress(&i, &ms, day(2027, 6, 1));
        assert_eq!(p.status, IndicatorStatus::OnTrack, "{}", p.explanation);
        assert!(
            p.explanation.ends_with("cible atteinte."),
            "{}",
            p.explanation
        );
        assert!(!p.explanation.contains("Dernière mesure il y a"));
    }
    // Lower is better: 300 → 100 kg, 120 at the deadline is late, 100 is reached.
    let mut i = indicator(Agg::Cumulative, Dir::LowerIsBetter, 300.0, 100.0, "kg");
    i.frequency = CollectionFrequency::Monthly;
    let late = indicator_progress(&i, &[m(at(95), 120.0)], at(101));
    assert_eq!(late.status, IndicatorStatus::Late);
    assert!(close(late.remaining, 20.0));
    let reached = indicator_progress(&i, &[m(at(95), 100.0)], at(101));
    assert_eq!(reached.status, IndicatorStatus::OnTrack);
}

#[test]
fn a_stale_measurement_is_at_best_to_watch_and_said() {
    // On its trajectory at its latest measurement (50 % at mid-way), but monthly and not
    // measured since: stale once two months have passed.
    let mut i = indicator(Agg::Cumulative, Dir::HigherIsBetter, 0.0, 100.0, "repas");
    i.target_date = day(2027, 12, 31);
    i.frequency = CollectionFrequency::Monthly;
    let june = day(2026, 6, 30);
    let ms = [m(june, 50.0)];
    let fresh = indicator_progress(&i, &ms, day(2026, 8, 30));
    assert_eq!(
        fresh.status,
        IndicatorStatus::OnTrack,
        "{}",
        fresh.explanation
    );
    assert!(fresh.explanation.starts_with("Au 30\u{a0}juin 2026"));
    let stale = indicator_progress(&i, &ms, day(2026, 11, 30));
    assert_eq!(stale.status, IndicatorStatus::Watch);
    assert!(
        stale.explanation.starts_with(
            "Dernière mesure il y a 5\u{a0}mois, pour une collecte mensuelle\u{a0}: au 30\u{a0}juin 2026, 50\u{a0}repas"
        ),
        "{}",
        stale.explanation
    );
    assert!(stale
        .explanation
        .contains("à surveiller, faute de mesure depuis plus de 2\u{a0}périodes de collecte."));
    // Already late on its trajectory: stays late, the age still said.
    let mut by_december = i.clone();
    by_december.target_date = day(2026, 12, 31);
    let ms = [m(june, 5.0)];
    let p = indicator_progress(&by_december, &ms, day(2026, 11, 30));
    assert_eq!(p.status, IndicatorStatus::Late);
    assert!(p
        .explanation
        .starts_with("Dernière mesure il y a 5\u{a0}mois"));
    // The period follows the frequency; a one-off collection is never stale.
    let ms = [m(june, 50.0)];
    for (frequency, today, stale) in [
        (CollectionFrequency::Quarterly, day(2026, 12, 30), false),
        (CollectionFrequency::Quarterly, day(2026, 12, 31), true),
        (CollectionFrequency::HalfYearly, day(2027, 6, 30), false),
        (CollectionFrequency::Yearly, day(2027, 12, 30), false),
        (CollectionFrequency::OneOff, day(2027, 12, 30), false),
    ] {
        i.frequency = frequency;
        let p = indicator_progress(&i, &ms, today);
        assert_eq!(
            p.explanation.starts_with("Dernière mesure il y a"),
            stale,
            "{frequency:?} on {today}: {}",
            p.explanation
        );
        assert_eq!(is_stale(frequency, june, today), stale);
    }
    assert!(!is_stale(
        CollectionFrequency::Monthly,
        june,
        day(2026, 8, 30)
    ));
    assert!(is_stale(
        CollectionFrequency::Monthly,
        june,
        day(2026, 8, 31)
    ));
    assert!(is_stale(CollectionFrequency::Yearly, june, day(2028, 7, 1)));
    // Ages over a year in years and months.
    assert_eq!(age_text(5), "5\u{a0}mois");
    assert_eq!(age_text(12), "1\u{a0}an");
    assert_eq!(age_text(27), "2\u{a0}ans et 3\u{a0}mois");
    assert_eq!(whole_months(june, day(2026, 11, 29)), 4);
    assert_eq!(whole_months(june, day(2026, 11, 30)), 5);
    assert_eq!(whole_months(june, day(2026, 1, 1)), 0);
}

#[test]
fn measurements_before_the_baseline_or_after_today_are_left_out_and_said() {
    let i = indicator(Agg::PerPeriod, Dir::HigherIsBetter, 0.0, 100.0, "repas");
    let ms = [
        m(day(2025, 12, 15), 500.0),
        m(at(10), 10.0),
        m(at(20), 10.0),
        m(at(90), 70.0),
    ];
    let p = indicator_progress(&i, &ms, at(30));
    assert!(close(p.current_value, 20.0));
    assert_eq!(p.current_date, Some(at(20)));
    assert!(p.explanation.contains(
        "Une mesure datée d’avant la date de référence (1er\u{a0}janvier 2026) n’est pas comptée."
    ));
    assert!(p
        .explanation
        .contains("Une mesure datée d’après aujourd’hui n’est pas comptée."));
}

#[test]
fn a_direction_contradicting_the_target_is_said() {
    // Older data: « lower is better » with a target above the baseline.
    let i = indicator(Agg::Cumulative, Dir::LowerIsBetter, 10.0, 20.0, "sessions");
    let p = indicator_progress(&i, &[m(at(50), 15.0)], late_today());
    assert!(close(p.achieved, 0.5));
    assert!(p.explanation.contains("contredit la cible"));
}

#[test]
fn the_series_follows_the_aggregation() {
    let i = indicator(Agg::PerPeriod, Dir::HigherIsBetter, 0.0, 100.0, "repas");
    let ms = [
        m(at(20), 5.0),
        m(at(10), 10.0),
        m(at(10), 1.0),
        m(at(500), 1.0),
    ];
    let series = combined_series(&i, &ms, late_today().min(at(100)));
    let points: Vec<(NaiveDate, f64)> = series.iter().map(|c| (c.date, c.value)).collect();
    assert_eq!(points, [(at(10), 11.0), (at(20), 16.0)]);
    let i = indicator(Agg::Rate, Dir::HigherIsBetter, 0.0, 50.0, "%");
    let ms = [rate(at(10), 1.0, 4.0), rate(at(20), 3.0, 4.0)];
    let series = combined_series(&i, &ms, late_today());
    assert_eq!(series.last().map(|c| c.value), Some(50.0));
    assert_eq!(series.first().map(|c| c.value), Some(25.0));
}

#[test]
fn the_status_rule_is_explained_with_its_tolerances() {
    let text = status_rule_text();
    assert!(text.contains("au plus 10\u{a0}points"), "{text}");
    assert!(text.contains("plus de 25\u{a0}points"));
    assert!(text.contains("date cible passée"), "{text}");
    assert!(text.contains("2\u{a0}périodes de collecte"), "{text}");
    assert!(text.contains("jamais") || text.contains("cible globale"));
    assert!(
        !text.contains(" :") && !text.contains(" ;"),
        "no breaking space before : or ;"
    );
    assert_eq!(ON_TRACK_TOLERANCE, 0.10);
    assert_eq!(WATCH_TOLERANCE, 0.25);
}

#[test]
fn the_status_help_states_the_tolerances_of_the_rule() {
    let on_track = status_help(IndicatorStatus::OnTrack);
    assert!(on_track.contains(&format!("{ON_TRACK_TOLERANCE_POINTS}\u{a0}points")));
    let watch = status_help(IndicatorStatus::Watch);
    assert!(watch.contains(&format!(
        "De {ON_TRACK_TOLERANCE_POINTS} à {WATCH_TOLERANCE_POINTS}\u{a0}points"
    )));
    let late = status_help(IndicatorStatus::Late);
    assert!(late.contains(&format!("{WATCH_TOLERANCE_POINTS}\u{a0}points")));
}

mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::objectives::records::FIGURE_ABS_MAX;

    fn figure() -> impl Strategy<Value = f64> {
        prop_oneof![
            Just(0.0),
            Just(-0.0),
            -1000.0..1000.0_f64,
            -FIGURE_ABS_MAX..FIGURE_ABS_MAX,
        ]
    }

    fn aggregation() -> impl Strategy<Value = Agg> {
        prop::sample::select(Agg::ALL.to_vec())
    }

    fn direction() -> impl Strategy<Value = Dir> {
        prop::sample::select(Dir::ALL.to_vec())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Whatever the figures (validated or not: equal, reversed, huge, a rate without
        /// its parts), the rule gives finite figures or none, a status and a French
        /// explanation, and never NaN.
        #[test]
        fn progress_is_always_finite_and_explained(
            agg in aggregation(),
            dir in direction(),
            baseline in figure(),
            target in figure(),
            span in -30_i64..2_000,
            values in prop::collection::vec(
                (0_u64..3_000, figure(), prop::option::of(figure()), prop::option::of(figure())),
                0..40,
            ),
        ) {
            let mut i = indicator(agg, dir, baseline, target, "%");
            i.target_date = day(2026, 1, 1) + chrono::Duration::days(span);
            let ms: Vec<MeasurementDraft> = values
                .into_iter()
                .map(|(n, value, numerator, denominator)| MeasurementDraft {
                    numerator,
                    denominator,
                    ..m(at(n), value)
                })
                .collect();
            let p = indicator_progress(&i, &ms, day(2030, 1, 1));
            for figure in [p.current_value, p.achieved, p.expected, p.remaining].into_iter().flatten() {
                prop_assert!(figure.is_finite(), "{p:?}");
            }
            if let Some(expected) = p.expected {
                prop_assert!((0.0..=1.0).contains(&expected));
            }
            prop_assert!(!p.explanation.is_empty());
            prop_assert!(!p.explanation.contains("NaN") && !p.explanation.contains("—"), "{}", p.explanation);
            prop_assert_eq!(
                p.status == IndicatorStatus::NotAssessable,
                (baseline - target).abs() <= EQUAL_SHARE * baseline.abs().max(target.abs()).max(1.0),
                "{:?}", p
            );
            for point in combined_series(&i, &ms, day(2030, 1, 1)) {
                prop_assert!(point.value.is_finite());
            }
        }
    }
}
