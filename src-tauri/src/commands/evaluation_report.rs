//! The evaluation report (allia-docs' `evaluation`): the purposes, questions, indicators
//! with their status, the key indicators' charts and the gap analyses, as of today, in a
//! PDF saved where the person chooses.

use allia_docs::evaluation::{render_evaluation_report, EvaluationReportInput};
use tauri::{AppHandle, State};

use crate::dialogs::{save_pdf, PdfToSave};
use crate::error::AppError;
use crate::state::AppState;

/// Asks where to save the evaluation report (system dialog), typesets it as of today
/// (`crate::clock::today`, the day its statuses are computed for) and writes it there.
/// Returns the chosen path, or `None` when the person cancelled.
#[tauri::command]
#[specta::specta]
pub async fn evaluation_report_export(
    app: AppHandle,
    state: State<'_, AppState>,
    alliance_id: String,
) -> Result<Option<String>, AppError> {
    let store = state.store().await?;
    let today = crate::clock::today();
    let alliance = store.alliance(&alliance_id).await?;
    let evaluation = store.evaluation_overview(&alliance_id, today).await?;
    let objectives = store.objectives_overview(&alliance_id, today).await?;
    let association = store.profile().await?.map(|p| p.name);
    let name = alliance.draft.name.clone();
    let input = EvaluationReportInput {
        alliance: alliance.draft.name,
        association,
        today,
        evaluation,
        objectives,
    };
    let saved = save_pdf(
        &app,
        PdfToSave {
            title: "Enregistrer le rapport d’évaluation",
            name_prefix: "rapport-evaluation",
            alliance_name: &name,
            interrupted: "La préparation du rapport d’évaluation a été interrompue.",
            write_failed: "Impossible d’enregistrer le rapport d’évaluation à cet endroit",
        },
        move || render_evaluation_report(&input).map(|bytes| (bytes, ())),
    )
    .await?;
    Ok(saved.map(|(path, ())| path.to_string_lossy().into_owned()))
}
