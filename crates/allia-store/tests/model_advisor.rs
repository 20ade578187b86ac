//! The model advisor's answers on a real vault: saved once per alliance (id and creation
//! date kept across saves), validated with French field errors, gone with their
//! alliance, and the migration on the vault of the previous version.

mod common;

use allia_core::{recommend, AdvisorAnswers, CooperationForm, DocumentKind, ExpectedDuration};
use allia_store::{Entity, StoreError, Vault};

fn consortium_answers() -> AdvisorAnswers {
    AdvisorAnswers {
        partner_count: Some(3),
        call_for_projects: Some(true),
        legal_entity: Some(false),
        expected_duration: Some(ExpectedDuration::Project),
        ..Default::default()
    }
}

#[tokio::test]
async fn answers_are_saved_once_per_alliance_and_recommend_from_the_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    common::add_alliance(&vault, "Alliance du modèle").await;
    let store = vault.store();
    let id = store.alliances().await.expect("alliances")[0].id.clone();

    assert_eq!(store.model_advisor(&id).await.expect("read"), None);
    let first = store
        .save_model_advisor(&id, &consortium_answers())
        .await
        .expect("save");
    assert_eq!(first.alliance_id, id);
    assert_eq!(first.answers, consortium_answers());

    let mut changed = consortium_answers();
    changed.call_for_projects = Some(false);
    changed.public_funding = Some(true);
    changed.public_funding_cents = Some(4_500_000);
    changed.partner_count = Some(1);
    let second = store.save_model_advisor(&id, &changed).await.expect("save");
    assert_eq!(second.id, first.id, "one record per alliance");
    assert_eq!(second.created_at, first.created_at);
    assert!(second.updated_at >= first.updated_at);
    vault.close().await;

    // Read back after reopening: the rule gives the convention and its document.
    let vault = Vault::unlock(dir.path(), "phrase de test")
        .await
        .expect("unlock");
    let stored = vault
        .store()
        .model_advisor(&id)
        .await
        .expect("read")
        .expect("answers");
    assert_eq!(stored.answers, changed);
    let r = recommend(&stored.answers).expect("recommendation");
    assert_eq!(r.form, CooperationForm::PartnershipAgreement);
    assert_eq!(r.document_kind, Some(DocumentKind::PartnershipAgreement));

    // Deleting the alliance takes its answers.
    vault.store().delete_alliance(&id).await.expect("delete");
    let count: i64 = vault.store().alliances().await.expect("alliances").len() as i64;
    assert_eq!(count, 0);
    assert!(matches!(
        vault.store().model_advisor(&id).await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));
    vault.close().await;
}

#[tokio::test]
async fn wrong_answers_and_unknown_alliances_are_refused_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    common::add_alliance(&vault, "Alliance").await;
    let store = vault.store();
    let id = store.alliances().await.expect("alliances")[0].id.clone();
    let wrong = AdvisorAnswers {
        public_funding_cents: Some(-100),
        ..Default::default()
    };
    match store.save_model_advisor(&id, &wrong).await {
        Err(StoreError::Validation(errors)) => {
            assert_eq!(errors.0[0].field, "publicFundingCents");
            assert_eq!(errors.0[0].message, "Indiquez un montant positif ou nul.");
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(store.model_advisor(&id).await.expect("read"), None);
    let unknown = "00000000-0000-4000-8000-000000000000";
    assert!(matches!(
        store
            .save_model_advisor(unknown, &consortium_answers())
            .await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));
    assert!(matches!(
        store.model_advisor("pas un id").await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));
    vault.close().await;
}

/// Passphrase of `tests/fixtures/vault-before-print` (README there), the vault of a
/// version before the model advisor existed.
const BEFORE_PASS: &str = "phrase de test très solide 2026";

#[tokio::test]
async fn the_previous_versions_vault_migrates_and_takes_answers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let from =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vault-before-print");
    for name in ["allia.vault", "allia.vault.keys"] {
        std::fs::copy(from.join(name), dir.path().join(name)).expect("copy fixture");
    }
    let vault = Vault::unlock(dir.path(), BEFORE_PASS)
        .await
        .expect("unlock migrates");
    let store = vault.store();
    let alliances = store.alliances().await.expect("alliances");
    assert_eq!(alliances.len(), 1);
    let id = alliances[0].id.clone();
    assert_eq!(store.documents(&id).await.expect("documents").len(), 1);
    assert_eq!(store.model_advisor(&id).await.expect("read"), None);
    store
        .save_model_advisor(&id, &consortium_answers())
        .await
        .expect("answers on the migrated vault");
    vault.close().await;

    let vault = Vault::unlock(dir.path(), BEFORE_PASS)
        .await
        .expect("reopen");
    let stored = vault.store().model_advisor(&id).await.expect("read");
    assert_eq!(stored.map(|s| s.answers), Some(consortium_answers()));
    assert!(
        allia_store::backup::list(&allia_store::VaultPaths::new(dir.path()))
            .iter()
            .any(|b| b.reason.starts_with("avant-migration-"))
    );
    vault.close().await;
}

#[tokio::test]
async fn the_demo_alliance_has_answers_that_recommend_a_gie() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let stored = vault
        .store()
        .model_advisor(&demo.id)
        .await
        .expect("read")
        .expect("demo answers");
    assert_eq!(stored.answers.partner_count, Some(4));
    let r = recommend(&stored.answers).expect("recommendation");
    assert_eq!(r.form, CooperationForm::Gie);
    vault.close().await;
}

#[tokio::test]
async fn the_answers_travel_in_the_alliance_file_with_their_id() {
    let a_dir = tempfile::tempdir().expect("tempdir");
    let (a, demo) = common::vault_with_demo(a_dir.path()).await;
    let exported = a
        .store()
        .export_alliance_file(&demo.id)
        .await
        .expect("export");
    let json = exported.to_json_string().expect("json");
    assert!(json.contains("\"modelAdvisor\""), "{json}");
    let read = allia_core::read_alliance_file(json.as_bytes()).expect("reads back");
    assert!(read.unknown_fields.is_empty(), "{:?}", read.unknown_fields);

    let b_dir = tempfile::tempdir().expect("tempdir");
    let b = common::vault(b_dir.path()).await;
    let imported = b.store().import_alliance(&read).await.expect("import");
    assert_eq!(imported.id, demo.id);
    let before = a.store().model_advisor(&demo.id).await.expect("a");
    let after = b.store().model_advisor(&demo.id).await.expect("b");
    assert!(after.is_some());
    assert_eq!(after, before, "answers, id and dates");
    // A second export of the imported alliance carries the same record.
    let again = b
        .store()
        .export_alliance_file(&demo.id)
        .await
        .expect("export b");
    assert_eq!(again.model_advisor, exported.model_advisor);

    // Updating from a file with other answers replaces them, the record's id kept.
    let mut changed = exported.clone();
    if let Some(m) = changed.model_advisor.as_mut() {
        m.answers = consortium_answers();
    }
    let validated = allia_core::Importable::validated_for_import(&changed).expect("valid");
    b.store()
        .update_alliance_from_file(validated, &[])
        .await
        .expect("update");
    let updated = b
        .store()
        .model_advisor(&demo.id)
        .await
        .expect("updated")
        .expect("answers");
    assert_eq!(updated.answers, consortium_answers());
    assert_eq!(Some(updated.id), before.map(|m| m.id));

    // A file without answers imports as an alliance without them; wrong answers are
    // refused with their place.
    let mut without = exported.clone();
    without.model_advisor = None;
    let c_dir = tempfile::tempdir().expect("tempdir");
    let c = common::vault(c_dir.path()).await;
    let plain = c.store().import_alliance(&without).await.expect("import");
    assert_eq!(c.store().model_advisor(&plain.id).await.expect("c"), None);
    let mut broken = exported.clone();
    if let Some(m) = broken.model_advisor.as_mut() {
        m.answers.public_funding_cents = Some(-1);
    }
    let refused = c
        .store()
        .import_alliance_as(&broken, allia_store::ImportMode::Copy)
        .await;
    let Err(StoreError::Validation(errors)) = refused else {
        panic!("refused: {refused:?}");
    };
    assert_eq!(errors.0[0].field, "modelAdvisor.answers.publicFundingCents");
    a.close().await;
    b.close().await;
    c.close().await;
}
