//! The alliance file of format 2 between two real vaults: every id travels (alliance,
//! partners, commitments, documents, versions, clause changes, signatures) and comes
//! back on a new export; a copy gets new ids; a file whose alliance is already in the
//! vault imports as a copy; frozen and signed versions are stored as they are; a refused
//! file leaves the vault unchanged; the ids of clause changes and signatures stay the
//! same from one write to the next. And the migration that gave existing versions their
//! ids, on the vault made by the first version.

mod common;

use std::collections::HashSet;

use allia_core::validation::is_record_id;
use allia_core::{
    read_alliance_file, AllianceFileV2, ClauseChange, CommitmentsDraft, DocumentKind,
    DocumentStatus, FileContent, InKindContribution, Organisation, PartySignature,
};
use allia_store::{ImportMode, Store, StoreError, Vault};
use chrono::NaiveDate;

/// Every id of a file, in the file's order.
fn ids(file: &AllianceFileV2) -> Vec<String> {
    let mut ids = vec![file.alliance.id.clone()];
    ids.extend(file.partners.iter().map(|p| p.id.clone()));
    ids.extend(file.commitments.iter().map(|c| c.id.clone()));
    for d in &file.documents {
        ids.push(d.id.clone());
        for v in &d.versions {
            ids.push(v.id.clone());
            ids.extend(v.settings.overrides.iter().map(|o| o.id.clone()));
            ids.extend(v.signatures.iter().map(|s| s.id.clone()));
        }
    }
    ids
}

fn profile() -> Organisation {
    Organisation {
        name: "Les Ateliers du Coteau".into(),
        rna: Some("W372009876".into()),
        city: Some("Château-Renault".into()),
        representative_name: Some("Odile Marchand".into()),
        representative_role: Some("Présidente".into()),
        ..Default::default()
    }
}

async fn vault_with_profile(dir: &std::path::Path) -> Vault {
    let vault = common::vault(dir).await;
    vault
        .store()
        .save_profile(&profile())
        .await
        .expect("profile");
    vault
}

/// The demo alliance with commitments and a convention of two versions: version 1
/// signed (a clause left out, a signature), version 2 a draft with a changed text.
async fn rich_alliance(store: &Store) -> String {
    let demo = store.load_demo().await.expect("demo");
    let partners = store.partners(&demo.id).await.expect("partners");
    let in_kind = CommitmentsDraft {
        in_kind: vec![InKindContribution {
            description: "Une salle de réunion".into(),
            value_cents: 0,
        }],
        ..Default::default()
    };
    store
        .set_commitments(&demo.id, None, &in_kind)
        .await
        .expect("association");
    store
        .set_commitments(&demo.id, Some(&partners[1].id), &in_kind)
        .await
        .expect("partner");
    let doc = store
        .create_document(
            &demo.id,
            DocumentKind::PartnershipAgreement,
            &common::settings("Convention de partenariat"),
        )
        .await
        .expect("document");
    store
        .change_document_clause(&doc.id, "resiliation", ClauseChange::Include(false))
        .await
        .expect("clause");
    store
        .set_document_status(&doc.id, DocumentStatus::InReview)
        .await
        .expect("review");
    store
        .set_document_status(&doc.id, DocumentStatus::ReadyToSign)
        .await
        .expect("ready");
    store
        .record_signature(
            &doc.id,
            &PartySignature {
                party: "Maison des Solidarités du Val de Brenne".into(),
                signatory: "Claire Moreau".into(),
                signed_on: NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
            },
        )
        .await
        .expect("signature");
    store
        .set_document_status(&doc.id, DocumentStatus::Signed)
        .await
        .expect("signed");
    let doc = store
        .change_document_clause(
            &doc.id,
            "objet",
            ClauseChange::SetText("Un texte revu pour la version 2.".into()),
        )
        .await
        .expect("version 2");
    assert_eq!(doc.current.number, 2);
    demo.id
}

fn through_json(file: &AllianceFileV2) -> AllianceFileV2 {
    let json = file.to_json_string().expect("json");
    let read = read_alliance_file(json.as_bytes()).expect("reads back");
    assert!(read.unknown_fields.is_empty(), "{:?}", read.unknown_fields);
    match read.content {
        FileContent::V2(file) => *file,
        FileContent::V1(_) => panic!("export writes format 2"),
    }
}

#[tokio::test]
async fn export_then_import_keeps_every_id() {
    let a_dir = tempfile::tempdir().expect("tempdir");
    let a = vault_with_profile(a_dir.path()).await;
    let id = rich_alliance(a.store()).await;
    let exported = a.store().export_alliance_file(&id).await.expect("export");
    assert_eq!(exported.format, 2);
    assert_eq!(exported.profile, Some(profile()));
    assert_eq!(exported.alliance.id, id);
    assert_eq!(exported.commitments.len(), 2);
    let document = &exported.documents[0];
    assert_eq!(document.versions.len(), 2);
    let signed = &document.versions[0];
    assert_eq!(signed.status, DocumentStatus::Signed);
    assert!(signed.snapshot.is_some());
    assert_eq!(signed.signatures.len(), 1);
    assert_eq!(signed.settings.overrides.len(), 1);
    assert_eq!(document.versions[1].settings.overrides.len(), 2);
    let all = ids(&exported);
    assert!(all.iter().all(|i| is_record_id(i)), "{all:?}");
    assert_eq!(all.iter().collect::<HashSet<_>>().len(), all.len());
    // Exported again: the same ids (they are stored, not made up by the export).
    let again = a.store().export_alliance_file(&id).await.expect("again");
    assert_eq!(ids(&again), all);

    // Another vault of the same association (the file's profile is its own).
    let b_dir = tempfile::tempdir().expect("tempdir");
    let b = vault_with_profile(b_dir.path()).await;
    let file = through_json(&exported);
    let imported = b.store().import_alliance(&file).await.expect("import");
    assert_eq!(imported.id, id, "the alliance keeps its id");
    let back = b.store().export_alliance_file(&id).await.expect("export");
    assert_eq!(ids(&back), all, "every id comes back");
    assert_eq!(
        AllianceFileV2 {
            created_at: exported.created_at,
            ..back.clone()
        },
        exported,
        "and everything else, frozen versions as they were signed"
    );
    b.close().await;
    a.close().await;
}

#[tokio::test]
async fn a_copy_gets_new_ids_and_a_known_alliance_imports_as_a_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault_with_profile(dir.path()).await;
    let store = vault.store();
    let id = rich_alliance(store).await;
    let exported = store.export_alliance_file(&id).await.expect("export");
    let original = ids(&exported);
    for mode in [ImportMode::Copy, ImportMode::New] {
        // New: the alliance's id is already here, so every record is new, as a copy.
        let copy = store
            .import_alliance_as(&exported, mode)
            .await
            .expect("copy");
        assert_ne!(copy.id, id);
        let copied = store.export_alliance_file(&copy.id).await.expect("export");
        let new_ids: HashSet<String> = ids(&copied).into_iter().collect();
        assert_eq!(new_ids.len(), original.len());
        assert!(
            original.iter().all(|i| !new_ids.contains(i)),
            "{mode:?}: no id shared with the original"
        );
        assert_eq!(copied.alliance.draft(), exported.alliance.draft());
        assert_eq!(
            copied.documents[0].versions[0].status,
            DocumentStatus::Signed
        );
        assert_eq!(
            copied.documents[0].versions[0].snapshot,
            exported.documents[0].versions[0].snapshot
        );
    }
    assert_eq!(store.alliances().await.expect("list").len(), 3);
    vault.close().await;
}

#[tokio::test]
async fn a_refused_file_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault_with_profile(dir.path()).await;
    let store = vault.store();
    let id = rich_alliance(store).await;
    let mut file = store.export_alliance_file(&id).await.expect("export");
    store.delete_alliance(&id).await.expect("delete");
    // Valid but for the last document's versions, checked after everything else.
    file.documents[0].versions[1].number = 5;
    file.documents[0].versions[0].signatures[0].signatory = String::new();
    match store.import_alliance(&file).await {
        Err(StoreError::Validation(errors)) => {
            let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(
                fields,
                vec![
                    "documents.1.versions.1.signatures.1.signatory",
                    "documents.1.versions.2.number"
                ]
            );
        }
        other => panic!("expected a refusal, got {:?}", other.map(|a| a.id)),
    }
    assert!(store.alliances().await.expect("list").is_empty());
    vault.close().await;
}

#[tokio::test]
async fn clause_change_and_signature_ids_follow_their_records() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault_with_profile(dir.path()).await;
    let store = vault.store();
    let demo = store.load_demo().await.expect("demo");
    let doc = store
        .create_document(
            &demo.id,
            DocumentKind::PartnershipCharter,
            &common::settings("Charte"),
        )
        .await
        .expect("document");
    let override_ids = |file: &AllianceFileV2| -> Vec<(String, String)> {
        file.documents[0].versions[0]
            .settings
            .overrides
            .iter()
            .map(|o| (o.clause_id.clone(), o.id.clone()))
            .collect()
    };
    store
        .change_document_clause(&doc.id, "valeurs", ClauseChange::Include(false))
        .await
        .expect("first");
    let first = override_ids(&store.export_alliance_file(&demo.id).await.expect("e"));
    store
        .change_document_clause(&doc.id, "valeurs", ClauseChange::SetText("Texte.".into()))
        .await
        .expect("same clause");
    store
        .change_document_clause(&doc.id, "engagements", ClauseChange::Include(false))
        .await
        .expect("another clause");
    let second = override_ids(&store.export_alliance_file(&demo.id).await.expect("e"));
    assert_eq!(second[0], first[0], "the same clause keeps its change's id");
    assert_ne!(second[1].1, first[0].1);
    // The first change dropped from the settings: its id goes with it, the other
    // one stays.
    let mut settings = store.document(&doc.id).await.expect("doc").current.settings;
    settings.overrides.retain(|o| o.clause_id != "valeurs");
    store
        .update_document_settings(&doc.id, &settings)
        .await
        .expect("dropped");
    let third = override_ids(&store.export_alliance_file(&demo.id).await.expect("e"));
    assert_eq!(third, vec![second[1].clone()]);
    vault.close().await;
}

#[tokio::test]
async fn the_migration_gives_the_first_version_vault_its_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::copy_format1_vault(dir.path());
    let vault = Vault::unlock(dir.path(), common::FORMAT1_PASS)
        .await
        .expect("unlock migrates");
    let store = vault.store();
    let mut seen = Vec::new();
    for alliance in store.alliances().await.expect("alliances") {
        let file = store
            .export_alliance_file(&alliance.id)
            .await
            .expect("export");
        for document in &file.documents {
            for version in &document.versions {
                assert!(is_record_id(&version.id), "{}", version.id);
            }
        }
        seen.extend(ids(&file));
    }
    assert!(seen.iter().all(|i| is_record_id(i)));
    assert!(
        seen.len() > 3,
        "the fixture's alliances, partners and convention"
    );
    vault.close().await;
    // Reopened: nothing more to migrate, the same ids.
    let vault = Vault::unlock(dir.path(), common::FORMAT1_PASS)
        .await
        .expect("reopen");
    let mut again = Vec::new();
    for alliance in vault.store().alliances().await.expect("alliances") {
        again.extend(ids(&vault
            .store()
            .export_alliance_file(&alliance.id)
            .await
            .expect("export")));
    }
    seen.sort();
    again.sort();
    assert_eq!(again, seen);
    // The migration ran after a backup.
    let backups = common::listing(&dir.path().join("backups"));
    assert!(!backups.is_empty(), "{backups:?}");
    vault.close().await;
}

/// The migration's statements that fill the ids, run again on rows shaped as the
/// previous version left them (no id, no id maps) but holding clause changes and
/// signatures: each gets its own UUID, listed by clause and by party.
#[tokio::test]
async fn the_migration_gives_clause_changes_and_signatures_their_ids() {
    const MIGRATION: &str = include_str!("../migrations/20261202000002_document_record_ids.sql");
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault_with_profile(dir.path()).await;
    let id = rich_alliance(vault.store()).await;
    let mut conn = vault.open_connection().await.expect("connection");
    sqlx::query("UPDATE document_version SET id = NULL, override_ids = '{}', signature_ids = '{}'")
        .execute(&mut conn)
        .await
        .expect("as before the migration");
    for statement in MIGRATION.split(";\n") {
        let sql: String = statement
            .lines()
            .filter(|l| !l.trim_start().starts_with("--"))
            .collect::<Vec<_>>()
            .join("\n");
        if sql.trim_start().starts_with("UPDATE") {
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&mut conn)
                .await
                .expect("migration statement");
        }
    }
    use sqlx::Connection;
    conn.close().await.expect("close");
    let file = vault
        .store()
        .export_alliance_file(&id)
        .await
        .expect("export");
    let versions = &file.documents[0].versions;
    let clause_ids: Vec<&str> = versions
        .iter()
        .flat_map(|v| v.settings.overrides.iter().map(|o| o.id.as_str()))
        .collect();
    assert_eq!(clause_ids.len(), 3);
    assert_eq!(versions[0].signatures.len(), 1);
    let all = ids(&file);
    assert!(all.iter().all(|i| is_record_id(i)), "{all:?}");
    assert_eq!(all.iter().collect::<HashSet<_>>().len(), all.len());
    // Stored: the next export names them the same.
    let again = vault
        .store()
        .export_alliance_file(&id)
        .await
        .expect("again");
    assert_eq!(ids(&again), all);
    vault.close().await;
}
