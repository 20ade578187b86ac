//! Tests that every validated path of the domain (organisations, partners, alliances,
//! commitments, designations, documents, signatures) gives back composed text and refuses
//! control characters.

use proptest::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use unicode_normalization::is_nfc;

use crate::alliance::{AgreementTerms, AllianceDraft};
use crate::commitment::{CommitmentsDraft, FinancialContribution, InKindContribution};
use crate::designation::{Article, Designation, Gender, GrammaticalNumber};
use crate::document::{ClauseOverride, DocumentSettings, SignatureDraft, UserAnnex};
use crate::organisation::{BankDetails, ForeignRegistration, LocalRegister, Organisation};
use crate::partner::PartnerDraft;
use crate::text::*;

use super::nfd;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

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
