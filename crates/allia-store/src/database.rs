//! The SQLCipher database behind a vault: connections keyed without the key ever
//! entering sqlx's connect options or its statement log, the checks run before the
//! file is trusted, and encrypted copies.

use std::collections::HashSet;
use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{AssertSqlSafe, ConnectOptions, Connection, Executor, SqliteConnection, SqlitePool};
use zeroize::Zeroizing;

use crate::error::{StoreError, StoreResult};
use crate::keys::SecretKey;

const POOL_SIZE: u32 = 4;

/// Options for a vault connection: no pragma that reads the file (the key comes
/// first, in [`key_connection`]), statement logging off so no SQL text carrying a key
/// can reach a log, and `create` only when making a new vault — opening never turns a
/// missing file into an empty vault.
pub(crate) fn connect_options(db: &Path, create: bool) -> StoreResult<SqliteConnectOptions> {
    Ok(SqliteConnectOptions::from_str("sqlite://")
        .map_err(StoreError::from)?
        .filename(db)
        .create_if_missing(create)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5))
        .disable_statement_logging())
}

/// The statements that key a fresh connection: SQLCipher's log silenced before
/// anything can fail, then the raw key.
fn key_statements(key: &SecretKey) -> Zeroizing<String> {
    let literal = key.sqlcipher_literal();
    Zeroizing::new(format!(
        "PRAGMA cipher_log_level = NONE; PRAGMA key = {};",
        literal.as_str()
    ))
}

/// Keys a connection and checks the key reads the schema: `KeyMismatch` when the
/// first page does not decrypt with it.
pub(crate) async fn key_connection(
    conn: &mut SqliteConnection,
    key: &SecretKey,
) -> StoreResult<()> {
    let statements = key_statements(key);
    conn.execute(AssertSqlSafe(statements.as_str()))
        .await
        .map_err(first_page_unreadable)?;
    sqlx::query("SELECT count(*) FROM sqlite_master")
        .execute(&mut *conn)
        .await
        .map_err(first_page_unreadable)?;
    Ok(())
}

/// WAL with synchronous NORMAL: committed transactions survive a crash of the
/// process; the last ones may be lost on a power cut, never the file's consistency.
async fn set_journal(conn: &mut SqliteConnection) -> StoreResult<()> {
    conn.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
        .await?;
    Ok(())
}

/// Opens one keyed connection to an existing vault file and checks it before anything
/// is written: not empty, a schema, `PRAGMA quick_check` and
/// `PRAGMA cipher_integrity_check` clean, no migration from a later version.
pub(crate) async fn open_checked(
    db: &Path,
    key: &SecretKey,
    migrator: &Migrator,
) -> StoreResult<SqliteConnection> {
    match std::fs::metadata(db) {
        Ok(meta) if meta.len() == 0 => {
            return Err(StoreError::VaultDamaged(
                "the database file is empty".into(),
            ))
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::VaultDamaged(
                "the database file is missing".into(),
            ))
        }
        Err(e) => return Err(e.into()),
    }
    // Read-only: a connection that cannot write cannot checkpoint either, so a stray
    // or damaged write-ahead log is never copied into the file being checked.
    let mut conn = connect_options(db, false)?
        .read_only(true)
        .connect()
        .await?;
    if let Err(e) = check(&mut conn, key, migrator).await {
        let _ = conn.close().await;
        return Err(e);
    }
    Ok(conn)
}

async fn check(
    conn: &mut SqliteConnection,
    key: &SecretKey,
    migrator: &Migrator,
) -> StoreResult<()> {
    key_connection(conn, key).await?;
    verify_integrity(conn).await?;
    let has_schema: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(&mut *conn)
    .await?;
    if has_schema == 0 {
        return Err(StoreError::VaultDamaged("no schema".into()));
    }
    let known: HashSet<i64> = migrator.iter().map(|m| m.version).collect();
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1")
            .fetch_all(&mut *conn)
            .await?;
    if applied.iter().any(|v| !known.contains(v)) {
        return Err(StoreError::VaultTooNew);
    }
    Ok(())
}

/// Runs both integrity checks on a keyed connection; any finding is `VaultDamaged`,
/// and so is any error while they read (SQLCipher fails a page whose HMAC does not
/// match with a plain SQLITE_ERROR).
pub(crate) async fn verify_integrity(conn: &mut SqliteConnection) -> StoreResult<()> {
    integrity_checks(conn).await.map_err(|e| match e {
        StoreError::Database(sqlx::Error::Database(db)) if db.code().as_deref() == Some("1") => {
            StoreError::VaultDamaged(format!("integrity check: {}", db.message()))
        }
        other => other,
    })
}

async fn integrity_checks(conn: &mut SqliteConnection) -> StoreResult<()> {
    let quick: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(&mut *conn)
        .await?;
    if quick != ["ok"] {
        return Err(StoreError::VaultDamaged(format!(
            "quick_check: {}",
            quick.join("; ")
        )));
    }
    // One row per page whose HMAC fails; none when every page is intact.
    let pages: Vec<String> = sqlx::query_scalar("PRAGMA cipher_integrity_check")
        .fetch_all(&mut *conn)
        .await?;
    if !pages.is_empty() {
        return Err(StoreError::VaultDamaged(format!(
            "cipher_integrity_check: {} page(s)",
            pages.len()
        )));
    }
    Ok(())
}

/// A new, empty database file keyed with `key` (the caller checked none exists).
pub(crate) async fn create_new(db: &Path, key: &SecretKey) -> StoreResult<SqliteConnection> {
    let mut conn = connect_options(db, true)?.connect().await?;
    key_connection(&mut conn, key).await?;
    set_journal(&mut conn).await?;
    Ok(conn)
}

/// The first page does not decrypt with the key (SQLITE_NOTADB, 26, or SQLCipher's
/// plain SQLITE_ERROR, 1): the file is damaged, or the key is not this file's (a key
/// file from another vault). Other errors keep their meaning.
fn first_page_unreadable(e: sqlx::Error) -> StoreError {
    if let sqlx::Error::Database(db) = &e {
        if matches!(db.code().as_deref(), Some("26") | Some("1")) {
            return StoreError::KeyMismatch;
        }
    }
    StoreError::from(e)
}

/// The schema versions applied in the open database (empty for a new file).
pub(crate) async fn applied_versions(conn: &mut SqliteConnection) -> StoreResult<HashSet<i64>> {
    let has_table: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(&mut *conn)
    .await?;
    if has_table == 0 {
        return Ok(HashSet::new());
    }
    Ok(
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = 1")
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .collect(),
    )
}

/// The first migration `migrator` would apply, if any.
pub(crate) fn first_pending(migrator: &Migrator, applied: &HashSet<i64>) -> Option<i64> {
    migrator
        .iter()
        .filter(|m| !m.migration_type.is_down_migration())
        .map(|m| m.version)
        .find(|v| !applied.contains(v))
}

/// The pool the store uses. Each new connection is keyed in `after_connect` from a
/// buffer wiped when the pool is dropped, and reports its commits to `dirty` (what
/// tells an automatic backup whether anything changed).
pub(crate) async fn pool(
    db: &Path,
    key: &SecretKey,
    dirty: Arc<AtomicBool>,
) -> StoreResult<SqlitePool> {
    let key = Arc::new(key.clone());
    let pool = SqlitePoolOptions::new()
        .max_connections(POOL_SIZE)
        .after_connect(move |conn, _meta| {
            let key = Arc::clone(&key);
            let dirty = Arc::clone(&dirty);
            Box::pin(async move {
                let statements = key_statements(&key);
                conn.execute(AssertSqlSafe(statements.as_str())).await?;
                conn.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
                    .await?;
                conn.lock_handle().await?.set_commit_hook(move || {
                    dirty.store(true, Ordering::SeqCst);
                    true
                });
                Ok(())
            })
        })
        .connect_with(connect_options(db, false)?)
        .await?;
    Ok(pool)
}

/// Writes an encrypted, consistent copy of the open database to `target` (a new file)
/// with `VACUUM INTO`: same key, same cipher settings, no plaintext on the way.
pub(crate) async fn copy_into(conn: &mut SqliteConnection, target: &Path) -> StoreResult<()> {
    let path = target.to_string_lossy().replace('\'', "''");
    conn.execute(AssertSqlSafe(format!("VACUUM INTO '{path}'")))
        .await?;
    Ok(())
}

/// Re-encrypts every page of the database open on `conn` (the only connection) under
/// `new_key`, in one transaction: SQLCipher's `PRAGMA rekey`.
pub(crate) async fn rekey(conn: &mut SqliteConnection, new_key: &SecretKey) -> StoreResult<()> {
    let literal = new_key.sqlcipher_literal();
    let statement = Zeroizing::new(format!("PRAGMA rekey = {};", literal.as_str()));
    conn.execute(AssertSqlSafe(statement.as_str())).await?;
    Ok(())
}

/// Opens an existing database file read for inspection (a backup being previewed):
/// keyed, checked, never migrated.
pub(crate) async fn open_for_reading(db: &Path, key: &SecretKey) -> StoreResult<SqliteConnection> {
    let mut conn = connect_options(db, false)?.connect().await?;
    match key_connection(&mut conn, key).await {
        Ok(()) => Ok(conn),
        Err(e) => {
            let _ = conn.close().await;
            Err(e)
        }
    }
}
