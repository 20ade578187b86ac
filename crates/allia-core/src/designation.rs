//! How a contract names an organisation: the article of its name, its grammatical
//! gender and number, and the short name used after the parties' identification
//! (« le Département d’Indre-et-Loire …, ci-après dénommé « le Département » »).
//!
//! French legal drafting names a body with its article and agrees every participle and
//! pronoun with it; the contract templates read these fields through helpers (« du »,
//! « de la », « de l’ », « représenté », « représentée »…) and never by hand.

use serde::{Deserialize, Serialize};

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
