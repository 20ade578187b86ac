use super::*;
use crate::partner::{ActorType, PartnerRole};

fn valid_json() -> String {
    r#"{ "format": 1, "profile": null,
         "alliance": { "name": "Service partagé", "purpose": null, "territory": null,
                       "startDate": null, "status": "active" },
         "partners": [] }"#
        .to_string()
}

fn malformed(bytes: &[u8]) -> String {
    match AllianceFile::from_json_slice(bytes) {
        Err(AllianceFileError::Malformed { problem, .. }) => problem,
        other => panic!("expected a malformed file, got {other:?}"),
    }
}

#[test]
fn a_valid_file_parses_and_validates() {
    let file = AllianceFile::from_json_slice(valid_json().as_bytes()).expect("valid");
    let imported = file.validated_for_import().expect("importable");
    assert_eq!(imported.file.alliance.name, "Service partagé");
    assert!(imported.file.partners.is_empty());
    assert!(imported.file.commitments.is_empty());
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), valid_json().as_bytes()].concat();
    assert_eq!(AllianceFile::from_json_slice(&with_bom), Ok(file));
}

#[test]
fn problems_are_explained_in_french() {
    assert_eq!(malformed(b"{ \"format\": 1, "), "fichier tronqué");
    assert_eq!(malformed(b""), "fichier tronqué");
    assert_eq!(malformed(b"{ format: 1 }"), "JSON mal formé");
    assert_eq!(
        malformed(br#"{ "format": 1, "profile": null, "partners": [] }"#),
        "champ « alliance » manquant"
    );
    assert_eq!(
        malformed(valid_json().replace("\"active\"", "\"dormant\"").as_bytes()),
        "valeur « dormant » inconnue"
    );
    assert_eq!(
        malformed(
            valid_json()
                .replace("\"format\": 1,", "\"format\": 1, \"format\": 1,")
                .as_bytes()
        ),
        "champ « format » en double"
    );
    assert_eq!(
        malformed(
            valid_json()
                .replace("\"format\": 1", "\"format\": \"1\"")
                .as_bytes()
        ),
        "valeur d’un type inattendu"
    );
    assert_eq!(malformed(b"\xff\xfe{}"), "JSON mal formé");
}

#[test]
fn deep_nesting_is_harmless() {
    let depth = 1_000_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    // An unknown key is skipped without recursion, however deep.
    let extra = valid_json().replacen('{', &format!("{{ \"extra\": {nested},"), 1);
    assert!(AllianceFile::from_json_slice(extra.as_bytes()).is_ok());
    // Where a known field is expected, the first wrong level stops the parse.
    assert_eq!(malformed(nested.as_bytes()), "valeur d’un type inattendu");
    let partners = valid_json().replace("\"partners\": []", &format!("\"partners\": {nested}"));
    assert_eq!(malformed(partners.as_bytes()), "valeur d’un type inattendu");
    let unclosed = valid_json().replace(
        "\"partners\": []",
        &format!("\"partners\": {}", "[".repeat(depth)),
    );
    assert!(AllianceFile::from_json_slice(unclosed.as_bytes()).is_err());
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let huge = vec![b' '; ALLIANCE_FILE_MAX_BYTES + 1];
    let err = AllianceFile::from_json_slice(&huge).expect_err("huge");
    assert_eq!(
        err,
        AllianceFileError::TooLarge {
            bytes: ALLIANCE_FILE_MAX_BYTES + 1
        }
    );
    assert_eq!(
        err.to_string(),
        "Ce fichier est trop volumineux pour un fichier d’alliance (20\u{a0}Mio au plus)."
    );
    assert_eq!(err.problem(), "20\u{a0}Mio au plus");
}

#[test]
fn import_validation_reports_every_problem_and_caps_partners() {
    let mut file = AllianceFile::from_json_slice(valid_json().as_bytes()).expect("valid");
    file.format = 2;
    let err = file.validated_for_import().expect_err("format");
    assert_eq!(err.0[0].field, "format");
    assert!(err.0[0].message.contains("format 2"));

    file.format = 1;
    file.alliance.name = String::new();
    file.partners = vec![PartnerDraft::default(), PartnerDraft::default()];
    let err = file.validated_for_import().expect_err("invalid");
    let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        vec!["alliance.name", "partners.1.name", "partners.2.name"]
    );

    file.alliance.name = "A".into();
    let mut partner = PartnerDraft::default();
    partner.organisation.name = "P".into();
    file.partners = vec![partner; ALLIANCE_FILE_MAX_PARTNERS + 1];
    let err = file.validated_for_import().expect_err("too many");
    assert_eq!(err.0.len(), 1);
    assert_eq!(
        err.0[0].message,
        "Trop de partenaires\u{a0}: 500 au plus (501 en tout)."
    );
    file.partners.pop();
    assert!(file.validated_for_import().is_ok());
}

#[test]
fn commitments_name_their_party_by_position_and_are_validated() {
    let json = valid_json().replace(
        "\"partners\": [] }",
        r#""partners": [ { "organisation": { "name": "Commune de Villard" },
                           "actorType": "local_authority", "role": "funder" } ],
           "commitments": [
             { "party": { "partner": 1 },
               "draft": { "financial": [ { "nature": "subsidy", "amountCents": 3000000,
                 "schedule": { "kind": "instalments", "instalments": [
                   { "date": "2027-03-01", "amountCents": 1000000 },
                   { "date": "2027-01-15", "amountCents": 2000000 } ] },
                 "budgetLine": " Politique de la ville " } ] } },
             { "id": "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f", "party": "association",
               "draft": { "inKind": [ { "description": "Salle", "valueCents": 0 } ] } } ] }"#,
    );
    let file = AllianceFile::from_json_slice(json.as_bytes()).expect("parses");
    assert_eq!(file.commitments[0].party, CommitmentParty::Partner(1));
    assert_eq!(file.commitments[1].party, CommitmentParty::Association);
    assert_eq!(file.commitments[0].id, None);
    let imported = file.validated_for_import().expect("importable");
    let funder = &imported.file.commitments[0].draft.financial[0];
    assert_eq!(funder.budget_line.as_deref(), Some("Politique de la ville"));
    assert_eq!(
        funder.schedule.instalments()[0].amount_cents,
        2_000_000,
        "validated: instalments in date order"
    );
    // Written back: the party as the file names it, the commitments after partners.
    let written = file.to_json_string().expect("json");
    assert!(
        written.contains("\"party\": {\n        \"partner\": 1\n      }"),
        "{written}"
    );
    assert!(written.contains("\"party\": \"association\""));
    assert_eq!(
        AllianceFile::from_json_slice(written.as_bytes()).expect("again"),
        file
    );

    let mut wrong = file.clone();
    wrong.commitments[0].party = CommitmentParty::Partner(3);
    wrong.commitments[1].party = CommitmentParty::Partner(0);
    wrong.commitments[0].draft.financial[0].amount_cents = 2_500_000;
    let err = wrong.validated_for_import().expect_err("dangling");
    let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            "commitments.1.party",
            "commitments.1.draft.financial.0.schedule",
            "commitments.2.party"
        ]
    );
    assert_eq!(
        err.0[0].message,
        "Le partenaire n°\u{a0}3 n’existe pas dans ce fichier\u{a0}: il en compte 1, numérotés à partir de 1."
    );
    assert!(err.0[1]
        .message
        .contains("5\u{202f}000,00\u{202f}€ de trop"));

    let mut twice = file.clone();
    twice.commitments[1].party = CommitmentParty::Partner(1);
    let err = twice.validated_for_import().expect_err("twice");
    assert_eq!(err.0[0].field, "commitments.2.party");
    assert_eq!(
        err.0[0].message,
        "Le partenaire n°\u{a0}1 a déjà ses engagements plus haut dans ce fichier."
    );

    let mut many = file;
    many.commitments = vec![many.commitments[1].clone(); 3];
    let err = many.validated_for_import().expect_err("too many");
    assert_eq!(err.0.len(), 1);
    assert_eq!(err.0[0].field, "commitments");
}

fn organisation(name: &str) -> Organisation {
    Organisation {
        name: name.into(),
        ..Default::default()
    }
}

#[test]
fn the_profile_is_validated_like_a_partner() {
    let mut file = AllianceFile::from_json_slice(valid_json().as_bytes()).expect("valid");
    file.profile = Some(Organisation {
        siret: Some("12345678901234".into()),
        rna: Some("X12".into()),
        postal_code: Some("380".into()),
        bank: Some(crate::organisation::BankDetails {
            iban: "NOT AN IBAN AT ALL".into(),
            ..Default::default()
        }),
        ..organisation("Association Alpha")
    });
    let err = file.validated_for_import().expect_err("bad profile");
    let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
    for field in [
        "profile.siret",
        "profile.rna",
        "profile.postalCode",
        "profile.bank.iban",
    ] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    // A valid profile comes back normalised.
    file.profile = Some(Organisation {
        siret: Some("329 338 883 00153".into()),
        ..organisation(" Association Alpha ")
    });
    let imported = file.validated_for_import().expect("valid profile");
    let profile = imported.file.profile.expect("profile");
    assert_eq!(profile.name, "Association Alpha");
    assert_eq!(profile.siret.as_deref(), Some("32933888300153"));
}

#[test]
fn organisations_are_the_same_by_registration_number_only() {
    let a = Organisation {
        siret: Some("32933888300153".into()),
        ..organisation("Alpha")
    };
    // Another establishment of the same SIREN, under another name: the same.
    let same_siren = Organisation {
        siret: Some("32933888300245".into()),
        ..organisation("Autre nom")
    };
    assert!(same_organisation(&a, &same_siren));
    let siren_only = Organisation {
        siret: Some("329338883".into()),
        ..organisation("Autre nom")
    };
    assert!(same_organisation(&a, &siren_only));
    let other_siren = Organisation {
        siret: Some("73282932000074".into()),
        ..organisation("Alpha")
    };
    assert!(
        !same_organisation(&a, &other_siren),
        "the identifier decides"
    );
    let rna = |name: &str, rna: &str| Organisation {
        rna: Some(rna.into()),
        ..organisation(name)
    };
    assert!(same_organisation(
        &rna("X", "W691234567"),
        &rna("Y", "W691234567")
    ));
    assert!(
        !same_organisation(
            &rna("Comité des fêtes", "W372000001"),
            &rna("Comité des fêtes", "W372000002")
        ),
        "different RNA numbers, same name: two associations"
    );
    // Same name, no numbers: never the same (homonyms stay two parties).
    assert!(!same_organisation(
        &organisation("Maison des Solidarités"),
        &organisation("Maison des Solidarités")
    ));
    assert!(!same_organisation(
        &organisation("Maison des Solidarités"),
        &organisation("  MAISON des solidarites ")
    ));
    // Numbers of different kinds: nothing in common, not the same.
    assert!(!same_organisation(&a, &rna("Alpha", "W691234567")));
    assert!(!same_organisation(&a, &organisation("Alpha")));
}

fn sender_file() -> ImportedAlliance {
    let json = valid_json()
        .replace(
            "\"profile\": null",
            r#""profile": { "name": "Association Alpha", "city": "Grenoble" }"#,
        )
        .replace(
            "\"partners\": [] }",
            r#""partners": [ { "organisation": { "name": "Commune de Villard" },
                           "actorType": "local_authority", "role": "funder" } ],
           "commitments": [
             { "party": "association",
               "draft": { "inKind": [ { "description": "Salle", "valueCents": 0 } ] } },
             { "party": { "partner": 1 },
               "draft": { "financial": [ { "nature": "subsidy", "amountCents": 100000,
                 "schedule": { "kind": "at_signature" } } ] } } ] }"#,
        );
    let file = AllianceFile::from_json_slice(json.as_bytes()).expect("parses");
    file.validated_for_import().expect("importable")
}

#[test]
fn the_sender_becomes_a_partner_of_another_vault() {
    let imported = sender_file();
    // The vault of another association: the sender is appended as a member.
    let planned = imported
        .clone()
        .for_vault(Some(&organisation("Association Bêta")))
        .expect("plan");
    assert_eq!(planned.file.partners.len(), 2);
    let sender = &planned.file.partners[1];
    assert_eq!(sender.organisation.name, "Association Alpha");
    assert_eq!(sender.actor_type, ActorType::Association);
    assert_eq!(sender.role, PartnerRole::Member);
    let data = planned.render_input();
    let parties: Vec<_> = data.commitments.iter().map(|c| c.party).collect();
    assert_eq!(
        parties,
        vec![CommitmentParty::Partner(1), CommitmentParty::Partner(2)]
    );
    assert_eq!(data.commitments[1].draft.in_kind[0].description, "Salle");

    // Its id is derived from the alliance and the sender: the same at every import.
    assert_eq!(
        sender.id,
        sender_partner_id(
            &imported.file.alliance.id,
            imported.file.profile.as_ref().expect("profile")
        )
    );
    let again = imported
        .clone()
        .for_vault(Some(&organisation("Association Bêta")))
        .expect("plan");
    assert_eq!(again.file.partners[1].id, sender.id);

    // A vault without a profile has no association of its own yet: the sender is a
    // partner all the same, with the same id, and its commitments go to it (never to
    // an association not yet described).
    let no_profile = imported.clone().for_vault(None).expect("none");
    assert_eq!(no_profile, planned);
    assert!(no_profile
        .file
        .commitments
        .iter()
        .all(|c| c.party != FileParty::Association));

    // The sender marked among the file's partners (the explicit link, never the
    // name): that partner gets its commitments, merged with its own entry, and loses
    // the mark (in this vault it is not the own association).
    let mut listed = imported.clone();
    listed.file.partners[0].own_association = true;
    let planned = listed
        .for_vault(Some(&organisation("Association Bêta")))
        .expect("merged");
    assert_eq!(planned.file.partners.len(), 1);
    assert!(!planned.file.partners[0].own_association);
    let data = planned.render_input();
    assert_eq!(data.commitments.len(), 1);
    assert_eq!(data.commitments[0].party, CommitmentParty::Partner(1));
    assert_eq!(data.commitments[0].draft.financial.len(), 1);
    assert_eq!(data.commitments[0].draft.in_kind.len(), 1);
}

#[test]
fn a_sender_with_our_name_but_no_number_stays_a_separate_partner() {
    let imported = sender_file();
    // Same name (other case) and same city as this vault's association, no numbers:
    // only a lookalike, so the sender is a partner; the import asks about it.
    let lookalike = Organisation {
        city: Some("Grenoble".into()),
        ..organisation("ASSOCIATION ALPHA")
    };
    let sender = imported.file.profile.clone().expect("profile");
    assert!(crate::identity::suspicion(&sender, &lookalike).is_some());
    let planned = imported.clone().for_vault(Some(&lookalike)).expect("plan");
    assert_eq!(planned.file.partners.len(), 2);
    assert_eq!(
        planned.file.partners[1].organisation.name,
        "Association Alpha"
    );
    assert!(!planned.file.partners[1].own_association);
    assert!(planned
        .file
        .commitments
        .iter()
        .all(|c| c.party != FileParty::Association));

    // The sender's own vault, recognised by its SIRET: unchanged.
    let mut numbered = imported.clone();
    if let Some(profile) = numbered.file.profile.as_mut() {
        profile.siret = Some("32933888300153".into());
    }
    let own = Organisation {
        siret: Some("32933888300153".into()),
        ..organisation("Nom changé depuis")
    };
    assert_eq!(
        numbered.clone().for_vault(Some(&own)).expect("own"),
        numbered
    );
}

#[test]
fn the_sender_listed_under_its_derived_id_is_not_added_twice() {
    let imported = sender_file();
    let sender = imported.file.profile.clone().expect("profile");
    let id = sender_partner_id(&imported.file.alliance.id, &sender);
    // A file that already lists the sender under the id an import derived for it.
    let mut listed = imported.clone();
    let mut partner = listed.file.partners[0].clone();
    partner.id = id.clone();
    partner.organisation = sender.clone();
    listed.file.partners.push(partner);
    let planned = listed
        .for_vault(Some(&organisation("Association Bêta")))
        .expect("plan");
    assert_eq!(planned.file.partners.len(), 2);
    assert_eq!(planned.file.partners[1].id, id);
    // A UUID of version 5, different for another sender or another alliance.
    let uuid = uuid::Uuid::parse_str(&id).expect("uuid");
    assert_eq!(uuid.get_version_num(), 5);
    let other = Organisation {
        rna: Some("W381000001".into()),
        ..sender.clone()
    };
    assert_ne!(sender_partner_id(&imported.file.alliance.id, &other), id);
    assert_ne!(
        sender_partner_id("5b0c5d3e-0000-4000-8000-000000000001", &sender),
        id
    );
}

#[test]
fn the_derived_id_is_rfc_9562_version_5() {
    // RFC 9562 appendix A.4: the DNS namespace and "www.example.com".
    let id = super::import::uuid_v5(uuid::Uuid::NAMESPACE_DNS, b"www.example.com");
    assert_eq!(id.to_string(), "2ed6657d-e927-568b-95e1-2665a8aea6a2");
}

#[test]
fn a_file_without_commitments_writes_none() {
    let file = AllianceFile::from_json_slice(valid_json().as_bytes()).expect("valid");
    assert!(file.commitments.is_empty());
    assert!(!file.to_json_string().expect("json").contains("commitments"));
}
