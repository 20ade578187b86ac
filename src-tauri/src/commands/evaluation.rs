//! The impact evaluation of an alliance (guide section 4, « Évaluation continue de
//! l’impact »; allia-core's `evaluation`): the frame (AVISE purposes, evaluative
//! questions), the indicators with their measurements and where each stands, and the gap
//! analyses. Each command is one store call; the rules (validation, progress, status) live
//! in allia-core.

use allia_core::evaluation::{
    EvaluationFrame, EvaluationFrameDraft, EvaluationOverview, GapAnalysis, GapAnalysisDraft,
    Indicator, IndicatorDraft, IndicatorView, Measurement, MeasurementDraft,
};
use allia_store::{Store, StoreError, StoreResult};

/// The overview without the measurements and the chart lines (the store's
/// `evaluation_summary`: each indicator's progress computed from all its measurements):
/// what the overview screen shows, a small answer however many measurements there are.
async fn summary(store: &Store, alliance_id: &str) -> StoreResult<EvaluationOverview> {
    store
        .evaluation_summary(alliance_id, crate::clock::today())
        .await
}

/// One indicator of the alliance with its measurements, progress and chart line, reading
/// its measurements only. `NotFound(Indicator)` when the alliance has no such indicator.
async fn one_indicator(
    store: &Store,
    alliance_id: &str,
    indicator_id: &str,
) -> StoreResult<IndicatorView> {
    store
        .evaluation_indicator(alliance_id, indicator_id, crate::clock::today())
        .await
}

/// The draft of the indicator `indicator_id` of the alliance, read with its own
/// measurements only; `None` when the alliance has no such indicator (the store's own call
/// then says `not_found`).
async fn indicator_draft(
    store: &Store,
    alliance_id: &str,
    indicator_id: &str,
) -> StoreResult<Option<IndicatorDraft>> {
    match one_indicator(store, alliance_id, indicator_id).await {
        Ok(view) => Ok(Some(view.indicator.draft)),
        Err(StoreError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Refuses a measurement dated after today or before its indicator's baseline date
/// (allia-core's `MeasurementDraft::context_errors`) with field errors on `date`.
fn check_context(draft: &MeasurementDraft, indicator: Option<&IndicatorDraft>) -> StoreResult<()> {
    let Some(indicator) = indicator else {
        return Ok(());
    };
    let errors = draft.context_errors(indicator, crate::clock::today());
    if errors.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Validation(errors))
    }
}

/// [`Store::add_measurement`] after [`check_context`].
async fn add_measurement(
    store: &Store,
    alliance_id: &str,
    draft: &MeasurementDraft,
) -> StoreResult<Measurement> {
    let indicator = indicator_draft(store, alliance_id, &draft.indicator_id).await?;
    check_context(draft, indicator.as_ref())?;
    store.add_measurement(alliance_id, draft).await
}

/// [`Store::update_measurement`] after [`check_context`], against the indicator the
/// draft names (the command is given the measurement's id only; an indicator id is unique
/// in the vault, so the alliance holding it is the one to look in).
async fn update_measurement(
    store: &Store,
    id: &str,
    draft: &MeasurementDraft,
) -> StoreResult<Measurement> {
    for alliance in store.alliances().await? {
        if let Some(indicator) = indicator_draft(store, &alliance.id, &draft.indicator_id).await? {
            check_context(draft, Some(&indicator))?;
            break;
        }
    }
    store.update_measurement(id, draft).await
}

store_commands! {
    /// The alliance's whole evaluation as of today (`crate::clock::today()`): its frame,
    /// its indicators in order, each with its measurements by date and its progress
    /// (status « En bonne voie », « À surveiller », « En retard » or « Pas encore
    /// mesuré », with its explanation in French), and its gap analyses, latest first.
    fn evaluation_overview(alliance_id: String) -> EvaluationOverview =
        |store| store.evaluation_overview(&alliance_id, crate::clock::today());
    /// The same overview without the measurements (each indicator's `measurements` and
    /// `series` empty, its progress computed from all of them): what « Vue d’ensemble »
    /// shows, read without building a record per measurement.
    fn evaluation_summary(alliance_id: String) -> EvaluationOverview =
        |store| summary(&store, &alliance_id);
    /// One indicator with its measurements (by date) and its progress as of today: what
    /// its chart and its list of measurements show. `not_found` for an indicator that is
    /// not the alliance's.
    fn evaluation_indicator(alliance_id: String, indicator_id: String) -> IndicatorView =
        |store| one_indicator(&store, &alliance_id, &indicator_id);
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
    /// value is computed from the numerator and the denominator (not above it). Field
    /// errors on `indicatorId`, `date` (also a date after today or before the indicator's
    /// baseline date, allia-core's `MeasurementDraft::context_errors`), `value`,
    /// `numerator`, `denominator`, `comment`, `source`.
    fn measurement_add(alliance_id: String, draft: MeasurementDraft) -> Measurement =
        |store| add_measurement(&store, &alliance_id, &draft);
    /// Changes a measurement (same field errors as `measurement_add`).
    fn measurement_update(id: String, draft: MeasurementDraft) -> Measurement =
        |store| update_measurement(&store, &id, &draft);
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

#[cfg(test)]
mod tests {
    use allia_core::evaluation::IndicatorAggregation;
    use allia_store::{KdfParams, Vault};

    use super::*;

    fn date_refused(result: StoreResult<Measurement>) -> bool {
        matches!(result, Err(StoreError::Validation(errors))
            if errors.0.iter().any(|e| e.field == "date"))
    }

    #[tokio::test]
    async fn a_measurement_after_today_or_before_the_baseline_is_refused_when_added_or_changed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (vault, _) =
            Vault::create_with_params(dir.path(), "phrase de test", KdfParams::default())
                .await
                .expect("vault");
        let store = vault.store();
        let demo = store.load_demo().await.expect("demo");
        let overview = store
            .evaluation_overview(&demo.id, crate::clock::today())
            .await
            .expect("overview");
        let indicator = overview
            .indicators
            .iter()
            .find(|v| v.indicator.draft.aggregation != IndicatorAggregation::Rate)
            .expect("an indicator that is not a rate");
        let today = crate::clock::today();
        let draft = |date: chrono::NaiveDate| MeasurementDraft {
            indicator_id: indicator.indicator.id.clone(),
            date,
            value: 1.0,
            numerator: None,
            denominator: None,
            comment: None,
            source: None,
        };
        let tomorrow = today.succ_opt().expect("a tomorrow");
        let before = indicator
            .indicator
            .draft
            .baseline_date
            .pred_opt()
            .expect("a day before");
        assert!(date_refused(
            add_measurement(store, &demo.id, &draft(tomorrow)).await
        ));
        assert!(date_refused(
            add_measurement(store, &demo.id, &draft(before)).await
        ));
        let baseline = indicator.indicator.draft.baseline_date;
        let added = add_measurement(store, &demo.id, &draft(baseline))
            .await
            .expect("a measurement on the baseline date");
        assert!(date_refused(
            update_measurement(store, &added.id, &draft(tomorrow)).await
        ));
        let kept = update_measurement(store, &added.id, &draft(today))
            .await
            .expect("moved to today");
        assert_eq!(kept.draft.date, today);
        vault.close().await;
    }
}
