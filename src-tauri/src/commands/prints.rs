//! « A signed version never changes »: a frozen version (in review, ready to sign,
//! signed) is exported and printed from the bytes the vault kept when it was frozen
//! (`allia_store::VersionPrint`), never typeset again. The print is taken when the
//! version is frozen ([`keep_prints`], from `document_set_status`), or, for a version
//! frozen before prints were kept, at its first export; a draft is rendered each time.

use allia_core::{AllianceFile, ContractDocument, DocumentVersion};
use allia_docs::render::{Format, Rendered};
use allia_docs::templates::DocumentOptions;
use allia_store::{PrintFormat, PrintOrigin, Store};
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::error::AppError;

/// The vault's name of an export format.
pub(super) fn print_format(format: Format) -> PrintFormat {
    match format {
        Format::Pdf => PrintFormat::Pdf,
        Format::Docx => PrintFormat::Docx,
    }
}

/// When `version` was frozen, if it is (the freeze its print belongs to).
fn frozen_at(version: &DocumentVersion) -> Option<DateTime<Utc>> {
    version.frozen_at.filter(|_| version.status.is_frozen())
}

/// `version` of `document` in `format`: a frozen version's kept print when there is
/// one (no warnings: the bytes are the ones frozen, whatever the templates say today);
/// otherwise typeset on the blocking pool (a PDF with the files attached to the annexes
/// as they are now) and, for a frozen version, kept, so every later export returns the
/// same bytes. When two exports race, the first print kept is returned to both.
///
/// # Errors
/// The typesetter's (`document`), the vault's, or `precondition` when the version was
/// taken back to draft and frozen again while it was being typeset.
pub(super) async fn printed_or_rendered(
    store: &Store,
    document: &ContractDocument,
    version: &DocumentVersion,
    file: AllianceFile,
    options: DocumentOptions,
    format: Format,
) -> Result<Rendered, AppError> {
    let frozen = frozen_at(version);
    if frozen.is_some() {
        if let Some(print) = store
            .version_print(&document.id, version.number, print_format(format))
            .await?
        {
            return Ok(Rendered {
                bytes: print.bytes,
                warnings: Vec::new(),
            });
        }
    }
    let annexes = super::annexes::for_export(store, document, version, format).await?;
    let rendered = super::blocking(
        "La préparation du document a été interrompue.",
        move || super::annexes::render(&file, &options, format, &annexes),
    )
    .await?;
    let Some(frozen_at) = frozen else {
        return Ok(rendered);
    };
    let kept = store
        .keep_version_print(
            &document.id,
            version.number,
            frozen_at,
            print_format(format),
            &rendered.bytes,
        )
        .await?;
    Ok(Rendered {
        bytes: kept.bytes,
        warnings: rendered.warnings,
    })
}

/// Takes the prints of a version that has just been frozen: its PDF (with the files
/// attached to its annexes now) and its DOCX, kept in the vault. A print that fails is
/// not kept: the version's first export takes it (and says why it cannot).
pub(super) async fn keep_prints(store: &Store, document_id: &str) -> Result<(), AppError> {
    let (document, version, file) = store.document_render_input(document_id, None).await?;
    if frozen_at(&version).is_none() {
        return Ok(());
    }
    let today = chrono::Local::now().date_naive();
    let options = allia_docs::render::options_for_version(document.kind, &version, today);
    for format in [Format::Pdf, Format::Docx] {
        printed_or_rendered(
            store,
            &document,
            &version,
            file.clone(),
            options.clone(),
            format,
        )
        .await?;
    }
    Ok(())
}

/// What the builder says of a frozen version's export.
#[derive(Debug, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FrozenPrint {
    /// When the version was frozen.
    pub frozen_at: DateTime<Utc>,
    /// Whether its PDF print is kept already (a version frozen before Allia kept prints
    /// gets it at its first export).
    pub printed: bool,
    /// Whether that PDF came with an alliance file rather than typeset by this vault:
    /// it is exported as received, not checked against the version's data.
    pub received: bool,
    /// SHA-256 of the kept PDF (64 lower-case hex digits), for people to compare with
    /// the sender's; `None` while none is kept.
    pub sha256: Option<String>,
}

/// [`FrozenPrint`] of the current version of `document`, or `None` for a draft.
pub(super) async fn frozen_print(
    store: &Store,
    document: &ContractDocument,
) -> Result<Option<FrozenPrint>, AppError> {
    let Some(frozen_at) = frozen_at(&document.current) else {
        return Ok(None);
    };
    let print = store
        .version_print(&document.id, document.current.number, PrintFormat::Pdf)
        .await?;
    Ok(Some(FrozenPrint {
        frozen_at,
        printed: print.is_some(),
        received: print
            .as_ref()
            .is_some_and(|p| p.origin == PrintOrigin::Received),
        sha256: print.map(|p| p.sha256),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::documents::test_vault::demo_vault;
    use allia_core::{DocumentKind, DocumentSettings, DocumentStatus, UserAnnex};

    const STATUTS: &str = "2f6c1b7e-8a3d-4c5e-9f10-a1b2c3d4e5f6";

    /// A real PDF with pages: a document typeset by allia-docs (here, a charter whose
    /// title says which file it is).
    fn annex_pdf(file: &AllianceFile, title: &str) -> Vec<u8> {
        let settings = DocumentSettings {
            title: title.into(),
            ..Default::default()
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let options =
            allia_docs::render::options(DocumentKind::PartnershipCharter, &settings, 1, today);
        allia_docs::render::render(file, &options, Format::Pdf)
            .expect("pdf")
            .bytes
    }

    /// Version `number` of the document in `format`, as the shell exports it.
    async fn export(store: &Store, id: &str, number: u32, format: Format) -> Vec<u8> {
        let (document, version, file) = store
            .document_render_input(id, Some(number))
            .await
            .expect("render input");
        let options = allia_docs::render::options_for_version(
            document.kind,
            &version,
            chrono::Local::now().date_naive(),
        );
        printed_or_rendered(store, &document, &version, file, options, format)
            .await
            .expect("export")
            .bytes
    }

    /// On a real vault: freezing prints the PDF (with the annex's file) and the DOCX and
    /// keeps them; a new file attached to the annex afterwards makes version 2, whose
    /// export carries it, while version 1 still exports the bytes it was frozen with,
    /// although typesetting it again now would give another PDF.
    #[tokio::test]
    async fn a_frozen_version_exports_what_it_printed_when_frozen() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (vault, alliance) = demo_vault(dir.path()).await;
        let store = vault.store();
        let data = store.export_alliance(&alliance.id).await.expect("data");
        let settings = DocumentSettings {
            title: "Convention".into(),
            annexes: vec![UserAnnex {
                id: STATUTS.into(),
                title: "Statuts".into(),
                file_name: None,
            }],
            ..Default::default()
        };
        let document = store
            .create_document(&alliance.id, DocumentKind::PartnershipAgreement, &settings)
            .await
            .expect("document");
        let id = document.id.clone();
        store
            .attach_annex_file(
                &id,
                STATUTS,
                "statuts.pdf",
                annex_pdf(&data, "Statuts 2024"),
            )
            .await
            .expect("attach");
        let draft = frozen_print(store, &store.document(&id).await.expect("doc"))
            .await
            .expect("note");
        assert_eq!(draft, None, "a draft says nothing");

        // What `document_set_status` does when a draft leaves « Brouillon ».
        let frozen = store
            .set_document_status(&id, DocumentStatus::InReview)
            .await
            .expect("in review");
        keep_prints(store, &id).await.expect("prints");
        let pdf = store
            .version_print(&id, 1, PrintFormat::Pdf)
            .await
            .expect("read")
            .expect("pdf kept at freeze");
        let docx = store
            .version_print(&id, 1, PrintFormat::Docx)
            .await
            .expect("read")
            .expect("docx kept at freeze");
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        assert_eq!(pdf.origin, PrintOrigin::Printed);
        assert!(docx.bytes.starts_with(b"PK"));
        assert_eq!(
            frozen_print(store, &frozen).await.expect("note"),
            Some(FrozenPrint {
                frozen_at: frozen.current.frozen_at.expect("frozen at"),
                printed: true,
                received: false,
                sha256: Some(pdf.sha256.clone()),
            })
        );
        assert_eq!(export(store, &id, 1, Format::Pdf).await, pdf.bytes);
        assert_eq!(export(store, &id, 1, Format::Docx).await, docx.bytes);
        assert_eq!(typeset_again(store, &id).await, pdf.bytes, "deterministic");

        // Another file for the annex: a new draft, version 2, carries it.
        let changed = store
            .attach_annex_file(
                &id,
                STATUTS,
                "statuts-2026.pdf",
                annex_pdf(&data, "Statuts 2026"),
            )
            .await
            .expect("attach again");
        assert_eq!(changed.current.number, 2);
        assert!(!changed.frozen);
        let v2 = export(store, &id, 2, Format::Pdf).await;
        assert_ne!(v2, pdf.bytes);

        // Version 1 exports the same bytes as when it was frozen...
        assert_eq!(export(store, &id, 1, Format::Pdf).await, pdf.bytes);
        assert_eq!(export(store, &id, 1, Format::Docx).await, docx.bytes);
        // ...while typesetting it again (which gives the same bytes for the same input)
        // would now append the new file.
        assert_ne!(
            typeset_again(store, &id).await,
            pdf.bytes,
            "the file changed"
        );
        vault.close().await;
    }

    /// A version imported from an alliance file with its `printedPdf`: the note says the
    /// print was received (the file is not authenticated), with its hash, and the export
    /// is those bytes.
    #[tokio::test]
    async fn a_print_received_with_an_alliance_file_is_said_received() {
        let pass = "phrase de test très solide 2026";
        let from = tempfile::tempdir().expect("tempdir");
        let (sender, alliance) = demo_vault(from.path()).await;
        let settings = DocumentSettings {
            title: "Convention reçue".into(),
            ..Default::default()
        };
        let document = sender
            .store()
            .create_document(&alliance.id, DocumentKind::PartnershipAgreement, &settings)
            .await
            .expect("document");
        sender
            .store()
            .set_document_status(&document.id, DocumentStatus::InReview)
            .await
            .expect("in review");
        keep_prints(sender.store(), &document.id)
            .await
            .expect("prints");
        let file = sender
            .store()
            .export_alliance_file(&alliance.id)
            .await
            .expect("export");
        sender.close().await;
        let sent = file.documents[0].versions[0]
            .printed_pdf
            .clone()
            .expect("carried");

        let to = tempfile::tempdir().expect("tempdir");
        let (receiver, _) = allia_store::Vault::create(to.path(), pass, pass)
            .await
            .expect("vault");
        let store = receiver.store();
        let json = serde_json::to_vec(&file).expect("json");
        let read = allia_core::read_alliance_file(&json).expect("read");
        let imported = store.import_alliance(&read).await.expect("import");
        let received = store.documents(&imported.id).await.expect("documents")[0].clone();
        let note = frozen_print(store, &received)
            .await
            .expect("note")
            .expect("frozen");
        assert!(note.printed && note.received, "{note:?}");
        assert_eq!(note.sha256.as_deref(), Some(sent.sha256.as_str()));
        let exported = export(store, &received.id, 1, Format::Pdf).await;
        assert_eq!(Some(exported), sent.pdf_bytes().ok());
        receiver.close().await;
    }

    /// Version 1 typeset now, from its snapshot, with the annex files as they are now.
    async fn typeset_again(store: &Store, id: &str) -> Vec<u8> {
        let (document, version, file) = store
            .document_render_input(id, Some(1))
            .await
            .expect("input");
        let options = allia_docs::render::options_for_version(
            document.kind,
            &version,
            chrono::Local::now().date_naive(),
        );
        let annexes = store
            .annex_pdfs(id, &version.settings.annexes)
            .await
            .expect("files now");
        super::super::annexes::render(&file, &options, Format::Pdf, &annexes)
            .expect("typeset again")
            .bytes
    }
}
