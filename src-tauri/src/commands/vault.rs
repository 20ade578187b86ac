//! Creating, unlocking, locking and re-keying the vault.

use allia_core::{assess_passphrase as assess, PassphraseAssessment};
use allia_store::{Vault, VaultPaths};
use serde::Serialize;
use tauri::{AppHandle, State};
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

/// Strength of a passphrase being typed (the same rule that refuses weak ones).
#[tauri::command]
#[specta::specta]
pub async fn assess_passphrase(passphrase: String) -> PassphraseAssessment {
    let passphrase = Zeroizing::new(passphrase);
    assess(&passphrase)
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

/// Asks where to save the recovery kit (system save dialog) and writes it there.
/// Returns the chosen path, or `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_recovery_kit(
    app: AppHandle,
    recovery_key: String,
) -> Result<Option<String>, AppError> {
    let recovery_key = Zeroizing::new(recovery_key);
    let chosen = crate::dialogs::choose_save_path(
        &app,
        "Enregistrer le kit de récupération",
        KIT_FILE_NAME,
        "Texte",
        "txt",
    )
    .await;
    let Some(path) = chosen else {
        return Ok(None);
    };
    let kit = Zeroizing::new(recovery_kit_text(
        &recovery_key,
        chrono::Local::now().date_naive(),
    ));
    std::fs::write(&path, kit.as_bytes()).map_err(|e| {
        AppError::io(
            "Impossible d’enregistrer le kit de récupération à cet endroit",
            &e,
        )
    })?;
    Ok(Some(path.to_string_lossy().into_owned()))
}

const KIT_FILE_NAME: &str = "allia-kit-de-recuperation.txt";

fn recovery_kit_text(recovery_key: &str, date: chrono::NaiveDate) -> String {
    let date = allia_docs::templates::typography::format_date(date);
    format!(
        "ALLIA — KIT DE RÉCUPÉRATION\r\n\
         ============================\r\n\r\n\
         Créé le {date}.\r\n\r\n\
         Clé de récupération :\r\n\r\n    {recovery_key}\r\n\r\n\
         Cette clé ouvre votre coffre Allia si vous oubliez votre phrase de passe :\r\n\
         sur l’écran de déverrouillage, cliquez sur « Phrase de passe oubliée ? »,\r\n\
         saisissez cette clé, puis choisissez une nouvelle phrase de passe.\r\n\r\n\
         Conservez ce document en lieu sûr (imprimé dans un classeur fermé, ou sur\r\n\
         une clé USB rangée à part). Toute personne qui possède cette clé et votre\r\n\
         ordinateur peut lire les données de l’association.\r\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kit_names_the_key_and_the_way_to_use_it() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
        let text = recovery_kit_text("ABCD-EFGH", date);
        assert!(text.contains("ABCD-EFGH"));
        assert!(text.contains("26 novembre 2026"));
        assert!(text.contains("« Phrase de passe oubliée ? »"));
    }

    #[test]
    fn error_code_for_locked_vault() {
        assert_eq!(
            AppError::locked().code,
            crate::error::ErrorCode::VaultLocked
        );
    }
}
