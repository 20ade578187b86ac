//! Backing up and restoring a vault: automatic backups, « Sauvegarder vers… », and
//! « Restaurer depuis… » with a preview of what the backup holds before anything is
//! replaced, the current files kept first.

use std::path::{Path, PathBuf};

use sqlx::Connection;

use crate::backup::{self, BackupReason, BackupSummary, Opened};
use crate::error::{StoreError, StoreResult};
use crate::files;
use crate::key_file::KeyFile;
use crate::keys::SecretKey;
use crate::vault::{acquire_lock, open_store, Vault, VaultPaths, MIGRATOR};

impl Vault {
    /// An automatic backup in `backups/` now, then the old ones pruned (the number
    /// kept is the `backupKeep` setting). Returns the new file.
    pub async fn backup_now(&self, reason: BackupReason) -> StoreResult<PathBuf> {
        let keep = self
            .store()
            .settings()
            .await
            .map(|s| s.backup_keep as usize)
            .unwrap_or(backup::DEFAULT_KEEP);
        // Cleared before the copy: a commit during the copy marks the vault changed again.
        self.store().mark_saved();
        let mut conn = self.connection().await?;
        let written = backup::write_automatic(
            self.paths(),
            &mut conn,
            self.data_key(),
            self.key_file(),
            reason,
        )
        .await;
        let _ = conn.close().await;
        let target = match written {
            Ok(target) => target,
            Err(e) => {
                self.store().mark_changed();
                return Err(e);
            }
        };
        backup::prune(self.paths(), keep, chrono::Utc::now().naive_utc(), &target)?;
        Ok(target)
    }

    /// « Sauvegarder vers… »: a backup file at `target`, written atomically.
    pub async fn backup_to(&self, target: &Path) -> StoreResult<()> {
        let mut conn = self.connection().await?;
        let written = backup::write_from_connection(
            &mut conn,
            target,
            self.data_key(),
            self.key_file(),
            "manuelle",
        )
        .await;
        let _ = conn.close().await;
        written
    }

    /// What a backup holds (date, alliances, partners, documents), read without
    /// changing anything. A backup of this vault opens with its key; another needs
    /// `secret`, the passphrase of its time or the recovery key (`BackupWrongSecret`).
    pub async fn inspect_backup(
        &self,
        path: &Path,
        secret: Option<&str>,
    ) -> StoreResult<BackupSummary> {
        let opened = backup::open(path, Some(self.data_key()), secret)?;
        let same = opened.key.same_as(self.data_key());
        Ok(
            backup::extract_and_check(self.paths(), &opened, same, false)
                .await?
                .0,
        )
    }

    /// First half of a restore: opens and checks the backup into a private copy
    /// beside the vault, changing nothing. Errors here leave the vault open.
    pub async fn prepare_restore(
        &self,
        path: &Path,
        secret: Option<&str>,
    ) -> StoreResult<PreparedRestore> {
        let opened = backup::open(path, Some(self.data_key()), secret)?;
        let same = opened.key.same_as(self.data_key());
        let (summary, copy) = backup::extract_and_check(self.paths(), &opened, same, true).await?;
        let copy = copy.ok_or_else(|| StoreError::BackupInvalid("no copy".into()))?;
        Ok(PreparedRestore {
            copy: Some(copy),
            opened,
            summary,
            secret: secret.map(|s| zeroize::Zeroizing::new(s.to_string())),
        })
    }

    /// Second half: replaces this vault's content with the prepared backup, after
    /// keeping the current files in `backups/`. A backup of this vault keeps today's
    /// passphrase; another vault's backup brings its own key slots (the secret given
    /// opens it from then on). The vault is closed on the way; on error it stays
    /// locked and unchanged unless the error names the new file.
    pub async fn restore_backup(self, mut prepared: PreparedRestore) -> StoreResult<Vault> {
        let current = (self.data_key().clone(), self.key_file().clone());
        let paths = self.paths().clone();
        self.close().await;
        let lock = acquire_lock(&paths)?;
        let copy = prepared
            .copy
            .take()
            .ok_or_else(|| StoreError::BackupInvalid("no copy".into()))?;
        let secret = prepared.secret.take();
        install(
            paths,
            lock,
            copy,
            prepared.opened.clone_parts(),
            Some(current),
            secret.as_deref().map(String::as_str),
        )
        .await
    }
}

/// A backup checked and copied beside the vault, ready to replace it; the copy is
/// removed if it is dropped unused.
pub struct PreparedRestore {
    copy: Option<PathBuf>,
    opened: Opened,
    summary: BackupSummary,
    secret: Option<zeroize::Zeroizing<String>>,
}

impl PreparedRestore {
    /// What the backup holds.
    pub fn summary(&self) -> &BackupSummary {
        &self.summary
    }
}

impl Drop for PreparedRestore {
    fn drop(&mut self) {
        if let Some(copy) = self.copy.take() {
            let _ = std::fs::remove_file(copy);
        }
    }
}

/// What a backup holds, from the unlock screen (the vault locked or damaged): the
/// secret is the passphrase of its time or the recovery key.
pub async fn inspect_backup_locked(
    dir: &Path,
    path: &Path,
    secret: &str,
) -> StoreResult<BackupSummary> {
    let paths = VaultPaths::new(dir);
    let opened = backup::open(path, None, Some(secret))?;
    let same = current_key_matches(&paths, &opened.key);
    Ok(backup::extract_and_check(&paths, &opened, same, false)
        .await?
        .0)
}

/// Restores a backup from the unlock screen (e.g. the vault is damaged) and returns
/// the vault unlocked. The current files, damaged or not, are kept in `backups/`.
pub async fn restore_locked(dir: &Path, path: &Path, secret: &str) -> StoreResult<Vault> {
    let paths = VaultPaths::new(dir);
    files::create_private_dir(dir)?;
    let lock = acquire_lock(&paths)?;
    let opened = backup::open(path, None, Some(secret))?;
    let same = current_key_matches(&paths, &opened.key);
    let (_, copy) = backup::extract_and_check(&paths, &opened, same, true).await?;
    let copy = copy.ok_or_else(|| StoreError::BackupInvalid("no copy".into()))?;
    // A backup of this vault keeps today's key file: today's passphrase still opens it,
    // even when the backup was opened with an older one or with the kit.
    let current = match KeyFile::read(&paths.key_file()) {
        Ok(file) if file.authenticates(&opened.key) => Some((opened.key.clone(), file)),
        _ => None,
    };
    install(paths, lock, copy, opened, current, Some(secret)).await
}

/// True when the vault's key file here belongs to the backup's data key.
fn current_key_matches(paths: &VaultPaths, key: &SecretKey) -> bool {
    KeyFile::read(&paths.key_file()).is_ok_and(|file| file.authenticates(key))
}

/// The data key of the vault on disk, when `secret` (passphrase or recovery key)
/// opens its key file.
fn current_key_from_secret(paths: &VaultPaths, secret: &str) -> Option<SecretKey> {
    let file = KeyFile::read(&paths.key_file()).ok()?;
    match crate::keys::RecoveryKey::parse(secret) {
        Ok(recovery) => file.unwrap_with_recovery(&recovery).ok(),
        Err(_) => file.unwrap_with_passphrase(secret).ok().map(|u| u.key),
    }
}

/// Puts a checked copy in place of the database, with the right key file, and opens it.
async fn install(
    paths: VaultPaths,
    lock: std::fs::File,
    copy: PathBuf,
    opened: Opened,
    current: Option<(SecretKey, KeyFile)>,
    secret: Option<&str>,
) -> StoreResult<Vault> {
    let result = async {
        let key_file = match &current {
            Some((key, file)) if key.same_as(&opened.key) => file.clone(),
            _ => match opened.key_file.clone() {
                Some(file) if !file.is_legacy() => file,
                Some(file) => match secret {
                    Some(passphrase) if crate::keys::RecoveryKey::parse(passphrase).is_err() => {
                        file.resealed(&opened.key, passphrase)?
                    }
                    _ => return Err(StoreError::BackupWrongSecret),
                },
                None => return Err(StoreError::BackupInvalid("no key slots".into())),
            },
        };
        // The vault being replaced is kept first, signed with its own key when known,
        // so that it can be restored in turn.
        let replaced_key = match &current {
            Some((key, _)) => Some(key.clone()),
            None => secret.and_then(|secret| current_key_from_secret(&paths, secret)),
        };
        backup::keep_current_files(&paths, replaced_key.as_ref())?;
        std::fs::rename(&copy, paths.database())?;
        files::sync_parent(&paths.database());
        key_file.write(&paths.key_file(), &opened.key)?;
        Ok(key_file)
    }
    .await;
    let key_file = match result {
        Ok(file) => file,
        Err(e) => {
            let _ = std::fs::remove_file(&copy);
            return Err(e);
        }
    };
    let store = open_store(&paths, &opened.key, &key_file, &MIGRATOR).await?;
    Ok(Vault::from_parts(paths, lock, opened.key, key_file, store))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restore_leaves_no_plain_name_behind() {
        // The temp copy of a backup sits beside the vault under a dotted random name.
        let paths = VaultPaths::new("/tmp/x");
        let temp = files::temp_sibling(&paths.database());
        let name = temp
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert!(
            name.starts_with(".allia.vault.") && name.ends_with(".tmp"),
            "{name}"
        );
    }
}
