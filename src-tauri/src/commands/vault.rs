//! Creating, unlocking, locking and re-keying the vault.

use allia_store::{BackupReason, Vault, VaultPaths, VaultState};
use serde::Serialize;
use tauri::State;
use zeroize::Zeroizing;

use crate::error::AppError;
use crate::state::AppState;

/// What is on disk, as the first screen needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum VaultFiles {
    /// No vault: the welcome screen creates one.
    Absent,
    Present,
    /// The database without its key file: the recovery kit opens it.
    KeyFileMissing,
    /// The key file without the database: only a backup can help.
    DatabaseMissing,
}

#[derive(Debug, Serialize, specta::Type)]
pub struct VaultStatus {
    pub files: VaultFiles,
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
    let files = match VaultPaths::new(&state.data_dir).state() {
        VaultState::Absent => VaultFiles::Absent,
        VaultState::Present => VaultFiles::Present,
        VaultState::KeyFileMissing => VaultFiles::KeyFileMissing,
        VaultState::DatabaseMissing => VaultFiles::DatabaseMissing,
    };
    Ok(VaultStatus {
        files,
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
    state.open(&mut slot, vault).await;
    state.recovery_key.shown();
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
        let vault = Vault::unlock(&state.data_dir, &passphrase).await?;
        state.open(&mut slot, vault).await;
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
        open.lock(BackupReason::Lock).await;
    }
    let vault = Vault::recover(
        &state.data_dir,
        &recovery_key,
        &new_passphrase,
        &confirmation,
    )
    .await?;
    state.open(&mut slot, vault).await;
    Ok(())
}

#[tauri::command]
#[specta::specta]
/// Locks now: an automatic backup if something changed, then the vault closed. A
/// failed backup never keeps the vault open: its message comes back for a notice.
pub async fn vault_lock(state: State<'_, AppState>) -> Result<Option<String>, AppError> {
    Ok(state
        .lock(BackupReason::Lock)
        .await
        .map(|failure| format!("La sauvegarde automatique a échoué : {failure}")))
}

/// « Créer un nouveau kit de récupération »: checks the passphrase, makes a backup,
/// re-encrypts the vault under a new recovery key and returns it, to show once. The
/// old kit then opens only the backups made before.
#[tauri::command]
#[specta::specta]
pub async fn vault_new_recovery_key(
    state: State<'_, AppState>,
    passphrase: String,
) -> Result<RecoveryKit, AppError> {
    let passphrase = Zeroizing::new(passphrase);
    let mut slot = state.vault.lock().await;
    let vault = slot.as_mut().ok_or_else(AppError::locked)?;
    state.touch();
    // A wrong passphrase comes back on the `passphrase` field (`From<StoreError>`).
    let recovery = vault.new_recovery_key(&passphrase).await?;
    state.recovery_key.shown();
    Ok(RecoveryKit {
        recovery_key: recovery.display().to_string(),
    })
}

/// The person is active (keys, mouse): the auto-lock countdown starts again.
#[tauri::command]
#[specta::specta]
pub async fn vault_touch(state: State<'_, AppState>) -> Result<(), AppError> {
    state.touch();
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
