//! What each party of an alliance commits to bring: money (with its nature and payment
//! schedule) and contributions in kind (with their value). One record per party of an
//! alliance; the conventions print them (financial article, Annexe 1 and 2) and the
//! budget reads them as its income lines, so they live here only.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

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
    pub date: NaiveDate,
    /// Amount in cents.
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
