//! Tests of a party as the templates see it: designation, contractions, quotes, seat and
//! registrations, the legal form.

use super::*;
use allia_core::{Designation, ForeignRegistration, LocalRegister};

#[test]
fn french_contractions_of_de() {
    let of_form = of_designated;
    assert_eq!(of_form("Les Amis du Quartier"), "des Amis du Quartier");
    assert_eq!(of_form("Le Relais"), "du Relais");
    assert_eq!(of_form("La Ressourcerie"), "de la Ressourcerie");
    // A proper name's own article keeps its capital where it is not contracted.
    assert_eq!(of_form("L'Écho"), "de L’Écho");
    assert_eq!(of_form("ADRV"), "d’ADRV");
    assert_eq!(of_form("Élan"), "d’Élan");
    assert_eq!(of_form("le Département"), "du Département");
    assert_eq!(of_form(""), "de ");
}

#[test]
fn quotes_inside_a_quoted_name_become_english_quotes() {
    assert_eq!(
        quoted("Fondation « Solidarités & Numérique »"),
        "« Fondation “Solidarités & Numérique” »"
    );
    assert_eq!(
        quoted("Fondation \"Solidarités & Numérique\""),
        "« Fondation “Solidarités & Numérique” »"
    );
    assert_eq!(quoted("le Département"), "« le Département »");
    assert_eq!(inner_quotes("un \" seul"), "un \" seul");
}

fn built(org: Organisation, actor_type: ActorType) -> PartyContext {
    party(
        PartyInput {
            org: &org,
            actor_type,
            role: PartnerRole::Funder,
            resources: None,
            tags: Vec::new(),
            is_profile: false,
            partner_index: Some(0),
        },
        2,
        &mut Vec::new(),
    )
}

#[test]
fn a_masculine_body_is_designated_and_agreed() {
    let p = built(
        Organisation {
            name: "Département d’Indre-et-Loire".into(),
            legal_form: Some("Département".into()),
            city: Some("Tours".into()),
            postal_code: Some("37000".into()),
            representative_name: Some("Jean Dupont".into()),
            representative_role: Some("Président du conseil départemental".into()),
            ..Organisation::default()
        },
        ActorType::LocalAuthority,
    );
    assert_eq!(p.designated_name, "le Département d’Indre-et-Loire");
    assert_eq!(p.designated_name_start, "Le Département d’Indre-et-Loire");
    // A short name's article stays on its line (no-break space).
    assert_eq!(p.short_name, "le\u{a0}Département");
    assert_eq!(p.short_name_start, "Le\u{a0}Département");
    assert_eq!(p.of_name, "du Département d’Indre-et-Loire");
    assert_eq!(p.of_short_name, "du\u{a0}Département");
    assert_eq!(p.to_short_name, "au\u{a0}Département");
    assert!(p.is_public_funder);
    assert_eq!(
        p.identity,
        "dont le siège est situé à Tours, représenté par Jean Dupont, Président du conseil départemental"
    );
}

#[test]
fn a_stored_designation_wins_over_the_proposal() {
    let p = built(
        Organisation {
            name: "Université Grenoble Alpes".into(),
            acronym: Some("UGA".into()),
            street: Some("621 avenue Centrale".into()),
            postal_code: Some("38400".into()),
            city: Some("Saint-Martin-d’Hères".into()),
            designation: Some(Designation {
                article: allia_core::Article::L,
                gender: Gender::Feminine,
                number: GrammaticalNumber::Singular,
                short_name: "l’Université".into(),
            }),
            ..Organisation::default()
        },
        ActorType::Academic,
    );
    assert_eq!(p.of_short_name, "de l’Université");
    assert_eq!(p.of_name, "de l’Université Grenoble Alpes");
    assert!(p.identity.starts_with(
        "dont le siège est situé 621 avenue Centrale, 38400 Saint-Martin-d’Hères, représentée par"
    ));
}

#[test]
fn foreign_and_local_law_registrations() {
    let belgian = built(
        Organisation {
            name: "Entraide wallonne".into(),
            legal_form: Some("ASBL".into()),
            street: Some("Rue Royale 12".into()),
            postal_code: Some("7500".into()),
            city: Some("Tournai".into()),
            country: Some("Belgique".into()),
            foreign_registration: Some(ForeignRegistration {
                register: "BCE".into(),
                number: "0456.789.123".into(),
            }),
            ..Organisation::default()
        },
        ActorType::Association,
    );
    assert_eq!(
        belgian.identity,
        "ASBL, immatriculée sous le n° 0456.789.123 auprès de la BCE, dont le siège est situé Rue Royale 12, 7500 Tournai, Belgique, représentée par [à compléter]"
    );
    let alsace = built(
        Organisation {
            name: "Les Amis du Rhin".into(),
            rna: Some("W671234567".into()),
            city: Some("Strasbourg".into()),
            country: Some("France".into()),
            local_register: Some(LocalRegister {
                court: "Strasbourg".into(),
                volume: "12".into(),
                folio: "345".into(),
            }),
            ..Organisation::default()
        },
        ActorType::Association,
    );
    assert_eq!(
        alsace.identity,
        "inscrite au registre des associations du tribunal judiciaire de Strasbourg, volume 12, folio 345, dont le siège est situé à Strasbourg, représentée par [à compléter]"
    );
    assert_eq!(alsace.country, None);
    // Inside a sentence the name's own article is lower-cased and contracted.
    assert_eq!(alsace.designated_name, "les Amis du Rhin");
    assert_eq!(alsace.designated_name_start, "Les Amis du Rhin");
    assert_eq!(alsace.of_name, "des Amis du Rhin");
    assert_eq!(alsace.short_name, "les\u{a0}Amis du Rhin");
}

#[test]
fn the_legal_form_is_not_repeated_after_a_name_that_says_it() {
    assert!(name_says("Département d’Indre-et-Loire", "département"));
    assert!(name_says("SARL Dupont", "SARL"));
    assert!(name_says("Commune de Tours", "Commune"));
    assert!(!name_says(
        "Association Trait d’union",
        "Association loi 1901"
    ));
    assert!(!name_says("Les Amis du Quartier", "Association loi 1901"));
    assert!(!name_says("Communes", "Commune"));
    assert_eq!(
        seat(None, Some("38000"), None, None).as_deref(),
        Some("38000")
    );
    assert_eq!(seat(None, None, None, None), None);
    assert_eq!(
        seat(None, None, Some("Tournai"), Some("Belgique")).as_deref(),
        Some("à Tournai, Belgique")
    );
}
