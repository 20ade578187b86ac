//! Settings kept in the vault.

use allia_core::Settings;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

store_commands! {
    fn settings_get() -> Settings = |store| store.settings();
}

// Not a one-call command: the new auto-lock delay is put in force at once.
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
