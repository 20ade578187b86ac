//! The vault on a real SQLCipher file in a temp dir: create, reopen, wrong secrets,
//! recovery, passphrase change, and what an attacker reading the file would see.

use allia_core::{ActorType, AllianceDraft, Organisation, PartnerDraft, PartnerRole};
use allia_store::{StoreError, Vault, VaultPaths, VaultState};

mod common;
use common::{vault_with_kit, NEW_PASS, PASS};

fn partner(name: &str, siret: Option<&str>) -> PartnerDraft {
    PartnerDraft {
        organisation: Organisation {
            name: name.into(),
            siret: siret.map(Into::into),
            city: Some("Tours".into()),
            ..Default::default()
        },
        actor_type: ActorType::LocalAuthority,
        role: PartnerRole::Funder,
        resources: Some("Subvention de fonctionnement".into()),
        resource_tags: vec!["financement".into()],
        own_association: false,
        ..PartnerDraft::default()
    }
}

async fn seeded_vault(dir: &std::path::Path) -> (String, String) {
    let (vault, recovery) = vault_with_kit(dir).await;
    let store = vault.store();
    store
        .save_profile(&Organisation {
            name: "Association Zéphyrine des Tilleuls".into(),
            rna: Some("W372009999".into()),
            ..Default::default()
        })
        .await
        .expect("profile");
    let alliance = store
        .create_alliance(&AllianceDraft {
            name: "Alliance Quetzalcoatl".into(),
            ..Default::default()
        })
        .await
        .expect("alliance");
    store
        .create_partner(
            &alliance.id,
            &partner("Communauté Xylophonia", Some("73282932000074")),
        )
        .await
        .expect("partner");
    vault.close().await;
    (alliance.id, recovery)
}

#[tokio::test]
async fn create_write_close_reopen_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (alliance_id, _) = seeded_vault(dir.path()).await;

    let vault = Vault::unlock(dir.path(), PASS).await.expect("unlock");
    let store = vault.store();
    let profile = store.profile().await.expect("read").expect("profile saved");
    assert_eq!(profile.name, "Association Zéphyrine des Tilleuls");
    let alliances = store.alliances().await.expect("alliances");
    assert_eq!(alliances.len(), 1);
    assert_eq!(alliances[0].draft.name, "Alliance Quetzalcoatl");
    assert_eq!(alliances[0].partner_count, 1);
    let partners = store.partners(&alliance_id).await.expect("partners");
    assert_eq!(partners.len(), 1);
    assert_eq!(partners[0].draft.organisation.name, "Communauté Xylophonia");
    assert_eq!(partners[0].draft.actor_type, ActorType::LocalAuthority);
    assert_eq!(partners[0].draft.resource_tags, vec!["financement"]);
    vault.close().await;
}

#[tokio::test]
async fn wrong_passphrase_is_refused_and_leaves_the_files_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    seeded_vault(dir.path()).await;
    let paths = VaultPaths::new(dir.path());
    let db_before = std::fs::read(paths.database()).expect("db");
    let keys_before = std::fs::read(paths.key_file()).expect("keys");
    let listing_before: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();

    let err = Vault::unlock(dir.path(), "pas la bonne phrase")
        .await
        .err()
        .expect("must fail");
    assert!(matches!(err, StoreError::WrongPassphrase), "{err:?}");

    assert_eq!(std::fs::read(paths.database()).expect("db"), db_before);
    assert_eq!(std::fs::read(paths.key_file()).expect("keys"), keys_before);
    let listing_after: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        listing_before, listing_after,
        "no -wal/-shm or other file appears"
    );
}

#[tokio::test]
async fn the_file_reveals_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    seeded_vault(dir.path()).await;
    let bytes = std::fs::read(VaultPaths::new(dir.path()).database()).expect("db");
    assert!(!bytes.starts_with(b"SQLite format 3"));
    for name in [
        "Zéphyrine",
        "Quetzalcoatl",
        "Xylophonia",
        "W372009999",
        "73282932000074",
        "Subvention",
    ] {
        let needle = name.as_bytes();
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "{name} readable in the vault file"
        );
    }
    let keys = std::fs::read_to_string(VaultPaths::new(dir.path()).key_file()).expect("keys");
    assert!(keys.contains("argon2id"));
    assert!(
        keys.contains("\"memory_kib\": 65536"),
        "Argon2id with at least 64 MiB"
    );
    assert!(!keys.contains(PASS));
}

#[tokio::test]
async fn recovery_key_unlocks_and_sets_a_new_passphrase() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (alliance_id, recovery) = seeded_vault(dir.path()).await;

    let err = Vault::recover(
        dir.path(),
        "0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000",
        NEW_PASS,
        NEW_PASS,
    )
    .await
    .err()
    .expect("wrong key");
    assert!(matches!(err, StoreError::WrongRecoveryKey), "{err:?}");
    let err = Vault::recover(dir.path(), "pas une clé", NEW_PASS, NEW_PASS)
        .await
        .err()
        .expect("malformed");
    assert!(
        matches!(err, StoreError::MalformedRecoveryKey(_)),
        "{err:?}"
    );
    let err = Vault::recover(dir.path(), &recovery, "court", "court")
        .await
        .err()
        .expect("weak");
    assert!(matches!(err, StoreError::Validation(_)), "{err:?}");

    let typed = recovery.to_lowercase().replace('-', " ");
    let vault = Vault::recover(dir.path(), &typed, NEW_PASS, NEW_PASS)
        .await
        .expect("recover");
    assert_eq!(
        vault
            .store()
            .partners(&alliance_id)
            .await
            .expect("partners")
            .len(),
        1
    );
    vault.close().await;

    assert!(matches!(
        Vault::unlock(dir.path(), PASS).await.err(),
        Some(StoreError::WrongPassphrase)
    ));
    Vault::unlock(dir.path(), NEW_PASS)
        .await
        .expect("new passphrase")
        .close()
        .await;
    // The recovery key keeps working after a reset.
    Vault::recover(dir.path(), &recovery, PASS, PASS)
        .await
        .expect("again")
        .close()
        .await;
}

#[tokio::test]
async fn passphrase_change_rewraps_the_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (alliance_id, _) = seeded_vault(dir.path()).await;
    let db_before = std::fs::read(VaultPaths::new(dir.path()).database()).expect("db");

    let mut vault = Vault::unlock(dir.path(), PASS).await.expect("unlock");
    let err = vault
        .change_passphrase("mauvaise phrase", NEW_PASS, NEW_PASS)
        .expect_err("wrong current");
    assert!(matches!(err, StoreError::WrongPassphrase));
    let err = vault
        .change_passphrase(PASS, NEW_PASS, "autre")
        .expect_err("mismatch");
    assert!(matches!(err, StoreError::Validation(_)));
    // No current passphrase, or the same one again: said as such, not « incorrecte ».
    for (current, new, said) in [
        ("", NEW_PASS, "Saisissez votre phrase de passe actuelle."),
        (
            PASS,
            PASS,
            "Choisissez une nouvelle phrase de passe, différente de l’actuelle.",
        ),
    ] {
        match vault.change_passphrase(current, new, new) {
            Err(StoreError::Validation(errors)) => {
                assert!(errors.0.iter().any(|e| e.message == said), "{errors:?}")
            }
            other => panic!("expected « {said} », got {other:?}"),
        }
    }
    vault
        .change_passphrase(PASS, NEW_PASS, NEW_PASS)
        .expect("change");
    vault.close().await;

    assert!(matches!(
        Vault::unlock(dir.path(), PASS).await.err(),
        Some(StoreError::WrongPassphrase)
    ));
    let vault = Vault::unlock(dir.path(), NEW_PASS)
        .await
        .expect("new works");
    assert_eq!(
        vault
            .store()
            .partners(&alliance_id)
            .await
            .expect("partners")
            .len(),
        1
    );
    vault.close().await;
    let db_after = std::fs::read(VaultPaths::new(dir.path()).database()).expect("db");
    assert_eq!(
        db_before.len(),
        db_after.len(),
        "re-wrapping does not re-encrypt the database"
    );
}

#[tokio::test]
async fn creating_twice_or_unlocking_nothing_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(matches!(
        Vault::unlock(dir.path(), PASS).await.err(),
        Some(StoreError::VaultMissing)
    ));
    let err = Vault::create(dir.path(), "court", "court")
        .await
        .err()
        .expect("weak");
    assert!(matches!(err, StoreError::Validation(_)));
    assert!(!VaultPaths::new(dir.path()).exists());
    seeded_vault(dir.path()).await;
    assert!(matches!(
        Vault::create(dir.path(), PASS, PASS).await.err(),
        Some(StoreError::VaultExists)
    ));
}

#[tokio::test]
async fn a_vault_is_opened_by_one_process_at_a_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    seeded_vault(dir.path()).await;
    let first = Vault::unlock(dir.path(), PASS).await.expect("first");
    let err = Vault::unlock(dir.path(), PASS)
        .await
        .err()
        .expect("second is refused");
    assert!(matches!(err, StoreError::VaultInUse), "{err:?}");
    // A wrong passphrase is still reported as such, without touching the lock.
    assert!(matches!(
        Vault::unlock(dir.path(), "pas la bonne phrase").await.err(),
        Some(StoreError::WrongPassphrase)
    ));
    first.close().await;
    Vault::unlock(dir.path(), PASS)
        .await
        .expect("free again")
        .close()
        .await;
}

#[tokio::test]
async fn a_missing_database_is_reported_not_recreated_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    seeded_vault(dir.path()).await;
    let paths = VaultPaths::new(dir.path());
    std::fs::rename(paths.database(), dir.path().join("moved-away")).expect("move");
    assert_eq!(paths.state(), VaultState::DatabaseMissing);
    let err = Vault::unlock(dir.path(), PASS)
        .await
        .err()
        .expect("must fail");
    assert!(matches!(err, StoreError::VaultDamaged(_)), "{err:?}");
    assert!(
        !paths.database().exists(),
        "no empty vault was created in its place"
    );
}
