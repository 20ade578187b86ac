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

/// Where a field of an alliance file is, in French, for a person who has no form in
/// front of them (an imported file, the command line): « alliance, préavis »,
/// « profil, IBAN », « partenaire 3, SIRET », « engagements, entrée 2 ».
///
/// `field` is a dotted path as [`crate::AllianceFile::validated_for_import`] reports
/// it: `alliance.<field>` (the alliance's terms under `alliance.terms.<field>`),
/// `profile.<field>` (the sender's profile), `partners.<N>.<field>` and
/// `commitments.<N>.…`, `documents.<N>.versions.<M>.…` (format 2), N and M counted
/// from 1 in the file's order. The field's name is the
/// label of the app's forms; a field this list does not name yet gives the place alone
/// (« partenaire 4 »), and a path that is not in a file (`format`, `partners`, a single
/// name such as `siret`) gives `None`: the message then says what is wrong by itself.
pub fn field_place(field: &str) -> Option<String> {
    let segments: Vec<&str> = field.split('.').collect();
    let (place, rest) = match segments.as_slice() {
        ["alliance", "terms", rest @ ..] => ("alliance".to_string(), rest),
        ["alliance", rest @ ..] => ("alliance".to_string(), rest),
        ["profile", rest @ ..] => ("profil".to_string(), rest),
        ["partners", number, rest @ ..] => (format!("partenaire {number}"), rest),
        // A commitment's entry is named as a whole: its inner indexes (from 0) would
        // mean nothing to the reader.
        ["commitments", number, ..] => return Some(format!("engagements, entrée {number}")),
        // A document of a format-2 file, its version, a signature: named as a whole.
        ["documents", number, "versions", version, "signatures", signature, ..] => {
            return Some(format!(
                "document {number}, version {version}, signature {signature}"
            ))
        }
        ["documents", number, "versions", version, ..] => {
            return Some(format!("document {number}, version {version}"))
        }
        ["documents", number, ..] => return Some(format!("document {number}")),
        _ => return None,
    };
    match form_label(&rest.join(".")) {
        Some(name) => Some(format!("{place}, {name}")),
        None => Some(place),
    }
}

/// The label the app's forms give a field of an alliance, a partner, the profile or the
/// alliance's terms (its path inside that record), for [`field_place`].
fn form_label(field: &str) -> Option<&'static str> {
    Some(match field {
        "name" => "nom",
        "purpose" => "objet",
        "territory" => "territoire",
        "startDate" => "date de début",
        "status" => "statut",
        "durationMonths" => "durée",
        "tacitRenewal" => "reconduction tacite",
        "noticeMonths" => "préavis",
        "signaturePlace" => "lieu de signature",
        "signatureDate" => "date de signature",
        "copies" => "nombre d’exemplaires originaux",
        "court" => "tribunal compétent",
        "acronym" => "sigle",
        "legalForm" => "forme juridique",
        "rna" => "numéro RNA",
        "siret" => "SIRET",
        "street" => "rue",
        "postalCode" => "code postal",
        "city" => "ville",
        "representativeName" => "nom du représentant",
        "representativeRole" => "fonction du représentant",
        "email" => "adresse e-mail",
        "phone" => "téléphone",
        "actorType" => "type d’acteur",
        "role" => "rôle dans l’alliance",
        "resources" => "ressources apportées",
        "resourceTags" => "mots-clés",
        "country" => "pays",
        "foreignRegistration.number" => "numéro d’immatriculation",
        "foreignRegistration.register" => "registre d’immatriculation",
        "localRegister.court" => "tribunal du registre des associations",
        "localRegister.volume" => "volume du registre des associations",
        "localRegister.folio" => "folio du registre des associations",
        "bank.iban" => "IBAN",
        "bank.bic" => "BIC",
        "designation.shortName" => "nom court",
        _ => return None,
    })
}

impl FieldError {
    /// « <place> : <message> » ([`field_place`]), or the message alone when the field
    /// has no place in an alliance file.
    pub fn placed(&self) -> String {
        match field_place(&self.field) {
            Some(place) => format!("{place}\u{a0}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

/// How many problems the refusal of an alliance file lists one by one
/// ([`ValidationErrors::alliance_file_message`]); the others are counted.
pub const LISTED_PROBLEMS_MAX: usize = 10;

impl ValidationErrors {
    /// Every problem as « <place> : <message> » ([`FieldError::placed`]), in order.
    pub fn placed_lines(&self) -> Vec<String> {
        self.0.iter().map(FieldError::placed).collect()
    }

    /// Why an alliance file is refused, for a person who has no form showing its fields:
    /// a first line « Ce fichier d’alliance contient des informations à corriger : »
    /// (« une information » for one), then one line per problem
    /// ([`ValidationErrors::placed_lines`]), the first [`LISTED_PROBLEMS_MAX`] of them,
    /// then « et N autres informations à corriger. » when there are more. Lines are
    /// separated by `\n`: a screen shows the lines after the first as a list. A single
    /// problem that has no place in the file (a format this version cannot read) is its
    /// message alone.
    pub fn alliance_file_message(&self) -> String {
        match self.0.as_slice() {
            [] => self.user_message(),
            [only] if field_place(&only.field).is_none() => only.message.clone(),
            [only] => format!(
                "Ce fichier d’alliance contient une information à corriger\u{a0}:\n{}",
                only.placed()
            ),
            all => {
                let mut lines = vec![
                    "Ce fichier d’alliance contient des informations à corriger\u{a0}:".to_string(),
                ];
                lines.extend(all.iter().take(LISTED_PROBLEMS_MAX).map(FieldError::placed));
                match all.len().saturating_sub(LISTED_PROBLEMS_MAX) {
                    0 => {}
                    1 => lines.push("et 1 autre information à corriger.".to_string()),
                    more => lines.push(format!(
                        "et {} autres informations à corriger.",
                        french_count(more)
                    )),
                }
                lines.join("\n")
            }
        }
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

fn checked_text(
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
    fn fields_of_an_alliance_file_are_placed_in_french() {
        for (field, place) in [
            ("partners.2.email", Some("partenaire 2, adresse e-mail")),
            ("partners.3.siret", Some("partenaire 3, SIRET")),
            ("partners.1.bank.iban", Some("partenaire 1, IBAN")),
            (
                "partners.2.localRegister.court",
                Some("partenaire 2, tribunal du registre des associations"),
            ),
            ("profile.bank.iban", Some("profil, IBAN")),
            ("profile.rna", Some("profil, numéro RNA")),
            ("alliance.name", Some("alliance, nom")),
            ("alliance.terms.noticeMonths", Some("alliance, préavis")),
            ("alliance.terms.court", Some("alliance, tribunal compétent")),
            (
                "commitments.2.draft.financial.0.amountCents",
                Some("engagements, entrée 2"),
            ),
            ("commitments.1.party", Some("engagements, entrée 1")),
            (
                "documents.1.versions.2.signatures.1.signatory",
                Some("document 1, version 2, signature 1"),
            ),
            (
                "documents.2.versions.1.settings.title",
                Some("document 2, version 1"),
            ),
            ("documents.1.id", Some("document 1")),
            // A field not named yet still says where it is.
            ("partners.4.somethingNew", Some("partenaire 4")),
            ("siret", None),
            ("format", None),
            ("partners", None),
        ] {
            assert_eq!(field_place(field).as_deref(), place, "{field}");
        }
        assert_eq!(
            problem("partners.3.siret").placed(),
            "partenaire 3, SIRET\u{a0}: Message."
        );
        assert_eq!(problem("format").placed(), "Message.");
    }

    #[test]
    fn an_alliance_file_refusal_lists_every_problem_with_its_place() {
        let mut errors = ValidationErrors::default();
        errors.push("partners.3.siret", "Ce numéro SIRET n’est pas valide.");
        errors.push("profile.bank.iban", "Cet IBAN n’est pas valide.");
        assert_eq!(
            errors.placed_lines(),
            [
                "partenaire 3, SIRET\u{a0}: Ce numéro SIRET n’est pas valide.",
                "profil, IBAN\u{a0}: Cet IBAN n’est pas valide."
            ]
        );
        assert_eq!(
            errors.alliance_file_message(),
            "Ce fichier d’alliance contient des informations à corriger\u{a0}:\n\
             partenaire 3, SIRET\u{a0}: Ce numéro SIRET n’est pas valide.\n\
             profil, IBAN\u{a0}: Cet IBAN n’est pas valide."
        );
    }

    #[test]
    fn a_single_problem_says_whose_field_it_is() {
        let mut errors = ValidationErrors::default();
        errors.push("profile.siret", "Ce numéro SIRET n’est pas valide.");
        assert_eq!(
            errors.alliance_file_message(),
            "Ce fichier d’alliance contient une information à corriger\u{a0}:\n\
             profil, SIRET\u{a0}: Ce numéro SIRET n’est pas valide."
        );
        // A problem of the whole file is its own sentence.
        let mut errors = ValidationErrors::default();
        errors.push("format", "Ce fichier d’alliance est au format 9.");
        assert_eq!(
            errors.alliance_file_message(),
            "Ce fichier d’alliance est au format 9."
        );
    }

    #[test]
    fn many_problems_are_listed_up_to_the_cap_then_counted() {
        for (count, tail) in [
            (LISTED_PROBLEMS_MAX, None),
            (
                LISTED_PROBLEMS_MAX + 1,
                Some("et 1 autre information à corriger."),
            ),
            (
                1_234 + LISTED_PROBLEMS_MAX,
                Some("et 1\u{202f}234 autres informations à corriger."),
            ),
        ] {
            let mut errors = ValidationErrors::default();
            for n in 1..=count {
                errors.push(format!("partners.{n}.name"), "Indiquez le nom.");
            }
            let message = errors.alliance_file_message();
            let lines: Vec<&str> = message.lines().collect();
            assert_eq!(
                lines.len(),
                1 + LISTED_PROBLEMS_MAX + usize::from(tail.is_some())
            );
            assert_eq!(lines[1], "partenaire 1, nom\u{a0}: Indiquez le nom.");
            assert_eq!(
                lines[LISTED_PROBLEMS_MAX],
                "partenaire 10, nom\u{a0}: Indiquez le nom."
            );
            assert_eq!(lines.get(LISTED_PROBLEMS_MAX + 1).copied(), tail, "{count}");
        }
    }

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
        for (bad, code) in [
            ("a\u{0}b", "U+0000"),
            ("a\u{7}b", "U+0007"),
            ("a\u{1b}[31m", "U+001B"),
            ("a\u{7f}b", "U+007F"),
            ("a\u{85}b", "U+0085"),
        ] {
            for multiline in [false, true] {
                let mut errors = ValidationErrors::default();
                checked_text(&mut errors, "f", bad, None, 200, multiline);
                assert_eq!(
                    errors.0[0].message,
                    format!(
                        "Caractère de contrôle invisible ({code}) dans ce texte, après «\u{a0}a\u{a0}»\u{a0}: retirez-le."
                    ),
                    "{bad:?}"
                );
            }
        }
        let mut errors = ValidationErrors::default();
        let kept = multiline_text(&mut errors, "f", " ligne 1\r\n\tligne 2 ", None, 200);
        assert!(errors.is_empty());
        assert_eq!(kept, "ligne 1\n\tligne 2");
        // A one-line field makes them spaces.
        let kept = text(&mut errors, "f", "\tMaison des\r\nSolidarités\n", None, 200);
        assert!(errors.is_empty());
        assert_eq!(kept, "Maison des Solidarités");
    }

    #[test]
    fn texts_come_out_composed() {
        let mut errors = ValidationErrors::default();
        let kept = text(&mut errors, "f", "He\u{301}le\u{300}ne", None, 200);
        assert!(errors.is_empty());
        assert_eq!(kept, "Hélène");
        // The cap counts the composed text: 200 decomposed « é » are 200 characters.
        let kept = text(&mut errors, "f", &"e\u{301}".repeat(200), None, 200);
        assert!(errors.is_empty());
        assert_eq!(kept, "é".repeat(200));
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
