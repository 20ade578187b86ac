//! What the shell keeps between commands: where the vault lives and, once unlocked,
//! the open vault.

use std::path::PathBuf;

use allia_store::{Store, Vault};
use tokio::sync::Mutex;

use crate::error::AppError;

pub struct AppState {
    pub data_dir: PathBuf,
    pub vault: Mutex<Option<Vault>>,
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> AppState {
        AppState {
            data_dir,
            vault: Mutex::new(None),
        }
    }

    /// A handle on the open store (cheap clone of the pool), or the "locked" error.
    pub async fn store(&self) -> Result<Store, AppError> {
        self.vault
            .lock()
            .await
            .as_ref()
            .map(|v| v.store().clone())
            .ok_or_else(AppError::locked)
    }
}
