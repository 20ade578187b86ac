//! The facts of the step-progress rule read from a real vault: each step moves from
//! « Pas commencée » to « En cours » to « Terminée » as its records are written (the
//! actor register's statuses, map, scores and exchanges for steps 3 and 5), the
//! association itself is not counted as a partner, a signed version stays signed when an
//! amendment starts, and an alliance's facts are its own.

mod common;

use allia_core::progress::{AllianceStep, StepProgress, StepStatus};
use allia_core::{
    ActorAssessmentDraft, ActorPipeline, ActorPipelineStatus, AdvisorAnswers, DiagnosticNeedsDraft,
    DocumentKind, DocumentStatus, DossierTexts, ExchangeEntryDraft, ExchangeKind, FigureDraft,
    FigureSourceKind, InteractionDraft, InteractionKind, MapCategory, Organisation, PartnerDraft,
    PartySignature, SwotItemDraft, SwotQuadrant,
};
use allia_store::{Entity, Store, StoreError};

fn status(steps: &[StepProgress], step: AllianceStep) -> StepStatus {
    steps
        .iter()
        .find(|s| s.step == step)
        .map(|s| s.status)
        .expect("every step is listed")
}

fn item(quadrant: SwotQuadrant) -> SwotItemDraft {
    SwotItemDraft {
        quadrant,
        text: format!("Élément {}", quadrant.label()),
        importance: 2,
    }
}

fn partner(name: &str, own: bool) -> PartnerDraft {
    PartnerDraft {
        organisation: Organisation {
            name: name.into(),
            city: Some("Tours".into()),
            ..Organisation::default()
        },
        own_association: own,
        ..PartnerDraft::default()
    }
}

async fn alliance(store: &Store, name: &str) -> String {
    store
        .create_alliance(&allia_core::AllianceDraft {
            name: name.into(),
            ..Default::default()
        })
        .await
        .expect("alliance")
        .id
}

#[tokio::test]
async fn each_step_moves_as_its_records_are_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let id = alliance(store, "Alliance des étapes").await;
    let other = alliance(store, "Une autre alliance").await;

    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(steps.len(), 5);
    assert!(steps.iter().all(|s| s.status == StepStatus::NotStarted));
    assert_eq!(
        store.alliance_facts(&id).await.expect("facts"),
        Default::default()
    );

    // Step 1: one item starts it; every quadrant and the three needs end it.
    store
        .add_swot_item(&id, &item(SwotQuadrant::Weaknesses))
        .await
        .expect("item");
    let facts = store.alliance_facts(&id).await.expect("facts");
    assert_eq!(facts.diagnostic.weaknesses, 1);
    assert_eq!(facts.diagnostic.strengths, 0);
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(
        status(&steps, AllianceStep::Diagnostic),
        StepStatus::InProgress
    );
    assert_eq!(steps[0].status_label, "En cours");
    for quadrant in [
        SwotQuadrant::Strengths,
        SwotQuadrant::Opportunities,
        SwotQuadrant::Threats,
    ] {
        store
            .add_swot_item(&id, &item(quadrant))
            .await
            .expect("item");
    }
    store
        .set_diagnostic_needs(
            &id,
            &DiagnosticNeedsDraft {
                strategic_priorities: Some("Rompre l’isolement des aînés.".into()),
                alliance_expectations: Some("Partager un local et un véhicule.".into()),
                participation_mode: None,
            },
        )
        .await
        .expect("needs");
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(
        steps[0].missing,
        ["Décrivez le mode de participation envisagé."]
    );
    store
        .set_diagnostic_needs(
            &id,
            &DiagnosticNeedsDraft {
                strategic_priorities: Some("Rompre l’isolement des aînés.".into()),
                alliance_expectations: Some("Partager un local et un véhicule.".into()),
                participation_mode: Some("Chef de file.".into()),
            },
        )
        .await
        .expect("needs");
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(status(&steps, AllianceStep::Diagnostic), StepStatus::Done);

    // Step 2: a figure alone creates an empty dossier (no text counts as written).
    store
        .add_dossier_figure(
            &id,
            &FigureDraft {
                label: "Personnes de plus de 75 ans vivant seules".into(),
                value: "1 250".into(),
                unit: Some("personnes".into()),
                year: 2021,
                source_kind: FigureSourceKind::Insee,
                source: "INSEE, recensement de la population".into(),
                link: None,
            },
        )
        .await
        .expect("figure");
    let facts = store.alliance_facts(&id).await.expect("facts");
    assert_eq!(facts.dossier.figures, 1);
    assert!(!facts.dossier.social_need && !facts.dossier.key_actors);
    let texts = DossierTexts {
        social_need: Some("L’isolement des aînés du quartier.".into()),
        collective_response: Some("Aucune structure seule n’a les moyens.".into()),
        argument: Some("Les données de l’INSEE le montrent.".into()),
        key_actors: None,
    };
    store.set_dossier_texts(&id, &texts).await.expect("texts");
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(
        status(&steps, AllianceStep::Project),
        StepStatus::InProgress
    );
    assert_eq!(
        steps[1].missing,
        ["Nommez les acteurs clés à mobiliser, bénéficiaires compris."]
    );
    store
        .set_dossier_texts(
            &id,
            &DossierTexts {
                key_actors: Some("Le CCAS, les bailleurs, les aînés eux-mêmes.".into()),
                ..texts
            },
        )
        .await
        .expect("texts");
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(status(&steps, AllianceStep::Project), StepStatus::Done);

    // Step 3: the association itself is no partner to choose.
    store
        .create_partner(&id, &partner("Les Amis du quartier", true))
        .await
        .expect("own association");
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(
        status(&steps, AllianceStep::Partners),
        StepStatus::NotStarted
    );
    store
        .create_partner(&id, &partner("Centre social des Fontaines", false))
        .await
        .expect("partner");
    let facts = store.alliance_facts(&id).await.expect("facts");
    assert_eq!(facts.actors.engaged, 1, "a partner is an engaged actor");
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(
        status(&steps, AllianceStep::Partners),
        StepStatus::InProgress
    );

    // Step 4: the advisor's answers start it, a version signed by all ends it.
    assert_eq!(
        status(&steps, AllianceStep::Contract),
        StepStatus::NotStarted
    );
    store
        .save_model_advisor(&id, &AdvisorAnswers::default())
        .await
        .expect("empty answers");
    assert!(
        !store
            .alliance_facts(&id)
            .await
            .expect("facts")
            .advisor_answered
    );
    store
        .save_model_advisor(
            &id,
            &AdvisorAnswers {
                partner_count: Some(2),
                ..AdvisorAnswers::default()
            },
        )
        .await
        .expect("answers");
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(
        status(&steps, AllianceStep::Contract),
        StepStatus::InProgress
    );
    let doc = store
        .create_document(
            &id,
            DocumentKind::PartnershipAgreement,
            &common::settings("Convention"),
        )
        .await
        .expect("document");
    assert_eq!(
        store
            .alliance_facts(&id)
            .await
            .expect("facts")
            .documents
            .draft,
        1
    );
    store
        .set_document_status(&doc.id, DocumentStatus::ReadyToSign)
        .await
        .expect("ready");
    let facts = store.alliance_facts(&id).await.expect("facts");
    assert_eq!(
        (facts.documents.draft, facts.documents.ready_to_sign),
        (0, 1)
    );
    for party in ["Les Amis du quartier", "Centre social des Fontaines"] {
        store
            .record_signature(
                &doc.id,
                &PartySignature {
                    party: party.into(),
                    signatory: "Claire Martin".into(),
                    signed_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
                },
            )
            .await
            .expect("signature");
    }
    store
        .set_document_status(&doc.id, DocumentStatus::Signed)
        .await
        .expect("signed");
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(status(&steps, AllianceStep::Contract), StepStatus::Done);
    // Step 5 starts with the signature; no exchange is logged yet.
    assert_eq!(
        status(&steps, AllianceStep::Collaboration),
        StepStatus::InProgress
    );

    // An amendment starts version 2 as a draft: the alliance stays sealed.
    store
        .update_document_settings(&doc.id, &common::settings("Convention modifiée"))
        .await
        .expect("amendment");
    let facts = store.alliance_facts(&id).await.expect("facts");
    assert_eq!((facts.documents.draft, facts.documents.signed), (1, 0));
    assert!(facts.documents.signed_by_all_parties);

    // Step 3 with the register: a candidate identified, placed on the map, scored, met.
    let partners = store.partners(&id).await.expect("partners");
    let centre = partners
        .iter()
        .find(|p| !p.draft.own_association)
        .expect("the centre")
        .id
        .clone();
    let candidate = store
        .create_actor(
            &id,
            &PartnerDraft {
                pipeline: ActorPipeline {
                    status: ActorPipelineStatus::Identified,
                    dismissal_reason: None,
                },
                assessment: Some(ActorAssessmentDraft {
                    category: MapCategory::default(),
                    influence: Some(4),
                    interest: None,
                    ..ActorAssessmentDraft::default()
                }),
                ..partner("Bailleur social du Val", false)
            },
        )
        .await
        .expect("candidate")
        .actor
        .id;
    let facts = store.alliance_facts(&id).await.expect("facts");
    assert_eq!((facts.actors.identified, facts.actors.engaged), (1, 1));
    assert_eq!(
        facts.actors.placed_on_map, 0,
        "the interest is not assessed yet"
    );
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(steps[2].missing.len(), 3, "{:?}", steps[2].missing);

    store
        .update_actor(
            &candidate,
            &PartnerDraft {
                pipeline: ActorPipeline {
                    status: ActorPipelineStatus::Identified,
                    dismissal_reason: None,
                },
                assessment: Some(ActorAssessmentDraft {
                    influence: Some(4),
                    interest: Some(5),
                    ..ActorAssessmentDraft::default()
                }),
                ..partner("Bailleur social du Val", false)
            },
        )
        .await
        .expect("placed");
    let criterion = store.criteria(&id).await.expect("criteria")[0].id.clone();
    store
        .set_score(&candidate, &criterion, 0)
        .await
        .expect("score");
    store
        .add_interaction(
            &id,
            &InteractionDraft {
                from_actor_id: candidate.clone(),
                to_actor_id: centre.clone(),
                kind: InteractionKind::Finances,
                note: None,
            },
        )
        .await
        .expect("link");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
    let exchange = |day: u32| ExchangeEntryDraft {
        date: chrono::NaiveDate::from_ymd_opt(2026, 12, day).expect("date"),
        kind: ExchangeKind::Meeting,
        notes: None,
        friction_points: vec![],
    };
    store
        .add_exchange(&candidate, &exchange(1), today)
        .await
        .expect("exchange");
    let facts = store.alliance_facts(&id).await.expect("facts");
    assert_eq!(
        (
            facts.actors.placed_on_map,
            facts.actors.scored,
            facts.actors.interactions,
            facts.actors.exchanges
        ),
        (1, 1, 1, 1),
        "a score of 0 is a score"
    );
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(status(&steps, AllianceStep::Partners), StepStatus::Done);

    // Step 5: the engaged partner met before the signature (3 December) does not count;
    // met on the day of the signature, it does.
    store
        .add_exchange(&centre, &exchange(2), today)
        .await
        .expect("exchange");
    let facts = store.alliance_facts(&id).await.expect("facts");
    assert_eq!(facts.actors.engaged_met_since_signature, 0);
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(
        status(&steps, AllianceStep::Collaboration),
        StepStatus::InProgress
    );
    store
        .add_exchange(&centre, &exchange(3), today)
        .await
        .expect("exchange");
    let steps = store.alliance_progress(&id).await.expect("progress");
    assert_eq!(
        status(&steps, AllianceStep::Collaboration),
        StepStatus::Done
    );
    assert!(steps.iter().all(|s| s.status == StepStatus::Done));

    // The other alliance saw none of it.
    let steps = store.alliance_progress(&other).await.expect("progress");
    assert!(steps.iter().all(|s| s.status == StepStatus::NotStarted));
    vault.close().await;
}

#[tokio::test]
async fn an_unknown_alliance_is_not_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    for id in ["00000000-0000-4000-8000-000000000000", "pas un identifiant"] {
        assert!(matches!(
            vault.store().alliance_progress(id).await,
            Err(StoreError::NotFound(Entity::Alliance))
        ));
    }
    vault.close().await;
}

#[tokio::test]
async fn the_demo_alliance_has_its_first_steps_under_way() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let facts = vault.store().alliance_facts(&demo.id).await.expect("facts");
    assert!(facts.diagnostic.strengths > 0 && facts.diagnostic.threats > 0);
    assert!(facts.dossier.figures >= 4);
    assert!(facts.actors.total() > 0);
    assert!(facts.advisor_answered);
    // The association itself is in the demo's register but not among its actors.
    let own = vault
        .store()
        .partners(&demo.id)
        .await
        .expect("partners")
        .iter()
        .filter(|p| p.draft.own_association)
        .count();
    let all = vault.store().actors(&demo.id).await.expect("actors").len();
    assert_eq!(facts.actors.total() as usize, all - own);
    let steps = vault
        .store()
        .alliance_progress(&demo.id)
        .await
        .expect("progress");
    assert_eq!(status(&steps, AllianceStep::Diagnostic), StepStatus::Done);
    assert_eq!(status(&steps, AllianceStep::Project), StepStatus::Done);
    assert_ne!(
        status(&steps, AllianceStep::Partners),
        StepStatus::NotStarted
    );
    assert_ne!(
        status(&steps, AllianceStep::Contract),
        StepStatus::NotStarted
    );
    vault.close().await;
}
