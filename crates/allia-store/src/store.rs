//! The open database. Each aggregate has one repository module (`alliances.rs`,
//! `partners.rs`, `profile.rs`, `documents.rs`, …): a row type derived with
//! `sqlx::FromRow`, its statements as functions on a `&mut SqliteConnection` (a pooled
//! connection or a caller's transaction, the one executor type), and the public
//! `impl Store` methods that validate, open the transaction and call them.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqlitePool, Transaction};

use crate::error::{Entity, StoreResult};

#[derive(Clone)]
pub struct Store {
    pub(crate) pool: SqlitePool,
    /// Set by every commit (an SQLite commit hook on each connection), cleared when an
    /// automatic backup starts.
    dirty: Arc<AtomicBool>,
}

impl Store {
    pub(crate) fn new(pool: SqlitePool, dirty: Arc<AtomicBool>) -> Store {
        Store { pool, dirty }
    }

    /// Opens an UNENCRYPTED database with the same schema: only for benchmarks that
    /// measure what encryption costs. Never used for user data; absent from builds
    /// without the `test-support` feature.
    #[cfg(feature = "test-support")]
    pub async fn open_unencrypted_for_comparison(db: &std::path::Path) -> StoreResult<Store> {
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(crate::database::connect_options(db, true)?)
            .await?;
        crate::vault::MIGRATOR.run(&pool).await?;
        Ok(Store::new(pool, Arc::default()))
    }

    /// A connection of the pool, for repository functions outside a transaction.
    pub(crate) async fn conn(&self) -> StoreResult<PoolConnection<Sqlite>> {
        Ok(self.pool.acquire().await?)
    }

    /// A write transaction that holds SQLite's write lock from its first statement
    /// (`BEGIN IMMEDIATE`), so what it reads cannot change before it writes. Waits for
    /// another writer up to the connection's busy timeout.
    pub(crate) async fn begin_write(&self) -> StoreResult<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// True when something was committed since the last backup started.
    pub fn has_changes(&self) -> bool {
        self.dirty.load(Ordering::SeqCst)
    }

    /// Forgets past commits (a backup is about to copy them); returns whether any.
    pub(crate) fn mark_saved(&self) -> bool {
        self.dirty.swap(false, Ordering::SeqCst)
    }

    /// Remembers that a change is not in any backup (a backup failed).
    pub(crate) fn mark_changed(&self) {
        self.dirty.store(true, Ordering::SeqCst);
    }

    pub(crate) async fn close(&self) {
        self.pool.close().await;
    }
}

pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A change that touched no row means the thing it named no longer exists.
pub(crate) fn ensure_found(done: sqlx::sqlite::SqliteQueryResult, what: Entity) -> StoreResult<()> {
    if done.rows_affected() == 0 {
        Err(crate::StoreError::NotFound(what))
    } else {
        Ok(())
    }
}
