//! Writing with a designation, for the contract templates and the screens: agreements
//! (« représentée »), pronouns (« celle-ci »), a name inside a sentence, « de » and « à »
//! contracted or elided (« du », « de la », « de l’ », « d’ », « au », « aux »), and the
//! example sentence of the designation field.

use super::lexicon::{head_of, starts_with_vowel_sound};
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
/// « [Nom] ». The short name goes between guillemets with its own quotes turned into
/// “ ” ([`quoted`]), as the contracts print it; a plural designation gets plural
/// participles and verb (« Les Compagnons …, représentés …, s’engagent »).
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
        "{}, {} par …, ci-après {} {}. Engagements {}.",
        upper_first(&designation.with_article(name)),
        designation.agree("représenté"),
        designation.agree("dénommé"),
        quoted(&short),
        of_designated(&short),
    )
}

/// The no-break space (U+00A0) French puts inside guillemets and after an article.
const NBSP: char = '\u{a0}';
/// The narrow no-break space (U+202F).
const NNBSP: char = '\u{202f}';

/// A text between guillemets with no-break spaces, the quotes it already holds turned
/// into “ ” ([`inner_quotes`]) so they never nest as « « » »: « Fondation “Solidarités &
/// Numérique” » (Lexique des règles typographiques en usage à l’Imprimerie nationale:
/// quotes inside guillemets are the English ones).
pub fn quoted(text: &str) -> String {
    format!("«{NBSP}{}{NBSP}»", inner_quotes(text.trim()))
}

/// The guillemets and paired straight double quotes of a text turned into “ ” (the
/// spaces inside the guillemets dropped); a lone straight quote is left as it is.
pub fn inner_quotes(text: &str) -> String {
    let pair_straight = text.matches('"').count().is_multiple_of(2);
    let mut out = String::with_capacity(text.len());
    let mut open = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '«' => {
                out.push('“');
                while chars
                    .peek()
                    .is_some_and(|n| matches!(*n, ' ' | NBSP | NNBSP))
                {
                    chars.next();
                }
            }
            '»' => {
                while out.ends_with([' ', NBSP, NNBSP]) {
                    out.pop();
                }
                out.push('”');
            }
            '"' if pair_straight => {
                open = !open;
                out.push(if open { '“' } else { '”' });
            }
            other => out.push(other),
        }
    }
    out
}

/// The verb form that agrees with a party: `singular` for a singular designation,
/// `plural` for a plural one (« contribue » / « contribuent »). French verbs are too
/// irregular for a rule; the clause text gives both forms.
pub fn verb<'a>(number: GrammaticalNumber, singular: &'a str, plural: &'a str) -> &'a str {
    match number {
        GrammaticalNumber::Singular => singular,
        GrammaticalNumber::Plural => plural,
    }
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

/// Whether the article a name starts with belongs to a proper name and keeps its
/// capital inside a sentence: it is written with a capital and the word after it is not
/// a head noun of the lexicon (« La Poste », « Le Havre », « L’Étape », but « la
/// Ressourcerie », « l’Hôpital Nord-Ouest », « les Restos du Cœur »). French typography
/// (Lexique des règles typographiques en usage à l’Imprimerie nationale, « article »):
/// the article that is part of a proper name keeps its capital (« de La Poste », « à La
/// Rochelle ») unless it is contracted with « de » or « à », where it disappears into
/// « du », « des », « au », « aux » (« du Havre », « des Restos du Cœur »).
fn proper_article(article: &str, rest: &str) -> bool {
    article.chars().next().is_some_and(char::is_uppercase) && head_of(rest).is_none()
}

/// A name that starts with its own article (« Les Restos du Cœur », « L’Hôpital
/// Nord-Ouest », « Le Relais »), as written inside a sentence: the article in lower
/// case (unless it belongs to a proper name: « La Poste », see `proper_article`),
/// « ’ » for « ' », « le » and « la » elided before a vowel or a mute h whatever was
/// typed (« le Atelier » → « l’Atelier »). Other texts are trimmed and returned as they
/// are; [`upper_first`] gives the start of a sentence back.
pub fn mid_sentence(text: &str) -> String {
    let text = text.trim();
    match split_article(text) {
        Some((article, rest)) => {
            let rest = rest.trim_start();
            let keep = proper_article(article, rest);
            let lower = article.to_lowercase().replace('\'', "’");
            let elided =
                matches!(lower.as_str(), "le " | "la " | "l’") && starts_with_vowel_sound(rest);
            let written = if elided { "l’".to_string() } else { lower };
            let written = if keep { upper_first(&written) } else { written };
            format!("{written}{rest}")
        }
        None => text.to_string(),
    }
}

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
/// « le » and « la » are elided before a vowel or a mute h whatever was typed (« de
/// l’Atelier »); the article of a proper name keeps its capital where it is not
/// contracted (« de La Poste », but « du Havre »).
fn contracted(text: &str, of: bool, sep: char) -> String {
    let text = text.trim();
    let (contracted_le, contracted_les, bare) = if of {
        ("du", "des", "de")
    } else {
        ("au", "aux", "à")
    };
    match split_article(text) {
        Some((article, rest)) => {
            let rest = rest.trim_start();
            let keep = proper_article(article, rest);
            let lower = article.to_lowercase().replace('\'', "’");
            match lower.as_str() {
                "le " | "la " | "l’" if starts_with_vowel_sound(rest) || lower == "l’" => {
                    format!("{bare} {}{rest}", if keep { "L’" } else { "l’" })
                }
                "le " => format!("{contracted_le}{sep}{rest}"),
                "les " => format!("{contracted_les}{sep}{rest}"),
                _ => format!("{bare} {}{sep}{rest}", if keep { "La" } else { "la" }),
            }
        }
        None if of && starts_with_vowel_sound(text) => format!("d’{text}"),
        None => format!("{bare} {text}"),
    }
}

/// « de » before a designated name, contracted the French way: « du Département »,
/// « des Amis du Quartier », « de la Commune », « de l’Université »; a name's own
/// article before a head noun is lower-cased inside the sentence (« du Relais », « de
/// l’Hôpital Nord-Ouest »), a proper name's keeps its capital (« de La Poste »); « d’OQM », « d’Emmaüs France », « d’Habitat
/// et Humanisme » (« d’ » before a vowel or a mute h, « de Haute-Loire Solidarités »
/// before an h aspiré).
pub fn of_designated(text: &str) -> String {
    contracted(text, true, ' ')
}

/// « à » before a designated name, contracted the French way: « au Département »,
/// « aux Amis du Quartier », « à la Commune », « à l’Université », « à OQM ».
pub fn to_designated(text: &str) -> String {
    contracted(text, false, ' ')
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
