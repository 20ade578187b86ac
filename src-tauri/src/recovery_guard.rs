//! The recovery key is shown once: while it is on screen and not yet acknowledged
//! (« Continuer »), closing the window does not quit at once. Rust holds the close and
//! tells the web view (`RecoveryKeyCloseRequested`), which asks the person; only
//! `quit_without_key` then quits, by the normal exit path (backup, print folder emptied).

use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};
use tauri::{Manager, Runtime, Window, WindowEvent};
use tauri_specta::Event;

use crate::state::AppState;

/// Whether a recovery key is on screen and not yet acknowledged.
#[derive(Debug, Default)]
pub struct PendingRecoveryKey(AtomicBool);

impl PendingRecoveryKey {
    /// A key was just made (vault created, new kit) and is about to be shown.
    pub fn shown(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// The key screen is left: « Continuer », « Fermer quand même », or the vault locked
    /// (the web view then leaves the key screen, so nothing would answer the event).
    pub fn clear(&self) {
        self.0.store(false, Ordering::SeqCst);
    }

    /// Whether closing the window must ask first.
    pub fn is_pending(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Sent to the web view when the window was asked to close while the recovery key is
/// still pending: the window stays open and the recovery screen asks the person.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct RecoveryKeyCloseRequested;

/// `tauri::Builder::on_window_event`: holds a close request while a recovery key is
/// pending and tells the web view; any other close goes through.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let Some(state) = window.try_state::<AppState>() else {
        return;
    };
    if state.recovery_key.is_pending() {
        api.prevent_close();
        let _ = RecoveryKeyCloseRequested.emit(window.app_handle());
    }
}

#[cfg(test)]
mod tests {
    use allia_store::BackupReason;

    use super::*;

    /// Set when a key is made, cleared by « Continuer » (`recovery_key_acknowledged`) or
    /// « Fermer quand même » (`quit_without_key`), both of which call `clear`.
    #[test]
    fn pending_from_shown_until_cleared() {
        let pending = PendingRecoveryKey::default();
        assert!(!pending.is_pending(), "nothing pending at start");
        pending.shown();
        assert!(pending.is_pending());
        // A second key (a new kit made again) keeps it pending.
        pending.shown();
        assert!(pending.is_pending());
        pending.clear();
        assert!(!pending.is_pending());
    }

    #[tokio::test]
    async fn locking_the_vault_lets_the_window_close() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::new(dir.path().join("data"), dir.path().join("print"));
        assert!(!state.recovery_key.is_pending());

        // Locked (auto-lock, session locked) while the key is shown: the web view leaves
        // the key screen, so nothing would answer a held close.
        state.recovery_key.shown();
        assert_eq!(state.lock(BackupReason::Lock).await, None);
        assert!(!state.recovery_key.is_pending(), "locking clears it");
    }
}
