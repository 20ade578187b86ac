//! The CSV exchange of « Évaluation » (allia-core's `evaluation::csv`): the measurements
//! and the indicators table saved where the person chooses, and a file of measurements
//! chosen, previewed, then imported. The chosen file stays on the Rust side (the web view
//! never hands a path back): its bytes wait in [`AppState::pending_measurements`] between
//! the preview and the import, and are read again at the import, against the vault as it
//! is then.

use allia_core::evaluation::csv::{
    export_indicators, export_measurements, parse_against_overview, CsvLineError, ExportNames,
    MeasurementPreviewRow, MeasurementsImport, IMPORT_FILE_MAX_BYTES,
};
use allia_store::Store;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};

use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// Which file « Exporter … (CSV) » writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationCsv {
    /// One line per measurement: the file the import reads back.
    Measurements,
    /// One line per indicator, with its latest value and its status.
    Indicators,
}

/// A file of measurements chosen for import and not yet imported.
pub struct PendingMeasurements {
    /// The alliance it was previewed for.
    pub alliance_id: String,
    pub bytes: Vec<u8>,
}

/// What a chosen file of measurements holds, before anything is imported.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MeasurementsCsvPreview {
    /// The chosen file's name (without its folder).
    pub file_name: String,
    /// Every line but the header and the empty ones, as typed.
    pub rows: Vec<MeasurementPreviewRow>,
    /// Every problem, with its line and column; any problem means nothing can be
    /// imported from this file.
    pub errors: Vec<CsvLineError>,
    /// How many measurements `evaluation_csv_import` would add: 0 when `errors` is not
    /// empty.
    pub importable: u32,
    /// How many lines repeat a measurement the alliance has (left out of the import).
    pub already_recorded: u32,
    /// The header's names of the columns the import does not know and ignores (« Notes »
    /// added in a spreadsheet), each once, in the file's order; the screen names them
    /// above the preview.
    pub ignored_columns: Vec<String>,
}

/// Reads `bytes` against the alliance's indicators and measurements as they are now.
async fn read_file(
    store: &Store,
    alliance_id: &str,
    bytes: Vec<u8>,
) -> Result<MeasurementsImport, AppError> {
    let today = crate::clock::today();
    let overview = store.evaluation_overview(alliance_id, today).await?;
    super::blocking(
        "La lecture du fichier a été interrompue.",
        move || -> Result<_, AppError> { Ok(parse_against_overview(&bytes, overview, today)) },
    )
    .await
}

/// « Exporter les mesures (CSV) » / « Exporter les indicateurs (CSV) »: writes the file
/// for a French spreadsheet (UTF-8 with its mark, « ; », decimal comma, JJ/MM/AAAA) where
/// the save dialog says (`mesures-<alliance>.csv`, `indicateurs-<alliance>.csv`
/// suggested). The indicators' status is as of today (`crate::clock::today()`). Returns
/// the path written, or `None` when the person cancelled the dialog.
#[tauri::command]
#[specta::specta]
pub async fn evaluation_csv_export(
    app: AppHandle,
    state: State<'_, AppState>,
    alliance_id: String,
    which: EvaluationCsv,
) -> Result<Option<String>, AppError> {
    state.touch();
    let store = state.store().await?;
    let alliance = store.alliance(&alliance_id).await?;
    let today = crate::clock::today();
    let overview = store.evaluation_overview(&alliance_id, today).await?;
    let bytes = match which {
        EvaluationCsv::Measurements => export_measurements(&overview.indicators),
        EvaluationCsv::Indicators => {
            let objectives = store.objectives_overview(&alliance_id, today).await?;
            let partners = store.partners(&alliance_id).await?;
            let names = ExportNames::new(&objectives, &partners);
            export_indicators(&overview.indicators, &names, today)
        }
    };
    let (title, prefix) = match which {
        EvaluationCsv::Measurements => ("Exporter les mesures", "mesures"),
        EvaluationCsv::Indicators => ("Exporter les indicateurs", "indicateurs"),
    };
    let suggested = format!(
        "{prefix}-{}.csv",
        crate::dialogs::file_slug(&alliance.draft.name)
    );
    let Some(path) =
        crate::dialogs::choose_save_path(&app, title, &suggested, "Fichier CSV", "csv").await
    else {
        return Ok(None);
    };
    std::fs::write(&path, bytes)
        .map_err(|e| AppError::io("Impossible d’enregistrer le fichier CSV à cet endroit", &e))?;
    Ok(Some(path.to_string_lossy().into_owned()))
}

/// « Importer des mesures (CSV) »: asks for the file (system dialog), reads it against
/// the alliance's indicators and measurements, keeps it for `evaluation_csv_import` and
/// returns what it holds: its lines (those that repeat a measurement of the alliance
/// marked, and left out) and every problem with its line and column. `None`
/// when the person cancelled the dialog. A file over 10 MiB is refused unread (a problem
/// on line 1).
#[tauri::command]
#[specta::specta]
pub async fn evaluation_csv_preview(
    app: AppHandle,
    state: State<'_, AppState>,
    alliance_id: String,
) -> Result<Option<MeasurementsCsvPreview>, AppError> {
    state.touch();
    let store = state.store().await?;
    store.alliance(&alliance_id).await?;
    let Some(path) = crate::dialogs::choose_open_path_among(
        &app,
        "Importer des mesures",
        "Fichier CSV",
        &["csv", "txt"],
    )
    .await
    else {
        return Ok(None);
    };
    let bytes =
        read_capped(&path).map_err(|e| AppError::io("Impossible de lire ce fichier", &e))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let import = read_file(&store, &alliance_id, bytes.clone()).await?;
    *state.pending_measurements.lock().await = Some(PendingMeasurements { alliance_id, bytes });
    let already_recorded = import.rows.iter().filter(|r| r.already_recorded).count();
    Ok(Some(MeasurementsCsvPreview {
        file_name,
        importable: u32::try_from(import.drafts.len()).unwrap_or(u32::MAX),
        already_recorded: u32::try_from(already_recorded).unwrap_or(u32::MAX),
        rows: import.rows,
        errors: import.errors,
        ignored_columns: import.ignored_columns,
    }))
}

/// The file's bytes, at most one past [`IMPORT_FILE_MAX_BYTES`].
fn read_capped(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(IMPORT_FILE_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// « Importer N mesures »: imports the file previewed for this alliance, read again
/// against the vault as it is now, all or nothing. Returns the number of measurements
/// added. Refused (`precondition`) when no file was previewed for this alliance, or
/// when the file now has a problem (an indicator deleted, a measurement added since the
/// preview): nothing is imported then. The file is forgotten once imported.
#[tauri::command]
#[specta::specta]
pub async fn evaluation_csv_import(
    state: State<'_, AppState>,
    alliance_id: String,
) -> Result<u32, AppError> {
    state.touch();
    let store = state.store().await?;
    let mut pending = state.pending_measurements.lock().await;
    let bytes =
        match pending.as_ref() {
            Some(file) if file.alliance_id == alliance_id => file.bytes.clone(),
            _ => return Err(AppError::new(
                ErrorCode::Precondition,
                "Aucun fichier de mesures n’est en cours d’import\u{a0}: choisissez-le à nouveau.",
            )),
        };
    let import = read_file(&store, &alliance_id, bytes).await?;
    if let Some(first) = import.errors.first() {
        return Err(AppError::new(
            ErrorCode::Precondition,
            format!(
                "Aucune mesure n’a été importée\u{a0}: le fichier a maintenant {} erreur{} \
                 (ligne {}\u{a0}: {}). Choisissez-le à nouveau pour voir le détail.",
                allia_core::validation::french_count(import.errors.len()),
                if import.errors.len() > 1 { "s" } else { "" },
                first.line,
                first.message
            ),
        ));
    }
    let count = store
        .import_measurements(&alliance_id, &import.drafts)
        .await?;
    *pending = None;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}
