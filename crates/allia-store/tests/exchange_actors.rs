//! The actor register in the alliance file on real vaults: the demo alliance exports
//! every actor (not only its partners) with its status and map fields, its links, log,
//! criteria and scores; another vault imports them with every id and exports the same
//! file back; a re-import updates the lists it carries; a copy gets new ids that still
//! hold together.

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
async fn the_demo_register_travels_whole_and_comes_back_the_same() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let exported = vault
        .store()
        .export_alliance_file(&demo.id)
        .await
        .expect("export");
    assert_eq!(
        exported.partners.len(),
        17,
        "every actor, not only partners"
    );
    assert_eq!(
        vault
            .store()
            .partners(&demo.id)
            .await
            .expect("partners")
            .len(),
        5
    );
    assert!(exported.interactions.len() >= 10);
    assert!(!exported.exchanges.is_empty());
    assert_eq!(exported.criteria.len(), 5);
    assert_eq!(exported.scores.len(), 55);
    assert!(exported
        .exchanges
        .iter()
        .any(|e| !e.friction_points.is_empty()));
    assert!(exported.validated_for_import().is_ok());
    // The import's review counts the partners, not every actor.
    let json = exported.to_json_string().expect("json");
    let read = read_alliance_file(json.as_bytes()).expect("reads");
    let review = vault.store().review_import(&read).await.expect("review");
    assert_eq!(review.partner_count, 5);

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
        AllianceFileV2 {
            created_at: exported.created_at,
            ..back
        },
        exported,
        "every actor, link, exchange, criterion and score with its id and dates"
    );
    // The register reads them: the ranking has its tie.
    let matrix = other
        .store()
        .scoring_matrix(&demo.id)
        .await
        .expect("matrix");
    assert!(
        matrix.ranking_errors.is_empty(),
        "{:?}",
        matrix.ranking_errors
    );
    assert_eq!(matrix.ranking.len(), 11);
    assert_eq!(matrix.ranking.iter().filter(|r| r.tied).count(), 2);
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
    let actor_ids: Vec<&str> = copied.partners.iter().map(|p| p.id.as_str()).collect();
    assert!(copied
        .partners
        .iter()
        .all(|p| !exported.partners.iter().any(|o| o.id == p.id)));
    assert_eq!(copied.interactions.len(), exported.interactions.len());
    assert!(copied.interactions.iter().all(|i| {
        actor_ids.contains(&i.from_actor_id.as_str()) && actor_ids.contains(&i.to_actor_id.as_str())
    }));
    let criterion_ids: Vec<&str> = copied.criteria.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(copied.scores.len(), exported.scores.len());
    assert!(copied.scores.iter().all(|s| {
        actor_ids.contains(&s.actor_id.as_str()) && criterion_ids.contains(&s.criterion_id.as_str())
    }));
    vault.close().await;
}

#[tokio::test]
async fn a_re_import_updates_the_lists_it_carries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let exported = store.export_alliance_file(&demo.id).await.expect("export");
    let mut changed = exported.clone();
    // One link fewer, a criterion reweighted, one score changed, an actor set aside.
    changed.interactions.pop();
    changed.criteria[4].weight = 3;
    changed.scores[0].score = if changed.scores[0].score == 0 { 1 } else { 0 };
    let actor = changed
        .partners
        .iter_mut()
        .find(|p| p.pipeline.status == allia_core::ActorPipelineStatus::Identified)
        .expect("an identified actor");
    actor.pipeline = allia_core::ActorPipeline {
        status: allia_core::ActorPipelineStatus::Dismissed,
        dismissal_reason: Some("Ne souhaite pas participer.".into()),
    };
    let dismissed = actor.id.clone();
    let validated = through_json(&changed)
        .validated_for_import()
        .expect("valid");
    let (_, diff) = store
        .update_alliance_from_file(validated, &[])
        .await
        .expect("update");
    let labels: Vec<&str> = diff.sections.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Liens entre acteurs",
            "Critères de sélection",
            "Notes des candidats"
        ]
    );
    assert!(diff.partners_changed.iter().any(|p| p.id == dismissed));
    let after = store.export_alliance_file(&demo.id).await.expect("export");
    assert_eq!(after.interactions, changed.interactions);
    assert_eq!(after.criteria[4].weight, 3);
    assert_eq!(after.scores[0].score, changed.scores[0].score);
    assert_eq!(after.scores.len(), exported.scores.len());
    let status = after
        .partners
        .iter()
        .find(|p| p.id == dismissed)
        .map(|p| p.pipeline.status);
    assert_eq!(status, Some(allia_core::ActorPipelineStatus::Dismissed));

    // A file without the lists (an older Allia's) leaves them as they are.
    let mut older = after.clone();
    older.interactions.clear();
    older.exchanges.clear();
    older.criteria.clear();
    older.scores.clear();
    let validated = through_json(&older).validated_for_import().expect("valid");
    store
        .update_alliance_from_file(validated, &[])
        .await
        .expect("update");
    let kept = store.export_alliance_file(&demo.id).await.expect("export");
    assert_eq!(kept.interactions, after.interactions);
    assert_eq!(kept.scores, after.scores);
    vault.close().await;
}
