//! The open database and its repositories (one module per aggregate, as `impl Store`).

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use sqlx::sqlite::SqlitePoolOptions;
use sqlx::SqlitePool;

use crate::database::connect_options;
use crate::error::StoreResult;
use crate::vault::MIGRATOR;

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
    /// measure what encryption costs. Never used for user data.
    pub async fn open_unencrypted_for_comparison(db: &Path) -> StoreResult<Store> {
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(connect_options(db, true)?)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(Store::new(pool, Arc::default()))
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

/// Enum → its serde name (the same text the UI and the alliance file use).
pub(crate) fn enum_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

pub(crate) fn enum_from_text<T: serde::de::DeserializeOwned>(text: &str) -> StoreResult<T> {
    serde_json::from_value(serde_json::Value::String(text.to_string()))
        .map_err(|_| crate::StoreError::CorruptData(format!("unknown value {text:?}")))
}

/// A change that touched no row means the thing it named no longer exists.
pub(crate) fn ensure_found(
    done: sqlx::sqlite::SqliteQueryResult,
    what: &'static str,
) -> StoreResult<()> {
    if done.rows_affected() == 0 {
        Err(crate::StoreError::NotFound(what))
    } else {
        Ok(())
    }
}
