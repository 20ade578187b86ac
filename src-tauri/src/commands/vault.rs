//! Creating, unlocking, locking and re-keying the vault.

use allia_store::{Vault, VaultPaths};
use serde::Serialize;
use tauri::State;
use zeroize::Zeroizing;

use crate::error::AppError;
use crate::state::AppState;

#[derive(Debug, Serialize, specta::Type)]
pub struct VaultStatus {
    pub exists: bool,
    pub unlocked: bool,
}

#[derive(Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryKit {
    pub recovery_key: String,
}

#[tauri::command]
#[specta::specta]
pub async fn vault_status(state: State<'_, AppState>) -> Result<VaultStatus, AppError> {
    Ok(VaultStatus {
        exists: VaultPaths::new(&state.data_dir).exists(),
        unlocked: state.vault.lock().await.is_some(),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn vault_create(
    state: State<'_, AppState>,
    passphrase: String,
    confirmation: String,
) -> Result<RecoveryKit, AppError> {
    let (passphrase, confirmation) = (Zeroizing::new(passphrase), Zeroizing::new(confirmation));
    let mut slot = state.vault.lock().await;
    let (vault, recovery) = Vault::create(&state.data_dir, &passphrase, &confirmation).await?;
    *slot = Some(vault);
    Ok(RecoveryKit {
        recovery_key: recovery.display().to_string(),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn vault_unlock(state: State<'_, AppState>, passphrase: String) -> Result<(), AppError> {
    let passphrase = Zeroizing::new(passphrase);
    let mut slot = state.vault.lock().await;
    if slot.is_none() {
        *slot = Some(Vault::unlock(&state.data_dir, &passphrase).await?);
    }
    Ok(())
}

/// « Phrase de passe oubliée ? »: unlock with the recovery key and set a new passphrase.
#[tauri::command]
#[specta::specta]
pub async fn vault_recover(
    state: State<'_, AppState>,
    recovery_key: String,
    new_passphrase: String,
    confirmation: String,
) -> Result<(), AppError> {
    let recovery_key = Zeroizing::new(recovery_key);
    let (new_passphrase, confirmation) =
        (Zeroizing::new(new_passphrase), Zeroizing::new(confirmation));
    let mut slot = state.vault.lock().await;
    if let Some(open) = slot.take() {
        open.close().await;
    }
    *slot = Some(
        Vault::recover(
            &state.data_dir,
            &recovery_key,
            &new_passphrase,
            &confirmation,
        )
        .await?,
    );
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn vault_lock(state: State<'_, AppState>) -> Result<(), AppError> {
    if let Some(vault) = state.vault.lock().await.take() {
        vault.close().await;
    }
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn vault_change_passphrase(
    state: State<'_, AppState>,
    current: String,
    new_passphrase: String,
    confirmation: String,
) -> Result<(), AppError> {
    let current = Zeroizing::new(current);
    let (new_passphrase, confirmation) =
        (Zeroizing::new(new_passphrase), Zeroizing::new(confirmation));
    let mut slot = state.vault.lock().await;
    let vault = slot.as_mut().ok_or_else(AppError::locked)?;
    match vault.change_passphrase(&current, &new_passphrase, &confirmation) {
        Err(allia_store::StoreError::WrongPassphrase) => {
            Err(AppError::wrong_passphrase_on("current"))
        }
        other => Ok(other?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_code_for_locked_vault() {
        assert_eq!(
            AppError::locked().code,
            crate::error::ErrorCode::VaultLocked
        );
    }
}
