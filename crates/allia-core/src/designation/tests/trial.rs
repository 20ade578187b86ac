//! The designation read right whatever was stored: no doubled article, elision of « le »
//! and « la », verb agreement, the article of a proper name, genders of proper names and
//! of nouns after an elided article, and the example sentence's quotes (trial 9).

use crate::designation::*;
use crate::partner::ActorType;
use Gender::{Feminine as F, Masculine as M};
use GrammaticalNumber::{Plural as P, Singular as S};

fn designation(article: Article, gender: Gender, number: GrammaticalNumber) -> Designation {
    Designation {
        article,
        gender,
        number,
        short_name: "x".into(),
    }
}

#[test]
fn a_name_with_its_own_article_never_gets_a_second_one() {
    for (name, article, expected) in [
        (
            "Les Jardins partagés de Brenne",
            Article::Les,
            "les Jardins partagés de Brenne",
        ),
        ("les Amies", Article::Les, "les Amies"),
        ("LES Compagnons", Article::Le, "les Compagnons"),
        ("Le Relais", Article::La, "le Relais"),
        ("La Ressourcerie", Article::Le, "la Ressourcerie"),
        ("L’Hôpital Nord-Ouest", Article::L, "l’Hôpital Nord-Ouest"),
        ("L'Hôpital Nord-Ouest", Article::La, "l’Hôpital Nord-Ouest"),
    ] {
        let d = designation(article, F, P);
        assert_eq!(d.with_article(name), expected, "{name}");
        assert_eq!(
            of_designated(&d.with_article(name))
                .matches(" les ")
                .count(),
            0,
            "{name}"
        );
    }
    let d = designation(Article::Les, F, P);
    let name = "Les Jardins partagés de Brenne";
    assert_eq!(
        of_designated(&d.with_article(name)),
        "des Jardins partagés de Brenne"
    );
    assert!(example_sentence(name, &d).starts_with("Les Jardins partagés de Brenne, "));
}

#[test]
fn validation_refuses_an_article_before_a_name_that_has_one() {
    let d = Designation {
        article: Article::Les,
        gender: F,
        number: P,
        short_name: "les Jardins".into(),
    };
    let err = d
        .validated_for("Les Jardins partagés de Brenne")
        .expect_err("doubled");
    assert_eq!(err.0.len(), 1);
    assert_eq!(err.0[0].field, "article");
    assert_eq!(
        err.0[0].message,
        "Le nom commence déjà par «\u{a0}Les\u{a0}»\u{202f}: choisissez «\u{a0}aucun article\u{a0}»."
    );
    let err = Designation {
        article: Article::La,
        ..d.clone()
    }
    .validated_for("L'Étape")
    .expect_err("doubled");
    assert!(err.0[0].message.contains("«\u{a0}L’\u{a0}»"), "{err:?}");
    // No article, or a name without one: accepted.
    let none = Designation {
        article: Article::None,
        ..d.clone()
    };
    assert!(none.validated_for("Les Jardins partagés").is_ok());
    assert!(d.validated_for("Jardins partagés").is_ok());
    // « Leclerc », « Lacanau »: not an article.
    assert!(d.validated_for("Leclerc Solidarité").is_ok());
    assert!(d.validated_for("Lacanau Surf").is_ok());
    // Both errors at once.
    let err = Designation {
        short_name: String::new(),
        ..d
    }
    .validated_for("Les Amies")
    .expect_err("two");
    let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["shortName", "article"]);
}

#[test]
fn le_and_la_are_elided_before_a_vowel_or_a_mute_h_whatever_was_stored() {
    let le = designation(Article::Le, M, S);
    assert_eq!(
        le.with_article("Atelier Sport et Insertion Brenne"),
        "l’Atelier Sport et Insertion Brenne"
    );
    assert_eq!(le.with_article("Hôtel de ville"), "l’Hôtel de ville");
    assert_eq!(le.with_article("Hameau des Cèdres"), "le Hameau des Cèdres");
    let la = designation(Article::La, F, S);
    assert_eq!(la.with_article("Épicerie du Val"), "l’Épicerie du Val");
    assert_eq!(la.with_article("Halle aux grains"), "la Halle aux grains");
    // « l’ » stored before a consonant: the gender decides.
    assert_eq!(
        designation(Article::L, F, S).with_article("Commune de Tours"),
        "la Commune de Tours"
    );
    assert_eq!(
        designation(Article::L, M, S).with_article("Département"),
        "le Département"
    );
    // Contractions and short names typed without the elision.
    assert_eq!(of_designated(&le.with_article("Atelier")), "de l’Atelier");
    assert_eq!(of_designated("le Atelier"), "de l’Atelier");
    assert_eq!(to_designated("la Épicerie"), "à l’Épicerie");
    assert_eq!(of_short_designated("le Atelier"), "de l’Atelier");
    assert_eq!(short_designated("le Atelier"), "l’Atelier");
    assert_eq!(mid_sentence("La Halle"), "la Halle");
    assert_eq!(of_designated("le Hameau"), "du Hameau");
    let sentence = example_sentence(
        "Atelier sans article",
        &Designation {
            short_name: "le Atelier".into(),
            ..le
        },
    );
    assert_eq!(
        sentence,
        "L’Atelier sans article, représenté par …, ci-après dénommé \
         «\u{a0}l’Atelier\u{a0}». Engagements de l’Atelier."
    );
}

#[test]
fn the_verb_agrees_with_the_number() {
    assert_eq!(verb(S, "contribue", "contribuent"), "contribue");
    assert_eq!(verb(P, "contribue", "contribuent"), "contribuent");
    assert_eq!(verb(P, "s’engage", "s’engagent"), "s’engagent");
}

#[test]
fn the_article_of_a_proper_name_keeps_its_capital_unless_contracted() {
    // La Poste: « de La Poste », « à La Poste » (the company's own usage; Imprimerie
    // nationale: the article that belongs to a proper name keeps its capital).
    let poste = propose("La Poste", None, ActorType::Company);
    assert_eq!(poste.article, Article::None);
    assert_eq!(poste.with_article("La Poste"), "La Poste");
    assert_eq!(of_designated("La Poste"), "de La Poste");
    assert_eq!(to_designated("La Poste"), "à La Poste");
    assert_eq!(short_designated(&poste.short_name), "La\u{a0}Poste");
    assert_eq!(of_short_designated("La Poste"), "de La\u{a0}Poste");
    // Le Havre: contracted, the article disappears into « du », « au ».
    assert_eq!(
        mid_sentence("Le Havre Seine Métropole"),
        "Le Havre Seine Métropole"
    );
    assert_eq!(of_designated("Le Havre"), "du Havre");
    assert_eq!(to_designated("Le Havre"), "au Havre");
    assert_eq!(of_designated("L’Étape"), "de L’Étape");
    // A head noun of the lexicon: a common noun, the article lower-cased.
    assert_eq!(of_designated("Les Restos du Cœur"), "des Restos du Cœur");
    assert_eq!(mid_sentence("Les Restos du Cœur"), "les Restos du Cœur");
    assert_eq!(mid_sentence("La Ressourcerie"), "la Ressourcerie");
    assert_eq!(
        of_designated("L’Hôpital Nord-Ouest"),
        "de l’Hôpital Nord-Ouest"
    );
    assert_eq!(of_designated("Le Relais"), "du Relais");
    // Typed in lower case: kept in lower case.
    assert_eq!(of_designated("la Poste"), "de la Poste");
}

#[test]
fn genders_of_proper_names_and_of_the_noun_after_an_elided_article() {
    let etape = propose(
        "L’Étape – association d’insertion",
        None,
        ActorType::Association,
    );
    assert_eq!(
        (etape.article, etape.gender, etape.number),
        (Article::None, F, S)
    );
    assert_eq!(etape.agree("représenté"), "représentée");
    assert_eq!(propose("L'Escale", None, ActorType::Citizens).gender, F);
    // A proper name agrees with the noun of its legal form: networks are associations.
    for actor in [
        ActorType::Association,
        ActorType::AssociationNetwork,
        ActorType::Foundation,
        ActorType::Company,
    ] {
        assert_eq!(propose("Emmaüs France", None, actor).gender, F, "{actor:?}");
    }
    assert_eq!(propose("Emmaüs France", None, ActorType::State).gender, M);
    // The lexicon still decides for a head noun.
    assert_eq!(
        propose("Réseau Cocagne", None, ActorType::AssociationNetwork).gender,
        M
    );
}

#[test]
fn the_example_sentence_quotes_like_the_contracts() {
    let d = Designation {
        article: Article::La,
        gender: F,
        number: S,
        short_name: "la Maison « des Solidarités »".into(),
    };
    let sentence = example_sentence("Maison des Solidarités", &d);
    assert!(
        sentence.contains("ci-après dénommée «\u{a0}la Maison “des Solidarités”\u{a0}»."),
        "{sentence}"
    );
    assert!(!sentence.contains("«\u{a0}la Maison «"), "{sentence}");
    assert_eq!(
        quoted("Fondation \"Solidarités\""),
        "«\u{a0}Fondation “Solidarités”\u{a0}»"
    );
    assert_eq!(inner_quotes("un \" seul"), "un \" seul");
    // A plural designation: plural participles.
    let p = Designation {
        article: Article::None,
        gender: M,
        number: P,
        short_name: "les Compagnons".into(),
    };
    assert_eq!(
        example_sentence("Les Compagnons bâtisseurs", &p),
        "Les Compagnons bâtisseurs, représentés par …, ci-après dénommés \
         «\u{a0}les Compagnons\u{a0}». Engagements des Compagnons."
    );
}
