//! The actor register on a real vault (issue 11, items 3, 5 and 6): actors at any
//! status beside the partners, moved by the pipeline's rule, promoted to partner without
//! retyping, deleted with their links, logs and scores, and kept while a contract that
//! is no longer a draft names them.

mod common;

use allia_core::actors::{
    ActorAssessmentDraft, ActorPipeline, ActorPipelineStatus, ExchangeEntryDraft, ExchangeKind,
    InteractionDraft, InteractionKind, MapCategory, MapQuadrant,
};
use allia_core::{
    CommitmentsDraft, DocumentKind, DocumentStatus, InKindContribution, Organisation, PartnerDraft,
    PartnerRole, SuspicionReason,
};
use allia_store::{Entity, Store, StoreError, Vault};
use chrono::NaiveDate;

fn actor(name: &str, status: ActorPipelineStatus) -> PartnerDraft {
    PartnerDraft {
        organisation: Organisation {
            name: name.into(),
            city: Some("Tours".into()),
            ..Organisation::default()
        },
        pipeline: ActorPipeline {
            status,
            dismissal_reason: None,
        },
        ..PartnerDraft::default()
    }
}

fn assessed(mut draft: PartnerDraft, influence: u8, interest: u8) -> PartnerDraft {
    draft.assessment = Some(ActorAssessmentDraft {
        category: MapCategory::LocalAuthorities,
        expectations: Some("Réduire l’isolement\ndes aînés".into()),
        influence: Some(influence),
        nuisance: Some(2),
        interest: Some(interest),
        scope: Some("Département".into()),
        synergies: None,
    });
    draft
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("date")
}

fn refused_message(err: StoreError) -> String {
    match err {
        StoreError::Refused(message) => message,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn names(store: &Store, alliance: &str) -> Vec<String> {
    store
        .partners(alliance)
        .await
        .expect("partners")
        .into_iter()
        .map(|p| p.draft.organisation.name)
        .collect()
}

#[tokio::test]
async fn actors_live_beside_the_partners_and_move_by_the_pipelines_rule() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let before = names(store, &demo.id).await;
    // The demo's register has actors of its own beyond its partners.
    let actors_before = store.actors(&demo.id).await.expect("actors").len();
    assert_eq!(before.len(), 5);

    let region = store
        .create_actor(
            &demo.id,
            &assessed(
                actor("Région Centre", ActorPipelineStatus::Identified),
                5,
                4,
            ),
        )
        .await
        .expect("identified actor");
    assert_eq!(region.quadrant, Some(MapQuadrant::AssociateClosely));
    assert!(!region.is_partner);
    let id = region.actor.id.clone();
    assert_eq!(
        region
            .actor
            .draft
            .assessment
            .as_ref()
            .and_then(|a| a.expectations.as_deref()),
        Some("Réduire l’isolement\ndes aînés")
    );

    // Partners, their count and the documents' parties are what they were.
    assert_eq!(names(store, &demo.id).await, before);
    assert_eq!(store.alliance(&demo.id).await.expect("a").partner_count, 5);
    let all = store.actors(&demo.id).await.expect("actors");
    assert_eq!(all.len(), actors_before + 1);
    assert_eq!(all[actors_before].actor.id, id);
    let file = store.export_alliance(&demo.id).await.expect("export");
    assert!(file
        .partners
        .iter()
        .all(|p| p.organisation.name != "Région Centre"));

    // Editing keeps the stored status, whatever the draft says.
    let mut edited = assessed(
        actor("Région Centre-Val de Loire", ActorPipelineStatus::Engaged),
        2,
        4,
    );
    edited.role = PartnerRole::Funder;
    let updated = store.update_actor(&id, &edited).await.expect("edit");
    assert_eq!(
        updated.actor.draft.pipeline.status,
        ActorPipelineStatus::Identified
    );
    assert_eq!(updated.quadrant, Some(MapQuadrant::KeepInformed));
    assert_eq!(
        updated.actor.draft.organisation.name,
        "Région Centre-Val de Loire"
    );

    // Forward by steps, back by one, « Écarté » with its reason, then « Identifié » only.
    let moved = store
        .move_actor(&id, ActorPipelineStatus::Retained, None)
        .await
        .expect("forward");
    assert_eq!(
        moved.actor.draft.pipeline.status,
        ActorPipelineStatus::Retained
    );
    let (field, message) = common::field_error(
        store
            .move_actor(&id, ActorPipelineStatus::Identified, None)
            .await
            .expect_err("three steps back"),
    );
    assert_eq!(field, "status");
    assert!(
        message.starts_with("Depuis «\u{a0}Retenu\u{a0}»"),
        "{message}"
    );
    let (field, _) = common::field_error(
        store
            .move_actor(&id, ActorPipelineStatus::Dismissed, Some("  "))
            .await
            .expect_err("no reason"),
    );
    assert_eq!(field, "dismissalReason");
    let dismissed = store
        .move_actor(
            &id,
            ActorPipelineStatus::Dismissed,
            Some("Hors du territoire"),
        )
        .await
        .expect("dismissed");
    assert_eq!(
        dismissed.actor.draft.pipeline.dismissal_reason.as_deref(),
        Some("Hors du territoire")
    );
    assert_eq!(dismissed.allowed_moves, [ActorPipelineStatus::Identified]);
    let err = store
        .promote_actor(&id, PartnerRole::Funder)
        .await
        .expect_err("a dismissed actor starts again");
    assert_eq!(common::field_error(err).0, "status");
    let again = store
        .move_actor(&id, ActorPipelineStatus::Identified, None)
        .await
        .expect("reconsidered");
    assert_eq!(again.actor.draft.pipeline.dismissal_reason, None);

    // Commitments belong to partners only.
    let premises = CommitmentsDraft {
        financial: vec![],
        in_kind: vec![InKindContribution {
            description: "Une salle".into(),
            value_cents: 10_000,
        }],
    };
    assert!(matches!(
        store.set_commitments(&demo.id, Some(&id), &premises).await,
        Err(StoreError::NotFound(Entity::Partner))
    ));
    // An actor that is not « Engagé » cannot be the association itself.
    let mut own = updated.actor.draft.clone();
    own.own_association = true;
    assert_eq!(
        common::field_error(store.update_actor(&id, &own).await.expect_err("own")).0,
        "ownAssociation"
    );

    // Promoted: the same row, « Engagé » with its role, now among the partners.
    let promoted = store
        .promote_actor(&id, PartnerRole::AssociatedPartner)
        .await
        .expect("promote");
    assert!(promoted.is_partner);
    assert_eq!(promoted.actor.id, id);
    assert_eq!(promoted.actor.draft.role, PartnerRole::AssociatedPartner);
    assert_eq!(
        promoted.actor.draft.organisation.city.as_deref(),
        Some("Tours")
    );
    assert_eq!(
        names(store, &demo.id).await.last().map(String::as_str),
        Some("Région Centre-Val de Loire")
    );
    store
        .set_commitments(&demo.id, Some(&id), &premises)
        .await
        .expect("a partner's commitments");
    let file = store.export_alliance(&demo.id).await.expect("export");
    assert_eq!(file.partners.len(), 6, "a new party of the documents");
    // With commitments recorded it stays « Engagé ».
    let message = refused_message(
        store
            .move_actor(&id, ActorPipelineStatus::Retained, None)
            .await
            .expect_err("commitments"),
    );
    assert!(
        message.contains("a des engagements enregistrés"),
        "{message}"
    );
    vault.close().await;

    // Everything is read back from the file.
    let vault = Vault::unlock(dir.path(), "phrase de test")
        .await
        .expect("reopen");
    let back = vault.store().actor(&id).await.expect("actor");
    assert_eq!(back.actor.draft.pipeline, ActorPipeline::engaged());
    assert_eq!(
        back.actor.draft.assessment.as_ref().map(|a| a.nuisance),
        Some(Some(2))
    );
    vault.close().await;
}

#[tokio::test]
async fn engaged_is_reached_only_by_promotion_with_a_chosen_role() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let before = names(store, &demo.id).await;

    // The status menu never offers « Engagé »; the promotion is offered instead.
    let spotted = store
        .create_actor(
            &demo.id,
            &actor("Mairie de Joué-lès-Tours", ActorPipelineStatus::Identified),
        )
        .await
        .expect("identified actor");
    let id = spotted.actor.id.clone();
    assert!(!spotted
        .allowed_moves
        .contains(&ActorPipelineStatus::Engaged));
    assert!(spotted.can_promote);
    // Typed again in capitals without a city: the lookalike question finds the actor,
    // though it is not a partner.
    let mut again = actor("MAIRIE DE JOUÉ-LÈS-TOURS", ActorPipelineStatus::Identified);
    again.organisation.city = None;
    let found = store
        .partner_lookalikes(&demo.id, &again, None)
        .await
        .expect("lookalikes");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].partner_id.as_deref(), Some(id.as_str()));
    assert_eq!(found[0].suspicion.reason, SuspicionReason::SameNameNoCity);
    assert_eq!(
        found[0].suspicion.label,
        "même nom, sans ville pour les distinguer"
    );
    assert!(store
        .partner_lookalikes(&demo.id, &again, Some(&id))
        .await
        .expect("editing itself")
        .is_empty());

    // A plain move to « Engagé » is refused and says what to do; nothing is stored.
    let (field, message) = common::field_error(
        store
            .move_actor(&id, ActorPipelineStatus::Engaged, None)
            .await
            .expect_err("engaged takes a role"),
    );
    assert_eq!(field, "status");
    assert_eq!(
        message,
        "Pour engager cet acteur, utilisez «\u{a0}Promouvoir en partenaire\u{a0}» et choisissez son rôle dans l’alliance."
    );
    let still = store.actor(&id).await.expect("actor");
    assert_eq!(
        still.actor.draft.pipeline.status,
        ActorPipelineStatus::Identified
    );
    assert!(!still.is_partner);
    assert_eq!(names(store, &demo.id).await, before);

    // Shortlisted, it is still promotable; the role chosen is the one stored.
    let retained = store
        .move_actor(&id, ActorPipelineStatus::Retained, None)
        .await
        .expect("shortlisted");
    assert!(retained.can_promote);
    assert!(!retained
        .allowed_moves
        .contains(&ActorPipelineStatus::Engaged));
    let promoted = store
        .promote_actor(&id, PartnerRole::Funder)
        .await
        .expect("promoted");
    assert!(promoted.is_partner);
    assert_eq!(promoted.actor.draft.role, PartnerRole::Funder);
    assert!(!promoted.can_promote, "a partner already");
    assert_eq!(
        promoted.allowed_moves,
        [
            ActorPipelineStatus::Retained,
            ActorPipelineStatus::Dismissed
        ]
    );
    // Staying « Engagé » moves nothing and keeps the chosen role.
    let stayed = store
        .move_actor(&id, ActorPipelineStatus::Engaged, None)
        .await
        .expect("staying");
    assert_eq!(stayed.actor.draft.role, PartnerRole::Funder);

    // Any status of the funnel may be promoted, straight from « Identifié » too; a
    // dismissed actor may not (it starts again from « Identifié »).
    let other = store
        .create_actor(
            &demo.id,
            &actor("Centre social", ActorPipelineStatus::Identified),
        )
        .await
        .expect("identified actor");
    let promoted = store
        .promote_actor(&other.actor.id, PartnerRole::AssociatedPartner)
        .await
        .expect("promoted from identified");
    assert_eq!(promoted.actor.draft.role, PartnerRole::AssociatedPartner);
    let third = store
        .create_actor(&demo.id, &actor("Club", ActorPipelineStatus::Contacted))
        .await
        .expect("contacted actor");
    let dismissed = store
        .move_actor(
            &third.actor.id,
            ActorPipelineStatus::Dismissed,
            Some("Projet concurrent"),
        )
        .await
        .expect("dismissed");
    assert!(!dismissed.can_promote);
    assert_eq!(
        common::field_error(
            store
                .promote_actor(&third.actor.id, PartnerRole::Funder)
                .await
                .expect_err("dismissed")
        )
        .0,
        "status"
    );
    vault.close().await;
}

#[tokio::test]
async fn deleting_an_actor_takes_its_links_log_and_scores() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    // The demo's register has links and candidates of its own.
    let links_before = store.interactions(&demo.id).await.expect("links").len();
    let candidates_before = store
        .scoring_matrix(&demo.id)
        .await
        .expect("matrix")
        .candidates
        .len();
    let a = store
        .create_actor(
            &demo.id,
            &actor("Fondation A", ActorPipelineStatus::Contacted),
        )
        .await
        .expect("a")
        .actor
        .id;
    let b = store
        .create_actor(
            &demo.id,
            &actor("Entreprise B", ActorPipelineStatus::InDiscussion),
        )
        .await
        .expect("b")
        .actor
        .id;
    for (from, to) in [(&a, &b), (&b, &a)] {
        store
            .add_interaction(
                &demo.id,
                &InteractionDraft {
                    from_actor_id: from.clone(),
                    to_actor_id: to.clone(),
                    kind: InteractionKind::Finances,
                    note: None,
                },
            )
            .await
            .expect("link");
    }
    let entry = ExchangeEntryDraft {
        date: day(3),
        kind: ExchangeKind::Meeting,
        notes: Some("Premier rendez-vous".into()),
        friction_points: vec!["Calendrier".into()],
    };
    store
        .add_exchange(&a, &entry, day(30))
        .await
        .expect("a's log");
    store
        .add_exchange(&b, &entry, day(30))
        .await
        .expect("b's log");
    let criterion = store.criteria(&demo.id).await.expect("criteria")[0]
        .id
        .clone();
    store.set_score(&a, &criterion, 4).await.expect("score a");
    store.set_score(&b, &criterion, 3).await.expect("score b");

    store.delete_actor(&a).await.expect("delete");
    assert_eq!(
        store.interactions(&demo.id).await.expect("links").len(),
        links_before
    );
    assert!(matches!(
        store.exchanges(&a).await,
        Err(StoreError::NotFound(Entity::Partner))
    ));
    assert_eq!(store.exchanges(&b).await.expect("b's log").len(), 1);
    let matrix = store.scoring_matrix(&demo.id).await.expect("matrix");
    assert_eq!(matrix.candidates.len(), candidates_before + 1);
    let b_row = matrix.candidates.iter().find(|c| c.id == b).expect("b");
    assert_eq!(b_row.scores.get(&criterion), Some(&3));
    assert!(matches!(
        store.delete_actor(&a).await,
        Err(StoreError::NotFound(Entity::Partner))
    ));
    vault.close().await;
}

#[tokio::test]
async fn a_party_to_a_frozen_contract_is_kept_and_the_refusal_names_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let partners = store.partners(&demo.id).await.expect("partners");
    let jardins = &partners[1];
    // A draft contract does not hold anyone: the last partner goes.
    let doc = store
        .create_document(
            &demo.id,
            DocumentKind::PartnershipAgreement,
            &common::settings("Convention 2027"),
        )
        .await
        .expect("convention");
    store
        .delete_partner(&partners[4].id)
        .await
        .expect("only a draft names it");

    store
        .set_document_status(&doc.id, DocumentStatus::ReadyToSign)
        .await
        .expect("frozen");
    let message = refused_message(store.delete_actor(&jardins.id).await.expect_err("a party"));
    assert_eq!(
        message,
        "«\u{a0}Les Jardins partagés de Brenne\u{a0}» est partie au contrat «\u{a0}Convention 2027\u{a0}» (version 1, prête à signer)\u{a0}: cet acteur ne peut pas être supprimé\u{a0}; ramenez d’abord cette version au brouillon (Documents) si ses parties doivent changer."
    );
    // The partners' list refuses it the same way.
    assert!(matches!(
        store.delete_partner(&jardins.id).await,
        Err(StoreError::Refused(_))
    ));
    store
        .set_document_status(&doc.id, DocumentStatus::Signed)
        .await
        .expect("signed");
    let message = refused_message(
        store
            .move_actor(&jardins.id, ActorPipelineStatus::Dismissed, Some("Parti"))
            .await
            .expect_err("leaves engaged"),
    );
    assert!(
        message.contains("(version 1, signée)\u{a0}: cet acteur reste «\u{a0}Engagé\u{a0}»"),
        "{message}"
    );
    assert!(
        message.ends_with("un contrat signé garde ses parties."),
        "{message}"
    );
    assert_eq!(
        store
            .actor(&jardins.id)
            .await
            .expect("kept")
            .actor
            .draft
            .pipeline,
        ActorPipeline::engaged()
    );

    // A partner added after the freeze is in no frozen version: it may go.
    let late = store
        .create_partner(
            &demo.id,
            &actor(
                "Les Jardins partagés de Brenne",
                ActorPipelineStatus::Engaged,
            ),
        )
        .await
        .expect("a homonym added later");
    store.delete_actor(&late.id).await.expect("not a party");

    // The association itself stays « Engagé ».
    store
        .update_partner(
            &partners[0].id,
            &PartnerDraft {
                own_association: true,
                ..partners[0].draft.clone()
            },
        )
        .await
        .expect("own association");
    let (field, message) = common::field_error(
        store
            .move_actor(&partners[0].id, ActorPipelineStatus::Retained, None)
            .await
            .expect_err("own association"),
    );
    assert_eq!(field, "status");
    assert!(message.starts_with("C’est votre association"), "{message}");
    vault.close().await;
}
