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
/// fields): for a date, the form expected with an example, after the field's place
/// ([`crate::validation::field_place`]); `None` for other fields.
pub(super) fn wrong_value_hint(path: &str) -> Option<String> {
    let last = path.rsplit('.').next().unwrap_or(path);
    let hint = if DATE_FIELDS.contains(&last) {
        "date attendue au format AAAA-MM-JJ (par exemple 2025-12-01)"
    } else if DATE_TIME_FIELDS.contains(&last) {
        "date et heure attendues au format AAAA-MM-JJTHH:MM:SSZ (par exemple 2025-12-01T09:30:00Z)"
    } else {
        return None;
    };
    Some(match crate::validation::field_place(path) {
        Some(place) => format!("{place}\u{a0}: {hint}"),
        None => format!("{path}\u{a0}: {hint}"),
    })
}
