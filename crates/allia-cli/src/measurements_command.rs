//! `allia measurements-export` and `allia measurements-import`: an alliance's
//! measurements as a CSV file for a French spreadsheet, and a file of measurements read
//! back into the vault, all or nothing, every problem said with its line and column.
//!
//! The rules are allia-core's (`evaluation::csv`: `export_measurements`,
//! `export_indicators`, `parse_against_overview`) and the storing allia-store's
//! (`Store::import_measurements`, one transaction), called in the order the app's
//! « Exporter les mesures (CSV) » / « Importer des mesures (CSV) » call them
//! (src-tauri `commands/evaluation_csv.rs`), so the file written is byte for byte the
//! app's and a file the app refuses is refused here for the same reasons.

use std::path::Path;

use allia_core::evaluation::csv::{
    export_indicators, export_measurements, parse_against_overview, CsvLineError, ExportNames,
    MeasurementsImport, IMPORT_FILE_MAX_BYTES,
};
use chrono::NaiveDate;

use crate::commands::{
    close_after_change, find_alliance, refuse_to_overwrite, unlock, write_bytes,
};
use crate::error::CliError;

/// How many line errors `measurements-import` prints before saying how many more there are.
const SHOWN_LINE_ERRORS: usize = 100;

/// The day the rules about time are read for (a measurement dated after it is refused,
/// the indicators' status is as of it): the computer's date, as the app's clock without
/// its end-to-end hook.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// « 1 mesure », « 12 mesures »; counts with the French thousands mark.
fn count(n: usize, one: &str, many: &str) -> String {
    let word = if n > 1 { many } else { one };
    format!("{} {word}", allia_core::validation::french_count(n))
}

/// `allia measurements-export`: writes `alliance`'s measurements file (one line per
/// measurement, the file the import reads back), or with `indicators` its indicators
/// table (one line per indicator, its latest value and its status as of today; export
/// only), to `out`: the bytes the app's export writes for the same vault. `out` is
/// refused when it exists, unless `force`, before the passphrase is asked. Prints what
/// was written.
pub async fn export(
    vault: &Path,
    alliance: &str,
    out: &Path,
    indicators: bool,
    force: bool,
) -> Result<(), CliError> {
    refuse_to_overwrite(out, force)?;
    // Said before the passphrase is asked, with the folder's name: the system would
    // only say the file is not found.
    if let Some(folder) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !folder.is_dir() {
            return Err(crate::error::missing_folder(folder));
        }
    }
    let vault = unlock(vault).await?;
    let store = vault.store();
    let today = today();
    let read = async {
        let found = find_alliance(store, alliance).await?;
        let overview = store.evaluation_overview(&found.id, today).await?;
        let measurements: usize = overview
            .indicators
            .iter()
            .map(|v| v.measurements.len())
            .sum();
        let bytes = if indicators {
            let objectives = store.objectives_overview(&found.id, today).await?;
            let partners = store.partners(&found.id).await?;
            let names = ExportNames::new(&objectives, &partners);
            export_indicators(&overview.indicators, &names, today)
        } else {
            export_measurements(&overview.indicators)
        };
        Ok::<_, CliError>((found, overview.indicators.len(), measurements, bytes))
    }
    .await;
    vault.close().await;
    let (found, indicator_count, measurement_count, bytes) = read?;
    write_bytes(out, &bytes)?;
    let what = if indicators {
        count(indicator_count, "indicateur", "indicateurs")
    } else {
        format!(
            "{} de {}",
            count(measurement_count, "mesure", "mesures"),
            count(indicator_count, "indicateur", "indicateurs")
        )
    };
    println!(
        "{} écrit\u{a0}: {what} de «\u{a0}{}\u{a0}».",
        out.display(),
        found.draft.name
    );
    Ok(())
}

/// The file's bytes, at most one past [`IMPORT_FILE_MAX_BYTES`] (the core refuses a
/// bigger file on line 1 without reading the rest), as the app reads it.
fn read_capped(path: &Path) -> Result<Vec<u8>, CliError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            if f.metadata()?.is_dir() {
                return Err(std::io::ErrorKind::IsADirectory.into());
            }
            f.take(IMPORT_FILE_MAX_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
        })
        .map_err(|e| crate::error::io_problem("de lire", path, &e))?;
    Ok(bytes)
}

/// One problem of the file as the app's preview words it: « Ligne 4, colonne « Date » :
/// … », or « Ligne 4 : … » for the whole line.
fn line_error(e: &CsvLineError) -> String {
    match &e.column {
        Some(column) => format!(
            "Ligne {}, colonne «\u{a0}{column}\u{a0}»\u{a0}: {}",
            e.line, e.message
        ),
        None => format!("Ligne {}\u{a0}: {}", e.line, e.message),
    }
}

/// How the lines of one indicator read in the preview.
#[derive(Default)]
struct IndicatorLines<'a> {
    name: &'a str,
    lines: usize,
    recorded: usize,
    wrong: usize,
}

/// « (déjà enregistrée) », « (toutes en erreur) », « (dont 3 déjà enregistrées, 1 en
/// erreur) »: what the lines of one indicator hold besides new measurements; empty when
/// nothing.
fn remarks(group: &IndicatorLines) -> String {
    let all = |one: &str, many: &str| format!(" ({})", if group.lines > 1 { many } else { one });
    if group.wrong == 0 && group.recorded == group.lines {
        return all("déjà enregistrée", "toutes déjà enregistrées");
    }
    if group.wrong == group.lines {
        return all("en erreur", "toutes en erreur");
    }
    let mut parts = Vec::new();
    if group.recorded > 0 {
        let plural = if group.recorded > 1 { "s" } else { "" };
        parts.push(format!("{} déjà enregistrée{plural}", group.recorded));
    }
    if group.wrong > 0 {
        parts.push(format!("{} en erreur", group.wrong));
    }
    if parts.is_empty() {
        return String::new();
    }
    format!(" (dont {})", parts.join(", "))
}

/// The preview: how many lines, for which indicators (in the file's order), how many
/// already recorded or wrong, and the columns ignored.
fn print_preview(file: &Path, import: &MeasurementsImport) {
    let mut groups: Vec<IndicatorLines> = Vec::new();
    for row in &import.rows {
        let at = match groups.iter().position(|g| g.name == row.indicator) {
            Some(at) => at,
            None => {
                groups.push(IndicatorLines {
                    name: &row.indicator,
                    ..Default::default()
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[at];
        group.lines += 1;
        group.recorded += usize::from(row.already_recorded);
        group.wrong += usize::from(row.has_error);
    }
    if import.rows.is_empty() {
        println!("{}\u{a0}: aucune ligne de mesure.", file.display());
    } else {
        println!(
            "{}\u{a0}: {} pour {}.",
            file.display(),
            count(import.rows.len(), "ligne de mesure", "lignes de mesures"),
            count(groups.len(), "indicateur", "indicateurs")
        );
    }
    for group in &groups {
        let shown = if group.name.is_empty() {
            "(sans indicateur)"
        } else {
            group.name
        };
        println!(
            "  «\u{a0}{shown}\u{a0}»\u{a0}: {}{}",
            count(group.lines, "mesure", "mesures"),
            remarks(group)
        );
    }
    if !import.ignored_columns.is_empty() {
        println!(
            "Colonnes ignorées\u{a0}: {}.",
            import.ignored_columns.join(", ")
        );
    }
}

/// `allia measurements-import`: reads `input` against `alliance`'s indicators and
/// measurements as of today (allia-core's `parse_against_overview`, as the app's
/// preview), prints the preview, then: when any line is wrong, every problem on stderr
/// with its line and column, nothing imported, an error; else, unless `dry_run`, the
/// new measurements imported in one transaction (`Store::import_measurements`, all or
/// nothing; the lines repeating a recorded measurement are left out) and their number
/// printed. The file is read before the passphrase is asked: a missing one is said at
/// once.
pub async fn import(
    vault: &Path,
    alliance: &str,
    input: &Path,
    dry_run: bool,
) -> Result<(), CliError> {
    let bytes = read_capped(input)?;
    let vault = unlock(vault).await?;
    let store = vault.store();
    let today = today();
    let read = async {
        let found = find_alliance(store, alliance).await?;
        let overview = store.evaluation_overview(&found.id, today).await?;
        let import = parse_against_overview(&bytes, overview, today);
        Ok::<_, CliError>((found, import))
    }
    .await;
    let (found, import) = match read {
        Ok(read) => read,
        Err(e) => {
            vault.close().await;
            return Err(e);
        }
    };
    print_preview(input, &import);
    let already = import.rows.iter().filter(|r| r.already_recorded).count();
    let left_out = match already {
        0 => String::new(),
        n => format!(
            " ({} déjà enregistrée{}, laissée{} de côté)",
            allia_core::validation::french_count(n),
            if n > 1 { "s" } else { "" },
            if n > 1 { "s" } else { "" }
        ),
    };
    if !import.errors.is_empty() {
        vault.close().await;
        // What concerns the whole file first (its size, its columns), then the lines, the
        // first ones only: a wrong file would otherwise bury its cause under thousands.
        let (whole, lines): (Vec<_>, Vec<_>) =
            import.errors.iter().partition(|e| e.column.is_none());
        for e in whole.iter().chain(lines.iter().take(SHOWN_LINE_ERRORS)) {
            eprintln!("{}", line_error(e));
        }
        if lines.len() > SHOWN_LINE_ERRORS {
            eprintln!(
                "… et {}.",
                count(
                    lines.len() - SHOWN_LINE_ERRORS,
                    "autre erreur",
                    "autres erreurs"
                )
            );
        }
        return Err(CliError::new(format!(
            "aucune mesure importée\u{a0}: le fichier a {} (corrigez-{} puis relancez).",
            count(import.errors.len(), "erreur", "erreurs"),
            if import.errors.len() > 1 { "les" } else { "la" }
        )));
    }
    let new = import.drafts.len();
    if dry_run {
        vault.close().await;
        println!(
            "Vérification seule, rien n’a été modifié\u{a0}: {} {}{left_out}.",
            count(new, "mesure", "mesures"),
            if new > 1 {
                "seraient importées"
            } else {
                "serait importée"
            }
        );
        return Ok(());
    }
    if new == 0 {
        vault.close().await;
        println!("Aucune mesure nouvelle à importer{left_out}.");
        return Ok(());
    }
    let imported = store.import_measurements(&found.id, &import.drafts).await;
    close_after_change(vault).await;
    let imported = imported?;
    println!(
        "{} dans «\u{a0}{}\u{a0}»{left_out}.",
        count(imported, "mesure importée", "mesures importées"),
        found.draft.name
    );
    Ok(())
}
