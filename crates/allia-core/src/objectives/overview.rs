//! What the « Objectifs » screen reads in one call: the frame, the strategic objectives
//! each with its gaps and its operational objectives (each with its SMART check), and the
//! priority ranking; and what to do with an objective's indicators when it is deleted.

use serde::{Deserialize, Serialize};

use super::kinds::ObjectiveRef;
use super::priority::PriorityRanking;
use super::records::{
    ObjectivesFrameDraft, OperationalObjective, StrategicGap, StrategicObjective,
};
use super::smart::SmartCheck;

/// An operational objective with what the store and the rules add to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OperationalObjectiveView {
    pub objective: OperationalObjective,
    /// [`super::smart::check_smart`] as of the day of the read.
    pub smart: SmartCheck,
    /// How many indicators measure it.
    pub indicator_count: u32,
}

/// A strategic objective with its gaps and its operational objectives, in their order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StrategicObjectiveView {
    pub objective: StrategicObjective,
    pub gaps: Vec<StrategicGap>,
    pub operational: Vec<OperationalObjectiveView>,
    /// How many indicators measure the strategic objective itself.
    pub indicator_count: u32,
}

/// The whole of an alliance's objectives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ObjectivesOverview {
    /// The stored frame, or the default one (no vision, the four default criteria).
    pub frame: ObjectivesFrameDraft,
    /// In their order (`position`).
    pub strategic: Vec<StrategicObjectiveView>,
    /// The strategic objectives ranked on the frame's criteria.
    pub priority: PriorityRanking,
}

/// What becomes of the indicators of an objective being deleted (issue 12, item 8:
/// « never orphans »). Deleting a strategic objective deletes its operational objectives
/// too, and the choice applies to the indicators of all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "kind", content = "to")]
pub enum IndicatorFate {
    /// Refuse the deletion when there are indicators (the precondition error says how
    /// many, so the screen can ask).
    #[default]
    Refuse,
    /// Delete them with their measurements.
    Delete,
    /// Move them to another objective (not one being deleted).
    MoveTo(ObjectiveRef),
}
