//! The objectives on a real vault (issue 12, items 1, 2 and 8): every record written and
//! read back, objectives ↔ partners (only engaged actors, a deleted partner takes its
//! links), strategic objectives reordered with dense positions, the overview read at once,
//! and the deletion rule with its three fates for the indicators (never orphans).
//!
//! Layout: `records` (every record written and read back; refusals), `links` (a deleted
//! partner's links, dense positions, the demo alliance), `deletion` (deleting an objective
//! and its indicators' fates); the shared builders and set-ups are here.

#[path = "../common/mod.rs"]
mod common;

mod deletion;
mod links;
mod records;

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
