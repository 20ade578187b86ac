//! « Importer une alliance… », staged: the file is chosen and read, what it asks is shown
//! (a passphrase when it is encrypted, its unknown fields, partners that look like this
//! association, the differences with the alliance already in the vault), then it is
//! imported with the person's answers. The chosen file stays on the Rust side (the web
//! view never hands a path back): its bytes are kept in [`AppState::pending_import`]
//! between the steps, so what is imported is exactly what was previewed.

use allia_core::{Alliance, ImportChoices, ImportReview};
use allia_store::exchange_crypto;
use serde::Serialize;
use tauri::{AppHandle, State};
use zeroize::Zeroizing;

use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, PendingImport};

/// What the import of the chosen file asks before anything is stored.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportInspection {
    /// The chosen file's name (without its folder).
    pub file_name: String,
    /// The file is encrypted and not yet opened: ask its passphrase, then call
    /// `alliance_import_inspect` with it. `review` is then `None`.
    pub needs_passphrase: bool,
    /// What the file holds and asks ([`ImportReview`]); `None` while it needs its
    /// passphrase.
    pub review: Option<ImportReview>,
}

impl ImportInspection {
    /// Whether the file can be imported at once, as a new alliance, without asking
    /// anything (not encrypted, every field known, no lookalike of this association, an
    /// alliance the vault does not hold, nothing deduced to show: a country read from a
    /// city is shown before importing).
    fn asks_nothing(&self) -> bool {
        self.review.as_ref().is_some_and(|r| {
            r.unknown_fields.is_empty()
                && r.own_lookalikes.is_empty()
                && r.existing.is_none()
                && r.notices.is_empty()
        })
    }
}

/// What choosing a file gave: either the alliance, imported at once because the file
/// asked nothing, or the questions to ask (`inspection`).
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportStart {
    /// Imported at once (a plain new alliance).
    pub imported: Option<Alliance>,
    /// The questions, when the file asks any (the import waits for
    /// `alliance_import_apply`).
    pub inspection: Option<ImportInspection>,
}

fn no_pending() -> AppError {
    AppError::new(
        ErrorCode::Precondition,
        "Aucun fichier d’alliance n’est en cours d’import\u{a0}: choisissez-le à nouveau.",
    )
}

/// Reads the pending file: what it asks, decrypting it first with `passphrase` when it
/// is encrypted (the opened bytes then replace it, so the passphrase is asked once).
async fn inspect_pending(
    state: &AppState,
    passphrase: Option<&str>,
) -> Result<ImportInspection, AppError> {
    let mut pending = state.pending_import.lock().await;
    let file = pending.as_mut().ok_or_else(no_pending)?;
    if exchange_crypto::is_encrypted(&file.bytes) {
        let Some(passphrase) = passphrase.filter(|p| !p.is_empty()) else {
            return Ok(ImportInspection {
                file_name: file.file_name.clone(),
                needs_passphrase: true,
                review: None,
            });
        };
        let cipher = file.bytes.clone();
        let passphrase = Zeroizing::new(passphrase.to_string());
        let plain = crate::commands::blocking(
            "Le fichier chiffré n’a pas pu être ouvert.",
            move || exchange_crypto::decrypt(&cipher, &passphrase),
        )
        .await?;
        file.bytes = Zeroizing::new(plain);
    }
    let read = allia_core::alliance_file::read_alliance_file(&file.bytes)?;
    let store = state.store().await?;
    let review = store
        .review_import(&read)
        .await
        .map_err(AppError::import_refused)?;
    Ok(ImportInspection {
        file_name: file.file_name.clone(),
        needs_passphrase: false,
        review: Some(review),
    })
}

/// « Importer une alliance… »: asks for the file (system dialog) and reads it. A file
/// that asks nothing is imported at once as a new alliance (`imported`); otherwise the
/// questions come back (`inspection`) and the file waits for `alliance_import_apply`.
/// `None` when the person cancelled the dialog. A file that cannot be imported is
/// refused with every problem and its place.
#[tauri::command]
#[specta::specta]
pub async fn alliance_import_choose(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ImportStart>, AppError> {
    state.touch();
    // Plain (`.json`) or encrypted (`.age`, « Exporter chiffré… »).
    let Some(path) = crate::dialogs::choose_open_path_among(
        &app,
        "Importer une alliance",
        "Fichier d’alliance",
        &["json", "age"],
    )
    .await
    else {
        return Ok(None);
    };
    // At most one byte past the cap: a huge file is refused unread.
    let bytes = allia_store::read_alliance_file_bytes(&path)
        .map_err(|e| AppError::io("Impossible de lire ce fichier", &e))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    *state.pending_import.lock().await = Some(PendingImport {
        file_name,
        bytes: Zeroizing::new(bytes),
    });
    let inspection = match inspect_pending(&state, None).await {
        Ok(inspection) => inspection,
        Err(e) => {
            *state.pending_import.lock().await = None;
            return Err(e);
        }
    };
    if !inspection.asks_nothing() {
        return Ok(Some(ImportStart {
            imported: None,
            inspection: Some(inspection),
        }));
    }
    let imported = apply_pending(&state, &ImportChoices::default()).await?;
    Ok(Some(ImportStart {
        imported: Some(imported),
        inspection: None,
    }))
}

/// The questions of the chosen file again, with the passphrase of an encrypted file
/// (`wrongPassphrase` on the field `passphrase` when it does not open it; the file
/// stays chosen, so the person can try again).
#[tauri::command]
#[specta::specta]
pub async fn alliance_import_inspect(
    state: State<'_, AppState>,
    passphrase: Option<String>,
) -> Result<ImportInspection, AppError> {
    state.touch();
    let passphrase = passphrase.map(Zeroizing::new);
    inspect_pending(&state, passphrase.as_deref().map(String::as_str)).await
}

async fn apply_pending(state: &AppState, choices: &ImportChoices) -> Result<Alliance, AppError> {
    let mut pending = state.pending_import.lock().await;
    let file = pending.as_ref().ok_or_else(no_pending)?;
    if exchange_crypto::is_encrypted(&file.bytes) {
        return Err(AppError::new(
            ErrorCode::Precondition,
            "Ce fichier est chiffré\u{a0}: saisissez d’abord sa phrase de passe.",
        ));
    }
    let read = allia_core::alliance_file::read_alliance_file(&file.bytes)?;
    let store = state.store().await?;
    let alliance = store
        .apply_import(&read, choices)
        .await
        .map_err(AppError::import_refused)?;
    *pending = None;
    Ok(alliance)
}

/// Imports the chosen file with the person's answers: as a new alliance, as an update
/// of the alliance with the same id (« Mettre à jour l’alliance »: all or nothing,
/// frozen versions untouched) or as a copy with new ids (« Importer comme copie »).
/// Returns the alliance created or updated. The file is forgotten once imported.
#[tauri::command]
#[specta::specta]
pub async fn alliance_import_apply(
    state: State<'_, AppState>,
    choices: ImportChoices,
) -> Result<Alliance, AppError> {
    state.touch();
    apply_pending(&state, &choices).await
}

/// « Annuler »: forgets the chosen file; nothing was imported.
#[tauri::command]
#[specta::specta]
pub async fn alliance_import_cancel(state: State<'_, AppState>) -> Result<(), AppError> {
    *state.pending_import.lock().await = None;
    Ok(())
}
