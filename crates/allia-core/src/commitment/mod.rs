//! What each party of an alliance commits to bring: money (with its nature and payment
//! schedule) and contributions in kind (with their value). One record per party of an
//! alliance; the conventions print them (financial article, Annexe 1 and 2) and the
//! budget reads them as its income lines, so they live here only.
//!
//! The types and their totals are here; the proposed payment schedules are in `schedule`,
//! the checks of a draft in `validation`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::partner::ActorType;

mod annual;
mod schedule;
mod validation;

pub use annual::{
    annual_public_subsidy, AnnualBasis, AnnualSubsidy, SUBSIDY_CONVENTION_THRESHOLD_CENTS,
};
pub use schedule::{even_split, propose_instalments};
pub use validation::schedule_mismatch_message;

/// The nature of a financial contribution, as conventions and accounts name it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ContributionNature {
    /// Subvention (loi n° 2000-321 du 12 avril 2000, article 9-1).
    #[default]
    Subsidy,
    /// Mécénat financier (don, article 238 bis du code général des impôts).
    FinancialSponsorship,
    /// Cotisation.
    MembershipFee,
    /// Participation aux frais.
    CostSharing,
}

/// One dated payment of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Instalment {
    /// When it is paid. `None` only in an unsaved draft (a row whose date is not typed
    /// yet): [`CommitmentsDraft::validated`] refuses it, so a stored schedule always has
    /// its dates.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Amount in cents. (Declared a plain `number` to TypeScript: a JavaScript number
    /// holds it exactly, amounts being capped at [`AMOUNT_MAX_CENTS`], far below 2^53.)
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub amount_cents: i64,
}

/// When a financial contribution is paid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PaymentSchedule {
    /// In one payment, at signature.
    #[default]
    AtSignature,
    /// As the receiving party sends the supporting documents (« sur justificatifs »).
    OnReceipts,
    /// Dated instalments; their amounts add up exactly to the contribution.
    Instalments { instalments: Vec<Instalment> },
}

/// A sum of money a party commits to pay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FinancialContribution {
    pub nature: ContributionNature,
    /// Amount in cents, more than zero.
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub amount_cents: i64,
    #[serde(default)]
    pub schedule: PaymentSchedule,
    /// For a public funder: the budget programme or line charged (free text).
    #[serde(default)]
    pub budget_line: Option<String>,
}

/// Something other than money a party brings: premises, staff time, equipment…
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InKindContribution {
    pub description: String,
    /// Its estimated value in cents (zero when not valued).
    #[cfg_attr(feature = "specta", specta(type = i32))]
    pub value_cents: i64,
}

/// What the user edits about one party's commitments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CommitmentsDraft {
    #[serde(default)]
    pub financial: Vec<FinancialContribution>,
    #[serde(default)]
    pub in_kind: Vec<InKindContribution>,
}

/// The stored commitments of one party of one alliance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PartyCommitments {
    pub id: String,
    pub alliance_id: String,
    /// The partner who commits; `None` for the user's own association.
    pub partner_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub draft: CommitmentsDraft,
}

/// Largest amount (a contribution, an instalment, a value in kind) the app accepts, in
/// cents: 100 million euros. A typo guard (a few zeros too many), far above any
/// convention between associations and their partners.
pub const AMOUNT_MAX_CENTS: i64 = 10_000_000_000;
/// Most financial contributions of one party.
pub const FINANCIAL_MAX: usize = 20;
/// Most contributions in kind of one party.
pub const IN_KIND_MAX: usize = 50;
/// Most instalments of one schedule (ten years of monthly payments).
pub const INSTALMENTS_MAX: usize = 120;
/// Longest budget line or description of a contribution in kind, in characters.
pub const COMMITMENT_TEXT_MAX: usize = 300;

impl ContributionNature {
    pub const ALL: [ContributionNature; 4] = [
        Self::Subsidy,
        Self::FinancialSponsorship,
        Self::MembershipFee,
        Self::CostSharing,
    ];

    /// The French name, as printed in the conventions and their annexes.
    pub fn label(self) -> &'static str {
        match self {
            Self::Subsidy => "Subvention",
            Self::FinancialSponsorship => "Mécénat financier",
            Self::MembershipFee => "Cotisation",
            Self::CostSharing => "Participation aux frais",
        }
    }

    /// One sentence saying when this nature applies.
    pub fn help(self) -> &'static str {
        match self {
            Self::Subsidy => "Contribution d’une autorité publique à une action d’intérêt général, sans contrepartie directe (loi du 12 avril 2000, article 9-1).",
            Self::FinancialSponsorship => "Don en numéraire d’une entreprise ou d’une fondation, sans contrepartie équivalente (article 238 bis du code général des impôts).",
            Self::MembershipFee => "Somme versée par un membre au titre de son adhésion.",
            Self::CostSharing => "Remboursement d’une part des dépenses engagées pour l’action commune.",
        }
    }
}

/// The kind of a [`PaymentSchedule`] without its instalments, for the screens' choice
/// (the same texts as the schedule's `kind` tag).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PaymentScheduleKind {
    #[default]
    AtSignature,
    OnReceipts,
    Instalments,
}

impl PaymentScheduleKind {
    pub const ALL: [PaymentScheduleKind; 3] =
        [Self::AtSignature, Self::OnReceipts, Self::Instalments];

    /// The French name, as the screens and the annexes show it.
    pub fn label(self) -> &'static str {
        match self {
            Self::AtSignature => "À la signature",
            Self::OnReceipts => "Sur justificatifs",
            Self::Instalments => "Échéancier",
        }
    }

    pub fn help(self) -> &'static str {
        match self {
            Self::AtSignature => "En un seul versement, à la signature de la convention.",
            Self::OnReceipts => "Au fur et à mesure des justificatifs de dépenses transmis.",
            Self::Instalments => {
                "En plusieurs versements datés, dont la somme égale exactement le montant."
            }
        }
    }
}

impl PaymentSchedule {
    pub fn kind(&self) -> PaymentScheduleKind {
        match self {
            Self::AtSignature => PaymentScheduleKind::AtSignature,
            Self::OnReceipts => PaymentScheduleKind::OnReceipts,
            Self::Instalments { .. } => PaymentScheduleKind::Instalments,
        }
    }

    /// The dated instalments (none for « à la signature » and « sur justificatifs »).
    pub fn instalments(&self) -> &[Instalment] {
        match self {
            Self::Instalments { instalments } => instalments,
            _ => &[],
        }
    }
}

/// Whether an actor of this type is a public funder: a local authority or the State.
/// Its subsidies are public subsidies (the 23 000 € convention rule, the Contrat
/// d’engagement républicain), and its contributions name the budget line charged.
pub fn is_public_funder(actor: ActorType) -> bool {
    matches!(actor, ActorType::LocalAuthority | ActorType::State)
}

impl FinancialContribution {
    /// Whether this is a subsidy paid by a public funder ([`is_public_funder`]).
    pub fn is_public_subsidy(&self, funder: ActorType) -> bool {
        self.nature == ContributionNature::Subsidy && is_public_funder(funder)
    }
}

impl CommitmentsDraft {
    /// Whether the party commits nothing (no money, nothing in kind).
    pub fn is_empty(&self) -> bool {
        self.financial.is_empty() && self.in_kind.is_empty()
    }

    /// Sum of the financial contributions, in cents (saturating: a validated draft is
    /// far below the limit).
    pub fn financial_total_cents(&self) -> i64 {
        sum(self.financial.iter().map(|f| f.amount_cents))
    }

    /// Sum of the values of the contributions in kind, in cents.
    pub fn in_kind_total_cents(&self) -> i64 {
        sum(self.in_kind.iter().map(|k| k.value_cents))
    }

    /// Money and value in kind together, in cents.
    pub fn total_cents(&self) -> i64 {
        self.financial_total_cents()
            .saturating_add(self.in_kind_total_cents())
    }

    /// Sum of the contributions of nature « Subvention », in cents.
    pub fn subsidy_total_cents(&self) -> i64 {
        sum(self
            .financial
            .iter()
            .filter(|f| f.nature == ContributionNature::Subsidy)
            .map(|f| f.amount_cents))
    }

    /// Whether this party, an actor of type `actor`, grants a public subsidy: it is a
    /// public funder ([`is_public_funder`]) and commits money of nature « Subvention » or
    /// a contribution in kind, which is a subsidy too (loi n° 2000-321 du 12 avril 2000,
    /// article 9-1: « contributions facultatives de toute nature […] en numéraire ou en
    /// nature »). The Contrat d’engagement républicain follows from it (article 10-1 of
    /// the same loi), whatever the party's role.
    pub fn grants_public_subsidy(&self, actor: ActorType) -> bool {
        is_public_funder(actor)
            && (self.subsidy_total_cents() > 0
                || self
                    .in_kind
                    .iter()
                    .any(|k| !k.description.trim().is_empty() || k.value_cents > 0))
    }

    /// The public subsidies of this party, in cents: its subsidies when it is a public
    /// funder ([`is_public_funder`]), else 0. Whether a convention is required depends on
    /// the annual amount ([`annual_public_subsidy`]), not on this total.
    pub fn public_subsidy_cents(&self, funder: ActorType) -> i64 {
        if is_public_funder(funder) {
            self.subsidy_total_cents()
        } else {
            0
        }
    }
}

/// A saturating sum of amounts in cents.
fn sum(amounts: impl Iterator<Item = i64>) -> i64 {
    amounts.fold(0i64, i64::saturating_add)
}

#[cfg(test)]
mod tests;
