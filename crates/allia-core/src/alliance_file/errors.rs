//! Why bytes are not an alliance file, in French.

use super::{ALLIANCE_FILE_FORMAT, ALLIANCE_FILE_MAX_BYTES};
use crate::validation::french_count;

/// Why bytes are not an alliance file. `Display` is a whole French sentence for the
/// app; [`AllianceFileError::problem`] is the short reason the command line quotes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllianceFileError {
    /// Over [`ALLIANCE_FILE_MAX_BYTES`]; `bytes` is how many were read (at least one
    /// more than the cap).
    #[error(
        "Ce fichier est trop volumineux pour un fichier d’alliance ({}).",
        too_large_reason()
    )]
    TooLarge { bytes: usize },
    /// Not JSON, or not the alliance file's shape. `line` and `column` start at 1
    /// (column 0 when the problem is the end of the file).
    #[error("Ce fichier n’est pas un fichier d’alliance Allia valide (ligne {line}, colonne {column}\u{a0}: {problem}).")]
    Malformed {
        line: usize,
        column: usize,
        /// What is wrong, in French (« champ « alliance » manquant », « alliance, date
        /// de début : date attendue au format AAAA-MM-JJ (par exemple 2025-12-01) »).
        problem: String,
    },
    /// A `format` number this version does not read (a newer Allia wrote it).
    #[error("Ce fichier d’alliance est au format {format}, que cette version d’Allia ne sait pas lire (formats 1 et {ALLIANCE_FILE_FORMAT})\u{a0}: mettez Allia à jour.")]
    UnknownFormat { format: u64 },
    /// Bytes that are not an alliance file at all, with what to do: an empty file, a file
    /// not encoded in UTF-8 (or UTF-16 with its byte-order mark), a binary file, JSON that
    /// is not an object. `reason` is the whole French sentence.
    #[error("{reason}")]
    NotAllianceFile { reason: String },
    /// JSON of the right form whose values do not fit the alliance file's shape in
    /// several records: one problem per failing record (the first one met in it), each
    /// « place : reason (path) », in the file's order. (A single misshapen value is
    /// [`AllianceFileError::Malformed`], with its line and column.) `Display` puts each
    /// problem on its own line after the sentence, as the app's error notice lists them.
    #[error(
        "Ce fichier n’est pas un fichier d’alliance Allia valide ({} problèmes)\u{a0}:\n{}",
        problems.len(),
        problems.join("\n")
    )]
    Shape { problems: Vec<String> },
}

/// « Le fichier est vide… »: no byte, or only blanks.
pub(super) const EMPTY_FILE: &str =
    "Le fichier est vide\u{a0}: ce n’est pas un fichier d’alliance.";
/// A file with NUL bytes or other control bytes: an image, a PDF, an archive…
pub(super) const BINARY_FILE: &str =
    "Ce fichier n’est pas un fichier d’alliance (contenu binaire).";
/// JSON, but an array, a number, a string…
pub(super) const NOT_AN_OBJECT: &str = "Ce fichier JSON n’est pas un fichier d’alliance\u{a0}: un objet { … } avec « format », « alliance » et « partners » est attendu.";

/// Bytes that are not UTF-8 (Latin-1, Windows-1252): where the first unreadable byte
/// is, lines and columns (in characters) from 1, and how to fix it.
pub(super) fn not_utf8(line: usize, column: usize) -> String {
    format!("Ce fichier n’est pas encodé en UTF-8 (octet illisible ligne {line}, colonne {column})\u{a0}: enregistrez-le en UTF-8 depuis votre éditeur.")
}

pub(super) fn too_large_reason() -> String {
    format!(
        "{}\u{a0}Mio au plus",
        french_count(ALLIANCE_FILE_MAX_BYTES / (1024 * 1024))
    )
}

impl AllianceFileError {
    /// The reason alone, in French, without the sentence around it.
    pub fn problem(&self) -> String {
        match self {
            AllianceFileError::TooLarge { .. } => too_large_reason(),
            AllianceFileError::Malformed { problem, .. } => problem.clone(),
            AllianceFileError::UnknownFormat { format } => format!(
                "format {format} inconnu de cette version d’Allia (formats 1 et {ALLIANCE_FILE_FORMAT})"
            ),
            AllianceFileError::NotAllianceFile { reason } => reason.clone(),
            AllianceFileError::Shape { problems } => problems.join("\n"),
        }
    }
}

/// serde_json's message, reduced to what matters, in French. (The guillemets keep
/// plain spaces: the command line has always printed them so, and scripts match it.)
pub fn json_problem(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let text = e.to_string();
    let quoted = |marker: &str| {
        text.split_once(marker)
            .and_then(|(_, rest)| rest.split('`').next())
            .map(str::to_string)
    };
    match e.classify() {
        Category::Syntax if text.starts_with("recursion limit exceeded") => {
            "imbrication trop profonde".into()
        }
        Category::Syntax => "JSON mal formé".into(),
        Category::Eof => "fichier tronqué".into(),
        Category::Io => "lecture interrompue".into(),
        Category::Data => {
            if let Some(field) = quoted("missing field `") {
                format!("champ « {field} » manquant")
            } else if let Some(field) = quoted("duplicate field `") {
                format!("champ « {field} » en double")
            } else if let Some(value) = quoted("unknown variant `") {
                format!("valeur « {value} » inconnue")
            } else {
                "valeur d’un type inattendu".into()
            }
        }
    }
}

/// The fields of an alliance file that hold a date (`AAAA-MM-JJ`).
const DATE_FIELDS: [&str; 4] = ["startDate", "signatureDate", "signedOn", "date"];
/// The fields of an alliance file that hold a date and time (RFC 3339).
const DATE_TIME_FIELDS: [&str; 3] = ["createdAt", "updatedAt", "frozenAt"];

/// What to say about a value of the wrong type at `path` (dotted, as validation names
/// fields): for a date, the form expected with an example, or « date inexistante » when
/// `value` (the value found there, when known) has the right form but names no day
/// (2025-13-45), after the field's place ([`crate::validation::field_place`]); `None`
/// for other fields.
pub(super) fn wrong_value_hint(path: &str, value: Option<&serde_json::Value>) -> Option<String> {
    let last = path.rsplit('.').next().unwrap_or(path);
    let text = value.and_then(serde_json::Value::as_str);
    let hint = if let Some(impossible) = text
        .filter(|_| DATE_FIELDS.contains(&last) || DATE_TIME_FIELDS.contains(&last))
        .and_then(impossible_date)
    {
        impossible
    } else if DATE_FIELDS.contains(&last) {
        "date attendue au format AAAA-MM-JJ (par exemple 2025-12-01)".to_string()
    } else if DATE_TIME_FIELDS.contains(&last) {
        "date et heure attendues au format AAAA-MM-JJTHH:MM:SSZ (par exemple 2025-12-01T09:30:00Z)"
            .to_string()
    } else {
        return None;
    };
    Some(match crate::validation::field_place(path) {
        Some(place) => format!("{place}\u{a0}: {hint}"),
        None => format!("{path}\u{a0}: {hint}"),
    })
}

/// « date inexistante : 2025-13-45 (mois 13) » when `text` starts with a date of the
/// right form (`AAAA-MM-JJ`, digits) that names no day of the calendar; `None` when it
/// is a real day or not of that form.
fn impossible_date(text: &str) -> Option<String> {
    let date = text.get(..10)?;
    let b = date.as_bytes();
    let form = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    if !form {
        return None;
    }
    let number = |range: std::ops::Range<usize>| date.get(range)?.parse::<u32>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let year = i32::try_from(year).ok()?;
    if chrono::NaiveDate::from_ymd_opt(year, month, day).is_some() {
        return None;
    }
    let why = if (1..=12).contains(&month) {
        format!("jour {day}")
    } else {
        format!("mois {month}")
    };
    Some(format!("date inexistante\u{a0}: {date} ({why})"))
}
