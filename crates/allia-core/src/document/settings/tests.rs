//! Unit tests of the document settings: clause changes, validation, the user's annexes.

use super::annexes::MAX_USER_ANNEXES;
use super::*;
use crate::document::PartySignature;

#[test]
fn clause_changes_merge_into_one_override() {
    let base = DocumentSettings::default();
    let off = base.with_clause_change("confidentialite", ClauseChange::Include(false));
    assert_eq!(
        off.overrides,
        vec![ClauseOverride {
            clause_id: "confidentialite".into(),
            enabled: Some(false),
            text: None
        }]
    );
    // The text survives a toggle, the toggle survives an edit, in place.
    let edited = off
        .with_clause_change("objet", ClauseChange::SetText("Nouveau".into()))
        .with_clause_change("confidentialite", ClauseChange::SetText("Secret".into()))
        .with_clause_change("objet", ClauseChange::Include(true));
    assert_eq!(
        edited.overrides,
        vec![
            ClauseOverride {
                clause_id: "confidentialite".into(),
                enabled: Some(false),
                text: Some("Secret".into())
            },
            ClauseOverride {
                clause_id: "objet".into(),
                enabled: Some(true),
                text: Some("Nouveau".into())
            },
        ]
    );
    // Resetting keeps the choice; an override left changing nothing goes.
    let reset = edited.with_clause_change("confidentialite", ClauseChange::ResetText);
    assert_eq!(reset.overrides[0].text, None);
    assert_eq!(reset.overrides[0].enabled, Some(false));
    let plain = base
        .with_clause_change("objet", ClauseChange::SetText("x".into()))
        .with_clause_change("objet", ClauseChange::ResetText);
    assert!(plain.overrides.is_empty());
    assert_eq!(
        serde_json::to_value(ClauseChange::Include(false)).expect("json"),
        serde_json::json!({ "type": "include", "value": false })
    );
}

#[test]
fn settings_validation() {
    let ok = DocumentSettings {
        title: " Convention 2026 ".into(),
        overrides: vec![
            ClauseOverride {
                clause_id: "confidentialite".into(),
                enabled: Some(false),
                text: None,
            },
            ClauseOverride {
                clause_id: "confidentialite".into(),
                enabled: None,
                text: Some("Texte".into()),
            },
            ClauseOverride {
                clause_id: "objet".into(),
                enabled: None,
                text: None,
            },
        ],
        ..Default::default()
    }
    .validated()
    .expect("valid");
    assert_eq!(ok.title, "Convention 2026");
    assert_eq!(
        ok.overrides.len(),
        1,
        "last override per clause kept, empty ones dropped"
    );
    assert_eq!(ok.overrides[0].text.as_deref(), Some("Texte"));

    let err = DocumentSettings {
        title: String::new(),
        copies: Some(0),
        ..Default::default()
    }
    .validated()
    .expect_err("invalid");
    let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["title", "copies"]);
    assert_eq!(err.0[1].message, "Indiquez entre 1 et 50 exemplaires.");
}

#[test]
fn clause_changes_are_bounded() {
    let change = |id: &str, text: Option<String>| ClauseOverride {
        clause_id: id.into(),
        enabled: None,
        text,
    };
    let settings = |overrides| DocumentSettings {
        title: "Convention".into(),
        overrides,
        ..Default::default()
    };
    let err = settings(vec![change("objet", Some("x".repeat(MAX_CLAUSE_TEXT + 1)))])
        .validated()
        .expect_err("long clause");
    assert_eq!(err.0[0].field, "clauses.objet");
    assert_eq!(
        err.0[0].message,
        "Ce texte est trop long\u{a0}: 20\u{202f}000 caractères au plus (20\u{202f}001 saisis)."
    );
    assert!(
        settings(vec![change("objet", Some("x".repeat(MAX_CLAUSE_TEXT)))])
            .validated()
            .is_ok()
    );

    let err = settings(vec![change("objet", Some("a\u{0}b".into()))])
        .validated()
        .expect_err("NUL");
    assert_eq!(
        err.0[0].message,
        "Caractère de contrôle invisible (U+0000) dans ce texte, après «\u{a0}a\u{a0}»\u{a0}: retirez-le."
    );
    // A clause's text comes out composed, its line breaks written `\n`, not trimmed.
    let ok = settings(vec![change("objet", Some(" Se\u{300}vres\r\n".into()))])
        .validated()
        .expect("NFD clause");
    assert_eq!(ok.overrides[0].text.as_deref(), Some(" Sèvres\n"));

    for bad in ["", "Objet", "objet.titre", "clé", &"x".repeat(65)] {
        let err = settings(vec![change(bad, None)])
            .validated()
            .expect_err(bad);
        assert_eq!(err.0[0].field, "clauses", "{bad}");
        assert_eq!(
            err.0[0].message,
            "Cette clause n’existe pas dans les modèles d’Allia."
        );
    }

    let many = (0..=MAX_OVERRIDES)
        .map(|i| change(&format!("c{i}"), Some("t".into())))
        .collect();
    let err = settings(many).validated().expect_err("too many");
    assert_eq!(err.0.len(), 1);
    assert_eq!(
        err.0[0].message,
        "Trop de clauses modifiées\u{a0}: 200 au plus (201 en tout)."
    );
}

#[test]
fn dates_in_implausible_years_are_refused_at_their_field() {
    let year_one = chrono::NaiveDate::from_ymd_opt(1, 12, 3).expect("date");
    let err = PartySignature {
        party: "Mairie".into(),
        signatory: "Claire Moreau".into(),
        signed_on: year_one,
    }
    .validated()
    .expect_err("year 1");
    assert_eq!(err.0[0].field, "signedOn");
    assert_eq!(
        err.0[0].message,
        "Cette date de signature semble erronée\u{a0}: vérifiez l’année."
    );
    let err = DocumentSettings {
        title: "Convention".into(),
        signature_date: Some(year_one),
        ..Default::default()
    }
    .validated()
    .expect_err("year 1");
    assert_eq!(err.0[0].field, "signatureDate");
    let ok = DocumentSettings {
        title: "Convention".into(),
        signature_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 3),
        ..Default::default()
    }
    .validated()
    .expect("2026");
    assert_eq!(
        ok.signature_date,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
    );
}

const ANNEX_ID: &str = "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f";

fn annex(id: &str, title: &str, file_name: Option<&str>) -> UserAnnex {
    UserAnnex {
        id: id.into(),
        title: title.into(),
        file_name: file_name.map(str::to_string),
    }
}

fn with_annexes(annexes: Vec<UserAnnex>) -> DocumentSettings {
    DocumentSettings {
        title: "Convention".into(),
        initials: true,
        annexes,
        ..Default::default()
    }
}

#[test]
fn annexes_are_trimmed_and_kept_in_order() {
    let other = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    let ok = with_annexes(vec![
        annex(
            ANNEX_ID,
            " Statuts de l’association ",
            Some(" statuts.pdf "),
        ),
        annex(other, "Relevé d’identité bancaire", Some("  ")),
    ])
    .validated()
    .expect("valid");
    assert!(ok.initials);
    assert_eq!(
        ok.annexes,
        vec![
            annex(ANNEX_ID, "Statuts de l’association", Some("statuts.pdf")),
            annex(other, "Relevé d’identité bancaire", None),
        ]
    );
    assert!(with_annexes(vec![annex(ANNEX_ID, &"é".repeat(200), None)])
        .validated()
        .is_ok());
}

#[test]
fn annex_titles_are_required_short_and_on_one_line() {
    let field = format!("annexes.{ANNEX_ID}.title");
    for (title, message) in [
        ("  ", "Indiquez le titre de l’annexe.".to_string()),
        (
            &"x".repeat(201)[..],
            "Ce texte est trop long\u{a0}: 200 caractères au plus (201 saisis).".to_string(),
        ),
        (
            "Statuts\u{1b}",
            "Caractère de contrôle invisible (U+001B) dans ce texte, après «\u{a0}Statuts\u{a0}»\u{a0}: retirez-le.".to_string(),
        ),
    ] {
        let err = with_annexes(vec![annex(ANNEX_ID, title, None)])
            .validated()
            .expect_err(title);
        assert_eq!(err.0.len(), 1, "{title:?}: {err:?}");
        assert_eq!(err.0[0].field, field);
        assert_eq!(err.0[0].message, message);
    }
}

#[test]
fn an_annex_title_pasted_on_two_lines_is_one_line() {
    let ok = with_annexes(vec![annex(ANNEX_ID, "Statuts\r\nsigne\u{301}s\t", None)])
        .validated()
        .expect("two lines");
    assert_eq!(ok.annexes[0].title, "Statuts signés");
}

#[test]
fn annex_ids_and_file_names_are_checked() {
    for bad in [
        "",
        "1",
        "0B7E5A4C-3F1D-4E2A-9C8B-1A2B3C4D5E6F",
        "../../etc/passwd",
    ] {
        let err = with_annexes(vec![annex(bad, "Statuts", None)])
            .validated()
            .expect_err(bad);
        assert_eq!(err.0[0].field, "annexes", "{bad}");
        assert_eq!(
            err.0[0].message,
            "Cette annexe n’est pas reconnue\u{a0}: ajoutez-la de nouveau."
        );
    }
    let err = with_annexes(vec![
        annex(ANNEX_ID, "Statuts", None),
        annex(ANNEX_ID, "RIB", None),
    ])
    .validated()
    .expect_err("twice");
    assert_eq!(
        err.0[0].message,
        "Cette annexe figure deux fois dans la liste."
    );

    let field = format!("annexes.{ANNEX_ID}.fileName");
    for bad in [
        "..",
        "dossier/statuts.pdf",
        "C:\\statuts.pdf",
        "sta\u{0}tuts.pdf",
    ] {
        let err = with_annexes(vec![annex(ANNEX_ID, "Statuts", Some(bad))])
            .validated()
            .expect_err(bad);
        assert_eq!(err.0[0].field, field, "{bad:?}");
    }
    let err = with_annexes(vec![annex(ANNEX_ID, "Statuts", Some("..."))])
        .validated()
        .map(|s| s.annexes[0].file_name.clone());
    assert_eq!(err.expect("three dots is a name"), Some("...".to_string()));
    let err = with_annexes(vec![annex(ANNEX_ID, "Statuts", Some(&"a".repeat(256)))])
        .validated()
        .expect_err("long name");
    assert_eq!(
        err.0[0].message,
        "Ce texte est trop long\u{a0}: 255 caractères au plus (256 saisis)."
    );
}

#[test]
fn at_most_twenty_annexes() {
    let ids: Vec<String> = (0..=MAX_USER_ANNEXES)
        .map(|i| format!("00000000-0000-4000-8000-{i:012x}"))
        .collect();
    let annexes = |n: usize| {
        ids.iter()
            .take(n)
            .map(|id| annex(id, "Pièce", None))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        with_annexes(annexes(MAX_USER_ANNEXES))
            .validated()
            .expect("twenty")
            .annexes
            .len(),
        MAX_USER_ANNEXES
    );
    let err = with_annexes(annexes(MAX_USER_ANNEXES + 1))
        .validated()
        .expect_err("21");
    assert_eq!(err.0.len(), 1);
    assert_eq!(err.0[0].field, "annexes");
    assert_eq!(
        err.0[0].message,
        "Trop d’annexes ajoutées\u{a0}: 20 au plus (21 en tout)."
    );
}
