//! Names that start with a head noun of the lexicon: public bodies, associations,
//! foundations, companies; elision; generic and institutional heads.

use super::check;
use crate::designation::*;
use crate::partner::ActorType;
use Article as A;
use Gender::{Feminine as F, Masculine as M};
use GrammaticalNumber::Singular as S;

#[test]
fn public_bodies_get_their_article_and_a_short_name() {
    use ActorType::{LocalAuthority as Loc, State};
    check(
        "Département d’Indre-et-Loire",
        None,
        Loc,
        (A::Le, M, S, "le Département"),
    );
    check(
        "Département d'Indre-et-Loire",
        None,
        Loc,
        (A::Le, M, S, "le Département"),
    );
    check(
        "Commune de Villard-de-Lans",
        None,
        Loc,
        (A::La, F, S, "la Commune"),
    );
    check("Ville de Tours", None, Loc, (A::La, F, S, "la Ville"));
    check(
        "Région Centre-Val de Loire",
        None,
        Loc,
        (A::La, F, S, "la Région"),
    );
    check(
        "Métropole de Lyon",
        None,
        Loc,
        (A::La, F, S, "la Métropole"),
    );
    check(
        "Communauté de communes du Castelrenaudais",
        None,
        Loc,
        (A::La, F, S, "la Communauté de communes"),
    );
    check(
        "Communauté d'agglomération du Grand Dax",
        None,
        Loc,
        (A::La, F, S, "la Communauté d’agglomération"),
    );
    check("État", None, State, (A::L, M, S, "l’État"));
    check(
        "Préfecture d’Indre-et-Loire",
        None,
        State,
        (A::La, F, S, "la Préfecture"),
    );
    check(
        "Ministère de la Culture",
        None,
        State,
        (A::Le, M, S, "le Ministère"),
    );
    check(
        "Conseil départemental du Rhône",
        None,
        Loc,
        (A::Le, M, S, "le Conseil départemental"),
    );
    check(
        "Syndicat mixte du Pays Vendômois",
        None,
        Loc,
        (A::Le, M, S, "le Syndicat mixte du Pays Vendômois"),
    );
}

#[test]
fn elision_before_a_vowel_and_a_mute_h_not_an_aspirated_h() {
    use ActorType::{Academic, Association, LocalAuthority};
    check(
        "Université Grenoble Alpes",
        None,
        Academic,
        (A::L, F, S, "l’Université"),
    );
    check(
        "École de la deuxième chance",
        None,
        Academic,
        (A::L, F, S, "l’École de la deuxième chance"),
    );
    check(
        "Hôpital Bretonneau",
        None,
        LocalAuthority,
        (A::L, M, S, "l’Hôpital Bretonneau"),
    );
    check(
        "Établissement français du sang",
        None,
        LocalAuthority,
        (A::L, M, S, "l’Établissement français du sang"),
    );
    check(
        "Office de tourisme de Tours",
        None,
        LocalAuthority,
        (A::L, M, S, "l’Office de tourisme de Tours"),
    );
    check(
        "Agence régionale de santé",
        None,
        LocalAuthority,
        (A::L, F, S, "l’Agence régionale de santé"),
    );
    check(
        "Institut Pasteur",
        None,
        Academic,
        (A::L, M, S, "l’Institut Pasteur"),
    );
    check(
        "Union des associations",
        None,
        Association,
        (A::L, F, S, "l’Union des associations"),
    );
    check(
        "Association Trait d’union",
        None,
        Association,
        (A::L, F, S, "l’Association Trait d’union"),
    );
    check(
        "Halle aux grains",
        None,
        LocalAuthority,
        (A::La, F, S, "la Halle aux grains"),
    );
    assert!(starts_with_vowel_sound("Hôtel de ville"));
    assert!(!starts_with_vowel_sound("Haute-Loire"));
    assert!(!starts_with_vowel_sound("Hameau"));
    assert!(!starts_with_vowel_sound(""));
}

#[test]
fn associations_foundations_and_companies() {
    use ActorType::{Association, AssociationNetwork, Company, Foundation};
    check(
        "Maison des Solidarités",
        None,
        Association,
        (A::La, F, S, "la Maison des Solidarités"),
    );
    check(
        "Maison des Solidarités du Val de Brenne",
        Some("MSVB"),
        Association,
        (A::La, F, S, "la MSVB"),
    );
    check(
        "Fondation “Solidarités & Numérique”",
        None,
        Foundation,
        (A::La, F, S, "la Fondation"),
    );
    check(
        "Fonds de dotation Agir ensemble",
        None,
        Foundation,
        (A::Le, M, S, "le Fonds de dotation Agir ensemble"),
    );
    check(
        "Comité des fêtes de Saunay",
        None,
        Association,
        (A::Le, M, S, "le Comité des fêtes de Saunay"),
    );
    check(
        "Centre social La Passerelle",
        None,
        Association,
        (A::Le, M, S, "le Centre social La Passerelle"),
    );
    check(
        "Réseau Cocagne",
        None,
        AssociationNetwork,
        (A::Le, M, S, "le Réseau Cocagne"),
    );
    check(
        "Fédération des centres sociaux",
        None,
        AssociationNetwork,
        (A::La, F, S, "la Fédération des centres sociaux"),
    );
    check(
        "Collectif Vélo Touraine",
        None,
        Association,
        (A::Le, M, S, "le Collectif Vélo Touraine"),
    );
    check(
        "SARL Dupont et fils",
        None,
        Company,
        (A::La, F, S, "la SARL Dupont et fils"),
    );
    check(
        "SCIC Enercoop",
        None,
        Company,
        (A::La, F, S, "la SCIC Enercoop"),
    );
    check(
        "GIE Val de Loire",
        None,
        Company,
        (A::Le, M, S, "le GIE Val de Loire"),
    );
    check(
        "GIP Formation",
        None,
        ActorType::State,
        (A::Le, M, S, "le GIP Formation"),
    );
    check(
        "Caisse d’allocations familiales",
        Some("CAF"),
        ActorType::State,
        (A::La, F, S, "la CAF"),
    );
    check(
        "Mutuelle familiale",
        None,
        Company,
        (A::La, F, S, "la Mutuelle familiale"),
    );
    check(
        "Chambre de commerce et d’industrie",
        None,
        Company,
        (A::La, F, S, "la Chambre de commerce et d’industrie"),
    );
    check(
        "Lycée Descartes",
        None,
        ActorType::Academic,
        (A::Le, M, S, "le Lycée Descartes"),
    );
    check(
        "Théâtre Olympia",
        None,
        Association,
        (A::Le, M, S, "le Théâtre Olympia"),
    );
}

#[test]
fn generic_heads_are_told_apart_institutional_heads_stand_alone() {
    use ActorType::{Association, Foundation, LocalAuthority};
    check(
        "Maison du Hainaut solidaire ASBL",
        None,
        Association,
        (A::La, F, S, "la Maison du Hainaut solidaire ASBL"),
    );
    check(
        "Association Trait d'union",
        Some("ATU"),
        Association,
        (A::L, F, S, "l’ATU"),
    );
    check(
        "Secours populaire français",
        None,
        Association,
        (A::Le, M, S, "le Secours populaire français"),
    );
    check(
        "Secours populaire français",
        Some("SPF"),
        Association,
        (A::Le, M, S, "le SPF"),
    );
    check(
        "Fondation de France",
        None,
        Foundation,
        (A::La, F, S, "la Fondation"),
    );
    check(
        "Communauté de communes Touraine-Est Vallées",
        None,
        LocalAuthority,
        (A::La, F, S, "la Communauté de communes"),
    );
    check(
        "Université de Tours",
        None,
        ActorType::Academic,
        (A::L, F, S, "l’Université"),
    );
    // Two associations are no longer both « l’Association ».
    assert_ne!(
        propose("Association A", None, Association).short_name,
        propose("Association B", None, Association).short_name
    );
}
