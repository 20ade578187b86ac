//! The CSV exchange of an alliance's indicators and measurements (issue 12, item 7): the
//! measurements and the indicators table written for a French spreadsheet, and a file of
//! measurements read back with a preview and French errors line by line.
//!
//! What is written: UTF-8 with its byte-order mark (Excel reads a CSV without it in the
//! system's code page), « ; » between cells (French Excel's list separator: a comma is
//! the decimal mark there), figures with a decimal comma and no thousands mark, dates
//! JJ/MM/AAAA, French column names, cells quoted when they hold « ; », « " » or a line
//! break (the `csv` crate's rule, RFC 4180), lines ended by CRLF. A text that a
//! spreadsheet would run as a formula gets one « ' » before it ([`cells::guard_text`]).
//!
//! What is read (`import.rs`): UTF-8 with or without the mark, UTF-16 with it,
//! Windows-1252 otherwise; « ; », « , » or tab guessed from the header; a decimal comma
//! or point, thousands grouped by spaces or dots, never « 1,234 » (ambiguous); dates
//! JJ/MM/AAAA, JJ/MM/AA (the 2000s, as spreadsheets save them) or AAAA-MM-JJ; the indicator by its id or its name; a column of another
//! name ignored and named in the preview. Every problem is a
//! [`CsvLineError`] with its line and column, and a file with any problem gives nothing
//! to import.
//!
//! `export.rs` writes, `import.rs` reads, `cells.rs` holds the cell-level rules.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::records::MeasurementDraft;
use crate::objectives::ObjectivesOverview;
use crate::partner::Partner;

pub mod cells;
mod export;
mod import;

pub use export::{export_indicators, export_measurements};
pub use import::{parse_against_overview, parse_measurements, parse_new_measurements};

/// The columns of the measurements file, in the order written. The import finds them by
/// name (case, accents and punctuation ignored), in any order; a column of another name
/// is ignored ([`MeasurementsImport::ignored_columns`]).
pub const MEASUREMENT_COLUMNS: [&str; 9] = [
    "Indicateur",
    "Identifiant de l’indicateur",
    "Unité",
    "Date",
    "Valeur",
    "Numérateur",
    "Dénominateur",
    "Commentaire",
    "Source",
];

/// The columns of the indicators table, in the order written (export only).
pub const INDICATOR_COLUMNS: [&str; 19] = [
    "Indicateur",
    "Identifiant de l’indicateur",
    "Objectif",
    "Niveau",
    "Unité",
    "Sens",
    "Agrégation",
    "Valeur de référence",
    "Date de référence",
    "Cible",
    "Date cible",
    "Valeur actuelle",
    "Date de la valeur actuelle",
    "Statut",
    "Fréquence de collecte",
    "Responsable",
    "Source des données",
    "Référence de la source",
    "Méthode d’analyse",
];

/// The most measurements one file may hold: far above the 3 600 points of the scale
/// target (60 indicators × 5 years × 12 months), low enough that a wrong file (a whole
/// accounting export) is refused quickly.
pub const IMPORT_ROWS_MAX: usize = 20_000;

/// The largest file of measurements read, in bytes (10 MiB: twice what
/// [`IMPORT_ROWS_MAX`] lines with long comments take). The shell reads at most one byte
/// more, so a huge file is refused unread.
pub const IMPORT_FILE_MAX_BYTES: usize = 10 * 1024 * 1024;

/// One problem of an imported file, shown as « Ligne 4, colonne « Date » : … ».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CsvLineError {
    /// The line in the file, from 1 (the header); a line break inside a quoted cell
    /// counts, as a text editor counts it.
    pub line: u32,
    /// The column's name as the file's header writes it; `None` for the whole line.
    pub column: Option<String>,
    /// What is wrong, in French.
    pub message: String,
}

/// One line of an imported file as the preview shows it: the cells as typed (trimmed),
/// the indicator's name as the alliance writes it when it is found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MeasurementPreviewRow {
    pub line: u32,
    pub indicator: String,
    pub unit: String,
    pub date: String,
    pub value: String,
    pub numerator: String,
    pub denominator: String,
    pub comment: String,
    pub source: String,
    /// Whether one of [`MeasurementsImport::errors`] is about this line.
    pub has_error: bool,
    /// The line repeats a measurement the alliance has (`parse_new_measurements`): it is
    /// left out of the import.
    pub already_recorded: bool,
}

/// What [`parse_measurements`] read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeasurementsImport {
    /// Every line but the header and the empty ones, in the file's order.
    pub rows: Vec<MeasurementPreviewRow>,
    /// Every problem, by line.
    pub errors: Vec<CsvLineError>,
    /// The header's names of the columns the import does not know (« Notes » added in a
    /// spreadsheet), each once, in the file's order: their cells are not read, and the
    /// preview says so (« Colonnes ignorées : Notes. »). Empty when every column is known.
    pub ignored_columns: Vec<String>,
    /// The measurements, validated (`MeasurementDraft::validated`), one per row not
    /// already recorded, when `errors` is empty; empty otherwise: a file with any bad line
    /// imports nothing.
    pub drafts: Vec<MeasurementDraft>,
}

/// The names the indicators table writes for the ids it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportNames {
    /// Objective id → its title (strategic) or wording (operational).
    pub objectives: HashMap<String, String>,
    /// Partner id → its organisation's name.
    pub partners: HashMap<String, String>,
}

impl ExportNames {
    /// The names of an alliance's objectives and partners.
    pub fn new(objectives: &ObjectivesOverview, partners: &[Partner]) -> ExportNames {
        let mut names = ExportNames::default();
        for strategic in &objectives.strategic {
            let objective = &strategic.objective;
            names
                .objectives
                .insert(objective.id.clone(), objective.draft.title.clone());
            for operational in &strategic.operational {
                let objective = &operational.objective;
                names
                    .objectives
                    .insert(objective.id.clone(), objective.draft.wording.clone());
            }
        }
        for partner in partners {
            names
                .partners
                .insert(partner.id.clone(), partner.draft.organisation.name.clone());
        }
        names
    }
}

#[cfg(test)]
#[path = "csv_tests/mod.rs"]
mod tests;
