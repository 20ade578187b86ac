//! Opening the database file itself: the lock that keeps a second process out, and the
//! checks, backup before migrations and migration that come before the pool is built.

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use sqlx::migrate::Migrator;
use sqlx::Connection;

use super::VaultPaths;
use crate::backup::{self, BackupReason};
use crate::database;
use crate::error::{StoreError, StoreResult};
use crate::key_file::KeyFile;
use crate::keys::SecretKey;
use crate::store::Store;

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

pub(super) fn remove_if_present(path: &Path) -> StoreResult<()> {
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
