//! What happens to a real vault when its files are lost, damaged or doctored: the key
//! file deleted or changed, the database emptied or with a flipped byte. Nothing is
//! ever replaced silently and the damaged file is never written to.

mod common;

use allia_store::{backup, BackupReason, StoreError, Vault, VaultPaths, VaultState};
use common::{add_alliance, alliance_names, listing, vault_with_kit, NEW_PASS, PASS};

/// A vault with one alliance, locked with a backup; returns the recovery key.
async fn vault_with_backup(dir: &std::path::Path) -> String {
    let (vault, recovery) = vault_with_kit(dir).await;
    add_alliance(&vault, "Alliance Quetzalcoatl").await;
    assert!(vault.has_changes());
    assert!(
        vault.lock(BackupReason::Lock).await.is_none(),
        "backup on lock"
    );
    recovery
}

#[tokio::test]
async fn the_kit_opens_the_vault_when_the_key_file_is_gone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery = vault_with_backup(dir.path()).await;
    let paths = VaultPaths::new(dir.path());
    // The backups folder goes too (a half-copied folder): the kit alone must do.
    std::fs::remove_dir_all(paths.backups()).expect("rm backups");
    std::fs::remove_file(paths.key_file()).expect("rm keys");
    assert_eq!(paths.state(), VaultState::KeyFileMissing);
    assert!(paths.exists());

    let err = Vault::unlock(dir.path(), PASS)
        .await
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::KeyFileMissing), "{err:?}");
    assert!(err.user_message().contains("kit de récupération"));
    let before = listing(dir.path());
    let err = Vault::create(dir.path(), PASS, PASS)
        .await
        .err()
        .expect("no new vault");
    assert!(matches!(err, StoreError::VaultExists), "{err:?}");
    assert_eq!(listing(dir.path()), before, "nothing renamed or created");

    let err = Vault::recover(
        dir.path(),
        "0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000",
        NEW_PASS,
        NEW_PASS,
    )
    .await
    .err()
    .expect("another key");
    assert!(matches!(err, StoreError::WrongRecoveryKey), "{err:?}");

    let vault = Vault::recover(dir.path(), &recovery, NEW_PASS, NEW_PASS)
        .await
        .expect("the kit opens it");
    assert_eq!(alliance_names(&vault).await, ["Alliance Quetzalcoatl"]);
    vault.close().await;
    assert_eq!(paths.state(), VaultState::Present);
    Vault::unlock(dir.path(), NEW_PASS)
        .await
        .expect("the new passphrase")
        .close()
        .await;
}

#[tokio::test]
async fn a_changed_byte_in_the_key_file_is_tampering() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery = vault_with_backup(dir.path()).await;
    let paths = VaultPaths::new(dir.path());
    let mut keys = std::fs::read(paths.key_file()).expect("keys");
    let text = String::from_utf8(keys.clone()).expect("utf8");
    // Flip a byte inside the salt's base64.
    let at = text.find("\"salt\": \"").expect("salt") + 10;
    keys[at] = if keys[at] == b'A' { b'B' } else { b'A' };
    std::fs::write(paths.key_file(), &keys).expect("write");
    let db_before = std::fs::read(paths.database()).expect("db");

    let err = Vault::unlock(dir.path(), PASS)
        .await
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::KeyFileDamaged(_)), "{err:?}");
    assert!(err.user_message().contains("a été modifié"));
    assert!(err.user_message().contains("kit de récupération"));
    assert_eq!(std::fs::read(paths.database()).expect("db"), db_before);

    // The way out named in the message works, and writes a sound key file.
    Vault::recover(dir.path(), &recovery, NEW_PASS, NEW_PASS)
        .await
        .expect("recover")
        .close()
        .await;
    Vault::unlock(dir.path(), NEW_PASS)
        .await
        .expect("unlock")
        .close()
        .await;
}

#[tokio::test]
async fn doctored_key_derivation_settings_are_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    vault_with_backup(dir.path()).await;
    let paths = VaultPaths::new(dir.path());
    let original = std::fs::read_to_string(paths.key_file()).expect("keys");
    for (from, to) in [
        ("\"memory_kib\": 65536", "\"memory_kib\": 8"),
        ("\"memory_kib\": 65536", "\"memory_kib\": 4294967295"),
        ("\"iterations\": 3", "\"iterations\": 4000000000"),
    ] {
        std::fs::write(paths.key_file(), original.replace(from, to)).expect("write");
        let started = std::time::Instant::now();
        let err = Vault::unlock(dir.path(), PASS)
            .await
            .err()
            .expect("refused");
        assert!(
            matches!(err, StoreError::KeyFileDamaged(_)),
            "{to}: {err:?}"
        );
        assert!(started.elapsed().as_secs() < 5, "{to}: no derivation ran");
    }
    std::fs::write(paths.key_file(), &original).expect("restore");
    Vault::unlock(dir.path(), PASS)
        .await
        .expect("intact")
        .close()
        .await;
}

#[tokio::test]
async fn an_emptied_vault_is_damage_not_a_new_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    vault_with_backup(dir.path()).await;
    let paths = VaultPaths::new(dir.path());
    std::fs::write(paths.database(), b"").expect("empty it");

    let err = Vault::unlock(dir.path(), PASS)
        .await
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::VaultDamaged(_)), "{err:?}");
    assert!(err.user_message().starts_with("Le coffre est endommagé"));
    assert_eq!(std::fs::metadata(paths.database()).expect("meta").len(), 0);
    assert!(matches!(
        Vault::create(dir.path(), PASS, PASS).await.err(),
        Some(StoreError::VaultExists)
    ));
    // The most recent backup is there to offer, and restores the data.
    let latest = backup::list(&paths).into_iter().next().expect("a backup");
    assert_eq!(latest.reason, "verrouillage");
    let summary = allia_store::inspect_backup_locked(dir.path(), &latest.path, PASS)
        .await
        .expect("preview");
    assert_eq!(summary.alliances, ["Alliance Quetzalcoatl"]);
    assert!(summary.same_vault);
    let vault = allia_store::restore_locked(dir.path(), &latest.path, PASS)
        .await
        .expect("restore");
    assert_eq!(alliance_names(&vault).await, ["Alliance Quetzalcoatl"]);
    vault.close().await;
    // The empty file was kept aside in a backup, not thrown away.
    assert!(backup::list(&paths)
        .iter()
        .any(|b| b.reason == "avant-restauration"));
}

#[tokio::test]
async fn a_flipped_byte_in_a_page_is_detected_at_unlock() {
    let dir = tempfile::tempdir().expect("tempdir");
    vault_with_backup(dir.path()).await;
    let paths = VaultPaths::new(dir.path());
    let mut bytes = std::fs::read(paths.database()).expect("db");
    assert!(bytes.len() >= 3 * 4096, "several pages");
    // Inside the last page, far from page 1: only an integrity check reads it.
    let at = bytes.len() - 2000;
    bytes[at] ^= 0x40;
    std::fs::write(paths.database(), &bytes).expect("flip");

    let err = Vault::unlock(dir.path(), PASS)
        .await
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::VaultDamaged(_)), "{err:?}");
    assert_eq!(
        std::fs::read(paths.database()).expect("db"),
        bytes,
        "the damaged file is never written to"
    );
    assert!(!backup::list(&paths).is_empty(), "a backup to offer");
}

#[tokio::test]
async fn a_truncated_vault_is_damage() {
    let dir = tempfile::tempdir().expect("tempdir");
    vault_with_backup(dir.path()).await;
    let paths = VaultPaths::new(dir.path());
    let bytes = std::fs::read(paths.database()).expect("db");
    std::fs::write(paths.database(), &bytes[..bytes.len() / 2]).expect("truncate");
    let err = Vault::unlock(dir.path(), PASS)
        .await
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::VaultDamaged(_)), "{err:?}");
}

#[tokio::test]
async fn a_passphrase_typed_in_another_unicode_form_opens_the_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nfc = "clé du coffre de l’association Saint-Étienne";
    let nfd = "cle\u{301} du coffre de l’association Saint-E\u{301}tienne";
    let (vault, _) = Vault::create(dir.path(), nfc, nfc).await.expect("create");
    vault.close().await;
    Vault::unlock(dir.path(), nfd)
        .await
        .expect("NFD opens an NFC-sealed vault")
        .close()
        .await;
}

#[cfg(unix)]
#[tokio::test]
async fn vault_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("coffre");
    vault_with_backup(&folder).await;
    let paths = VaultPaths::new(&folder);
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&paths.database()), 0o600);
    assert_eq!(mode(&paths.key_file()), 0o600);
    assert_eq!(mode(&paths.lock_file()), 0o600);
    for b in backup::list(&paths) {
        assert_eq!(mode(&b.path), 0o600, "{}", b.file_name);
    }
    // An existing folder keeps its mode.
    let shared = dir.path().join("partagé");
    std::fs::create_dir(&shared).expect("mkdir");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o750)).expect("chmod");
    let (vault, _) = vault_with_kit(&shared).await;
    vault.close().await;
    assert_eq!(mode(&shared), 0o750);
}

#[tokio::test]
async fn an_interrupted_creation_is_no_vault_and_can_be_done_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = VaultPaths::new(dir.path());
    // What a crash between writing the key file and renaming the new database leaves:
    // the person never saw a recovery key, no data was ever written.
    std::fs::write(paths.key_file(), b"{}").expect("keys");
    std::fs::write(dir.path().join(".allia.vault.creating"), b"").expect("creating");
    assert_eq!(paths.state(), VaultState::Absent);
    let (vault, _) = vault_with_kit(dir.path()).await;
    vault.close().await;
    assert_eq!(paths.state(), VaultState::Present);
    assert!(!dir.path().join(".allia.vault.creating").exists());
    Vault::unlock(dir.path(), PASS)
        .await
        .expect("unlock")
        .close()
        .await;
}
