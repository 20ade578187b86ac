//! What the shell keeps between commands: where the vault lives, once unlocked the
//! open vault, when the person last did something (for the auto-lock), the backup
//! chosen for a restore, and the private folder where documents wait to be printed.

use std::path::PathBuf;
use std::sync::Mutex as SyncMutex;
use std::time::Instant;

use allia_store::{BackupReason, Store, Vault};
use tokio::sync::Mutex;

use crate::error::AppError;
use crate::recovery_guard::PendingRecoveryKey;

pub struct AppState {
    pub data_dir: PathBuf,
    pub vault: Mutex<Option<Vault>>,
    /// Last user activity the web view reported (or a command ran).
    pub last_activity: SyncMutex<Instant>,
    /// The auto-lock delay in force, read from the settings at unlock and on save.
    pub auto_lock_minutes: SyncMutex<u32>,
    /// The backup file chosen for « Restaurer depuis… », kept here so the web view
    /// never hands a path back.
    pub pending_backup: Mutex<Option<PathBuf>>,
    /// The alliance file chosen for « Importer une alliance… », between its preview and
    /// its import (`commands::import`).
    pub pending_import: Mutex<Option<PendingImport>>,
    /// The file of measurements chosen for « Importer des mesures (CSV) », between its
    /// preview and its import (`commands::evaluation_csv`).
    pub pending_measurements: Mutex<Option<crate::commands::evaluation_csv::PendingMeasurements>>,
    /// Private folder for « Ouvrir pour imprimer » (see `print_dir`).
    pub print_dir: PathBuf,
    /// A recovery key shown and not yet acknowledged: closing the window asks first
    /// (`recovery_guard`).
    pub recovery_key: PendingRecoveryKey,
}

/// An alliance file chosen for import and not yet imported: its name and its bytes
/// (opened, once an encrypted file's passphrase was given), wiped when dropped.
pub struct PendingImport {
    pub file_name: String,
    pub bytes: zeroize::Zeroizing<Vec<u8>>,
}

impl AppState {
    pub fn new(data_dir: PathBuf, print_dir: PathBuf) -> AppState {
        AppState {
            data_dir,
            vault: Mutex::new(None),
            last_activity: SyncMutex::new(Instant::now()),
            auto_lock_minutes: SyncMutex::new(allia_core::settings::AUTO_LOCK_DEFAULT_MINUTES),
            pending_backup: Mutex::new(None),
            pending_import: Mutex::new(None),
            pending_measurements: Mutex::new(None),
            print_dir,
            recovery_key: PendingRecoveryKey::default(),
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

    /// Records user activity: the auto-lock countdown starts again.
    pub fn touch(&self) {
        if let Ok(mut last) = self.last_activity.lock() {
            *last = Instant::now();
        }
    }

    pub fn set_auto_lock_minutes(&self, minutes: u32) {
        if let Ok(mut current) = self.auto_lock_minutes.lock() {
            *current = minutes;
        }
        self.touch();
    }

    /// Puts an unlocked vault in place and starts the auto-lock countdown.
    pub async fn open(&self, slot: &mut Option<Vault>, vault: Vault) {
        if let Ok(settings) = vault.store().settings().await {
            self.set_auto_lock_minutes(settings.auto_lock_minutes);
        }
        self.touch();
        *slot = Some(vault);
    }

    /// Locks: an automatic backup if something changed, the vault closed, printed
    /// copies deleted. Returns the backup failure, if any, for a notice. A recovery key
    /// still on screen is no longer held for: the web view leaves that screen on lock.
    pub async fn lock(&self, reason: BackupReason) -> Option<String> {
        self.recovery_key.clear();
        // A file being imported is forgotten: its opened content is not kept locked.
        *self.pending_import.lock().await = None;
        *self.pending_measurements.lock().await = None;
        let vault = self.vault.lock().await.take();
        let failure = match vault {
            Some(vault) => vault.lock(reason).await.map(|e| e.user_message()),
            None => None,
        };
        crate::print_dir::empty(&self.print_dir);
        failure
    }
}
