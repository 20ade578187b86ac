//! The evaluation's records (guide section 4, « Évaluation continue de l’impact »): the
//! alliance's evaluation frame (its purposes and evaluative questions), the indicators
//! linked to objectives, their dated measurements and the gap analyses. Each stored
//! record carries its stable UUID `id`, its `alliance_id` and `created_at` / `updated_at`,
//! and travels in the alliance file with its id.
//!
//! This file holds the limits, the evaluation frame and the indicators;
//! `measurement.rs` the measurements; `gap_analysis.rs` the gap analyses;
//! `../records_tests.rs` the tests.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::kinds::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, EvaluationPurpose, IndicatorAggregation,
    IndicatorDirection, IndicatorLevel,
};
use crate::objectives::records::{figure, OBJECTIVE_SHORT_MAX};
use crate::objectives::ObjectiveRef;
use crate::validation::{is_record_id, optional_text, plausible_date, text, ValidationErrors};

mod gap_analysis;
mod measurement;

pub use gap_analysis::{GapAnalysis, GapAnalysisDraft};
pub use measurement::{Measurement, MeasurementDraft};

/// Longest evaluative question or indicator name, in characters.
pub const EVALUATION_TEXT_MAX: usize = 300;
/// Most evaluative questions.
pub const QUESTIONS_MAX: usize = 30;
/// Most factors of one kind in a gap analysis.
pub const FACTORS_MAX: usize = 30;
/// Longest comment of a measurement, in characters.
pub const MEASUREMENT_COMMENT_MAX: usize = 1000;

/// The alliance's evaluation frame (one record per alliance).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EvaluationFrameDraft {
    /// The purposes chosen, each once, in [`EvaluationPurpose::ALL`]'s order.
    #[serde(default)]
    pub purposes: Vec<EvaluationPurpose>,
    /// The evaluative questions (« L’alliance atteint-elle ses objectifs ? »), one line each.
    #[serde(default)]
    pub questions: Vec<String>,
}

impl EvaluationFrameDraft {
    /// Orders the purposes and drops repeats, cleans the questions (empty ones dropped);
    /// field errors in French on `questions.<i>`, `questions`.
    pub fn validated(&self) -> Result<EvaluationFrameDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let purposes = EvaluationPurpose::ALL
            .iter()
            .copied()
            .filter(|p| self.purposes.contains(p))
            .collect();
        let mut questions = Vec::new();
        for (i, question) in self.questions.iter().enumerate() {
            let cleaned = text(
                &mut errors,
                &format!("questions.{i}"),
                question,
                None,
                EVALUATION_TEXT_MAX,
            );
            if !cleaned.is_empty() {
                questions.push(cleaned);
            }
        }
        if questions.len() > QUESTIONS_MAX {
            errors.push(
                "questions",
                crate::validation::too_many_message(
                    "questions évaluatives",
                    QUESTIONS_MAX,
                    questions.len(),
                ),
            );
        }
        errors.into_result(EvaluationFrameDraft {
            purposes,
            questions,
        })
    }
}

/// The stored evaluation frame.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EvaluationFrame {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: EvaluationFrameDraft,
}

/// What the user edits about an indicator (guide section 4, « La sélection des
/// indicateurs de suivi »). Values are in `unit`; a rate's unit is « % ».
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorDraft {
    /// The objective measured, strategic or operational.
    pub objective: ObjectiveRef,
    /// One line, required (« Coûts administratifs des associations membres »).
    pub name: String,
    pub level: IndicatorLevel,
    /// Required (« % », « € », « bénéficiaires »…).
    pub unit: String,
    pub direction: IndicatorDirection,
    pub aggregation: IndicatorAggregation,
    pub baseline_value: f64,
    pub baseline_date: NaiveDate,
    pub target_value: f64,
    pub target_date: NaiveDate,
    pub frequency: CollectionFrequency,
    #[serde(default)]
    pub owner_partner_id: Option<String>,
    #[serde(default)]
    pub owner_person: Option<String>,
    pub data_source: DataSourceKind,
    /// The source's reference or link (« Base Sirene, INSEE, 2025 »).
    #[serde(default)]
    pub source_reference: Option<String>,
    pub method: AnalysisMethod,
    /// A key indicator gets its own chart in the evaluation report.
    #[serde(default)]
    pub key_indicator: bool,
}

impl Default for IndicatorDraft {
    fn default() -> Self {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        IndicatorDraft {
            objective: ObjectiveRef::default(),
            name: String::new(),
            level: IndicatorLevel::default(),
            unit: String::new(),
            direction: IndicatorDirection::default(),
            aggregation: IndicatorAggregation::default(),
            baseline_value: 0.0,
            baseline_date: day,
            target_value: 0.0,
            target_date: day,
            frequency: CollectionFrequency::default(),
            owner_partner_id: None,
            owner_person: None,
            data_source: DataSourceKind::default(),
            source_reference: None,
            method: AnalysisMethod::default(),
            key_indicator: false,
        }
    }
}

impl IndicatorDraft {
    /// Cleans the texts, checks the objective's id shape, the figures (finite, bounded),
    /// the dates (plausible, the target date after the baseline date), that the target
    /// differs from the baseline (progress is measured between them: equal, there is no
    /// way to say how far along the indicator is), that the direction agrees with them (a
    /// « lower is better » target below its baseline) and that a rate is in « % ». Field
    /// errors in French on `objective`, `name`, `unit`, `baselineValue`, `targetValue`,
    /// `baselineDate`, `targetDate`, `direction`, `ownerPartnerId`, `ownerPerson`,
    /// `sourceReference`.
    pub fn validated(&self) -> Result<IndicatorDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !is_record_id(&self.objective.id) {
            errors.push(
                "objective",
                "Choisissez l’objectif que l’indicateur mesure.",
            );
        }
        let name = text(
            &mut errors,
            "name",
            &self.name,
            Some("le nom de l’indicateur"),
            EVALUATION_TEXT_MAX,
        );
        let unit = text(
            &mut errors,
            "unit",
            &self.unit,
            Some("l’unité (« % », « € », « bénéficiaires »…)"),
            OBJECTIVE_SHORT_MAX,
        );
        if self.aggregation == super::kinds::IndicatorAggregation::Rate
            && !unit.is_empty()
            && !super::units::is_percent(&unit)
        {
            errors.push("unit", "Un taux s’exprime en « % ».");
        }
        figure(&mut errors, "baselineValue", Some(self.baseline_value));
        figure(&mut errors, "targetValue", Some(self.target_value));
        plausible_date(
            &mut errors,
            "baselineDate",
            self.baseline_date,
            "Date de référence invalide.",
        );
        plausible_date(
            &mut errors,
            "targetDate",
            self.target_date,
            "Date cible invalide.",
        );
        if self.target_date <= self.baseline_date {
            errors.push(
                "targetDate",
                "La date cible doit suivre la date de la valeur de référence.",
            );
        }
        if self.target_value == self.baseline_value {
            errors.push(
                "targetValue",
                "La cible est égale à la valeur de référence\u{a0}: il n’y a pas de progrès à mesurer.",
            );
        } else if self.direction == IndicatorDirection::LowerIsBetter
            && self.target_value > self.baseline_value
        {
            errors.push(
                "direction",
                "« À la baisse »\u{a0}: la cible doit être inférieure à la valeur de référence.",
            );
        } else if self.direction == IndicatorDirection::HigherIsBetter
            && self.target_value < self.baseline_value
        {
            errors.push(
                "direction",
                "« À la hausse »\u{a0}: la cible doit être supérieure à la valeur de référence.",
            );
        }
        let owner_partner_id = self.owner_partner_id.clone().filter(|id| !id.is_empty());
        if let Some(id) = &owner_partner_id {
            if !is_record_id(id) {
                errors.push("ownerPartnerId", "Le partenaire responsable est inconnu.");
            }
        }
        let owner_person = optional_text(
            &mut errors,
            "ownerPerson",
            &self.owner_person,
            OBJECTIVE_SHORT_MAX,
        );
        let source_reference = optional_text(
            &mut errors,
            "sourceReference",
            &self.source_reference,
            EVALUATION_TEXT_MAX,
        );
        errors.into_result(IndicatorDraft {
            objective: self.objective.clone(),
            name,
            unit,
            owner_partner_id,
            owner_person,
            source_reference,
            ..self.clone()
        })
    }
}

/// A stored indicator. `position` counts from 0 in the alliance's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    pub id: String,
    pub alliance_id: String,
    pub position: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: IndicatorDraft,
}

#[cfg(test)]
#[path = "../records_tests.rs"]
mod tests;
