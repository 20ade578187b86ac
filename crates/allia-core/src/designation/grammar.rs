//! Writing with a designation, for the contract templates and the screens: agreements
//! (« représentée »), pronouns (« celle-ci »), a name inside a sentence, « de » and « à »
//! contracted or elided (« du », « de la », « de l’ », « d’ », « au », « aux »), and the
//! example sentence of the designation field.

use super::lexicon::starts_with_vowel_sound;
use super::{Designation, Gender, GrammaticalNumber};

/// The text with its first letter in upper case (« le Département » → « Le
/// Département »), to start a sentence.
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
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
