//! The proposal: how contracts name an organisation, from its name, its acronym and its
//! kind of actor, when it has no stored designation.

use super::grammar::upper_first;
use super::lexicon::{
    first_word, gender_by_ending, head_of, starts_with_vowel_sound, INSTITUTIONAL_HEADS,
};
use super::{Article, Designation, Gender, GrammaticalNumber};
use crate::partner::ActorType;

/// The gender a name of an unknown shape gets from the kind of actor it names: a proper
/// name (« Emmaüs France », « Orange ») agrees with the noun of its legal form, the one a
/// contract would put before it (« l’association Emmaüs France, représentée par … »).
/// Association, réseau (in France a network is an association, a fédération or an
/// union of associations, loi du 1er juillet 1901), fondation, entreprise (« la
/// société »), collectivité and acteur académique (« l’université », « l’école ») are
/// feminine; catalyseur (« le pôle », « le tiers-lieu »), citoyens (« le collectif ») and
/// État are masculine.
pub fn default_gender(actor_type: ActorType) -> Gender {
    match actor_type {
        ActorType::Association
        | ActorType::AssociationNetwork
        | ActorType::Company
        | ActorType::Foundation
        | ActorType::LocalAuthority
        | ActorType::Academic => Gender::Feminine,
        ActorType::TerritorialCatalyst | ActorType::Citizens | ActorType::State => {
            Gender::Masculine
        }
    }
}

/// The article a name starts with, if any (« Les Amis du Quartier »): the article, and
/// the rest of the name.
pub(super) fn leading_article(name: &str) -> Option<(Article, &str)> {
    let name = name.trim_start();
    for (prefix, article) in [
        ("les ", Article::Les),
        ("le ", Article::Le),
        ("la ", Article::La),
        ("l’", Article::L),
        ("l'", Article::L),
    ] {
        if let Some(head) = name.get(..prefix.len()) {
            if head.to_lowercase() == prefix {
                let rest = name[prefix.len()..].trim_start();
                if !rest.is_empty() {
                    return Some((article, rest));
                }
            }
        }
    }
    None
}

/// The article that goes before a noun of this gender and number.
fn article_for(first: &str, gender: Gender, number: GrammaticalNumber) -> Article {
    match (number, gender) {
        (GrammaticalNumber::Plural, _) => Article::Les,
        _ if starts_with_vowel_sound(first) => Article::L,
        (_, Gender::Masculine) => Article::Le,
        (_, Gender::Feminine) => Article::La,
    }
}

/// Proposes how contracts name an organisation, from its name, its acronym and the kind
/// of actor it is.
///
/// - A name that starts with an article keeps it (« Les Amis du Quartier »,
///   « La Ressourcerie »): `Article::None`, with the gender and number of the noun after
///   it (lexicon, then its ending).
/// - A name that starts with a head of the lexicon (« Département d’Indre-et-Loire »,
///   « Université Grenoble Alpes ») gets its article: « le », « la », « l’ » before a vowel
///   or a mute h (« l’Hôpital », but « la Halle »), and the short name « le Département »,
///   « l’Université ».
/// - Any other name is a proper name (« Emmaüs France »): no article, the gender of the
///   actor type's usual noun ([`default_gender`]).
///
/// An acronym, when given, is the short name: with the article of the head noun when the
/// name has one (« le CCAS », « la CAF »), alone for a proper name (« OQM », « LAQ »).
pub fn propose(name: &str, acronym: Option<&str>, actor_type: ActorType) -> Designation {
    // A name pasted decomposed (macOS) reads like the same name composed.
    let name = crate::text::nfc(name);
    let name = name.trim();
    let acronym = acronym.map(crate::text::nfc);
    let acronym = acronym.as_deref().map(str::trim).filter(|a| !a.is_empty());
    let (article, gender, number, short) = if let Some((lead, rest)) = leading_article(name) {
        let (gender, number) = match (head_of(rest), lead) {
            // « Les Restos du Cœur contribue… »: legal drafting treats a body named in
            // the plural as the association or company it is, singular, of the gender of
            // its kind of actor (the user may still choose the plural).
            (_, Article::Les) => (default_gender(actor_type), GrammaticalNumber::Singular),
            (Some((head, _)), _) => (head.gender, head.number),
            (None, Article::Le) => (Gender::Masculine, GrammaticalNumber::Singular),
            (None, Article::La) => (Gender::Feminine, GrammaticalNumber::Singular),
            (None, _) => (
                gender_by_ending(first_word(rest)),
                GrammaticalNumber::Singular,
            ),
        };
        (Article::None, gender, number, name.to_string())
    } else if let Some((head, len)) = head_of(name) {
        let article = article_for(name, head.gender, head.number);
        // The head as the user wrote it, with a capital: « Département », « SARL ».
        let written: String = name
            .replace('\'', "’")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(len)
            .collect();
        let designation = Designation {
            article,
            gender: head.gender,
            number: head.number,
            short_name: String::new(),
        };
        // An institutional head alone is the usual drafting (« le Département »); a
        // generic one (« la Maison », « l’Association ») would not tell parties apart:
        // the full name then (or the acronym, below).
        let short = if INSTITUTIONAL_HEADS.contains(&head.words) {
            designation.with_article(&upper_first(&written))
        } else {
            designation.with_article(&upper_first(
                &name
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .replace('\'', "’"),
            ))
        };
        (article, head.gender, head.number, short)
    } else {
        let gender = default_gender(actor_type);
        (
            Article::None,
            gender,
            GrammaticalNumber::Singular,
            name.to_string(),
        )
    };
    // A body named by a common noun keeps its article before its acronym (« le CCAS »,
    // « la CAF », « l’URSSAF »: elided before a vowel letter only, « la SNCF »); a proper
    // name's acronym takes none (« LAQ » for « Les Amis du Quartier », « OQM »).
    let short_name = match (acronym, short.is_empty()) {
        (Some(acronym), _) if article != Article::None => Designation {
            article: article_for(acronym, gender, number),
            gender,
            number,
            short_name: String::new(),
        }
        .with_article(acronym),
        (Some(acronym), _) => acronym.to_string(),
        (None, false) => short,
        // No name yet: the noun of its kind of actor stands in.
        (None, true) => match default_gender(actor_type) {
            Gender::Feminine => "l’Organisation".to_string(),
            Gender::Masculine => "le Partenaire".to_string(),
        },
    };
    Designation {
        article,
        gender,
        number,
        short_name,
    }
}
