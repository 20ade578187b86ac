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

/// Longest name or other one-line field of any input, in characters: the cap every
/// short text crossing the app's boundary stays under (fields set their own, lower one).
pub const SHORT_TEXT_MAX: usize = 200;
/// Longest free text (purpose, resources, a clause's text), in characters.
pub const LONG_TEXT_MAX: usize = 20_000;

/// A count written the French way: groups of three digits separated by a narrow
/// no-break space (« 12 345 »).
pub fn french_count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// The message for a text over its cap: « Ce texte est trop long : 200 caractères au
/// plus (1 234 saisis). » Counts are in characters (Unicode scalar values).
pub fn too_long_message(max: usize, count: usize) -> String {
    format!(
        "Ce texte est trop long\u{a0}: {} caractères au plus ({} saisis).",
        french_count(max),
        french_count(count)
    )
}

/// The message for a list over its cap, e.g. « Trop de partenaires : 500 au plus
/// (612 en tout). »
pub fn too_many_message(what: &str, max: usize, count: usize) -> String {
    format!(
        "Trop de {what}\u{a0}: {} au plus ({} en tout).",
        french_count(max),
        french_count(count)
    )
}

/// Earliest year a date of the app may have: a typo guard (« 0026 » for « 2026 »), not
/// a business limit.
pub const EARLIEST_YEAR: i32 = 1900;
/// Latest year a date of the app may have (same guard, the other way).
pub const LATEST_YEAR: i32 = 2200;

/// Checks that a date's year is plausible (between [`EARLIEST_YEAR`] and
/// [`LATEST_YEAR`]); otherwise `message` goes to `field`. A date picker cannot produce
/// 30 February, but it can produce the year 1 when a person types « 1 » in the year.
pub(crate) fn plausible_date(
    errors: &mut ValidationErrors,
    field: &str,
    date: chrono::NaiveDate,
    message: &str,
) {
    use chrono::Datelike;
    if !(EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year()) {
        errors.push(field, message);
    }
}

/// Whether a text holds a control character other than a line break or a tab
/// (NUL, escape, bell…): invisible, and a source of confusion in a contract.
pub(crate) fn has_forbidden_control(value: &str) -> bool {
    value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// Whether `id` has the shape of the identifiers the vault gives its records: a UUID
/// written in lower-case hexadecimal with its four hyphens (36 characters). The store
/// refuses any other id as unknown before querying.
pub fn is_record_id(id: &str) -> bool {
    id.len() == 36
        && id.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}

/// Trims a text and checks its length in characters (not bytes) and that it holds no
/// control character but line breaks and tabs.
pub(crate) fn text(
    errors: &mut ValidationErrors,
    field: &str,
    value: &str,
    required: Option<&str>,
    max: usize,
) -> String {
    let trimmed = value.trim().to_string();
    let count = trimmed.chars().count();
    if trimmed.is_empty() {
        if let Some(what) = required {
            errors.push(field, format!("Indiquez {what}."));
        }
    } else if count > max {
        errors.push(field, too_long_message(max, count));
    } else if has_forbidden_control(&trimmed) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_three_with_a_narrow_space() {
        assert_eq!(french_count(0), "0");
        assert_eq!(french_count(200), "200");
        assert_eq!(french_count(1_234), "1\u{202f}234");
        assert_eq!(french_count(20_000), "20\u{202f}000");
        assert_eq!(french_count(1_234_567), "1\u{202f}234\u{202f}567");
    }

    #[test]
    fn too_long_names_the_cap_and_the_count() {
        let mut errors = ValidationErrors::default();
        let kept = text(&mut errors, "name", &"é".repeat(1_234), None, 200);
        assert_eq!(kept.chars().count(), 1_234);
        assert_eq!(
            errors.0[0].message,
            "Ce texte est trop long\u{a0}: 200 caractères au plus (1\u{202f}234 saisis)."
        );
    }

    #[test]
    fn a_huge_text_is_refused_on_length_alone() {
        let mut errors = ValidationErrors::default();
        let huge = format!("{}\u{0}", "a".repeat(1_000_000));
        text(&mut errors, "purpose", &huge, None, LONG_TEXT_MAX);
        assert_eq!(errors.0.len(), 1);
        assert!(errors.0[0].message.starts_with("Ce texte est trop long"));
    }

    #[test]
    fn control_characters_but_line_breaks_and_tabs_are_refused() {
        for bad in ["a\u{0}b", "a\rb", "a\u{1b}[31m", "a\u{85}b"] {
            let mut errors = ValidationErrors::default();
            text(&mut errors, "f", bad, None, 200);
            assert_eq!(
                errors.0[0].message, "Ce texte contient des caractères invisibles non autorisés.",
                "{bad:?}"
            );
        }
        let mut errors = ValidationErrors::default();
        let kept = text(&mut errors, "f", " ligne 1\n\tligne 2 ", None, 200);
        assert!(errors.is_empty());
        assert_eq!(kept, "ligne 1\n\tligne 2");
    }

    #[test]
    fn record_ids_are_lower_case_uuids() {
        assert!(is_record_id("0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f"));
        for bad in [
            "",
            "inconnue",
            "0B7E5A4C-3F1D-4E2A-9C8B-1A2B3C4D5E6F",
            "0b7e5a4c3f1d4e2a9c8b1a2b3c4d5e6f",
            "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6g",
            "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f0",
            "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5eé",
        ] {
            assert!(!is_record_id(bad), "{bad}");
        }
    }

    #[test]
    fn dates_outside_plausible_years_are_refused() {
        let date = |y| chrono::NaiveDate::from_ymd_opt(y, 3, 15).expect("date");
        for (year, refused) in [
            (1, true),
            (1899, true),
            (1900, false),
            (2026, false),
            (2200, false),
            (2201, true),
        ] {
            let mut errors = ValidationErrors::default();
            plausible_date(&mut errors, "signedOn", date(year), "Vérifiez l’année.");
            assert_eq!(!errors.is_empty(), refused, "{year}");
        }
    }

    #[test]
    fn too_many_names_the_cap() {
        assert_eq!(
            too_many_message("partenaires", 500, 612),
            "Trop de partenaires\u{a0}: 500 au plus (612 en tout)."
        );
    }
}
