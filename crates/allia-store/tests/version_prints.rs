//! What a frozen version printed, on real SQLCipher vaults: kept once and never
//! replaced, refused on a draft or a version frozen again since, dropped when the version
//! goes back to « Brouillon », gone with its document; carried by the alliance file of
//! format 2 and stored back byte for byte by an import, which refuses a print whose hash
//! or kind is wrong (naming its place); and the migration that adds the prints, run on a
//! vault made before it, with a frozen version that has none.

mod common;

use allia_core::alliance_file::sha256_hex;
use allia_core::{
    read_alliance_file, DocumentKind, DocumentRefusal, DocumentStatus, FilePrint, UserAnnex,
};
use allia_store::{PrintFormat, PrintOrigin, StoreError, Vault};
use common::{settings, vault_with_demo};
use lopdf::dictionary;

/// Bytes that stand for a printed PDF (the vault does not read what it keeps).
fn print_bytes(label: &str) -> Vec<u8> {
    format!("%PDF-1.7\n% {label}\n%%EOF\n").into_bytes()
}

/// A real one-page PDF, which lopdf reads (an import checks it).
fn real_pdf() -> Vec<u8> {
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        lopdf::Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

#[tokio::test]
async fn a_print_is_kept_once_and_only_for_its_freeze() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = vault_with_demo(dir.path()).await;
    let store = vault.store();
    let doc = store
        .create_document(
            &demo.id,
            DocumentKind::PartnershipAgreement,
            &settings("Convention"),
        )
        .await
        .expect("document");

    // A draft keeps no print.
    let now = chrono::Utc::now();
    match store
        .keep_version_print(&doc.id, 1, now, PrintFormat::Pdf, &print_bytes("a"))
        .await
    {
        Err(StoreError::DocumentRefused(DocumentRefusal::NotFrozen)) => {}
        other => panic!("{other:?}"),
    }

    let frozen = store
        .set_document_status(&doc.id, DocumentStatus::InReview)
        .await
        .expect("frozen");
    let frozen_at = frozen.current.frozen_at.expect("frozen at");
    assert!(store
        .version_print(&doc.id, 1, PrintFormat::Pdf)
        .await
        .expect("read")
        .is_none());
    let first = store
        .keep_version_print(&doc.id, 1, frozen_at, PrintFormat::Pdf, &print_bytes("a"))
        .await
        .expect("kept");
    assert_eq!(first.bytes, print_bytes("a"));
    assert_eq!(first.sha256, sha256_hex(&print_bytes("a")));
    assert_eq!(first.app_version, env!("CARGO_PKG_VERSION"));
    // Never replaced: a second print gets the first back.
    let second = store
        .keep_version_print(&doc.id, 1, frozen_at, PrintFormat::Pdf, &print_bytes("b"))
        .await
        .expect("kept before");
    assert_eq!(second.bytes, print_bytes("a"));
    let docx = store
        .keep_version_print(&doc.id, 1, frozen_at, PrintFormat::Docx, b"PK docx")
        .await
        .expect("docx");
    assert_eq!(docx.format, PrintFormat::Docx);
    let infos = store.version_prints(&doc.id, 1).await.expect("infos");
    assert_eq!(infos.len(), 2);
    assert_eq!(infos[0].format, PrintFormat::Pdf);

    // Later steps keep the print.
    store
        .set_document_status(&doc.id, DocumentStatus::ReadyToSign)
        .await
        .expect("ready");
    assert_eq!(
        store
            .version_print(&doc.id, 1, PrintFormat::Pdf)
            .await
            .expect("read")
            .expect("still there")
            .bytes,
        print_bytes("a")
    );

    // Back to draft: the prints go; frozen again, a print of the former freeze is refused.
    store
        .return_document_to_draft(&doc.id)
        .await
        .expect("draft");
    assert!(store
        .version_prints(&doc.id, 1)
        .await
        .expect("infos")
        .is_empty());
    let again = store
        .set_document_status(&doc.id, DocumentStatus::InReview)
        .await
        .expect("frozen again");
    let refrozen_at = again.current.frozen_at.expect("frozen at");
    if refrozen_at != frozen_at {
        match store
            .keep_version_print(&doc.id, 1, frozen_at, PrintFormat::Pdf, &print_bytes("c"))
            .await
        {
            Err(StoreError::DocumentRefused(DocumentRefusal::NotFrozen)) => {}
            other => panic!("{other:?}"),
        }
    }
    store
        .keep_version_print(&doc.id, 1, refrozen_at, PrintFormat::Pdf, &print_bytes("d"))
        .await
        .expect("new freeze, new print");

    // A change makes version 2, a draft: version 1's print stays as it was.
    let changed = store
        .update_document_settings(&doc.id, &settings("Convention modifiée"))
        .await
        .expect("v2");
    assert_eq!(changed.current.number, 2);
    assert_eq!(
        store
            .version_print(&doc.id, 1, PrintFormat::Pdf)
            .await
            .expect("read")
            .expect("v1 print")
            .bytes,
        print_bytes("d")
    );
    match store
        .keep_version_print(&doc.id, 2, refrozen_at, PrintFormat::Pdf, &print_bytes("e"))
        .await
    {
        Err(StoreError::DocumentRefused(DocumentRefusal::NotFrozen)) => {}
        other => panic!("{other:?}"),
    }

    // Gone with the document.
    store.delete_document(&doc.id).await.expect("delete");
    assert!(store
        .version_print(&doc.id, 1, PrintFormat::Pdf)
        .await
        .expect("read")
        .is_none());
    assert!(matches!(
        store.version_print("pas un id", 1, PrintFormat::Pdf).await,
        Err(StoreError::NotFound(_))
    ));
    vault.close().await;
}

/// A vault with the demo alliance and a convention frozen « En relecture » whose PDF
/// print is `pdf`; the alliance's id and the document's.
async fn frozen_with_print(vault: &Vault, pdf: &[u8]) -> (String, String) {
    let store = vault.store();
    let demo = store.load_demo().await.expect("demo");
    let doc = store
        .create_document(
            &demo.id,
            DocumentKind::PartnershipAgreement,
            &settings("Convention signée"),
        )
        .await
        .expect("document");
    let frozen = store
        .set_document_status(&doc.id, DocumentStatus::InReview)
        .await
        .expect("frozen");
    store
        .keep_version_print(
            &doc.id,
            1,
            frozen.current.frozen_at.expect("frozen at"),
            PrintFormat::Pdf,
            pdf,
        )
        .await
        .expect("print");
    // A draft after it, which carries no print.
    store
        .update_document_settings(&doc.id, &settings("Convention, version 2"))
        .await
        .expect("v2");
    (demo.id, doc.id)
}

#[tokio::test]
async fn the_alliance_file_carries_the_printed_pdf_byte_for_byte() {
    let pdf = real_pdf();
    let from = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(from.path()).await;
    let (alliance_id, doc_id) = frozen_with_print(&vault, &pdf).await;
    let infos = vault
        .store()
        .version_prints(&doc_id, 1)
        .await
        .expect("infos");
    assert_eq!(infos[0].origin, PrintOrigin::Printed, "typeset here");
    let file = vault
        .store()
        .export_alliance_file(&alliance_id)
        .await
        .expect("export");
    vault.close().await;
    let versions = &file.documents[0].versions;
    let print = versions[0].printed_pdf.as_ref().expect("frozen carries it");
    assert_eq!(print.sha256, sha256_hex(&pdf));
    assert_eq!(
        print.app_version.as_deref(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    assert!(versions[1].printed_pdf.is_none(), "a draft has none");
    let json = serde_json::to_string_pretty(&file).expect("json");
    assert!(json.contains("\"printedPdf\""));
    assert_eq!(json.matches("\"printedPdf\"").count(), 1);

    // Imported into another vault: the same bytes come back.
    let to = tempfile::tempdir().expect("tempdir");
    let other = common::vault(to.path()).await;
    let read = read_alliance_file(json.as_bytes()).expect("read");
    let imported = other.store().import_alliance(&read).await.expect("import");
    let doc = &other.store().documents(&imported.id).await.expect("docs")[0];
    let kept = other
        .store()
        .version_print(&doc.id, 1, PrintFormat::Pdf)
        .await
        .expect("read")
        .expect("stored");
    assert_eq!(kept.bytes, pdf);
    assert_eq!(kept.app_version, env!("CARGO_PKG_VERSION"));
    // The file is not authenticated: the importing vault records that it received this
    // PDF rather than typeset it, and says so (the builder's note, `allia render`).
    assert_eq!(kept.origin, PrintOrigin::Received);
    // The DOCX, which the file does not carry, is typeset here at its first export.
    let (_, v1, _) = other
        .store()
        .document_render_input(&doc.id, Some(1))
        .await
        .expect("version 1");
    let docx = other
        .store()
        .keep_version_print(
            &doc.id,
            1,
            v1.frozen_at.expect("frozen at"),
            PrintFormat::Docx,
            b"PK docx",
        )
        .await
        .expect("docx kept");
    assert_eq!(docx.origin, PrintOrigin::Printed);
    assert!(other
        .store()
        .version_print(&doc.id, 2, PrintFormat::Pdf)
        .await
        .expect("read")
        .is_none());
    // And it travels on from there unchanged.
    let again = other
        .store()
        .export_alliance_file(&imported.id)
        .await
        .expect("export again");
    assert_eq!(
        again.documents[0].versions[0].printed_pdf.as_ref(),
        Some(print)
    );
    other.close().await;

    // Sent back to a third vault, it is still a received print there.
    let third_dir = tempfile::tempdir().expect("tempdir");
    let third = common::vault(third_dir.path()).await;
    let json = serde_json::to_vec(&again).expect("json");
    let back = third
        .store()
        .import_alliance(&read_alliance_file(&json).expect("read"))
        .await
        .expect("import back");
    let doc = &third.store().documents(&back.id).await.expect("docs")[0];
    let kept = third
        .store()
        .version_print(&doc.id, 1, PrintFormat::Pdf)
        .await
        .expect("read")
        .expect("stored");
    assert_eq!(kept.bytes, pdf);
    assert_eq!(kept.origin, PrintOrigin::Received);
    third.close().await;
}

#[tokio::test]
async fn an_import_refuses_a_print_that_is_not_what_was_signed() {
    let from = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(from.path()).await;
    let (alliance_id, _) = frozen_with_print(&vault, &real_pdf()).await;
    let file = vault
        .store()
        .export_alliance_file(&alliance_id)
        .await
        .expect("export");
    vault.close().await;
    let to = tempfile::tempdir().expect("tempdir");
    let other = common::vault(to.path()).await;

    let refused = |file: &allia_core::AllianceFileV2| {
        let json = serde_json::to_vec(file).expect("json");
        read_alliance_file(&json).expect("read")
    };
    // A byte changed: the hash no longer matches.
    let mut tampered = file.clone();
    let print = tampered.documents[0].versions[0]
        .printed_pdf
        .as_mut()
        .expect("print");
    let other_bytes = FilePrint::of(b"%PDF-1.7 autre chose", None);
    print.base64 = other_bytes.base64;
    let message = match other.store().import_alliance(&refused(&tampered)).await {
        Err(StoreError::Validation(errors)) => {
            assert_eq!(errors.0[0].field, "documents.1.versions.1.printedPdf");
            assert_eq!(
                allia_core::validation::field_place(&errors.0[0].field).as_deref(),
                Some("document 1, version 1")
            );
            errors.0[0].message.clone()
        }
        other => panic!("{other:?}"),
    };
    assert!(
        message.starts_with("Le PDF imprimé joint ne correspond pas à son empreinte"),
        "{message}"
    );

    // Hash and bytes agree, but it is not a PDF.
    let mut not_pdf = file.clone();
    not_pdf.documents[0].versions[0].printed_pdf = Some(FilePrint::of(b"GIF89a", None));
    match other.store().import_alliance(&refused(&not_pdf)).await {
        Err(StoreError::Validation(errors)) => {
            assert!(
                errors.0[0].message.contains("n’est pas un PDF"),
                "{errors:?}"
            )
        }
        other => panic!("{other:?}"),
    }

    // Starts like a PDF, hash right, but unreadable: refused by the vault, naming the version.
    let mut broken = file.clone();
    broken.documents[0].versions[0].printed_pdf =
        Some(FilePrint::of(b"%PDF-1.7\npas vraiment un PDF", None));
    match other.store().import_alliance(&refused(&broken)).await {
        Err(StoreError::Validation(errors)) => {
            let message = &errors.0[0].message;
            assert!(
                message.starts_with("«\u{a0}Convention signée\u{a0}», version 1\u{a0}: le PDF imprimé joint est illisible"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }

    // A draft never carries one.
    let mut on_draft = file.clone();
    on_draft.documents[0].versions[1].printed_pdf = Some(FilePrint::of(&real_pdf(), None));
    match other.store().import_alliance(&refused(&on_draft)).await {
        Err(StoreError::Validation(errors)) => {
            assert_eq!(errors.0[0].field, "documents.1.versions.2.printedPdf");
            assert!(errors.0[0].message.starts_with("Un brouillon ne porte pas"));
        }
        other => panic!("{other:?}"),
    }
    // Nothing was stored by the refusals.
    assert!(other.store().alliances().await.expect("list").is_empty());

    // A file written before prints existed (no field) still imports, without a print.
    let mut older = file.clone();
    older.documents[0].versions[0].printed_pdf = None;
    let json = serde_json::to_string(&older).expect("json");
    assert!(!json.contains("printedPdf"));
    let imported = other
        .store()
        .import_alliance(&read_alliance_file(json.as_bytes()).expect("read"))
        .await
        .expect("old file imports");
    let doc = &other.store().documents(&imported.id).await.expect("docs")[0];
    assert!(other
        .store()
        .version_prints(&doc.id, 1)
        .await
        .expect("infos")
        .is_empty());
    other.close().await;
}

/// Passphrase of `tests/fixtures/vault-before-print` (README there).
const BEFORE_PRINT_PASS: &str = "phrase de test très solide 2026";

#[tokio::test]
async fn the_prints_migration_keeps_an_old_frozen_version_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let from =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vault-before-print");
    for name in ["allia.vault", "allia.vault.keys"] {
        std::fs::copy(from.join(name), dir.path().join(name)).expect("copy fixture");
    }
    let vault = Vault::unlock(dir.path(), BEFORE_PRINT_PASS)
        .await
        .expect("unlock migrates");
    let store = vault.store();
    let alliances = store.alliances().await.expect("alliances");
    assert_eq!(alliances.len(), 1);
    let documents = store.documents(&alliances[0].id).await.expect("documents");
    assert_eq!(documents.len(), 1);
    let old = &documents[0];
    assert_eq!(old.current.status, DocumentStatus::InReview);
    assert_eq!(
        old.current.settings.title,
        "Convention figée avant les impressions"
    );
    let annexes: &[UserAnnex] = &old.current.settings.annexes;
    assert_eq!(annexes[0].file_name.as_deref(), Some("statuts.pdf"));
    // Frozen before prints were kept: none, until its first export keeps one.
    assert!(store
        .version_prints(&old.id, 1)
        .await
        .expect("infos")
        .is_empty());
    let frozen_at = old.current.frozen_at.expect("frozen at");
    store
        .keep_version_print(&old.id, 1, frozen_at, PrintFormat::Pdf, &real_pdf())
        .await
        .expect("print on a migrated vault");
    vault.close().await;

    // A backup was taken before migrating, and reopening keeps the print.
    let paths = allia_store::VaultPaths::new(dir.path());
    assert!(allia_store::backup::list(&paths)
        .iter()
        .any(|b| b.reason.starts_with("avant-migration-")));
    let vault = Vault::unlock(dir.path(), BEFORE_PRINT_PASS)
        .await
        .expect("reopen");
    let kept = vault
        .store()
        .version_print(&old.id, 1, PrintFormat::Pdf)
        .await
        .expect("read")
        .expect("kept");
    assert_eq!(kept.bytes, real_pdf());
    assert_eq!(kept.origin, PrintOrigin::Printed);
    vault.close().await;
}
