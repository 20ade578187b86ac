//! Alliances and the closed lists the screens offer.

use allia_core::{Alliance, AllianceDraft, Catalog};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// The closed lists with their French labels (from allia-core's enums).
#[tauri::command]
#[specta::specta]
pub async fn catalog() -> Catalog {
    Catalog::build()
}

#[tauri::command]
#[specta::specta]
pub async fn alliance_list(state: State<'_, AppState>) -> Result<Vec<Alliance>, AppError> {
    Ok(state.store().await?.alliances().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn alliance_create(
    state: State<'_, AppState>,
    draft: AllianceDraft,
) -> Result<Alliance, AppError> {
    Ok(state.store().await?.create_alliance(&draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn alliance_update(
    state: State<'_, AppState>,
    id: String,
    draft: AllianceDraft,
) -> Result<Alliance, AppError> {
    Ok(state.store().await?.update_alliance(&id, &draft).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn alliance_set_archived(
    state: State<'_, AppState>,
    id: String,
    archived: bool,
) -> Result<Alliance, AppError> {
    Ok(state
        .store()
        .await?
        .set_alliance_archived(&id, archived)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn alliance_delete(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    Ok(state.store().await?.delete_alliance(&id).await?)
}

/// « Charger l'exemple »: the guide's shared-service alliance.
#[tauri::command]
#[specta::specta]
pub async fn demo_load(state: State<'_, AppState>) -> Result<Alliance, AppError> {
    Ok(state.store().await?.load_demo().await?)
}
