//! Measurements: a rate keeps its numerators and denominators, an indicator takes its
//! measurements along when deleted, and an import stores all of its lines or none.

use super::*;

#[tokio::test]
async fn a_rate_keeps_its_numerators_and_denominators_and_an_indicator_takes_its_measurements_along(
) {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let s = setup(store, "Alliance des taux").await;
    let first = store
        .add_indicator(&s.alliance, &indicator(&s.strategic, "Premier"))
        .await
        .expect("first");
    let satisfaction = store
        .add_indicator(&s.alliance, &rate(&s.strategic))
        .await
        .expect("rate");
    let last = store
        .add_indicator(&s.alliance, &indicator(&s.operational, "Dernier"))
        .await
        .expect("last");

    // A rate without its denominator is refused on that field.
    let errors = fields(
        store
            .add_measurement(
                &s.alliance,
                &MeasurementDraft {
                    numerator: Some(3.0),
                    ..measure(&satisfaction.id, day(2026, 1, 31), 60.0)
                },
            )
            .await
            .expect_err("no denominator"),
    );
    assert_eq!(errors, vec!["denominator".to_string()]);
    for (month, (n, d)) in [(1, (30.0, 48.0)), (2, (41.0, 55.0))] {
        store
            .add_measurement(
                &s.alliance,
                &MeasurementDraft {
                    numerator: Some(n),
                    denominator: Some(d),
                    ..measure(&satisfaction.id, day(2026, month, 28), 0.0)
                },
            )
            .await
            .expect("rate measurement");
    }
    let overview = store
        .evaluation_overview(&s.alliance, day(2026, 3, 1))
        .await
        .expect("overview");
    let kept: Vec<_> = overview.indicators[1]
        .measurements
        .iter()
        .map(|m| (m.draft.numerator, m.draft.denominator))
        .collect();
    assert_eq!(
        kept,
        vec![(Some(30.0), Some(48.0)), (Some(41.0), Some(55.0))]
    );

    // A measured indicator cannot become a rate; a rate that stops being one keeps the
    // values and drops the numerators and denominators.
    store
        .add_measurement(&s.alliance, &measure(&first.id, day(2026, 1, 31), 10.0))
        .await
        .expect("first measured");
    let errors = fields(
        store
            .update_indicator(
                &first.id,
                &IndicatorDraft {
                    name: "Premier".into(),
                    ..rate(&s.strategic)
                },
            )
            .await
            .expect_err("to a rate"),
    );
    assert_eq!(errors, vec!["aggregation".to_string()]);
    store
        .update_indicator(
            &satisfaction.id,
            &IndicatorDraft {
                aggregation: IndicatorAggregation::Average,
                ..rate(&s.strategic)
            },
        )
        .await
        .expect("no longer a rate");
    let overview = store
        .evaluation_overview(&s.alliance, day(2026, 3, 1))
        .await
        .expect("overview");
    let values: Vec<_> = overview.indicators[1]
        .measurements
        .iter()
        .map(|m| (m.draft.value, m.draft.numerator, m.draft.denominator))
        .collect();
    assert_eq!(values.len(), 2);
    assert!((values[0].0 - 62.5).abs() < 1e-9);
    assert!(values.iter().all(|v| v.1.is_none() && v.2.is_none()));
    let rate_measurements: Vec<String> = overview.indicators[1]
        .measurements
        .iter()
        .map(|m| m.id.clone())
        .collect();

    // Deleting an indicator takes its measurements; the others close the gap.
    store
        .delete_indicator(&satisfaction.id)
        .await
        .expect("delete indicator");
    for id in &rate_measurements {
        assert!(matches!(
            store.delete_measurement(id).await,
            Err(StoreError::NotFound(Entity::Measurement))
        ));
    }
    let overview = store
        .evaluation_overview(&s.alliance, day(2026, 3, 1))
        .await
        .expect("overview");
    let places: Vec<_> = overview
        .indicators
        .iter()
        .map(|v| (v.indicator.id.clone(), v.indicator.position))
        .collect();
    assert_eq!(places, vec![(first.id.clone(), 0), (last.id.clone(), 1)]);
    assert_eq!(overview.indicators[0].measurements.len(), 1);
    assert!(matches!(
        store.delete_indicator(&satisfaction.id).await,
        Err(StoreError::NotFound(Entity::Indicator))
    ));
    vault.close().await;
}

#[tokio::test]
async fn an_import_of_measurements_stores_all_of_them_or_none() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let s = setup(store, "Alliance des imports").await;
    let other = setup(store, "Une autre alliance").await;
    let count = store
        .add_indicator(&s.alliance, &indicator(&s.strategic, "Bénéficiaires"))
        .await
        .expect("indicator");
    let satisfaction = store
        .add_indicator(&s.alliance, &rate(&s.operational))
        .await
        .expect("rate");
    let elsewhere = store
        .add_indicator(&other.alliance, &indicator(&other.strategic, "Ailleurs"))
        .await
        .expect("elsewhere");

    let good: Vec<MeasurementDraft> = (1..=12)
        .map(|month| measure(&count.id, day(2026, month, 1), f64::from(month) * 10.0))
        .chain([MeasurementDraft {
            numerator: Some(45.0),
            denominator: Some(60.0),
            ..measure(&satisfaction.id, day(2026, 6, 30), 0.0)
        }])
        .collect();

    // Three bad drafts among good ones: nothing is stored, each is named by its index.
    let mut bad = good.clone();
    bad[2].indicator_id = elsewhere.id.clone();
    bad[5].value = f64::NAN;
    bad[12].denominator = None;
    let errors = fields(
        store
            .import_measurements(&s.alliance, &bad)
            .await
            .expect_err("bad import"),
    );
    assert_eq!(IMPORT_LINES_FIELD, "lines");
    assert!(
        errors.contains(&"lines.2.indicatorId".to_string()),
        "{errors:?}"
    );
    assert!(errors.contains(&"lines.5.value".to_string()), "{errors:?}");
    assert!(
        errors.contains(&"lines.12.denominator".to_string()),
        "{errors:?}"
    );
    assert_eq!(errors.len(), 3, "{errors:?}");
    let overview = store
        .evaluation_overview(&s.alliance, day(2026, 12, 31))
        .await
        .expect("overview");
    assert!(
        overview
            .indicators
            .iter()
            .all(|v| v.measurements.is_empty()),
        "nothing imported"
    );

    // The good ones all go in, in one call.
    let stored = store
        .import_measurements(&s.alliance, &good)
        .await
        .expect("import");
    assert_eq!(stored, 13);
    let overview = store
        .evaluation_overview(&s.alliance, day(2026, 12, 31))
        .await
        .expect("overview");
    assert_eq!(overview.indicators[0].measurements.len(), 12);
    let r = &overview.indicators[1].measurements[0].draft;
    assert_eq!((r.numerator, r.denominator), (Some(45.0), Some(60.0)));
    assert!((r.value - 75.0).abs() < 1e-9);
    assert_eq!(
        store
            .import_measurements(&s.alliance, &[])
            .await
            .expect("empty import"),
        0
    );
    vault.close().await;
}
