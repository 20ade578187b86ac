//! The evaluation in the alliance file: it travels with its ids, a later file updates it by
//! id, and an indicator whose partner left « Engagé » still travels.

use super::*;

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
