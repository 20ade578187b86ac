//! « Modèle de partenariat »: the model advisor's answers and its recommendation
//! (allia-core's `model_advisor`, guide section 2). The rule runs in allia-core, never
//! in the UI.

use allia_core::{AdvisorAnswers, ModelAdvisor, Recommendation};

use crate::error::AppError;

store_commands! {
    /// The model advisor's answers recorded for an alliance, `null` before the first
    /// save.
    fn model_advisor_get(alliance_id: String) -> Option<ModelAdvisor> =
        |store| store.model_advisor(&alliance_id);
    /// Records the model advisor's answers for an alliance, replacing the previous
    /// ones. Field errors: `partnerCount`, `publicFundingCents`.
    fn model_advisor_save(alliance_id: String, answers: AdvisorAnswers) -> ModelAdvisor =
        |store| store.save_model_advisor(&alliance_id, &answers);
}

/// The recommended form of cooperation for `answers` (saved or not), with its
/// reasons, alternatives, contradictions and company category; `null` while nothing is
/// answered. Needs no vault.
#[tauri::command]
#[specta::specta]
pub async fn model_advisor_recommend(
    answers: AdvisorAnswers,
) -> Result<Option<Recommendation>, AppError> {
    Ok(allia_core::recommend(&answers))
}
