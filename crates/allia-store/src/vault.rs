//! Creating, unlocking and re-keying the vault. The database file is only ever opened
//! once the data key has been unwrapped, so a wrong passphrase never touches it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use allia_core::passphrase::check_new_passphrase;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{AssertSqlSafe, ConnectOptions, Connection, SqliteConnection};
use zeroize::Zeroizing;

use crate::error::{StoreError, StoreResult};
use crate::keys::{KdfParams, KeyFile, RecoveryKey, SecretKey};
use crate::store::Store;

pub(crate) static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

const DB_FILE: &str = "allia.vault";
const KEY_FILE: &str = "allia.vault.keys";
const LOCK_FILE: &str = "allia.vault.lock";
const BACKUP_DIR: &str = "backups";
const POOL_SIZE: u32 = 4;

/// Where a vault's files live.
#[derive(Debug, Clone)]
pub struct VaultPaths {
    pub dir: PathBuf,
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
    /// A vault exists once its key file has been written.
    pub fn exists(&self) -> bool {
        self.key_file().is_file()
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
    /// the user once.
    pub async fn create(
        dir: &Path,
        passphrase: &str,
        confirmation: &str,
    ) -> StoreResult<(Vault, RecoveryKey)> {
        check_new_passphrase(passphrase, confirmation)?;
        Self::create_with_params(dir, passphrase, KdfParams::default()).await
    }

    /// Like [`Vault::create`] with explicit KDF costs and no strength rule (benchmarks).
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
        let paths = VaultPaths::new(dir);
        if paths.exists() {
            return Err(StoreError::VaultExists);
        }
        std::fs::create_dir_all(dir)?;
        set_owner_only(dir);
        let lock = acquire_lock(&paths)?;
        let db = paths.database();
        if db.exists() {
            // A database without its key file can never be opened again: keep it aside
            // rather than overwrite it.
            let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
            std::fs::rename(&db, dir.join(format!("{DB_FILE}.orphelin-{stamp}")))?;
        }
        let data_key = SecretKey::random();
        let recovery = RecoveryKey::random();
        let key_file = KeyFile::new(&data_key, passphrase, &recovery, params)?;
        let store = open_store(&paths, &data_key, migrator).await?;
        key_file.write(&paths.key_file())?;
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
        let (paths, key_file) = existing_vault(dir)?;
        let data_key = key_file.unwrap_with_passphrase(passphrase)?;
        let lock = acquire_lock(&paths)?;
        let store = open_store(&paths, &data_key, migrator).await?;
        Ok(Vault {
            paths,
            _lock: lock,
            data_key,
            key_file,
            store,
        })
    }

    /// Unlocks with the recovery key and sets a new passphrase at once.
    pub async fn recover(
        dir: &Path,
        recovery_key: &str,
        new_passphrase: &str,
        confirmation: &str,
    ) -> StoreResult<Vault> {
        let (paths, mut key_file) = existing_vault(dir)?;
        let recovery = RecoveryKey::parse(recovery_key)?;
        let data_key = key_file.unwrap_with_recovery(&recovery)?;
        check_new_passphrase(new_passphrase, confirmation)?;
        let lock = acquire_lock(&paths)?;
        let store = open_store(&paths, &data_key, &MIGRATOR).await?;
        key_file.rewrap_passphrase(&data_key, new_passphrase)?;
        key_file.write(&paths.key_file())?;
        Ok(Vault {
            paths,
            _lock: lock,
            data_key,
            key_file,
            store,
        })
    }

    /// Re-wraps the data key under a new passphrase; the database is not re-encrypted.
    pub fn change_passphrase(
        &mut self,
        current: &str,
        new_passphrase: &str,
        confirmation: &str,
    ) -> StoreResult<()> {
        self.key_file.unwrap_with_passphrase(current)?;
        check_new_passphrase(new_passphrase, confirmation)?;
        let mut updated = self.key_file.clone();
        updated.rewrap_passphrase(&self.data_key, new_passphrase)?;
        updated.write(&self.paths.key_file())?;
        self.key_file = updated;
        Ok(())
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn paths(&self) -> &VaultPaths {
        &self.paths
    }

    pub fn kdf_params(&self) -> KdfParams {
        self.key_file.kdf_params()
    }

    /// Opens one more connection with the raw key, as the pool does.
    pub async fn open_connection(&self) -> StoreResult<SqliteConnection> {
        Ok(
            connect_options(&self.paths.database(), Some(&self.data_key))?
                .connect()
                .await?,
        )
    }

    /// Closes every connection (checkpointing the WAL) and forgets the key.
    pub async fn close(self) {
        self.store.close().await;
    }
}

/// The paths and key file of a vault that must already exist.
fn existing_vault(dir: &Path) -> StoreResult<(VaultPaths, KeyFile)> {
    let paths = VaultPaths::new(dir);
    if !paths.exists() {
        return Err(StoreError::VaultMissing);
    }
    if !paths.database().is_file() {
        // Opening would silently create an empty vault in its place.
        return Err(StoreError::CorruptData(
            "the database file is missing".into(),
        ));
    }
    let key_file = KeyFile::read(&paths.key_file())?;
    Ok((paths, key_file))
}

/// Takes the vault's lock file, or reports that another process has the vault open.
fn acquire_lock(paths: &VaultPaths) -> StoreResult<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(paths.lock_file())?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::VaultInUse),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

pub(crate) fn connect_options(
    db: &Path,
    key: Option<&SecretKey>,
) -> StoreResult<SqliteConnectOptions> {
    let mut options = SqliteConnectOptions::from_str("sqlite://")?
        .filename(db)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        .pragma("cipher_log_level", "NONE");
    if let Some(key) = key {
        // sqlx sends `key` before every other pragma, as SQLCipher requires.
        let literal: Zeroizing<String> = key.sqlcipher_literal();
        options = options.pragma("key", literal.to_string());
    }
    Ok(options)
}

/// Checks the key on one connection, backs up if migrations are pending, migrates,
/// then builds the pool.
pub(crate) async fn open_store(
    paths: &VaultPaths,
    key: &SecretKey,
    migrator: &Migrator,
) -> StoreResult<Store> {
    let options = connect_options(&paths.database(), Some(key))?;
    let mut conn = options.connect().await.map_err(wrong_key_is_corruption)?;
    sqlx::query("SELECT count(*) FROM sqlite_master")
        .execute(&mut conn)
        .await
        .map_err(wrong_key_is_corruption)?;
    backup_before_migrations(&mut conn, paths, key, migrator).await?;
    conn.close().await?;
    let pool = SqlitePoolOptions::new()
        .max_connections(POOL_SIZE)
        .connect_with(options)
        .await?;
    // Through the pool: `run(&mut conn)` makes the future non-Send for async callers.
    migrator.run(&pool).await?;
    Ok(Store::new(pool))
}

/// Our key unwrapped correctly, so "file is not a database" means the file is damaged.
fn wrong_key_is_corruption(e: sqlx::Error) -> StoreError {
    if let sqlx::Error::Database(db) = &e {
        if db.code().as_deref() == Some("26") {
            return StoreError::CorruptData("the database does not match its key file".into());
        }
    }
    StoreError::Database(e)
}

async fn backup_before_migrations(
    conn: &mut SqliteConnection,
    paths: &VaultPaths,
    key: &SecretKey,
    migrator: &Migrator,
) -> StoreResult<Option<PathBuf>> {
    let has_table: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(&mut *conn)
    .await?;
    if has_table == 0 {
        return Ok(None); // a new vault: nothing to protect yet
    }
    let applied: HashSet<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1")
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .collect();
    let Some(first_pending) = migrator
        .iter()
        .filter(|m| !m.migration_type.is_down_migration())
        .map(|m| m.version)
        .find(|v| !applied.contains(v))
    else {
        return Ok(None);
    };
    let dir = paths.backups();
    std::fs::create_dir_all(&dir)?;
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    let target = dir.join(format!(
        "allia-{stamp}-avant-migration-{first_pending}.vault"
    ));
    export_encrypted_copy(conn, &target, key).await?;
    Ok(Some(target))
}

/// Writes an encrypted copy of the open database to `target`, under the same key.
pub(crate) async fn export_encrypted_copy(
    conn: &mut SqliteConnection,
    target: &Path,
    key: &SecretKey,
) -> StoreResult<()> {
    let path = target.to_string_lossy().replace('\'', "''");
    let literal = key.sqlcipher_literal();
    let attach = Zeroizing::new(format!(
        "ATTACH DATABASE '{path}' AS backup KEY {}",
        literal.as_str()
    ));
    sqlx::query(AssertSqlSafe(attach.as_str().to_owned()))
        .execute(&mut *conn)
        .await?;
    let exported = sqlx::query("SELECT sqlcipher_export('backup')")
        .execute(&mut *conn)
        .await;
    sqlx::query("DETACH DATABASE backup")
        .execute(&mut *conn)
        .await?;
    exported?;
    Ok(())
}

#[cfg(unix)]
fn set_owner_only(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // Best effort: the vault is encrypted anyway.
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
}

#[cfg(not(unix))]
fn set_owner_only(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;
    use allia_core::AllianceDraft;

    const PASS: &str = "phrase de test";

    fn fast() -> KdfParams {
        KdfParams {
            memory_kib: 8 * 1024,
            iterations: 1,
            parallelism: 1,
        }
    }

    #[tokio::test]
    async fn pending_migrations_run_after_an_encrypted_backup() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first_only = Migrator::with_migrations(MIGRATOR.iter().take(1).cloned().collect());
        let (vault, _) = Vault::create_with_migrator(dir.path(), PASS, fast(), &first_only)
            .await
            .expect("create at schema 1");
        vault
            .store()
            .create_alliance(&AllianceDraft {
                name: "Alliance Ornithorynque".into(),
                ..Default::default()
            })
            .await
            .expect("write");
        assert!(
            vault.store().settings().await.is_err(),
            "settings table not there yet"
        );
        vault.close().await;

        // Reopening at the same schema makes no backup.
        Vault::unlock_with_migrator(dir.path(), PASS, &first_only)
            .await
            .expect("same schema")
            .close()
            .await;
        assert!(!VaultPaths::new(dir.path()).backups().exists());

        let vault = Vault::unlock(dir.path(), PASS)
            .await
            .expect("unlock migrates");
        assert_eq!(
            vault.store().settings().await.expect("migrated"),
            allia_core::Settings::default()
        );
        let key = vault.data_key.clone();
        vault.close().await;

        let backups: Vec<_> = std::fs::read_dir(VaultPaths::new(dir.path()).backups())
            .expect("backups dir")
            .map(|e| e.expect("entry").path())
            .collect();
        assert_eq!(backups.len(), 1);
        let backup = &backups[0];
        let name = backup
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        assert!(
            name.ends_with(&format!(
                "avant-migration-{}.vault",
                MIGRATOR.iter().nth(1).expect("2nd").version
            )),
            "{name}"
        );
        let bytes = std::fs::read(backup).expect("read backup");
        assert!(
            !bytes.starts_with(b"SQLite format 3"),
            "the backup is encrypted"
        );
        assert!(!bytes.windows(13).any(|w| w == b"Ornithorynque"));

        // The backup opens with the same key and holds the data at the old schema.
        let mut conn = connect_options(backup, Some(&key))
            .expect("options")
            .connect()
            .await
            .expect("open backup");
        let name: String = sqlx::query_scalar("SELECT name FROM alliance")
            .fetch_one(&mut conn)
            .await
            .expect("row");
        assert_eq!(name, "Alliance Ornithorynque");
        let settings_tables: i64 =
            sqlx::query_scalar("SELECT count(*) FROM sqlite_master WHERE name = 'setting'")
                .fetch_one(&mut conn)
                .await
                .expect("count");
        assert_eq!(settings_tables, 0);
        conn.close().await.expect("close");
    }
}
