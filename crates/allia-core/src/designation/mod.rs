//! How a contract names an organisation: the article of its name, its grammatical
//! gender and number, and the short name used after the parties' identification
//! (« le Département d’Indre-et-Loire …, ci-après dénommé « le Département » »).
//!
//! French legal drafting names a body with its article and agrees every participle and
//! pronoun with it; the contract templates read these fields through helpers (« du »,
//! « de la », « de l’ », « représenté », « représentée »…) and never by hand.
//!
//! The parts: the types and their validation here; [`lexicon`] holds the head nouns
//! (« commune », « département »…), the h aspiré and the gender guessed from an ending;
//! [`rule`] proposes a designation from a name, an acronym and an actor type; [`grammar`]
//! writes with one (agreements, pronouns, « du », « de la », « au », elisions, the
//! example sentence), for the templates and the screens.

use serde::{Deserialize, Serialize};

use crate::validation::{text, ValidationErrors};

mod grammar;
mod lexicon;
mod rule;
#[cfg(test)]
mod tests;

pub use grammar::{
    agree, example_sentence, inner_quotes, mid_sentence, of_designated, of_short_designated,
    pronoun, quoted, short_designated, to_designated, to_short_designated, upper_first, verb,
};
pub use lexicon::starts_with_vowel_sound;
use rule::leading_article;
pub use rule::{default_gender, propose};

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

impl Designation {
    /// `name` with this designation's article in front: « le Département
    /// d’Indre-et-Loire », « l’Université Grenoble Alpes », « Emmaüs France ».
    ///
    /// Whatever was stored (an imported file, an older vault), the text reads right: a
    /// name that already starts with an article (« Les Jardins… », « L’Étape ») gets no
    /// second one and is written as [`mid_sentence`] writes it; « le » and « la » are
    /// elided before a vowel or a mute h (« l’Atelier », but « la Halle »); « l’ »
    /// before a consonant or an h aspiré becomes « le » or « la » by the gender.
    pub fn with_article(&self, name: &str) -> String {
        let name = name.trim();
        if leading_article(name).is_some() {
            return mid_sentence(name);
        }
        let vowel = starts_with_vowel_sound(name);
        match self.article {
            Article::Le | Article::La | Article::L if vowel => format!("l’{name}"),
            Article::Les => format!("les {name}"),
            Article::None => mid_sentence(name),
            _ => match self.gender {
                Gender::Masculine => format!("le {name}"),
                Gender::Feminine => format!("la {name}"),
            },
        }
    }

    /// The article the name already starts with, as written (« Les », « L’ »), when
    /// this designation adds another one: such a choice would print « Les Les Jardins ».
    pub fn doubled_article<'a>(&self, name: &'a str) -> Option<&'a str> {
        if self.article == Article::None {
            return None;
        }
        let name = name.trim_start();
        let (_, rest) = leading_article(name)?;
        Some(name[..name.len() - rest.len()].trim_end())
    }

    /// This designation with « aucun article » when its article doubles the one the
    /// name starts with ([`Designation::doubled_article`]); unchanged otherwise. It prints
    /// the same ([`Designation::with_article`] never doubles): an imported file that
    /// carries such a choice is read this way rather than refused.
    pub fn fitted_to(&self, name: &str) -> Designation {
        match self.doubled_article(name) {
            Some(_) => Designation {
                article: Article::None,
                ..self.clone()
            },
            None => self.clone(),
        }
    }

    /// [`Designation::validated`], plus the article checked against the name: a name
    /// that starts with an article takes « aucun article » (error on `article`: « Le nom
    /// commence déjà par « Les » : choisissez « aucun article ». »).
    pub fn validated_for(&self, name: &str) -> Result<Designation, ValidationErrors> {
        let mut errors = match self.validated() {
            Ok(_) => ValidationErrors::default(),
            Err(errors) => errors,
        };
        if let Some(article) = self.doubled_article(name) {
            let article = article.replace('\'', "’");
            errors.push(
                "article",
                format!(
                    "Le nom commence déjà par «\u{a0}{article}\u{a0}»\u{202f}: choisissez «\u{a0}aucun article\u{a0}»."
                ),
            );
        }
        let designation = self.validated().unwrap_or_else(|_| self.clone());
        errors.into_result(designation)
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
