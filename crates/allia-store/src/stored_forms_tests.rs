//! What the repositories write, read back from the columns themselves: enum texts are
//! their serde names, a frozen version's snapshot carries its version, and a snapshot
//! row written before versions existed (the golden file) still reads (docs/formats.md).

use allia_core::{
    ActorType, AllianceFile, AllianceStatus, DocumentKind, DocumentSettings, DocumentStatus,
    PartnerRole, Snapshot,
};

use crate::{KdfParams, Vault};

const FROZEN_SNAPSHOT_V1: &str = include_str!("../tests/golden/frozen-snapshot-v1.json");

async fn vault(dir: &std::path::Path) -> Vault {
    Vault::create_with_params(dir, "phrase de test", KdfParams::default())
        .await
        .expect("create")
        .0
}

/// The text sqlx stores for `value` and the one serde writes, side by side.
async fn texts<T>(vault: &Vault, value: T) -> (String, String)
where
    T: serde::Serialize
        + Copy
        + Send
        + for<'q> sqlx::Encode<'q, sqlx::Sqlite>
        + sqlx::Type<sqlx::Sqlite>,
{
    let stored: String = sqlx::query_scalar("SELECT ?")
        .bind(value)
        .fetch_one(&vault.store().pool)
        .await
        .expect("select");
    let serde = serde_json::to_value(value)
        .expect("json")
        .as_str()
        .expect("a string")
        .to_string();
    (stored, serde)
}

#[tokio::test]
async fn enum_columns_hold_the_serde_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault(dir.path()).await;
    let mut pairs = Vec::new();
    for v in AllianceStatus::ALL {
        pairs.push(texts(&vault, v).await);
    }
    for v in ActorType::ALL {
        pairs.push(texts(&vault, v).await);
    }
    for v in PartnerRole::ALL {
        pairs.push(texts(&vault, v).await);
    }
    for v in DocumentKind::ALL {
        pairs.push(texts(&vault, v).await);
    }
    for v in DocumentStatus::ALL {
        pairs.push(texts(&vault, v).await);
    }
    assert_eq!(pairs.len(), 3 + 9 + 4 + 3 + 4);
    for (stored, serde) in &pairs {
        assert_eq!(stored, serde);
    }
    assert!(pairs.iter().any(|(s, _)| s == "under_construction"));
    assert!(pairs.iter().any(|(s, _)| s == "ready_to_sign"));
    assert!(pairs.iter().any(|(s, _)| s == "local_authority"));
}

#[tokio::test]
async fn an_unknown_enum_text_is_damaged_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault(dir.path()).await;
    let store = vault.store();
    let alliance = store.load_demo().await.expect("demo");
    sqlx::query("UPDATE alliance SET status = 'dormant' WHERE id = ?")
        .bind(&alliance.id)
        .execute(&store.pool)
        .await
        .expect("doctor");
    let err = store.alliance(&alliance.id).await.expect_err("unreadable");
    assert!(err.is_damage(), "{err:?}");
}

#[tokio::test]
async fn frozen_versions_store_a_versioned_snapshot_and_old_rows_still_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault(dir.path()).await;
    let store = vault.store();
    let alliance = store.load_demo().await.expect("demo");
    let settings = DocumentSettings {
        title: "Convention".into(),
        ..Default::default()
    };
    let doc = store
        .create_document(&alliance.id, DocumentKind::PartnershipAgreement, &settings)
        .await
        .expect("document");
    store
        .set_document_status(&doc.id, DocumentStatus::InReview)
        .await
        .expect("freeze");
    let stored: String =
        sqlx::query_scalar("SELECT snapshot FROM document_version WHERE document_id = ?")
            .bind(&doc.id)
            .fetch_one(&store.pool)
            .await
            .expect("row");
    assert!(
        stored.starts_with(&format!(
            r#"{{"snapshotVersion":{},"format":1,"#,
            allia_core::SNAPSHOT_VERSION
        )),
        "{stored}"
    );
    let exported = store.export_alliance(&alliance.id).await.expect("export");
    let read: Snapshot = serde_json::from_str(&stored).expect("snapshot");
    assert_eq!(read.upgrade(), exported);

    // A row frozen before snapshots had a version: the golden file, as stored then.
    sqlx::query("UPDATE document_version SET snapshot = ? WHERE document_id = ?")
        .bind(FROZEN_SNAPSHOT_V1)
        .bind(&doc.id)
        .execute(&store.pool)
        .await
        .expect("old row");
    // Read as version 1: the partner its documents took for the profile gets the link.
    let golden: AllianceFile = serde_json::from_str::<Snapshot>(FROZEN_SNAPSHOT_V1)
        .expect("golden")
        .upgrade();
    assert!(golden.partners[0].own_association);
    let version = store.document_version(&doc.id, 1).await.expect("version");
    assert_eq!(version.snapshot.as_ref(), Some(&golden));
    let (_, chosen, input) = store
        .document_render_input(&doc.id, Some(1))
        .await
        .expect("render input");
    assert_eq!(chosen.number, 1);
    assert_eq!(input, golden, "renders from what it was frozen with");
    assert_eq!(input.partners.len(), 6);

    // A snapshot that is not one is damage, not a crash.
    sqlx::query("UPDATE document_version SET snapshot = '{\"format\":1}' WHERE document_id = ?")
        .bind(&doc.id)
        .execute(&store.pool)
        .await
        .expect("broken row");
    let err = store.document(&doc.id).await.expect_err("broken");
    assert!(err.is_damage(), "{err:?}");
}
