//! Contract documents of an alliance: versions, status, signatures, the clause list
//! and preview of the builder, export and printing.
//!
//! This file holds the commands on versions and status; `preview.rs` the builder's
//! preview, `export.rs` export and printing.

mod export;
mod preview;

use allia_core::{
    ClauseChange, ContractDocument, DocumentKind, DocumentSettings, DocumentStatus, SignatureDraft,
};
use allia_docs::templates::ClauseView;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

pub use export::*;
pub use preview::*;

store_commands! {
    fn document_list(alliance_id: String) -> Vec<ContractDocument> =
        |store| store.documents(&alliance_id);
    fn document_create(alliance_id: String, kind: DocumentKind, settings: DocumentSettings)
        -> ContractDocument = |store| store.create_document(&alliance_id, kind, &settings);
    /// Saves the settings; when the current version is frozen this starts a new version.
    fn document_update(id: String, settings: DocumentSettings) -> ContractDocument =
        |store| store.update_document_settings(&id, &settings);
    /// Takes a version in review or ready to sign back to « Brouillon » while nobody has
    /// signed it.
    fn document_return_to_draft(id: String) -> ContractDocument =
        |store| store.return_document_to_draft(&id);
    /// Records a party's signature; an empty date or signatory comes back as a field error.
    fn document_record_signature(id: String, signature: SignatureDraft) -> ContractDocument =
        |store| store.record_signature_draft(&id, &signature);
    fn document_delete(id: String) -> () = |store| store.delete_document(&id);
}

/// Builds what a version renders from (its snapshot once frozen, else the live data),
/// with the document it belongs to.
async fn render_input(
    state: &AppState,
    id: &str,
) -> Result<
    (
        ContractDocument,
        allia_core::AllianceFile,
        allia_docs::templates::DocumentOptions,
    ),
    AppError,
> {
    let (document, version, file) = state.store().await?.document_render_input(id, None).await?;
    let today = chrono::Local::now().date_naive();
    let options = allia_docs::render::options_for_version(document.kind, &version, today);
    Ok((document, file, options))
}

/// Changes one clause (include it or not, its text), merged into the saved settings;
/// on a frozen version this starts a new version. A new text is first rendered with the
/// alliance's data (`allia_docs::templates::check_clause_edit`): a text that cannot be
/// rendered is refused as a validation error on the field `clauses.<clause id>`, with the
/// French reason, and nothing is saved. The model's own text saved back is no edit: it
/// restores the model, so « Texte modifié » shows only while the text differs.
#[tauri::command]
#[specta::specta]
pub async fn document_change_clause(
    state: State<'_, AppState>,
    id: String,
    clause_id: String,
    change: ClauseChange,
) -> Result<ContractDocument, AppError> {
    let change = match change {
        ClauseChange::SetText(text) => {
            let (_, file, options) = render_input(&state, &id).await?;
            allia_docs::templates::check_clause_edit(&file, &options, &clause_id, &text)
                .map_err(|e| AppError::refused_clause_text(&clause_id, &e))?;
            if allia_docs::templates::is_model_text(options.kind, &clause_id, &text) {
                ClauseChange::ResetText
            } else {
                ClauseChange::SetText(text)
            }
        }
        other => other,
    };
    Ok(state
        .store()
        .await?
        .change_document_clause(&id, &clause_id, change)
        .await?)
}

/// How many « [à compléter] » blanks a built document still holds.
fn blank_count(built: &allia_docs::templates::Built) -> usize {
    built.blanks().iter().map(|b| b.count).sum()
}

/// Moves the current version to `status` (forward only), with the rules of allia-core
/// on the built document (leaving « Brouillon » also prints the version's PDF and DOCX
/// and keeps them: `prints.rs`):
/// - reaching « Prêt à signer » (or skipping it) while « [à compléter] » blanks or
///   « À vérifier » items are left needs `confirmed`, given by the person after seeing
///   the list (`DocumentStatus::check_ready_to_sign`);
/// - « Signé » needs a recorded signature from every party the document prints
///   (`DocumentVersion::check_signed_by`).
///
/// A refusal is a precondition error with its French message.
#[tauri::command]
#[specta::specta]
pub async fn document_set_status(
    state: State<'_, AppState>,
    id: String,
    status: DocumentStatus,
    confirmed: bool,
) -> Result<ContractDocument, AppError> {
    let (document, file, options) = render_input(&state, &id).await?;
    check_status_move(&document, &file, &options, status, confirmed)?;
    let store = state.store().await?;
    let moved = store.set_document_status(&id, status).await?;
    if moved.frozen {
        // Frozen: its PDF and DOCX are printed once and kept (a version frozen before
        // Allia kept prints gets them at its next step), so that what is read, signed
        // and exported from here on is these bytes (`prints.rs`). A print that fails is
        // taken at the first export instead, which then says why.
        let _ = super::prints::keep_prints(&store, &id).await;
    }
    Ok(moved)
}

/// The rules of [`document_set_status`] on the built document, apart from the vault.
fn check_status_move(
    document: &ContractDocument,
    file: &allia_core::AllianceFile,
    options: &allia_docs::templates::DocumentOptions,
    status: DocumentStatus,
    confirmed: bool,
) -> Result<(), AppError> {
    let current = document.current.status;
    if current.reaches_ready_to_sign(status) || status == DocumentStatus::Signed {
        let built = allia_docs::templates::build(file, options)?;
        current
            .check_ready_to_sign(status, blank_count(&built), built.checks.len(), confirmed)
            .map_err(allia_store::StoreError::from)?;
        if status == DocumentStatus::Signed {
            document
                .current
                .check_signed_by(&built.document.signing_parties())
                .map_err(allia_store::StoreError::from)?;
        }
    }
    Ok(())
}

/// The clauses of the current version, numbered, with their state, for the builder.
#[tauri::command]
#[specta::specta]
pub async fn document_clauses(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<ClauseView>, AppError> {
    let (_, file, options) = render_input(&state, &id).await?;
    Ok(allia_docs::templates::clauses(&file, &options)?)
}

#[cfg(test)]
pub(crate) mod test_vault;
#[cfg(test)]
mod tests;
