//! Contract documents of an alliance: versions, status, signatures.

use allia_core::{
    ContractDocument, DocumentKind, DocumentSettings, DocumentStatus, PartySignature,
};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn document_list(
    state: State<'_, AppState>,
    alliance_id: String,
) -> Result<Vec<ContractDocument>, AppError> {
    Ok(state.store().await?.documents(&alliance_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn document_create(
    state: State<'_, AppState>,
    alliance_id: String,
    kind: DocumentKind,
    settings: DocumentSettings,
) -> Result<ContractDocument, AppError> {
    Ok(state
        .store()
        .await?
        .create_document(&alliance_id, kind, &settings)
        .await?)
}

/// Saves the settings; when the current version is frozen this starts a new version.
#[tauri::command]
#[specta::specta]
pub async fn document_update(
    state: State<'_, AppState>,
    id: String,
    settings: DocumentSettings,
) -> Result<ContractDocument, AppError> {
    Ok(state
        .store()
        .await?
        .update_document_settings(&id, &settings)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn document_set_status(
    state: State<'_, AppState>,
    id: String,
    status: DocumentStatus,
) -> Result<ContractDocument, AppError> {
    Ok(state
        .store()
        .await?
        .set_document_status(&id, status)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn document_record_signature(
    state: State<'_, AppState>,
    id: String,
    signature: PartySignature,
) -> Result<ContractDocument, AppError> {
    Ok(state
        .store()
        .await?
        .record_signature(&id, &signature)
        .await?)
}

#[tauri::command]
#[specta::specta]
pub async fn document_delete(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    Ok(state.store().await?.delete_document(&id).await?)
}
