//! The annexes a person adds to a document (statuts, RIB, budget détaillé…): a PDF
//! picked in the system's open dialog is attached to one, removed from it, listed; and
//! the exported or printed PDF gets the attached files inserted after their annex title pages
//! (`allia_docs::annex_pdf`). The titles and their order are document settings
//! (`document_update`); the checks live in allia-core and allia-store.

use allia_core::ContractDocument;
use allia_docs::annex_pdf::{AnnexFile, AnnexPdfError};
use allia_docs::render::{Format, Rendered};
use allia_docs::templates::DocumentOptions;
use allia_store::AnnexPdf;
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// What is known of a PDF attached to an annex, for the settings form.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AnnexFileInfo {
    /// The `UserAnnex.id` it belongs to.
    pub annex_id: String,
    pub file_name: String,
    /// In bytes (at most 20 Mio, so a JSON number is exact).
    pub size: u32,
    pub pages: u32,
}

store_commands! {
    /// Removes the PDF attached to an annex (the annex stays); on a frozen version this
    /// starts a new version.
    fn document_annex_detach(document_id: String, annex_id: String) -> ContractDocument =
        |store| store.detach_annex_file(&document_id, &annex_id);
}

/// Asks which PDF to attach to the annex `annex_id` of the document (system dialog) and
/// keeps it in the vault, replacing the one it had. Returns the document, or `None` when
/// the person cancelled. The annex must be in the saved settings; the file must be a
/// readable PDF with pages, of at most 20 Mo: otherwise a validation error on
/// `annexes.<annex id>.fileName`. On a frozen version this starts a new version.
#[tauri::command]
#[specta::specta]
pub async fn document_annex_attach(
    app: AppHandle,
    state: State<'_, AppState>,
    document_id: String,
    annex_id: String,
) -> Result<Option<ContractDocument>, AppError> {
    // Refused before the dialog: a locked vault, or a document that is not there.
    state.store().await?.document(&document_id).await?;
    let Some(path) =
        crate::dialogs::choose_open_path(&app, "Joindre un PDF à l’annexe", "Document PDF", "pdf")
            .await
    else {
        return Ok(None);
    };
    let cannot_read = |e: &std::io::Error| AppError::io("Impossible de lire ce fichier", e);
    let size = tokio::fs::metadata(&path)
        .await
        .map_err(|e| cannot_read(&e))?
        .len();
    if let Some(refusal) = allia_store::refuse_oversized(&annex_id, size) {
        return Err(refusal.into());
    }
    let bytes = tokio::fs::read(&path).await.map_err(|e| cannot_read(&e))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Some(
        state
            .store()
            .await?
            .attach_annex_file(&document_id, &annex_id, &file_name, bytes)
            .await?,
    ))
}

/// The PDFs attached to the document's annexes (name, size, pages), in the order of its
/// settings.
#[tauri::command]
#[specta::specta]
pub async fn document_annex_files(
    state: State<'_, AppState>,
    document_id: String,
) -> Result<Vec<AnnexFileInfo>, AppError> {
    let files = state.store().await?.annex_files(&document_id).await?;
    Ok(files
        .into_iter()
        .map(|f| AnnexFileInfo {
            annex_id: f.annex_id,
            file_name: f.file_name,
            size: u32::try_from(f.size).unwrap_or(u32::MAX),
            pages: f.pages,
        })
        .collect())
}

/// The attached PDFs an export of `version` in `format` appends, in the order of its
/// settings, as the vault holds them now: none for a DOCX (its last article only lists
/// the annexes). A frozen version appends them once, when it is printed (`prints.rs`).
pub(super) async fn for_export(
    store: &allia_store::Store,
    document: &ContractDocument,
    version: &allia_core::DocumentVersion,
    format: Format,
) -> Result<Vec<AnnexPdf>, AppError> {
    if format != Format::Pdf || version.settings.annexes.is_empty() {
        return Ok(Vec::new());
    }
    Ok(store
        .annex_pdfs(&document.id, &version.settings.annexes)
        .await?)
}

/// Renders the document, with each attached PDF after its annex's title page when there
/// are any (`allia_docs::annex_pdf::render_with_annexes`), else as
/// `allia_docs::render::render`.
pub(super) fn render(
    file: &allia_core::AllianceFile,
    options: &DocumentOptions,
    format: Format,
    annexes: &[AnnexPdf],
) -> Result<Rendered, AppError> {
    if annexes.is_empty() {
        return Ok(allia_docs::render::render(file, options, format)?);
    }
    let files: Vec<AnnexFile<'_>> = annexes
        .iter()
        .map(|a| AnnexFile {
            id: &a.annex_id,
            title: &a.title,
            bytes: &a.bytes,
        })
        .collect();
    allia_docs::annex_pdf::render_with_annexes(file, options, &files).map_err(|e| match e {
        AnnexPdfError::Render(e) => AppError::from(e),
        other => AppError::new(ErrorCode::Document, other.to_string()),
    })
}
