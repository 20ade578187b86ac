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

/// « label : message » for one field problem. The fields a person types at the
/// terminal get their French name; a dotted path (`alliance.name`, `partners.2.email`)
/// points into the alliance file the person wrote, so it is kept as it is; any other
/// field is an internal name, and the message alone says what is wrong.
fn field_problem(problem: &FieldError) -> String {
    let label = match problem.field.as_str() {
        "passphrase" => Some("phrase de passe"),
        "confirmation" => Some("confirmation"),
        "recoveryKey" => Some("clé de récupération"),
        path if path.contains('.') => Some(path),
        _ => None,
    };
    match label {
        Some(label) => format!("{label}\u{a0}: {}", problem.message),
        None => problem.message.clone(),
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
            "partners.2.email\u{a0}: Message."
        );
        assert_eq!(field_problem(&problem("siret")), "Message.");
    }
}
