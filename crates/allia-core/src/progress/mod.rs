//! Where an alliance stands in the guide's « Construire une alliance en 5 étapes »
//! (section 3): each step « Terminée », « En cours » or « Pas commencée », derived from
//! the alliance's data and never ticked by hand, with what is still missing in French.
//!
//! The rule reads plain counts and flags ([`AllianceFacts`]), which allia-store computes
//! from the vault (`Store::alliance_facts`); [`progress`] gives the five steps in the
//! guide's order. Each step's rule is documented on its function in `rule.rs`, with the
//! guide's words it follows. The steps are independent: each reads its own data, so a
//! step can be done before the one above it (an alliance imported with its contract
//! already signed).

use serde::{Deserialize, Serialize};

mod rule;
#[cfg(test)]
mod tests;

pub use rule::progress;

/// The five steps of « Construire une alliance en 5 étapes » (guide, section 3), in
/// its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AllianceStep {
    /// Étape 1 : Réaliser le diagnostic interne (area « Diagnostic »).
    Diagnostic,
    /// Étape 2 : Formaliser le projet (area « Projet »).
    Project,
    /// Étape 3 : Choisir les bons partenaires (area « Partenaires »).
    Partners,
    /// Étape 4 : Formaliser contractuellement (area « Documents »).
    Contract,
    /// Étape 5 : Créer les conditions de la collaboration (the future « Gouvernance »).
    Collaboration,
}

impl AllianceStep {
    /// The guide's order.
    pub const ALL: [AllianceStep; 5] = [
        Self::Diagnostic,
        Self::Project,
        Self::Partners,
        Self::Contract,
        Self::Collaboration,
    ];

    /// The step's number in the guide, 1 to 5.
    pub fn number(self) -> u8 {
        match self {
            Self::Diagnostic => 1,
            Self::Project => 2,
            Self::Partners => 3,
            Self::Contract => 4,
            Self::Collaboration => 5,
        }
    }

    /// The guide's title of the step, without « Étape N : ».
    pub fn title(self) -> &'static str {
        match self {
            Self::Diagnostic => "Réaliser le diagnostic interne",
            Self::Project => "Formaliser le projet",
            Self::Partners => "Choisir les bons partenaires",
            Self::Contract => "Formaliser contractuellement",
            Self::Collaboration => "Créer les conditions de la collaboration",
        }
    }
}

/// Where a step stands. DOMAIN.md has no list for it; the labels agree with « étape »
/// (feminine).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    NotStarted,
    InProgress,
    Done,
}

impl StepStatus {
    /// The French label: « Pas commencée », « En cours », « Terminée ».
    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Pas commencée",
            Self::InProgress => "En cours",
            Self::Done => "Terminée",
        }
    }
}

/// One step as the sidebar shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StepProgress {
    pub step: AllianceStep,
    /// 1 to 5, the guide's numbering.
    pub number: u8,
    /// [`AllianceStep::title`].
    pub title: String,
    pub status: StepStatus,
    /// [`StepStatus::label`].
    pub status_label: String,
    /// What is still missing for the step to be done, one French sentence each, in the
    /// order to do them; empty once the step is done.
    pub missing: Vec<String>,
}

/// What the step-1 rule reads: the internal diagnostic (`diagnostic_needs`, `swot_item`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DiagnosticFacts {
    /// SWOT items in each quadrant.
    pub strengths: u32,
    pub weaknesses: u32,
    pub opportunities: u32,
    pub threats: u32,
    /// Whether each text of the needs is written.
    pub strategic_priorities: bool,
    pub alliance_expectations: bool,
    pub participation_mode: bool,
}

/// What the step-2 rule reads: the dossier de présentation (`project_dossier`,
/// `dossier_figure`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DossierFacts {
    /// Whether each of the dossier's four texts is written.
    pub social_need: bool,
    pub collective_response: bool,
    pub argument: bool,
    pub key_actors: bool,
    /// Key figures (each carries its source: the dossier refuses one without).
    pub figures: u32,
}

/// What the rules of steps 3 and 5 read: the actor register. The association itself
/// (`PartnerDraft::own_association`) is never counted: it is not a partner to choose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorFacts {
    /// Actors by pipeline status (DOMAIN.md « Statut d’un acteur »).
    pub identified: u32,
    pub contacted: u32,
    pub in_discussion: u32,
    pub retained: u32,
    pub engaged: u32,
    pub dismissed: u32,
    /// Actors placed on the map: both their influence and their interest are set.
    pub placed_on_map: u32,
    /// Actors with at least one score on a selection criterion.
    pub scored: u32,
    /// Interactions recorded between actors.
    pub interactions: u32,
    /// Exchanges logged with any actor (« Tester la proximité relationnelle »).
    pub exchanges: u32,
    /// Engaged actors with an exchange logged on or after the day the alliance's first
    /// contract was signed by all its parties (0 while none is).
    pub engaged_met_since_signature: u32,
}

impl ActorFacts {
    /// Every actor of the register, whatever its status.
    pub fn total(&self) -> u32 {
        self.identified
            + self.contacted
            + self.in_discussion
            + self.retained
            + self.engaged
            + self.dismissed
    }

    /// The actors chosen as partners: « Retenu » or « Engagé ».
    pub fn chosen(&self) -> u32 {
        self.retained + self.engaged
    }
}

/// What the step-4 rule reads: the contract documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentFacts {
    /// Documents by the status of their current (latest) version.
    pub draft: u32,
    pub in_review: u32,
    pub ready_to_sign: u32,
    pub signed: u32,
    /// Whether a version of a document is « Signé », which the vault allows only once
    /// every party has signed it (`DocumentVersion::check_signed_by`). A signed
    /// version stays signed when an amendment starts a new draft version.
    pub signed_by_all_parties: bool,
}

impl DocumentFacts {
    /// Every document, whatever its status.
    pub fn total(&self) -> u32 {
        self.draft + self.in_review + self.ready_to_sign + self.signed
    }
}

/// Everything the step rule reads about one alliance: counts and flags only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllianceFacts {
    pub diagnostic: DiagnosticFacts,
    pub dossier: DossierFacts,
    pub actors: ActorFacts,
    /// Whether the model advisor (guide section 2) has at least one answer.
    pub advisor_answered: bool,
    pub documents: DocumentFacts,
}
