//! « Créer un nouveau kit de récupération » on real vaults: the new kit opens the
//! vault, the old one only the backups made before, the passphrase keeps working, and a
//! crash at any step leaves a vault the passphrase opens.

mod common;

use std::path::Path;

use allia_store::{backup, StoreError, Vault, VaultPaths};
use common::{add_alliance, alliance_names, vault_with_kit, NEW_PASS, PASS};

#[tokio::test]
async fn the_new_kit_replaces_the_old_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut vault, old_kit) = Vault::create(dir.path(), PASS, PASS).await.expect("create");
    add_alliance(&vault, "Alliance Albatros").await;
    assert!(matches!(
        vault.new_recovery_key("pas la bonne phrase").await,
        Err(StoreError::WrongPassphrase)
    ));
    let new_kit = vault.new_recovery_key(PASS).await.expect("new kit");
    assert_ne!(new_kit.display().as_str(), old_kit.display().as_str());
    // The vault keeps working at once, under the new key.
    add_alliance(&vault, "Alliance Bécasseau").await;
    assert_eq!(alliance_names(&vault).await.len(), 2);
    vault.close().await;

    Vault::unlock(dir.path(), PASS)
        .await
        .expect("passphrase")
        .close()
        .await;
    assert!(matches!(
        Vault::recover(dir.path(), &old_kit.display(), NEW_PASS, NEW_PASS)
            .await
            .err(),
        Some(StoreError::WrongRecoveryKey)
    ));
    // The new kit alone opens it, key file gone.
    std::fs::remove_file(VaultPaths::new(dir.path()).key_file()).expect("rm");
    let vault = Vault::recover(dir.path(), &new_kit.display(), NEW_PASS, NEW_PASS)
        .await
        .expect("new kit");
    assert_eq!(alliance_names(&vault).await.len(), 2);
    vault.close().await;

    // The backup made just before opens with the old kit.
    let before = backup::list(&VaultPaths::new(dir.path()))
        .into_iter()
        .find(|b| b.reason == "avant-nouveau-kit")
        .expect("backup before the new kit");
    let summary = allia_store::inspect_backup_locked(dir.path(), &before.path, &old_kit.display())
        .await
        .expect("old kit opens the old backup");
    assert_eq!(summary.alliances, ["Alliance Albatros"]);
}

fn copy(from: &Path, to: &Path) {
    std::fs::copy(from, to).expect("copy");
}

#[tokio::test]
async fn a_crash_between_the_rekey_and_the_key_file_is_recovered_at_unlock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = VaultPaths::new(dir.path());
    let (mut vault, _) = vault_with_kit(dir.path()).await;
    add_alliance(&vault, "Alliance Albatros").await;
    let old_keys = dir.path().join("ancien.keys");
    copy(&paths.key_file(), &old_keys);
    vault.new_recovery_key(PASS).await.expect("new kit");
    vault.close().await;
    // The state a crash right after the re-key leaves: the old key file in place, the
    // new one still pending.
    let pending = dir.path().join("allia.vault.keys.nouvelle");
    copy(&paths.key_file(), &pending);
    copy(&old_keys, &paths.key_file());

    let vault = Vault::unlock(dir.path(), PASS)
        .await
        .expect("adopts the pending file");
    assert_eq!(alliance_names(&vault).await, ["Alliance Albatros"]);
    vault.close().await;
    assert!(!pending.exists());
    Vault::unlock(dir.path(), PASS)
        .await
        .expect("again")
        .close()
        .await;
}

#[tokio::test]
async fn a_crash_before_the_rekey_leaves_the_old_keys_in_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = VaultPaths::new(dir.path());
    let (vault, kit) = Vault::create(dir.path(), PASS, PASS).await.expect("create");
    vault.close().await;
    // A pending key file for a key the database was never re-keyed to.
    let other = tempfile::tempdir().expect("tempdir");
    let (vault, _) = Vault::create(other.path(), PASS, PASS)
        .await
        .expect("other");
    vault.close().await;
    let pending = dir.path().join("allia.vault.keys.nouvelle");
    copy(&VaultPaths::new(other.path()).key_file(), &pending);

    Vault::unlock(dir.path(), PASS)
        .await
        .expect("old keys")
        .close()
        .await;
    assert!(!pending.exists(), "the stale pending file goes");
    Vault::recover(dir.path(), &kit.display(), NEW_PASS, NEW_PASS)
        .await
        .expect("the kit still works")
        .close()
        .await;
    assert!(paths.key_file().exists());
}
