//! The terms of an alliance's conventions (duration, renewal, notice, place and date of
//! signature, originals, court) on a real SQLCipher vault: stored and read back, kept
//! through a lock, refused with their field when wrong, carried by the alliance file
//! from one vault to another, and added by a migration to a vault made by the previous
//! version, after a backup.

mod common;

use allia_core::{AgreementTerms, AllianceDraft, AllianceFile, AllianceStatus};
use allia_store::{backup, inspect_backup_locked, StoreError, Vault, VaultPaths};
use chrono::NaiveDate;
use common::{vault_with_kit, PASS};

fn terms() -> AgreementTerms {
    AgreementTerms {
        duration_months: Some(36),
        tacit_renewal: true,
        notice_months: Some(3),
        signature_place: Some("Lyon".into()),
        signature_date: NaiveDate::from_ymd_opt(2027, 3, 3),
        copies: Some(4),
        court: Some("tribunal judiciaire de Tours".into()),
    }
}

fn draft(name: &str, terms: AgreementTerms) -> AllianceDraft {
    AllianceDraft {
        name: name.into(),
        status: AllianceStatus::Active,
        start_date: NaiveDate::from_ymd_opt(2027, 1, 1),
        terms,
        ..Default::default()
    }
}

#[tokio::test]
async fn terms_are_stored_updated_and_kept_through_a_lock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = vault_with_kit(dir.path()).await;
    let store = vault.store();
    let created = store
        .create_alliance(&draft(
            "Service partagé",
            AgreementTerms {
                signature_place: Some("  Lyon  ".into()),
                ..terms()
            },
        ))
        .await
        .expect("create");
    // Stored as validated: the place is trimmed.
    assert_eq!(created.draft.terms, terms());

    let mut changed = created.draft.clone();
    changed.terms.tacit_renewal = false;
    changed.terms.court = None;
    changed.terms.copies = Some(7);
    let updated = store
        .update_alliance(&created.id, &changed)
        .await
        .expect("update");
    assert_eq!(updated.draft.terms, changed.terms);

    // A wrong term is refused with its field; what was stored stays.
    let mut wrong = changed.clone();
    wrong.terms.duration_months = Some(12);
    wrong.terms.notice_months = Some(12);
    match store.update_alliance(&created.id, &wrong).await {
        Err(StoreError::Validation(errors)) => {
            assert_eq!(errors.0.len(), 1, "{errors:?}");
            assert_eq!(errors.0[0].field, "terms.noticeMonths");
            assert!(errors.0[0].message.contains("plus court que la durée"));
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    vault.close().await;

    let vault = Vault::unlock(dir.path(), PASS).await.expect("unlock");
    let again = vault.store().alliance(&created.id).await.expect("read");
    assert_eq!(again.draft.terms, changed.terms);
    // An alliance without terms reads back without terms.
    let bare = vault
        .store()
        .create_alliance(&draft("Sans conditions", AgreementTerms::default()))
        .await
        .expect("create bare");
    assert_eq!(bare.draft.terms, AgreementTerms::default());
    vault.close().await;
}

#[tokio::test]
async fn terms_travel_in_the_alliance_file_from_one_vault_to_another() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (sender, _) = vault_with_kit(&dir.path().join("expediteur")).await;
    let alliance = sender
        .store()
        .create_alliance(&draft("Service partagé du Val", terms()))
        .await
        .expect("create");
    let file = sender
        .store()
        .export_alliance(&alliance.id)
        .await
        .expect("export");
    sender.close().await;

    let json = file.to_json_string().expect("json");
    for key in [
        "\"durationMonths\": 36",
        "\"tacitRenewal\": true",
        "\"noticeMonths\": 3",
        "\"signaturePlace\": \"Lyon\"",
        "\"signatureDate\": \"2027-03-03\"",
        "\"copies\": 4",
        "\"court\": \"tribunal judiciaire de Tours\"",
    ] {
        assert!(json.contains(key), "{key} missing from\n{json}");
    }
    let read = AllianceFile::from_json_slice(json.as_bytes()).expect("reads back");
    assert_eq!(read.alliance.terms, terms());

    let (receiver, _) = vault_with_kit(&dir.path().join("destinataire")).await;
    let imported = receiver
        .store()
        .import_alliance(&read)
        .await
        .expect("import");
    assert_ne!(imported.id, alliance.id);
    assert_eq!(imported.draft.terms, terms());
    assert_eq!(
        receiver
            .store()
            .alliance(&imported.id)
            .await
            .expect("read")
            .draft
            .terms,
        terms()
    );

    // A file whose terms are wrong is refused whole, the field named inside the file.
    let mut wrong = read.clone();
    wrong.alliance.terms.duration_months = Some(0);
    wrong.alliance.terms.copies = Some(80);
    match receiver.store().import_alliance(&wrong).await {
        Err(StoreError::Validation(errors)) => {
            let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(
                fields,
                vec!["alliance.terms.durationMonths", "alliance.terms.copies"]
            );
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(receiver.store().alliances().await.expect("list").len(), 1);

    // A file written before the terms existed imports without terms.
    let mut value: serde_json::Value = serde_json::from_str(&json).expect("value");
    value["alliance"]
        .as_object_mut()
        .expect("alliance object")
        .remove("terms");
    let older_json = serde_json::to_string(&value).expect("older");
    assert!(!older_json.contains("durationMonths"));
    let older_file = AllianceFile::from_json_slice(older_json.as_bytes()).expect("older file");
    let imported = receiver
        .store()
        .import_alliance(&older_file)
        .await
        .expect("import older");
    assert_eq!(imported.draft.terms, AgreementTerms::default());
    receiver.close().await;
}

// --- The migration, on a vault made by the previous version --------------------------

/// The vault of `tests/fixtures/vault-format1` (made before terms existed; README
/// there), sealed in NFD; the NFC form opens it.
const FIXTURE_PASS: &str = common::FORMAT1_PASS;

#[tokio::test]
async fn the_terms_migration_keeps_an_old_vault_whole_after_a_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::copy_format1_vault(dir.path());

    let vault = Vault::unlock(dir.path(), FIXTURE_PASS)
        .await
        .expect("unlock migrates");
    let store = vault.store();
    let alliances = store.alliances().await.expect("alliances");
    assert_eq!(alliances.len(), 2);
    // Alliances stored before the migration have no terms, and nothing else changed.
    for alliance in &alliances {
        assert_eq!(alliance.draft.terms, AgreementTerms::default());
    }
    let own = alliances
        .iter()
        .find(|a| a.draft.name == "Alliance du format un")
        .expect("alliance");
    let partners = store.partners(&own.id).await.expect("partners");
    assert_eq!(
        partners[0].draft.organisation.name,
        "Commune de Fixtureville"
    );
    // The migrated alliance takes terms, and keeps what it had.
    let mut changed = own.draft.clone();
    changed.terms = terms();
    let updated = store
        .update_alliance(&own.id, &changed)
        .await
        .expect("terms on a migrated vault");
    assert_eq!(updated.draft.terms, terms());
    assert_eq!(updated.draft.name, own.draft.name);
    assert_eq!(updated.partner_count, own.partner_count);
    vault.close().await;

    // A backup was taken before migrating, and holds the old vault whole.
    let paths = VaultPaths::new(dir.path());
    let before: Vec<_> = backup::list(&paths)
        .into_iter()
        .filter(|b| b.reason.starts_with("avant-migration-"))
        .collect();
    assert_eq!(before.len(), 1, "one backup before migrating");
    let summary = inspect_backup_locked(dir.path(), &before[0].path, FIXTURE_PASS)
        .await
        .expect("the backup opens");
    assert_eq!(summary.alliances.len(), 2);
    assert_eq!(summary.documents, 1);

    // Opening again migrates nothing more and keeps the terms.
    let vault = Vault::unlock(dir.path(), FIXTURE_PASS)
        .await
        .expect("reopen");
    assert_eq!(
        vault
            .store()
            .alliance(&own.id)
            .await
            .expect("read")
            .draft
            .terms,
        terms()
    );
    vault.close().await;
    assert_eq!(
        backup::list(&paths)
            .iter()
            .filter(|b| b.reason.starts_with("avant-migration"))
            .count(),
        1
    );
}
