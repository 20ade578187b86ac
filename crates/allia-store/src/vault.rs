//! Creating, unlocking, recovering and re-keying the vault. The database file is only
//! opened once a secret has given the data key, is checked before it is trusted, and
//! is never created, renamed or replaced behind the user's back.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use allia_core::passphrase::{check_new_passphrase, check_passphrase_change};
use sqlx::migrate::Migrator;
use sqlx::{Connection, SqliteConnection};

use crate::backup::{self, BackupReason};
use crate::database;
use crate::error::{StoreError, StoreResult};
use crate::files;
use crate::key_file::{KeyFile, RecoverySlot};
use crate::keys::{KdfParams, RecoveryKey, SecretKey};
use crate::store::Store;

pub(crate) static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

const DB_FILE: &str = "allia.vault";
const KEY_FILE: &str = "allia.vault.keys";
const LOCK_FILE: &str = "allia.vault.lock";
/// A database being created: renamed to `allia.vault` once its key file is written.
const CREATING_FILE: &str = ".allia.vault.creating";
const BACKUP_DIR: &str = "backups";

/// Where a vault's files live.
#[derive(Debug, Clone)]
pub struct VaultPaths {
    pub dir: PathBuf,
}

/// What is on disk, before any secret is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VaultState {
    /// No vault here (or only an interrupted creation, which never held data).
    Absent,
    /// The database and its key file.
    Present,
    /// The database without its key file: the recovery kit opens it.
    KeyFileMissing,
    /// The key file without the database: only a backup can help.
    DatabaseMissing,
}

impl VaultPaths {
    pub fn new(dir: impl Into<PathBuf>) -> VaultPaths {
        VaultPaths { dir: dir.into() }
    }
    pub fn database(&self) -> PathBuf {
        self.dir.join(DB_FILE)
    }
    pub fn key_file(&self) -> PathBuf {
        self.dir.join(KEY_FILE)
    }
    pub fn lock_file(&self) -> PathBuf {
        self.dir.join(LOCK_FILE)
    }
    pub fn backups(&self) -> PathBuf {
        self.dir.join(BACKUP_DIR)
    }
    fn creating(&self) -> PathBuf {
        self.dir.join(CREATING_FILE)
    }

    /// What is on disk (see [`VaultState`]).
    pub fn state(&self) -> VaultState {
        let db = self.database().exists();
        let keys = self.key_file().exists();
        match (db, keys) {
            (true, true) => VaultState::Present,
            (true, false) => VaultState::KeyFileMissing,
            (false, true) if self.creating().exists() => VaultState::Absent,
            (false, true) => VaultState::DatabaseMissing,
            (false, false) => VaultState::Absent,
        }
    }

    /// True once anything of a vault is here: creating one is then refused.
    pub fn exists(&self) -> bool {
        self.state() != VaultState::Absent
    }
}

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
            Vault {
                paths,
                _lock: lock,
                data_key,
                key_file,
                store,
            },
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
        match paths.state() {
            VaultState::Absent => return Err(StoreError::VaultMissing),
            VaultState::KeyFileMissing => return Err(StoreError::KeyFileMissing),
            VaultState::DatabaseMissing => {
                return Err(StoreError::VaultDamaged(
                    "the database file is missing".into(),
                ))
            }
            VaultState::Present => {}
        }
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
        Ok(Vault {
            paths,
            _lock: lock,
            data_key,
            key_file,
            store,
        })
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
        match paths.state() {
            VaultState::Absent => return Err(StoreError::VaultMissing),
            VaultState::DatabaseMissing => {
                return Err(StoreError::VaultDamaged(
                    "the database file is missing".into(),
                ))
            }
            VaultState::Present | VaultState::KeyFileMissing => {}
        }
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
        Ok(Vault {
            paths,
            _lock: lock,
            data_key,
            key_file,
            store,
        })
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

/// Takes the vault's lock file, or reports that another process has the vault open.
pub(crate) fn acquire_lock(paths: &VaultPaths) -> StoreResult<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(paths.lock_file())?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::VaultInUse),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

fn remove_if_present(path: &Path) -> StoreResult<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Checks the database, backs it up when migrations are pending, migrates, then builds
/// the pool.
pub(crate) async fn open_store(
    paths: &VaultPaths,
    key: &SecretKey,
    key_file: &KeyFile,
    migrator: &Migrator,
) -> StoreResult<Store> {
    let db = paths.database();
    backup::remove_leftovers(paths);
    // A log left behind means Allia did not close cleanly: what it holds may be in no
    // backup yet, so the next lock or close makes one.
    let unclean = std::fs::metadata(backup::wal_of(&db)).is_ok_and(|m| m.len() > 0);
    let mut conn = database::open_checked(&db, key, migrator).await?;
    let applied = database::applied_versions(&mut conn).await;
    let pending = applied.map(|applied| database::first_pending(migrator, &applied));
    let backed_up = match pending {
        Ok(Some(version)) => backup::write_automatic(
            paths,
            &mut conn,
            key,
            key_file,
            BackupReason::BeforeMigration(version),
        )
        .await
        .map(|_| ()),
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    };
    conn.close().await?;
    backed_up?;
    let dirty = Arc::new(AtomicBool::new(false));
    let pool = database::pool(&db, key, Arc::clone(&dirty)).await?;
    // Through the pool: `run(&mut conn)` makes the future non-Send for async callers.
    migrator.run(&pool).await?;
    let store = Store::new(pool, dirty);
    store.mark_saved();
    if unclean {
        store.mark_changed();
    }
    Ok(store)
}

#[cfg(test)]
mod tests;
