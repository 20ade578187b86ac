use super::*;
use crate::evaluation::kinds::{IndicatorAggregation, IndicatorDirection, IndicatorLevel};
use crate::evaluation::{indicator_progress, IndicatorStatus};

fn with_ids(indicator: &DemoIndicator) -> IndicatorDraft {
    let mut draft = indicator.draft.clone();
    draft.objective.id = "00000000-0000-4000-8000-000000000000".into();
    draft.owner_partner_id = indicator
        .owner
        .map(|_| "00000000-0000-4000-8000-000000000001".to_string());
    draft
}

#[test]
fn every_record_is_valid_and_the_demo_covers_what_the_issue_asks() {
    let demo = demo_evaluation();
    demo.frame.validated().expect("frame");
    assert_eq!(demo.frame.questions.len(), 3);
    assert!(demo.indicators.len() >= 8);
    for level in IndicatorLevel::ALL {
        assert!(
            demo.indicators.iter().any(|i| i.draft.level == *level),
            "{level:?}"
        );
    }
    for aggregation in IndicatorAggregation::ALL {
        assert!(
            demo.indicators
                .iter()
                .any(|i| i.draft.aggregation == *aggregation),
            "{aggregation:?}"
        );
    }
    assert!(demo
        .indicators
        .iter()
        .any(|i| i.draft.direction == IndicatorDirection::LowerIsBetter));
    let keys = demo
        .indicators
        .iter()
        .filter(|i| i.draft.key_indicator)
        .count();
    assert!((3..=4).contains(&keys), "{keys}");
    let months = demo_months();
    assert_eq!(months.first(), Some(&day(2025, 12, 31)));
    assert_eq!(months.get(2), Some(&day(2026, 2, 28)));
    assert_eq!(months.last(), Some(&day(2026, 11, 30)));
    let year = demo
        .indicators
        .iter()
        .filter(|i| i.measurements.len() == 12)
        .count();
    assert!(year >= 8, "{year} indicators measured monthly for a year");
    for indicator in &demo.indicators {
        let draft = with_ids(indicator)
            .validated()
            .expect(&indicator.draft.name);
        assert!(indicator.owner.is_some_and(|p| p < 5));
        match indicator.objective {
            DemoObjective::Strategic(i) => assert!(i < 3),
            DemoObjective::Operational(i) => assert!(i < 7),
        }
        for m in &indicator.measurements {
            let mut m = m.clone();
            m.indicator_id = "00000000-0000-4000-8000-000000000002".into();
            let valid = m.validated(draft.aggregation).expect(&draft.name);
            assert!((valid.value - m.value).abs() < 1e-9, "{}", draft.name);
        }
    }
    for gap in &demo.gap_analyses {
        let mut draft = gap.draft.clone();
        draft.objective.id = "00000000-0000-4000-8000-000000000000".into();
        draft.validated().expect("gap analysis");
    }
    assert!(demo
        .gap_analyses
        .iter()
        .any(|g| !g.draft.positive_factors.is_empty() && !g.draft.negative_factors.is_empty()));
}

#[test]
fn some_indicators_are_on_track_and_some_late_on_the_first_of_december_2026() {
    let demo = demo_evaluation();
    let today = day(2026, 12, 1);
    let statuses: Vec<(String, IndicatorStatus)> = demo
        .indicators
        .iter()
        .map(|i| {
            (
                i.draft.name.clone(),
                indicator_progress(&with_ids(i), &i.measurements, today).status,
            )
        })
        .collect();
    let count = |s: IndicatorStatus| statuses.iter().filter(|(_, x)| *x == s).count();
    assert!(count(IndicatorStatus::OnTrack) >= 4, "{statuses:#?}");
    assert!(count(IndicatorStatus::Late) >= 1, "{statuses:#?}");
    assert!(count(IndicatorStatus::Watch) >= 1, "{statuses:#?}");
    assert_eq!(count(IndicatorStatus::NotMeasured), 0, "{statuses:#?}");
    // The guide's example is the late one its gap analysis explains.
    assert_eq!(statuses[0].1, IndicatorStatus::Late, "{statuses:#?}");
}
