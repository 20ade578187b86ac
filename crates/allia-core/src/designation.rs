//! How a contract names an organisation: the article of its name, its grammatical
//! gender and number, and the short name used after the parties' identification
//! (« le Département d’Indre-et-Loire …, ci-après dénommé « le Département » »).
//!
//! French legal drafting names a body with its article and agrees every participle and
//! pronoun with it; the contract templates read these fields through helpers (« du »,
//! « de la », « de l’ », « représenté », « représentée »…) and never by hand.

use serde::{Deserialize, Serialize};

use crate::partner::ActorType;
use crate::validation::{text, ValidationErrors};

/// The article in front of an organisation's name in a contract.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Article {
    /// « le Département ».
    Le,
    /// « la Commune ».
    La,
    /// « l’Université », before a vowel or a mute h.
    L,
    /// « les Restos du Cœur ».
    Les,
    /// A proper name or an acronym that takes no article (« Emmaüs France », « OQM »).
    #[default]
    None,
}

/// Grammatical gender of the name, for agreements (« représenté », « représentée »).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Masculine,
    /// The default: « l’association » is feminine.
    #[default]
    Feminine,
}

/// Grammatical number of the name (« les Restos du Cœur » is plural).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum GrammaticalNumber {
    #[default]
    Singular,
    Plural,
}

/// How contracts name one organisation. Stored with the organisation; when absent
/// (older vaults, imported files) the proposal from its name and actor type is used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Designation {
    /// Article in front of the full name.
    pub article: Article,
    pub gender: Gender,
    pub number: GrammaticalNumber,
    /// The name used after the identification of the parties, written with its own
    /// article when it takes one: « le Département », « la Commune », « OQM ».
    pub short_name: String,
}

/// Longest short name, in characters (« la Communauté d’agglomération », an acronym…).
pub const SHORT_NAME_MAX: usize = 100;

/// One head noun of the lexicon: the word(s) a name starts with, and their grammar.
struct Head {
    /// Lower-case words, with the typographic apostrophe (« communauté d’agglomération »).
    words: &'static str,
    gender: Gender,
    number: GrammaticalNumber,
}

const fn m(words: &'static str) -> Head {
    Head {
        words,
        gender: Gender::Masculine,
        number: GrammaticalNumber::Singular,
    }
}

const fn f(words: &'static str) -> Head {
    Head {
        words,
        gender: Gender::Feminine,
        number: GrammaticalNumber::Singular,
    }
}

const fn mp(words: &'static str) -> Head {
    Head {
        words,
        gender: Gender::Masculine,
        number: GrammaticalNumber::Plural,
    }
}

const fn fp(words: &'static str) -> Head {
    Head {
        words,
        gender: Gender::Feminine,
        number: GrammaticalNumber::Plural,
    }
}

/// The usual first words of the names of French public bodies, associations and
/// companies, with their gender and number (Trésor de la langue française). Longer heads
/// come before the shorter ones they start with, so « communauté de communes » is the
/// head of « Communauté de communes du Castelrenaudais » rather than « communauté ».
const LEXICON: &[Head] = &[
    // Local and State authorities.
    f("communauté de communes"),
    f("communauté d’agglomération"),
    f("communauté urbaine"),
    f("communauté"),
    f("commune"),
    f("ville"),
    f("mairie"),
    m("département"),
    m("conseil départemental"),
    m("conseil régional"),
    f("région"),
    f("métropole"),
    m("état"),
    m("etat"),
    f("préfecture"),
    f("sous-préfecture"),
    m("ministère"),
    m("syndicat mixte"),
    m("syndicat"),
    m("pôle d’équilibre territorial et rural"),
    m("pôle"),
    m("pays"),
    m("parc naturel régional"),
    m("parc"),
    // Public establishments, education and culture.
    m("établissement"),
    m("office"),
    f("agence"),
    f("caisse"),
    m("centre communal d’action sociale"),
    m("centre hospitalier"),
    m("centre"),
    m("hôpital"),
    f("clinique"),
    m("institut"),
    f("chambre"),
    f("université"),
    f("école"),
    m("lycée"),
    m("collège"),
    m("conservatoire"),
    m("théâtre"),
    m("musée"),
    f("médiathèque"),
    f("bibliothèque"),
    f("halle"),
    f("maison"),
    m("foyer"),
    m("tiers-lieu"),
    f("ressourcerie"),
    f("recyclerie"),
    f("banque alimentaire"),
    f("banque"),
    // Associations and networks.
    f("association"),
    f("fédération"),
    f("union"),
    f("confédération"),
    f("coordination"),
    m("réseau"),
    m("mouvement"),
    m("collectif"),
    m("comité"),
    m("club"),
    m("cercle"),
    m("conseil"),
    m("secours"),
    f("croix-rouge"),
    f("ligue"),
    f("coopérative"),
    f("fondation"),
    m("fonds de dotation"),
    m("fonds"),
    m("groupement"),
    m("atelier"),
    m("jardin"),
    m("relais"),
    m("café"),
    f("mutuelle"),
    f("amicale"),
    f("entraide"),
    f("épicerie"),
    f("régie"),
    f("mission locale"),
    f("mission"),
    f("compagnie"),
    f("fabrique"),
    f("plateforme"),
    f("pépinière"),
    f("crèche"),
    f("ferme"),
    f("cité"),
    f("direction"),
    f("académie"),
    m("rectorat"),
    m("tribunal"),
    m("service"),
    m("bureau"),
    m("cabinet"),
    m("groupe"),
    m("espace"),
    m("observatoire"),
    m("laboratoire"),
    m("incubateur"),
    m("festival"),
    m("cinéma"),
    m("orchestre"),
    m("hôtel"),
    // Companies (their legal form as the first word).
    f("société"),
    f("entreprise"),
    f("sarl"),
    f("sas"),
    f("sasu"),
    f("sa"),
    f("eurl"),
    f("scic"),
    f("scop"),
    m("gie"),
    m("gip"),
    // Plural heads, after « Les ».
    mp("amis"),
    fp("amies"),
    mp("restos"),
    mp("ateliers"),
    mp("jardins"),
    mp("petits frères"),
    mp("petits"),
    fp("petites"),
    mp("compagnons"),
    mp("colibris"),
    fp("maisons"),
    fp("écoles"),
    mp("foyers"),
];

/// Heads that name a body alone in usual drafting: « la Commune », « le Département »,
/// « l’État », « l’Université », « la Fondation ». Any other head (« maison »,
/// « association », « secours », « hôtel »…) is generic: its short name is the acronym,
/// else the full name.
const INSTITUTIONAL_HEADS: &[&str] = &[
    "communauté de communes",
    "communauté d’agglomération",
    "communauté urbaine",
    "commune",
    "ville",
    "mairie",
    "département",
    "conseil départemental",
    "conseil régional",
    "région",
    "métropole",
    "état",
    "etat",
    "préfecture",
    "sous-préfecture",
    "ministère",
    "rectorat",
    "université",
    "fondation",
];

/// Words starting with an h the article does not elide before (h aspiré): « la Halle »,
/// « le Hameau ». Any other h is mute (« l’Hôpital », « l’Hôtel de ville »).
const ASPIRATED_H: &[&str] = &[
    "hache",
    "haie",
    "hall",
    "halle",
    "halles",
    "hameau",
    "hamac",
    "hangar",
    "handball",
    "handicap",
    "hangars",
    "haras",
    "hareng",
    "harpe",
    "hasard",
    "haut",
    "haute",
    "hauts",
    "hautes",
    "haut-commissariat",
    "havre",
    "hérisson",
    "héron",
    "héros",
    "hibou",
    "hockey",
    "honte",
    "houblon",
    "hutte",
    "huit",
];

/// Whether `word` starts with a vowel sound: a vowel (accented or not) or a mute h.
pub fn starts_with_vowel_sound(word: &str) -> bool {
    let lower = word.to_lowercase();
    let Some(first) = lower.chars().next() else {
        return false;
    };
    if "aeiouyàâäéèêëîïôöùûüœæ".contains(first) {
        return true;
    }
    if first == 'h' {
        let head: String = lower
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '-')
            .collect();
        let bare = head.split('-').next().unwrap_or_default();
        return !ASPIRATED_H.contains(&head.as_str()) && !ASPIRATED_H.contains(&bare);
    }
    false
}

/// Lower case, with `'` written as `’`, one space between words.
fn folded(text: &str) -> String {
    text.replace('\'', "’")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The lexicon's head that `name` starts with (whole words), and its length in
/// characters of the folded name.
fn head_of(name: &str) -> Option<(&'static Head, usize)> {
    let name = folded(name);
    LEXICON.iter().find_map(|head| {
        let rest = name.strip_prefix(head.words)?;
        let whole_word = rest
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '’' && c != '-');
        whole_word.then_some((head, head.words.chars().count()))
    })
}

/// The first word of a text, up to a space, an apostrophe or a punctuation mark.
fn first_word(text: &str) -> &str {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(text.len());
    &text[..end]
}

/// A guess of the gender of a common noun the lexicon does not know, from its ending
/// (« l’Étincelle », « Les Cigales »): the endings that are feminine far more often than
/// not; masculine otherwise, the default of French grammar.
fn gender_by_ending(word: &str) -> Gender {
    let w = word.to_lowercase();
    let singular = w.strip_suffix('s').unwrap_or(&w);
    const FEMININE: &[&str] = &[
        "tion", "sion", "té", "ence", "ance", "ure", "ette", "elle", "ière", "ée", "ie", "ise",
        "ade", "ine", "ole", "ale", "ule", "ude", "ève", "erie", "aine", "oire", "ite", "ote",
        "use",
    ];
    if FEMININE.iter().any(|e| singular.ends_with(e)) {
        Gender::Feminine
    } else {
        Gender::Masculine
    }
}

/// The gender a name of an unknown shape gets from the kind of actor it names (the noun
/// a contract would put before it):
/// association, fondation, entreprise (« la société »), collectivité and acteur
/// académique (« l’université », « l’école ») are feminine; réseau, catalyseur (« le
/// pôle », « le tiers-lieu »), citoyens (« le collectif ») and État are masculine.
pub fn default_gender(actor_type: ActorType) -> Gender {
    match actor_type {
        ActorType::Association
        | ActorType::Company
        | ActorType::Foundation
        | ActorType::LocalAuthority
        | ActorType::Academic => Gender::Feminine,
        ActorType::AssociationNetwork
        | ActorType::TerritorialCatalyst
        | ActorType::Citizens
        | ActorType::State => Gender::Masculine,
    }
}

/// The article a name starts with, if any (« Les Amis du Quartier »): the article, and
/// the rest of the name.
fn leading_article(name: &str) -> Option<(Article, &str)> {
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

/// The text with its first letter in upper case (« le Département » → « Le
/// Département »), to start a sentence.
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
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

impl Designation {
    /// `name` with this designation's article in front: « le Département
    /// d’Indre-et-Loire », « l’Université Grenoble Alpes », « Emmaüs France ».
    pub fn with_article(&self, name: &str) -> String {
        let name = name.trim();
        match self.article {
            Article::Le => format!("le {name}"),
            Article::La => format!("la {name}"),
            Article::L => format!("l’{name}"),
            Article::Les => format!("les {name}"),
            // « L’Hôpital Nord-Ouest » inside a sentence: « l’Hôpital Nord-Ouest ».
            Article::None => mid_sentence(name),
        }
    }

    /// A participle or an adjective agreed with this name: « représenté »,
    /// « représentée », « représentés », « représentées » (see [`agree`]).
    pub fn agree(&self, masculine: &str) -> String {
        agree(masculine, self.gender, self.number)
    }

    /// « celui-ci », « celle-ci », « ceux-ci » or « celles-ci ».
    pub fn pronoun(&self) -> &'static str {
        pronoun(self.gender, self.number)
    }

    /// Trims the short name and checks it: not empty, at most [`SHORT_NAME_MAX`]
    /// characters, no control character. Errors are on `shortName`.
    pub fn validated(&self) -> Result<Designation, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let short_name = text(
            &mut errors,
            "shortName",
            &self.short_name,
            Some("le nom court utilisé dans les contrats"),
            SHORT_NAME_MAX,
        );
        errors.into_result(Designation {
            short_name,
            ..self.clone()
        })
    }
}

/// The masculine singular form of a participle or a regular adjective, agreed: an « e »
/// for the feminine (unless it already ends with an unaccented « e »: « responsable »),
/// an « s » for the plural (unless it ends with « s », « x » or « z »): « représenté »
/// → « représentée », « représentés », « représentées ». Irregular words are out of scope.
pub fn agree(masculine: &str, gender: Gender, number: GrammaticalNumber) -> String {
    let mut word = masculine.to_string();
    if gender == Gender::Feminine && !word.ends_with('e') {
        word.push('e');
    }
    if number == GrammaticalNumber::Plural && !word.ends_with(['s', 'x', 'z']) {
        word.push('s');
    }
    word
}

/// The demonstrative pronoun that refers back to a party: « celui-ci », « celle-ci »,
/// « ceux-ci », « celles-ci ».
pub fn pronoun(gender: Gender, number: GrammaticalNumber) -> &'static str {
    match (gender, number) {
        (Gender::Masculine, GrammaticalNumber::Singular) => "celui-ci",
        (Gender::Feminine, GrammaticalNumber::Singular) => "celle-ci",
        (Gender::Masculine, GrammaticalNumber::Plural) => "ceux-ci",
        (Gender::Feminine, GrammaticalNumber::Plural) => "celles-ci",
    }
}

/// The sentence the designation field shows as an example, written with the same rules
/// as the contracts: « Le Département d’Indre-et-Loire, représenté par …, ci-après
/// dénommé « le Département ». Engagements du Département. » An empty name stands as
/// « [Nom] ».
pub fn example_sentence(name: &str, designation: &Designation) -> String {
    let name = crate::text::nfc(name);
    let name = match name.trim() {
        "" => "[Nom]",
        name => name,
    };
    let short_name = crate::text::nfc(&designation.short_name);
    let short = match short_name.trim() {
        "" => designation.with_article(name),
        short => mid_sentence(short),
    };
    format!(
        "{}, {} par …, ci-après {} «\u{a0}{short}\u{a0}». Engagements {}.",
        upper_first(&designation.with_article(name)),
        designation.agree("représenté"),
        designation.agree("dénommé"),
        of_designated(&short),
    )
}

/// Splits a designated name into a leading article (as written) and the rest.
fn split_article(text: &str) -> Option<(&str, &str)> {
    for prefix in ["les ", "le ", "la ", "l’", "l'"] {
        if let Some(head) = text.get(..prefix.len()) {
            if head.to_lowercase() == prefix && text.len() > prefix.len() {
                return Some((head, &text[prefix.len()..]));
            }
        }
    }
    None
}

/// A name that starts with its own article (« Les Restos du Cœur », « L’Hôpital
/// Nord-Ouest », « Le Relais »), as written inside a sentence: the article in lower
/// case, « ’ » for « ' » (« l’Hôpital Nord-Ouest contribue… »). Other texts are trimmed
/// and returned as they are; [`upper_first`] gives the start of a sentence back.
pub fn mid_sentence(text: &str) -> String {
    let text = text.trim();
    match split_article(text) {
        Some((article, rest)) => format!("{}{rest}", article.to_lowercase().replace('\'', "’")),
        None => text.to_string(),
    }
}

/// The no-break space (U+00A0) that keeps a short name's article with it.
const NBSP: &str = "\u{a0}";

/// A short name inside a sentence, its article lower-cased and bound to it by a
/// no-break space so a line never ends on it: « la\u{a0}MSVB », « le\u{a0}Département »,
/// « l’Université », « OQM ».
pub fn short_designated(text: &str) -> String {
    let text = mid_sentence(text);
    match split_article(&text) {
        Some((article, rest)) if article.ends_with(' ') => {
            format!("{}{NBSP}{}", article.trim_end(), rest.trim_start())
        }
        _ => text,
    }
}

/// « de » or « à » before a designated name, contracted; `sep` follows the article.
fn contracted(text: &str, of: bool, sep: &str) -> String {
    let text = text.trim();
    let (contracted_le, contracted_les, bare) = if of {
        ("du", "des", "de")
    } else {
        ("au", "aux", "à")
    };
    match split_article(text) {
        Some((article, rest)) => {
            let rest = rest.trim_start();
            match article.to_lowercase().as_str() {
                "le " => format!("{contracted_le}{sep}{rest}"),
                "les " => format!("{contracted_les}{sep}{rest}"),
                "la " => format!("{bare} la{sep}{rest}"),
                _ => format!("{bare} l’{rest}"),
            }
        }
        None if of && starts_with_vowel_sound(text) => format!("d’{text}"),
        None => format!("{bare} {text}"),
    }
}

/// « de » before a designated name, contracted the French way: « du Département »,
/// « des Amis du Quartier », « de la Commune », « de l’Université »; an article that
/// belongs to a proper name is lower-cased inside the sentence (« du Relais », « de la
/// Poste », « de l’Hôpital Nord-Ouest »); « d’OQM », « d’Emmaüs France », « d’Habitat
/// et Humanisme » (« d’ » before a vowel or a mute h, « de Haute-Loire Solidarités »
/// before an h aspiré).
pub fn of_designated(text: &str) -> String {
    contracted(text, true, " ")
}

/// « à » before a designated name, contracted the French way: « au Département »,
/// « aux Amis du Quartier », « à la Commune », « à l’Université », « à OQM ».
pub fn to_designated(text: &str) -> String {
    contracted(text, false, " ")
}

/// [`of_designated`] for a short name: its article bound to it by a no-break space
/// (« de la\u{a0}MSVB », « du\u{a0}Département »).
pub fn of_short_designated(text: &str) -> String {
    contracted(text, true, NBSP)
}

/// [`to_designated`] for a short name (« à la\u{a0}MSVB », « au\u{a0}Département »).
pub fn to_short_designated(text: &str) -> String {
    contracted(text, false, NBSP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Article as A;
    use Gender::{Feminine as F, Masculine as M};
    use GrammaticalNumber::{Plural as P, Singular as S};

    fn check(
        name: &str,
        acronym: Option<&str>,
        actor: ActorType,
        expected: (Article, Gender, GrammaticalNumber, &str),
    ) {
        let d = propose(name, acronym, actor);
        assert_eq!(
            (d.article, d.gender, d.number, d.short_name.as_str()),
            expected,
            "{name}"
        );
    }

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
            (A::None, M, S, "Emmaüs France"),
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
        assert_eq!((d.gender, d.number), (M, S));
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
        assert_eq!(of_designated("La Poste"), "de la Poste");
        assert_eq!(
            of_designated("L’Hôpital Nord-Ouest"),
            "de l’Hôpital Nord-Ouest"
        );
        assert_eq!(to_designated("Le Relais"), "au Relais");
        assert_eq!(to_designated("La Poste"), "à la Poste");
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

    #[test]
    fn a_short_name_is_required_and_capped() {
        let ok = Designation {
            short_name: "  le Département ".into(),
            ..Designation::default()
        }
        .validated()
        .expect("valid");
        assert_eq!(ok.short_name, "le Département");
        let err = Designation::default().validated().expect_err("empty");
        assert_eq!(err.0[0].field, "shortName");
        assert_eq!(
            err.0[0].message,
            "Indiquez le nom court utilisé dans les contrats."
        );
        let err = Designation {
            short_name: "é".repeat(SHORT_NAME_MAX + 1),
            ..Designation::default()
        }
        .validated()
        .expect_err("long");
        assert_eq!(err.0[0].field, "shortName");
        let err = Designation {
            short_name: "la\u{7}Commune".into(),
            ..Designation::default()
        }
        .validated()
        .expect_err("control");
        assert_eq!(err.0.len(), 1);
    }

    #[test]
    fn the_proposal_is_valid_for_every_actor_type() {
        for actor in ActorType::ALL {
            for name in ["", "Emmaüs France", "Les Amis", "Commune de Tours"] {
                assert!(propose(name, None, actor).validated().is_ok(), "{name}");
            }
        }
    }
}
