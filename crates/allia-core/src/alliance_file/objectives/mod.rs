//! The alliance file's `objectives` (format 2, an additive root field; guide section 4,
//! « Définir les objectifs stratégiques », « Formuler des objectifs opérationnels
//! SMART »): the frame (shared vision, horizon year, priority criteria), the strategic
//! objectives with their place, the strategic gaps and the operational objectives with
//! their partners, each record with its id and dates. A file without it imports as an
//! alliance without objectives.
//!
//! ```json
//! "objectives": {
//!   "frame": { "id": "…", "createdAt": "…", "updatedAt": "…", "vision": "…",
//!              "horizonYear": 2030, "priorityCriteria": [ { "id": "need_urgency", "name": "Urgence du besoin", "weight": 1 } ] },
//!   "strategic": [ { "id": "…", "createdAt": "…", "updatedAt": "…", "position": 0,
//!                    "title": "…", "expectedImpacts": ["…"], "priorityScores": { "need_urgency": 5 } } ],
//!   "gaps": [ { "id": "…", "createdAt": "…", "updatedAt": "…", "strategicObjectiveId": "…",
//!               "partnerId": "…", "description": "…" } ],
//!   "operational": [ { "id": "…", "createdAt": "…", "updatedAt": "…", "position": 0,
//!                      "strategicObjectiveId": "…", "wording": "…", "dimension": "pooling",
//!                      "partnerIds": ["…"], "targetValue": 15.0, "unit": "%", … } ]
//! }
//! ```
//!
//! This file holds the limits and the record types as the file writes them; `records.rs`
//! the conversions between the stored records and the file's; `validation.rs` the
//! import's check.

mod records;
mod validation;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actors::Criterion;
use crate::objectives::{
    default_priority_criteria, CooperationDimension, ObjectivesFrame, OperationalObjective,
    StrategicGap, StrategicObjective,
};
// The drafts the record types' documentation names.
#[cfg(doc)]
use crate::objectives::{
    ObjectivesFrameDraft, OperationalObjectiveDraft, StrategicGapDraft, StrategicObjectiveDraft,
};

/// Most strategic gaps in one file.
pub const ALLIANCE_FILE_MAX_STRATEGIC_GAPS: usize = 1_000;
/// Most operational objectives in one file (under all the strategic ones).
pub const ALLIANCE_FILE_MAX_OPERATIONAL_OBJECTIVES: usize = 2_000;

/// The objectives as the file carries them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileObjectives {
    /// The vision and priority criteria, `null` when none were written.
    #[serde(default)]
    pub frame: Option<FileObjectivesFrame>,
    /// `position` orders them (from 0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strategic: Vec<FileStrategicObjective>,
    /// Each names a strategic objective of `strategic` and an actor of the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<FileStrategicGap>,
    /// Each names a strategic objective of `strategic`; `position` orders them under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operational: Vec<FileOperationalObjective>,
}

// Figures are finite once validated (NaN is refused), so equality is an equivalence.
impl Eq for FileObjectives {}

/// The frame: id and dates, then the fields of [`ObjectivesFrameDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileObjectivesFrame {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_year: Option<i32>,
    #[serde(default = "default_priority_criteria")]
    pub priority_criteria: Vec<Criterion>,
}

/// One strategic objective: id, dates and place, then the fields of
/// [`StrategicObjectiveDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileStrategicObjective {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// From 0 in the alliance's order.
    pub position: u32,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expected_impacts: Vec<String>,
    /// Priority criterion id → score 0 to 5.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub priority_scores: BTreeMap<String, u8>,
}

/// One strategic gap: id and dates, then the fields of [`StrategicGapDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileStrategicGap {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub strategic_objective_id: String,
    /// A partner of the alliance (an actor of the file, « Engagé » when linked).
    pub partner_id: String,
    pub description: String,
}

/// One operational objective: id, dates and place under its strategic objective, then
/// the fields of [`OperationalObjectiveDraft`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileOperationalObjective {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// From 0 under its strategic objective.
    pub position: u32,
    pub strategic_objective_id: String,
    pub wording: String,
    pub dimension: CooperationDimension,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_dimension: Option<String>,
    /// Partners of the alliance (actors of the file, « Engagé » when linked), in the
    /// order chosen.
    #[serde(default)]
    pub partner_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_partner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_person: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<NaiveDate>,
}

/// An alliance's objectives as stored records (what the file gives an alliance, or is
/// made from).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectivesRecords {
    pub frame: Option<ObjectivesFrame>,
    /// By position.
    pub strategic: Vec<StrategicObjective>,
    pub gaps: Vec<StrategicGap>,
    /// By strategic objective, then position.
    pub operational: Vec<OperationalObjective>,
}
