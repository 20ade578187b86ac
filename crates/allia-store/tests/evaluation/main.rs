//! The evaluation on a real vault (issue 12, items 3–5): the frame, indicators linked to
//! objectives and partners, measurements (a rate's numerator and denominator kept), gap
//! analyses, the overview read in one call, an import of measurements that stores all or
//! nothing, and the refusals of what names another alliance's records.
//!
//! Layout: `records` (each record round-trips; what names another alliance is refused),
//! `measurements` (a rate's numerators and denominators; an import stores all or none),
//! `file` (the evaluation in the alliance file: export, re-import, a partner who left),
//! `overview` (the demo, a large evaluation, the chart's series, the summary reads); the
//! shared alliance set-ups and record builders are here.

#[path = "../common/mod.rs"]
mod common;

mod file;
mod measurements;
mod overview;
mod records;

use allia_core::evaluation::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, EvaluationFrameDraft, EvaluationPurpose,
    GapAnalysisDraft, GapDecision, IndicatorAggregation, IndicatorDirection, IndicatorDraft,
    IndicatorLevel, MeasurementDraft,
};
use allia_core::objectives::{
    CooperationDimension, ObjectiveLevel, ObjectiveRef, OperationalObjectiveDraft,
    StrategicObjectiveDraft,
};
use allia_core::{AllianceDraft, Organisation, PartnerDraft};
use allia_store::{Entity, Store, StoreError, Vault, IMPORT_LINES_FIELD};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn partner(name: &str) -> PartnerDraft {
    PartnerDraft {
        organisation: Organisation {
            name: name.into(),
            city: Some("Tours".into()),
            ..Organisation::default()
        },
        ..PartnerDraft::default()
    }
}

/// An alliance with two partners, a strategic objective and an operational objective
/// under it concerning both partners.
struct Setup {
    alliance: String,
    partners: Vec<String>,
    strategic: ObjectiveRef,
    operational: ObjectiveRef,
}

async fn setup(store: &Store, name: &str) -> Setup {
    let alliance = store
        .create_alliance(&AllianceDraft {
            name: name.into(),
            ..Default::default()
        })
        .await
        .expect("alliance")
        .id;
    let mut partners = Vec::new();
    for p in ["Les Jardins partagés", "Entraide Coteau"] {
        partners.push(
            store
                .create_partner(&alliance, &partner(p))
                .await
                .expect("partner")
                .id,
        );
    }
    let strategic = store
        .add_strategic_objective(
            &alliance,
            &StrategicObjectiveDraft {
                title: "Mutualiser les fonctions support".into(),
                expected_impacts: vec!["Des coûts administratifs maîtrisés".into()],
                ..Default::default()
            },
        )
        .await
        .expect("strategic");
    let operational = store
        .add_operational_objective(
            &alliance,
            &OperationalObjectiveDraft {
                strategic_objective_id: strategic.id.clone(),
                wording: "Réduire de 15 % les coûts administratifs avant juillet 2026".into(),
                dimension: CooperationDimension::Pooling,
                partner_ids: partners.clone(),
                baseline_value: Some(100.0),
                target_value: Some(85.0),
                unit: Some("k€".into()),
                due_date: Some(day(2026, 7, 1)),
                ..Default::default()
            },
        )
        .await
        .expect("operational");
    Setup {
        alliance,
        partners,
        strategic: ObjectiveRef {
            level: ObjectiveLevel::Strategic,
            id: strategic.id,
        },
        operational: ObjectiveRef {
            level: ObjectiveLevel::Operational,
            id: operational.id,
        },
    }
}

fn indicator(objective: &ObjectiveRef, name: &str) -> IndicatorDraft {
    IndicatorDraft {
        objective: objective.clone(),
        name: name.into(),
        level: IndicatorLevel::Results,
        unit: "bénéficiaires".into(),
        direction: IndicatorDirection::HigherIsBetter,
        aggregation: IndicatorAggregation::Cumulative,
        baseline_value: 0.0,
        baseline_date: day(2026, 1, 1),
        target_value: 120.0,
        target_date: day(2026, 12, 31),
        frequency: CollectionFrequency::Monthly,
        owner_partner_id: None,
        owner_person: None,
        data_source: DataSourceKind::MemberSystems,
        source_reference: None,
        method: AnalysisMethod::Quantitative,
        key_indicator: false,
    }
}

fn rate(objective: &ObjectiveRef) -> IndicatorDraft {
    IndicatorDraft {
        name: "Taux de satisfaction des bénéficiaires".into(),
        unit: "%".into(),
        aggregation: IndicatorAggregation::Rate,
        baseline_value: 60.0,
        target_value: 80.0,
        data_source: DataSourceKind::BeneficiarySurvey,
        ..indicator(objective, "")
    }
}

fn measure(indicator_id: &str, date: NaiveDate, value: f64) -> MeasurementDraft {
    MeasurementDraft {
        indicator_id: indicator_id.into(),
        date,
        value,
        numerator: None,
        denominator: None,
        comment: None,
        source: None,
    }
}

fn fields(err: StoreError) -> Vec<String> {
    match err {
        StoreError::Validation(e) => e.0.into_iter().map(|f| f.field).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

/// An alliance with every kind of evaluation record: the frame, a count measured twice,
/// a rate measured once, a gap analysis.
async fn evaluated(store: &Store, name: &str) -> Setup {
    let s = setup(store, name).await;
    store
        .save_evaluation_frame(
            &s.alliance,
            &EvaluationFrameDraft {
                purposes: vec![EvaluationPurpose::Track, EvaluationPurpose::Understand],
                questions: vec!["L’alliance atteint-elle ses objectifs\u{a0}?".into()],
            },
        )
        .await
        .expect("frame");
    let count = store
        .add_indicator(
            &s.alliance,
            &IndicatorDraft {
                owner_partner_id: Some(s.partners[0].clone()),
                key_indicator: true,
                ..indicator(&s.operational, "Bénéficiaires accompagnés")
            },
        )
        .await
        .expect("count");
    let satisfaction = store
        .add_indicator(&s.alliance, &rate(&s.strategic))
        .await
        .expect("rate");
    store
        .import_measurements(
            &s.alliance,
            &[
                measure(&count.id, day(2026, 1, 31), 12.0),
                MeasurementDraft {
                    comment: Some("Après la campagne".into()),
                    ..measure(&count.id, day(2026, 2, 28), 30.0)
                },
                MeasurementDraft {
                    numerator: Some(37.0),
                    denominator: Some(50.0),
                    ..measure(&satisfaction.id, day(2026, 3, 31), 0.0)
                },
            ],
        )
        .await
        .expect("measurements");
    store
        .add_gap_analysis(
            &s.alliance,
            &GapAnalysisDraft {
                objective: s.operational.clone(),
                date: day(2026, 6, 15),
                positive_factors: vec!["Le service partagé fonctionne".into()],
                negative_factors: vec!["Retard du logiciel de paie".into()],
                decision: GapDecision::AdjustAction,
                decision_note: Some("Relancer l’éditeur".into()),
            },
        )
        .await
        .expect("gap analysis");
    s
}

fn read(file: &allia_core::AllianceFileV2) -> allia_core::ReadFile {
    let json = serde_json::to_string_pretty(file).expect("json");
    allia_core::read_alliance_file(json.as_bytes()).expect("readable")
}
