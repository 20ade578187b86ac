//! The builder's preview: the typeset document with its « À vérifier » items (each
//! pointing to where it is fixed), its « [à compléter] » blanks and its clause anchors.

use allia_core::ContractDocument;
use allia_docs::model::Document;
use allia_docs::templates::{CheckTarget, OrganisationField};
use serde::Serialize;
use tauri::State;

use super::{blank_count, render_input};
use crate::error::AppError;
use crate::state::AppState;

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
    pub(super) fn from_docs(
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
    pub frozen: Option<crate::commands::prints::FrozenPrint>,
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
    preview.frozen = crate::commands::prints::frozen_print(&store, &document).await?;
    Ok(preview)
}

/// [`document_preview`] from what the vault gave: the version's document, its data and
/// options, and the alliance's stored partners (the « À vérifier » links name them).
pub(super) fn preview_of(
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
