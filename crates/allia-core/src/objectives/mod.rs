//! « Formaliser et mesurer l’action », the objectives' side (guide section 4): the shared
//! vision, the strategic objectives with their expected impacts, priorities and the gaps
//! between partners, and the operational objectives checked against SMART.
//!
//! `kinds.rs` holds the closed lists, `records.rs` the records and their validation,
//! `smart.rs` the SMART checker, `priority.rs` the ranking of the strategic objectives,
//! `overview.rs` what the screen reads at once and the indicators' fate on a deletion.

pub mod demo;
pub mod kinds;
pub mod overview;
pub mod priority;
pub mod records;
pub mod smart;

pub use kinds::{CooperationDimension, ObjectiveLevel, ObjectiveRef, SmartCriterion};
pub use overview::{
    IndicatorFate, ObjectivesOverview, OperationalObjectiveView, StrategicObjectiveView,
};
pub use priority::{rank_strategic_objectives, PriorityRanking};
pub use records::{
    default_priority_criteria, ObjectivesFrame, ObjectivesFrameDraft, OperationalObjective,
    OperationalObjectiveDraft, StrategicGap, StrategicGapDraft, StrategicObjective,
    StrategicObjectiveDraft,
};
pub use smart::{check_smart, SmartCheck, SmartLetter};
