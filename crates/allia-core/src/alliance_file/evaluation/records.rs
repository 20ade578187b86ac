//! The evaluation's records in the alliance file and the stored ones: each way, for the
//! frame, the indicators, the measurements and the gap analyses.

use chrono::{DateTime, Utc};

use crate::evaluation::{
    EvaluationFrame, EvaluationFrameDraft, GapAnalysis, GapAnalysisDraft, Indicator,
    IndicatorDraft, Measurement, MeasurementDraft,
};

use super::{FileEvaluation, FileEvaluationFrame, FileGapAnalysis, FileIndicator, FileMeasurement};

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

    pub(super) fn with_draft(&self, draft: EvaluationFrameDraft) -> FileEvaluationFrame {
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

    pub(super) fn with_draft(&self, draft: IndicatorDraft) -> FileIndicator {
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

    pub(super) fn with_draft(&self, draft: MeasurementDraft) -> FileMeasurement {
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

    pub(super) fn with_draft(&self, draft: GapAnalysisDraft) -> FileGapAnalysis {
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
