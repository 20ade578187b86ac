//! Contract documents of an alliance: versions, status, signatures, the clause list
//! and preview of the builder, export and printing.

use allia_core::{
    ClauseChange, ContractDocument, DocumentKind, DocumentSettings, DocumentStatus, SignatureDraft,
};
use allia_docs::model::Document;
use allia_docs::render::{Format, Rendered};
use allia_docs::templates::{CheckTarget, ClauseView, OrganisationField};
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::error::AppError;
use crate::state::AppState;

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

/// One « À vérifier » item of the builder.
#[derive(Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ToCheckItem {
    /// The French sentence.
    pub message: String,
    /// Where it is fixed (the builder links there); `None` when no one place fixes it.
    pub target: Option<ToCheckTarget>,
}

/// Where an « À vérifier » item is fixed: a clause of the document, or a field in
/// another area (the association's profile, a partner's panel).
#[derive(Debug, PartialEq, Serialize, specta::Type)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ToCheckTarget {
    /// Its id in `document_clauses`.
    Clause { clause_id: String },
    /// « Profil de mon association », at `field` (its top when `None`).
    Profile { field: Option<OrganisationField> },
    /// A partner of the alliance, at `field`. `partner_id` is `None` when the version's
    /// data no longer matches a stored partner (a frozen version's snapshot): the list opens.
    Partner {
        partner_id: Option<String>,
        field: Option<OrganisationField>,
    },
}

impl ToCheckTarget {
    /// allia-docs names a partner by its place in the alliance file the document was built
    /// from; the stored partner is the one with the same data (the live file lists them in
    /// the store's order, a snapshot may hold partners since changed or removed).
    fn from_docs(
        target: &CheckTarget,
        file: &allia_core::AllianceFile,
        partners: &[allia_core::Partner],
    ) -> Self {
        match target {
            CheckTarget::Clause(id) => ToCheckTarget::Clause {
                clause_id: id.clone(),
            },
            CheckTarget::Profile(field) => ToCheckTarget::Profile { field: *field },
            CheckTarget::Partner { index, field } => {
                let draft = file.partners.get(*index);
                let same = |p: &&allia_core::Partner| Some(&p.draft) == draft;
                let same_name = |p: &&allia_core::Partner| {
                    draft.is_some_and(|d| d.organisation.name == p.draft.organisation.name)
                };
                let found = partners
                    .iter()
                    .find(same)
                    .or_else(|| partners.iter().find(same_name));
                ToCheckTarget::Partner {
                    partner_id: found.map(|p| p.id.clone()),
                    field: *field,
                }
            }
        }
    }
}

/// « [à compléter] » passages left in one clause.
#[derive(Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BlankCount {
    /// The clause; `None` outside every clause (title, signature block).
    pub clause_id: Option<String>,
    pub count: u32,
}

/// Where a clause is printed in the preview: `document.blocks[start..end]`.
#[derive(Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ClauseAnchor {
    pub clause_id: String,
    pub start: u32,
    pub end: u32,
}

/// The document as it will print, for the in-app preview (the same model as the PDF),
/// with what is left to fill or check before it is signed.
#[derive(Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DocumentPreview {
    pub document: Document,
    /// What to check before signing: missing data, references to removed clauses…
    pub warnings: Vec<String>,
    /// The same items, each with its clause when it is about one.
    pub to_check: Vec<ToCheckItem>,
    /// The « [à compléter] » blanks left, per clause in print order.
    pub blanks: Vec<BlankCount>,
    /// Where each included clause starts and ends in `document.blocks`.
    pub anchors: Vec<ClauseAnchor>,
    /// Whether the step the builder offers next (`ContractDocument::next_status`) needs
    /// the person's confirmation first, because it reaches « Prêt à signer » with blanks
    /// or items to check left (allia-core's `DocumentStatus::needs_ready_confirmation`).
    pub next_needs_confirmation: bool,
    /// For a frozen version: when it was frozen and whether its print is kept (its
    /// export reproduces that print exactly); `None` for a draft.
    pub frozen: Option<super::prints::FrozenPrint>,
}

/// Counts and indices of the preview as JSON numbers (a document never nears 2³²).
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[tauri::command]
#[specta::specta]
pub async fn document_preview(
    state: State<'_, AppState>,
    id: String,
) -> Result<DocumentPreview, AppError> {
    let (document, file, options) = render_input(&state, &id).await?;
    let store = state.store().await?;
    let partners = store.partners(&document.alliance_id).await?;
    let mut preview = preview_of(&document, &file, &options, &partners)?;
    preview.frozen = super::prints::frozen_print(&store, &document).await?;
    Ok(preview)
}

/// [`document_preview`] from what the vault gave: the version's document, its data and
/// options, and the alliance's stored partners (the « À vérifier » links name them).
fn preview_of(
    document: &ContractDocument,
    file: &allia_core::AllianceFile,
    options: &allia_docs::templates::DocumentOptions,
    partners: &[allia_core::Partner],
) -> Result<DocumentPreview, AppError> {
    let built = allia_docs::templates::build(file, options)?;
    let next_needs_confirmation = document.next_status.is_some_and(|next| {
        document.current.status.needs_ready_confirmation(
            next,
            blank_count(&built),
            built.checks.len(),
        )
    });
    Ok(DocumentPreview {
        to_check: built
            .checks
            .iter()
            .map(|check| ToCheckItem {
                message: check.message.clone(),
                target: check
                    .target
                    .as_ref()
                    .map(|target| ToCheckTarget::from_docs(target, file, partners)),
            })
            .collect(),
        blanks: built
            .blanks()
            .into_iter()
            .map(|b| BlankCount {
                clause_id: b.clause_id,
                count: small(b.count),
            })
            .collect(),
        anchors: built
            .spans
            .iter()
            .map(|span| ClauseAnchor {
                clause_id: span.clause_id.clone(),
                start: small(span.start),
                end: small(span.end),
            })
            .collect(),
        next_needs_confirmation,
        frozen: None,
        document: built.document,
        warnings: built.warnings,
    })
}

/// The current version in PDF or DOCX: a frozen version's kept print, byte for byte;
/// otherwise typeset on the blocking pool (typesetting takes a moment and must not hold
/// up the async runtime, or the window), a PDF with the PDFs attached to its added
/// annexes inserted after their annex title pages (`annexes.rs`), and kept when the
/// version is frozen ([`super::prints::printed_or_rendered`]).
async fn render_blocking(state: &AppState, id: &str, format: Format) -> Result<Rendered, AppError> {
    let store = state.store().await?;
    let (document, version, file) = store.document_render_input(id, None).await?;
    let today = chrono::Local::now().date_naive();
    let options = allia_docs::render::options_for_version(document.kind, &version, today);
    super::prints::printed_or_rendered(&store, &document, &version, file, options, format).await
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

#[cfg(test)]
mod tests {
    use super::*;
    use allia_core::{AllianceFile, Partner, PartnerDraft, ALLIANCE_FILE_FORMAT};

    fn partner(id: &str, name: &str) -> Partner {
        let mut draft = allia_core::demo::demo_alliance().partners[0].clone();
        draft.organisation.name = name.into();
        Partner {
            id: id.into(),
            alliance_id: "alliance".into(),
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
            draft,
        }
    }

    fn file(partners: Vec<PartnerDraft>) -> AllianceFile {
        AllianceFile {
            format: ALLIANCE_FILE_FORMAT,
            profile: None,
            alliance: allia_core::demo::demo_alliance().alliance,
            partners,
            commitments: Vec::new(),
        }
    }

    /// A character no font of the PDF's chain is expected to have: an Egyptian hieroglyph.
    const HIEROGLYPH: char = '\u{13000}';

    /// The builder's preview and the step to « Prêt à signer », on a real vault: a partner's
    /// representative with a character the PDF cannot print is an « À vérifier » item
    /// linking to the partner's field, counted in what the step asks to confirm, and the
    /// step is refused without the confirmation.
    #[tokio::test]
    async fn an_unprintable_character_is_listed_before_ready_to_sign() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pass = "phrase de test très solide 2026";
        let (vault, _) = allia_store::Vault::create(dir.path(), pass, pass)
            .await
            .expect("vault");
        let store = vault.store();
        let alliance = store.load_demo().await.expect("demo");
        let partners = store.partners(&alliance.id).await.expect("partners");
        let document = store
            .create_document(
                &alliance.id,
                DocumentKind::PartnershipAgreement,
                &DocumentSettings {
                    title: "Convention".into(),
                    ..Default::default()
                },
            )
            .await
            .expect("document");
        let id = document.id.clone();
        let preview_now = || async {
            let (document, version, file) = store
                .document_render_input(&id, None)
                .await
                .expect("render input");
            let options = allia_docs::render::options_for_version(
                document.kind,
                &version,
                chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
            );
            let partners = store
                .partners(&document.alliance_id)
                .await
                .expect("partners");
            let preview = preview_of(&document, &file, &options, &partners).expect("preview");
            (document, file, options, preview)
        };
        let (_, _, _, before) = preview_now().await;

        let mut draft = partners[1].draft.clone();
        draft.organisation.representative_name = Some(format!("Karim {HIEROGLYPH}"));
        store
            .update_partner(&partners[1].id, &draft)
            .await
            .expect("partner saved");
        // « En relecture » freezes the version with the partner as it is now.
        store
            .set_document_status(&id, DocumentStatus::InReview)
            .await
            .expect("in review");
        let (document, file, options, preview) = preview_now().await;

        assert_eq!(preview.to_check.len(), before.to_check.len() + 1);
        let item = preview
            .to_check
            .iter()
            .find(|item| item.message.contains("(U+13000)"))
            .expect("the character is an item");
        let name = &partners[1].draft.organisation.name;
        assert!(
            item.message.starts_with(&format!(
                "Partenaire 2 ({name}), nom du représentant\u{a0}: le caractère «\u{a0}{HIEROGLYPH}\u{a0}»"
            )),
            "{}",
            item.message
        );
        assert_eq!(
            item.target,
            Some(ToCheckTarget::Partner {
                partner_id: Some(partners[1].id.clone()),
                field: Some(OrganisationField::RepresentativeName),
            })
        );
        assert!(preview.next_needs_confirmation);
        assert_eq!(document.next_status, Some(DocumentStatus::ReadyToSign));

        let refused = check_status_move(
            &document,
            &file,
            &options,
            DocumentStatus::ReadyToSign,
            false,
        )
        .expect_err("needs the confirmation");
        assert_eq!(refused.code, crate::error::ErrorCode::NeedsConfirmation);
        let points = preview.to_check.len();
        let counted = if points == 1 {
            "1\u{a0}point «\u{a0}À vérifier\u{a0}»".to_string()
        } else {
            format!("{points}\u{a0}points «\u{a0}À vérifier\u{a0}»")
        };
        assert!(refused.message.contains(&counted), "{}", refused.message);
        check_status_move(
            &document,
            &file,
            &options,
            DocumentStatus::ReadyToSign,
            true,
        )
        .expect("confirmed");
        vault.close().await;
    }

    #[test]
    fn a_partner_target_names_the_stored_partner() {
        let stored = vec![
            partner("p1", "Régie de quartier"),
            partner("p2", "Café associatif"),
        ];
        let field = Some(OrganisationField::RepresentativeName);
        let live = file(stored.iter().map(|p| p.draft.clone()).collect());
        let target = CheckTarget::Partner { index: 1, field };
        assert_eq!(
            ToCheckTarget::from_docs(&target, &live, &stored),
            ToCheckTarget::Partner {
                partner_id: Some("p2".into()),
                field
            }
        );
        // A snapshot taken before the partner's address changed: the same name finds it.
        let mut older = stored[1].draft.clone();
        older.organisation.city = Some("Ailleurs".into());
        let snapshot = file(vec![older]);
        let target = CheckTarget::Partner { index: 0, field };
        assert_eq!(
            ToCheckTarget::from_docs(&target, &snapshot, &stored),
            ToCheckTarget::Partner {
                partner_id: Some("p2".into()),
                field
            }
        );
        // Removed since: the partner list opens, with no partner.
        assert_eq!(
            ToCheckTarget::from_docs(&target, &snapshot, &stored[..1]),
            ToCheckTarget::Partner {
                partner_id: None,
                field
            }
        );
        assert_eq!(
            ToCheckTarget::from_docs(&CheckTarget::Clause("objet".into()), &live, &stored),
            ToCheckTarget::Clause {
                clause_id: "objet".into()
            }
        );
    }
}
