//! The Tauri shell: wires the plugins, the app state and the IPC commands. No business
//! rule lives here.

mod commands;
mod dialogs;
mod error;
mod state;

use std::path::PathBuf;

use tauri::Manager;

pub use error::{AppError, ErrorCode};
use state::AppState;

/// The command list, defined once for the app and for the bindings export.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    use commands::*;
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            vault::vault_status,
            vault::vault_create,
            kit::save_recovery_kit,
            kit::copy_recovery_key,
            vault::vault_unlock,
            vault::vault_recover,
            vault::vault_lock,
            vault::vault_change_passphrase,
            profile::profile_get,
            profile::profile_save,
            alliances::catalog,
            alliances::alliance_list,
            alliances::alliance_create,
            alliances::alliance_update,
            alliances::alliance_set_archived,
            alliances::alliance_delete,
            alliances::demo_load,
            alliances::alliance_export,
            alliances::alliance_import,
            partners::partner_list,
            partners::partner_create,
            partners::partner_update,
            partners::partner_delete,
            documents::document_list,
            documents::document_create,
            documents::document_update,
            documents::document_set_status,
            documents::document_record_signature,
            documents::document_delete,
            documents::document_clauses,
            documents::document_preview,
            documents::document_export,
            documents::document_open_for_print,
            settings::settings_get,
            settings::settings_save,
        ])
        .disable_serde_phases()
}

/// Where the vault lives: the OS app-data dir, or `ALLIA_DATA_DIR` (tests, portable use).
fn data_dir(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(dir) = std::env::var_os("ALLIA_DATA_DIR") {
        return Ok(PathBuf::from(dir));
    }
    Ok(app.path().app_data_dir()?)
}

pub fn run() {
    let builder = specta_builder();
    let result = tauri::Builder::default()
        // First: a second launch only brings the running window forward, so two
        // processes never open one vault.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        // Used from Rust only (copy_recovery_key): no clipboard permission for the web view.
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let dir = data_dir(app)?;
            app.manage(AppState::new(dir));
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Allia n’a pas pu démarrer : {e}");
        std::process::exit(1);
    }
}
