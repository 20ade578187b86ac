//! The PDF files of a document's added annexes on a real SQLCipher vault: attached,
//! listed in the annexes' order, replaced, detached, kept in step with the settings,
//! gone with their annex or their document, refused when they are not a usable PDF;
//! and the migration that adds them, run on a vault made by an earlier version.

mod common;

use allia_core::{ContractDocument, DocumentKind, DocumentSettings, UserAnnex};
use allia_store::{Store, StoreError, Vault, MAX_ANNEX_FILE_BYTES};
use common::{settings, vault_with_demo};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream};

const STATUTS: &str = "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f";
const RIB: &str = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

/// A real PDF of `pages` A4 pages, each saying « <label> p. N ».
fn pdf(label: &str, pages: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut kids = Vec::new();
    for n in 1..=pages {
        let content = Content {
            operations: vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 24.into()]),
                Operation::new("Td", vec![72.into(), 700.into()]),
                Operation::new(
                    "Tj",
                    vec![Object::string_literal(format!("{label} p. {n}"))],
                ),
                Operation::new("ET", vec![]),
            ],
        };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("encode"),
        ));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

fn annex(id: &str, title: &str) -> UserAnnex {
    UserAnnex {
        id: id.into(),
        title: title.into(),
        file_name: None,
    }
}

/// A convention of the demo alliance listing « Statuts » then « RIB ».
async fn convention_with_annexes(store: &Store, alliance_id: &str) -> ContractDocument {
    store
        .create_document(
            alliance_id,
            DocumentKind::PartnershipAgreement,
            &DocumentSettings {
                annexes: vec![
                    annex(STATUTS, "Statuts de l’association"),
                    UserAnnex {
                        // A name sent with a new document is not trusted: no file yet.
                        file_name: Some("rib.pdf".into()),
                        ..annex(RIB, "Relevé d’identité bancaire")
                    },
                ],
                ..settings("Convention")
            },
        )
        .await
        .expect("create")
}

fn file_names(document: &ContractDocument) -> Vec<Option<String>> {
    document
        .current
        .settings
        .annexes
        .iter()
        .map(|a| a.file_name.clone())
        .collect()
}

/// The field and message of a validation refusal.
fn refusal(result: Result<ContractDocument, StoreError>) -> (String, String) {
    match result {
        Err(StoreError::Validation(errors)) => {
            let first = errors.first().expect("one error");
            (first.field.clone(), first.message.clone())
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

async fn stored_rows(vault: &Vault) -> i64 {
    let mut conn = vault.open_connection().await.expect("connection");
    sqlx::query_scalar("SELECT count(*) FROM document_annex_file")
        .fetch_one(&mut conn)
        .await
        .expect("count")
}

#[tokio::test]
async fn files_are_attached_listed_in_order_replaced_and_detached() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = vault_with_demo(dir.path()).await;
    let store = vault.store();
    let doc = convention_with_annexes(store, &demo.id).await;
    assert_eq!(file_names(&doc), vec![None, None]);

    let statuts = pdf("Statuts", 2);
    let rib = pdf("RIB", 1);
    // Attached in the reverse order of the list; only the last part of a path is kept.
    let doc = store
        .attach_annex_file(&doc.id, RIB, "/home/anne/Banque/rib.pdf", rib.clone())
        .await
        .expect("attach RIB");
    let doc = store
        .attach_annex_file(&doc.id, STATUTS, "statuts.pdf", statuts.clone())
        .await
        .expect("attach statuts");
    assert_eq!(doc.current.number, 1, "a draft is changed in place");
    assert_eq!(
        file_names(&doc),
        vec![Some("statuts.pdf".into()), Some("rib.pdf".into())]
    );

    let files = store.annex_files(&doc.id).await.expect("files");
    let summary: Vec<_> = files
        .iter()
        .map(|f| (f.annex_id.as_str(), f.file_name.as_str(), f.pages, f.size))
        .collect();
    assert_eq!(
        summary,
        vec![
            (STATUTS, "statuts.pdf", 2, statuts.len() as u64),
            (RIB, "rib.pdf", 1, rib.len() as u64),
        ]
    );
    let pdfs = store
        .annex_pdfs(&doc.id, &doc.current.settings.annexes)
        .await
        .expect("pdfs");
    assert_eq!(pdfs.len(), 2);
    assert_eq!(pdfs[0].title, "Statuts de l’association");
    assert_eq!(pdfs[0].bytes, statuts, "the bytes come back whole");
    assert_eq!(pdfs[1].bytes, rib);

    // Replaced: one file per annex.
    let longer = pdf("Statuts signés", 3);
    let doc = store
        .attach_annex_file(&doc.id, STATUTS, "statuts-signes.pdf", longer.clone())
        .await
        .expect("replace");
    let files = store.annex_files(&doc.id).await.expect("files");
    assert_eq!(files.len(), 2);
    assert_eq!(files[0].pages, 3);
    assert_eq!(files[0].file_name, "statuts-signes.pdf");
    assert_eq!(stored_rows(&vault).await, 2);

    // Detached: the annex stays, without its file; detaching again changes nothing.
    let doc = store
        .detach_annex_file(&doc.id, STATUTS)
        .await
        .expect("detach");
    assert_eq!(file_names(&doc), vec![None, Some("rib.pdf".into())]);
    let again = store
        .detach_annex_file(&doc.id, STATUTS)
        .await
        .expect("again");
    assert_eq!(again.current, doc.current);
    let pdfs = store
        .annex_pdfs(&doc.id, &doc.current.settings.annexes)
        .await
        .expect("pdfs");
    assert_eq!(
        pdfs.iter().map(|p| p.annex_id.as_str()).collect::<Vec<_>>(),
        vec![RIB]
    );
    vault.close().await;
}

#[tokio::test]
async fn settings_saved_from_a_stale_form_keep_the_files_and_removed_annexes_lose_theirs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = vault_with_demo(dir.path()).await;
    let store = vault.store();
    let doc = convention_with_annexes(store, &demo.id).await;
    let stale = doc.current.settings.clone();
    store
        .attach_annex_file(&doc.id, STATUTS, "statuts.pdf", pdf("Statuts", 1))
        .await
        .expect("attach");
    store
        .attach_annex_file(&doc.id, RIB, "rib.pdf", pdf("RIB", 1))
        .await
        .expect("attach");

    // The form still had no file names, and reorders the annexes: the files stay.
    let mut reordered = stale.clone();
    reordered.annexes.reverse();
    reordered.initials = true;
    let doc = store
        .update_document_settings(&doc.id, &reordered)
        .await
        .expect("save");
    assert!(doc.current.settings.initials);
    assert_eq!(
        doc.current
            .settings
            .annexes
            .iter()
            .map(|a| (a.id.as_str(), a.file_name.as_deref()))
            .collect::<Vec<_>>(),
        vec![(RIB, Some("rib.pdf")), (STATUTS, Some("statuts.pdf"))]
    );
    let order: Vec<String> = store
        .annex_files(&doc.id)
        .await
        .expect("files")
        .into_iter()
        .map(|f| f.annex_id)
        .collect();
    assert_eq!(order, vec![RIB.to_string(), STATUTS.to_string()]);

    // A name the vault does not hold is dropped.
    let mut invented = doc.current.settings.clone();
    invented.annexes.push(UserAnnex {
        file_name: Some("budget.pdf".into()),
        ..annex("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a", "Budget détaillé")
    });
    let doc = store
        .update_document_settings(&doc.id, &invented)
        .await
        .expect("save");
    assert_eq!(doc.current.settings.annexes[2].file_name, None);

    // The RIB annex removed from the list: its file goes with it.
    let mut fewer = doc.current.settings.clone();
    fewer.annexes.retain(|a| a.id != RIB);
    let doc = store
        .update_document_settings(&doc.id, &fewer)
        .await
        .expect("save");
    assert_eq!(stored_rows(&vault).await, 1);
    assert_eq!(store.annex_files(&doc.id).await.expect("files").len(), 1);

    // The document deleted: its files too (foreign key, ON DELETE CASCADE).
    store.delete_document(&doc.id).await.expect("delete");
    assert_eq!(stored_rows(&vault).await, 0);
    vault.close().await;
}

#[tokio::test]
async fn a_frozen_version_gets_a_new_draft_when_a_file_is_attached() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = vault_with_demo(dir.path()).await;
    let store = vault.store();
    let doc = convention_with_annexes(store, &demo.id).await;
    store
        .set_document_status(&doc.id, allia_core::DocumentStatus::InReview)
        .await
        .expect("review");
    let doc = store
        .attach_annex_file(&doc.id, STATUTS, "statuts.pdf", pdf("Statuts", 1))
        .await
        .expect("attach");
    assert_eq!(doc.current.number, 2);
    assert_eq!(doc.current.status, allia_core::DocumentStatus::Draft);
    let first = store.document_version(&doc.id, 1).await.expect("v1");
    assert_eq!(first.settings.annexes[0].file_name, None, "v1 unchanged");
    vault.close().await;
}

#[tokio::test]
async fn what_is_not_a_usable_pdf_is_refused_at_the_annex() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = vault_with_demo(dir.path()).await;
    let store = vault.store();
    let doc = convention_with_annexes(store, &demo.id).await;
    let field = format!("annexes.{STATUTS}.fileName");
    let attach = |bytes: Vec<u8>| store.attach_annex_file(&doc.id, STATUTS, "x.pdf", bytes);

    assert_eq!(
        refusal(attach(b"\x89PNG\r\n\x1a\n....".to_vec()).await),
        (
            field.clone(),
            "Ce fichier n’est pas un PDF\u{a0}: choisissez un fichier PDF (.pdf).".into()
        )
    );
    let (at, message) = refusal(attach(b"%PDF-1.4\n1 0 obj << >> endobj\n".to_vec()).await);
    assert_eq!(at, field);
    assert!(
        message.starts_with("Ce PDF est illisible ou abîmé"),
        "{message}"
    );
    // A PDF whose page tree is empty.
    let mut empty = Document::with_version("1.5");
    let pages_id = empty.add_object(dictionary! {
        "Type" => "Pages", "Kids" => Vec::<Object>::new(), "Count" => 0,
    });
    let catalog_id = empty.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    empty.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    empty.save_to(&mut bytes).expect("save");
    assert_eq!(
        refusal(attach(bytes).await),
        (field.clone(), "Ce PDF ne contient aucune page.".into())
    );
    // Over 20 Mio: refused before it is parsed.
    let mut huge = pdf("Statuts", 1);
    huge.resize(MAX_ANNEX_FILE_BYTES + 1, b' ');
    let (_, message) = refusal(attach(huge).await);
    assert!(
        message.starts_with("Ce fichier est trop lourd\u{a0}: 20\u{a0}Mo au plus"),
        "{message}"
    );

    // An annex the saved settings do not list yet.
    let unsaved = "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b";
    assert_eq!(
        refusal(
            store
                .attach_annex_file(&doc.id, unsaved, "x.pdf", pdf("X", 1))
                .await
        ),
        (
            format!("annexes.{unsaved}.fileName"),
            "Enregistrez d’abord cette annexe, puis joignez-lui un PDF.".into()
        )
    );
    assert!(matches!(
        store
            .attach_annex_file(
                "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b",
                STATUTS,
                "x.pdf",
                pdf("X", 1)
            )
            .await,
        Err(StoreError::NotFound(allia_store::Entity::Document))
    ));
    assert!(matches!(
        store.detach_annex_file("pas-un-id", STATUTS).await,
        Err(StoreError::NotFound(allia_store::Entity::Document))
    ));
    assert_eq!(stored_rows(&vault).await, 0, "nothing kept from a refusal");
    vault.close().await;
}

#[tokio::test]
async fn files_are_never_in_clear_in_the_vault_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = vault_with_demo(dir.path()).await;
    let store = vault.store();
    let doc = convention_with_annexes(store, &demo.id).await;
    let secret = "Compte Zephyrine-Quokka 7788";
    store
        .attach_annex_file(&doc.id, RIB, "rib.pdf", pdf(secret, 1))
        .await
        .expect("attach");
    vault.close().await;
    let mut stack = vec![dir.path().to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("ls") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read");
                assert!(
                    !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                    "{} holds the annex in clear",
                    path.display()
                );
            }
        }
    }
}

// --- The migration, on a vault made by an earlier version ----------------------------

/// The vault of `tests/fixtures/vault-format1` (made before annex files existed; README
/// there); the NFC form of its passphrase opens it.
const FIXTURE_PASS: &str = common::FORMAT1_PASS;

#[tokio::test]
async fn the_annex_files_migration_keeps_an_old_vault_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::copy_format1_vault(dir.path());
    let vault = Vault::unlock(dir.path(), FIXTURE_PASS)
        .await
        .expect("unlock migrates");
    let store = vault.store();
    let alliances = store.alliances().await.expect("alliances");
    assert_eq!(alliances.len(), 2);
    let demo = alliances
        .iter()
        .find(|a| a.draft.name != "Alliance du format un")
        .expect("demo alliance");
    let documents = store.documents(&demo.id).await.expect("documents");
    assert_eq!(documents.len(), 1);
    let old = &documents[0];
    // Settings written before annexes and initials existed read with their defaults.
    assert_eq!(old.current.settings.title, "Convention du format un");
    assert!(old.current.settings.annexes.is_empty());
    assert!(!old.current.settings.initials);

    // The old document takes an annex and its file.
    let mut with_annex = old.current.settings.clone();
    with_annex.annexes.push(annex(STATUTS, "Statuts"));
    let doc = store
        .update_document_settings(&old.id, &with_annex)
        .await
        .expect("annex on a migrated vault");
    let doc = store
        .attach_annex_file(&doc.id, STATUTS, "statuts.pdf", pdf("Statuts", 2))
        .await
        .expect("file on a migrated vault");
    assert_eq!(file_names(&doc), vec![Some("statuts.pdf".into())]);
    vault.close().await;

    // A backup was taken before migrating, and reopening keeps the file.
    let paths = allia_store::VaultPaths::new(dir.path());
    assert!(allia_store::backup::list(&paths)
        .iter()
        .any(|b| b.reason.starts_with("avant-migration-")));
    let vault = Vault::unlock(dir.path(), FIXTURE_PASS)
        .await
        .expect("reopen");
    let files = vault.store().annex_files(&doc.id).await.expect("files");
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].pages, 2);
    vault.close().await;
}
