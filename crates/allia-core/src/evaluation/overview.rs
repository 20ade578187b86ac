//! What the « Évaluation » screen reads in one call.

use serde::{Deserialize, Serialize};

use super::progress::{CombinedValue, IndicatorProgress};
use super::records::{EvaluationFrameDraft, GapAnalysis, Indicator, Measurement};

/// An indicator with its measurements (by date, then creation) and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorView {
    pub indicator: Indicator,
    pub measurements: Vec<Measurement>,
    /// [`super::progress::indicator_progress`] as of the day of the read.
    pub progress: IndicatorProgress,
    /// [`super::progress::combined_series`] as of the day of the read: the « Réalisé » line
    /// of the target vs actual chart, one point per day with counted measurements (none
    /// before the baseline date or after today), in date order.
    pub series: Vec<CombinedValue>,
}

/// The whole of an alliance's evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EvaluationOverview {
    /// The stored frame, or an empty one.
    pub frame: EvaluationFrameDraft,
    /// In their order (`position`).
    pub indicators: Vec<IndicatorView>,
    /// By date, latest first.
    pub gap_analyses: Vec<GapAnalysis>,
}
