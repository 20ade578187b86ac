//! Property tests: whatever the figures, the progress is finite and explained.

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
