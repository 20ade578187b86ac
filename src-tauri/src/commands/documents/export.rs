//! A version's PDF or DOCX: saved where the person chooses, or opened in the system's
//! PDF viewer to print.

use allia_docs::render::{Format, Rendered};
use tauri::{AppHandle, State};

use crate::error::AppError;
use crate::state::AppState;

/// The current version in PDF or DOCX: a frozen version's kept print, byte for byte;
/// otherwise typeset on the blocking pool (typesetting takes a moment and must not hold
/// up the async runtime, or the window), a PDF with the PDFs attached to its added
/// annexes inserted after their annex title pages (`annexes.rs`), and kept when the
/// version is frozen ([`crate::commands::prints::printed_or_rendered`]).
async fn render_blocking(state: &AppState, id: &str, format: Format) -> Result<Rendered, AppError> {
    let store = state.store().await?;
    let (document, version, file) = store.document_render_input(id, None).await?;
    let today = chrono::Local::now().date_naive();
    let options = allia_docs::render::options_for_version(document.kind, &version, today);
    crate::commands::prints::printed_or_rendered(&store, &document, &version, file, options, format)
        .await
}

/// Asks where to save the document (system dialog) and writes it there. Returns the
/// chosen path, or `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn document_export(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    format: Format,
) -> Result<Option<String>, AppError> {
    let rendered = render_blocking(&state, &id, format).await?;
    let (extension, filter) = match format {
        Format::Pdf => ("pdf", "Document PDF"),
        Format::Docx => ("docx", "Document Word"),
    };
    let suggested = format!("{}.{extension}", file_stem(&id, &state).await);
    let Some(path) = crate::dialogs::choose_save_path(
        &app,
        "Enregistrer le document",
        &suggested,
        filter,
        extension,
    )
    .await
    else {
        return Ok(None);
    };
    std::fs::write(&path, &rendered.bytes)
        .map_err(|e| AppError::io("Impossible d’enregistrer le document à cet endroit", &e))?;
    Ok(Some(path.to_string_lossy().into_owned()))
}

/// Writes the PDF to the private print folder and opens it in the system's PDF
/// viewer, from which the user prints. The file is deleted on lock and on exit.
#[tauri::command]
#[specta::specta]
pub async fn document_open_for_print(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<(), AppError> {
    use tauri_plugin_opener::OpenerExt;
    let rendered = render_blocking(&state, &id, Format::Pdf).await?;
    // A private folder and a random name: see print_dir.rs.
    let path = crate::print_dir::write(&state.print_dir, &rendered.bytes)
        .map_err(|e| AppError::io("Impossible de préparer le document", &e))?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|_| {
            AppError::new(
                crate::error::ErrorCode::Io,
                "Aucun lecteur de PDF n’a pu ouvrir le document : exportez-le en PDF puis ouvrez-le vous-même.",
            )
        })
}

/// « convention-de-partenariat-v2 »: a file name from the document's title and version.
async fn file_stem(id: &str, state: &AppState) -> String {
    let title = match state.store().await {
        Ok(store) => store
            .document(id)
            .await
            .ok()
            .map(|d| (d.current.settings.title, d.current.number)),
        Err(_) => None,
    };
    let (title, number) = title.unwrap_or_else(|| ("document".into(), 1));
    format!("{}-v{number}", crate::dialogs::file_slug(&title))
}
