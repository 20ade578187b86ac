//! Concurrent changes to one document on a real vault: each reads the current version
//! inside its own write transaction, so none is lost.

use allia_core::{DocumentKind, DocumentStatus, PartySignature};
use allia_store::Store;

mod common;
use common::{settings, vault};

async fn document_ready_to_sign(store: &Store) -> String {
    let alliance = store.load_demo().await.expect("demo");
    let doc = store
        .create_document(
            &alliance.id,
            DocumentKind::PartnershipAgreement,
            &settings("Convention"),
        )
        .await
        .expect("create");
    store
        .set_document_status(&doc.id, DocumentStatus::ReadyToSign)
        .await
        .expect("ready to sign");
    doc.id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_signatures_are_all_recorded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault(dir.path()).await;
    let store = vault.store().clone();
    let id = document_ready_to_sign(&store).await;
    let signed_on = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");

    const PARTIES: usize = 24;
    let tasks: Vec<_> = (0..PARTIES)
        .map(|i| {
            let store = store.clone();
            let id = id.clone();
            tokio::spawn(async move {
                store
                    .record_signature(
                        &id,
                        &PartySignature {
                            party: format!("Partie {i}"),
                            signatory: format!("Signataire {i}"),
                            signed_on,
                        },
                    )
                    .await
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("task").expect("signature recorded");
    }

    let doc = store.document(&id).await.expect("document");
    let mut parties: Vec<_> = doc
        .current
        .signatures
        .iter()
        .map(|s| s.party.clone())
        .collect();
    parties.sort();
    let mut expected: Vec<_> = (0..PARTIES).map(|i| format!("Partie {i}")).collect();
    expected.sort();
    assert_eq!(parties, expected, "every concurrent signature is kept");
    vault.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_edits_of_a_frozen_version_make_one_new_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault(dir.path()).await;
    let store = vault.store().clone();
    let id = document_ready_to_sign(&store).await;

    // Each edit of a frozen version would start version 2 if it read the version
    // outside its transaction; only the first may, the others edit that new draft.
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let store = store.clone();
            let id = id.clone();
            tokio::spawn(async move {
                store
                    .update_document_settings(&id, &settings(&format!("Convention {i}")))
                    .await
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("task").expect("edit saved");
    }
    let doc = store.document(&id).await.expect("document");
    assert_eq!(doc.current.number, 2);
    assert_eq!(doc.current.status, DocumentStatus::Draft);
    let frozen = store.document_version(&id, 1).await.expect("version 1");
    assert_eq!(frozen.status, DocumentStatus::ReadyToSign);
    assert_eq!(frozen.settings.title, "Convention");

    // Status changes racing each other: the version only moves forward, each refusal
    // is the « backwards » one, never a storage error.
    let tasks: Vec<_> = [
        DocumentStatus::InReview,
        DocumentStatus::ReadyToSign,
        DocumentStatus::Signed,
        DocumentStatus::InReview,
    ]
    .into_iter()
    .map(|status| {
        let store = store.clone();
        let id = id.clone();
        tokio::spawn(async move { store.set_document_status(&id, status).await })
    })
    .collect();
    for task in tasks {
        match task.await.expect("task") {
            Ok(_) => {}
            Err(allia_store::StoreError::DocumentRefused(refusal)) => {
                assert_eq!(refusal, allia_core::DocumentRefusal::Backwards);
            }
            Err(other) => panic!("unexpected error: {other:?}"),
        }
    }
    let doc = store.document(&id).await.expect("document");
    assert_eq!(doc.current.number, 2);
    assert!(doc.current.status.is_frozen());
    assert!(store
        .document_version(&id, 2)
        .await
        .expect("version 2")
        .snapshot
        .is_some());
    vault.close().await;
}

#[tokio::test]
async fn ids_of_the_wrong_shape_are_not_found() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault(dir.path()).await;
    let store = vault.store();
    let long = "x".repeat(100_000);
    for id in [
        "",
        "inconnue",
        "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f",
        &long,
    ] {
        assert!(matches!(
            store.document(id).await,
            Err(allia_store::StoreError::NotFound(
                allia_store::Entity::Document
            ))
        ));
        assert!(matches!(
            store
                .record_signature(
                    id,
                    &PartySignature {
                        party: "Mairie".into(),
                        signatory: "Claire".into(),
                        signed_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
                    }
                )
                .await,
            Err(allia_store::StoreError::NotFound(
                allia_store::Entity::Document
            ))
        ));
        assert!(matches!(
            store.alliance(id).await,
            Err(allia_store::StoreError::NotFound(
                allia_store::Entity::Alliance
            ))
        ));
        assert!(matches!(
            store.partner(id).await,
            Err(allia_store::StoreError::NotFound(
                allia_store::Entity::Partner
            ))
        ));
        assert!(matches!(
            store
                .create_document(id, DocumentKind::PartnershipCharter, &settings("Charte"))
                .await,
            Err(allia_store::StoreError::NotFound(
                allia_store::Entity::Alliance
            ))
        ));
    }
    vault.close().await;
}
