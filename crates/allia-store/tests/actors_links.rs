//! Links between actors and each actor's proximity log on a real vault (issue 11, items
//! 3 and 5): added, refused twice, edited, deleted, read back in order.

mod common;

use allia_core::actors::{
    ActorPipeline, ActorPipelineStatus, ExchangeEntryDraft, ExchangeKind, InteractionDraft,
    InteractionKind,
};
use allia_core::{AllianceDraft, Organisation, PartnerDraft};
use allia_store::{Entity, StoreError, Vault};
use chrono::NaiveDate;

fn actor(name: &str) -> PartnerDraft {
    PartnerDraft {
        organisation: Organisation {
            name: name.into(),
            ..Organisation::default()
        },
        pipeline: ActorPipeline {
            status: ActorPipelineStatus::Identified,
            dismissal_reason: None,
        },
        ..PartnerDraft::default()
    }
}

fn link(from: &str, kind: InteractionKind, to: &str) -> InteractionDraft {
    InteractionDraft {
        from_actor_id: from.into(),
        to_actor_id: to.into(),
        kind,
        note: Some("Depuis 2024".into()),
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("date")
}

#[tokio::test]
async fn links_are_typed_directed_and_never_twice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::alliance_of_two_partners(dir.path()).await;
    let store = vault.store();
    let region = store
        .create_actor(&demo.id, &actor("Région"))
        .await
        .expect("région")
        .actor
        .id;
    let partners = store.partners(&demo.id).await.expect("partners");
    let maison = partners[0].id.clone();
    let jardins = partners[1].id.clone();

    let funds = store
        .add_interaction(&demo.id, &link(&region, InteractionKind::Finances, &maison))
        .await
        .expect("finances");
    assert_eq!(funds.draft.note.as_deref(), Some("Depuis 2024"));
    // The reverse of a directed link is another link.
    store
        .add_interaction(&demo.id, &link(&maison, InteractionKind::Finances, &region))
        .await
        .expect("the other way");
    let (field, message) = common::field_error(
        store
            .add_interaction(&demo.id, &link(&region, InteractionKind::Finances, &maison))
            .await
            .expect_err("twice"),
    );
    assert_eq!(field, "kind");
    assert_eq!(
        message,
        "Ce lien existe déjà\u{a0}: «\u{a0}Région\u{a0}» finance «\u{a0}Maison des Solidarités du Val de Brenne\u{a0}»."
    );
    // A symmetric kind is one link whichever way it is typed.
    store
        .add_interaction(
            &demo.id,
            &link(&maison, InteractionKind::CooperatesWith, &jardins),
        )
        .await
        .expect("coopère");
    let (_, message) = common::field_error(
        store
            .add_interaction(
                &demo.id,
                &link(&jardins, InteractionKind::CooperatesWith, &maison),
            )
            .await
            .expect_err("reversed twin"),
    );
    assert!(
        message.starts_with("Ce lien existe déjà\u{a0}: «\u{a0}Maison"),
        "{message}"
    );
    // Two different actors, of this alliance.
    let (field, _) = common::field_error(
        store
            .add_interaction(&demo.id, &link(&region, InteractionKind::Advises, &region))
            .await
            .expect_err("itself"),
    );
    assert_eq!(field, "toActorId");
    let other = store
        .create_alliance(&AllianceDraft {
            name: "Autre".into(),
            ..Default::default()
        })
        .await
        .expect("other alliance");
    assert!(matches!(
        store
            .add_interaction(&other.id, &link(&region, InteractionKind::Advises, &maison))
            .await,
        Err(StoreError::NotFound(Entity::Partner))
    ));

    // Edited: kind and note; an edit into an existing link is refused.
    let mut changed = link(&region, InteractionKind::Advises, &maison);
    changed.note = None;
    let edited = store
        .update_interaction(&funds.id, &changed)
        .await
        .expect("edit");
    assert_eq!(edited.draft.kind, InteractionKind::Advises);
    assert_eq!(edited.draft.note, None);
    assert_eq!(edited.created_at, funds.created_at);
    let all = store.interactions(&demo.id).await.expect("links");
    let (_, message) = common::field_error(
        store
            .update_interaction(
                &all[1].id,
                &link(&region, InteractionKind::Advises, &maison),
            )
            .await
            .expect_err("into a twin"),
    );
    assert!(message.contains("conseille"), "{message}");

    store.delete_interaction(&all[1].id).await.expect("delete");
    assert!(matches!(
        store.delete_interaction(&all[1].id).await,
        Err(StoreError::NotFound(Entity::Interaction))
    ));
    vault.close().await;

    let vault = Vault::unlock(dir.path(), "phrase de test")
        .await
        .expect("reopen");
    let kinds: Vec<InteractionKind> = vault
        .store()
        .interactions(&demo.id)
        .await
        .expect("links")
        .into_iter()
        .map(|i| i.draft.kind)
        .collect();
    assert_eq!(
        kinds,
        [InteractionKind::Advises, InteractionKind::CooperatesWith]
    );
    vault.close().await;
}

#[tokio::test]
async fn the_proximity_log_keeps_dated_exchanges_latest_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::alliance_of_two_partners(dir.path()).await;
    let store = vault.store();
    let id = store
        .create_actor(&demo.id, &actor("Fondation du Val"))
        .await
        .expect("actor")
        .actor
        .id;
    let entry = |d: u32, kind: ExchangeKind| ExchangeEntryDraft {
        date: day(d),
        kind,
        notes: Some(" Échange sur le calendrier\r\net le budget ".into()),
        friction_points: vec!["Calendrier".into(), "calendrier ".into(), String::new()],
    };
    let first = store
        .add_exchange(&id, &entry(3, ExchangeKind::Call), day(20))
        .await
        .expect("call");
    assert_eq!(first.draft.friction_points, ["Calendrier"]);
    assert_eq!(
        first.draft.notes.as_deref(),
        Some("Échange sur le calendrier\net le budget")
    );
    store
        .add_exchange(&id, &entry(12, ExchangeKind::Workshop), day(20))
        .await
        .expect("workshop");
    let (field, _) = common::field_error(
        store
            .add_exchange(&id, &entry(21, ExchangeKind::Meeting), day(20))
            .await
            .expect_err("tomorrow"),
    );
    assert_eq!(field, "date");

    let log = store.exchanges(&id).await.expect("log");
    let days: Vec<NaiveDate> = log.iter().map(|e| e.draft.date).collect();
    assert_eq!(days, [day(12), day(3)]);

    let mut changed = entry(4, ExchangeKind::Email);
    changed.friction_points = vec!["Gouvernance".into()];
    let updated = store
        .update_exchange(&first.id, &changed, day(20))
        .await
        .expect("edit");
    assert_eq!(updated.draft.kind, ExchangeKind::Email);
    assert_eq!(updated.draft.friction_points, ["Gouvernance"]);
    assert_eq!(updated.actor_id, id);

    store.delete_exchange(&log[0].id).await.expect("delete");
    assert!(matches!(
        store.delete_exchange(&log[0].id).await,
        Err(StoreError::NotFound(Entity::ExchangeEntry))
    ));
    assert!(matches!(
        store
            .add_exchange("inconnu", &entry(3, ExchangeKind::Call), day(20))
            .await,
        Err(StoreError::NotFound(Entity::Partner))
    ));
    vault.close().await;

    let vault = Vault::unlock(dir.path(), "phrase de test")
        .await
        .expect("reopen");
    let log = vault.store().exchanges(&id).await.expect("log");
    assert_eq!(log.len(), 1);
    assert_eq!(log[0], updated);
    vault.close().await;
}
