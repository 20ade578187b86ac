//! The checks of one value: texts cleaned and capped, e-mail addresses, phone numbers,
//! plausible dates, record ids, and the French messages for caps and counts.

use super::ValidationErrors;

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
/// (612 en tout). », elided before a vowel (« Trop d’éléments … »).
pub fn too_many_message(what: &str, max: usize, count: usize) -> String {
    let de = if starts_with_vowel(what) {
        "d’"
    } else {
        "de "
    };
    format!(
        "Trop {de}{what}\u{a0}: {} au plus ({} en tout).",
        french_count(max),
        french_count(count)
    )
}

/// Whether French elides « de » before `word`: a vowel, accented or not. A leading
/// « h » is left alone (aspirated or not is a dictionary matter).
fn starts_with_vowel(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| "aàâäeéèêëiîïoôöuùûüyÿæœAÀÂÄEÉÈÊËIÎÏOÔÖUÙÛÜYŸÆŒ".contains(c))
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

/// Cleans a single-line text ([`crate::text::clean`]: NFC, tabs and line breaks made
/// spaces, invisible format characters removed), trims it and checks its length in
/// characters (not bytes); a control character is refused with its code
/// (« Caractère de contrôle invisible (U+0007) … »). A text over its cap gets the length
/// message alone. Returns the cleaned text (the trimmed input when it is refused).
pub(crate) fn text(
    errors: &mut ValidationErrors,
    field: &str,
    value: &str,
    required: Option<&str>,
    max: usize,
) -> String {
    checked_text(errors, field, value, required, max, false)
}

/// Like [`text`] for a multi-line field (a purpose, what a partner brings, a
/// description): tabs and line breaks are kept, each line break written `\n`
/// ([`crate::text::clean_multiline`]).
pub(crate) fn multiline_text(
    errors: &mut ValidationErrors,
    field: &str,
    value: &str,
    required: Option<&str>,
    max: usize,
) -> String {
    checked_text(errors, field, value, required, max, true)
}

pub(super) fn checked_text(
    errors: &mut ValidationErrors,
    field: &str,
    value: &str,
    required: Option<&str>,
    max: usize,
    multiline: bool,
) -> String {
    let cleaned = if multiline {
        crate::text::clean_multiline(field, value)
    } else {
        crate::text::clean(field, value)
    };
    let (kept, refused) = match cleaned {
        Ok(c) => (c.trim().to_string(), None),
        Err(e) => (value.trim().to_string(), Some(e.message)),
    };
    let count = kept.chars().count();
    if kept.is_empty() {
        if let Some(what) = required {
            errors.push(field, format!("Indiquez {what}."));
        }
    } else if count > max {
        errors.push(field, too_long_message(max, count));
    } else if let Some(message) = refused {
        errors.push(field, message);
    }
    kept
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

/// Like [`multiline_text`] for an optional field: empty becomes `None`.
pub(crate) fn optional_multiline_text(
    errors: &mut ValidationErrors,
    field: &str,
    value: &Option<String>,
    max: usize,
) -> Option<String> {
    let v = multiline_text(errors, field, value.as_deref().unwrap_or(""), None, max);
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
