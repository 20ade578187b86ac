//! The objectives' records (guide section 4, « Définir les objectifs stratégiques » and
//! « Formuler des objectifs opérationnels SMART »): the alliance's frame (its shared
//! vision and the criteria its strategic objectives are prioritised on), the strategic
//! objectives with their expected impacts and priority scores, the strategic gaps between
//! partners, and the operational objectives. Each stored record carries its stable UUID
//! `id`, its `alliance_id` and `created_at` / `updated_at`, and travels in the alliance
//! file with its id.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::kinds::CooperationDimension;
use crate::actors::{Criterion, SCORE_MAX};
use crate::validation::{
    is_record_id, optional_multiline_text, optional_text, plausible_date, text, ValidationErrors,
    LONG_TEXT_MAX,
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
    /// [`FIGURE_ABS_MAX`] in absolute value), dates (plausible; the due date not before
    /// the start date). Field errors in French on `strategicObjectiveId`, `wording`,
    /// `customDimension`, `partnerIds`, `baselineValue`, `targetValue`, `unit`, `scope`,
    /// `ownerPartnerId`, `ownerPerson`, `startDate`, `dueDate`. Whether the objective is
    /// SMART is not validation: [`super::smart::check`] says it, and the record saves
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

/// Checks an optional figure: finite and at most [`FIGURE_ABS_MAX`] in absolute value.
pub(crate) fn figure(errors: &mut ValidationErrors, field: &str, value: Option<f64>) {
    if let Some(v) = value {
        if !v.is_finite() || v.abs() > FIGURE_ABS_MAX {
            errors.push(field, "Nombre invalide ou trop grand.");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    #[test]
    fn the_vision_looks_one_to_ten_years_ahead() {
        let today = day(2026, 12, 1);
        let frame = |year| ObjectivesFrameDraft {
            horizon_year: Some(year),
            ..ObjectivesFrameDraft::default()
        };
        assert!(frame(2030).horizon_errors(today).is_empty());
        assert!(frame(2027).horizon_errors(today).is_empty());
        assert!(frame(2036).horizon_errors(today).is_empty());
        for year in [2026, 2020, 2037] {
            let errors = frame(year).horizon_errors(today);
            assert_eq!(errors.0[0].field, "horizonYear", "{year}");
            assert!(errors.0[0].message.contains("entre 2027 et 2036"), "{year}");
        }
        assert!(ObjectivesFrameDraft::default()
            .horizon_errors(today)
            .is_empty());
    }

    #[test]
    fn an_operational_objective_needs_its_wording_a_partner_and_dates_in_order() {
        let errors = OperationalObjectiveDraft {
            strategic_objective_id: "nope".into(),
            start_date: Some(day(2026, 6, 1)),
            due_date: Some(day(2026, 1, 1)),
            target_value: Some(f64::NAN),
            ..OperationalObjectiveDraft::default()
        }
        .validated()
        .expect_err("refused");
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        for field in [
            "strategicObjectiveId",
            "wording",
            "partnerIds",
            "targetValue",
            "dueDate",
        ] {
            assert!(fields.contains(&field), "{field} in {fields:?}");
        }
    }

    #[test]
    fn a_custom_dimension_is_named() {
        let draft = OperationalObjectiveDraft {
            dimension: CooperationDimension::Other,
            custom_dimension: Some("  Plaidoyer  ".into()),
            ..OperationalObjectiveDraft::default()
        };
        assert_eq!(draft.dimension_label(), "  Plaidoyer  ");
        let errors = OperationalObjectiveDraft {
            dimension: CooperationDimension::Other,
            ..OperationalObjectiveDraft::default()
        }
        .validated()
        .expect_err("refused");
        assert!(errors.0.iter().any(|e| e.field == "customDimension"));
    }
}
