//! The dossier de présentation of an alliance's project (allia-core's
//! `project_dossier`): its texts, its key figures, and the PDF for funders
//! (allia-docs' `dossier`).

use allia_core::{DossierContent, DossierFigure, DossierTexts, FigureDraft, ProjectDossier};
use allia_docs::dossier::{self, DossierPdf};
use tauri::{AppHandle, State};

use crate::dialogs::{save_pdf, PdfToSave};
use crate::error::AppError;
use crate::state::AppState;

store_commands! {
    /// The dossier of an alliance: its texts (`dossier` null before any is written) and
    /// its key figures in table order.
    fn dossier_get(alliance_id: String) -> DossierContent =
        |store| store.project_dossier(&alliance_id);
    /// Replaces the dossier's four texts; field errors on `socialNeed`,
    /// `collectiveResponse`, `argument`, `keyActors`.
    fn dossier_save_texts(alliance_id: String, texts: DossierTexts) -> ProjectDossier =
        |store| store.set_dossier_texts(&alliance_id, &texts);
    /// Adds a key figure at the end of the table; its value typed in French (« 12,5 »,
    /// « 1 250 ») is stored as a canonical decimal. Field errors on `label`, `value`,
    /// `unit`, `year`, `source`, `link`.
    fn dossier_figure_add(alliance_id: String, draft: FigureDraft) -> DossierFigure =
        |store| store.add_dossier_figure(&alliance_id, &draft);
    /// Replaces one figure's fields, keeping its place in the table.
    fn dossier_figure_update(
        alliance_id: String,
        figure_id: String,
        draft: FigureDraft,
    ) -> DossierFigure =
        |store| store.update_dossier_figure(&alliance_id, &figure_id, &draft);
    /// Deletes one figure; the others close the gap.
    fn dossier_figure_delete(alliance_id: String, figure_id: String) -> () =
        |store| store.delete_dossier_figure(&alliance_id, &figure_id);
    /// Puts the figures in the order of `figureIds` (each of the alliance's figures
    /// once; otherwise a validation error on `figures`) and returns them in that order.
    fn dossier_figures_reorder(alliance_id: String, figure_ids: Vec<String>) -> Vec<DossierFigure> =
        |store| store.reorder_dossier_figures(&alliance_id, &figure_ids);
}

/// Asks where to save the dossier (system save dialog) and writes it there as a PDF for
/// funders and future partners: a title page with the alliance and the association, the
/// guide's four parts and the key figures with their sources. Returns the chosen path,
/// or `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn dossier_export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    alliance_id: String,
) -> Result<Option<String>, AppError> {
    let store = state.store().await?;
    let alliance = store.alliance(&alliance_id).await?;
    let content = store.project_dossier(&alliance_id).await?;
    let association = store.profile().await?.map(|p| p.name);
    let name = alliance.draft.name.clone();
    let saved = save_pdf(
        &app,
        PdfToSave {
            title: "Enregistrer le dossier de présentation",
            name_prefix: "dossier-de-presentation",
            alliance_name: &name,
            interrupted: "La préparation du dossier de présentation a été interrompue.",
            write_failed: "Impossible d’enregistrer le dossier de présentation à cet endroit",
        },
        move || {
            // Dated when typeset, once the person has chosen where.
            let date = chrono::Local::now().date_naive();
            let texts = content.dossier.map(|d| d.texts).unwrap_or_default();
            let figures: Vec<FigureDraft> = content.figures.into_iter().map(|f| f.draft).collect();
            dossier::render_pdf(&DossierPdf {
                alliance: &alliance.draft.name,
                association: association.as_deref(),
                territory: alliance.draft.territory.as_deref(),
                texts: &texts,
                figures: &figures,
                date,
            })
            .map(|bytes| (bytes, ()))
            .map_err(allia_docs::render::RenderError::from)
        },
    )
    .await?;
    let Some((path, ())) = saved else {
        return Ok(None);
    };
    Ok(Some(path.to_string_lossy().into_owned()))
}
