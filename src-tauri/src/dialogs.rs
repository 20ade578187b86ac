//! The system save dialog, shown from the Rust side: the webview never gets file-system
//! access, it only learns the path the person chose.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Asks where to save a file; `None` when the person cancels. End-to-end tests cannot
/// drive a native dialog: when `ALLIA_E2E_SAVE_DIR` is set, the file goes there under
/// the suggested name.
pub async fn choose_save_path(
    app: &AppHandle,
    title: &str,
    suggested_name: &str,
    filter_name: &str,
    extension: &str,
) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ALLIA_E2E_SAVE_DIR") {
        return Some(PathBuf::from(dir).join(suggested_name));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested_name)
        .add_filter(filter_name, &[extension])
        .save_file(move |path| {
            let _ = tx.send(path.and_then(|p| p.into_path().ok()));
        });
    rx.await.ok().flatten()
}
