//! The operational objectives (guide section 4, « Formuler des objectifs opérationnels
//! SMART »): what the user edits and the stored record.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::objectives::kinds::CooperationDimension;
use crate::validation::{is_record_id, optional_text, plausible_date, text, ValidationErrors};

use super::{figure, OBJECTIVE_PARTNERS_MAX, OBJECTIVE_SHORT_MAX, OBJECTIVE_TEXT_MAX};

/// What the user edits about an operational objective (guide section 4: « déclinés en
/// objectifs opérationnels pour chaque dimension de la coopération et pour chaque
/// partenaire concerné, avec une temporalité définie »). The measurable target is a
/// value with its unit, or a before → after (`baseline_value` → `target_value`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OperationalObjectiveDraft {
    pub strategic_objective_id: String,
    /// The objective's sentence (the SMART checker reads it): multi-line, required.
    pub wording: String,
    pub dimension: CooperationDimension,
    /// The dimension's name when `dimension` is `Other` (required then, ignored otherwise).
    #[serde(default)]
    pub custom_dimension: Option<String>,
    /// The partners concerned (actors « Engagé » of the alliance), at least one.
    #[serde(default)]
    pub partner_ids: Vec<String>,
    /// The starting value of a before → after target, in `unit`.
    #[serde(default)]
    pub baseline_value: Option<f64>,
    /// The target value, in `unit`.
    #[serde(default)]
    pub target_value: Option<f64>,
    /// The target's unit (« % », « associations », « € », « bénéficiaires »…).
    #[serde(default)]
    pub unit: Option<String>,
    /// Who or what the objective covers (« les 5 associations membres »).
    #[serde(default)]
    pub scope: Option<String>,
    /// The partner responsible.
    #[serde(default)]
    pub owner_partner_id: Option<String>,
    /// The person responsible, optional.
    #[serde(default)]
    pub owner_person: Option<String>,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    /// The deadline (« échéance »).
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
}

impl OperationalObjectiveDraft {
    /// Cleans the texts, checks ids' shapes, figures (finite, at most
    /// [`FIGURE_ABS_MAX`](super::FIGURE_ABS_MAX) in absolute value), dates (plausible; the due date not before
    /// the start date). Field errors in French on `strategicObjectiveId`, `wording`,
    /// `customDimension`, `partnerIds`, `baselineValue`, `targetValue`, `unit`, `scope`,
    /// `ownerPartnerId`, `ownerPerson`, `startDate`, `dueDate`. Whether the objective is
    /// SMART is not validation: [`crate::objectives::smart::check_smart`] says it, and the record saves
    /// anyway (a draft objective is worth keeping).
    pub fn validated(&self) -> Result<OperationalObjectiveDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !is_record_id(&self.strategic_objective_id) {
            errors.push(
                "strategicObjectiveId",
                "Choisissez l’objectif stratégique dont il découle.",
            );
        }
        let wording = crate::validation::multiline_text(
            &mut errors,
            "wording",
            &self.wording,
            Some("la formulation de l’objectif"),
            OBJECTIVE_TEXT_MAX,
        );
        let custom_dimension = if self.dimension == CooperationDimension::Other {
            let name = text(
                &mut errors,
                "customDimension",
                self.custom_dimension.as_deref().unwrap_or(""),
                Some("le nom de la dimension"),
                OBJECTIVE_SHORT_MAX,
            );
            (!name.is_empty()).then_some(name)
        } else {
            None
        };
        let mut partner_ids: Vec<String> = Vec::new();
        for id in &self.partner_ids {
            if !is_record_id(id) {
                errors.push("partnerIds", "Un des partenaires choisis est inconnu.");
            } else if !partner_ids.contains(id) {
                partner_ids.push(id.clone());
            }
        }
        if partner_ids.is_empty() && errors.0.iter().all(|e| e.field != "partnerIds") {
            errors.push("partnerIds", "Choisissez au moins un partenaire concerné.");
        }
        if partner_ids.len() > OBJECTIVE_PARTNERS_MAX {
            errors.push(
                "partnerIds",
                crate::validation::too_many_message(
                    "partenaires",
                    OBJECTIVE_PARTNERS_MAX,
                    partner_ids.len(),
                ),
            );
        }
        figure(&mut errors, "baselineValue", self.baseline_value);
        figure(&mut errors, "targetValue", self.target_value);
        let unit = optional_text(&mut errors, "unit", &self.unit, OBJECTIVE_SHORT_MAX);
        let scope = optional_text(&mut errors, "scope", &self.scope, OBJECTIVE_SHORT_MAX);
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
        if let Some(date) = self.start_date {
            plausible_date(&mut errors, "startDate", date, "Date de début invalide.");
        }
        if let Some(date) = self.due_date {
            plausible_date(&mut errors, "dueDate", date, "Échéance invalide.");
        }
        if let (Some(start), Some(due)) = (self.start_date, self.due_date) {
            if due < start {
                errors.push("dueDate", "L’échéance précède la date de début.");
            }
        }
        errors.into_result(OperationalObjectiveDraft {
            strategic_objective_id: self.strategic_objective_id.clone(),
            wording,
            dimension: self.dimension,
            custom_dimension,
            partner_ids,
            baseline_value: self.baseline_value,
            target_value: self.target_value,
            unit,
            scope,
            owner_partner_id,
            owner_person,
            start_date: self.start_date,
            due_date: self.due_date,
        })
    }

    /// The dimension as shown: the alliance's own name for `Other`.
    pub fn dimension_label(&self) -> &str {
        match (&self.dimension, &self.custom_dimension) {
            (CooperationDimension::Other, Some(name)) => name,
            (dimension, _) => dimension.label(),
        }
    }
}

/// A stored operational objective. `position` counts from 0 under its strategic objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OperationalObjective {
    pub id: String,
    pub alliance_id: String,
    pub position: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: OperationalObjectiveDraft,
}
