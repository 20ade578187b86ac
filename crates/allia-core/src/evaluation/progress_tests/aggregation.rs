//! How each aggregation combines the measurements: rates, cumulative values, per-period totals, averages, the series.

use super::*;

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
