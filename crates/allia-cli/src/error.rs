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
