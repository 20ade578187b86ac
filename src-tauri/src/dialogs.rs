//! The system file dialogs, shown from the Rust side: the webview never gets file-system
//! access, it only learns the path the person chose. Also the one way an alliance's PDF
//! (diagnostic, dossier) is saved: dialog, then typesetting, then writing.

use std::path::PathBuf;

use allia_docs::render::Format;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::error::AppError;

/// The folder end-to-end tests save into instead of a save dialog (feature `e2e-hooks`).
#[cfg(any(test, feature = "e2e-hooks"))]
const SAVE_DIR_VAR: &str = "ALLIA_E2E_SAVE_DIR";
/// The file end-to-end tests open instead of an open dialog (feature `e2e-hooks`).
#[cfg(any(test, feature = "e2e-hooks"))]
const OPEN_FILE_VAR: &str = "ALLIA_E2E_OPEN_FILE";

/// Asks where to save a file; `None` when the person cancels. End-to-end tests cannot
/// drive a native dialog: in a build with the `e2e-hooks` feature (never a release
/// bundle), `ALLIA_E2E_SAVE_DIR` replaces the dialog (see [`save_path_override`]).
pub async fn choose_save_path(
    app: &AppHandle,
    title: &str,
    suggested_name: &str,
    filter_name: &str,
    extension: &str,
) -> Option<PathBuf> {
    if let Some(path) = save_path_override(suggested_name) {
        return Some(path);
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

/// A PDF (or DOCX, [`save_as`]) made from an alliance's data, as its save dialog presents it.
pub struct PdfToSave<'a> {
    /// The dialog's title (« Enregistrer le diagnostic interne »).
    pub title: &'a str,
    /// The suggested file name before the alliance's slug (« diagnostic-interne »).
    pub name_prefix: &'a str,
    /// The alliance's name, slugged into the suggested file name.
    pub alliance_name: &'a str,
    /// Said when typesetting on the blocking pool is interrupted.
    pub interrupted: &'static str,
    /// Said when the file cannot be written where the person chose.
    pub write_failed: &'a str,
}

/// Asks where to save the PDF (save dialog suggesting `<name_prefix>-<alliance slug>.pdf`);
/// once a path is chosen, makes it on the blocking pool (`make` gives the file's bytes and
/// whatever else the caller wants back, e.g. warnings) and writes it there. Returns the
/// path with that extra, or `None` when the person cancelled (nothing is typeset then).
///
/// # Errors
/// What `make` returns; an interrupted typesetting; an I/O error writing the file.
pub async fn save_pdf<T, E>(
    app: &AppHandle,
    pdf: PdfToSave<'_>,
    make: impl FnOnce() -> Result<(Vec<u8>, T), E> + Send + 'static,
) -> Result<Option<(PathBuf, T)>, AppError>
where
    T: Send + 'static,
    E: Into<AppError> + Send + 'static,
{
    save_as(app, pdf, Format::Pdf, make).await
}

/// [`save_pdf`] in either format: the dialog suggests `.pdf` (« Document PDF ») or
/// `.docx` (« Document Word »), the same filters as a document's export.
///
/// # Errors
/// As [`save_pdf`].
pub async fn save_as<T, E>(
    app: &AppHandle,
    pdf: PdfToSave<'_>,
    format: Format,
    make: impl FnOnce() -> Result<(Vec<u8>, T), E> + Send + 'static,
) -> Result<Option<(PathBuf, T)>, AppError>
where
    T: Send + 'static,
    E: Into<AppError> + Send + 'static,
{
    let (extension, filter) = match format {
        Format::Pdf => ("pdf", "Document PDF"),
        Format::Docx => ("docx", "Document Word"),
    };
    let suggested = format!(
        "{}-{}.{extension}",
        pdf.name_prefix,
        file_slug(pdf.alliance_name)
    );
    let Some(path) = choose_save_path(app, pdf.title, &suggested, filter, extension).await else {
        return Ok(None);
    };
    let (bytes, extra) = crate::commands::blocking(pdf.interrupted, make).await?;
    std::fs::write(&path, &bytes).map_err(|e| AppError::io(pdf.write_failed, &e))?;
    Ok(Some((path, extra)))
}

/// Asks which file to open; `None` when the person cancels. In a build with the
/// `e2e-hooks` feature, `ALLIA_E2E_OPEN_FILE` replaces the dialog (see
/// [`open_path_override`]).
pub async fn choose_open_path(
    app: &AppHandle,
    title: &str,
    filter_name: &str,
    extension: &str,
) -> Option<PathBuf> {
    choose_open_path_among(app, title, filter_name, &[extension]).await
}

/// [`choose_open_path`] for a kind of file with several extensions, e.g. an alliance
/// file, plain (`json`) or encrypted (`age`).
pub async fn choose_open_path_among(
    app: &AppHandle,
    title: &str,
    filter_name: &str,
    extensions: &[&str],
) -> Option<PathBuf> {
    if let Some(path) = open_path_override() {
        return Some(path);
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter_name, extensions)
        .pick_file(move |path| {
            let _ = tx.send(path.and_then(|p| p.into_path().ok()));
        });
    rx.await.ok().flatten()
}

/// End-to-end tests only (feature `e2e-hooks`): the path to save to without a dialog,
/// `$ALLIA_E2E_SAVE_DIR/<suggested_name>`, when that variable is set. A release build
/// has no such hook: a variable in its environment must never let it write files the
/// person did not choose.
#[cfg(feature = "e2e-hooks")]
fn save_path_override(suggested_name: &str) -> Option<PathBuf> {
    std::env::var_os(SAVE_DIR_VAR).map(|dir| PathBuf::from(dir).join(suggested_name))
}

/// Without the `e2e-hooks` feature the save dialog is always shown.
#[cfg(not(feature = "e2e-hooks"))]
fn save_path_override(_suggested_name: &str) -> Option<PathBuf> {
    None
}

/// End-to-end tests only (feature `e2e-hooks`): the file to open without a dialog,
/// `$ALLIA_E2E_OPEN_FILE`, when that variable is set.
#[cfg(feature = "e2e-hooks")]
fn open_path_override() -> Option<PathBuf> {
    std::env::var_os(OPEN_FILE_VAR).map(PathBuf::from)
}

/// Without the `e2e-hooks` feature the open dialog is always shown.
#[cfg(not(feature = "e2e-hooks"))]
fn open_path_override() -> Option<PathBuf> {
    None
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
    use super::*;

    /// Both variables set to real paths: only a build with `e2e-hooks` may use them.
    /// Each test sets them to the same values, so tests running in parallel agree.
    fn set_hook_variables() -> (PathBuf, PathBuf) {
        let save_dir = std::env::temp_dir().join("allia-e2e-hook-save");
        let open_file = std::env::temp_dir().join("allia-e2e-hook-open.json");
        std::env::set_var(SAVE_DIR_VAR, &save_dir);
        std::env::set_var(OPEN_FILE_VAR, &open_file);
        (save_dir, open_file)
    }

    #[cfg(not(feature = "e2e-hooks"))]
    #[test]
    fn without_the_feature_the_variables_never_replace_a_dialog() {
        set_hook_variables();
        assert_eq!(save_path_override("kit.pdf"), None);
        assert_eq!(open_path_override(), None);
    }

    #[cfg(feature = "e2e-hooks")]
    #[test]
    fn with_the_feature_the_variables_replace_the_dialogs() {
        let (save_dir, open_file) = set_hook_variables();
        assert_eq!(
            save_path_override("kit.pdf"),
            Some(save_dir.join("kit.pdf"))
        );
        assert_eq!(open_path_override(), Some(open_file));
    }

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
