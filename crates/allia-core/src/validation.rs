//! Structured validation errors: which field is wrong and why, in French.

use serde::{Deserialize, Serialize};

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

/// Trims a text and checks its length in characters (not bytes).
pub(crate) fn text(
    errors: &mut ValidationErrors,
    field: &str,
    value: &str,
    required: Option<&str>,
    max: usize,
) -> String {
    let trimmed = value.trim().to_string();
    if trimmed.is_empty() {
        if let Some(what) = required {
            errors.push(field, format!("Indiquez {what}."));
        }
    } else if trimmed.chars().count() > max {
        errors.push(
            field,
            format!("Ce texte est trop long ({max} caractères au maximum)."),
        );
    } else if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        errors.push(
            field,
            "Ce texte contient des caractères invisibles non autorisés.",
        );
    }
    trimmed
}

/// Like [`text`] for an optional field: empty becomes `None`.
pub(crate) fn optional_text(
    errors: &mut ValidationErrors,
    field: &str,
    value: &Option<String>,
    max: usize,
) -> Option<String> {
    let v = text(errors, field, value.as_deref().unwrap_or(""), None, max);
    (!v.is_empty()).then_some(v)
}

pub(crate) fn email(
    errors: &mut ValidationErrors,
    field: &str,
    value: &Option<String>,
) -> Option<String> {
    let v = optional_text(errors, field, value, 254)?;
    let valid = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !v.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if !valid {
        errors.push(
            field,
            "Adresse e-mail invalide (exemple : contact@association.fr).",
        );
    }
    Some(v)
}

pub(crate) fn phone(
    errors: &mut ValidationErrors,
    field: &str,
    value: &Option<String>,
) -> Option<String> {
    let v = optional_text(errors, field, value, 30)?;
    let allowed = v
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '+' | '(' | ')'));
    let digits = v.chars().filter(char::is_ascii_digit).count();
    if !allowed || !(6..=15).contains(&digits) {
        errors.push(
            field,
            "Numéro de téléphone invalide (exemple : 01 23 45 67 89).",
        );
    }
    Some(v)
}
