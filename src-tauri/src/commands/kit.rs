//! The recovery kit shown once, right after the vault is created: saved as a printable
//! PDF (allia-docs), or the key copied to the clipboard and wiped from it a minute later;
//! until « Continuer », closing the window asks first (`recovery_guard`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use allia_docs::kit::{self, KitContent};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use zeroize::Zeroizing;

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// The name the save dialog suggests.
pub const KIT_FILE_NAME: &str = "allia-kit-de-recuperation.pdf";

/// How long the recovery key may stay in the clipboard after « Copier la clé ».
pub const CLIPBOARD_CLEAR_DELAY: Duration = Duration::from_secs(60);

/// Asks where to save the recovery kit (system save dialog) and writes it there as a
/// one-page PDF: the key, the date and the instructions, with the association's name when
/// the profile has one. Returns the chosen path, or `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_recovery_kit(
    app: AppHandle,
    state: State<'_, AppState>,
    recovery_key: String,
) -> Result<Option<String>, AppError> {
    // Only a real recovery key is printed, in its canonical groups of four.
    let recovery_key = allia_store::RecoveryKey::parse(&Zeroizing::new(recovery_key))?.display();
    let chosen = crate::dialogs::choose_save_path(
        &app,
        "Enregistrer le kit de récupération",
        KIT_FILE_NAME,
        "Document PDF",
        "pdf",
    )
    .await;
    let Some(path) = chosen else {
        return Ok(None);
    };
    let association = association_name(&state).await;
    let created = chrono::Local::now().date_naive();
    let bytes = super::blocking(
        "La préparation du kit de récupération a été interrompue.",
        move || {
            kit::render_pdf(&KitContent {
                recovery_key: &recovery_key,
                created,
                association: association.as_deref(),
            })
            .map(Zeroizing::new)
            .map_err(allia_docs::render::RenderError::from)
        },
    )
    .await?;
    std::fs::write(&path, bytes.as_slice()).map_err(|e| {
        AppError::io(
            "Impossible d’enregistrer le kit de récupération à cet endroit",
            &e,
        )
    })?;
    Ok(Some(path.to_string_lossy().into_owned()))
}

/// The profile's name when the vault is open and the profile filled in; the kit is
/// printed without it otherwise (it is usually made before the profile exists).
async fn association_name(state: &AppState) -> Option<String> {
    let store = state.store().await.ok()?;
    let profile = store.profile().await.ok()??;
    Some(profile.name)
}

/// Each copy's number: a timer clears only the copy it was started for, so copying again
/// restarts the full delay.
static COPIES: AtomicU64 = AtomicU64::new(0);

/// The key last copied, until the delay has emptied the clipboard: Allia closing
/// before then empties it at once ([`clear_on_exit`]).
static PENDING: std::sync::Mutex<Option<Zeroizing<String>>> = std::sync::Mutex::new(None);

/// On exit: if a copied recovery key may still be in the clipboard, empty it now
/// rather than leave it there once Allia is gone.
pub fn clear_on_exit<R: Runtime>(app: &AppHandle<R>) {
    let pending = PENDING.lock().ok().and_then(|mut p| p.take());
    if let Some(key) = pending {
        if let ClearOutcome::Failed(e) = clear_if_still_holding(&SystemClipboard(app), &key) {
            eprintln!("Allia n’a pas pu vider le presse-papiers\u{a0}: {e}");
        }
    }
}

/// Puts the recovery key in the system clipboard (marked for clipboard managers to keep
/// out of their history), then, a minute later (`CLIPBOARD_CLEAR_DELAY`), empties the
/// clipboard if it still holds the key. Runs in the shell: the web view gets no clipboard access.
#[tauri::command]
#[specta::specta]
pub async fn copy_recovery_key(app: AppHandle, recovery_key: String) -> Result<(), AppError> {
    let key = Zeroizing::new(recovery_key);
    let copy = COPIES.fetch_add(1, Ordering::SeqCst) + 1;
    let writer = app.clone();
    let written = key.clone();
    if let Ok(mut pending) = PENDING.lock() {
        *pending = Some(key.clone());
    }
    tokio::task::spawn_blocking(move || writer.clipboard().write_secret(written.as_str()))
        .await
        .map_err(|_| clipboard_error())?
        .map_err(|_| clipboard_error())?;
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(CLIPBOARD_CLEAR_DELAY).await;
        if COPIES.load(Ordering::SeqCst) != copy {
            return;
        }
        if let Ok(mut pending) = PENDING.lock() {
            *pending = None;
        }
        let outcome = tokio::task::spawn_blocking(move || {
            clear_if_still_holding(&SystemClipboard(&app), &key)
        })
        .await;
        if let Ok(ClearOutcome::Failed(e)) = outcome {
            eprintln!("Allia n’a pas pu vider le presse-papiers : {e}");
        }
    });
    Ok(())
}

/// « Continuer » on the recovery screen: the person says the key is kept, so closing the
/// window no longer asks first.
#[tauri::command]
#[specta::specta]
pub async fn recovery_key_acknowledged(state: State<'_, AppState>) -> Result<(), AppError> {
    state.recovery_key.clear();
    Ok(())
}

/// « Fermer quand même » after a close was held on the recovery screen: quits by the
/// normal exit path (automatic backup, vault closed, print folder and clipboard emptied).
#[tauri::command]
#[specta::specta]
pub async fn quit_without_key(app: AppHandle, state: State<'_, AppState>) -> Result<(), AppError> {
    state.recovery_key.clear();
    app.exit(0);
    Ok(())
}

fn clipboard_error() -> AppError {
    AppError::new(
        ErrorCode::Io,
        "Impossible de copier la clé dans le presse-papiers\u{a0}: recopiez-la à la main.",
    )
}

/// The system clipboard refused to be emptied (the platform's reason, for the log).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ClipboardRefused(pub String);

/// The little of a clipboard the clearing rule needs, so it can be tested without one.
pub trait TextClipboard {
    /// The text the clipboard holds, `None` when it holds none (or something else).
    fn read_text(&self) -> Option<Zeroizing<String>>;
    /// Empties the clipboard.
    fn clear(&self) -> Result<(), ClipboardRefused>;
}

struct SystemClipboard<'a, R: Runtime>(&'a AppHandle<R>);

impl<R: Runtime> TextClipboard for SystemClipboard<'_, R> {
    fn read_text(&self) -> Option<Zeroizing<String>> {
        self.0.clipboard().read_text().ok().map(Zeroizing::new)
    }

    fn clear(&self) -> Result<(), ClipboardRefused> {
        self.0
            .clipboard()
            .clear()
            .map_err(|e| ClipboardRefused(e.to_string()))
    }
}

/// What happened when the delay ran out.
#[derive(Debug, PartialEq, Eq)]
pub enum ClearOutcome {
    /// The key was still there and is gone.
    Cleared,
    /// The person copied something else since: left alone.
    Untouched,
    /// The key was there but the clipboard refused to be emptied.
    Failed(ClipboardRefused),
}

/// Empties the clipboard only if it still holds `secret` (surrounding whitespace aside,
/// which some clipboard tools add): whatever the person copied since is theirs.
pub fn clear_if_still_holding(clipboard: &impl TextClipboard, secret: &str) -> ClearOutcome {
    let holds_secret = clipboard
        .read_text()
        .is_some_and(|text| text.trim() == secret.trim());
    if !holds_secret {
        return ClearOutcome::Untouched;
    }
    match clipboard.clear() {
        Ok(()) => ClearOutcome::Cleared,
        Err(e) => ClearOutcome::Failed(e),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    /// A clipboard in memory; `refuse_clear` makes `clear` fail.
    #[derive(Default)]
    struct MemoryClipboard {
        text: RefCell<Option<String>>,
        refuse_clear: bool,
    }

    impl MemoryClipboard {
        fn holding(text: &str) -> MemoryClipboard {
            MemoryClipboard {
                text: RefCell::new(Some(text.to_string())),
                refuse_clear: false,
            }
        }
    }

    impl TextClipboard for MemoryClipboard {
        fn read_text(&self) -> Option<Zeroizing<String>> {
            self.text.borrow().clone().map(Zeroizing::new)
        }

        fn clear(&self) -> Result<(), ClipboardRefused> {
            if self.refuse_clear {
                return Err(ClipboardRefused("occupé".into()));
            }
            *self.text.borrow_mut() = None;
            Ok(())
        }
    }

    const KEY: &str = "7Q2M-K9XD-ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-ABCD-EFGH-JKMN";

    #[test]
    fn the_key_still_in_the_clipboard_is_cleared() {
        let clipboard = MemoryClipboard::holding(KEY);
        assert_eq!(
            clear_if_still_holding(&clipboard, KEY),
            ClearOutcome::Cleared
        );
        assert_eq!(*clipboard.text.borrow(), None);
    }

    #[test]
    fn the_key_with_a_trailing_newline_is_still_the_key() {
        let clipboard = MemoryClipboard::holding(&format!("{KEY}\n"));
        assert_eq!(
            clear_if_still_holding(&clipboard, KEY),
            ClearOutcome::Cleared
        );
        assert_eq!(*clipboard.text.borrow(), None);
    }

    #[test]
    fn something_copied_since_is_left_alone() {
        let clipboard = MemoryClipboard::holding("adresse du local : 3 rue des Lilas");
        assert_eq!(
            clear_if_still_holding(&clipboard, KEY),
            ClearOutcome::Untouched
        );
        assert_eq!(
            clipboard.text.borrow().as_deref(),
            Some("adresse du local : 3 rue des Lilas")
        );
        // Only part of the key is not the key either.
        let clipboard = MemoryClipboard::holding(&KEY[..9]);
        assert_eq!(
            clear_if_still_holding(&clipboard, KEY),
            ClearOutcome::Untouched
        );
        assert!(clipboard.text.borrow().is_some());
    }

    #[test]
    fn an_empty_or_non_text_clipboard_is_left_alone() {
        let clipboard = MemoryClipboard::default();
        assert_eq!(
            clear_if_still_holding(&clipboard, KEY),
            ClearOutcome::Untouched
        );
    }

    #[test]
    fn a_clipboard_that_refuses_to_clear_is_reported() {
        let clipboard = MemoryClipboard {
            text: RefCell::new(Some(KEY.to_string())),
            refuse_clear: true,
        };
        assert_eq!(
            clear_if_still_holding(&clipboard, KEY),
            ClearOutcome::Failed(ClipboardRefused("occupé".into()))
        );
    }

    #[test]
    fn the_key_stays_a_minute() {
        assert_eq!(CLIPBOARD_CLEAR_DELAY, Duration::from_secs(60));
    }

    #[test]
    fn the_kit_is_suggested_as_a_pdf() {
        assert_eq!(KIT_FILE_NAME, "allia-kit-de-recuperation.pdf");
    }
}
