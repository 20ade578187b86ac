//! What the rule says of the measurements it doubts or leaves out: stale, out of range, against the target's direction.

use super::*;

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
        .contains("Une mesure datée d’après le 31\u{a0}janvier 2026 n’est pas comptée."));

    // Several: « ne sont », never « n’sont ».
    let later = [m(at(10), 10.0), m(at(60), 10.0), m(at(90), 70.0)];
    let p = indicator_progress(&i, &later, at(30));
    assert!(
        p.explanation
            .contains("datées d’après le 31\u{a0}janvier 2026 ne sont pas comptées."),
        "{}",
        p.explanation
    );
    assert!(!p.explanation.contains("n’sont"));
}

#[test]
fn a_direction_contradicting_the_target_is_said() {
    // Older data: « lower is better » with a target above the baseline.
    let i = indicator(Agg::Cumulative, Dir::LowerIsBetter, 10.0, 20.0, "sessions");
    let p = indicator_progress(&i, &[m(at(50), 15.0)], late_today());
    assert!(close(p.achieved, 0.5));
    assert!(p.explanation.contains("contredit la cible"));
}
