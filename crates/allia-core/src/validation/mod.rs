//! Structured validation errors: which field is wrong and why, in French.
//!
//! The parts: the error types here; [`place`], where a field of an alliance file is and
//! the refusal of a file; [`checks`], the checks of one value (texts, e-mail, phone,
//! dates, ids) and their messages.

use serde::{Deserialize, Serialize};

mod checks;
mod place;
#[cfg(test)]
mod tests;

pub(crate) use checks::{
    email, optional_multiline_text, optional_text, phone, plausible_date, text,
};
// Kept at `validation::multiline_text` for the records' `validated()`, though none calls
// it directly today (they go through `optional_multiline_text`).
#[allow(unused_imports)]
pub(crate) use checks::multiline_text;
pub use checks::{
    french_count, is_record_id, too_long_message, too_many_message, EARLIEST_YEAR, LATEST_YEAR,
    LONG_TEXT_MAX, SHORT_TEXT_MAX,
};
pub use place::{field_place, LISTED_PROBLEMS_MAX};

/// One problem with one field, ready to be shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldError {
    /// The field's name as the UI knows it (camelCase, dotted for nested fields).
    pub field: String,
    /// What is wrong, in plain French.
    pub message: String,
}

/// Every problem found in one input, in field order.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.summary())]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn first(&self) -> Option<&FieldError> {
        self.0.first()
    }

    /// Adds the errors of a nested input under a prefix (`address.postalCode`).
    pub fn extend_prefixed(&mut self, prefix: &str, other: ValidationErrors) {
        for e in other.0 {
            self.push(format!("{prefix}.{}", e.field), e.message);
        }
    }

    pub fn into_result<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// One message for the whole input: the only problem, or an invitation to look at
    /// the fields marked.
    pub fn user_message(&self) -> String {
        match self.0.as_slice() {
            [only] => only.message.clone(),
            _ => "Certaines informations sont à corriger\u{a0}: voyez les champs signalés."
                .to_string(),
        }
    }

    fn summary(&self) -> String {
        self.0
            .iter()
            .map(|e| e.message.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}
