//! Tests of validation: places of an alliance file's fields, the refusal message, counts,
//! caps, texts, record ids and dates.

use super::checks::checked_text;
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
