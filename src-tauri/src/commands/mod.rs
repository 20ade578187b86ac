//! IPC commands, one module per area. They convert between IPC and the crates; no
//! business rule lives here.
//!
//! Most commands are one call on the open store: they are declared with
//! [`store_commands!`], a signature and the call. The others (dialogs, the vault
//! itself, documents rendered off the async runtime) are ordinary functions with
//! `#[tauri::command]` and `#[specta::specta]`.

/// Declares IPC commands that each make one call on the open store.
///
/// Each entry is the command's doc comment, its name, its IPC arguments, what it
/// returns on success, and the store call, written as `|store| store.method(..)`:
///
/// ```ignore
/// store_commands! {
///     /// Doc comment, copied to the TypeScript bindings.
///     fn partner_update(id: String, draft: PartnerDraft) -> Partner =
///         |store| store.update_partner(&id, &draft);
/// }
/// ```
///
/// The generated function takes the app state first (Tauri passes it; it is not an IPC
/// argument), fails with [`AppError::locked`](crate::error::AppError::locked) while the
/// vault is locked, awaits the call and maps its error into an
/// [`AppError`](crate::error::AppError) through `From`. It is `async`, as every command
/// is (Tauri runs the others on the main thread), and collected by name in
/// `specta_builder()` like any other command.
macro_rules! store_commands {
    ($(
        $(#[$doc:meta])*
        fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ok:ty = |$store:ident| $call:expr;
    )*) => {$(
        $(#[$doc])*
        #[tauri::command]
        #[specta::specta]
        pub async fn $name(
            state: tauri::State<'_, $crate::state::AppState>,
            $($arg: $ty),*
        ) -> Result<$ok, $crate::error::AppError> {
            let $store = state.store().await?;
            Ok($call.await?)
        }
    )*};
}

/// Runs CPU-heavy work (typesetting a PDF or a DOCX) on the blocking thread pool, so
/// the async runtime keeps serving the window meanwhile. `interrupted` is the French
/// message returned if the work never finishes (its thread panicked or was cancelled).
pub(crate) async fn blocking<T, E>(
    interrupted: &'static str,
    work: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, crate::error::AppError>
where
    T: Send + 'static,
    E: Into<crate::error::AppError> + Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| crate::error::AppError::new(crate::error::ErrorCode::Document, interrupted))?
        .map_err(Into::into)
}

pub mod actors;
pub mod advisor;
pub mod alliances;
pub mod annexes;
pub mod backups;
pub mod commitments;
pub mod designation;
pub mod documents;
pub mod dossier;
pub mod drafts;
pub mod encrypted;
pub mod evaluation;
pub mod evaluation_csv;
pub mod evaluation_report;
pub mod import;
// Not `diagnostic`: that name is the `#[diagnostic::…]` attribute namespace.
pub mod internal_diagnostic;
pub mod kit;
pub mod objectives;
pub mod partners;
pub mod prints;
pub mod profile;
pub mod progress;
pub mod settings;
pub mod vault;
