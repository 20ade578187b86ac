//! The overview: the demo alliance evaluated on its objectives, a large evaluation read in
//! one call, the chart's running series, and the summary and one-indicator reads.

use super::*;

#[tokio::test]
async fn the_demo_alliance_is_evaluated_on_its_objectives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let overview = store
        .evaluation_overview(&demo.id, day(2026, 12, 1))
        .await
        .expect("overview");
    assert_eq!(overview.frame.questions.len(), 3);
    assert!(overview
        .frame
        .questions
        .contains(&"L’alliance atteint-elle ses objectifs\u{a0}?".to_string()));
    assert!(overview.indicators.len() >= 8);
    let positions: Vec<u32> = overview
        .indicators
        .iter()
        .map(|v| v.indicator.position)
        .collect();
    assert_eq!(positions, (0..positions.len() as u32).collect::<Vec<_>>());
    let keys = overview
        .indicators
        .iter()
        .filter(|v| v.indicator.draft.key_indicator)
        .count();
    assert!((3..=4).contains(&keys), "{keys}");
    let partners: Vec<String> = store
        .partners(&demo.id)
        .await
        .expect("partners")
        .into_iter()
        .map(|p| p.id)
        .collect();
    for view in &overview.indicators {
        let owner = view.indicator.draft.owner_partner_id.as_ref();
        assert!(owner.is_some_and(|o| partners.contains(o)), "{owner:?}");
        assert!(!view.measurements.is_empty());
    }
    let year = overview
        .indicators
        .iter()
        .filter(|v| v.measurements.len() == 12)
        .count();
    assert!(year >= 8, "{year}");
    use allia_core::evaluation::IndicatorStatus::*;
    let statuses: Vec<_> = overview
        .indicators
        .iter()
        .map(|v| v.progress.status)
        .collect();
    assert!(
        statuses.contains(&OnTrack) && statuses.contains(&Late),
        "{statuses:?}"
    );
    // The rate keeps what it was computed from.
    let rate = overview
        .indicators
        .iter()
        .find(|v| v.indicator.draft.aggregation == IndicatorAggregation::Rate)
        .expect("a rate");
    assert!(rate
        .measurements
        .iter()
        .all(|m| m.draft.numerator.is_some() && m.draft.denominator.is_some()));
    let gap = overview
        .gap_analyses
        .iter()
        .find(|g| g.draft.decision == GapDecision::AdjustAction)
        .expect("a decision to adjust");
    assert!(!gap.draft.positive_factors.is_empty() && !gap.draft.negative_factors.is_empty());
    // Indicators are counted under the objectives they measure.
    let objectives = store
        .objectives_overview(&demo.id, day(2026, 12, 1))
        .await
        .expect("objectives");
    let counted: u32 = objectives
        .strategic
        .iter()
        .map(|s| s.indicator_count + s.operational.iter().map(|o| o.indicator_count).sum::<u32>())
        .sum();
    assert_eq!(counted as usize, overview.indicators.len());
    assert!(objectives.strategic[0].operational[0].indicator_count >= 2);

    // The whole alliance goes at once, its indicators with their objectives.
    store
        .delete_alliance(&demo.id)
        .await
        .expect("delete the demo alliance");
    assert!(matches!(
        store.evaluation_overview(&demo.id, day(2026, 12, 1)).await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));
    vault.close().await;
}

#[tokio::test]
async fn sixty_indicators_with_five_years_of_months_read_in_one_overview() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let alliance = store
        .create_scaled_evaluation(60, 60)
        .await
        .expect("large evaluation");
    let started = std::time::Instant::now();
    let overview = store
        .evaluation_overview(&alliance.id, day(2026, 12, 1))
        .await
        .expect("overview");
    let elapsed = started.elapsed();
    println!("overview of 60 × 60: {elapsed:?}");
    assert_eq!(overview.indicators.len(), 60);
    assert!(overview
        .indicators
        .iter()
        .all(|v| v.measurements.len() == 60));
    use allia_core::evaluation::IndicatorStatus::*;
    for status in [OnTrack, Watch, Late] {
        assert!(
            overview
                .indicators
                .iter()
                .any(|v| v.progress.status == status),
            "{status:?}"
        );
    }
    // Debug builds on a shared machine: a generous bound that still catches a query per
    // indicator or per measurement.
    assert!(elapsed < std::time::Duration::from_secs(3), "{elapsed:?}");
    let file = store
        .export_alliance_file(&alliance.id)
        .await
        .expect("export");
    let json = serde_json::to_vec(&file).expect("json");
    assert!(
        json.len() < allia_core::ALLIANCE_FILE_MAX_BYTES / 4,
        "{}",
        json.len()
    );
    vault.close().await;
}

#[tokio::test]
async fn the_overview_sends_the_running_series_of_the_chart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let s = setup(store, "Alliance des séries").await;
    let workshops = store
        .add_indicator(
            &s.alliance,
            &IndicatorDraft {
                aggregation: IndicatorAggregation::PerPeriod,
                ..indicator(&s.operational, "Ateliers tenus")
            },
        )
        .await
        .expect("indicator");
    // Before the baseline date, twice the same day, and after the day of the read.
    for (date, value) in [
        (day(2025, 12, 15), 100.0),
        (day(2026, 1, 31), 10.0),
        (day(2026, 2, 28), 5.0),
        (day(2026, 2, 28), 3.0),
        (day(2026, 4, 30), 7.0),
    ] {
        store
            .add_measurement(&s.alliance, &measure(&workshops.id, date, value))
            .await
            .expect("measurement");
    }
    let overview = store
        .evaluation_overview(&s.alliance, day(2026, 3, 31))
        .await
        .expect("overview");
    let view = &overview.indicators[0];
    assert_eq!(view.measurements.len(), 5);
    let series: Vec<_> = view
        .series
        .iter()
        .map(|p| (p.date, p.value, p.count))
        .collect();
    // One point per day counted, the running total; the December and April measurements
    // are left out; the last point is the progress's current value.
    assert_eq!(
        series,
        vec![(day(2026, 1, 31), 10.0, 1), (day(2026, 2, 28), 18.0, 3)]
    );
    assert_eq!(view.progress.current_value, Some(18.0));
    assert_eq!(view.progress.current_date, Some(day(2026, 2, 28)));
}

/// « Vue d’ensemble » reads `evaluation_summary` and an opened indicator
/// `evaluation_indicator`: on the demo (several aggregations, a rate) and on the large
/// evaluation of `allia demo --indicators` (60 × 60, every status), they give exactly what
/// the whole overview gives, the summary without measurements or chart lines.
#[tokio::test]
async fn the_summary_and_one_indicator_match_the_whole_overview() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let scaled = store
        .create_scaled_evaluation(60, 60)
        .await
        .expect("scaled evaluation");
    let today = day(2026, 12, 1);
    for alliance in [&demo.id, &scaled.id] {
        let whole = store
            .evaluation_overview(alliance, today)
            .await
            .expect("overview");
        let summary = store
            .evaluation_summary(alliance, today)
            .await
            .expect("summary");
        assert!(!whole.indicators.is_empty());
        assert_eq!(summary.frame, whole.frame);
        assert_eq!(summary.gap_analyses, whole.gap_analyses);
        assert_eq!(summary.indicators.len(), whole.indicators.len());
        for (short, full) in summary.indicators.iter().zip(&whole.indicators) {
            assert_eq!(short.indicator, full.indicator);
            assert_eq!(
                short.progress, full.progress,
                "{}",
                full.indicator.draft.name
            );
            assert!(short.measurements.is_empty() && short.series.is_empty());
            let one = store
                .evaluation_indicator(alliance, &full.indicator.id, today)
                .await
                .expect("one indicator");
            assert_eq!(&one, full);
        }
    }
    let scaled_views = store
        .evaluation_overview(&scaled.id, today)
        .await
        .expect("overview")
        .indicators;
    assert_eq!(
        scaled_views
            .iter()
            .map(|v| v.measurements.len())
            .sum::<usize>(),
        3_600
    );
    // Another alliance's indicator, or no alliance: « not found ».
    let other = &scaled_views[0].indicator.id;
    assert!(matches!(
        store.evaluation_indicator(&demo.id, other, today).await,
        Err(StoreError::NotFound(Entity::Indicator))
    ));
    assert!(matches!(
        store
            .evaluation_summary("00000000-0000-4000-8000-000000000000", today)
            .await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));
}
