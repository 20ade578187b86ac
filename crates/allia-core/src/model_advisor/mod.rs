//! « Choisir le bon modèle de partenariat » (guide, section 2): a short questionnaire
//! about the alliance and the rule that recommends one of the guide's forms of
//! cooperation, with its reasons in plain French, and for company partners one of the
//! Observatoire des partenariats' four categories.
//!
//! The answers are stored once per alliance ([`ModelAdvisor`]); the recommendation is
//! never stored: it is computed from the answers by [`recommend`] each time, so the
//! screen and the vault always agree with the rule. It is an orientation, not legal
//! advice: the screen says so.

mod rule;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::commitment::AMOUNT_MAX_CENTS;
use crate::document::DocumentKind;
use crate::money::format_euros;
use crate::validation::ValidationErrors;

pub use rule::{recommend, unanswered, Alternative, CompanyAdvice, Contradiction, Recommendation};

/// The guide's forms of cooperation (DOMAIN.md `CooperationForm`, guide section 2 « Les
/// partenariats entre associations » and « Partenariats multi-acteurs »), in the guide's
/// order, from the simplest to the most structured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CooperationForm {
    InformationSharing,
    ResourcePooling,
    SharedConstruction,
    PartnershipAgreement,
    PartnershipCharter,
    ConsortiumAgreement,
    Gie,
    Scic,
    Ptce,
    Gip,
}

impl CooperationForm {
    /// Every form, from the simplest to the most structured.
    pub const ALL: [CooperationForm; 10] = [
        Self::InformationSharing,
        Self::ResourcePooling,
        Self::SharedConstruction,
        Self::PartnershipAgreement,
        Self::PartnershipCharter,
        Self::ConsortiumAgreement,
        Self::Gie,
        Self::Scic,
        Self::Ptce,
        Self::Gip,
    ];

    /// DOMAIN.md's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::InformationSharing => "Partage d’informations",
            Self::ResourcePooling => "Mutualisation de moyens",
            Self::SharedConstruction => "Construction partagée (projet commun)",
            Self::PartnershipAgreement => "Convention de partenariat",
            Self::PartnershipCharter => "Charte partenariale",
            Self::ConsortiumAgreement => "Accord de consortium",
            Self::Gie => "GIE (Groupement d’intérêt économique)",
            Self::Scic => "SCIC (Société coopérative d’intérêt collectif)",
            Self::Ptce => "PTCE (Pôle territorial de coopération économique)",
            Self::Gip => "GIP (Groupement d’intérêt public)",
        }
    }

    /// What the form is, in a sentence (guide section 2 and DOMAIN.md's documents).
    pub fn help(self) -> &'static str {
        match self {
            Self::InformationSharing => {
                "Les partenaires échangent informations et pratiques, sans engagement formel."
            }
            Self::ResourcePooling => {
                "Les partenaires partagent des moyens (locaux, matériel, compétences, personnel) pour en réduire le coût."
            }
            Self::SharedConstruction => {
                "Les partenaires conçoivent et mènent ensemble un projet commun."
            }
            Self::PartnershipAgreement => {
                "Un accord écrit fixe les engagements stratégiques et opérationnels de chaque partenaire."
            }
            Self::PartnershipCharter => {
                "Un texte commun pose le cadre éthique et déontologique de la coopération."
            }
            Self::ConsortiumAgreement => {
                "Un accord organise la gouvernance collective, le calendrier et les modalités financières d’un projet porté à plusieurs."
            }
            Self::Gie => {
                "Une structure dotée de la personnalité morale, qui met en commun des moyens au service de l’activité économique de ses membres."
            }
            Self::Scic => {
                "Une coopérative qui associe salariés, bénéficiaires, collectivités, entreprises ou bénévoles autour d’une activité d’intérêt collectif."
            }
            Self::Ptce => {
                "Un regroupement, sur un territoire, d’acteurs de l’ESS, d’entreprises, de collectivités et de chercheurs autour de projets économiques communs."
            }
            Self::Gip => {
                "Une personne morale de droit public qui réunit partenaires publics et privés autour d’une mission d’intérêt général."
            }
        }
    }

    /// The contractual document that formalises this form, when Allia writes one
    /// (DOMAIN.md `DocumentKind`); the structures (GIE, SCIC, PTCE, GIP) have statutes
    /// Allia does not write, the informal forms none.
    pub fn document_kind(self) -> Option<DocumentKind> {
        match self {
            Self::PartnershipAgreement => Some(DocumentKind::PartnershipAgreement),
            Self::PartnershipCharter => Some(DocumentKind::PartnershipCharter),
            Self::ConsortiumAgreement => Some(DocumentKind::ConsortiumAgreement),
            _ => None,
        }
    }
}

/// The Observatoire des partenariats' four categories of company–association
/// partnerships (DOMAIN.md `CompanyPartnershipKind`, guide section 2 « La coopération
/// avec le secteur privé »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CompanyPartnershipKind {
    Patronage,
    ResponsiblePractices,
    EconomicCooperation,
    SocietalInnovation,
}

impl CompanyPartnershipKind {
    pub const ALL: [CompanyPartnershipKind; 4] = [
        Self::Patronage,
        Self::ResponsiblePractices,
        Self::EconomicCooperation,
        Self::SocietalInnovation,
    ];

    /// DOMAIN.md's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Patronage => "Mécénat",
            Self::ResponsiblePractices => "Pratiques responsables",
            Self::EconomicCooperation => "Coopération économique",
            Self::SocietalInnovation => "Innovation sociétale",
        }
    }

    /// What the category covers.
    pub fn help(self) -> &'static str {
        match self {
            Self::Patronage => {
                "L’entreprise soutient le projet de l’association (argent, compétences, dons en nature) sans contrepartie équivalente."
            }
            Self::ResponsiblePractices => {
                "L’association aide l’entreprise à faire évoluer ses propres pratiques (achats, ressources humaines, environnement)."
            }
            Self::EconomicCooperation => {
                "Entreprise et association mènent une activité économique ensemble (achats, sous-traitance, offre commune)."
            }
            Self::SocietalInnovation => {
                "Entreprise et association inventent ensemble des réponses nouvelles à un besoin social."
            }
        }
    }
}

/// How long the partners mean to work together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ExpectedDuration {
    /// One action or event.
    OneOff,
    /// The time of a project, about one to three years.
    Project,
    /// Lasting, beyond three years.
    Lasting,
}

impl ExpectedDuration {
    pub const ALL: [ExpectedDuration; 3] = [Self::OneOff, Self::Project, Self::Lasting];

    pub fn label(self) -> &'static str {
        match self {
            Self::OneOff => "Ponctuelle (une action, un événement)",
            Self::Project => "Le temps d’un projet (un à trois ans)",
            Self::Lasting => "Durable (au-delà de trois ans)",
        }
    }
}

/// What company partners bring to the alliance (the question that places them in one
/// of the [`CompanyPartnershipKind`]s).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CompanyContribution {
    Funding,
    Skills,
    InKind,
    PracticeChange,
    BusinessActivity,
    Innovation,
}

impl CompanyContribution {
    pub const ALL: [CompanyContribution; 6] = [
        Self::Funding,
        Self::Skills,
        Self::InKind,
        Self::PracticeChange,
        Self::BusinessActivity,
        Self::Innovation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Funding => "Un soutien financier",
            Self::Skills => "Du mécénat de compétences",
            Self::InKind => "Des dons en nature (matériel, locaux)",
            Self::PracticeChange => {
                "Un travail sur leurs propres pratiques (achats, recrutement, environnement)"
            }
            Self::BusinessActivity => {
                "Une activité économique commune (achats, sous-traitance, offre commune)"
            }
            Self::Innovation => "La co-construction de solutions nouvelles (expérimentation, R&D)",
        }
    }
}

/// The questionnaire's answers. Every answer is optional (`None`: not answered yet);
/// the recommendation uses what is given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct AdvisorAnswers {
    /// How many partner organisations besides the association (0 to
    /// [`PARTNER_COUNT_MAX`]).
    pub partner_count: Option<u32>,
    /// Whether public bodies (State, local authorities) are partners.
    pub public_partners: Option<bool>,
    /// Whether the alliance receives public funding.
    pub public_funding: Option<bool>,
    /// Its yearly amount in cents (0 to [`AMOUNT_MAX_CENTS`]), when known. (A plain
    /// `number` in TypeScript: amounts are capped far below 2^53.)
    #[cfg_attr(feature = "specta", specta(type = Option<i32>))]
    pub public_funding_cents: Option<i64>,
    /// Whether the partners need a legal entity of their own (to hire, sign, invoice).
    pub legal_entity: Option<bool>,
    /// Whether the partners share employees.
    pub shared_employees: Option<bool>,
    /// Whether the partners share assets (premises, equipment, tools).
    pub shared_assets: Option<bool>,
    /// Whether the partners run an economic activity together (selling goods or
    /// services).
    pub joint_economic_activity: Option<bool>,
    pub expected_duration: Option<ExpectedDuration>,
    /// Whether the alliance answers a call for projects together.
    pub call_for_projects: Option<bool>,
    /// Whether companies are partners.
    pub company_partners: Option<bool>,
    /// What the company partners bring; each at most once.
    pub company_contributions: Vec<CompanyContribution>,
}

/// The most partner organisations the questionnaire accepts (an alliance file holds at
/// most a few hundred partners; this only catches a mistyped number).
pub const PARTNER_COUNT_MAX: u32 = 10_000;

impl AdvisorAnswers {
    /// Whether nothing is answered yet.
    pub fn is_empty(&self) -> bool {
        *self == AdvisorAnswers::default()
    }

    /// The answers checked: the partner count and the amount within bounds, each
    /// company contribution once (duplicates removed, order kept).
    ///
    /// # Errors
    /// `partnerCount` above [`PARTNER_COUNT_MAX`]; `publicFundingCents` below 0 or
    /// above [`AMOUNT_MAX_CENTS`]; French messages.
    pub fn validated(&self) -> Result<AdvisorAnswers, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.partner_count.is_some_and(|n| n > PARTNER_COUNT_MAX) {
            errors.push(
                "partnerCount",
                format!(
                    "Indiquez au plus {} partenaires\u{a0}: vérifiez ce nombre.",
                    crate::validation::french_count(PARTNER_COUNT_MAX as usize)
                ),
            );
        }
        match self.public_funding_cents {
            Some(c) if c < 0 => {
                errors.push("publicFundingCents", "Indiquez un montant positif ou nul.")
            }
            Some(c) if c > AMOUNT_MAX_CENTS => errors.push(
                "publicFundingCents",
                format!(
                    "Ce montant dépasse {}\u{a0}: vérifiez-le.",
                    format_euros(AMOUNT_MAX_CENTS)
                ),
            ),
            _ => {}
        }
        let mut contributions = Vec::new();
        for c in &self.company_contributions {
            if !contributions.contains(c) {
                contributions.push(*c);
            }
        }
        errors.into_result(AdvisorAnswers {
            company_contributions: contributions,
            ..self.clone()
        })
    }
}

/// The demo alliance's answers (`crate::demo`: five associations pooling accounting, HR
/// and communication in a shared service): four partners, shared employees and premises,
/// a departmental subsidy of 18 000 € a year, no structure chosen yet, for the long run,
/// and a local accounting firm lending skills. The advisor recommends a GIE.
pub fn demo_answers() -> AdvisorAnswers {
    AdvisorAnswers {
        partner_count: Some(4),
        public_partners: Some(false),
        public_funding: Some(true),
        public_funding_cents: Some(1_800_000),
        legal_entity: None,
        shared_employees: Some(true),
        shared_assets: Some(true),
        joint_economic_activity: Some(false),
        expected_duration: Some(ExpectedDuration::Lasting),
        call_for_projects: Some(false),
        company_partners: Some(true),
        company_contributions: vec![CompanyContribution::Skills],
    }
}

/// The stored answers of one alliance (one record per alliance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ModelAdvisor {
    pub id: String,
    pub alliance_id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub answers: AdvisorAnswers,
}
