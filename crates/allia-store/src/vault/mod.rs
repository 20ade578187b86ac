//! Creating, unlocking, recovering and re-keying the vault. The database file is only
//! opened once a secret has given the data key, is checked before it is trusted, and
//! is never created, renamed or replaced behind the user's back.
//!
//! This file holds the unlocked [`Vault`] and what it offers once open; `paths.rs` where
//! its files live, `unlock.rs` creating, unlocking and recovering it, `open.rs` opening
//! the database file.

mod open;
mod paths;
mod unlock;

use sqlx::migrate::Migrator;
use sqlx::{Connection, SqliteConnection};

pub(crate) use open::{acquire_lock, open_store};
pub use paths::{VaultPaths, VaultState};

use crate::backup::BackupReason;
use crate::database;
use crate::error::{StoreError, StoreResult};
use crate::key_file::KeyFile;
use crate::keys::{KdfParams, SecretKey};
use crate::store::Store;

pub(crate) static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// An unlocked vault.
pub struct Vault {
    paths: VaultPaths,
    /// Held while the vault is open: a second process cannot open it meanwhile.
    _lock: std::fs::File,
    data_key: SecretKey,
    key_file: KeyFile,
    store: Store,
}

impl Vault {
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub(crate) fn replace_store(&mut self, store: Store) {
        self.store = store;
    }

    pub(crate) fn replace_keys(&mut self, data_key: SecretKey, key_file: KeyFile, store: Store) {
        self.data_key = data_key;
        self.key_file = key_file;
        self.store = store;
    }

    pub fn paths(&self) -> &VaultPaths {
        &self.paths
    }

    pub fn kdf_params(&self) -> KdfParams {
        self.key_file.kdf_params()
    }

    /// The vault's identifier (a UUID kept in its key file and in every backup).
    pub fn vault_id(&self) -> &str {
        self.key_file.vault_id()
    }

    pub(crate) fn from_parts(
        paths: VaultPaths,
        lock: std::fs::File,
        data_key: SecretKey,
        key_file: KeyFile,
        store: Store,
    ) -> Vault {
        Vault {
            paths,
            _lock: lock,
            data_key,
            key_file,
            store,
        }
    }

    pub(crate) fn data_key(&self) -> &SecretKey {
        &self.data_key
    }

    pub(crate) fn key_file(&self) -> &KeyFile {
        &self.key_file
    }

    /// Opens one more connection with the raw key, as the pool does.
    pub(crate) async fn connection(&self) -> StoreResult<SqliteConnection> {
        database::open_for_reading(&self.paths.database(), &self.data_key).await
    }

    /// [`Vault::connection`] for tests and benchmarks that read the file directly
    /// (the `test-support` feature).
    #[cfg(feature = "test-support")]
    pub async fn open_connection(&self) -> StoreResult<SqliteConnection> {
        self.connection().await
    }

    /// Runs `PRAGMA quick_check` and `PRAGMA cipher_integrity_check` on the open
    /// vault (`allia check`): `VaultDamaged` on any finding.
    pub async fn check_integrity(&self) -> StoreResult<()> {
        let mut conn = self.connection().await?;
        let checked = database::verify_integrity(&mut conn).await;
        conn.close().await?;
        checked
    }

    /// True when something was committed since the last automatic backup.
    pub fn has_changes(&self) -> bool {
        self.store.has_changes()
    }

    /// Closes every connection (checkpointing the WAL) and forgets the key.
    pub async fn close(self) {
        self.store.close().await;
    }

    /// Locks: an automatic backup when something changed (its failure is reported but
    /// never keeps the vault open), then [`Vault::close`].
    pub async fn lock(self, reason: BackupReason) -> Option<StoreError> {
        let failure = if self.has_changes() {
            self.backup_now(reason).await.err()
        } else {
            None
        };
        self.close().await;
        failure
    }
}

#[cfg(test)]
mod tests;
