//! Every objectives record written and read back in the overview; refusals name the field
//! and unknown ids are not found.

use super::*;

#[tokio::test]
async fn every_record_is_written_and_read_back_in_the_overview() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance, partners) = two_partners(dir.path()).await;
    let store = vault.store();

    // Nothing yet: the default frame, its four criteria, nothing ranked.
    let empty = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("empty");
    assert_eq!(empty.frame, ObjectivesFrameDraft::default());
    assert_eq!(empty.frame.priority_criteria.len(), 4);
    assert!(empty.strategic.is_empty());

    let frame = store
        .save_objectives_frame(
            &alliance.id,
            &ObjectivesFrameDraft {
                vision: Some("  Un territoire où chaque habitant trouve une aide.  ".into()),
                horizon_year: Some(2030),
                ..ObjectivesFrameDraft::default()
            },
        )
        .await
        .expect("frame");
    assert_eq!(
        frame.draft.vision.as_deref(),
        Some("Un territoire où chaque habitant trouve une aide.")
    );
    // Saved again: the same record, changed.
    let again = store
        .save_objectives_frame(
            &alliance.id,
            &ObjectivesFrameDraft {
                horizon_year: Some(2029),
                ..frame.draft.clone()
            },
        )
        .await
        .expect("frame again");
    assert_eq!(
        (again.id.as_str(), again.draft.horizon_year),
        (frame.id.as_str(), Some(2029))
    );

    let s1 = store
        .add_strategic_objective(&alliance.id, &strategic("Mutualiser les fonctions support"))
        .await
        .expect("s1");
    let s2 = store
        .add_strategic_objective(&alliance.id, &strategic("Développer l’activité commune"))
        .await
        .expect("s2");
    assert_eq!((s1.position, s2.position), (0, 1));
    let gap = store
        .add_strategic_gap(
            &alliance.id,
            &StrategicGapDraft {
                strategic_objective_id: s1.id.clone(),
                partner_id: partners[1].clone(),
                description: "Préfère garder sa comptabilité\nen interne".into(),
            },
        )
        .await
        .expect("gap");
    let o1 = store
        .add_operational_objective(
            &alliance.id,
            &operational(
                &s1.id,
                &[&partners[1], &partners[0]],
                "Réduire de 15 % les coûts",
            ),
        )
        .await
        .expect("o1");
    let o2 = store
        .add_operational_objective(
            &alliance.id,
            &operational(&s1.id, &[&partners[0]], "Créer le service partagé"),
        )
        .await
        .expect("o2");
    let o3 = store
        .add_operational_objective(
            &alliance.id,
            &OperationalObjectiveDraft {
                dimension: CooperationDimension::Other,
                custom_dimension: Some("Gouvernance".into()),
                ..operational(&s2.id, &[&partners[1]], "Tenir quatre comités par an")
            },
        )
        .await
        .expect("o3");
    assert_eq!((o1.position, o2.position, o3.position), (0, 1, 0));
    // The partners keep the order chosen.
    assert_eq!(
        o1.draft.partner_ids,
        vec![partners[1].clone(), partners[0].clone()]
    );

    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    assert_eq!(overview.frame, again.draft);
    assert_eq!(overview.strategic.len(), 2);
    let first = &overview.strategic[0];
    assert_eq!(first.objective, s1);
    assert_eq!(first.gaps, vec![gap.clone()]);
    let stored: Vec<&OperationalObjective> =
        first.operational.iter().map(|v| &v.objective).collect();
    assert_eq!(stored, vec![&o1, &o2]);
    assert_eq!(first.operational[0].smart.letters.len(), 5);
    assert_eq!(first.indicator_count, 0);
    assert_eq!(overview.strategic[1].objective, s2);
    assert_eq!(overview.strategic[1].operational[0].objective, o3);
    assert_eq!(
        overview.strategic[1].operational[0]
            .objective
            .draft
            .dimension_label(),
        "Gouvernance"
    );
    // Scores on two of the four criteria: not ranked yet, the missing scores said.
    assert!(overview.priority.ranking.is_empty());
    assert!(!overview.priority.problems.is_empty());

    // Updates.
    let s1b = store
        .update_strategic_objective(
            &s1.id,
            &StrategicObjectiveDraft {
                title: "Mutualiser la comptabilité, les RH et la communication".into(),
                priority_scores: [
                    ("need_urgency", 5),
                    ("collective_value", 4),
                    ("feasibility", 3),
                    ("partner_buy_in", 4),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
                ..s1.draft.clone()
            },
        )
        .await
        .expect("update s1");
    assert_eq!((s1b.id.as_str(), s1b.position), (s1.id.as_str(), 0));
    let gap_b = store
        .update_strategic_gap(
            &gap.id,
            &StrategicGapDraft {
                partner_id: partners[0].clone(),
                ..gap.draft.clone()
            },
        )
        .await
        .expect("update gap");
    assert_eq!(gap_b.draft.partner_id, partners[0]);
    // o1 moves under s2: last there, and o2 closes the gap under s1.
    let o1b = store
        .update_operational_objective(
            &o1.id,
            &OperationalObjectiveDraft {
                strategic_objective_id: s2.id.clone(),
                partner_ids: vec![partners[0].clone()],
                ..o1.draft.clone()
            },
        )
        .await
        .expect("move o1");
    assert_eq!((o1b.position, o1b.draft.partner_ids.len()), (1, 1));
    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    assert_eq!(overview.strategic[0].operational.len(), 1);
    assert_eq!(overview.strategic[0].operational[0].objective.id, o2.id);
    assert_eq!(overview.strategic[0].operational[0].objective.position, 0);
    let under_s2: Vec<&str> = overview.strategic[1]
        .operational
        .iter()
        .map(|v| v.objective.id.as_str())
        .collect();
    assert_eq!(under_s2, vec![o3.id.as_str(), o1.id.as_str()]);

    store
        .delete_strategic_gap(&gap.id)
        .await
        .expect("delete gap");
    assert!(matches!(
        store.delete_strategic_gap(&gap.id).await,
        Err(StoreError::NotFound(Entity::StrategicGap))
    ));
    vault.close().await;
}

#[tokio::test]
async fn refusals_name_the_field_and_unknown_ids_are_not_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance, partners) = two_partners(dir.path()).await;
    let store = vault.store();
    let s1 = store
        .add_strategic_objective(&alliance.id, &strategic("Mutualiser"))
        .await
        .expect("s1");

    // allia-core's validation first.
    let (field, _) = common::field_error(
        store
            .add_strategic_objective(&alliance.id, &strategic("  "))
            .await
            .expect_err("empty title"),
    );
    assert_eq!(field, "title");
    let (field, _) = common::field_error(
        store
            .add_operational_objective(&alliance.id, &operational(&s1.id, &[], "Sans partenaire"))
            .await
            .expect_err("no partner"),
    );
    assert_eq!(field, "partnerIds");

    // An actor of the register not yet engaged is no partner.
    let candidate = store
        .create_actor(
            &alliance.id,
            &PartnerDraft {
                organisation: Organisation {
                    name: "Centre social des Aubiers".into(),
                    ..Organisation::default()
                },
                pipeline: ActorPipeline {
                    status: ActorPipelineStatus::Contacted,
                    dismissal_reason: None,
                },
                ..PartnerDraft::default()
            },
        )
        .await
        .expect("candidate");
    let (field, message) = common::field_error(
        store
            .add_operational_objective(
                &alliance.id,
                &operational(
                    &s1.id,
                    &[&partners[0], &candidate.actor.id],
                    "Avec un candidat",
                ),
            )
            .await
            .expect_err("candidate"),
    );
    assert_eq!(field, "partnerIds");
    assert!(message.contains("Centre social des Aubiers"), "{message}");
    assert!(message.contains("«\u{a0}Engagé\u{a0}»"), "{message}");
    let (field, _) = common::field_error(
        store
            .add_strategic_gap(
                &alliance.id,
                &StrategicGapDraft {
                    strategic_objective_id: s1.id.clone(),
                    partner_id: candidate.actor.id.clone(),
                    description: "Autre vision".into(),
                },
            )
            .await
            .expect_err("gap of a candidate"),
    );
    assert_eq!(field, "partnerId");
    let mut owned_by_candidate = operational(&s1.id, &[&partners[0]], "Piloté par un candidat");
    owned_by_candidate.owner_partner_id = Some(candidate.actor.id.clone());
    let (field, _) = common::field_error(
        store
            .add_operational_objective(&alliance.id, &owned_by_candidate)
            .await
            .expect_err("owner candidate"),
    );
    assert_eq!(field, "ownerPartnerId");

    // Records of another alliance are « not found » here.
    let (_, other_alliance, other_partners) = {
        let other = store
            .create_alliance(&allia_core::AllianceDraft {
                name: "Autre alliance".into(),
                ..Default::default()
            })
            .await
            .expect("other");
        let p = store
            .create_partner(
                &other.id,
                &PartnerDraft {
                    organisation: Organisation {
                        name: "Ailleurs".into(),
                        ..Organisation::default()
                    },
                    ..PartnerDraft::default()
                },
            )
            .await
            .expect("other partner");
        ((), other, vec![p.id])
    };
    assert!(matches!(
        store
            .add_operational_objective(
                &alliance.id,
                &operational(&s1.id, &[&other_partners[0]], "Partenaire d’ailleurs")
            )
            .await,
        Err(StoreError::NotFound(Entity::Partner))
    ));
    assert!(matches!(
        store
            .add_operational_objective(
                &other_alliance.id,
                &operational(&s1.id, &[&other_partners[0]], "Objectif d’ailleurs")
            )
            .await,
        Err(StoreError::NotFound(Entity::StrategicObjective))
    ));
    let unknown = "00000000-0000-4000-8000-000000000000";
    assert!(matches!(
        store
            .update_strategic_objective(unknown, &strategic("X"))
            .await,
        Err(StoreError::NotFound(Entity::StrategicObjective))
    ));
    assert!(matches!(
        store
            .update_operational_objective(unknown, &operational(&s1.id, &[&partners[0]], "X"))
            .await,
        Err(StoreError::NotFound(Entity::OperationalObjective))
    ));
    assert!(matches!(
        store.move_strategic_objective("pas un id", 0).await,
        Err(StoreError::NotFound(Entity::StrategicObjective))
    ));
    assert!(matches!(
        store.objectives_overview(unknown, today()).await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));
    assert!(matches!(
        store
            .delete_objective(
                &other_alliance.id,
                &strategic_ref(&s1),
                &IndicatorFate::Refuse
            )
            .await,
        Err(StoreError::NotFound(Entity::StrategicObjective))
    ));
    vault.close().await;
}
