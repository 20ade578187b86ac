//! The status: its boundaries, the date the trajectory is read at, the deadline, and how it is explained.

use super::*;

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
