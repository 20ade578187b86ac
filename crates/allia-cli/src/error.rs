//! One-line French errors for the person at the terminal.

use std::fmt;

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
                    .map(|f| format!("{} : {}", f.field, f.message))
                    .collect::<Vec<_>>()
                    .join(" ; "),
            ),
            StoreError::Validation(errors) => CliError(
                errors
                    .first()
                    .map(|f| format!("{} : {}", f.field, f.message))
                    .unwrap_or_else(|| errors.user_message()),
            ),
            other => CliError(other.user_message()),
        }
    }
}
