//! Alliances and the closed lists the screens offer.

use allia_core::{Alliance, AllianceDraft, Catalog};
use tauri::{AppHandle, State};

use crate::error::AppError;
use crate::state::AppState;

/// The closed lists with their French labels (from allia-core's enums).
#[tauri::command]
#[specta::specta]
pub async fn catalog() -> Catalog {
    Catalog::build()
}

store_commands! {
    fn alliance_list() -> Vec<Alliance> = |store| store.alliances();
    fn alliance_create(draft: AllianceDraft) -> Alliance = |store| store.create_alliance(&draft);
    fn alliance_update(id: String, draft: AllianceDraft) -> Alliance =
        |store| store.update_alliance(&id, &draft);
    fn alliance_set_archived(id: String, archived: bool) -> Alliance =
        |store| store.set_alliance_archived(&id, archived);
    fn alliance_delete(id: String) -> () = |store| store.delete_alliance(&id);
    /// « Charger l'exemple »: the guide's shared-service alliance.
    fn demo_load() -> Alliance = |store| store.load_demo();
}

/// « Exporter l'alliance… »: the alliance file (JSON) that partners exchange, saved
/// where the person chooses. Returns the path, or `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn alliance_export(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<String>, AppError> {
    let store = state.store().await?;
    let file = store.export_alliance_file(&id).await?;
    let json = file.to_json_string().map_err(|_| {
        AppError::new(
            crate::error::ErrorCode::Io,
            "Le fichier d’alliance n’a pas pu être préparé.",
        )
    })?;
    let suggested = format!(
        "{}.alliance.json",
        crate::dialogs::file_slug(&file.alliance.name)
    );
    let Some(path) = crate::dialogs::choose_save_path(
        &app,
        "Exporter l’alliance",
        &suggested,
        "Fichier d’alliance",
        "json",
    )
    .await
    else {
        return Ok(None);
    };
    std::fs::write(&path, json).map_err(|e| {
        AppError::io(
            "Impossible d’enregistrer le fichier d’alliance à cet endroit",
            &e,
        )
    })?;
    Ok(Some(path.to_string_lossy().into_owned()))
}
