//! The scoring matrix on a real vault (issue 11, item 4): the five default criteria
//! seeded once, criteria edited through allia-core's rules, scores set and cleared, and
//! the matrix with its ranking (ties, missing scores shown with the matrix), candidates
//! and shortlist.

mod common;

use allia_core::actors::{seeded_criterion_id, ActorPipeline, ActorPipelineStatus, CriterionDraft};
use allia_core::{AllianceDraft, Organisation, PartnerDraft};
use allia_store::{Entity, StoreError, Vault};

fn actor(name: &str, status: ActorPipelineStatus) -> PartnerDraft {
    PartnerDraft {
        organisation: Organisation {
            name: name.into(),
            ..Organisation::default()
        },
        pipeline: ActorPipeline {
            status,
            dismissal_reason: (status == ActorPipelineStatus::Dismissed)
                .then(|| "Trop éloigné du projet".into()),
        },
        ..PartnerDraft::default()
    }
}

fn draft(name: &str, weight: u32) -> CriterionDraft {
    CriterionDraft {
        name: name.into(),
        weight,
    }
}

#[tokio::test]
async fn the_default_criteria_are_seeded_once_with_stable_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::alliance_of_two_partners(dir.path()).await;
    let store = vault.store();
    let first = store
        .criteria(&demo.id)
        .await
        .expect("seeded on first read");
    let names: Vec<&str> = first.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Compatibilité stratégique",
            "Capacité opérationnelle",
            "Complémentarité des compétences",
            "Ancrage territorial",
            "Proximité relationnelle"
        ]
    );
    assert_eq!(first[0].id, seeded_criterion_id(&demo.id, "strategic_fit"));
    let positions: Vec<u32> = first.iter().map(|c| c.position).collect();
    assert_eq!(positions, [0, 1, 2, 3, 4]);
    assert_eq!(store.criteria(&demo.id).await.expect("again"), first);

    // A new alliance has them from its creation.
    let other = store
        .create_alliance(&AllianceDraft {
            name: "Nouvelle alliance".into(),
            ..Default::default()
        })
        .await
        .expect("alliance");
    let seeded = store.criteria(&other.id).await.expect("criteria");
    assert_eq!(seeded.len(), 5);
    assert_eq!(
        seeded[4].id,
        seeded_criterion_id(&other.id, "relational_proximity")
    );
    assert!(matches!(
        store.criteria("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d").await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));
    vault.close().await;

    let vault = Vault::unlock(dir.path(), "phrase de test")
        .await
        .expect("reopen");
    assert_eq!(
        vault.store().criteria(&demo.id).await.expect("read back"),
        first
    );
    vault.close().await;
}

#[tokio::test]
async fn criteria_are_added_renamed_reweighted_reordered_and_removed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::alliance_of_two_partners(dir.path()).await;
    let store = vault.store();
    let all = store
        .add_criterion(&demo.id, &draft("Solidité financière", 3))
        .await
        .expect("add");
    assert_eq!(all.len(), 6);
    assert_eq!(all[5].position, 5);
    let added = all[5].id.clone();
    let (field, message) = common::field_error(
        store
            .add_criterion(&demo.id, &draft("ANCRAGE territorial", 1))
            .await
            .expect_err("same name"),
    );
    assert_eq!(field, "name");
    assert!(message.contains("Ancrage territorial"), "{message}");

    let all = store
        .update_criterion(&added, &draft("Solidité financière et budgétaire", 0))
        .await
        .expect("rename and reweight");
    assert_eq!(all[5].weight, 0);
    assert_eq!(all[5].name, "Solidité financière et budgétaire");
    let (field, _) = common::field_error(
        store
            .update_criterion(&added, &draft("Solidité", 101))
            .await
            .expect_err("weight"),
    );
    assert_eq!(field, "weight");

    let mut order: Vec<String> = all.iter().rev().map(|c| c.id.clone()).collect();
    let reordered = store
        .reorder_criteria(&demo.id, &order)
        .await
        .expect("reorder");
    assert_eq!(reordered[0].id, added);
    assert_eq!(reordered[0].position, 0);
    order.pop();
    let (field, _) = common::field_error(
        store
            .reorder_criteria(&demo.id, &order)
            .await
            .expect_err("one missing"),
    );
    assert_eq!(field, "criteria");

    let mut left = reordered;
    while left.len() > 1 {
        let id = left[0].id.clone();
        left = store.remove_criterion(&id).await.expect("remove");
        let positions: Vec<u32> = left.iter().map(|c| c.position).collect();
        assert_eq!(positions, (0..left.len() as u32).collect::<Vec<_>>());
    }
    let (field, _) = common::field_error(
        store
            .remove_criterion(&left[0].id)
            .await
            .expect_err("the last one"),
    );
    assert_eq!(field, "criteria");
    assert!(matches!(
        store.remove_criterion(&added).await,
        Err(StoreError::NotFound(Entity::ScoringCriterion))
    ));
    vault.close().await;
}

#[tokio::test]
async fn the_matrix_ranks_candidates_shows_ties_and_missing_scores() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::alliance_of_two_partners(dir.path()).await;
    let store = vault.store();
    let mut ids = Vec::new();
    for (name, status) in [
        ("Bravo", ActorPipelineStatus::Retained),
        ("Alpha", ActorPipelineStatus::InDiscussion),
        ("Charlie", ActorPipelineStatus::Identified),
        ("Écarté", ActorPipelineStatus::Dismissed),
    ] {
        ids.push(
            store
                .create_actor(&demo.id, &actor(name, status))
                .await
                .expect("actor")
                .actor
                .id,
        );
    }
    let criteria = store.criteria(&demo.id).await.expect("criteria");
    // Partners (« Engagé ») and dismissed actors are not candidates.
    let matrix = store.scoring_matrix(&demo.id).await.expect("matrix");
    let names: Vec<&str> = matrix.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Bravo", "Alpha", "Charlie"]);
    assert_eq!(matrix.shortlist, [ids[0].clone()]);
    assert_eq!(matrix.criteria, criteria);
    // Nobody scored: the matrix shows, the ranking says which cells are empty.
    assert!(matrix.ranking.is_empty());
    assert_eq!(matrix.ranking_errors.len(), 15);
    assert_eq!(
        matrix.ranking_errors[0].field,
        format!("scores.{}.{}", ids[0], criteria[0].id)
    );
    assert_eq!(
        matrix.ranking_errors[0].message,
        "Il manque la note de «\u{a0}Bravo\u{a0}» pour «\u{a0}Compatibilité stratégique\u{a0}»."
    );

    // Alpha and Bravo tie at 60,00 (weights 2,2,1,1,1); Charlie lower.
    for (who, scores) in [
        (&ids[0], [3, 3, 3, 3, 3]),
        (&ids[1], [4, 2, 3, 3, 3]),
        (&ids[2], [1, 1, 1, 1, 5]),
    ] {
        for (c, s) in criteria.iter().zip(scores) {
            store.set_score(who, &c.id, s).await.expect("score");
        }
    }
    let matrix = store.scoring_matrix(&demo.id).await.expect("matrix");
    assert!(
        matrix.ranking_errors.is_empty(),
        "{:?}",
        matrix.ranking_errors
    );
    let ranking: Vec<(&str, u32, bool, u32)> = matrix
        .ranking
        .iter()
        .map(|r| (r.name.as_str(), r.rank, r.tied, r.score_x100))
        .collect();
    assert_eq!(
        ranking,
        [
            ("Alpha", 1, true, 6000),
            ("Bravo", 1, true, 6000),
            ("Charlie", 3, false, 3143)
        ]
    );

    // A score is replaced, refused over 5, cleared.
    let replaced = store
        .set_score(&ids[2], &criteria[0].id, 5)
        .await
        .expect("replace");
    assert_eq!(replaced.score, 5);
    let (field, _) = common::field_error(
        store
            .set_score(&ids[2], &criteria[0].id, 6)
            .await
            .expect_err("six"),
    );
    assert_eq!(field, "score");
    store
        .clear_score(&ids[2], &criteria[0].id)
        .await
        .expect("clear");
    store
        .clear_score(&ids[2], &criteria[0].id)
        .await
        .expect("clear twice");
    let matrix = store.scoring_matrix(&demo.id).await.expect("matrix");
    assert_eq!(matrix.ranking_errors.len(), 1);
    assert_eq!(
        matrix.ranking_errors[0].field,
        format!("scores.{}.{}", ids[2], criteria[0].id)
    );
    // A criterion removed takes its scores, and the ranking comes back.
    store
        .remove_criterion(&criteria[0].id)
        .await
        .expect("remove");
    let matrix = store.scoring_matrix(&demo.id).await.expect("matrix");
    assert!(matrix.ranking_errors.is_empty());
    assert!(matrix
        .candidates
        .iter()
        .all(|c| !c.scores.contains_key(&criteria[0].id)));
    // A criterion of another alliance is not found for this actor.
    let other = store
        .create_alliance(&AllianceDraft {
            name: "Autre".into(),
            ..Default::default()
        })
        .await
        .expect("other");
    let foreign = store.criteria(&other.id).await.expect("criteria")[0]
        .id
        .clone();
    assert!(matches!(
        store.set_score(&ids[0], &foreign, 3).await,
        Err(StoreError::NotFound(Entity::ScoringCriterion))
    ));
    vault.close().await;
}
