//! Settings kept in the vault.

use allia_core::Settings;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn settings_get(state: State<'_, AppState>) -> Result<Settings, AppError> {
    Ok(state.store().await?.settings().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn settings_save(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, AppError> {
    let saved = state.store().await?.save_settings(&settings).await?;
    state.set_auto_lock_minutes(saved.auto_lock_minutes);
    Ok(saved)
}
