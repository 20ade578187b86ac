//! « Analyse des écarts » for one objective: what the user edits, its check, and the
//! stored record.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::evaluation::kinds::GapDecision;
use crate::objectives::ObjectiveRef;
use crate::validation::{
    is_record_id, optional_multiline_text, plausible_date, text, ValidationErrors, LONG_TEXT_MAX,
};

use super::{EVALUATION_TEXT_MAX, FACTORS_MAX};

/// « Analyse des écarts » for one objective (guide section 4: « les écarts entre
/// objectifs et résultats ; les facteurs d’influence positifs ou négatifs » and
/// « L’intégration des résultats de l’évaluation au pilotage stratégique »).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GapAnalysisDraft {
    pub objective: ObjectiveRef,
    /// The day the team analysed the gap and decided.
    pub date: NaiveDate,
    /// One line each.
    #[serde(default)]
    pub positive_factors: Vec<String>,
    /// One line each.
    #[serde(default)]
    pub negative_factors: Vec<String>,
    pub decision: GapDecision,
    /// What the decision means in practice: multi-line, optional.
    #[serde(default)]
    pub decision_note: Option<String>,
}

impl GapAnalysisDraft {
    /// Cleans the factors (empty ones dropped) and the note, checks the date; field errors
    /// in French on `objective`, `date`, `positiveFactors.<i>`, `negativeFactors.<i>`,
    /// `decisionNote`.
    pub fn validated(&self) -> Result<GapAnalysisDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !is_record_id(&self.objective.id) {
            errors.push("objective", "Choisissez l’objectif analysé.");
        }
        plausible_date(
            &mut errors,
            "date",
            self.date,
            "Date de l’analyse invalide.",
        );
        let positive_factors = factors(&mut errors, "positiveFactors", &self.positive_factors);
        let negative_factors = factors(&mut errors, "negativeFactors", &self.negative_factors);
        let decision_note = optional_multiline_text(
            &mut errors,
            "decisionNote",
            &self.decision_note,
            LONG_TEXT_MAX,
        );
        errors.into_result(GapAnalysisDraft {
            objective: self.objective.clone(),
            date: self.date,
            positive_factors,
            negative_factors,
            decision: self.decision,
            decision_note,
        })
    }
}

fn factors(errors: &mut ValidationErrors, field: &str, items: &[String]) -> Vec<String> {
    let mut kept = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let cleaned = text(
            errors,
            &format!("{field}.{i}"),
            item,
            None,
            EVALUATION_TEXT_MAX,
        );
        if !cleaned.is_empty() {
            kept.push(cleaned);
        }
    }
    if kept.len() > FACTORS_MAX {
        errors.push(
            field,
            crate::validation::too_many_message("facteurs", FACTORS_MAX, kept.len()),
        );
    }
    kept
}

/// A stored gap analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct GapAnalysis {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: GapAnalysisDraft,
}
