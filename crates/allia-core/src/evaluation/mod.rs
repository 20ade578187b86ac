//! « Formaliser et mesurer l’action », the evaluation's side (guide section 4,
//! « Évaluation continue de l’impact »): the purposes and evaluative questions, the
//! indicators with their measurements, where each stands, and the gap analyses.
//!
//! `kinds.rs` holds the closed lists, `records.rs` the records and their validation,
//! `progress.rs` the indicators' rules (aggregation, progress, status), `overview.rs`
//! what the screen reads at once.

pub mod kinds;
pub mod overview;
pub mod progress;
pub mod records;

pub use kinds::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, EvaluationPurpose, GapDecision,
    IndicatorAggregation, IndicatorDirection, IndicatorLevel, IndicatorStatus,
};
pub use overview::{EvaluationOverview, IndicatorView};
pub use progress::{indicator_progress, IndicatorProgress};
pub use records::{
    EvaluationFrame, EvaluationFrameDraft, GapAnalysis, GapAnalysisDraft, Indicator,
    IndicatorDraft, Measurement, MeasurementDraft,
};
