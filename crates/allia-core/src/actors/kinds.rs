//! The closed lists of the actor register (DOMAIN.md, guide section 3, step 3 « Choisir
//! les bons partenaires »): the cartography's categories, the typed links between actors
//! and the kinds of exchange of the proximity log. Labels are DOMAIN.md's, written once here.

use serde::{Deserialize, Serialize};

/// The guide's nine categories of the actors' cartography (step 3, « Cartographier les
/// acteurs du territoire »: « État - Collectivités territoriales - Instances
/// professionnelles - … - Médias »), in the guide's order.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum MapCategory {
    State,
    LocalAuthorities,
    ProfessionalBodies,
    Research,
    Companies,
    // The default of a new actor: most of an association’s partners are of the ESS.
    #[default]
    SocialEconomy,
    TargetBeneficiaries,
    OtherCivilSociety,
    Media,
}

impl MapCategory {
    /// The guide's order.
    pub const ALL: [MapCategory; 9] = [
        Self::State,
        Self::LocalAuthorities,
        Self::ProfessionalBodies,
        Self::Research,
        Self::Companies,
        Self::SocialEconomy,
        Self::TargetBeneficiaries,
        Self::OtherCivilSociety,
        Self::Media,
    ];

    /// DOMAIN.md's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::State => "État",
            Self::LocalAuthorities => "Collectivités territoriales",
            Self::ProfessionalBodies => "Instances professionnelles",
            Self::Research => "Acteurs de la recherche",
            Self::Companies => "Entreprises",
            Self::SocialEconomy => "Acteurs de l’ESS",
            Self::TargetBeneficiaries => "Bénéficiaires cibles",
            Self::OtherCivilSociety => "Autres acteurs de la société civile",
            Self::Media => "Médias",
        }
    }

    /// Who belongs to the category, shown as help when choosing it.
    pub fn help(self) -> &'static str {
        match self {
            Self::State => "Préfecture, services déconcentrés, agences de l’État\u{a0}: régulation, cadre légal, orientations politiques.",
            Self::LocalAuthorities => "Commune, intercommunalité, département, région\u{a0}: ingénierie publique, services publics, cohérence territoriale.",
            Self::ProfessionalBodies => "Chambres consulaires, fédérations, ordres et organisations professionnelles.",
            Self::Research => "Universités, laboratoires, écoles\u{a0}: recherche, prototypage, formation.",
            Self::Companies => "Entreprises du territoire\u{a0}: ressources financières ou humaines, compétences techniques, innovation.",
            Self::SocialEconomy => "Associations, réseaux associatifs, coopératives, mutuelles, fondations de l’économie sociale et solidaire.",
            Self::TargetBeneficiaries => "Les personnes que le projet veut servir, et les collectifs qui les représentent.",
            Self::OtherCivilSociety => "Collectifs citoyens, conseils de quartier, habitants engagés hors des structures.",
            Self::Media => "Presse locale, radios, médias en ligne\u{a0}: visibilité du projet et plaidoyer.",
        }
    }
}

/// A typed, directed link from one actor to another (DOMAIN.md « Interactions entre
/// acteurs »; guide step 3: « ses interactions possibles avec les autres membres de
/// l’alliance »). Read « A <verb phrase> B »: « Ville de Lyon » finance « Les Petits
/// Débrouillards ».
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    Finances,
    #[default]
    CooperatesWith,
    IsMemberOf,
    CompetesWith,
    Advises,
}

impl InteractionKind {
    /// DOMAIN.md's order.
    pub const ALL: [InteractionKind; 5] = [
        Self::Finances,
        Self::CooperatesWith,
        Self::IsMemberOf,
        Self::CompetesWith,
        Self::Advises,
    ];

    /// DOMAIN.md's label (capitalised, for a list or a legend).
    pub fn label(self) -> &'static str {
        match self {
            Self::Finances => "Finance",
            Self::CooperatesWith => "Coopère avec",
            Self::IsMemberOf => "Est membre de",
            Self::CompetesWith => "Est en concurrence avec",
            Self::Advises => "Conseille",
        }
    }

    /// The verb phrase between the two names of a sentence, in lower case: « finance »,
    /// « est membre de »… ([`InteractionKind::sentence`]).
    pub fn verb_phrase(self) -> &'static str {
        match self {
            Self::Finances => "finance",
            Self::CooperatesWith => "coopère avec",
            Self::IsMemberOf => "est membre de",
            Self::CompetesWith => "est en concurrence avec",
            Self::Advises => "conseille",
        }
    }

    /// The same link read from its target's side (« B <inverse> A »), for the target's
    /// page: « est financé par », « compte parmi ses membres »…
    pub fn inverse_phrase(self) -> &'static str {
        match self {
            Self::Finances => "est financé par",
            Self::CooperatesWith => "coopère avec",
            Self::IsMemberOf => "compte parmi ses membres",
            Self::CompetesWith => "est en concurrence avec",
            Self::Advises => "est conseillé par",
        }
    }

    /// Whether « A k B » says the same as « B k A » (coopère avec, est en concurrence
    /// avec): the network draws it without an arrow head, and a link and its reverse are
    /// the same link.
    pub fn is_symmetric(self) -> bool {
        matches!(self, Self::CooperatesWith | Self::CompetesWith)
    }

    /// Shown as help when choosing the kind.
    pub fn help(self) -> &'static str {
        match self {
            Self::Finances => "Le premier acteur apporte des financements au second.",
            Self::CooperatesWith => "Les deux acteurs travaillent déjà ensemble.",
            Self::IsMemberOf => {
                "Le premier acteur adhère au second (réseau, fédération, collectif)."
            }
            Self::CompetesWith => {
                "Les deux acteurs se disputent les mêmes publics ou les mêmes financements."
            }
            Self::Advises => "Le premier acteur accompagne ou conseille le second.",
        }
    }

    /// « « A » finance « B » »: the names in French quotation marks, so that no
    /// contraction or elision is needed before them (« est membre de « Le Mouvement
    /// associatif » »), with no-break spaces inside the marks.
    pub fn sentence(self, from: &str, to: &str) -> String {
        format!(
            "«\u{a0}{from}\u{a0}» {} «\u{a0}{to}\u{a0}»",
            self.verb_phrase()
        )
    }
}

/// A kind of exchange of the proximity log (DOMAIN.md « Échanges de proximité »; guide
/// step 3 « Tester la proximité relationnelle »: « des échanges autour du projet »).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum ExchangeKind {
    #[default]
    Meeting,
    Call,
    Workshop,
    Email,
}

impl ExchangeKind {
    /// DOMAIN.md's order.
    pub const ALL: [ExchangeKind; 4] = [Self::Meeting, Self::Call, Self::Workshop, Self::Email];

    /// DOMAIN.md's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Meeting => "Rencontre",
            Self::Call => "Appel",
            Self::Workshop => "Atelier",
            Self::Email => "Courriel",
        }
    }

    /// Shown as help when choosing the kind.
    pub fn help(self) -> &'static str {
        match self {
            Self::Meeting => "Un rendez-vous en personne ou en visioconférence.",
            Self::Call => "Un échange au téléphone.",
            Self::Workshop => "Un temps de travail collectif autour du projet.",
            Self::Email => "Un échange écrit.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_domain_md_s() {
        let labels: Vec<_> = MapCategory::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(
            labels,
            [
                "État",
                "Collectivités territoriales",
                "Instances professionnelles",
                "Acteurs de la recherche",
                "Entreprises",
                "Acteurs de l’ESS",
                "Bénéficiaires cibles",
                "Autres acteurs de la société civile",
                "Médias"
            ]
        );
        let labels: Vec<_> = InteractionKind::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(
            labels,
            [
                "Finance",
                "Coopère avec",
                "Est membre de",
                "Est en concurrence avec",
                "Conseille"
            ]
        );
        let labels: Vec<_> = ExchangeKind::ALL.iter().map(|c| c.label()).collect();
        assert_eq!(labels, ["Rencontre", "Appel", "Atelier", "Courriel"]);
    }

    #[test]
    fn every_value_is_listed_once_and_reads_back_in_snake_case() {
        for c in MapCategory::ALL {
            let json = serde_json::to_string(&c).expect("valid");
            assert_eq!(
                serde_json::from_str::<MapCategory>(&json).expect("valid"),
                c
            );
            assert_eq!(MapCategory::ALL.iter().filter(|&&x| x == c).count(), 1);
            assert!(!c.help().is_empty());
        }
        assert_eq!(
            serde_json::to_string(&MapCategory::SocialEconomy).expect("valid"),
            "\"social_economy\""
        );
        assert_eq!(
            serde_json::to_string(&InteractionKind::CompetesWith).expect("valid"),
            "\"competes_with\""
        );
        assert_eq!(
            serde_json::to_string(&ExchangeKind::Email).expect("valid"),
            "\"email\""
        );
    }

    #[test]
    fn an_interaction_reads_as_a_sentence_with_the_label_in_lower_case() {
        assert_eq!(
            InteractionKind::IsMemberOf.sentence("Les Jardins", "Le Mouvement associatif"),
            "«\u{a0}Les Jardins\u{a0}» est membre de «\u{a0}Le Mouvement associatif\u{a0}»"
        );
        for k in InteractionKind::ALL {
            assert_eq!(k.label().to_lowercase(), k.verb_phrase());
            assert_eq!(k.is_symmetric(), k.inverse_phrase() == k.verb_phrase());
        }
    }
}
