//! One-line French errors for the person at the terminal.

use std::fmt;

use allia_core::FieldError;
use allia_store::StoreError;

#[derive(Debug)]
pub struct CliError(String);

impl CliError {
    pub fn new(message: impl Into<String>) -> CliError {
        CliError(message.into())
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> CliError {
        match e {
            // Every field problem on one line: a script's author needs them all.
            StoreError::Validation(errors) if errors.0.len() > 1 => CliError(
                errors
                    .0
                    .iter()
                    .map(field_problem)
                    .collect::<Vec<_>>()
                    .join(" ; "),
            ),
            StoreError::Validation(errors) => CliError(
                errors
                    .first()
                    .map(field_problem)
                    .unwrap_or_else(|| errors.user_message()),
            ),
            other => CliError(other.user_message()),
        }
    }
}

/// The French sentence for a file or folder given on the command line (`--input`,
/// `--out`, `--vault`…) that the system refused: « Fichier introuvable : <chemin> »,
/// « <chemin> est un dossier, pas un fichier », « Accès refusé à <chemin> », else
/// « impossible de <action> <chemin> » with the system's own words (in English, without
/// the « os error » number). `action` says what failed: « de lire », « d’écrire ».
pub fn io_problem(action: &str, path: &std::path::Path, e: &std::io::Error) -> CliError {
    use std::io::ErrorKind;
    let shown = path.display();
    CliError(match e.kind() {
        ErrorKind::NotFound => format!("Fichier introuvable\u{a0}: {shown}"),
        ErrorKind::IsADirectory => format!("{shown} est un dossier, pas un fichier."),
        ErrorKind::PermissionDenied => format!("Accès refusé à {shown}."),
        ErrorKind::AlreadyExists => format!("{shown} existe déjà."),
        ErrorKind::StorageFull => format!("Disque plein\u{a0}: impossible {action} {shown}."),
        ErrorKind::ReadOnlyFilesystem => {
            format!("Disque en lecture seule\u{a0}: impossible {action} {shown}.")
        }
        _ => format!(
            "impossible {action} {shown} (erreur du système\u{a0}: {}).",
            system_words(e)
        ),
    })
}

/// « le dossier … n’existe pas »: where a file was to be written (said with the folder's
/// name: the system would only say the file is not found).
pub fn missing_folder(folder: &std::path::Path) -> CliError {
    CliError(format!(
        "le dossier {} n’existe pas\u{a0}: créez-le ou choisissez un autre dossier.",
        folder.display()
    ))
}

/// [`io_problem`] for writing `path`: a folder that does not exist is named as such.
pub fn write_problem(path: &std::path::Path, e: &std::io::Error) -> CliError {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    match folder {
        Some(folder) if e.kind() == std::io::ErrorKind::NotFound && !folder.is_dir() => {
            missing_folder(folder)
        }
        _ => io_problem("d’écrire", path, e),
    }
}

/// The system's description of `e` without Rust's « (os error N) » suffix.
fn system_words(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// « label : message » for one field problem, the label in French for a person: the
/// fields typed at the terminal by their name (« phrase de passe »), a field of an
/// alliance file by where it is (« alliance, durée », « partenaire 3, SIRET »: allia-core's
/// [`allia_core::validation::field_place`], the rule the app's import uses too). A field
/// that is neither gets no label: the message says what is wrong.
pub(crate) fn field_problem(problem: &FieldError) -> String {
    match terminal_field_label(&problem.field) {
        Some(label) => format!("{label}\u{a0}: {}", problem.message),
        None => problem.placed(),
    }
}

/// The French name of a field typed at the terminal rather than read from a file.
fn terminal_field_label(field: &str) -> Option<&'static str> {
    match field {
        "passphrase" => Some("phrase de passe"),
        "confirmation" => Some("confirmation"),
        "recoveryKey" => Some("clé de récupération"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(field: &str) -> FieldError {
        FieldError {
            field: field.into(),
            message: "Message.".into(),
        }
    }

    #[test]
    fn system_errors_are_french_sentences() {
        let path = std::path::Path::new("/tmp/absent.json");
        let french = |kind| io_problem("de lire", path, &std::io::Error::from(kind)).to_string();
        assert_eq!(
            french(std::io::ErrorKind::NotFound),
            "Fichier introuvable\u{a0}: /tmp/absent.json"
        );
        assert_eq!(
            french(std::io::ErrorKind::IsADirectory),
            "/tmp/absent.json est un dossier, pas un fichier."
        );
        assert_eq!(
            french(std::io::ErrorKind::PermissionDenied),
            "Accès refusé à /tmp/absent.json."
        );
        let other = io_problem("d’écrire", path, &std::io::Error::from_raw_os_error(5)).to_string();
        assert!(other.starts_with("impossible d’écrire /tmp/absent.json (erreur du système"));
        assert!(!other.contains("os error"), "{other}");
    }

    #[test]
    fn fields_get_french_labels() {
        assert_eq!(
            field_problem(&problem("passphrase")),
            "phrase de passe\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("recoveryKey")),
            "clé de récupération\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("partners.2.email")),
            "partenaire 2, adresse e-mail\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("partners.3.siret")),
            "partenaire 3, SIRET\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("alliance.name")),
            "alliance, nom\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("alliance.terms.noticeMonths")),
            "alliance, préavis\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("partners.2.localRegister.court")),
            "partenaire 2, tribunal du registre des associations\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("alliance.terms.court")),
            "alliance, tribunal compétent\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("partners.1.bank.iban")),
            "partenaire 1, IBAN\u{a0}: Message."
        );
        assert_eq!(
            field_problem(&problem("commitments.2.draft.financial.0.amountCents")),
            "engagements, entrée 2\u{a0}: Message."
        );
        // A field this list does not name yet still says where it is.
        assert_eq!(
            field_problem(&problem("partners.4.somethingNew")),
            "partenaire 4\u{a0}: Message."
        );
        assert_eq!(field_problem(&problem("siret")), "Message.");
        assert_eq!(field_problem(&problem("format")), "Message.");
    }
}
