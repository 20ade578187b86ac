//! The association's own profile.

use allia_core::Organisation;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn profile_get(state: State<'_, AppState>) -> Result<Option<Organisation>, AppError> {
    Ok(state.store().await?.profile().await?)
}

#[tauri::command]
#[specta::specta]
pub async fn profile_save(
    state: State<'_, AppState>,
    profile: Organisation,
) -> Result<Organisation, AppError> {
    Ok(state.store().await?.save_profile(&profile).await?)
}
