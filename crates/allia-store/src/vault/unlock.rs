//! Getting into a vault: creating one, unlocking it with the passphrase, recovering it
//! with the recovery key (even without its key file), and changing the passphrase.

use std::path::Path;
use std::sync::Arc;

use allia_core::passphrase::{check_new_passphrase, check_passphrase_change};
use sqlx::migrate::Migrator;
use sqlx::Connection;

use super::open::{acquire_lock, open_store, remove_if_present};
use super::paths::CREATING_FILE;
use super::{Vault, VaultPaths, VaultState, MIGRATOR};
use crate::backup;
use crate::database;
use crate::error::{StoreError, StoreResult};
use crate::files;
use crate::key_file::{KeyFile, RecoverySlot};
use crate::keys::{KdfParams, RecoveryKey, SecretKey};

impl Vault {
    /// Creates a new vault in `dir`, returning it unlocked with the recovery key to show
    /// the user once. Refused (`VaultExists`) when any vault file is already there.
    pub async fn create(
        dir: &Path,
        passphrase: &str,
        confirmation: &str,
    ) -> StoreResult<(Vault, RecoveryKey)> {
        check_new_passphrase(passphrase, confirmation)?;
        Self::create_with_params(dir, passphrase, KdfParams::default()).await
    }

    /// Like [`Vault::create`] with explicit KDF costs (within the bounds of
    /// [`KdfParams::check_bounds`]) and no strength rule on the passphrase.
    pub async fn create_with_params(
        dir: &Path,
        passphrase: &str,
        params: KdfParams,
    ) -> StoreResult<(Vault, RecoveryKey)> {
        Self::create_with_migrator(dir, passphrase, params, &MIGRATOR).await
    }

    pub(crate) async fn create_with_migrator(
        dir: &Path,
        passphrase: &str,
        params: KdfParams,
        migrator: &Migrator,
    ) -> StoreResult<(Vault, RecoveryKey)> {
        params.check_bounds()?;
        let paths = VaultPaths::new(dir);
        if paths.exists() {
            return Err(StoreError::VaultExists);
        }
        files::create_private_dir(dir)?;
        let lock = acquire_lock(&paths)?;
        // Under the lock, a leftover of an interrupted creation (it never held data)
        // can go.
        remove_if_present(&paths.creating())?;
        for suffix in ["-wal", "-shm"] {
            remove_if_present(&dir.join(format!("{CREATING_FILE}{suffix}")))?;
        }
        if paths.key_file().exists() {
            std::fs::remove_file(paths.key_file())?;
        }
        let recovery = RecoveryKey::random();
        let data_key = SecretKey::derived_from_recovery(&recovery);
        let key_file = KeyFile::new(&data_key, passphrase, RecoverySlot::Derived, params)?;

        let conn = database::create_new(&paths.creating(), &data_key).await?;
        conn.close().await?;
        files::make_private(&paths.creating())?;
        let pool = database::pool(&paths.creating(), &data_key, Arc::default()).await?;
        let migrated = migrator.run(&pool).await;
        pool.close().await;
        migrated?;
        // Key file first: a crash now leaves the `.creating` marker, read as "absent".
        key_file.write(&paths.key_file(), &data_key)?;
        std::fs::rename(paths.creating(), paths.database())?;
        files::sync_parent(&paths.database());

        let store = open_store(&paths, &data_key, &key_file, migrator).await?;
        Ok((
            Vault::from_parts(paths, lock, data_key, key_file, store),
            recovery,
        ))
    }

    pub async fn unlock(dir: &Path, passphrase: &str) -> StoreResult<Vault> {
        Self::unlock_with_migrator(dir, passphrase, &MIGRATOR).await
    }

    pub(crate) async fn unlock_with_migrator(
        dir: &Path,
        passphrase: &str,
        migrator: &Migrator,
    ) -> StoreResult<Vault> {
        let paths = VaultPaths::new(dir);
        check_openable(&paths, false)?;
        let key_file = KeyFile::read(&paths.key_file())?;
        let unwrapped = key_file.unwrap_with_passphrase(passphrase)?;
        let lock = acquire_lock(&paths)?;
        // A format-1 file, or a passphrase sealed before NFC, is sealed again now (the
        // old file kept in backups/), so every backup from here carries format 2.
        let key_file = if unwrapped.needs_reseal {
            if key_file.is_legacy() {
                backup::keep_legacy_key_file(&paths)?;
            }
            let resealed = key_file.resealed(&unwrapped.key, passphrase)?;
            resealed.write(&paths.key_file(), &unwrapped.key)?;
            resealed
        } else {
            key_file
        };
        let pending = crate::new_kit::pending_key_file(&paths);
        let (data_key, key_file, store) =
            match open_store(&paths, &unwrapped.key, &key_file, migrator).await {
                Ok(store) => {
                    // A « nouveau kit » interrupted before the re-key: nothing to adopt.
                    if pending.exists() {
                        std::fs::remove_file(&pending)?;
                    }
                    (unwrapped.key, key_file, store)
                }
                Err(StoreError::KeyMismatch) => {
                    // Interrupted after the re-key: the pending key file opens it.
                    match crate::new_kit::adopt_pending_key_file(&paths, passphrase).await? {
                        Some((key, file)) => {
                            let store = open_store(&paths, &key, &file, migrator).await?;
                            (key, file, store)
                        }
                        None => return Err(StoreError::KeyMismatch),
                    }
                }
                Err(e) => return Err(e),
            };
        Ok(Vault::from_parts(paths, lock, data_key, key_file, store))
    }

    /// Unlocks with the recovery key and sets a new passphrase at once. Works with the
    /// key file gone or damaged: the kit derives the data key (or, for vaults created
    /// before that, finds its slot in a backup's header).
    pub async fn recover(
        dir: &Path,
        recovery_key: &str,
        new_passphrase: &str,
        confirmation: &str,
    ) -> StoreResult<Vault> {
        let paths = VaultPaths::new(dir);
        check_openable(&paths, true)?;
        let recovery = RecoveryKey::parse(recovery_key)?;
        let (data_key, base) = match KeyFile::read(&paths.key_file()) {
            Ok(file) => match file.unwrap_with_recovery(&recovery) {
                Ok(key) => (key, Some(file)),
                // The key file may be another vault's, or edited with its checksum
                // recomputed: the kit still opens the database itself.
                Err(StoreError::WrongRecoveryKey) | Err(StoreError::KeyFileDamaged(_)) => {
                    key_without_key_file(&paths, &recovery).await?
                }
                Err(other) => return Err(other),
            },
            Err(StoreError::KeyFileMissing) | Err(StoreError::KeyFileDamaged(_)) => {
                key_without_key_file(&paths, &recovery).await?
            }
            Err(other) => return Err(other),
        };
        check_new_passphrase(new_passphrase, confirmation)?;
        let lock = acquire_lock(&paths)?;
        let key_file = match &base {
            Some(file) => {
                if file.is_legacy() && paths.key_file().exists() {
                    backup::keep_legacy_key_file(&paths)?;
                }
                file.resealed(&data_key, new_passphrase)?
            }
            None => {
                // The key file being replaced (damaged, or another vault's) is kept.
                if paths.key_file().is_file() {
                    backup::keep_replaced_key_file(&paths)?;
                }
                KeyFile::new(
                    &data_key,
                    new_passphrase,
                    RecoverySlot::Derived,
                    KdfParams::default(),
                )?
            }
        };
        let store = open_store(&paths, &data_key, &key_file, &MIGRATOR).await?;
        key_file.write(&paths.key_file(), &data_key)?;
        Ok(Vault::from_parts(paths, lock, data_key, key_file, store))
    }

    /// Re-wraps the data key under a new passphrase; the database is not re-encrypted.
    /// Errors: `Validation` (no current passphrase, the same one again, a weak new one,
    /// a confirmation that differs: checked before any derivation), `WrongPassphrase`.
    pub fn change_passphrase(
        &mut self,
        current: &str,
        new_passphrase: &str,
        confirmation: &str,
    ) -> StoreResult<()> {
        check_passphrase_change(current, new_passphrase, confirmation)?;
        self.key_file.unwrap_with_passphrase(current)?;
        let updated = self.key_file.resealed(&self.data_key, new_passphrase)?;
        updated.write(&self.paths.key_file(), &self.data_key)?;
        self.key_file = updated;
        Ok(())
    }
}

/// The data key from the recovery key alone: the derived key, else a format-1 slot
/// found in a backup's header. Each candidate must open the database.
async fn key_without_key_file(
    paths: &VaultPaths,
    recovery: &RecoveryKey,
) -> StoreResult<(SecretKey, Option<KeyFile>)> {
    let mut candidates: Vec<(SecretKey, Option<KeyFile>)> = Vec::new();
    for file in backup::key_files_in_backups(paths) {
        if let Ok(key) = file.unwrap_with_recovery(recovery) {
            candidates.push((key, Some(file)));
        }
    }
    candidates.push((SecretKey::derived_from_recovery(recovery), None));
    for (key, file) in candidates {
        if opens(&paths.database(), &key).await {
            return Ok((key, file));
        }
    }
    Err(StoreError::WrongRecoveryKey)
}

/// True when `key` decrypts the database's first page.
async fn opens(db: &Path, key: &SecretKey) -> bool {
    match database::open_for_reading(db, key).await {
        Ok(conn) => {
            let _ = conn.close().await;
            true
        }
        Err(_) => false,
    }
}

/// Refuses a vault that is not there or whose database is gone; a missing key file is
/// refused too unless `key_file_optional` (the recovery kit opens the database without it).
fn check_openable(paths: &VaultPaths, key_file_optional: bool) -> StoreResult<()> {
    match paths.state() {
        VaultState::Absent => Err(StoreError::VaultMissing),
        VaultState::KeyFileMissing if !key_file_optional => Err(StoreError::KeyFileMissing),
        VaultState::DatabaseMissing => Err(StoreError::VaultDamaged(
            "the database file is missing".into(),
        )),
        VaultState::Present | VaultState::KeyFileMissing => Ok(()),
    }
}
