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

/// Asks which file to open; `None` when the person cancels. With `ALLIA_E2E_OPEN_FILE`
/// set (end-to-end tests), that file is chosen without a dialog.
pub async fn choose_open_path(
    app: &AppHandle,
    title: &str,
    filter_name: &str,
    extension: &str,
) -> Option<PathBuf> {
    if let Some(file) = std::env::var_os("ALLIA_E2E_OPEN_FILE") {
        return Some(PathBuf::from(file));
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter_name, &[extension])
        .pick_file(move |path| {
            let _ = tx.send(path.and_then(|p| p.into_path().ok()));
        });
    rx.await.ok().flatten()
}

/// A file name from a title: lower case, letters and digits joined by dashes
/// (« Convention 2026 » → « convention-2026 »).
pub fn file_slug(title: &str) -> String {
    let slug = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "document".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::file_slug;

    #[test]
    fn slugs() {
        assert_eq!(
            file_slug("Convention de mutualisation 2026"),
            "convention-de-mutualisation-2026"
        );
        assert_eq!(file_slug("  « Charte » — été  "), "charte-été");
        assert_eq!(file_slug("***"), "document");
        assert_eq!(file_slug("ÉTÉ"), "été");
    }
}
