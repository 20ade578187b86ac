//! « Formaliser et mesurer l’action », the evaluation's side (guide section 4,
//! « Évaluation continue de l’impact »): the purposes and evaluative questions, the
//! indicators with their measurements, where each stands, and the gap analyses.
//!
//! `kinds.rs` holds the closed lists, `records.rs` the records and their validation,
//! `progress.rs` the indicators' rules (aggregation, progress, status), `overview.rs`
//! what the screen reads at once, `units.rs` how figures, units and dates are written and
//! compared.

pub mod csv;
pub mod demo;
pub mod kinds;
pub mod overview;
pub mod progress;
pub mod records;
pub mod units;

pub use kinds::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, EvaluationPurpose, GapDecision,
    IndicatorAggregation, IndicatorDirection, IndicatorLevel, IndicatorStatus,
};
pub use overview::{EvaluationOverview, IndicatorView};
pub use progress::{
    combine, combined_series, indicator_progress, status_rule_text, CombinedValue,
    IndicatorProgress,
};
pub use records::{
    EvaluationFrame, EvaluationFrameDraft, GapAnalysis, GapAnalysisDraft, Indicator,
    IndicatorDraft, Measurement, MeasurementDraft,
};
