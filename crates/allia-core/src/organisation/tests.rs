//! Unit tests of [`Organisation::validated`]: name, identifiers, contact details and
//! designation (the identity fields are tested in `identity/tests.rs`).

use super::*;

pub(super) fn messages_for(errors: &ValidationErrors, field: &str) -> Vec<String> {
    errors
        .0
        .iter()
        .filter(|e| e.field == field)
        .map(|e| e.message.clone())
        .collect()
}

#[test]
fn name_is_required() {
    let err = Organisation::default().validated().expect_err("empty name");
    assert_eq!(
        messages_for(&err, "name"),
        vec!["Indiquez le nom de l’organisation."]
    );
    let err = Organisation {
        name: "   ".into(),
        ..Default::default()
    }
    .validated()
    .expect_err("blank name");
    assert_eq!(err.0.len(), 1);
}

#[test]
fn name_length_is_counted_in_characters() {
    let ok = Organisation {
        name: "é".repeat(NAME_MAX),
        ..Default::default()
    };
    assert!(ok.validated().is_ok());
    let long = Organisation {
        name: "é".repeat(NAME_MAX + 1),
        ..Default::default()
    };
    let err = long.validated().expect_err("too long");
    assert_eq!(
        messages_for(&err, "name"),
        vec!["Ce texte est trop long\u{a0}: 200 caractères au plus (201 saisis)."]
    );
}

#[test]
fn fields_are_trimmed_and_identifiers_normalised() {
    let org = Organisation {
        name: "  Les Amis du Quartier ".into(),
        rna: Some(" w691234567 ".into()),
        siret: Some("732 829 320 00074".into()),
        email: Some(" ".into()),
        ..Default::default()
    }
    .validated()
    .expect("valid");
    assert_eq!(org.name, "Les Amis du Quartier");
    assert_eq!(org.rna.as_deref(), Some("W691234567"));
    assert_eq!(org.siret.as_deref(), Some("73282932000074"));
    assert_eq!(org.email, None);
}

#[test]
fn every_error_is_reported_with_its_field() {
    let err = Organisation {
        name: "Asso".into(),
        rna: Some("12345".into()),
        siret: Some("73282932000075".into()),
        postal_code: Some("6900".into()),
        email: Some("contact@asso".into()),
        phone: Some("appelez-moi".into()),
        ..Default::default()
    }
    .validated()
    .expect_err("invalid");
    let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["rna", "siret", "postalCode", "email", "phone"]);
    assert_eq!(
        messages_for(&err, "postalCode"),
        vec!["Le code postal compte 5 chiffres (exemple\u{a0}: 69003). Pour une adresse hors de France, indiquez d’abord le pays."]
    );
    assert_eq!(
        messages_for(&err, "email"),
        vec!["Adresse e-mail invalide (exemple : contact@association.fr)."]
    );
    assert_eq!(
        messages_for(&err, "phone"),
        vec!["Numéro de téléphone invalide (exemple : 01 23 45 67 89)."]
    );
}

#[test]
fn control_characters_are_refused() {
    let err = Organisation {
        name: "Asso\u{0007}".into(),
        ..Default::default()
    }
    .validated()
    .expect_err("bell");
    assert_eq!(
        messages_for(&err, "name"),
        vec!["Caractère de contrôle invisible (U+0007) dans ce texte, après «\u{a0}Asso\u{a0}»\u{a0}: retirez-le."]
    );
}

#[test]
fn valid_phone_and_email() {
    let org = Organisation {
        name: "Asso".into(),
        email: Some("contact@asso.fr".into()),
        phone: Some("+33 (0)1 23 45 67 89".into()),
        ..Default::default()
    };
    assert!(org.validated().is_ok());
}

pub(super) fn org(name: &str) -> Organisation {
    Organisation {
        name: name.into(),
        ..Default::default()
    }
}

#[test]
fn the_designation_is_checked_under_its_prefix() {
    let o = Organisation {
        designation: Some(Designation {
            short_name: "  le Département ".into(),
            ..Default::default()
        }),
        ..org("Département d’Indre-et-Loire")
    }
    .validated()
    .expect("designation");
    assert_eq!(
        o.designation.map(|d| d.short_name).as_deref(),
        Some("le Département")
    );
    let err = Organisation {
        designation: Some(Designation {
            short_name: "x".repeat(SHORT_MAX + 1),
            ..Default::default()
        }),
        ..org("X")
    }
    .validated()
    .expect_err("long");
    assert_eq!(messages_for(&err, "designation.shortName").len(), 1);
    let err = Organisation {
        designation: Some(Designation::default()),
        ..org("X")
    }
    .validated()
    .expect_err("empty short name");
    assert_eq!(messages_for(&err, "designation.shortName").len(), 1);
}

#[test]
fn la_poste_head_office_and_pasted_numbers_are_stored_canonical() {
    let o = Organisation {
        siret: Some("356 000 000 00048".into()),
        ..org("La Poste")
    }
    .validated()
    .expect("La Poste head office");
    assert_eq!(o.siret.as_deref(), Some("35600000000048"));
    let o = Organisation {
        siret: Some("329.338.883\u{a0}00153".into()),
        rna: Some("w 372-009-876".into()),
        ..org("X")
    }
    .validated()
    .expect("separators");
    assert_eq!(o.siret.as_deref(), Some("32933888300153"));
    assert_eq!(o.rna.as_deref(), Some("W372009876"));
}
