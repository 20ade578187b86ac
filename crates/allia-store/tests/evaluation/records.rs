//! Each evaluation record round-trips with its objective, partner and measurements;
//! records naming another alliance's objective or partner, or a candidate, are refused.

use super::*;

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
