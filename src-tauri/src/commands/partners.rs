//! Partners of an alliance.

use allia_core::{Partner, PartnerDraft};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn partner_list(
    state: State<'_, AppState>,
    alliance_id: String,
) -> Result<Vec<Partner>, AppError> {
    Ok(state.store().await?.partners(&alliance_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn partner_create(
    state: State<'_, AppState>,
    alliance_id: String,
    draft: PartnerDraft,
) -> Result<Partner, AppError> {
    Ok(state
        .store()
        .await?
        .create_partner(&alliance_id, &draft)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn partner_update(
    state: State<'_, AppState>,
    id: String,
    draft: PartnerDraft,
) -> Result<Partner, AppError> {
    Ok(state.store().await?.update_partner(&id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn partner_delete(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    Ok(state.store().await?.delete_partner(&id).await?)
}
