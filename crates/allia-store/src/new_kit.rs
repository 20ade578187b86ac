//! « Créer un nouveau kit de récupération »: a new recovery key, the database
//! re-encrypted under the data key it derives, the passphrase sealed again. The old
//! kit no longer opens the vault; it still opens the backups made before.
//!
//! Crash safety: the new key file is written first under a pending name, then the
//! database is re-keyed (one SQLCipher transaction), then the pending file replaces the
//! key file. A crash between the last two leaves a database that only the pending file
//! opens: unlocking tries it ([`adopt_pending_key_file`]).

use std::path::PathBuf;

use sqlx::Connection;

use crate::backup::BackupReason;
use crate::database;
use crate::error::{StoreError, StoreResult};
use crate::files;
use crate::key_file::KeyFile;
use crate::keys::{RecoveryKey, SecretKey};
use crate::vault::{open_store, Vault, VaultPaths, MIGRATOR};

/// Where the new key file waits while the database is re-keyed.
pub(crate) fn pending_key_file(paths: &VaultPaths) -> PathBuf {
    paths.dir.join("allia.vault.keys.nouvelle")
}

impl Vault {
    /// Makes a new recovery key (to show once and print), re-encrypts the database
    /// under its derived data key and seals `passphrase` again. `WrongPassphrase` when
    /// `passphrase` is not the vault's. An automatic backup is made first.
    pub async fn new_recovery_key(&mut self, passphrase: &str) -> StoreResult<RecoveryKey> {
        self.key_file().unwrap_with_passphrase(passphrase)?;
        self.backup_now(BackupReason::BeforeNewRecoveryKey).await?;
        let recovery = RecoveryKey::random();
        let new_key = SecretKey::derived_from_recovery(&recovery);
        let new_file = self.key_file().for_new_recovery_key(&new_key, passphrase)?;
        let paths = self.paths().clone();
        let pending = pending_key_file(&paths);
        new_file.write(&pending, &new_key)?;

        // One connection alone may re-key: the pool goes first.
        self.store().close().await;
        let rekeyed = async {
            let mut conn = database::open_for_reading(&paths.database(), self.data_key()).await?;
            let done = database::rekey(&mut conn, &new_key).await;
            conn.close().await?;
            done
        }
        .await;
        if let Err(e) = rekeyed {
            // Nothing changed: the old key still opens the database.
            let _ = std::fs::remove_file(&pending);
            let store = open_store(&paths, self.data_key(), self.key_file(), &MIGRATOR).await?;
            self.replace_store(store);
            return Err(e);
        }
        std::fs::rename(&pending, paths.key_file())?;
        files::sync_parent(&paths.key_file());
        let store = open_store(&paths, &new_key, &new_file, &MIGRATOR).await?;
        self.replace_keys(new_key, new_file, store);
        Ok(recovery)
    }
}

/// After a crash during « nouveau kit »: when the key file's key does not open the
/// database but the pending key file's does (with this passphrase), the pending file
/// becomes the key file. Returns the key it gave.
pub(crate) async fn adopt_pending_key_file(
    paths: &VaultPaths,
    passphrase: &str,
) -> StoreResult<Option<(SecretKey, KeyFile)>> {
    let pending = pending_key_file(paths);
    if !pending.is_file() {
        return Ok(None);
    }
    let file = KeyFile::read(&pending)?;
    let key = match file.unwrap_with_passphrase(passphrase) {
        Ok(unwrapped) => unwrapped.key,
        Err(StoreError::WrongPassphrase) => return Ok(None),
        Err(e) => return Err(e),
    };
    match database::open_for_reading(&paths.database(), &key).await {
        Ok(conn) => {
            let _ = conn.close().await;
        }
        Err(_) => return Ok(None),
    }
    std::fs::rename(&pending, paths.key_file())?;
    files::sync_parent(&paths.key_file());
    Ok(Some((key, file)))
}
