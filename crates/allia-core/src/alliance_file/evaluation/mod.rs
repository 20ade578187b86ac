//! The alliance file's `evaluation` (format 2, an additive root field; guide section 4,
//! « Évaluation continue de l’impact »): the frame (AVISE purposes, evaluative
//! questions), the indicators with their place, their measurements and the gap analyses,
//! each record with its id and dates. A file without it imports as an alliance without an
//! evaluation.
//!
//! ```json
//! "evaluation": {
//!   "frame": { "id": "…", "createdAt": "…", "updatedAt": "…",
//!              "purposes": ["track", "value"], "questions": ["L’alliance atteint-elle ses objectifs ?"] },
//!   "indicators": [ { "id": "…", "createdAt": "…", "updatedAt": "…", "position": 0,
//!                     "objective": { "level": "operational", "id": "…" }, "name": "…", … } ],
//!   "measurements": [ { "id": "…", "createdAt": "…", "updatedAt": "…", "indicatorId": "…",
//!                       "date": "2026-01-31", "value": 74.0, "numerator": 37.0, "denominator": 50.0 } ],
//!   "gapAnalyses": [ { "id": "…", "createdAt": "…", "updatedAt": "…",
//!                      "objective": { "level": "strategic", "id": "…" }, "date": "2026-06-15",
//!                      "positiveFactors": […], "negativeFactors": […], "decision": "adjust_action" } ]
//! }
//! ```
//!
//! This file holds the limits, the record types as the file writes them and the French
//! names of their fields; `records.rs` the conversions between the stored records and
//! the file's; `validation.rs` the import's check.

mod records;
mod validation;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::evaluation::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, EvaluationPurpose, GapDecision,
    IndicatorAggregation, IndicatorDirection, IndicatorLevel,
};
use crate::objectives::ObjectiveRef;
// The drafts the record types' documentation names.
#[cfg(doc)]
use crate::evaluation::{EvaluationFrameDraft, GapAnalysisDraft, IndicatorDraft, MeasurementDraft};

/// Most indicators in one file.
pub const ALLIANCE_FILE_MAX_INDICATORS: usize = 1_000;
/// Most measurements in one file (60 indicators measured monthly for 5 years are 3,600).
pub const ALLIANCE_FILE_MAX_MEASUREMENTS: usize = 50_000;
/// Most gap analyses in one file.
pub const ALLIANCE_FILE_MAX_GAP_ANALYSES: usize = 1_000;

/// The evaluation as the file carries it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileEvaluation {
    /// The purposes and evaluative questions, `null` when none were written.
    #[serde(default)]
    pub frame: Option<FileEvaluationFrame>,
    /// `position` orders them (from 0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<FileIndicator>,
    /// Each names an indicator of `indicators` by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<FileMeasurement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gap_analyses: Vec<FileGapAnalysis>,
}

// Figures are finite once validated (NaN is refused), so equality is an equivalence.
impl Eq for FileEvaluation {}

/// The frame: id and dates, then the fields of [`EvaluationFrameDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileEvaluationFrame {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub purposes: Vec<EvaluationPurpose>,
    #[serde(default)]
    pub questions: Vec<String>,
}

/// One indicator: id, dates and place, then the fields of [`IndicatorDraft`]. Its
/// objective is one of the file's `objectives`; its responsible partner one of the
/// file's actors (the app names a partner at « Engagé », who may have left that status
/// since: the link is kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileIndicator {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// From 0 in the alliance's order.
    pub position: u32,
    pub objective: ObjectiveRef,
    pub name: String,
    pub level: IndicatorLevel,
    pub unit: String,
    pub direction: IndicatorDirection,
    pub aggregation: IndicatorAggregation,
    pub baseline_value: f64,
    pub baseline_date: NaiveDate,
    pub target_value: f64,
    pub target_date: NaiveDate,
    pub frequency: CollectionFrequency,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_partner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_person: Option<String>,
    pub data_source: DataSourceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_reference: Option<String>,
    pub method: AnalysisMethod,
    #[serde(default)]
    pub key_indicator: bool,
}

/// One measurement: id and dates, then the fields of [`MeasurementDraft`] (a rate's
/// numerator and denominator kept).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileMeasurement {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub indicator_id: String,
    pub date: NaiveDate,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One gap analysis: id and dates, then the fields of [`GapAnalysisDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileGapAnalysis {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub objective: ObjectiveRef,
    pub date: NaiveDate,
    #[serde(default)]
    pub positive_factors: Vec<String>,
    #[serde(default)]
    pub negative_factors: Vec<String>,
    pub decision: GapDecision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_note: Option<String>,
}

/// Where a field of the file's `evaluation` is, in French (« évaluation, indicateur 3,
/// unité », « évaluation, mesure 12, dénominateur »), for
/// [`crate::validation::field_place`]; `None` for another path.
pub fn evaluation_record_place(field: &str) -> Option<String> {
    let segments: Vec<&str> = field.split('.').collect();
    let (place, rest) = match segments.as_slice() {
        ["evaluation", "frame", rest @ ..] => ("évaluation, cadre".to_string(), rest),
        ["evaluation", "indicators", number, rest @ ..] => {
            (format!("évaluation, indicateur {number}"), rest)
        }
        ["evaluation", "measurements", number, rest @ ..] => {
            (format!("évaluation, mesure {number}"), rest)
        }
        ["evaluation", "gapAnalyses", number, rest @ ..] => {
            (format!("évaluation, analyse des écarts {number}"), rest)
        }
        ["evaluation", ..] => return Some("évaluation".to_string()),
        _ => return None,
    };
    let label = match rest.first().copied() {
        Some("id") => Some("identifiant"),
        Some("purposes") => Some("finalités"),
        Some("questions") => Some("questions évaluatives"),
        Some("objective") => Some("objectif"),
        Some("name") => Some("nom"),
        Some("level") => Some("niveau"),
        Some("unit") => Some("unité"),
        Some("direction") => Some("sens"),
        Some("aggregation") => Some("agrégation"),
        Some("baselineValue") => Some("valeur de référence"),
        Some("baselineDate") => Some("date de référence"),
        Some("targetValue") => Some("cible"),
        Some("targetDate") => Some("date cible"),
        Some("frequency") => Some("fréquence"),
        Some("ownerPartnerId") => Some("partenaire responsable"),
        Some("ownerPerson") => Some("personne responsable"),
        Some("dataSource") => Some("source des données"),
        Some("sourceReference") => Some("référence de la source"),
        Some("method") => Some("méthode"),
        Some("indicatorId") => Some("indicateur"),
        Some("date") => Some("date"),
        Some("value") => Some("valeur"),
        Some("numerator") => Some("numérateur"),
        Some("denominator") => Some("dénominateur"),
        Some("comment") => Some("commentaire"),
        Some("source") => Some("source"),
        Some("positiveFactors") => Some("facteurs positifs"),
        Some("negativeFactors") => Some("facteurs négatifs"),
        Some("decision") => Some("décision"),
        Some("decisionNote") => Some("note sur la décision"),
        _ => None,
    };
    Some(match label {
        Some(label) => format!("{place}, {label}"),
        None => place,
    })
}
