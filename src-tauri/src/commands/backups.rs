//! Backups in Paramètres and on the « coffre endommagé » screen: the list of automatic
//! backups, « Sauvegarder vers… », and « Restaurer depuis… » with a preview first.
//! The chosen file stays on the Rust side: the web view never hands a path back.

use std::path::PathBuf;

use allia_store::{backup, BackupInfo, BackupSummary, StoreError, VaultPaths};
use serde::Serialize;
use tauri::{AppHandle, State};
use zeroize::Zeroizing;

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// One backup, as listed.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupEntry {
    /// The file's name (automatic backups are chosen by it).
    pub file_name: String,
    /// When it was made, RFC 3339 in UTC.
    pub created_at: String,
    /// Why, in French (« au verrouillage », « avant une mise à jour d’Allia »…).
    pub reason: String,
    /// Why, as a code: `verrouillage`, `fermeture`, `manuelle`, `avant-restauration`
    /// (the vault as it was before a restore, possibly damaged), `avant-migration-…`.
    pub kind: String,
    /// Size of the file in bytes.
    pub size: u32,
}

impl From<&BackupInfo> for BackupEntry {
    fn from(info: &BackupInfo) -> BackupEntry {
        BackupEntry {
            file_name: info.file_name.clone(),
            created_at: info.created_at.to_rfc3339(),
            reason: backup::reason_label(&info.reason),
            kind: info.reason.clone(),
            size: u32::try_from(info.size).unwrap_or(u32::MAX),
        }
    }
}

/// What a backup holds, shown before a restore replaces anything.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupPreview {
    pub backup: BackupEntry,
    pub alliances: Vec<String>,
    pub partners: u32,
    pub documents: u32,
    /// Made from the vault now open: restoring keeps today's passphrase.
    pub same_vault: bool,
}

impl From<BackupSummary> for BackupPreview {
    fn from(summary: BackupSummary) -> BackupPreview {
        BackupPreview {
            backup: BackupEntry::from(&summary.info),
            alliances: summary.alliances,
            partners: summary.partners,
            documents: summary.documents,
            same_vault: summary.same_vault,
        }
    }
}

/// The automatic backups, newest first (works with the vault locked: only headers are
/// read, no secret).
#[tauri::command]
#[specta::specta]
pub async fn backup_list(state: State<'_, AppState>) -> Result<Vec<BackupEntry>, AppError> {
    Ok(backup::list(&VaultPaths::new(&state.data_dir))
        .iter()
        .map(BackupEntry::from)
        .collect())
}

/// « Sauvegarder vers… »: asks where (system dialog) and writes a backup there.
/// `None` when the person cancelled.
#[tauri::command]
#[specta::specta]
pub async fn backup_save_as(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, AppError> {
    state.touch();
    let today = chrono::Local::now().format("%Y-%m-%d");
    let suggested = format!("allia-sauvegarde-{today}.{}", backup::EXTENSION);
    let Some(path) = crate::dialogs::choose_save_path(
        &app,
        "Enregistrer une sauvegarde du coffre",
        &suggested,
        "Sauvegarde Allia",
        backup::EXTENSION,
    )
    .await
    else {
        return Ok(None);
    };
    let slot = state.vault.lock().await;
    let vault = slot.as_ref().ok_or_else(AppError::locked)?;
    vault.backup_to(&path).await?;
    Ok(Some(path.to_string_lossy().into_owned()))
}

/// « Restaurer depuis… »: asks for a backup file (system dialog) and remembers it for
/// the preview and the restore. `None` when the person cancelled.
#[tauri::command]
#[specta::specta]
pub async fn backup_choose_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<BackupEntry>, AppError> {
    state.touch();
    let Some(path) = crate::dialogs::choose_open_path(
        &app,
        "Choisir une sauvegarde à restaurer",
        "Sauvegarde Allia",
        backup::EXTENSION,
    )
    .await
    else {
        return Ok(None);
    };
    let info = backup::read_info(&path)?;
    *state.pending_backup.lock().await = Some(path);
    Ok(Some(BackupEntry::from(&info)))
}

/// Chooses one of the automatic backups (by file name) for the preview and restore.
#[tauri::command]
#[specta::specta]
pub async fn backup_choose_automatic(
    state: State<'_, AppState>,
    file_name: String,
) -> Result<BackupEntry, AppError> {
    let paths = VaultPaths::new(&state.data_dir);
    let info = backup::list(&paths)
        .into_iter()
        .find(|b| b.file_name == file_name)
        .ok_or(StoreError::NotFound(allia_store::Entity::Backup))?;
    *state.pending_backup.lock().await = Some(info.path.clone());
    Ok(BackupEntry::from(&info))
}

async fn pending(state: &AppState) -> Result<PathBuf, AppError> {
    state.pending_backup.lock().await.clone().ok_or_else(|| {
        AppError::new(
            ErrorCode::NotFound,
            "Choisissez d’abord la sauvegarde à restaurer.",
        )
    })
}

/// What the chosen backup holds. With the vault open, a backup of it needs no
/// secret; otherwise `secret` is the passphrase in force when it was made, or the
/// recovery key (error `backup_wrong_secret` asks for it).
#[tauri::command]
#[specta::specta]
pub async fn backup_preview(
    state: State<'_, AppState>,
    secret: Option<String>,
) -> Result<BackupPreview, AppError> {
    state.touch();
    let secret = secret.map(Zeroizing::new);
    let path = pending(&state).await?;
    let slot = state.vault.lock().await;
    let summary = match slot.as_ref() {
        Some(vault) => {
            vault
                .inspect_backup(&path, secret.as_deref().map(String::as_str))
                .await?
        }
        None => {
            let secret = secret.ok_or(StoreError::BackupWrongSecret)?;
            allia_store::inspect_backup_locked(&state.data_dir, &path, &secret).await?
        }
    };
    Ok(summary.into())
}

/// Restores the chosen backup: the current vault is kept in the backups first, then
/// replaced; the vault is open afterwards.
#[tauri::command]
#[specta::specta]
pub async fn backup_restore(
    state: State<'_, AppState>,
    secret: Option<String>,
) -> Result<(), AppError> {
    let secret = secret.map(Zeroizing::new);
    let path = pending(&state).await?;
    let mut slot = state.vault.lock().await;
    let restored = match slot.take() {
        Some(vault) => {
            // Checked first with the vault still open: a refusal keeps it open.
            let prepared = match vault
                .prepare_restore(&path, secret.as_deref().map(String::as_str))
                .await
            {
                Ok(prepared) => prepared,
                Err(e) => {
                    *slot = Some(vault);
                    return Err(e.into());
                }
            };
            vault.restore_backup(prepared).await?
        }
        None => {
            let secret = secret.ok_or(StoreError::BackupWrongSecret)?;
            allia_store::restore_locked(&state.data_dir, &path, &secret).await?
        }
    };
    state.open(&mut slot, restored).await;
    *state.pending_backup.lock().await = None;
    Ok(())
}
