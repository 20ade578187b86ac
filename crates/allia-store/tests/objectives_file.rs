//! The objectives in the alliance file on real vaults (issue 12, item 8): the demo
//! alliance exports its frame, strategic objectives, gaps and operational objectives
//! with their ids; another vault imports them with every id and exports the same file
//! back; a copy gets new ids that still hold together; the import refuses records that
//! name an unknown objective or actor (a partner that left « Engagé » still travels); a
//! re-import adds and updates by id.

mod common;

use allia_core::{read_alliance_file, AllianceFileV2};
use allia_store::ImportMode;

/// The file as another vault reads it: through its JSON, as partners exchange it.
fn through_json(file: &AllianceFileV2) -> AllianceFileV2 {
    let json = file.to_json_string().expect("json");
    match read_alliance_file(json.as_bytes()).expect("reads").content {
        allia_core::FileContent::V2(file) => *file,
        allia_core::FileContent::V1(_) => panic!("format 2"),
    }
}

#[tokio::test]
async fn the_demo_objectives_travel_whole_and_come_back_the_same() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let exported = vault
        .store()
        .export_alliance_file(&demo.id)
        .await
        .expect("export");
    let objectives = exported.objectives.as_ref().expect("objectives");
    assert_eq!(
        objectives.frame.as_ref().and_then(|f| f.horizon_year),
        Some(2030)
    );
    assert_eq!(objectives.strategic.len(), 3);
    assert_eq!(objectives.gaps.len(), 2);
    assert_eq!(objectives.operational.len(), 7);
    assert!(exported.validated_for_import().is_ok());
    let json = exported.to_json_string().expect("json");
    assert!(json.contains("\"objectives\""));
    assert!(json.contains("\"strategicObjectiveId\""));

    let other_dir = tempfile::tempdir().expect("tempdir");
    let other = common::vault(other_dir.path()).await;
    let imported = other
        .store()
        .import_alliance(&through_json(&exported))
        .await
        .expect("import");
    assert_eq!(imported.id, demo.id, "the alliance keeps its id");
    let back = other
        .store()
        .export_alliance_file(&demo.id)
        .await
        .expect("export");
    assert_eq!(
        back.objectives, exported.objectives,
        "every objective with its id, dates and place"
    );
    assert_eq!(
        AllianceFileV2 {
            created_at: exported.created_at,
            ..back
        },
        exported
    );
    // The other vault's overview reads them, in order.
    let overview = other
        .store()
        .objectives_overview(
            &demo.id,
            chrono::NaiveDate::from_ymd_opt(2026, 1, 15).expect("day"),
        )
        .await
        .expect("overview");
    let ids: Vec<&str> = overview
        .strategic
        .iter()
        .flat_map(|s| s.operational.iter().map(|o| o.objective.id.as_str()))
        .collect();
    let file_ids: Vec<&str> = objectives
        .operational
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(ids, file_ids);
    other.close().await;
    vault.close().await;
}

#[tokio::test]
async fn a_copy_gets_new_ids_that_still_hold_together() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let exported = store.export_alliance_file(&demo.id).await.expect("export");
    let copy = store
        .import_alliance_as(&through_json(&exported), ImportMode::Copy)
        .await
        .expect("copy");
    let copied = store.export_alliance_file(&copy.id).await.expect("export");
    let original = exported.objectives.as_ref().expect("objectives");
    let objectives = copied.objectives.as_ref().expect("objectives");
    let actor_ids: Vec<&str> = copied.partners.iter().map(|p| p.id.as_str()).collect();
    let strategic_ids: Vec<&str> = objectives.strategic.iter().map(|s| s.id.as_str()).collect();
    assert!(strategic_ids
        .iter()
        .all(|id| !original.strategic.iter().any(|s| s.id == *id)));
    assert_eq!(objectives.operational.len(), original.operational.len());
    assert!(objectives.operational.iter().all(|o| {
        !original.operational.iter().any(|x| x.id == o.id)
            && strategic_ids.contains(&o.strategic_objective_id.as_str())
            && o.partner_ids
                .iter()
                .all(|p| actor_ids.contains(&p.as_str()))
            && o.owner_partner_id
                .as_deref()
                .is_none_or(|p| actor_ids.contains(&p))
    }));
    assert!(objectives.gaps.iter().all(|g| {
        strategic_ids.contains(&g.strategic_objective_id.as_str())
            && actor_ids.contains(&g.partner_id.as_str())
    }));
    // Same content otherwise.
    let wordings = |o: &allia_core::alliance_file::FileObjectives| -> Vec<String> {
        o.operational.iter().map(|x| x.wording.clone()).collect()
    };
    assert_eq!(wordings(objectives), wordings(original));
    vault.close().await;
}

#[tokio::test]
async fn the_import_refuses_objectives_naming_unknown_records() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let exported = vault
        .store()
        .export_alliance_file(&demo.id)
        .await
        .expect("export");
    let mut file = exported.clone();
    let objectives = file.objectives.as_mut().expect("objectives");
    objectives.operational[1]
        .partner_ids
        .push("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f".into());
    objectives.gaps[0].strategic_objective_id = "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f".into();
    let errors = through_json(&file)
        .validated_for_import()
        .expect_err("refused");
    let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
    assert!(
        fields.contains(&"objectives.operational.2.partnerIds"),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"objectives.gaps.1.strategicObjectiveId"),
        "{fields:?}"
    );
    assert!(errors
        .0
        .iter()
        .all(|e| e.message.starts_with("Aucun") && e.message.contains('«')));
    vault.close().await;
}

#[tokio::test]
async fn a_partner_that_left_engaged_keeps_its_links_and_the_file_still_imports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    // The SMART example concerns all five partners; the fifth one is set aside.
    let partners = store.partners(&demo.id).await.expect("partners");
    let leaving = &partners[4];
    store
        .move_actor(
            &leaving.id,
            allia_core::ActorPipelineStatus::Dismissed,
            Some("S’est retiré de l’alliance."),
        )
        .await
        .expect("dismissed");
    let mut exported = store.export_alliance_file(&demo.id).await.expect("export");
    let objectives = exported.objectives.as_ref().expect("objectives");
    assert!(objectives.operational[0].partner_ids.contains(&leaving.id));
    // The indicators' responsible partners follow the evaluation's own rule: left out.
    exported.evaluation = None;
    let other_dir = tempfile::tempdir().expect("tempdir");
    let other = common::vault(other_dir.path()).await;
    other
        .store()
        .import_alliance(&through_json(&exported))
        .await
        .expect("an exported file imports");
    other.close().await;
    vault.close().await;
}

#[tokio::test]
async fn a_re_import_adds_and_updates_objectives_by_id_and_keeps_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let exported = store.export_alliance_file(&demo.id).await.expect("export");
    let mut changed = exported.clone();
    // Without the evaluation (which names the objective dropped below): the vault's stays.
    changed.evaluation = None;
    let objectives = changed.objectives.as_mut().expect("objectives");
    // The first strategic objective renamed, the last operational one dropped from the
    // file, a new one added under the second strategic objective, the vision changed.
    objectives.strategic[0].title =
        "Mutualiser la comptabilité, la paie et la communication".into();
    let dropped = objectives.operational.pop().expect("last");
    let mut added = objectives.operational[3].clone();
    added.id = "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f".into();
    added.wording = "Former 20 bénévoles à l’accueil des personnes isolées d’ici juin 2027".into();
    added.position = 9;
    objectives.operational.push(added.clone());
    if let Some(frame) = objectives.frame.as_mut() {
        frame.vision = Some("Une vision revue en comité.".into());
    }
    let validated = through_json(&changed)
        .validated_for_import()
        .expect("valid");
    let (_, diff) = store
        .update_alliance_from_file(validated, &[])
        .await
        .expect("update");
    let section = diff
        .sections
        .iter()
        .find(|s| s.section == "objectives")
        .expect("the objectives' section");
    assert_eq!(section.label, "Objectifs");
    assert!(
        section.summary.contains("vision et critères"),
        "{}",
        section.summary
    );
    assert!(
        section.summary.contains("objectifs opérationnels"),
        "{}",
        section.summary
    );
    let after = store.export_alliance_file(&demo.id).await.expect("export");
    let objectives = after.objectives.as_ref().expect("objectives");
    assert_eq!(
        objectives.strategic[0].title,
        "Mutualiser la comptabilité, la paie et la communication"
    );
    assert_eq!(
        objectives.frame.as_ref().and_then(|f| f.vision.as_deref()),
        Some("Une vision revue en comité.")
    );
    // The added one is there, last under its strategic objective; the dropped one kept.
    let under: Vec<(&str, u32)> = objectives
        .operational
        .iter()
        .filter(|o| o.strategic_objective_id == added.strategic_objective_id)
        .map(|o| (o.id.as_str(), o.position))
        .collect();
    assert_eq!(under.last(), Some(&(added.id.as_str(), 2)));
    assert!(objectives.operational.iter().any(|o| o.id == dropped.id));
    assert_eq!(objectives.operational.len(), 8);
    vault.close().await;
}
