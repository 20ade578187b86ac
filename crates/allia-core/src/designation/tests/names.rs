//! Proper names, acronyms and names with their own article; decomposed input; every
//! actor type.

use super::check;
use crate::designation::*;
use crate::partner::ActorType;
use Article as A;
use Gender::{Feminine as F, Masculine as M};
use GrammaticalNumber::Singular as S;

#[test]
fn a_decomposed_name_gets_the_proposal_of_the_composed_one() {
    use unicode_normalization::UnicodeNormalization;
    for name in [
        "Département d’Indre-et-Loire",
        "Établissement français du sang",
        "Hôpital de Loches",
        "Université de Tours",
    ] {
        let decomposed: String = name.nfd().collect();
        assert_ne!(decomposed, name);
        let composed = propose(name, Some("ÉFS"), ActorType::LocalAuthority);
        let proposed = propose(
            &decomposed,
            Some(&"ÉFS".nfd().collect::<String>()),
            ActorType::LocalAuthority,
        );
        assert_eq!(proposed, composed, "{name}");
        assert_eq!(
            example_sentence(&decomposed, &proposed),
            example_sentence(name, &composed)
        );
    }
}

#[test]
fn proper_names_acronyms_and_names_with_their_own_article() {
    use ActorType::{Association, AssociationNetwork, Company};
    check(
        "Emmaüs France",
        None,
        Association,
        (A::None, F, S, "Emmaüs France"),
    );
    check(
        "Emmaüs France",
        None,
        AssociationNetwork,
        (A::None, F, S, "Emmaüs France"),
    );
    check("Orange", None, Company, (A::None, F, S, "Orange"));
    check(
        "Office québécois de la mobilité",
        Some("OQM"),
        Association,
        (A::L, M, S, "l’OQM"),
    );
    check(
        "Oxygène Quartiers Mobilité",
        Some("OQM"),
        Association,
        (A::None, F, S, "OQM"),
    );
    check(
        "Observatoire de la mobilité",
        None,
        Association,
        (A::L, M, S, "l’Observatoire de la mobilité"),
    );
    check(
        "Mission locale de Touraine",
        None,
        Association,
        (A::La, F, S, "la Mission locale de Touraine"),
    );
    check(
        "Épicerie solidaire du Val",
        None,
        Association,
        (A::L, F, S, "l’Épicerie solidaire du Val"),
    );
    check(
        "Espace de vie sociale",
        None,
        Association,
        (A::L, M, S, "l’Espace de vie sociale"),
    );
    check(
        "Hôtel de ville de Tours",
        None,
        ActorType::LocalAuthority,
        (A::L, M, S, "l’Hôtel de ville de Tours"),
    );
    check(
        "Centre communal d’action sociale de Château-Renault",
        Some("CCAS"),
        ActorType::LocalAuthority,
        (A::Le, M, S, "le CCAS"),
    );
    check(
        "Société nationale des chemins de fer",
        Some("SNCF"),
        Company,
        (A::La, F, S, "la SNCF"),
    );
    check(
        "Union de recouvrement des cotisations",
        Some("URSSAF"),
        ActorType::State,
        (A::L, F, S, "l’URSSAF"),
    );
    check(
        "Les Amis du Quartier",
        None,
        Association,
        (A::None, F, S, "Les Amis du Quartier"),
    );
    check(
        "Les Amis du Quartier",
        Some("LAQ"),
        Association,
        (A::None, F, S, "LAQ"),
    );
    check(
        "Les Restos du Cœur",
        None,
        Association,
        (A::None, F, S, "Les Restos du Cœur"),
    );
    check(
        "Les Petites Cantines",
        None,
        Association,
        (A::None, F, S, "Les Petites Cantines"),
    );
    check(
        "Les Cigales de Brenne",
        None,
        Association,
        (A::None, F, S, "Les Cigales de Brenne"),
    );
    check(
        "Les Halles de Tours",
        None,
        Company,
        (A::None, F, S, "Les Halles de Tours"),
    );
    check("Le Relais", None, Association, (A::None, M, S, "Le Relais"));
    check(
        "La Ressourcerie",
        None,
        Association,
        (A::None, F, S, "La Ressourcerie"),
    );
    check(
        "L’Étincelle",
        None,
        Association,
        (A::None, F, S, "L’Étincelle"),
    );
    check("L'Envol", None, Association, (A::None, M, S, "L'Envol"));
    check("  ", None, Association, (A::None, F, S, "l’Organisation"));
    // « Lesage » is not « Les » + « age », nor « Laval » « La » + « val ».
    check(
        "Lesage Conseil",
        None,
        Company,
        (A::None, F, S, "Lesage Conseil"),
    );
    check("Laval Agglo", None, Company, (A::None, F, S, "Laval Agglo"));
}

#[test]
fn a_name_with_its_own_plural_article_is_one_body_singular() {
    let d = propose("Les Restos du Cœur", None, ActorType::Association);
    assert_eq!((d.gender, d.number), (F, S));
    assert_eq!(d.agree("représenté"), "représentée");
    assert_eq!(d.agree("dénommé"), "dénommée");
    assert_eq!(d.with_article("Les Restos du Cœur"), "les Restos du Cœur");
    let d = propose(
        "Les Compagnons bâtisseurs",
        None,
        ActorType::AssociationNetwork,
    );
    assert_eq!((d.gender, d.number), (F, S));
    assert_eq!(
        example_sentence(
            "Les Restos du Cœur",
            &propose("Les Restos du Cœur", None, ActorType::Association)
        ),
        "Les Restos du Cœur, représentée par …, ci-après dénommée \
         «\u{a0}les Restos du Cœur\u{a0}». Engagements des Restos du Cœur."
    );
}

#[test]
fn the_proposal_is_valid_for_every_actor_type() {
    for actor in ActorType::ALL {
        for name in ["", "Emmaüs France", "Les Amis", "Commune de Tours"] {
            assert!(propose(name, None, actor).validated().is_ok(), "{name}");
        }
    }
}
