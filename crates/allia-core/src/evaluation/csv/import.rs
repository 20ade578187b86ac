//! Reading a file of measurements: the header, then each line checked cell by cell,
//! then as a measurement (`MeasurementDraft::validated`).
//!
//! This file holds the columns, the header, the errors and the file-level reading;
//! `import/line.rs` reads one line against the alliance's indicators and measurements.

mod line;

use std::collections::HashMap;

use chrono::NaiveDate;

use super::cells::{decode, format_date, sniff_separator, unguard_text};
use super::{
    CsvLineError, MeasurementsImport, IMPORT_FILE_MAX_BYTES, IMPORT_ROWS_MAX, MEASUREMENT_COLUMNS,
};
use crate::evaluation::records::{Indicator, Measurement};
use crate::text::collation_key;

use line::{read_line, Lookup};

/// A column of the measurements file, in [`MEASUREMENT_COLUMNS`]' order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    Indicator,
    IndicatorId,
    Unit,
    Date,
    Value,
    Numerator,
    Denominator,
    Comment,
    Source,
}

const COLUMNS: [Column; 9] = [
    Column::Indicator,
    Column::IndicatorId,
    Column::Unit,
    Column::Date,
    Column::Value,
    Column::Numerator,
    Column::Denominator,
    Column::Comment,
    Column::Source,
];

impl Column {
    fn label(self) -> &'static str {
        let index = COLUMNS.iter().position(|c| *c == self).unwrap_or_default();
        MEASUREMENT_COLUMNS[index]
    }

    /// The column a header names: its collation key equals a column's (« unite »,
    /// « IDENTIFIANT DE L'INDICATEUR »), or a short form people write (« Identifiant »,
    /// « Id », « Nom de l’indicateur »).
    fn named(header: &str) -> Option<Column> {
        let key = collation_key(header);
        COLUMNS
            .into_iter()
            .find(|c| collation_key(c.label()) == key)
            .or(match key.as_str() {
                "identifiant" | "id" => Some(Column::IndicatorId),
                "nom de l indicateur" => Some(Column::Indicator),
                _ => None,
            })
    }

    /// The field of `MeasurementDraft::validated`'s errors this column holds.
    fn of_field(field: &str) -> Option<Column> {
        Some(match field {
            "indicatorId" => Column::IndicatorId,
            "date" => Column::Date,
            "value" => Column::Value,
            "numerator" => Column::Numerator,
            "denominator" => Column::Denominator,
            "comment" => Column::Comment,
            "source" => Column::Source,
            _ => return None,
        })
    }
}

/// The file's header: which column each cell position holds, and how the file names it.
struct Header {
    /// Per position; `None` for a cell with no name.
    columns: Vec<Option<Column>>,
    names: Vec<String>,
}

impl Header {
    fn position(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(column))
    }

    /// The column's name as the file writes it, or as the export does when it is absent.
    fn name(&self, column: Column) -> String {
        self.position(column)
            .and_then(|i| self.names.get(i))
            .cloned()
            .unwrap_or_else(|| column.label().to_string())
    }
}

/// The errors of one file, with the header to name columns.
struct Errors<'a> {
    header: &'a Header,
    list: Vec<CsvLineError>,
}

impl Errors<'_> {
    fn at(&mut self, line: u32, column: Option<Column>, message: impl Into<String>) {
        self.list.push(CsvLineError {
            line,
            column: column.map(|c| self.header.name(c)),
            message: message.into(),
        });
    }
}

/// A file of measurements read for `indicators` (the alliance's) as of `today`: its
/// preview, its errors and, when it has none, the measurements to import. The rules are
/// the module's (`super`); a line that gives the same indicator and date as an earlier
/// line is an error too (the second would count the period twice), and so is a date after
/// `today` or before its indicator's baseline date (`MeasurementDraft::context_errors`,
/// on the « Date » column).
pub fn parse_measurements(
    bytes: &[u8],
    indicators: &[Indicator],
    today: NaiveDate,
) -> MeasurementsImport {
    parse_new_measurements(bytes, indicators, &[], today)
}

/// [`parse_new_measurements`] against an alliance's evaluation as the store reads it: its
/// indicators, and the measurements they already have. What the app's and the command
/// line's « importer des mesures » both check a file with.
pub fn parse_against_overview(
    bytes: &[u8],
    overview: crate::evaluation::EvaluationOverview,
    today: NaiveDate,
) -> MeasurementsImport {
    let indicators: Vec<Indicator> = overview
        .indicators
        .iter()
        .map(|v| v.indicator.clone())
        .collect();
    let recorded: Vec<Measurement> = overview
        .indicators
        .into_iter()
        .flat_map(|v| v.measurements)
        .collect();
    parse_new_measurements(bytes, &indicators, &recorded, today)
}

/// [`parse_measurements`] against `recorded`, the alliance's measurements: a line that
/// repeats one of them (same indicator, date, figures, comment and source) is shown as
/// already recorded (`MeasurementPreviewRow::already_recorded`) and left out of the drafts,
/// so an exported file completed in a spreadsheet imports only its new lines, and a file
/// imported twice adds nothing the second time; a line giving an indicator another
/// measurement at a date where it has one is an error (an import adds measurements and
/// never replaces one).
pub fn parse_new_measurements(
    bytes: &[u8],
    indicators: &[Indicator],
    recorded: &[Measurement],
    today: NaiveDate,
) -> MeasurementsImport {
    let mut import = MeasurementsImport::default();
    if bytes.len() > IMPORT_FILE_MAX_BYTES {
        import.errors.push(CsvLineError {
            line: 1,
            column: None,
            message: "Le fichier dépasse 10\u{a0}Mo\u{a0}: découpez-le en plusieurs fichiers."
                .to_string(),
        });
        return import;
    }
    let text = decode(bytes);
    let separator = sniff_separator(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let lines = Lines::new(&text);
    let mut records = reader.records();
    let header_record = match records.next() {
        Some(Ok(record)) => record,
        Some(Err(error)) => {
            import.errors.push(unreadable(&error, &lines, 1));
            return import;
        }
        None => {
            import.errors.push(CsvLineError {
                line: 1,
                column: None,
                message: "Le fichier est vide\u{a0}: la première ligne doit nommer les \
                          colonnes (Indicateur, Date, Valeur…)."
                    .to_string(),
            });
            return import;
        }
    };
    let header_line = lines.of(header_record.position(), 1);
    let header = Header {
        columns: header_record
            .iter()
            .map(|name| Column::named(unguard_text(name.trim())))
            .collect(),
        names: header_record.iter().map(|n| n.trim().to_string()).collect(),
    };
    let mut errors = Errors {
        header: &header,
        list: Vec::new(),
    };
    import.ignored_columns = check_header(&mut errors, header_line);
    if !errors.list.is_empty() {
        import.errors = errors.list;
        return import;
    }
    let lookup = Lookup::new(indicators, recorded);
    let mut seen: HashMap<(String, chrono::NaiveDate), u32> = HashMap::new();
    let mut drafts = Vec::new();
    for (index, record) in records.enumerate() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let fallback = header_line.saturating_add(u32::try_from(index + 1).unwrap_or(0));
                errors.list.push(unreadable(&error, &lines, fallback));
                continue;
            }
        };
        let line = lines.of(record.position(), header_line);
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if import.rows.len() >= IMPORT_ROWS_MAX {
            // The file's length is then its one problem, said alone: the errors of the
            // lines before would bury it (and its lines are not imported anyway).
            errors.list.clear();
            errors.at(
                line,
                None,
                format!(
                    "Le fichier compte plus de {} mesures\u{a0}: découpez-le en plusieurs fichiers.",
                    crate::money::group_thousands(IMPORT_ROWS_MAX as u64)
                ),
            );
            break;
        }
        let (row, draft) = read_line(&mut errors, &lookup, &record, line, separator, today);
        if let Some(draft) = &draft {
            let key = (draft.indicator_id.clone(), draft.date);
            match seen.get(&key) {
                Some(earlier) => errors.at(
                    line,
                    Some(Column::Date),
                    format!(
                        "La ligne {earlier} donne déjà une mesure de «\u{a0}{}\u{a0}» au {}\u{a0}: \
                         gardez une seule ligne.",
                        row.indicator,
                        format_date(draft.date)
                    ),
                ),
                None => {
                    seen.insert(key, line);
                }
            }
        }
        if !row.already_recorded {
            drafts.extend(draft);
        }
        import.rows.push(row);
    }
    let mut list = errors.list;
    list.sort_by_key(|e| e.line);
    for row in &mut import.rows {
        row.has_error = list.iter().any(|e| e.line == row.line);
    }
    if list.is_empty() {
        import.drafts = drafts;
    }
    import.errors = list;
    import
}

/// Where each line of the text starts, to give a record its line as a text editor
/// counts it: the `csv` crate's own count misses the blank lines and counts CRLF badly.
struct Lines<'t> {
    text: &'t [u8],
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Lines<'t> {
        let text = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in text.iter().enumerate() {
            let ends = b == b'\n' || (b == b'\r' && text.get(i + 1) != Some(&b'\n'));
            if ends {
                starts.push(i + 1);
            }
        }
        Lines { text, starts }
    }

    /// The line of a record whose position is `position`: the crate places it at the
    /// end of the record before, so the line breaks after it are skipped first.
    fn of(&self, position: Option<&::csv::Position>, fallback: u32) -> u32 {
        let Some(position) = position else {
            return fallback;
        };
        let mut start = usize::try_from(position.byte()).unwrap_or(usize::MAX);
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let line = self.starts.partition_point(|&s| s <= start);
        u32::try_from(line).unwrap_or(u32::MAX)
    }
}

fn unreadable(error: &::csv::Error, lines: &Lines, fallback: u32) -> CsvLineError {
    CsvLineError {
        line: lines.of(error.position(), fallback),
        column: None,
        message: "Ligne illisible\u{a0}: vérifiez les guillemets et les séparateurs.".to_string(),
    }
}

/// Each known column once, with the indicator and the date; a measurement's indicator
/// and value. Returns the names of the columns the file has and the import does not
/// know (« Notes » added in a spreadsheet), each once, in the file's order: they are
/// ignored, not refused, and the preview names them.
fn check_header(errors: &mut Errors, line: u32) -> Vec<String> {
    let header = errors.header;
    let mut ignored: Vec<String> = Vec::new();
    for (i, (column, name)) in header.columns.iter().zip(&header.names).enumerate() {
        match column {
            None if !name.is_empty() && !ignored.contains(name) => ignored.push(name.clone()),
            Some(c) if header.columns[..i].contains(&Some(*c)) => errors.list.push(CsvLineError {
                line,
                column: Some(name.clone()),
                message: "Cette colonne apparaît deux fois.".to_string(),
            }),
            _ => {}
        }
    }
    if header.position(Column::Indicator).is_none()
        && header.position(Column::IndicatorId).is_none()
    {
        errors.at(
            line,
            None,
            "Il manque la colonne «\u{a0}Indicateur\u{a0}» (ou «\u{a0}Identifiant de l’indicateur\u{a0}»).",
        );
    }
    for column in [Column::Date, Column::Value] {
        if header.position(column).is_none() {
            errors.at(
                line,
                None,
                format!("Il manque la colonne «\u{a0}{}\u{a0}».", column.label()),
            );
        }
    }
    ignored
}
