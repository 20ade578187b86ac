//! Agreements, pronouns, contractions and the example sentence.

use crate::designation::*;
use crate::partner::ActorType;
use Gender::{Feminine as F, Masculine as M};
use GrammaticalNumber::{Plural as P, Singular as S};

#[test]
fn designated_names_agreement_and_pronouns() {
    let d = propose(
        "Département d’Indre-et-Loire",
        None,
        ActorType::LocalAuthority,
    );
    assert_eq!(
        d.with_article("Département d’Indre-et-Loire"),
        "le Département d’Indre-et-Loire"
    );
    assert_eq!(d.agree("représenté"), "représenté");
    assert_eq!(d.pronoun(), "celui-ci");
    let u = propose("Université de Tours", None, ActorType::Academic);
    assert_eq!(
        u.with_article("Université de Tours"),
        "l’Université de Tours"
    );
    assert_eq!(u.agree("dénommé"), "dénommée");
    assert_eq!(u.pronoun(), "celle-ci");
    assert_eq!(agree("représenté", M, P), "représentés");
    assert_eq!(agree("représenté", F, P), "représentées");
    assert_eq!(agree("responsable", F, S), "responsable");
    assert_eq!(agree("tenu", F, P), "tenues");
    assert_eq!(pronoun(M, P), "ceux-ci");
    assert_eq!(pronoun(F, P), "celles-ci");
    assert_eq!(upper_first("l’Université"), "L’Université");
    assert_eq!(upper_first(""), "");
}

#[test]
fn contractions_of_de_and_a() {
    assert_eq!(of_designated("le Département"), "du Département");
    assert_eq!(of_designated("les Restos du Cœur"), "des Restos du Cœur");
    assert_eq!(
        of_designated("Les Amis du Quartier"),
        "des Amis du Quartier"
    );
    assert_eq!(of_designated("Le Relais"), "du Relais");
    assert_eq!(of_designated("la Commune"), "de la Commune");
    assert_eq!(of_designated("La Poste"), "de La Poste");
    assert_eq!(
        of_designated("L’Hôpital Nord-Ouest"),
        "de l’Hôpital Nord-Ouest"
    );
    assert_eq!(to_designated("Le Relais"), "au Relais");
    assert_eq!(to_designated("La Poste"), "à La Poste");
    assert_eq!(mid_sentence("L'Hôpital Nord-Ouest"), "l’Hôpital Nord-Ouest");
    assert_eq!(mid_sentence("Les Restos du Cœur"), "les Restos du Cœur");
    assert_eq!(mid_sentence(" Lesage "), "Lesage");
    assert_eq!(short_designated("la MSVB"), "la\u{a0}MSVB");
    assert_eq!(short_designated("Le Relais"), "le\u{a0}Relais");
    assert_eq!(short_designated("l’Université"), "l’Université");
    assert_eq!(short_designated("OQM"), "OQM");
    assert_eq!(of_short_designated("la MSVB"), "de la\u{a0}MSVB");
    assert_eq!(of_short_designated("le CCAS"), "du\u{a0}CCAS");
    assert_eq!(of_short_designated("l’Université"), "de l’Université");
    assert_eq!(
        to_short_designated("les Restos du Cœur"),
        "aux\u{a0}Restos du Cœur"
    );
    assert_eq!(to_short_designated("la MSVB"), "à la\u{a0}MSVB");
    assert_eq!(of_designated("l’Université"), "de l’Université");
    assert_eq!(of_designated("l'Université"), "de l’Université");
    assert_eq!(of_designated("OQM"), "d’OQM");
    assert_eq!(of_designated("Emmaüs France"), "d’Emmaüs France");
    assert_eq!(
        of_designated("Habitat et Humanisme"),
        "d’Habitat et Humanisme"
    );
    assert_eq!(
        of_designated("Haute-Loire Solidarités"),
        "de Haute-Loire Solidarités"
    );
    assert_eq!(of_designated("MSVB"), "de MSVB");
    assert_eq!(of_designated("Lesage"), "de Lesage");
    assert_eq!(to_designated("le Département"), "au Département");
    assert_eq!(to_designated("les Restos du Cœur"), "aux Restos du Cœur");
    assert_eq!(to_designated("la Commune"), "à la Commune");
    assert_eq!(to_designated("l’Université"), "à l’Université");
    assert_eq!(to_designated("OQM"), "à OQM");
}

#[test]
fn the_example_sentence_agrees_and_contracts() {
    let d = propose(
        "Département d’Indre-et-Loire",
        None,
        ActorType::LocalAuthority,
    );
    assert_eq!(
        example_sentence("Département d’Indre-et-Loire", &d),
        "Le Département d’Indre-et-Loire, représenté par …, ci-après dénommé \
         «\u{a0}le Département\u{a0}». Engagements du Département."
    );
    let u = propose("Université Grenoble Alpes", None, ActorType::Academic);
    assert_eq!(
        example_sentence("Université Grenoble Alpes", &u),
        "L’Université Grenoble Alpes, représentée par …, ci-après dénommée \
         «\u{a0}l’Université\u{a0}». Engagements de l’Université."
    );
    let a = propose("Les Amis du Quartier", Some("LAQ"), ActorType::Association);
    assert_eq!(
        example_sentence(" Les Amis du Quartier ", &a),
        "Les Amis du Quartier, représentée par …, ci-après dénommée \
         «\u{a0}LAQ\u{a0}». Engagements de LAQ."
    );
    assert!(example_sentence("", &Designation::default()).starts_with("[Nom], représentée par"));
}
