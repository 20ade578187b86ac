//! The objectives' records (guide section 4, « Définir les objectifs stratégiques » and
//! « Formuler des objectifs opérationnels SMART »): the alliance's frame (its shared
//! vision and the criteria its strategic objectives are prioritised on), the strategic
//! objectives with their expected impacts and priority scores, the strategic gaps between
//! partners, and the operational objectives. Each stored record carries its stable UUID
//! `id`, its `alliance_id` and `created_at` / `updated_at`, and travels in the alliance
//! file with its id.
//!
//! This file holds the limits, the frame, the strategic objectives and the strategic
//! gaps; `operational.rs` the operational objectives; `../records_tests.rs` the tests.

mod operational;

pub use operational::{OperationalObjective, OperationalObjectiveDraft};

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actors::{Criterion, SCORE_MAX};
use crate::validation::{
    is_record_id, optional_multiline_text, text, ValidationErrors, LONG_TEXT_MAX,
};

/// Longest title of a strategic objective or wording of an operational one, in characters.
pub const OBJECTIVE_TEXT_MAX: usize = 600;
/// Longest expected impact, a unit, a scope or a person's name, in characters.
pub const OBJECTIVE_SHORT_MAX: usize = 200;
/// Most expected impacts of one strategic objective.
pub const EXPECTED_IMPACTS_MAX: usize = 20;
/// Most partners named by one operational objective.
pub const OBJECTIVE_PARTNERS_MAX: usize = 200;
/// Most strategic objectives of an alliance (and operational ones under one of them).
pub const OBJECTIVES_MAX: usize = 200;
/// Largest absolute value of a figure (a target, a baseline, a measurement): a typo guard.
pub const FIGURE_ABS_MAX: f64 = 1.0e12;
/// The horizon of the shared vision, in years from today (guide: « à 3-5 ans »): a
/// horizon year outside 1 to 10 years ahead is refused with a French message by
/// [`ObjectivesFrameDraft::horizon_errors`], which knows today; `validated` only checks
/// plausibility.
pub const VISION_HORIZON_YEARS: (i32, i32) = (1, 10);

/// The four criteria a new alliance prioritises its strategic objectives on (issue 12,
/// item 1, after the guide's « Hiérarchiser et prioriser les objectifs stratégiques en
/// fonction de critères objectifs »), each of weight 1, with fixed slug ids so that a
/// file or the demo can name them. Scored 0 to 5 like the partners' matrix
/// ([`crate::actors::rank_candidates`] ranks both).
pub fn default_priority_criteria() -> Vec<Criterion> {
    [
        ("need_urgency", "Urgence du besoin"),
        ("collective_value", "Valeur ajoutée collective"),
        ("feasibility", "Faisabilité"),
        ("partner_buy_in", "Adhésion des partenaires"),
    ]
    .into_iter()
    .map(|(id, name)| Criterion {
        id: id.to_string(),
        name: name.to_string(),
        weight: 1,
    })
    .collect()
}

/// What the alliance writes once: its shared vision and the criteria of prioritisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ObjectivesFrameDraft {
    /// « Formuler une vision prospective partagée à 3-5 ans »: multi-line, optional.
    #[serde(default)]
    pub vision: Option<String>,
    /// The year the vision looks to (e.g. 2030).
    #[serde(default)]
    pub horizon_year: Option<i32>,
    /// The criteria, in their order; weights 0 to [`crate::actors::criteria::WEIGHT_MAX`].
    #[serde(default = "default_priority_criteria")]
    pub priority_criteria: Vec<Criterion>,
}

impl Default for ObjectivesFrameDraft {
    fn default() -> Self {
        ObjectivesFrameDraft {
            vision: None,
            horizon_year: None,
            priority_criteria: default_priority_criteria(),
        }
    }
}

impl ObjectivesFrameDraft {
    /// Cleans the vision, checks the horizon year is plausible and the criteria are valid
    /// ([`crate::actors::criteria::validate_criteria`]: names unique, weights in range);
    /// field errors in French on `vision`, `horizonYear`, `priorityCriteria…`.
    pub fn validated(&self) -> Result<ObjectivesFrameDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let vision = optional_multiline_text(&mut errors, "vision", &self.vision, LONG_TEXT_MAX);
        if let Some(year) = self.horizon_year {
            if !(crate::validation::EARLIEST_YEAR..=crate::validation::LATEST_YEAR).contains(&year)
            {
                errors.push("horizonYear", "Année d’horizon invalide (exemple : 2030).");
            }
        }
        let priority_criteria =
            match crate::actors::criteria::validate_criteria(&self.priority_criteria) {
                Ok(criteria) => criteria,
                Err(e) => {
                    errors.extend_prefixed("priorityCriteria", e);
                    self.priority_criteria.clone()
                }
            };
        errors.into_result(ObjectivesFrameDraft {
            vision,
            horizon_year: self.horizon_year,
            priority_criteria,
        })
    }

    /// The guide's horizon (« à 3-5 ans »), checked against `today`: a horizon year in the
    /// past or more than 10 years ahead is refused on `horizonYear`; one that is not 3 to 5
    /// years ahead is allowed (the guide advises, it does not forbid).
    pub fn horizon_errors(&self, today: NaiveDate) -> ValidationErrors {
        use chrono::Datelike;
        let mut errors = ValidationErrors::default();
        if let Some(year) = self.horizon_year {
            let ahead = year - today.year();
            if ahead < VISION_HORIZON_YEARS.0 || ahead > VISION_HORIZON_YEARS.1 {
                errors.push(
                    "horizonYear",
                    format!(
                        "L’horizon de la vision doit être entre {} et {} (le guide conseille 3 à 5 ans).",
                        today.year() + VISION_HORIZON_YEARS.0,
                        today.year() + VISION_HORIZON_YEARS.1
                    ),
                );
            }
        }
        errors
    }
}

/// The stored frame of one alliance (one record per alliance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ObjectivesFrame {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: ObjectivesFrameDraft,
}

/// What the user edits about a strategic objective.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StrategicObjectiveDraft {
    /// One line, required.
    pub title: String,
    /// Multi-line, optional.
    #[serde(default)]
    pub description: Option<String>,
    /// « Formuler les impacts attendus »: one line each, in order.
    #[serde(default)]
    pub expected_impacts: Vec<String>,
    /// Priority criterion id → score 0 to 5; a criterion with no score is not yet scored.
    #[serde(default)]
    pub priority_scores: BTreeMap<String, u8>,
}

impl StrategicObjectiveDraft {
    /// Cleans the texts (empty impacts dropped), checks lengths and scores (0 to 5); field
    /// errors in French on `title`, `description`, `expectedImpacts.<i>`,
    /// `priorityScores.<criterion id>`.
    pub fn validated(&self) -> Result<StrategicObjectiveDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let title = text(
            &mut errors,
            "title",
            &self.title,
            Some("l’intitulé de l’objectif stratégique"),
            OBJECTIVE_TEXT_MAX,
        );
        let description =
            optional_multiline_text(&mut errors, "description", &self.description, LONG_TEXT_MAX);
        let mut expected_impacts = Vec::new();
        for (i, impact) in self.expected_impacts.iter().enumerate() {
            let cleaned = text(
                &mut errors,
                &format!("expectedImpacts.{i}"),
                impact,
                None,
                OBJECTIVE_SHORT_MAX,
            );
            if !cleaned.is_empty() {
                expected_impacts.push(cleaned);
            }
        }
        if expected_impacts.len() > EXPECTED_IMPACTS_MAX {
            errors.push(
                "expectedImpacts",
                crate::validation::too_many_message(
                    "impacts attendus",
                    EXPECTED_IMPACTS_MAX,
                    expected_impacts.len(),
                ),
            );
        }
        for (criterion, score) in &self.priority_scores {
            if *score > SCORE_MAX {
                errors.push(
                    format!("priorityScores.{criterion}"),
                    format!("Une note va de 0 à {SCORE_MAX}."),
                );
            }
        }
        errors.into_result(StrategicObjectiveDraft {
            title,
            description,
            expected_impacts,
            priority_scores: self.priority_scores.clone(),
        })
    }
}

/// A stored strategic objective. `position` counts from 0 in the alliance's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StrategicObjective {
    pub id: String,
    pub alliance_id: String,
    pub position: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: StrategicObjectiveDraft,
}

/// « Identifier les écarts stratégiques entre les partenaires »: for one strategic
/// objective, how one partner sees it differently.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StrategicGapDraft {
    pub strategic_objective_id: String,
    /// A partner of the alliance (an actor « Engagé »).
    pub partner_id: String,
    /// How the partner's view differs: multi-line, required.
    pub description: String,
}

impl StrategicGapDraft {
    /// Checks the ids' shape and cleans the description; field errors in French on
    /// `strategicObjectiveId`, `partnerId`, `description`. Whether the ids exist in the
    /// alliance is the store's check.
    pub fn validated(&self) -> Result<StrategicGapDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !is_record_id(&self.strategic_objective_id) {
            errors.push("strategicObjectiveId", "Choisissez l’objectif stratégique.");
        }
        if !is_record_id(&self.partner_id) {
            errors.push("partnerId", "Choisissez le partenaire.");
        }
        let description = crate::validation::multiline_text(
            &mut errors,
            "description",
            &self.description,
            Some("en quoi la vision de ce partenaire diffère"),
            LONG_TEXT_MAX,
        );
        errors.into_result(StrategicGapDraft {
            strategic_objective_id: self.strategic_objective_id.clone(),
            partner_id: self.partner_id.clone(),
            description,
        })
    }
}

/// A stored strategic gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StrategicGap {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: StrategicGapDraft,
}

/// Checks an optional figure: finite and at most [`FIGURE_ABS_MAX`] in absolute value.
pub(crate) fn figure(errors: &mut ValidationErrors, field: &str, value: Option<f64>) {
    if let Some(v) = value {
        if !v.is_finite() || v.abs() > FIGURE_ABS_MAX {
            errors.push(field, "Nombre invalide ou trop grand.");
        }
    }
}

#[cfg(test)]
#[path = "../records_tests.rs"]
mod tests;
