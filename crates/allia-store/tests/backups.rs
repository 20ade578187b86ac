//! Backups of a real vault: made when something changed, opened with the passphrase
//! of their time or the kit, previewed, restored after keeping the current vault.

mod common;

use allia_core::Settings;
use allia_store::{backup, BackupReason, StoreError, Vault, VaultPaths};
use common::{add_alliance, alliance_names as names, vault_with_kit, NEW_PASS, PASS};

#[tokio::test]
async fn locking_backs_up_only_when_something_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = VaultPaths::new(dir.path());
    let (vault, _) = vault_with_kit(dir.path()).await;
    assert!(!vault.has_changes(), "a new vault has nothing to back up");
    assert!(vault.lock(BackupReason::Lock).await.is_none());
    assert!(backup::list(&paths).is_empty());

    let vault = Vault::unlock(dir.path(), PASS).await.expect("unlock");
    assert!(!vault.has_changes(), "unlocking changes nothing");
    add_alliance(&vault, "Alliance Albatros").await;
    assert!(vault.has_changes());
    assert!(vault.lock(BackupReason::Close).await.is_none());
    let list = backup::list(&paths);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].reason, "fermeture");
    assert!(list[0].file_name.ends_with(".allia-sauvegarde"));
    let bytes = std::fs::read(&list[0].path).expect("read");
    assert!(bytes.starts_with(b"ALLIA-SAUVEGARDE"));
    assert!(!bytes.windows(8).any(|w| w == b"Albatros"), "encrypted");
}

#[tokio::test]
async fn a_backup_opens_with_the_passphrase_of_its_time_or_the_kit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = VaultPaths::new(dir.path());
    let (mut vault, kit) = vault_with_kit(dir.path()).await;
    add_alliance(&vault, "Alliance Albatros").await;
    let old = vault
        .backup_now(BackupReason::Manual)
        .await
        .expect("backup");
    vault
        .change_passphrase(PASS, NEW_PASS, NEW_PASS)
        .expect("change");
    vault.close().await;

    let summary = allia_store::inspect_backup_locked(dir.path(), &old, PASS)
        .await
        .expect("old passphrase");
    assert_eq!(summary.alliances, ["Alliance Albatros"]);
    allia_store::inspect_backup_locked(dir.path(), &old, &kit)
        .await
        .expect("the kit");
    let err = allia_store::inspect_backup_locked(dir.path(), &old, NEW_PASS)
        .await
        .expect_err("today's passphrase was not in force then");
    assert!(matches!(err, StoreError::BackupWrongSecret), "{err:?}");
    assert!(err.user_message().contains("en vigueur"));

    // Restored from the unlock screen with the kit, today's passphrase still opens it.
    allia_store::restore_locked(dir.path(), &old, &kit)
        .await
        .expect("restore with the kit")
        .close()
        .await;

    // Unlocked, a backup of this vault needs no secret.
    let vault = Vault::unlock(dir.path(), NEW_PASS).await.expect("unlock");
    let summary = vault.inspect_backup(&old, None).await.expect("same vault");
    assert!(summary.same_vault);
    assert_eq!(summary.partners, 0);
    vault.close().await;
    assert!(backup::list(&paths).iter().any(|b| b.path == old));
}

#[tokio::test]
async fn restore_previews_then_replaces_after_keeping_the_current_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = VaultPaths::new(dir.path());
    let (vault, _) = vault_with_kit(dir.path()).await;
    add_alliance(&vault, "Alliance Albatros").await;
    vault.store().load_demo().await.expect("demo");
    let chosen = dir.path().join("sauvegarde-du-lundi.allia-sauvegarde");
    vault.backup_to(&chosen).await.expect("save as");
    assert_eq!(backup::read_info(&chosen).expect("info").reason, "manuelle");

    add_alliance(&vault, "Alliance Bécasseau").await;
    let summary = vault.inspect_backup(&chosen, None).await.expect("preview");
    assert_eq!(summary.alliances.len(), 2, "{:?}", summary.alliances);
    assert!(summary.partners >= 1);
    assert_eq!(names(&vault).await.len(), 3, "the preview changed nothing");

    let prepared = vault.prepare_restore(&chosen, None).await.expect("prepare");
    assert_eq!(prepared.summary().alliances.len(), 2);
    let vault = vault.restore_backup(prepared).await.expect("restore");
    let restored = names(&vault).await;
    assert_eq!(restored.len(), 2);
    assert!(!restored.contains(&"Alliance Bécasseau".to_string()));
    vault.close().await;
    Vault::unlock(dir.path(), PASS)
        .await
        .expect("today's passphrase still opens it")
        .close()
        .await;

    // The vault as it was before the restore is a backup that holds the third alliance.
    let before = backup::list(&paths)
        .into_iter()
        .find(|b| b.reason == "avant-restauration")
        .expect("kept first");
    let kept = allia_store::inspect_backup_locked(dir.path(), &before.path, PASS)
        .await
        .expect("preview of the kept vault");
    assert!(kept.alliances.contains(&"Alliance Bécasseau".to_string()));
}

#[tokio::test]
async fn another_file_is_not_a_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = vault_with_kit(dir.path()).await;
    let other = dir.path().join("notes.txt");
    std::fs::write(&other, "pas une sauvegarde").expect("write");
    let err = vault
        .inspect_backup(&other, None)
        .await
        .expect_err("refused");
    assert!(matches!(err, StoreError::BackupInvalid(_)), "{err:?}");
    // A backup cut short is refused before any key is tried.
    let full = dir.path().join("complete.allia-sauvegarde");
    vault.backup_to(&full).await.expect("backup");
    let bytes = std::fs::read(&full).expect("read");
    let cut = dir.path().join("coupee.allia-sauvegarde");
    std::fs::write(&cut, &bytes[..bytes.len() - 100]).expect("write");
    assert!(matches!(
        backup::read_info(&cut),
        Err(StoreError::BackupInvalid(_))
    ));
    vault.close().await;
}

#[tokio::test]
async fn automatic_backups_keep_the_number_set() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = VaultPaths::new(dir.path());
    let (vault, _) = vault_with_kit(dir.path()).await;
    vault
        .store()
        .save_settings(&Settings {
            backup_keep: 3,
            ..Settings::default()
        })
        .await
        .expect("settings");
    for i in 0..5 {
        add_alliance(&vault, &format!("Alliance {i}")).await;
        vault.backup_now(BackupReason::Lock).await.expect("backup");
    }
    // Three newest, and the newest of this month is one of them.
    assert_eq!(backup::list(&paths).len(), 3);
    // Keeping one, backups made within the same second: the one just made stays.
    vault
        .store()
        .save_settings(&Settings {
            backup_keep: 1,
            ..Settings::default()
        })
        .await
        .expect("settings");
    for _ in 0..5 {
        let made = vault.backup_now(BackupReason::Lock).await.expect("backup");
        assert!(made.exists(), "the backup just made was pruned");
        assert_eq!(backup::list(&paths)[0].path, made, "newest first");
    }
    vault.close().await;
}

#[tokio::test]
async fn integrity_check_on_an_open_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = vault_with_kit(dir.path()).await;
    add_alliance(&vault, "Alliance Albatros").await;
    vault.check_integrity().await.expect("intact");
    vault.close().await;
}
