//! Unlucky accidents met when a volunteer copies, syncs or crashes a vault: a log left
//! from another vault, another vault's key file, a crash before the last backup, a
//! doctored backup header, junk in the backups folder.

mod common;

use allia_core::Settings;
use allia_store::{backup, BackupReason, StoreError, Vault, VaultPaths};
use common::{
    add_alliance as add, alliance_names as names, copy_dir, vault_with_kit, NEW_PASS, PASS,
};

/// A vault folder as a crash leaves it: the database and its write-ahead log with a
/// committed alliance not yet checkpointed. Returns the recovery key.
async fn crashed_copy(root: &std::path::Path, to: &std::path::Path) -> String {
    let live = root.join(format!(
        "vivant-{}",
        to.file_name().expect("name").to_string_lossy()
    ));
    let (vault, recovery) = vault_with_kit(&live).await;
    add(&vault, "Alliance d’avant").await;
    assert!(vault.lock(BackupReason::Lock).await.is_none());
    let vault = Vault::unlock(&live, PASS).await.expect("unlock");
    add(&vault, "Alliance juste avant le plantage").await;
    // Copied while open: what a kill -9 leaves on disk.
    copy_dir(&live, to);
    std::fs::remove_file(to.join("allia.vault.lock")).expect("no lock after a crash");
    vault.close().await;
    assert!(
        std::fs::metadata(to.join("allia.vault-wal"))
            .expect("wal")
            .len()
            > 0,
        "the log holds the last commit"
    );
    recovery
}

#[tokio::test]
async fn a_log_from_another_vault_is_never_written_into_this_one() {
    let root = tempfile::tempdir().expect("tempdir");
    let crashed = root.path().join("plante");
    crashed_copy(root.path(), &crashed).await;
    let other = root.path().join("autre");
    let (vault, _) = vault_with_kit(&other).await;
    add(&vault, "Alliance de l’autre coffre").await;
    assert!(vault.lock(BackupReason::Lock).await.is_none());
    let db = VaultPaths::new(&other).database();
    let wal = db.with_file_name("allia.vault-wal");
    let before = std::fs::read(&db).expect("db");
    std::fs::copy(crashed.join("allia.vault-wal"), &wal).expect("stray wal");

    for _ in 0..2 {
        let err = Vault::unlock(&other, PASS).await.err().expect("refused");
        assert!(err.is_damage(), "{err:?}");
        assert_eq!(std::fs::read(&db).expect("db"), before, "never written to");
    }
    // The most recent backup brings the vault back; the stray log goes with the kept copy.
    let latest = backup::list(&VaultPaths::new(&other))
        .into_iter()
        .next()
        .expect("backup")
        .path;
    let vault = allia_store::restore_locked(&other, &latest, PASS)
        .await
        .expect("restore");
    assert_eq!(names(&vault).await, ["Alliance de l’autre coffre"]);
    vault.close().await;
    assert!(!wal.exists());
    Vault::unlock(&other, PASS)
        .await
        .expect("sound again")
        .close()
        .await;
}

#[tokio::test]
async fn after_a_crash_the_next_lock_backs_up_and_a_restore_keeps_the_log() {
    let root = tempfile::tempdir().expect("tempdir");
    let crashed = root.path().join("plante");
    crashed_copy(root.path(), &crashed).await;
    let paths = VaultPaths::new(&crashed);
    let older = backup::list(&paths)
        .into_iter()
        .next()
        .expect("the lock backup")
        .path;

    // Restoring the older backup keeps the crashed vault, log included.
    let vault = allia_store::restore_locked(&crashed, &older, PASS)
        .await
        .expect("restore");
    assert_eq!(names(&vault).await, ["Alliance d’avant"]);
    vault.close().await;
    let kept = backup::list(&paths)
        .into_iter()
        .find(|b| b.reason == "avant-restauration")
        .expect("kept")
        .path;
    let vault = allia_store::restore_locked(&crashed, &kept, PASS)
        .await
        .expect("the kept copy restores too");
    assert_eq!(
        names(&vault).await,
        ["Alliance d’avant", "Alliance juste avant le plantage"]
    );
    vault.close().await;

    // Unlocking a crashed vault: its last change is in no backup, so locking makes one.
    let fresh = root.path().join("plante-2");
    crashed_copy(root.path(), &fresh).await;
    let before = backup::list(&VaultPaths::new(&fresh)).len();
    let vault = Vault::unlock(&fresh, PASS).await.expect("unlock");
    assert!(vault.has_changes());
    assert!(vault.lock(BackupReason::Lock).await.is_none());
    assert_eq!(backup::list(&VaultPaths::new(&fresh)).len(), before + 1);
}

#[tokio::test]
async fn the_kit_opens_a_vault_whose_key_file_is_another_vaults() {
    let root = tempfile::tempdir().expect("tempdir");
    let ours = root.path().join("nous");
    let theirs = root.path().join("eux");
    let (vault, recovery) = Vault::create(&ours, PASS, PASS).await.expect("create");
    add(&vault, "Notre alliance").await;
    vault.close().await;
    let (vault, _) = vault_with_kit(&theirs).await;
    vault.close().await;
    let keys = VaultPaths::new(&ours).key_file();
    std::fs::copy(VaultPaths::new(&theirs).key_file(), &keys).expect("swap");

    // Same passphrase on both: the key file opens, the database does not.
    let err = Vault::unlock(&ours, PASS).await.err().expect("refused");
    assert!(matches!(err, StoreError::KeyMismatch), "{err:?}");
    assert!(err.user_message().contains("kit de récupération"));

    let vault = Vault::recover(&ours, &recovery.display(), NEW_PASS, NEW_PASS)
        .await
        .expect("the kit opens it");
    assert_eq!(names(&vault).await, ["Notre alliance"]);
    vault.close().await;
    let kept = std::fs::read_dir(VaultPaths::new(&ours).backups())
        .expect("backups")
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("allia.vault.keys.remplace-")
        });
    assert!(kept, "the replaced key file is kept");
    Vault::unlock(&ours, NEW_PASS)
        .await
        .expect("unlock")
        .close()
        .await;
}

#[tokio::test]
async fn a_doctored_backup_size_is_refused_without_allocating() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = vault_with_kit(dir.path()).await;
    let file = dir.path().join("vraie.allia-sauvegarde");
    vault.backup_to(&file).await.expect("backup");
    vault.close().await;
    let bytes = std::fs::read(&file).expect("read");
    let len = u32::from_le_bytes(bytes[16..20].try_into().expect("len")) as usize;
    let mut header: serde_json::Value =
        serde_json::from_slice(&bytes[20..20 + len]).expect("header");
    header["database_len"] = serde_json::json!(1_000_000_000_000u64);
    let header = serde_json::to_vec(&header).expect("json");
    let doctored = dir.path().join("backups");
    std::fs::create_dir_all(&doctored).expect("mkdir");
    let target = doctored.join("allia-20261130-101010-000-verrouillage.allia-sauvegarde");
    let mut out = bytes[..16].to_vec();
    out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&bytes[20 + len..]);
    std::fs::write(&target, &out).expect("write");
    // The real file is sized to match what the header claims (sparse).
    std::fs::OpenOptions::new()
        .write(true)
        .open(&target)
        .expect("open")
        .set_len(16 + 4 + header.len() as u64 + 1_000_000_000_000)
        .expect("sparse");
    assert!(matches!(
        backup::read_info(&target),
        Err(StoreError::BackupInvalid(_))
    ));
    assert!(backup::list(&VaultPaths::new(dir.path())).is_empty());
}

#[tokio::test]
async fn junk_in_the_backups_folder_neither_counts_nor_breaks_a_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = VaultPaths::new(dir.path());
    let (vault, _) = vault_with_kit(dir.path()).await;
    vault
        .store()
        .save_settings(&Settings {
            backup_keep: 2,
            ..Settings::default()
        })
        .await
        .expect("settings");
    std::fs::create_dir_all(paths.backups()).expect("mkdir");
    let junk = paths
        .backups()
        .join("allia-20991231-235959-999-verrouillage.allia-sauvegarde");
    std::fs::write(&junk, b"pas une sauvegarde").expect("junk");
    let folder = paths
        .backups()
        .join("allia-20991231-235959-998-verrouillage.allia-sauvegarde");
    std::fs::create_dir(&folder).expect("folder");
    for i in 0..4 {
        add(&vault, &format!("Alliance {i}")).await;
        vault
            .backup_now(BackupReason::Lock)
            .await
            .expect("a backup despite the junk");
    }
    assert_eq!(backup::list(&paths).len(), 2, "only real backups count");
    assert!(junk.exists() && folder.is_dir(), "junk is left alone");
    vault.close().await;
}
