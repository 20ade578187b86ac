use proptest::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use unicode_normalization::{is_nfc, UnicodeNormalization};

use super::*;
use crate::alliance::{AgreementTerms, AllianceDraft};
use crate::commitment::{CommitmentsDraft, FinancialContribution, InKindContribution};
use crate::designation::{Article, Designation, Gender, GrammaticalNumber};
use crate::document::{ClauseOverride, DocumentSettings, SignatureDraft, UserAnnex};
use crate::organisation::{BankDetails, ForeignRegistration, LocalRegister, Organisation};
use crate::partner::PartnerDraft;

fn nfd(s: &str) -> String {
    s.nfd().collect()
}

#[test]
fn decomposed_accents_come_out_composed() {
    let typed = nfd("Hélène de Sèvres, Œuvre à Besançon");
    assert_ne!(typed, "Hélène de Sèvres, Œuvre à Besançon");
    for cleaned in [clean("name", &typed), clean_multiline("purpose", &typed)] {
        assert_eq!(cleaned.as_deref(), Ok("Hélène de Sèvres, Œuvre à Besançon"));
    }
}

#[test]
fn invisible_characters_are_removed_and_joiners_kept() {
    for (typed, kept) in [
        ("\u{feff}Comité des fêtes", "Comité des fêtes"),
        ("Comi\u{200b}té", "Comité"),
        ("Hé\u{ad}lène", "Hélène"),
        ("mot\u{2060}joint", "motjoint"),
        // The zero-width space between a letter and its accent no longer keeps them apart.
        ("Se\u{200b}\u{300}vres", "Sèvres"),
        // A right-to-left override cannot reorder a name.
        ("Li \u{202e}ieW\u{202c}", "Li ieW"),
        ("\u{2067}مريم\u{2069}", "مريم"),
        // Kept: emoji sequences, Persian non-joiner, direction marks.
        ("Équipe 👩\u{200d}💻", "Équipe 👩\u{200d}💻"),
        ("می\u{200c}خواهم", "می\u{200c}خواهم"),
        ("Café\u{200e}", "Café\u{200e}"),
    ] {
        assert_eq!(clean("name", typed).as_deref(), Ok(kept), "{typed:?}");
    }
}

#[test]
fn typographic_spaces_are_kept_and_odd_spaces_folded() {
    for (typed, kept) in [
        ("«\u{a0}Oui\u{a0}»", "«\u{a0}Oui\u{a0}»"),
        ("12\u{202f}500\u{a0}€", "12\u{202f}500\u{a0}€"),
        ("Val\u{2003}de\u{2009}Brenne", "Val de Brenne"),
        ("Val\u{3000}de\u{205f}Brenne", "Val de Brenne"),
        ("12\u{2007}500", "12\u{a0}500"),
    ] {
        assert_eq!(clean("name", typed).as_deref(), Ok(kept), "{typed:?}");
    }
}

#[test]
fn line_breaks_and_tabs_are_kept_only_in_multi_line_fields() {
    let typed = "Ligne 1\r\nLigne 2\rLigne 3\u{2028}Ligne 4\u{2029}\tFin";
    assert_eq!(
        clean_multiline("purpose", typed).as_deref(),
        Ok("Ligne 1\nLigne 2\nLigne 3\nLigne 4\n\tFin")
    );
    assert_eq!(
        clean("name", typed).as_deref(),
        Ok("Ligne 1 Ligne 2 Ligne 3 Ligne 4  Fin")
    );
}

#[test]
fn control_characters_are_refused_with_their_code_and_place() {
    for (typed, message) in [
        (
            "Comité des fêtes\u{7}",
            "Caractère de contrôle invisible (U+0007) dans ce texte, après «\u{a0}Comité des fêtes\u{a0}»\u{a0}: retirez-le.",
        ),
        (
            "\u{1b}[31mRouge",
            "Caractère de contrôle invisible (U+001B) au début de ce texte\u{a0}: retirez-le.",
        ),
        (
            "Une association au nom bien trop long pour\u{0}",
            "Caractère de contrôle invisible (U+0000) dans ce texte, après «\u{a0}…bien trop long pour\u{a0}»\u{a0}: retirez-le.",
        ),
        (
            "Se\u{300}vres\u{7f}",
            "Caractère de contrôle invisible (U+007F) dans ce texte, après «\u{a0}Sèvres\u{a0}»\u{a0}: retirez-le.",
        ),
        (
            "a\u{9b}b",
            "Caractère de contrôle invisible (U+009B) dans ce texte, après «\u{a0}a\u{a0}»\u{a0}: retirez-le.",
        ),
    ] {
        let error = clean("name", typed).expect_err(typed);
        assert_eq!(error.field, "name");
        assert_eq!(error.message, message, "{typed:?}");
    }
    let error = clean_multiline("purpose", "Première ligne\n\u{8}suite").expect_err("backspace");
    assert_eq!(error.field, "purpose");
    assert_eq!(
        error.message,
        "Caractère de contrôle invisible (U+0008) au début d’une ligne de ce texte\u{a0}: retirez-le."
    );
}

#[test]
fn collation_ignores_case_accents_ligatures_and_punctuation() {
    for (a, b) in [
        ("MAISON DES SOLIDARITES", "Maison des Solidarités"),
        ("Œuvre", "oeuvre"),
        ("Æther", "aether"),
        ("Straße", "STRASSE"),
        ("Comité des fêtes", "comite  des-fetes !"),
        ("l’Écluse", "L'ecluse"),
        ("Saint-Étienne", "saint etienne"),
        ("Ｌａｖａｌ", "laval"),
        ("ﬁlature", "filature"),
        ("Łódź", "lodz"),
        ("Hélène", &nfd("HÉLÈNE")),
        ("Hé\u{ad}lène", "helene"),
        ("ΣΟΦΟΣ", "σοφοσ"),
    ] {
        assert_eq!(collation_key(a), collation_key(b), "{a} / {b}");
        assert!(same_collated(a, b), "{a} / {b}");
    }
    assert_eq!(
        collation_key("  MAISON des Solidarités — Val-de-Brenne ! "),
        "maison des solidarites val de brenne"
    );
    assert_eq!(collation_key("Œuvre"), "oeuvre");
    assert_eq!(collation_key("Repair Café ☕ du Val"), "repair cafe du val");
    assert_eq!(collation_key("한국"), "한국");
    assert_eq!(collation_key("…"), "");
    assert!(!same_collated("…", "!"));
    assert!(!same_collated(
        "Comité des fêtes",
        "Comité des fêtes de Saunay"
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever is typed, a cleaned text is NFC and holds no control character but a
    /// tab or a line break (and those only in a multi-line field); cleaning it again
    /// changes nothing.
    #[test]
    fn cleaned_text_is_nfc_without_controls(typed in allia_test_support::arb_text()) {
        if let Ok(one_line) = clean("name", &typed) {
            prop_assert!(is_nfc(&one_line));
            prop_assert!(!one_line.chars().any(char::is_control), "{one_line:?}");
            prop_assert_eq!(clean("name", &one_line), Ok(one_line.clone()));
        }
        if let Ok(lines) = clean_multiline("purpose", &typed) {
            prop_assert!(is_nfc(&lines));
            prop_assert!(!lines.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            prop_assert!(!lines.contains('\r'));
            prop_assert_eq!(clean_multiline("purpose", &lines), Ok(lines.clone()));
        }
        // Refused only for a control character.
        if clean_multiline("purpose", &typed).is_err() {
            prop_assert!(typed.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')));
        }
    }

    /// Validated drafts hold NFC text only, whatever their fields held.
    #[test]
    fn validated_output_is_nfc_without_controls(
        name in allia_test_support::arb_text(),
        purpose in allia_test_support::arb_text(),
        city in allia_test_support::arb_text(),
        resources in allia_test_support::arb_text(),
        tag in allia_test_support::arb_text(),
    ) {
        let alliance = AllianceDraft {
            name: name.clone(),
            purpose: Some(purpose),
            territory: Some(city.clone()),
            ..Default::default()
        };
        if let Ok(valid) = alliance.validated() {
            assert_clean_strings(&serde_json::to_value(valid).expect("json"), "alliance");
        }
        let partner = PartnerDraft {
            organisation: Organisation {
                name,
                city: Some(city),
                ..Default::default()
            },
            resources: Some(resources),
            resource_tags: vec![tag],
            ..Default::default()
        };
        if let Ok(valid) = partner.validated() {
            assert_clean_strings(&serde_json::to_value(valid).expect("json"), "partner");
        }
    }

    /// The key is stable: applied to its own output it gives the same key.
    #[test]
    fn collation_key_is_idempotent(typed in allia_test_support::arb_text()) {
        let key = collation_key(&typed);
        prop_assert_eq!(collation_key(&key), key.clone());
        prop_assert_eq!(key.trim(), key.as_str());
        prop_assert!(!key.contains("  "));
    }
}

/// Every string of a JSON value is NFC and holds no control character but `\n`, `\t`.
fn assert_clean_strings(value: &Value, at: &str) {
    match value {
        Value::String(s) => {
            assert!(is_nfc(s), "{at}: {s:?} is not NFC");
            assert!(
                !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
                "{at}: {s:?} holds a control character"
            );
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                assert_clean_strings(item, &format!("{at}.{i}"));
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                assert_clean_strings(item, &format!("{at}.{key}"));
            }
        }
        _ => {}
    }
}

/// Every string of a JSON value decomposed (NFD): what macOS pastes.
fn decomposed(value: Value) -> Value {
    match value {
        Value::String(s) => Value::String(nfd(&s)),
        Value::Array(items) => Value::Array(items.into_iter().map(decomposed).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, item)| (key, decomposed(item)))
                .collect(),
        ),
        other => other,
    }
}

/// Validating the NFD copy of a valid input gives exactly what validating the input
/// gives, every text composed.
fn check_composed<T, U, E>(what: &str, input: &T, validate: impl Fn(&T) -> Result<U, E>)
where
    T: Serialize + DeserializeOwned,
    U: Serialize,
    E: std::fmt::Debug,
{
    let json = serde_json::to_value(input).expect("json");
    let nfd_json = decomposed(json.clone());
    assert_ne!(
        json, nfd_json,
        "{what}: the sample has no accent to decompose"
    );
    let nfd_input: T = serde_json::from_value(nfd_json).expect("nfd json");
    let expected = serde_json::to_value(validate(input).expect(what)).expect("json");
    let got = serde_json::to_value(validate(&nfd_input).expect(what)).expect("json");
    assert_clean_strings(&got, what);
    assert_eq!(got, expected, "{what}");
    assert!(
        got.to_string().contains("Hélène") || got.to_string().contains("Sèvres"),
        "{what}: {got}"
    );
}

fn french_organisation() -> Organisation {
    Organisation {
        name: "Les Amis de l’Écluse de Sèvres".into(),
        acronym: Some("AÉS".into()),
        legal_form: Some("Association déclarée".into()),
        rna: Some("W372009876".into()),
        siret: Some("73282932000074".into()),
        street: Some("5 impasse des Vignes, bâtiment É".into()),
        postal_code: Some("37110".into()),
        city: Some("Château-Renault".into()),
        representative_name: Some("Hélène Müller".into()),
        representative_role: Some("Présidente".into()),
        email: Some("contact@ecluse.example.fr".into()),
        phone: Some("02 47 00 00 00".into()),
        designation: Some(Designation {
            article: Article::None,
            gender: Gender::Masculine,
            number: GrammaticalNumber::Plural,
            short_name: "les Amis de Sèvres".into(),
        }),
        bank: Some(BankDetails {
            iban: "FR76 3000 6000 0112 3456 7890 189".into(),
            bic: Some("AGRIFRPP".into()),
        }),
        ..Default::default()
    }
}

fn local_law_organisation() -> Organisation {
    Organisation {
        name: "Cercle Hélène de Sélestat".into(),
        postal_code: Some("67600".into()),
        city: Some("Sélestat".into()),
        local_register: Some(LocalRegister {
            court: "Tribunal judiciaire de Colmar, chambre détachée de Sélestat".into(),
            volume: "XIIé".into(),
            folio: "12 bis é".into(),
        }),
        ..Default::default()
    }
}

fn foreign_organisation() -> Organisation {
    Organisation {
        name: "Maison Hélène de Liège".into(),
        country: Some("Belgique".into()),
        postal_code: Some("4000".into()),
        city: Some("Liège".into()),
        foreign_registration: Some(ForeignRegistration {
            register: "Banque-Carrefour des Entreprises (Liège)".into(),
            number: "0456.789.123 é".into(),
        }),
        ..Default::default()
    }
}

/// Every validated path of the domain takes a decomposed « Hélène », « Sèvres » and
/// gives it back composed: organisation (French, local law, foreign), partner,
/// alliance with its terms, commitments, designation, document settings with a
/// clause's text and an annex, signatures.
#[test]
fn every_validated_path_composes_what_it_is_given() {
    for (what, org) in [
        ("organisation", french_organisation()),
        ("local law", local_law_organisation()),
        ("foreign", foreign_organisation()),
    ] {
        check_composed(what, &org, Organisation::validated);
    }
    let partner = PartnerDraft {
        organisation: french_organisation(),
        resources: Some("Hélène prête la salle de Sèvres.\nLe mardi.".into()),
        resource_tags: vec!["comptabilité".into(), "Sèvres".into()],
        ..Default::default()
    };
    check_composed("partner", &partner, PartnerDraft::validated);
    let terms = AgreementTerms {
        signature_place: Some("Sèvres".into()),
        court: Some("Tribunal judiciaire de Nanterre, près Sèvres".into()),
        ..Default::default()
    };
    check_composed("terms", &terms, AgreementTerms::validated);
    let alliance = AllianceDraft {
        name: "Été solidaire à Sèvres".into(),
        purpose: Some("Mutualiser la comptabilité d’Hélène.\n\tPuis les RH.".into()),
        territory: Some("Sèvres et Meudon".into()),
        terms,
        ..Default::default()
    };
    check_composed("alliance", &alliance, AllianceDraft::validated);
    let commitments = CommitmentsDraft {
        financial: vec![FinancialContribution {
            amount_cents: 150_000,
            budget_line: Some("Ligne « Sèvres »".into()),
            ..Default::default()
        }],
        in_kind: vec![InKindContribution {
            description: "Salle Hélène-Boucher".into(),
            value_cents: 0,
        }],
    };
    check_composed("commitments", &commitments, CommitmentsDraft::validated);
    let designation = Designation {
        article: Article::La,
        gender: Gender::Feminine,
        number: GrammaticalNumber::Singular,
        short_name: "la Maison Hélène".into(),
    };
    check_composed("designation", &designation, Designation::validated);
    let settings = DocumentSettings {
        title: "Convention de Sèvres".into(),
        overrides: vec![ClauseOverride {
            clause_id: "objet".into(),
            enabled: None,
            text: Some("Hélène et Sèvres s’associent.\n".into()),
        }],
        place: Some("Sèvres".into()),
        annexes: vec![UserAnnex {
            id: "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f".into(),
            title: "Statuts d’Hélène".into(),
            file_name: Some("statuts-sèvres.pdf".into()),
        }],
        ..Default::default()
    };
    check_composed("settings", &settings, DocumentSettings::validated);
    let signature = SignatureDraft {
        party: "Les Amis de l’Écluse de Sèvres".into(),
        signatory: "Hélène Müller".into(),
        signed_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
    };
    check_composed("signature draft", &signature, SignatureDraft::validated);
    let signed = signature.validated().expect("signature");
    check_composed("signature", &signed, crate::PartySignature::validated);
}

/// Control characters are refused by every kind of validated path with the message
/// naming them.
#[test]
fn every_validated_path_refuses_control_characters() {
    let bell = "Sèvres\u{7}";
    let message =
        "Caractère de contrôle invisible (U+0007) dans ce texte, après «\u{a0}Sèvres\u{a0}»\u{a0}: retirez-le.";
    let organisation = Organisation {
        name: bell.into(),
        ..Default::default()
    }
    .validated()
    .expect_err("organisation");
    let alliance = AllianceDraft {
        name: "Alliance".into(),
        purpose: Some(bell.into()),
        ..Default::default()
    }
    .validated()
    .expect_err("alliance");
    let partner = PartnerDraft {
        organisation: Organisation {
            name: "Partenaire".into(),
            ..Default::default()
        },
        resource_tags: vec![bell.into()],
        ..Default::default()
    }
    .validated()
    .expect_err("partner");
    let settings = DocumentSettings {
        title: "Convention".into(),
        overrides: vec![ClauseOverride {
            clause_id: "objet".into(),
            enabled: None,
            text: Some(bell.into()),
        }],
        ..Default::default()
    }
    .validated()
    .expect_err("settings");
    let signature = SignatureDraft {
        party: "Partie".into(),
        signatory: bell.into(),
        signed_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
    }
    .validated()
    .expect_err("signature");
    for (errors, field) in [
        (organisation, "name"),
        (alliance, "purpose"),
        (partner, "resourceTags"),
        (settings, "clauses.objet"),
        (signature, "signatory"),
    ] {
        assert_eq!(errors.0.len(), 1, "{field}: {errors:?}");
        assert_eq!(errors.0[0].field, field);
        assert_eq!(errors.0[0].message, message, "{field}");
    }
}

#[test]
fn tags_differing_only_by_case_or_accents_are_one() {
    let partner = PartnerDraft {
        organisation: Organisation {
            name: "Partenaire".into(),
            ..Default::default()
        },
        resource_tags: vec![
            "Comptabilité".into(),
            "comptabilite".into(),
            nfd("COMPTABILITÉ"),
            "🙂".into(),
            "🎉".into(),
            "Locaux".into(),
        ],
        ..Default::default()
    }
    .validated()
    .expect("partner");
    assert_eq!(
        partner.resource_tags,
        ["Comptabilité", "🙂", "🎉", "Locaux"]
    );
}

#[test]
fn a_record_kept_as_written_has_its_texts_composed() {
    let signature = SignatureDraft {
        party: nfd("Les Amis de l’Écluse de Sèvres"),
        signatory: nfd("Hélène Müller"),
        signed_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
    };
    let kept = composed(&signature);
    assert_eq!(kept.party, "Les Amis de l’Écluse de Sèvres");
    assert_eq!(kept.signatory, "Hélène Müller");
    assert_eq!(kept.signed_on, signature.signed_on);
    // Already composed: the same value.
    assert_eq!(composed(&kept), kept);
}
