//! The objectives on a real vault (issue 12, items 1, 2 and 8): every record written and
//! read back, objectives ↔ partners (only engaged actors, a deleted partner takes its
//! links), strategic objectives reordered with dense positions, the overview read at once,
//! and the deletion rule with its three fates for the indicators (never orphans).

mod common;

use allia_core::actors::{ActorPipeline, ActorPipelineStatus};
use allia_core::evaluation::{IndicatorDraft, MeasurementDraft};
use allia_core::objectives::{
    CooperationDimension, IndicatorFate, ObjectiveLevel, ObjectiveRef, ObjectivesFrameDraft,
    OperationalObjective, OperationalObjectiveDraft, StrategicGapDraft, StrategicObjective,
    StrategicObjectiveDraft,
};
use allia_core::{Alliance, Organisation, PartnerDraft};
use allia_store::{Entity, Store, StoreError, Vault};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn today() -> NaiveDate {
    date(2026, 1, 15)
}

fn strategic(title: &str) -> StrategicObjectiveDraft {
    StrategicObjectiveDraft {
        title: title.into(),
        description: Some("Pourquoi\nsur deux lignes".into()),
        expected_impacts: vec!["Des coûts en baisse".into(), "Des équipes soulagées".into()],
        priority_scores: [
            ("need_urgency".to_string(), 4),
            ("feasibility".to_string(), 3),
        ]
        .into_iter()
        .collect(),
    }
}

fn operational(strategic_id: &str, partners: &[&str], wording: &str) -> OperationalObjectiveDraft {
    OperationalObjectiveDraft {
        strategic_objective_id: strategic_id.into(),
        wording: wording.into(),
        dimension: CooperationDimension::Pooling,
        custom_dimension: None,
        partner_ids: partners.iter().map(|p| p.to_string()).collect(),
        baseline_value: Some(100.0),
        target_value: Some(85.0),
        unit: Some("%".into()),
        scope: Some("les associations membres".into()),
        owner_partner_id: partners.first().map(|p| p.to_string()),
        owner_person: Some("Claire Martin".into()),
        start_date: Some(date(2025, 12, 1)),
        due_date: Some(date(2026, 6, 30)),
    }
}

fn indicator(objective: ObjectiveRef, name: &str) -> IndicatorDraft {
    IndicatorDraft {
        objective,
        name: name.into(),
        unit: "€".into(),
        baseline_value: 100.0,
        baseline_date: date(2025, 12, 1),
        target_value: 150.0,
        target_date: date(2026, 6, 30),
        ..IndicatorDraft::default()
    }
}

fn strategic_ref(o: &StrategicObjective) -> ObjectiveRef {
    ObjectiveRef {
        level: ObjectiveLevel::Strategic,
        id: o.id.clone(),
    }
}

fn operational_ref(o: &OperationalObjective) -> ObjectiveRef {
    ObjectiveRef {
        level: ObjectiveLevel::Operational,
        id: o.id.clone(),
    }
}

/// A vault with an alliance of two partners, and their ids.
async fn two_partners(dir: &std::path::Path) -> (Vault, Alliance, Vec<String>) {
    let (vault, alliance) = common::alliance_of_two_partners(dir).await;
    let ids = vault
        .store()
        .partners(&alliance.id)
        .await
        .expect("partners")
        .into_iter()
        .map(|p| p.id)
        .collect();
    (vault, alliance, ids)
}

async fn titles(store: &Store, alliance: &str) -> Vec<(String, u32)> {
    store
        .objectives_overview(alliance, today())
        .await
        .expect("overview")
        .strategic
        .into_iter()
        .map(|s| (s.objective.draft.title, s.objective.position))
        .collect()
}

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

#[tokio::test]
async fn a_deleted_partner_takes_its_links_and_gaps_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance, partners) = two_partners(dir.path()).await;
    let store = vault.store();
    let s1 = store
        .add_strategic_objective(&alliance.id, &strategic("Mutualiser"))
        .await
        .expect("s1");
    let both = store
        .add_operational_objective(
            &alliance.id,
            &operational(&s1.id, &[&partners[0], &partners[1]], "Pour les deux"),
        )
        .await
        .expect("both");
    let mut owned = operational(&s1.id, &[&partners[0]], "Piloté par le second");
    owned.owner_partner_id = Some(partners[1].clone());
    let owned = store
        .add_operational_objective(&alliance.id, &owned)
        .await
        .expect("owned");
    store
        .add_strategic_gap(
            &alliance.id,
            &StrategicGapDraft {
                strategic_objective_id: s1.id.clone(),
                partner_id: partners[1].clone(),
                description: "Autre vision".into(),
            },
        )
        .await
        .expect("gap");

    store
        .delete_partner(&partners[1])
        .await
        .expect("delete partner");
    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    let view = &overview.strategic[0];
    assert!(view.gaps.is_empty());
    assert_eq!(view.operational[0].objective.id, both.id);
    assert_eq!(
        view.operational[0].objective.draft.partner_ids,
        vec![partners[0].clone()]
    );
    assert_eq!(view.operational[1].objective.id, owned.id);
    assert_eq!(view.operational[1].objective.draft.owner_partner_id, None);
    vault.close().await;
}

#[tokio::test]
async fn strategic_objectives_move_with_dense_positions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance, _) = two_partners(dir.path()).await;
    let store = vault.store();
    let mut ids = Vec::new();
    for title in ["A", "B", "C", "D"] {
        ids.push(
            store
                .add_strategic_objective(&alliance.id, &strategic(title))
                .await
                .expect("add")
                .id,
        );
    }
    store
        .move_strategic_objective(&ids[3], 0)
        .await
        .expect("D first");
    store
        .move_strategic_objective(&ids[0], 2)
        .await
        .expect("A third");
    let expected: Vec<(String, u32)> = [("D", 0), ("B", 1), ("A", 2), ("C", 3)]
        .into_iter()
        .map(|(t, p)| (t.to_string(), p))
        .collect();
    assert_eq!(titles(store, &alliance.id).await, expected);
    // Past the end means last.
    store
        .move_strategic_objective(&ids[3], 99)
        .await
        .expect("D last");
    let expected: Vec<(String, u32)> = [("B", 0), ("A", 1), ("C", 2), ("D", 3)]
        .into_iter()
        .map(|(t, p)| (t.to_string(), p))
        .collect();
    assert_eq!(titles(store, &alliance.id).await, expected);
    // A deletion closes the gap.
    store
        .delete_objective(
            &alliance.id,
            &ObjectiveRef {
                level: ObjectiveLevel::Strategic,
                id: ids[0].clone(),
            },
            &IndicatorFate::Refuse,
        )
        .await
        .expect("delete A");
    let expected: Vec<(String, u32)> = [("B", 0), ("C", 1), ("D", 2)]
        .into_iter()
        .map(|(t, p)| (t.to_string(), p))
        .collect();
    assert_eq!(titles(store, &alliance.id).await, expected);
    vault.close().await;
}

/// An alliance with two strategic objectives: the first with two operational ones,
/// indicators on the first strategic objective, on each of its operational ones (one
/// with a measurement) and on the second strategic objective.
struct Tree {
    s1: StrategicObjective,
    s2: StrategicObjective,
    o1: OperationalObjective,
    o2: OperationalObjective,
    o3: OperationalObjective,
}

async fn tree(store: &Store, alliance: &str, partners: &[String]) -> Tree {
    let s1 = store
        .add_strategic_objective(alliance, &strategic("Mutualiser"))
        .await
        .expect("s1");
    let s2 = store
        .add_strategic_objective(alliance, &strategic("Communiquer"))
        .await
        .expect("s2");
    let o1 = store
        .add_operational_objective(alliance, &operational(&s1.id, &[&partners[0]], "O1"))
        .await
        .expect("o1");
    let o2 = store
        .add_operational_objective(alliance, &operational(&s1.id, &[&partners[1]], "O2"))
        .await
        .expect("o2");
    let o3 = store
        .add_operational_objective(alliance, &operational(&s2.id, &[&partners[1]], "O3"))
        .await
        .expect("o3");
    for (objective, name) in [
        (strategic_ref(&s1), "Coûts administratifs"),
        (operational_ref(&o1), "Fonctions mutualisées"),
        (operational_ref(&o2), "Heures de formation"),
        (strategic_ref(&s2), "Articles publiés"),
    ] {
        let added = store
            .add_indicator(alliance, &indicator(objective, name))
            .await
            .expect("indicator");
        if name == "Fonctions mutualisées" {
            store
                .add_measurement(
                    alliance,
                    &MeasurementDraft {
                        indicator_id: added.id.clone(),
                        date: date(2026, 1, 1),
                        value: 95.0,
                        numerator: None,
                        denominator: None,
                        comment: None,
                        source: None,
                    },
                )
                .await
                .expect("measurement");
        }
    }
    Tree { s1, s2, o1, o2, o3 }
}

/// Indicator names by the objective they measure, from the evaluation's overview.
async fn indicators_by_objective(store: &Store, alliance: &str) -> Vec<(String, String, usize)> {
    let mut all: Vec<(String, String, usize)> = store
        .evaluation_overview(alliance, today())
        .await
        .expect("evaluation")
        .indicators
        .into_iter()
        .map(|v| {
            (
                v.indicator.draft.objective.id.clone(),
                v.indicator.draft.name.clone(),
                v.measurements.len(),
            )
        })
        .collect();
    all.sort();
    all
}

#[tokio::test]
async fn deleting_an_objective_with_indicators_asks_then_deletes_or_moves_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance, partners) = two_partners(dir.path()).await;
    let store = vault.store();
    let t = tree(store, &alliance.id, &partners).await;

    // Refuse: the message says how many (the strategic one's own and its operational ones').
    let message = match store
        .delete_objective(&alliance.id, &strategic_ref(&t.s1), &IndicatorFate::Refuse)
        .await
    {
        Err(StoreError::Refused(message)) => message,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert!(message.contains("3\u{a0}indicateurs"), "{message}");
    let message = match store
        .delete_objective(
            &alliance.id,
            &operational_ref(&t.o2),
            &IndicatorFate::Refuse,
        )
        .await
    {
        Err(StoreError::Refused(message)) => message,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert!(message.contains("1\u{a0}indicateur\u{a0}:"), "{message}");
    // Nothing changed.
    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    assert_eq!(overview.strategic[0].indicator_count, 1);
    assert_eq!(overview.strategic[0].operational.len(), 2);
    assert_eq!(overview.strategic[0].operational[0].indicator_count, 1);

    // Moving to an objective deleted at the same time is refused, on `fate`.
    for target in [strategic_ref(&t.s1), operational_ref(&t.o1)] {
        let (field, message) = common::field_error(
            store
                .delete_objective(
                    &alliance.id,
                    &strategic_ref(&t.s1),
                    &IndicatorFate::MoveTo(target),
                )
                .await
                .expect_err("move to a doomed objective"),
        );
        assert_eq!(field, "fate");
        assert!(message.contains("supprimé en même temps"), "{message}");
    }
    // … and to one that does not exist.
    let (field, _) = common::field_error(
        store
            .delete_objective(
                &alliance.id,
                &strategic_ref(&t.s1),
                &IndicatorFate::MoveTo(ObjectiveRef {
                    level: ObjectiveLevel::Operational,
                    id: "00000000-0000-4000-8000-000000000000".into(),
                }),
            )
            .await
            .expect_err("move to nowhere"),
    );
    assert_eq!(field, "fate");

    // MoveTo: the first strategic objective and its two operational ones go; their three
    // indicators (and the measurement) now measure O3.
    store
        .delete_objective(
            &alliance.id,
            &strategic_ref(&t.s1),
            &IndicatorFate::MoveTo(operational_ref(&t.o3)),
        )
        .await
        .expect("delete s1, move");
    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    assert_eq!(overview.strategic.len(), 1);
    assert_eq!(overview.strategic[0].objective.id, t.s2.id);
    assert_eq!(overview.strategic[0].objective.position, 0);
    assert_eq!(overview.strategic[0].operational[0].indicator_count, 3);
    let moved = indicators_by_objective(store, &alliance.id).await;
    let expected: Vec<(String, String, usize)> = vec![
        (t.o3.id.clone(), "Coûts administratifs".into(), 0),
        (t.o3.id.clone(), "Fonctions mutualisées".into(), 1),
        (t.o3.id.clone(), "Heures de formation".into(), 0),
        (t.s2.id.clone(), "Articles publiés".into(), 0),
    ];
    let mut expected = expected;
    expected.sort();
    assert_eq!(moved, expected);
    assert!(matches!(
        store
            .update_operational_objective(&t.o1.id, &t.o1.draft)
            .await,
        Err(StoreError::NotFound(Entity::OperationalObjective))
    ));

    // Delete: O3 goes with its three indicators and their measurement; the strategic
    // objective's own indicator stays.
    store
        .delete_objective(
            &alliance.id,
            &operational_ref(&t.o3),
            &IndicatorFate::Delete,
        )
        .await
        .expect("delete o3 and its indicators");
    let left = indicators_by_objective(store, &alliance.id).await;
    assert_eq!(left, vec![(t.s2.id.clone(), "Articles publiés".into(), 0)]);
    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    assert!(overview.strategic[0].operational.is_empty());
    assert_eq!(overview.strategic[0].indicator_count, 1);
    vault.close().await;
}

#[tokio::test]
async fn an_operational_objective_deleted_moves_its_indicators_to_its_parent_and_closes_the_gap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance, partners) = two_partners(dir.path()).await;
    let store = vault.store();
    let t = tree(store, &alliance.id, &partners).await;
    store
        .delete_objective(
            &alliance.id,
            &operational_ref(&t.o1),
            &IndicatorFate::MoveTo(strategic_ref(&t.s1)),
        )
        .await
        .expect("delete o1");
    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    let first = &overview.strategic[0];
    assert_eq!(first.indicator_count, 2);
    assert_eq!(first.operational.len(), 1);
    assert_eq!(first.operational[0].objective.id, t.o2.id);
    assert_eq!(first.operational[0].objective.position, 0);
    // A deletion without indicators needs no choice.
    store
        .delete_objective(
            &alliance.id,
            &operational_ref(&t.o3),
            &IndicatorFate::Refuse,
        )
        .await
        .expect("delete o3");
    vault.close().await;
}

#[tokio::test]
async fn the_demo_alliance_has_the_guides_smart_example_and_objectives_across_its_partners() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let overview = store
        .objectives_overview(&demo.id, today())
        .await
        .expect("overview");
    assert_eq!(overview.frame.horizon_year, Some(2030));
    assert!(overview.frame.vision.is_some());
    assert_eq!(overview.strategic.len(), 3);
    assert!(overview
        .strategic
        .iter()
        .all(|s| !s.objective.draft.expected_impacts.is_empty()));
    // Every strategic objective scored on the four criteria: a full ranking.
    assert_eq!(overview.priority.ranking.len(), 3);
    let operational: Vec<&OperationalObjective> = overview
        .strategic
        .iter()
        .flat_map(|s| s.operational.iter().map(|v| &v.objective))
        .collect();
    assert_eq!(operational.len(), 7);
    assert_eq!(
        overview
            .strategic
            .iter()
            .map(|s| s.gaps.len())
            .sum::<usize>(),
        2
    );
    let example = operational[0];
    assert!(example
        .draft
        .wording
        .starts_with("Réduire de 15\u{a0}% les coûts administratifs"));
    assert_eq!(example.draft.target_value, Some(15.0));
    assert_eq!(example.draft.unit.as_deref(), Some("%"));
    assert_eq!(example.draft.start_date, Some(date(2025, 12, 1)));
    assert_eq!(example.draft.due_date, Some(date(2026, 6, 30)));
    let partners = store.partners(&demo.id).await.expect("partners");
    assert_eq!(example.draft.partner_ids.len(), 5);
    assert_eq!(
        example.draft.partner_ids,
        partners.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
    );
    // Before its deadline, the example passes the five letters.
    assert!(overview.strategic[0].operational[0].smart.passed);
    // Every partner is concerned by at least one operational objective.
    for p in &partners {
        assert!(operational
            .iter()
            .any(|o| o.draft.partner_ids.contains(&p.id)));
    }
    // Loading the demo again adds nothing.
    store.load_demo().await.expect("again");
    let again = store
        .objectives_overview(&demo.id, today())
        .await
        .expect("overview again");
    assert_eq!(again.strategic.len(), 3);
    vault.close().await;
}
