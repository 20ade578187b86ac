//! The Tauri shell: wires the plugins, the app state and the IPC commands. No business
//! rule lives here.

mod autolock;
mod clock;
mod commands;
mod dialogs;
mod error;
mod print_dir;
mod recovery_guard;
mod session_lock;
mod state;

use std::path::PathBuf;

use allia_store::BackupReason;
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
            kit::recovery_key_acknowledged,
            kit::quit_without_key,
            vault::vault_unlock,
            vault::vault_recover,
            vault::vault_lock,
            vault::vault_touch,
            vault::vault_change_passphrase,
            vault::vault_new_recovery_key,
            backups::backup_list,
            backups::backup_save_as,
            backups::backup_choose_file,
            backups::backup_choose_automatic,
            backups::backup_preview,
            backups::backup_restore,
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
            encrypted::alliance_export_encrypted,
            import::alliance_import_choose,
            import::alliance_import_inspect,
            import::alliance_import_apply,
            import::alliance_import_cancel,
            designation::designation_propose,
            designation::designation_example,
            partners::partner_list,
            partners::partner_create,
            partners::partner_update,
            partners::partner_delete,
            partners::partner_lookalikes,
            actors::actor_list,
            actors::actor_get,
            actors::actor_create,
            actors::actor_update,
            actors::actor_move,
            actors::actor_promote,
            actors::actor_delete,
            actors::interaction_list,
            actors::interaction_add,
            actors::interaction_update,
            actors::interaction_delete,
            actors::exchange_list,
            actors::exchange_add,
            actors::exchange_update,
            actors::exchange_delete,
            actors::criteria_list,
            actors::criterion_add,
            actors::criterion_update,
            actors::criterion_remove,
            actors::criteria_reorder,
            actors::score_set,
            actors::score_clear,
            actors::scoring_matrix,
            commitments::commitments_list,
            commitments::commitments_set,
            commitments::commitments_propose_split,
            internal_diagnostic::diagnostic_get,
            internal_diagnostic::diagnostic_save_needs,
            internal_diagnostic::swot_item_add,
            internal_diagnostic::swot_item_update,
            internal_diagnostic::swot_item_delete,
            internal_diagnostic::swot_item_move,
            internal_diagnostic::diagnostic_export_pdf,
            evaluation::evaluation_overview,
            evaluation::evaluation_summary,
            evaluation::evaluation_indicator,
            evaluation::evaluation_frame_save,
            evaluation::indicator_add,
            evaluation::indicator_update,
            evaluation::indicator_delete,
            evaluation::measurement_add,
            evaluation::measurement_update,
            evaluation::measurement_delete,
            evaluation::gap_analysis_add,
            evaluation::gap_analysis_update,
            evaluation::gap_analysis_delete,
            evaluation_csv::evaluation_csv_export,
            evaluation_csv::evaluation_csv_preview,
            evaluation_csv::evaluation_csv_import,
            evaluation_report::evaluation_report_export,
            dossier::dossier_get,
            dossier::dossier_save_texts,
            dossier::dossier_figure_add,
            dossier::dossier_figure_update,
            dossier::dossier_figure_delete,
            dossier::dossier_figures_reorder,
            dossier::dossier_export_pdf,
            advisor::model_advisor_get,
            advisor::model_advisor_save,
            advisor::model_advisor_recommend,
            progress::alliance_progress,
            objectives::objectives_overview,
            objectives::objectives_frame_save,
            objectives::strategic_objective_add,
            objectives::strategic_objective_update,
            objectives::strategic_objective_move,
            objectives::strategic_gap_add,
            objectives::strategic_gap_update,
            objectives::strategic_gap_delete,
            objectives::operational_objective_add,
            objectives::operational_objective_update,
            objectives::objective_delete,
            objectives::smart_check,
            documents::document_list,
            documents::document_create,
            documents::document_update,
            documents::document_change_clause,
            documents::document_set_status,
            documents::document_return_to_draft,
            documents::document_record_signature,
            documents::document_delete,
            documents::document_clauses,
            documents::document_preview,
            documents::document_export,
            documents::document_open_for_print,
            annexes::document_annex_attach,
            annexes::document_annex_detach,
            annexes::document_annex_files,
            drafts::draft_save,
            drafts::draft_list,
            drafts::draft_clear,
            settings::settings_get,
            settings::settings_save,
            settings::settings_set_text_scale,
            settings::settings_apply_text_scale,
            settings::window_set_text_scale,
        ])
        .events(tauri_specta::collect_events![
            autolock::VaultLocked,
            autolock::VaultLockSoon,
            recovery_guard::RecoveryKeyCloseRequested
        ])
        .constant("TEXT_SCALE_STEPS", allia_core::TEXT_SCALE_STEPS)
        .constant(
            "COUNTRY_SUGGESTIONS",
            allia_core::organisation::COUNTRY_SUGGESTIONS,
        )
        .disable_serde_phases()
}

/// Where the vault lives: the OS app-data dir, or `ALLIA_DATA_DIR` (tests, portable use).
fn data_dir(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(dir) = std::env::var_os("ALLIA_DATA_DIR") {
        return Ok(PathBuf::from(dir));
    }
    Ok(app.path().app_data_dir()?)
}

/// The private print folder under the OS cache dir (or the data dir when the OS gives
/// none).
fn print_dir(app: &tauri::App, data_dir: &std::path::Path) -> PathBuf {
    let cache = app
        .path()
        .app_cache_dir()
        .unwrap_or_else(|_| data_dir.join("cache"));
    print_dir::prepare(&cache)
}

/// On exit: an automatic backup if something changed, the vault closed, the print
/// folder emptied, a recovery key still in the clipboard removed.
fn on_exit(app: &tauri::AppHandle) {
    if let Some(state) = app.try_state::<AppState>() {
        tauri::async_runtime::block_on(state.lock(BackupReason::Close));
    }
    commands::kit::clear_on_exit(app);
}

/// Logout, shutdown and `kill` stop the app with SIGTERM, SIGHUP or SIGINT: take the
/// normal exit path (backup, vault closed, print folder emptied) instead of dying with
/// a plaintext PDF left in the cache.
#[cfg(unix)]
fn exit_on_signal(handle: tauri::AppHandle) {
    tauri::async_runtime::spawn(async move {
        use tokio::signal::unix::{signal, SignalKind};
        let (Ok(mut term), Ok(mut hup), Ok(mut int)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::hangup()),
            signal(SignalKind::interrupt()),
        ) else {
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = hup.recv() => {}
            _ = int.recv() => {}
        }
        handle.exit(0);
    });
}

/// Windows ends a desktop app through its window messages, which Tauri turns into
/// the normal exit path.
#[cfg(not(unix))]
fn exit_on_signal(_handle: tauri::AppHandle) {}

pub fn run() {
    let builder = specta_builder();
    let app = tauri::Builder::default()
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
        // A close while the recovery key is still shown asks first (recovery_guard).
        .on_window_event(recovery_guard::on_window_event)
        .setup(move |app| {
            builder.mount_events(app);
            let dir = data_dir(app)?;
            let print = print_dir(app, &dir);
            app.manage(AppState::new(dir, print));
            autolock::spawn(app.handle().clone());
            session_lock::spawn(app.handle().clone());
            exit_on_signal(app.handle().clone());
            Ok(())
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                on_exit(handle);
            }
        }),
        Err(e) => {
            eprintln!("Allia n’a pas pu démarrer : {e}");
            std::process::exit(1);
        }
    }
}
