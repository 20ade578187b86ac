//! The internal diagnostic of an alliance (allia-core's `diagnostic`): the association's
//! needs, the MOFF / SWOT items and their order, and the one-page PDF (allia-docs'
//! `diagnostic`).

use allia_core::{
    Diagnostic, DiagnosticNeeds, DiagnosticNeedsDraft, SwotItem, SwotItemDraft, SwotQuadrant,
};
// Not imported as `diagnostic`: inside a command that name would shadow the
// `#[diagnostic::…]` attribute namespace `#[tauri::command]` expands to.
use allia_docs::diagnostic::{render, DiagnosticPdf};
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::dialogs::{save_pdf, PdfToSave};
use crate::error::AppError;
use crate::state::AppState;

store_commands! {
    /// The alliance's diagnostic: its needs (null until written) and its SWOT items in
    /// quadrant order, then by position.
    fn diagnostic_get(alliance_id: String) -> Diagnostic =
        |store| store.diagnostic(&alliance_id);
    /// Writes the needs, replacing what was written. Field errors on
    /// `strategicPriorities`, `allianceExpectations`, `participationMode`.
    fn diagnostic_save_needs(alliance_id: String, draft: DiagnosticNeedsDraft) -> DiagnosticNeeds =
        |store| store.set_diagnostic_needs(&alliance_id, &draft);
    /// Adds an item at the end of its quadrant. Field errors on `text`, `importance`,
    /// `quadrant` (a full quadrant).
    fn swot_item_add(alliance_id: String, draft: SwotItemDraft) -> SwotItem =
        |store| store.add_swot_item(&alliance_id, &draft);
    /// Changes an item; a new quadrant puts it at the end of that quadrant.
    fn swot_item_update(item_id: String, draft: SwotItemDraft) -> SwotItem =
        |store| store.update_swot_item(&item_id, &draft);
    /// Deletes an item; the ones after it move up.
    fn swot_item_delete(item_id: String) -> () =
        |store| store.delete_swot_item(&item_id);
    /// Moves an item to `index` (from 0; past the end: last) in `quadrant`, and returns
    /// the whole diagnostic as it now is.
    fn swot_item_move(item_id: String, quadrant: SwotQuadrant, index: u32) -> Diagnostic =
        |store| store.move_swot_item(&item_id, quadrant, index);
}

/// Where the diagnostic's PDF was saved, and what to check in it.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticExport {
    pub path: String,
    /// French sentences to show with it: texts cut with « … » so that it holds its one
    /// A4 page (allia-docs' `diagnostic::render`); empty when printed whole.
    pub warnings: Vec<String>,
}

/// Asks where to save the diagnostic's one-page PDF (system dialog) and writes it there.
/// Returns the chosen path with the warnings, or `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn diagnostic_export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    alliance_id: String,
) -> Result<Option<DiagnosticExport>, AppError> {
    let store = state.store().await?;
    let alliance = store.alliance(&alliance_id).await?;
    let content = store.diagnostic(&alliance_id).await?;
    let association = store.profile().await?.map(|p| p.name);
    let name = alliance.draft.name.clone();
    let saved = save_pdf(
        &app,
        PdfToSave {
            title: "Enregistrer le diagnostic interne",
            name_prefix: "diagnostic-interne",
            alliance_name: &name,
            interrupted: "La préparation du diagnostic a été interrompue.",
            write_failed: "Impossible d’enregistrer le diagnostic à cet endroit",
        },
        move || {
            // Dated when typeset, once the person has chosen where.
            let date = chrono::Local::now().date_naive();
            render(&DiagnosticPdf {
                alliance: &alliance.draft.name,
                association: association.as_deref(),
                diagnostic: &content,
                date,
            })
            .map(|rendered| (rendered.bytes, rendered.warnings))
            .map_err(allia_docs::render::RenderError::from)
        },
    )
    .await?;
    let Some((path, warnings)) = saved else {
        return Ok(None);
    };
    Ok(Some(DiagnosticExport {
        path: path.to_string_lossy().into_owned(),
        warnings,
    }))
}
