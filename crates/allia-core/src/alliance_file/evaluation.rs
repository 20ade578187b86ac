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

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::evaluation::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, EvaluationFrame, EvaluationFrameDraft,
    EvaluationPurpose, GapAnalysis, GapAnalysisDraft, GapDecision, Indicator, IndicatorAggregation,
    IndicatorDirection, IndicatorDraft, IndicatorLevel, Measurement, MeasurementDraft,
};
use crate::objectives::ObjectiveRef;
use crate::validation::{too_many_message, ValidationErrors};

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

impl FileEvaluation {
    /// The file's evaluation from the stored records; `None` when there is nothing, so
    /// that a file without an evaluation is written as before.
    pub fn of(
        frame: Option<&EvaluationFrame>,
        indicators: &[Indicator],
        measurements: &[Measurement],
        gap_analyses: &[GapAnalysis],
    ) -> Option<FileEvaluation> {
        if frame.is_none()
            && indicators.is_empty()
            && measurements.is_empty()
            && gap_analyses.is_empty()
        {
            return None;
        }
        Some(FileEvaluation {
            frame: frame.map(FileEvaluationFrame::from),
            indicators: indicators.iter().map(FileIndicator::from).collect(),
            measurements: measurements.iter().map(FileMeasurement::from).collect(),
            gap_analyses: gap_analyses.iter().map(FileGapAnalysis::from).collect(),
        })
    }

    /// Checked for import, fields under `evaluation.`: the frame, each indicator
    /// (`evaluation.indicators.N.`, N from 1), measurement and gap analysis valid by the
    /// forms' rules, each id checked by `check_id` (a UUID used once in the file); an
    /// objective named is one `objective_exists` knows (the file's `objectives`), a
    /// responsible partner one `known_actor` knows (an actor of the file), a
    /// measurement's indicator one of `indicators` (and validated with its
    /// aggregation); at most [`ALLIANCE_FILE_MAX_INDICATORS`],
    /// [`ALLIANCE_FILE_MAX_MEASUREMENTS`] and [`ALLIANCE_FILE_MAX_GAP_ANALYSES`] records.
    /// Indicators' positions are renumbered from 0 in the file's order of position.
    /// `None` when something is wrong (in `errors`).
    pub(super) fn validated(
        &self,
        errors: &mut ValidationErrors,
        mut check_id: impl FnMut(&mut ValidationErrors, &str, &str),
        objective_exists: impl Fn(&ObjectiveRef) -> bool,
        known_actor: impl Fn(&str) -> bool,
    ) -> Option<FileEvaluation> {
        let before = errors.0.len();
        for (field, count, max, what) in [
            (
                "evaluation.indicators",
                self.indicators.len(),
                ALLIANCE_FILE_MAX_INDICATORS,
                "indicateurs",
            ),
            (
                "evaluation.measurements",
                self.measurements.len(),
                ALLIANCE_FILE_MAX_MEASUREMENTS,
                "mesures",
            ),
            (
                "evaluation.gapAnalyses",
                self.gap_analyses.len(),
                ALLIANCE_FILE_MAX_GAP_ANALYSES,
                "analyses des écarts",
            ),
        ] {
            if count > max {
                errors.push(field, too_many_message(what, max, count));
            }
        }
        if errors.0.len() > before {
            return None;
        }
        let frame = self.frame.as_ref().and_then(|f| {
            check_id(errors, "evaluation.frame.id", &f.id);
            match f.draft().validated() {
                Ok(draft) => Some(f.with_draft(draft)),
                Err(e) => {
                    errors.extend_prefixed("evaluation.frame", e);
                    None
                }
            }
        });
        let mut indicators = Vec::with_capacity(self.indicators.len());
        for (index, indicator) in self.indicators.iter().enumerate() {
            let prefix = format!("evaluation.indicators.{}", index + 1);
            check_id(errors, &format!("{prefix}.id"), &indicator.id);
            let draft = match indicator.draft().validated() {
                Ok(draft) => draft,
                Err(e) => {
                    errors.extend_prefixed(&prefix, e);
                    continue;
                }
            };
            if !objective_exists(&draft.objective) {
                errors.push(
                    format!("{prefix}.objective"),
                    unknown_objective(&draft.objective),
                );
            }
            if let Some(partner) = &draft.owner_partner_id {
                if !known_actor(partner) {
                    errors.push(
                        format!("{prefix}.ownerPartnerId"),
                        format!(
                            "Le partenaire responsable {partner} n’est pas un acteur de ce fichier."
                        ),
                    );
                }
            }
            indicators.push(indicator.with_draft(draft));
        }
        // Stable: equal positions keep the file's order.
        indicators.sort_by_key(|i| i.position);
        for (position, indicator) in indicators.iter_mut().enumerate() {
            indicator.position = u32::try_from(position).unwrap_or(u32::MAX);
        }
        let aggregations: HashMap<&str, IndicatorAggregation> = self
            .indicators
            .iter()
            .map(|i| (i.id.as_str(), i.aggregation))
            .collect();
        let mut measurements = Vec::with_capacity(self.measurements.len());
        for (index, measurement) in self.measurements.iter().enumerate() {
            let prefix = format!("evaluation.measurements.{}", index + 1);
            check_id(errors, &format!("{prefix}.id"), &measurement.id);
            let Some(aggregation) = aggregations.get(measurement.indicator_id.as_str()) else {
                errors.push(
                    format!("{prefix}.indicatorId"),
                    format!(
                        "L’indicateur {} n’est pas un indicateur de ce fichier.",
                        measurement
                            .indicator_id
                            .chars()
                            .take(40)
                            .collect::<String>()
                    ),
                );
                continue;
            };
            match measurement.draft().validated(*aggregation) {
                Ok(draft) => measurements.push(measurement.with_draft(draft)),
                Err(e) => errors.extend_prefixed(&prefix, e),
            }
        }
        let mut gap_analyses = Vec::with_capacity(self.gap_analyses.len());
        for (index, gap) in self.gap_analyses.iter().enumerate() {
            let prefix = format!("evaluation.gapAnalyses.{}", index + 1);
            check_id(errors, &format!("{prefix}.id"), &gap.id);
            match gap.draft().validated() {
                Ok(draft) => {
                    if !objective_exists(&draft.objective) {
                        errors.push(
                            format!("{prefix}.objective"),
                            unknown_objective(&draft.objective),
                        );
                    }
                    gap_analyses.push(gap.with_draft(draft));
                }
                Err(e) => errors.extend_prefixed(&prefix, e),
            }
        }
        (errors.0.len() == before).then_some(FileEvaluation {
            frame,
            indicators,
            measurements,
            gap_analyses,
        })
    }

    /// The frame to store for alliance `alliance_id`, id and dates as in the file.
    pub fn frame_record(&self, alliance_id: &str) -> Option<EvaluationFrame> {
        self.frame.as_ref().map(|f| EvaluationFrame {
            id: f.id.clone(),
            alliance_id: alliance_id.to_string(),
            created_at: f.created_at,
            updated_at: f.updated_at,
            draft: f.draft(),
        })
    }
}

fn unknown_objective(objective: &ObjectiveRef) -> String {
    format!(
        "L’{} {} n’est pas un objectif de ce fichier.",
        objective.level.label().to_lowercase(),
        objective.id.chars().take(40).collect::<String>()
    )
}

impl From<&EvaluationFrame> for FileEvaluationFrame {
    fn from(f: &EvaluationFrame) -> FileEvaluationFrame {
        FileEvaluationFrame {
            id: f.id.clone(),
            created_at: f.created_at,
            updated_at: f.updated_at,
            purposes: Vec::new(),
            questions: Vec::new(),
        }
        .with_draft(f.draft.clone())
    }
}

impl FileEvaluationFrame {
    /// The fields the user edits.
    pub fn draft(&self) -> EvaluationFrameDraft {
        EvaluationFrameDraft {
            purposes: self.purposes.clone(),
            questions: self.questions.clone(),
        }
    }

    fn with_draft(&self, draft: EvaluationFrameDraft) -> FileEvaluationFrame {
        let EvaluationFrameDraft {
            purposes,
            questions,
        } = draft;
        FileEvaluationFrame {
            purposes,
            questions,
            ..self.clone()
        }
    }
}

impl From<&Indicator> for FileIndicator {
    fn from(i: &Indicator) -> FileIndicator {
        FileIndicator::new(
            i.id.clone(),
            i.created_at,
            i.updated_at,
            i.position,
            i.draft.clone(),
        )
    }
}

impl FileIndicator {
    /// The indicator of a file from its id, dates, place and draft.
    pub fn new(
        id: String,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        position: u32,
        draft: IndicatorDraft,
    ) -> FileIndicator {
        let IndicatorDraft {
            objective,
            name,
            level,
            unit,
            direction,
            aggregation,
            baseline_value,
            baseline_date,
            target_value,
            target_date,
            frequency,
            owner_partner_id,
            owner_person,
            data_source,
            source_reference,
            method,
            key_indicator,
        } = draft;
        FileIndicator {
            id,
            created_at,
            updated_at,
            position,
            objective,
            name,
            level,
            unit,
            direction,
            aggregation,
            baseline_value,
            baseline_date,
            target_value,
            target_date,
            frequency,
            owner_partner_id,
            owner_person,
            data_source,
            source_reference,
            method,
            key_indicator,
        }
    }

    /// The fields the user edits.
    pub fn draft(&self) -> IndicatorDraft {
        let FileIndicator {
            id: _,
            created_at: _,
            updated_at: _,
            position: _,
            objective,
            name,
            level,
            unit,
            direction,
            aggregation,
            baseline_value,
            baseline_date,
            target_value,
            target_date,
            frequency,
            owner_partner_id,
            owner_person,
            data_source,
            source_reference,
            method,
            key_indicator,
        } = self.clone();
        IndicatorDraft {
            objective,
            name,
            level,
            unit,
            direction,
            aggregation,
            baseline_value,
            baseline_date,
            target_value,
            target_date,
            frequency,
            owner_partner_id,
            owner_person,
            data_source,
            source_reference,
            method,
            key_indicator,
        }
    }

    fn with_draft(&self, draft: IndicatorDraft) -> FileIndicator {
        FileIndicator::new(
            self.id.clone(),
            self.created_at,
            self.updated_at,
            self.position,
            draft,
        )
    }

    /// The indicator to store for alliance `alliance_id`, id, place and dates as in the
    /// file.
    pub fn record(&self, alliance_id: &str) -> Indicator {
        Indicator {
            id: self.id.clone(),
            alliance_id: alliance_id.to_string(),
            position: self.position,
            created_at: self.created_at,
            updated_at: self.updated_at,
            draft: self.draft(),
        }
    }
}

impl From<&Measurement> for FileMeasurement {
    fn from(m: &Measurement) -> FileMeasurement {
        FileMeasurement::new(m.id.clone(), m.created_at, m.updated_at, m.draft.clone())
    }
}

impl FileMeasurement {
    /// The measurement of a file from its id, dates and draft.
    pub fn new(
        id: String,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        draft: MeasurementDraft,
    ) -> FileMeasurement {
        let MeasurementDraft {
            indicator_id,
            date,
            value,
            numerator,
            denominator,
            comment,
            source,
        } = draft;
        FileMeasurement {
            id,
            created_at,
            updated_at,
            indicator_id,
            date,
            value,
            numerator,
            denominator,
            comment,
            source,
        }
    }

    /// The fields the user edits.
    pub fn draft(&self) -> MeasurementDraft {
        let FileMeasurement {
            id: _,
            created_at: _,
            updated_at: _,
            indicator_id,
            date,
            value,
            numerator,
            denominator,
            comment,
            source,
        } = self.clone();
        MeasurementDraft {
            indicator_id,
            date,
            value,
            numerator,
            denominator,
            comment,
            source,
        }
    }

    fn with_draft(&self, draft: MeasurementDraft) -> FileMeasurement {
        FileMeasurement::new(self.id.clone(), self.created_at, self.updated_at, draft)
    }

    /// The measurement to store for alliance `alliance_id`, id and dates as in the file.
    pub fn record(&self, alliance_id: &str) -> Measurement {
        Measurement {
            id: self.id.clone(),
            alliance_id: alliance_id.to_string(),
            created_at: self.created_at,
            updated_at: self.updated_at,
            draft: self.draft(),
        }
    }
}

impl From<&GapAnalysis> for FileGapAnalysis {
    fn from(g: &GapAnalysis) -> FileGapAnalysis {
        FileGapAnalysis::new(g.id.clone(), g.created_at, g.updated_at, g.draft.clone())
    }
}

impl FileGapAnalysis {
    /// The gap analysis of a file from its id, dates and draft.
    pub fn new(
        id: String,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        draft: GapAnalysisDraft,
    ) -> FileGapAnalysis {
        let GapAnalysisDraft {
            objective,
            date,
            positive_factors,
            negative_factors,
            decision,
            decision_note,
        } = draft;
        FileGapAnalysis {
            id,
            created_at,
            updated_at,
            objective,
            date,
            positive_factors,
            negative_factors,
            decision,
            decision_note,
        }
    }

    /// The fields the user edits.
    pub fn draft(&self) -> GapAnalysisDraft {
        let FileGapAnalysis {
            id: _,
            created_at: _,
            updated_at: _,
            objective,
            date,
            positive_factors,
            negative_factors,
            decision,
            decision_note,
        } = self.clone();
        GapAnalysisDraft {
            objective,
            date,
            positive_factors,
            negative_factors,
            decision,
            decision_note,
        }
    }

    fn with_draft(&self, draft: GapAnalysisDraft) -> FileGapAnalysis {
        FileGapAnalysis::new(self.id.clone(), self.created_at, self.updated_at, draft)
    }

    /// The gap analysis to store for alliance `alliance_id`, id and dates as in the file.
    pub fn record(&self, alliance_id: &str) -> GapAnalysis {
        GapAnalysis {
            id: self.id.clone(),
            alliance_id: alliance_id.to_string(),
            created_at: self.created_at,
            updated_at: self.updated_at,
            draft: self.draft(),
        }
    }
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
