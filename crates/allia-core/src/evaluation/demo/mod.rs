//! The demo alliance's evaluation (issue 12, item 9; guide section 4, « Évaluation
//! continue de l’impact »): three AVISE purposes and the guide's evaluative questions,
//! eleven indicators across the four levels (moyens, activités, résultats, impacts) using
//! every aggregation — among them the guide's administrative costs falling by 15 %, a
//! « lower is better » indicator — each measured at fixed dates (month ends from December
//! 2025 to November 2026 for most), some on track and some late under the status rule,
//! four of them key indicators; and two gap analyses with their factors and decision.
//!
//! Objectives are named by their place in `objectives::demo::demo_objectives()`: a
//! strategic objective by its index, an operational one by its index in the overview's
//! order (0 the guide's SMART example, 1 the common payroll, 2 the newsletter, 3 the
//! 120 people supported, 4 the workshops, 5 the multi-year funding, 6 the steering
//! committee). Partners by their index in `demo::demo_alliance().partners` (0 Maison des
//! Solidarités, 1 Jardins partagés, 2 Culture pour tous, 3 Aide à domicile rurale,
//! 4 Sport et Insertion). The store gives the ids.
//!
//! This file holds the demo's record types, its months and the frame and gap analyses;
//! `indicators.rs` the eleven indicators with their measurements; `tests.rs` the checks
//! that the demo is valid and tells the status rule's cases.

mod indicators;

use chrono::NaiveDate;

use crate::evaluation::kinds::{EvaluationPurpose, GapDecision};
use crate::evaluation::records::{
    EvaluationFrameDraft, GapAnalysisDraft, IndicatorDraft, MeasurementDraft,
};
use crate::objectives::ObjectiveRef;

use indicators::demo_indicators;

/// An objective of the demo by its place (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoObjective {
    /// The strategic objective at this index.
    Strategic(usize),
    /// The operational objective at this index in the overview's order.
    Operational(usize),
}

/// An indicator of the demo: its draft without ids (`objective.id` empty,
/// `owner_partner_id` `None`), its objective and responsible partner by place, and its
/// measurements (`indicator_id` empty), by date.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoIndicator {
    pub objective: DemoObjective,
    pub owner: Option<usize>,
    pub draft: IndicatorDraft,
    pub measurements: Vec<MeasurementDraft>,
}

/// A gap analysis of the demo: its draft without ids, its objective by place.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoGapAnalysis {
    pub objective: DemoObjective,
    pub draft: GapAnalysisDraft,
}

/// The demo's evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoEvaluation {
    pub frame: EvaluationFrameDraft,
    /// In their order.
    pub indicators: Vec<DemoIndicator>,
    pub gap_analyses: Vec<DemoGapAnalysis>,
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The last day of each month from December 2025 to November 2026: the dates of the
/// demo's monthly measurements.
pub fn demo_months() -> Vec<NaiveDate> {
    (0..12)
        .map(|i| {
            let (y, m) = if i == 0 { (2025, 12) } else { (2026, i) };
            let next = if m == 12 {
                day(y + 1, 1, 1)
            } else {
                day(y, m + 1, 1)
            };
            next.pred_opt().unwrap_or(next)
        })
        .collect()
}

/// The demo's evaluation (see the module's documentation).
pub fn demo_evaluation() -> DemoEvaluation {
    use DemoObjective::*;
    DemoEvaluation {
        frame: EvaluationFrameDraft {
            purposes: vec![
                EvaluationPurpose::Track,
                EvaluationPurpose::Understand,
                EvaluationPurpose::Value,
            ],
            questions: vec![
                "L’alliance atteint-elle ses objectifs\u{a0}?".into(),
                "Les activités produisent-elles les effets attendus\u{a0}?".into(),
                "Le service partagé réduit-il durablement les coûts administratifs des associations\u{a0}?".into(),
            ],
        },
        indicators: demo_indicators(),
        gap_analyses: vec![
            DemoGapAnalysis {
                objective: Operational(0),
                draft: GapAnalysisDraft {
                    objective: ObjectiveRef::default(),
                    date: day(2026, 7, 15),
                    positive_factors: vec![
                        "Les 5 associations utilisent le service partagé depuis juin 2026".into(),
                        "La comptabilité mutualisée a réduit les honoraires d’expertise comptable".into(),
                    ],
                    negative_factors: vec![
                        "Le logiciel de paie commun n’est pas encore déployé\u{a0}: chaque association paie encore son prestataire".into(),
                        "Départ de la chargée de communication mutualisée en avril 2026".into(),
                    ],
                    decision: GapDecision::AdjustAction,
                    decision_note: Some(
                        "Déployer la paie commune d’ici mars 2027 (objectif opérationnel dédié) et recruter une chargée de communication à mi-temps partagée.\nNouvelle mesure des coûts en décembre 2026."
                            .into(),
                    ),
                },
            },
            DemoGapAnalysis {
                objective: Strategic(1),
                draft: GapAnalysisDraft {
                    objective: ObjectiveRef::default(),
                    date: day(2026, 10, 20),
                    positive_factors: vec![
                        "Le fichier commun évite les doubles visites à domicile".into(),
                        "Les ateliers de jardinage attirent des habitants que les associations ne voyaient pas".into(),
                    ],
                    negative_factors: vec![
                        "Moins de séances en été faute de bénévoles".into(),
                    ],
                    decision: GapDecision::Continue,
                    decision_note: Some(
                        "Garder le rythme et préparer un planning d’été avec les bénévoles de Sport et Insertion."
                            .into(),
                    ),
                },
            },
        ],
    }
}

#[cfg(test)]
mod tests;
