//! Settings kept in the vault.

use allia_core::Settings;
use tauri::{State, Webview};

use crate::error::AppError;
use crate::state::AppState;

store_commands! {
    fn settings_get() -> Settings = |store| store.settings();
}

// Not a one-call command: the new auto-lock delay and text size are put in force at once.
#[tauri::command]
#[specta::specta]
pub async fn settings_save(
    webview: Webview,
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, AppError> {
    let saved = state.store().await?.save_settings(&settings).await?;
    state.set_auto_lock_minutes(saved.auto_lock_minutes);
    zoom(&webview, saved.text_scale_percent);
    Ok(saved)
}

/// « Taille du texte »: saves `percent` (one of `TEXT_SCALE_STEPS`, else a validation
/// error on `textScalePercent`) without touching the other settings, and zooms the
/// window to it. The zoom is applied here rather than from the page so the window
/// needs no webview permission.
#[tauri::command]
#[specta::specta]
pub async fn settings_set_text_scale(
    webview: Webview,
    state: State<'_, AppState>,
    percent: u32,
) -> Result<Settings, AppError> {
    let saved = state.store().await?.set_text_scale(percent).await?;
    zoom(&webview, saved.text_scale_percent);
    Ok(saved)
}

/// Zooms the window to the saved « Taille du texte » (called once the vault is open,
/// since the setting lives in it) and returns the settings.
#[tauri::command]
#[specta::specta]
pub async fn settings_apply_text_scale(
    webview: Webview,
    state: State<'_, AppState>,
) -> Result<Settings, AppError> {
    let settings = state.store().await?.settings().await?;
    zoom(&webview, settings.text_scale_percent);
    Ok(settings)
}

/// Zooms the window to `percent` (one of `TEXT_SCALE_STEPS`, else a validation error on
/// `textScalePercent`) without saving it: Ctrl + and − on the welcome, unlock and
/// recovery screens, before the vault (where the setting lives) is open. The size is
/// saved once it opens.
#[tauri::command]
#[specta::specta]
pub async fn window_set_text_scale(webview: Webview, percent: u32) -> Result<(), AppError> {
    zoom(&webview, allia_core::settings::text_scale_checked(percent)?);
    Ok(())
}

/// The whole page zooms (layout included, so the CSS viewport narrows and the narrow
/// layout's breakpoints apply), on WebKitGTK, WebView2 and WKWebView alike. A failure
/// leaves the page at its current size: the setting is saved anyway.
fn zoom(webview: &Webview, percent: u32) {
    if let Err(e) = webview.set_zoom(f64::from(percent) / 100.0) {
        eprintln!("Allia n’a pas pu changer la taille du texte\u{a0}: {e}");
    }
}
