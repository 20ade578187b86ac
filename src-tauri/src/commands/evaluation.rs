//! The impact evaluation of an alliance (guide section 4, « Évaluation continue de
//! l’impact »; allia-core's `evaluation`): the frame (AVISE purposes, evaluative
//! questions), the indicators with their measurements and where each stands, and the gap
//! analyses. Each command is one store call; the rules (validation, progress, status) live
//! in allia-core.

use allia_core::evaluation::{
    EvaluationFrame, EvaluationFrameDraft, EvaluationOverview, GapAnalysis, GapAnalysisDraft,
    Indicator, IndicatorDraft, Measurement, MeasurementDraft,
};

store_commands! {
    /// The alliance's whole evaluation as of today (`crate::clock::today()`): its frame,
    /// its indicators in order, each with its measurements by date and its progress
    /// (status « En bonne voie », « À surveiller », « En retard » or « Pas encore
    /// mesuré », with its explanation in French), and its gap analyses, latest first.
    fn evaluation_overview(alliance_id: String) -> EvaluationOverview =
        |store| store.evaluation_overview(&alliance_id, crate::clock::today());
    /// Writes the evaluation frame (purposes and questions), replacing what was written.
    /// Field errors on `questions.<i>`, `questions`.
    fn evaluation_frame_save(alliance_id: String, draft: EvaluationFrameDraft) -> EvaluationFrame =
        |store| store.save_evaluation_frame(&alliance_id, &draft);
    /// Adds an indicator at the end of the alliance's list. Field errors on `objective`,
    /// `name`, `unit`, `baselineValue`, `targetValue`, `baselineDate`, `targetDate`,
    /// `direction`, `ownerPartnerId`, `ownerPerson`, `sourceReference`.
    fn indicator_add(alliance_id: String, draft: IndicatorDraft) -> Indicator =
        |store| store.add_indicator(&alliance_id, &draft);
    /// Changes an indicator (same field errors as `indicator_add`).
    fn indicator_update(id: String, draft: IndicatorDraft) -> Indicator =
        |store| store.update_indicator(&id, &draft);
    /// Deletes an indicator with its measurements.
    fn indicator_delete(id: String) -> () =
        |store| store.delete_indicator(&id);
    /// Adds a dated measurement to its indicator (`draft.indicatorId`). For a rate, the
    /// value is computed from the numerator and the denominator. Field errors on
    /// `indicatorId`, `date`, `value`, `numerator`, `denominator`, `comment`, `source`.
    fn measurement_add(alliance_id: String, draft: MeasurementDraft) -> Measurement =
        |store| store.add_measurement(&alliance_id, &draft);
    /// Changes a measurement (same field errors as `measurement_add`).
    fn measurement_update(id: String, draft: MeasurementDraft) -> Measurement =
        |store| store.update_measurement(&id, &draft);
    /// Deletes a measurement.
    fn measurement_delete(id: String) -> () =
        |store| store.delete_measurement(&id);
    /// Records a gap analysis for an objective. Field errors on `objective`, `date`,
    /// `positiveFactors.<i>`, `negativeFactors.<i>`, `decisionNote`.
    fn gap_analysis_add(alliance_id: String, draft: GapAnalysisDraft) -> GapAnalysis =
        |store| store.add_gap_analysis(&alliance_id, &draft);
    /// Changes a gap analysis (same field errors as `gap_analysis_add`).
    fn gap_analysis_update(id: String, draft: GapAnalysisDraft) -> GapAnalysis =
        |store| store.update_gap_analysis(&id, &draft);
    /// Deletes a gap analysis.
    fn gap_analysis_delete(id: String) -> () =
        |store| store.delete_gap_analysis(&id);
}
