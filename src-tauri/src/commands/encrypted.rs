//! « Exporter chiffré… »: the alliance file encrypted with a passphrase the person gives
//! to its partners by another channel (allia-store's `exchange_crypto`: age, scrypt),
//! saved where the person chooses.

use tauri::{AppHandle, State};
use zeroize::Zeroizing;

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// Writes the alliance file of `id` encrypted with `passphrase`, in the armored age
/// format, where the save dialog says (`<alliance>.alliance.age` suggested). The
/// passphrase must pass the vault's rule; it is checked before the dialog opens
/// (`validation` on the field `passphrase`). Returns the path written, or `None` when
/// the person cancelled the dialog. Key derivation (scrypt, about a second) runs on the
/// blocking pool.
#[tauri::command]
#[specta::specta]
pub async fn alliance_export_encrypted(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    passphrase: String,
) -> Result<Option<String>, AppError> {
    let passphrase = Zeroizing::new(passphrase);
    allia_store::exchange_crypto::check_export_passphrase(&passphrase)?;
    let store = state.store().await?;
    let file = store.export_alliance_file(&id).await?;
    let json = file.to_json_string().map_err(|_| {
        AppError::new(
            ErrorCode::Io,
            "Le fichier d’alliance n’a pas pu être préparé.",
        )
    })?;
    let suggested = format!(
        "{}.alliance.age",
        crate::dialogs::file_slug(&file.alliance.name)
    );
    let Some(path) = crate::dialogs::choose_save_path(
        &app,
        "Exporter l’alliance chiffrée",
        &suggested,
        "Fichier d’alliance chiffré",
        "age",
    )
    .await
    else {
        return Ok(None);
    };
    let cipher = super::blocking("Le chiffrement du fichier a été interrompu.", move || {
        allia_store::exchange_crypto::encrypt(json.as_bytes(), &passphrase)
    })
    .await?;
    std::fs::write(&path, cipher).map_err(|e| {
        AppError::io(
            "Impossible d’enregistrer le fichier chiffré à cet endroit",
            &e,
        )
    })?;
    Ok(Some(path.to_string_lossy().into_owned()))
}
