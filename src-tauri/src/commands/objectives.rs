//! « Objectifs » (guide section 4, « Formaliser et mesurer l’action »): the shared vision
//! and its priority criteria, the strategic objectives with their gaps, the operational
//! objectives, deleting an objective with what becomes of its indicators, and the SMART
//! check of a form as it is typed. The rules are allia-core's (`objectives`); today's
//! date is the shell's (`crate::clock::today`).

use allia_core::objectives::{
    check_smart, IndicatorFate, ObjectiveRef, ObjectivesFrame, ObjectivesFrameDraft,
    ObjectivesOverview, OperationalObjective, OperationalObjectiveDraft, SmartCheck, StrategicGap,
    StrategicGapDraft, StrategicObjective, StrategicObjectiveDraft,
};

use crate::error::AppError;

store_commands! {
    /// Everything « Objectifs » shows: the frame (or the default one), the strategic
    /// objectives in order with their gaps and operational objectives (each checked
    /// against SMART as of today), the indicators counted per objective, and the
    /// priority ranking.
    fn objectives_overview(alliance_id: String) -> ObjectivesOverview =
        |store| store.objectives_overview(&alliance_id, crate::clock::today());
    /// Writes the shared vision, its horizon year and the priority criteria, replacing
    /// what was written. Field errors on `vision`, `horizonYear` (also a year in the past
    /// or more than 10 years ahead of today, allia-core's `horizon_errors`),
    /// `priorityCriteria…`.
    fn objectives_frame_save(alliance_id: String, draft: ObjectivesFrameDraft) -> ObjectivesFrame =
        |store| async {
            let horizon = draft.horizon_errors(crate::clock::today());
            if !horizon.is_empty() {
                return Err(allia_store::StoreError::Validation(horizon));
            }
            store.save_objectives_frame(&alliance_id, &draft).await
        };
    /// Adds a strategic objective at the end of the list. Field errors on `title`,
    /// `description`, `expectedImpacts…`, `priorityScores…`.
    fn strategic_objective_add(alliance_id: String, draft: StrategicObjectiveDraft) -> StrategicObjective =
        |store| store.add_strategic_objective(&alliance_id, &draft);
    /// Changes a strategic objective (its place stays).
    fn strategic_objective_update(id: String, draft: StrategicObjectiveDraft) -> StrategicObjective =
        |store| store.update_strategic_objective(&id, &draft);
    /// Moves a strategic objective to `to_position` (from 0; past the end: last).
    fn strategic_objective_move(id: String, to_position: u32) -> () =
        |store| store.move_strategic_objective(&id, to_position);
    /// Records how a partner sees a strategic objective differently. Field errors on
    /// `strategicObjectiveId`, `partnerId` (a partner « Engagé » of the alliance),
    /// `description`.
    fn strategic_gap_add(alliance_id: String, draft: StrategicGapDraft) -> StrategicGap =
        |store| store.add_strategic_gap(&alliance_id, &draft);
    /// Changes a strategic gap.
    fn strategic_gap_update(id: String, draft: StrategicGapDraft) -> StrategicGap =
        |store| store.update_strategic_gap(&id, &draft);
    /// Deletes a strategic gap.
    fn strategic_gap_delete(id: String) -> () =
        |store| store.delete_strategic_gap(&id);
    /// Adds an operational objective at the end of its strategic objective's. Field
    /// errors on the draft's fields (`wording`, `partnerIds`, `dueDate`…); an objective
    /// that is not SMART yet still saves.
    fn operational_objective_add(alliance_id: String, draft: OperationalObjectiveDraft) -> OperationalObjective =
        |store| store.add_operational_objective(&alliance_id, &draft);
    /// Changes an operational objective (a new strategic objective puts it at the end of
    /// that one's).
    fn operational_objective_update(id: String, draft: OperationalObjectiveDraft) -> OperationalObjective =
        |store| store.update_operational_objective(&id, &draft);
    /// Deletes an objective (a strategic one with its operational objectives and gaps);
    /// `fate` says what becomes of their indicators: `refuse` fails with a precondition
    /// error naming how many there are, `delete` deletes them with their measurements,
    /// `moveTo` hangs them on another objective.
    fn objective_delete(alliance_id: String, objective: ObjectiveRef, fate: IndicatorFate) -> () =
        |store| store.delete_objective(&alliance_id, &objective, &fate);
}

/// Checks an operational objective's form on the five letters of SMART, as of today
/// (allia-core's `check_smart`): nothing is read or stored, so it answers with the vault
/// locked too. The letters come in S, M, A, R, T order, each failed one with its reason
/// in French.
#[tauri::command]
#[specta::specta]
pub async fn smart_check(draft: OperationalObjectiveDraft) -> Result<SmartCheck, AppError> {
    Ok(check_smart(&draft, crate::clock::today()))
}
