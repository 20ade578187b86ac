//! The evaluation on a real vault (issue 12, items 3–5): the frame, indicators linked to
//! objectives and partners, measurements (a rate's numerator and denominator kept), gap
//! analyses, the overview read in one call, an import of measurements that stores all or
//! nothing, and the refusals of what names another alliance's records.

mod common;

use allia_core::evaluation::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, EvaluationFrameDraft, EvaluationPurpose,
    GapAnalysisDraft, GapDecision, IndicatorAggregation, IndicatorDirection, IndicatorDraft,
    IndicatorLevel, MeasurementDraft,
};
use allia_core::objectives::{
    CooperationDimension, ObjectiveLevel, ObjectiveRef, OperationalObjectiveDraft,
    StrategicObjectiveDraft,
};
use allia_core::{AllianceDraft, Organisation, PartnerDraft};
use allia_store::{Entity, Store, StoreError, Vault, IMPORT_LINES_FIELD};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn partner(name: &str) -> PartnerDraft {
    PartnerDraft {
        organisation: Organisation {
            name: name.into(),
            city: Some("Tours".into()),
            ..Organisation::default()
        },
        ..PartnerDraft::default()
    }
}

/// An alliance with two partners, a strategic objective and an operational objective
/// under it concerning both partners.
struct Setup {
    alliance: String,
    partners: Vec<String>,
    strategic: ObjectiveRef,
    operational: ObjectiveRef,
}

async fn setup(store: &Store, name: &str) -> Setup {
    let alliance = store
        .create_alliance(&AllianceDraft {
            name: name.into(),
            ..Default::default()
        })
        .await
        .expect("alliance")
        .id;
    let mut partners = Vec::new();
    for p in ["Les Jardins partagés", "Entraide Coteau"] {
        partners.push(
            store
                .create_partner(&alliance, &partner(p))
                .await
                .expect("partner")
                .id,
        );
    }
    let strategic = store
        .add_strategic_objective(
            &alliance,
            &StrategicObjectiveDraft {
                title: "Mutualiser les fonctions support".into(),
                expected_impacts: vec!["Des coûts administratifs maîtrisés".into()],
                ..Default::default()
            },
        )
        .await
        .expect("strategic");
    let operational = store
        .add_operational_objective(
            &alliance,
            &OperationalObjectiveDraft {
                strategic_objective_id: strategic.id.clone(),
                wording: "Réduire de 15 % les coûts administratifs avant juillet 2026".into(),
                dimension: CooperationDimension::Pooling,
                partner_ids: partners.clone(),
                baseline_value: Some(100.0),
                target_value: Some(85.0),
                unit: Some("k€".into()),
                due_date: Some(day(2026, 7, 1)),
                ..Default::default()
            },
        )
        .await
        .expect("operational");
    Setup {
        alliance,
        partners,
        strategic: ObjectiveRef {
            level: ObjectiveLevel::Strategic,
            id: strategic.id,
        },
        operational: ObjectiveRef {
            level: ObjectiveLevel::Operational,
            id: operational.id,
        },
    }
}

fn indicator(objective: &ObjectiveRef, name: &str) -> IndicatorDraft {
    IndicatorDraft {
        objective: objective.clone(),
        name: name.into(),
        level: IndicatorLevel::Results,
        unit: "bénéficiaires".into(),
        direction: IndicatorDirection::HigherIsBetter,
        aggregation: IndicatorAggregation::Cumulative,
        baseline_value: 0.0,
        baseline_date: day(2026, 1, 1),
        target_value: 120.0,
        target_date: day(2026, 12, 31),
        frequency: CollectionFrequency::Monthly,
        owner_partner_id: None,
        owner_person: None,
        data_source: DataSourceKind::MemberSystems,
        source_reference: None,
        method: AnalysisMethod::Quantitative,
        key_indicator: false,
    }
}

fn rate(objective: &ObjectiveRef) -> IndicatorDraft {
    IndicatorDraft {
        name: "Taux de satisfaction des bénéficiaires".into(),
        unit: "%".into(),
        aggregation: IndicatorAggregation::Rate,
        baseline_value: 60.0,
        target_value: 80.0,
        data_source: DataSourceKind::BeneficiarySurvey,
        ..indicator(objective, "")
    }
}

fn measure(indicator_id: &str, date: NaiveDate, value: f64) -> MeasurementDraft {
    MeasurementDraft {
        indicator_id: indicator_id.into(),
        date,
        value,
        numerator: None,
        denominator: None,
        comment: None,
        source: None,
    }
}

fn fields(err: StoreError) -> Vec<String> {
    match err {
        StoreError::Validation(e) => e.0.into_iter().map(|f| f.field).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[tokio::test]
async fn every_record_round_trips_with_its_objective_partner_and_measurements() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let s = setup(store, "Alliance du Coteau").await;
    let today = day(2026, 6, 30);

    let empty = store
        .evaluation_overview(&s.alliance, today)
        .await
        .expect("empty overview");
    assert_eq!(empty.frame, EvaluationFrameDraft::default());
    assert!(empty.indicators.is_empty() && empty.gap_analyses.is_empty());

    // The frame: purposes ordered, repeats and empty questions dropped.
    let frame = store
        .save_evaluation_frame(
            &s.alliance,
            &EvaluationFrameDraft {
                purposes: vec![
                    EvaluationPurpose::Value,
                    EvaluationPurpose::Track,
                    EvaluationPurpose::Value,
                ],
                questions: vec![
                    "L’alliance atteint-elle ses objectifs\u{a0}?".into(),
                    "  ".into(),
                ],
            },
        )
        .await
        .expect("frame");
    assert_eq!(
        frame.draft.purposes,
        vec![EvaluationPurpose::Track, EvaluationPurpose::Value]
    );
    assert_eq!(frame.draft.questions.len(), 1);
    let again = store
        .save_evaluation_frame(
            &s.alliance,
            &EvaluationFrameDraft {
                purposes: vec![EvaluationPurpose::Prove],
                questions: vec!["Les activités produisent-elles les effets attendus\u{a0}?".into()],
            },
        )
        .await
        .expect("frame again");
    assert_eq!(again.id, frame.id, "one frame per alliance, its id kept");
    assert_eq!(again.created_at, frame.created_at);

    // Indicators on both levels of objective, one with a responsible partner.
    let people = store
        .add_indicator(
            &s.alliance,
            &IndicatorDraft {
                owner_partner_id: Some(s.partners[1].clone()),
                owner_person: Some("Camille Martin".into()),
                source_reference: Some("Fichier des adhérents".into()),
                key_indicator: true,
                ..indicator(&s.operational, "Bénéficiaires accompagnés")
            },
        )
        .await
        .expect("indicator");
    let satisfaction = store
        .add_indicator(&s.alliance, &rate(&s.strategic))
        .await
        .expect("rate indicator");
    assert_eq!((people.position, satisfaction.position), (0, 1));

    // Measurements, given out of order; a rate keeps its numerator and denominator.
    let m2 = store
        .add_measurement(&s.alliance, &measure(&people.id, day(2026, 3, 31), 40.0))
        .await
        .expect("m2");
    let m1 = store
        .add_measurement(
            &s.alliance,
            &MeasurementDraft {
                comment: Some("Premier trimestre\nchiffres de janvier".into()),
                source: Some("Tableau de suivi".into()),
                ..measure(&people.id, day(2026, 1, 31), 12.0)
            },
        )
        .await
        .expect("m1");
    let r = store
        .add_measurement(
            &s.alliance,
            &MeasurementDraft {
                numerator: Some(37.0),
                denominator: Some(50.0),
                ..measure(&satisfaction.id, day(2026, 3, 31), 0.0)
            },
        )
        .await
        .expect("rate measurement");
    assert_eq!(
        (r.draft.numerator, r.draft.denominator),
        (Some(37.0), Some(50.0))
    );
    assert!((r.draft.value - 74.0).abs() < 1e-9, "{}", r.draft.value);

    let gap = store
        .add_gap_analysis(
            &s.alliance,
            &GapAnalysisDraft {
                objective: s.operational.clone(),
                date: day(2026, 6, 15),
                positive_factors: vec!["Le service partagé fonctionne".into(), "".into()],
                negative_factors: vec!["Retard du logiciel de paie".into()],
                decision: GapDecision::AdjustAction,
                decision_note: Some("Relancer l’éditeur\navant septembre".into()),
            },
        )
        .await
        .expect("gap analysis");
    assert_eq!(gap.draft.positive_factors.len(), 1);
    let older = store
        .add_gap_analysis(
            &s.alliance,
            &GapAnalysisDraft {
                objective: s.strategic.clone(),
                date: day(2026, 3, 1),
                positive_factors: vec![],
                negative_factors: vec![],
                decision: GapDecision::Continue,
                decision_note: None,
            },
        )
        .await
        .expect("older gap analysis");

    let overview = store
        .evaluation_overview(&s.alliance, today)
        .await
        .expect("overview");
    assert_eq!(overview.frame, again.draft);
    assert_eq!(overview.indicators.len(), 2);
    assert_eq!(overview.indicators[0].indicator, people);
    assert_eq!(overview.indicators[1].indicator, satisfaction);
    assert_eq!(
        overview.indicators[0].measurements,
        vec![m1.clone(), m2.clone()],
        "by date"
    );
    assert_eq!(overview.indicators[1].measurements, vec![r.clone()]);
    assert_eq!(overview.gap_analyses, vec![gap.clone(), older.clone()]);
    assert_eq!(
        overview.indicators[0].progress,
        allia_core::evaluation::indicator_progress(
            &people.draft,
            &[m1.draft.clone(), m2.draft.clone()],
            today
        ),
        "the rule of allia-core on the stored records"
    );

    // Updates keep ids and places.
    let renamed = store
        .update_indicator(
            &satisfaction.id,
            &IndicatorDraft {
                objective: s.operational.clone(),
                key_indicator: true,
                ..rate(&s.strategic)
            },
        )
        .await
        .expect("update indicator");
    assert_eq!(renamed.position, 1);
    assert_eq!(renamed.draft.objective, s.operational);
    assert!(renamed.updated_at >= satisfaction.updated_at);
    let moved = store
        .update_measurement(
            &m1.id,
            &MeasurementDraft {
                comment: None,
                ..measure(&people.id, day(2026, 2, 28), 20.0)
            },
        )
        .await
        .expect("update measurement");
    assert_eq!(
        (moved.id.as_str(), moved.draft.value),
        (m1.id.as_str(), 20.0)
    );
    assert_eq!(moved.created_at, m1.created_at);
    let decided = store
        .update_gap_analysis(
            &older.id,
            &GapAnalysisDraft {
                decision: GapDecision::ReviseTarget,
                ..older.draft.clone()
            },
        )
        .await
        .expect("update gap analysis");
    assert_eq!(decided.draft.decision, GapDecision::ReviseTarget);

    // Deleting.
    store.delete_measurement(&m2.id).await.expect("delete m2");
    store
        .delete_gap_analysis(&gap.id)
        .await
        .expect("delete gap");
    assert!(matches!(
        store.delete_measurement(&m2.id).await,
        Err(StoreError::NotFound(Entity::Measurement))
    ));
    assert!(matches!(
        store.delete_gap_analysis(&gap.id).await,
        Err(StoreError::NotFound(Entity::GapAnalysis))
    ));
    let after = store
        .evaluation_overview(&s.alliance, today)
        .await
        .expect("after");
    assert_eq!(after.indicators[0].measurements, vec![moved]);
    assert_eq!(after.gap_analyses, vec![decided]);

    // The record survives a lock and an unlock.
    vault.close().await;
    let vault = Vault::unlock(dir.path(), "phrase de test")
        .await
        .expect("unlock");
    let reopened = vault
        .store()
        .evaluation_overview(&s.alliance, today)
        .await
        .expect("reopened");
    assert_eq!(reopened, after);
    vault.close().await;
}

#[tokio::test]
async fn records_naming_another_alliance_or_a_candidate_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let a = setup(store, "Alliance A").await;
    let b = setup(store, "Alliance B").await;

    // An objective of another alliance, at either level.
    for objective in [&b.strategic, &b.operational] {
        let err = store
            .add_indicator(&a.alliance, &indicator(objective, "Ailleurs"))
            .await
            .expect_err("objective of B");
        let expected = match objective.level {
            ObjectiveLevel::Strategic => Entity::StrategicObjective,
            ObjectiveLevel::Operational => Entity::OperationalObjective,
        };
        assert!(
            matches!(err, StoreError::NotFound(e) if e == expected),
            "{err:?}"
        );
        let err = store
            .add_gap_analysis(
                &a.alliance,
                &GapAnalysisDraft {
                    objective: objective.clone(),
                    date: day(2026, 5, 1),
                    positive_factors: vec![],
                    negative_factors: vec![],
                    decision: GapDecision::Continue,
                    decision_note: None,
                },
            )
            .await
            .expect_err("gap analysis on B's objective");
        assert!(matches!(err, StoreError::NotFound(_)), "{err:?}");
    }
    // The level says which table: a strategic id named as operational is unknown.
    let err = store
        .add_indicator(
            &a.alliance,
            &indicator(
                &ObjectiveRef {
                    level: ObjectiveLevel::Operational,
                    id: a.strategic.id.clone(),
                },
                "Mauvais niveau",
            ),
        )
        .await
        .expect_err("wrong level");
    assert!(matches!(
        err,
        StoreError::NotFound(Entity::OperationalObjective)
    ));

    // A responsible partner of another alliance, or a candidate not yet engaged.
    let err = store
        .add_indicator(
            &a.alliance,
            &IndicatorDraft {
                owner_partner_id: Some(b.partners[0].clone()),
                ..indicator(&a.strategic, "Partenaire d’ailleurs")
            },
        )
        .await
        .expect_err("partner of B");
    assert!(matches!(err, StoreError::NotFound(Entity::Partner)));
    let candidate = store
        .create_partner(
            &a.alliance,
            &PartnerDraft {
                pipeline: allia_core::actors::ActorPipeline {
                    status: allia_core::actors::ActorPipelineStatus::Identified,
                    dismissal_reason: None,
                },
                ..partner("Candidat du registre")
            },
        )
        .await
        .expect("candidate");
    let err = store
        .add_indicator(
            &a.alliance,
            &IndicatorDraft {
                owner_partner_id: Some(candidate.id),
                ..indicator(&a.strategic, "Candidat responsable")
            },
        )
        .await
        .expect_err("candidate");
    assert!(matches!(err, StoreError::NotFound(Entity::Partner)));

    // A measurement of another alliance's indicator.
    let theirs = store
        .add_indicator(&b.alliance, &indicator(&b.strategic, "Chez B"))
        .await
        .expect("indicator of B");
    let err = store
        .add_measurement(&a.alliance, &measure(&theirs.id, day(2026, 2, 1), 3.0))
        .await
        .expect_err("measurement across alliances");
    assert!(matches!(err, StoreError::NotFound(Entity::Indicator)));

    // Validation comes first, in French, on the draft's fields.
    let mut bad = indicator(&a.strategic, "");
    bad.target_value = bad.baseline_value;
    let errors = fields(
        store
            .add_indicator(&a.alliance, &bad)
            .await
            .expect_err("invalid"),
    );
    assert!(errors.contains(&"name".to_string()), "{errors:?}");
    assert!(errors.contains(&"targetValue".to_string()), "{errors:?}");

    // Nothing of A's was written by the refusals.
    let overview = store
        .evaluation_overview(&a.alliance, day(2026, 6, 1))
        .await
        .expect("overview A");
    assert!(overview.indicators.is_empty() && overview.gap_analyses.is_empty());
    assert!(matches!(
        store
            .evaluation_overview("00000000-0000-4000-8000-000000000000", day(2026, 6, 1))
            .await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));
    vault.close().await;
}

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

/// An alliance with every kind of evaluation record: the frame, a count measured twice,
/// a rate measured once, a gap analysis.
async fn evaluated(store: &Store, name: &str) -> Setup {
    let s = setup(store, name).await;
    store
        .save_evaluation_frame(
            &s.alliance,
            &EvaluationFrameDraft {
                purposes: vec![EvaluationPurpose::Track, EvaluationPurpose::Understand],
                questions: vec!["L’alliance atteint-elle ses objectifs\u{a0}?".into()],
            },
        )
        .await
        .expect("frame");
    let count = store
        .add_indicator(
            &s.alliance,
            &IndicatorDraft {
                owner_partner_id: Some(s.partners[0].clone()),
                key_indicator: true,
                ..indicator(&s.operational, "Bénéficiaires accompagnés")
            },
        )
        .await
        .expect("count");
    let satisfaction = store
        .add_indicator(&s.alliance, &rate(&s.strategic))
        .await
        .expect("rate");
    store
        .import_measurements(
            &s.alliance,
            &[
                measure(&count.id, day(2026, 1, 31), 12.0),
                MeasurementDraft {
                    comment: Some("Après la campagne".into()),
                    ..measure(&count.id, day(2026, 2, 28), 30.0)
                },
                MeasurementDraft {
                    numerator: Some(37.0),
                    denominator: Some(50.0),
                    ..measure(&satisfaction.id, day(2026, 3, 31), 0.0)
                },
            ],
        )
        .await
        .expect("measurements");
    store
        .add_gap_analysis(
            &s.alliance,
            &GapAnalysisDraft {
                objective: s.operational.clone(),
                date: day(2026, 6, 15),
                positive_factors: vec!["Le service partagé fonctionne".into()],
                negative_factors: vec!["Retard du logiciel de paie".into()],
                decision: GapDecision::AdjustAction,
                decision_note: Some("Relancer l’éditeur".into()),
            },
        )
        .await
        .expect("gap analysis");
    s
}

fn read(file: &allia_core::AllianceFileV2) -> allia_core::ReadFile {
    let json = serde_json::to_string_pretty(file).expect("json");
    allia_core::read_alliance_file(json.as_bytes()).expect("readable")
}

#[tokio::test]
async fn the_evaluation_travels_in_the_alliance_file_with_its_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let s = evaluated(store, "Alliance exportée").await;
    let today = day(2026, 6, 30);
    let before = store
        .evaluation_overview(&s.alliance, today)
        .await
        .expect("overview");
    let file = store
        .export_alliance_file(&s.alliance)
        .await
        .expect("export");
    let evaluation = file.evaluation.as_ref().expect("the file carries it");
    assert_eq!(evaluation.indicators.len(), 2);
    assert_eq!(evaluation.measurements.len(), 3);
    assert_eq!(evaluation.gap_analyses.len(), 1);
    let json = serde_json::to_value(&file).expect("json");
    assert_eq!(
        json["evaluation"]["measurements"][2]["denominator"],
        serde_json::json!(50.0),
        "a rate's denominator is written"
    );
    assert!(
        json["evaluation"]["measurements"][0]
            .get("numerator")
            .is_none(),
        "nothing written for what a count lacks"
    );

    // Into another vault: every record keeps its id.
    let other_dir = tempfile::tempdir().expect("tempdir");
    let other = common::vault(other_dir.path()).await;
    let read_back: allia_core::AllianceFileV2 =
        serde_json::from_str(&serde_json::to_string(&file).expect("json")).expect("parsed");
    let imported = other
        .store()
        .import_alliance(&read_back)
        .await
        .expect("import");
    assert_eq!(imported.id, s.alliance);
    let after = other
        .store()
        .evaluation_overview(&s.alliance, today)
        .await
        .expect("overview there");
    assert_eq!(after, before, "ids, places, figures and dates kept");
    let again = other
        .store()
        .export_alliance_file(&s.alliance)
        .await
        .expect("export there");
    assert_eq!(again.evaluation, file.evaluation);

    // A copy in the first vault: new ids everywhere, the links follow them.
    let copy = store.import_alliance(&read_back).await.expect("copy");
    assert_ne!(copy.id, s.alliance);
    let copied = store
        .evaluation_overview(&copy.id, today)
        .await
        .expect("copy overview");
    assert_eq!(copied.indicators.len(), 2);
    for (view, original) in copied.indicators.iter().zip(&before.indicators) {
        assert_ne!(view.indicator.id, original.indicator.id);
        assert_ne!(
            view.indicator.draft.objective.id,
            original.indicator.draft.objective.id
        );
        assert_eq!(view.measurements.len(), original.measurements.len());
        assert!(view
            .measurements
            .iter()
            .all(|m| m.draft.indicator_id == view.indicator.id));
    }
    assert_ne!(
        copied.indicators[0].indicator.draft.owner_partner_id,
        before.indicators[0].indicator.draft.owner_partner_id
    );
    assert!(copied.indicators[0]
        .indicator
        .draft
        .owner_partner_id
        .is_some());
    other.close().await;
    vault.close().await;
}

#[tokio::test]
async fn a_later_file_updates_the_evaluation_by_id_and_keeps_what_it_lacks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let s = evaluated(store, "Alliance mise à jour").await;
    let today = day(2026, 6, 30);
    let mut file = store
        .export_alliance_file(&s.alliance)
        .await
        .expect("export");

    // Meanwhile, this vault adds a measurement the file will not have.
    let overview = store
        .evaluation_overview(&s.alliance, today)
        .await
        .expect("overview");
    let count_id = overview.indicators[0].indicator.id.clone();
    let local = store
        .add_measurement(&s.alliance, &measure(&count_id, day(2026, 3, 31), 41.0))
        .await
        .expect("local measurement");

    // The file renames an indicator, corrects a measurement, adds one, changes the frame.
    let evaluation = file.evaluation.as_mut().expect("evaluation");
    evaluation.indicators[0].name = "Personnes accompagnées".into();
    evaluation.measurements[1].value = 31.0;
    let mut added = evaluation.measurements[0].clone();
    added.id = "6f1c1b8e-3b1a-4c3e-9a53-0d9e4b1f2a77".into();
    added.date = day(2026, 4, 30);
    added.value = 52.0;
    evaluation.measurements.push(added.clone());
    evaluation
        .frame
        .as_mut()
        .expect("frame")
        .questions
        .push("Les activités produisent-elles les effets attendus\u{a0}?".into());

    let review = store.review_import(&read(&file)).await.expect("review");
    let diff = review.existing.expect("already here");
    let listed: Vec<(&str, &str)> = diff
        .sections
        .iter()
        .map(|s| (s.section.as_str(), s.summary.as_str()))
        .collect();
    assert_eq!(
        listed,
        vec![(
            "evaluation",
            "modifié (finalités et questions, indicateurs\u{a0}: 1 indicateur modifié, mesures\u{a0}: 1 mesure ajoutée, 1 modifiée)"
        )]
    );

    store
        .apply_import(
            &read(&file),
            &allia_core::ImportChoices {
                mode: allia_core::ImportMode::Update,
                drop_unknown: false,
                own_association: Vec::new(),
            },
        )
        .await
        .expect("update");
    let after = store
        .evaluation_overview(&s.alliance, today)
        .await
        .expect("after");
    assert_eq!(after.frame.questions.len(), 2);
    assert_eq!(
        after.indicators[0].indicator.draft.name,
        "Personnes accompagnées"
    );
    let values: Vec<(String, f64)> = after.indicators[0]
        .measurements
        .iter()
        .map(|m| (m.id.clone(), m.draft.value))
        .collect();
    assert_eq!(values.len(), 4, "{values:?}");
    assert!(
        values.contains(&(added.id.clone(), 52.0)),
        "added with the file's id"
    );
    assert!(
        values.contains(&(local.id.clone(), 41.0)),
        "the vault's own kept"
    );
    assert_eq!(values[1].1, 31.0, "corrected");

    // The same file again changes nothing more.
    let again = store.review_import(&read(&file)).await.expect("again");
    let diff = again.existing.expect("still here");
    assert!(diff.sections.is_empty(), "{:?}", diff.sections);
    vault.close().await;
}

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
async fn an_indicator_whose_partner_left_engaged_still_travels() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let s = evaluated(store, "Alliance d’un partenaire parti").await;
    // The count's responsible partner goes back to « Retenu »: the link stays.
    store
        .move_actor(
            &s.partners[0],
            allia_core::actors::ActorPipelineStatus::Retained,
            None,
        )
        .await
        .expect("back to retained");
    let before = store
        .evaluation_overview(&s.alliance, day(2026, 6, 30))
        .await
        .expect("overview");
    assert_eq!(
        before.indicators[0]
            .indicator
            .draft
            .owner_partner_id
            .as_deref(),
        Some(s.partners[0].as_str())
    );
    // Editing the indicator keeps that partner; choosing them anew is refused.
    let indicator = &before.indicators[0].indicator;
    store
        .update_indicator(
            &indicator.id,
            &IndicatorDraft {
                owner_person: Some("Léa Bernard".into()),
                ..indicator.draft.clone()
            },
        )
        .await
        .expect("edited, partner kept");
    let err = store
        .update_indicator(
            &before.indicators[1].indicator.id,
            &IndicatorDraft {
                owner_partner_id: Some(s.partners[0].clone()),
                ..before.indicators[1].indicator.draft.clone()
            },
        )
        .await
        .expect_err("no longer a partner");
    assert!(matches!(err, StoreError::NotFound(Entity::Partner)));
    let before = store
        .evaluation_overview(&s.alliance, day(2026, 6, 30))
        .await
        .expect("overview");
    let file = store
        .export_alliance_file(&s.alliance)
        .await
        .expect("export");
    let other_dir = tempfile::tempdir().expect("tempdir");
    let other = common::vault(other_dir.path()).await;
    other
        .store()
        .apply_import(
            &read(&file),
            &allia_core::ImportChoices {
                mode: allia_core::ImportMode::New,
                drop_unknown: false,
                own_association: Vec::new(),
            },
        )
        .await
        .expect("an exported file imports");
    let after = other
        .store()
        .evaluation_overview(&s.alliance, day(2026, 6, 30))
        .await
        .expect("overview there");
    assert_eq!(after, before);

    // Deleted, the partner leaves the indicator without one; the indicator stays.
    store
        .delete_actor(&s.partners[0])
        .await
        .expect("delete the actor");
    let left = store
        .evaluation_overview(&s.alliance, day(2026, 6, 30))
        .await
        .expect("overview");
    assert_eq!(left.indicators.len(), before.indicators.len());
    assert_eq!(left.indicators[0].indicator.draft.owner_partner_id, None);
    assert_eq!(
        left.indicators[0].measurements,
        before.indicators[0].measurements
    );
    other.close().await;
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
