//! The data a clause template sees. Built from the alliance file and the document
//! options; each later area of the app (objectives, budget, governance, communication)
//! adds its data as a field here, and the clauses that need it test it in their text.
//!
//! What each party commits (its contributions, the public subsidies, the account paid
//! into) is read in the `commitments` module.
//!
//! This file holds the context's types and constants; `build.rs` builds it from the file,
//! `checks.rs` raises what it finds wrong, `commitments.rs` reads the commitments.

use allia_core::DocumentKind;
use serde::Serialize;

pub use super::party::{is_public_funder, PartyContext};

mod build;
mod checks;
mod commitments;

pub use commitments::{
    receiving_party, BankInfo, ContributionInfo, InKindInfo, InstalmentInfo, Party, SubsidyInfo,
};

/// A subsidy whose annual amount is above this (23 000 €) requires a written convention
/// (décret n° 2001-495, article 1; the rule is allia-core's).
pub const SUBSIDY_THRESHOLD_CENTS: i64 = allia_core::commitment::SUBSIDY_CONVENTION_THRESHOLD_CENTS;
/// Printed where a piece of data is missing and must be filled in by hand.
pub const BLANK: &str = "[à compléter]";
/// Printed for the competent court when none is set and the lead's seat is abroad.
pub const COURT_BLANK: &str = "[à compléter : tribunal compétent]";
/// Id of the generated annex « Engagements financiers et apports en nature » (for
/// `annex("financial")` in a clause).
pub const ANNEX_FINANCIAL: &str = "financial";
/// Id of the generated annex « Calendrier des versements ».
pub const ANNEX_SCHEDULE: &str = "schedule";
/// Name of the first party when the association's profile is not filled in.
pub const PROFILE_PLACEHOLDER: &str = "[Votre association : complétez le profil]";

/// Everything the templates can insert. Field names are the placeholders of the clause
/// texts (`{{ alliance.name }}`, `{% for party in parties %}`…).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentContext {
    pub document: DocumentInfo,
    pub alliance: AllianceInfo,
    /// The profile first, then the partners, in their order.
    pub parties: Vec<Party>,
    pub party_count: usize,
    /// The coordinator (chef de file): the partner whose role is Lead, else the profile.
    pub lead: Party,
    /// Names of the local authorities and State services that fund the alliance: set
    /// as Financeur, or granting a subsidy in money or in kind whatever their role (the
    /// Contrat d’engagement républicain follows from them).
    pub public_funders: Vec<String>,
    /// The public subsidies granted to the alliance, in cents: the contributions of
    /// nature « Subvention » and the valued contributions in kind of the local
    /// authorities and the State (loi n° 2000-321, article 9-1: a subsidy is given « en
    /// numéraire ou en nature »), all funders together; `None` when there is none.
    pub subsidy_cents: Option<i64>,
    /// Each public funder's subsidy, in party order: the 23 000 € rule applies to the
    /// annual amount one authority grants (loi n° 2000-321, article 10; décret
    /// n° 2001-495, article 1).
    pub subsidies: Vec<SubsidyInfo>,
    pub subsidy_threshold_cents: i64,
    /// Every financial contribution of every party, in party order (for one list in a
    /// clause; each party's own are in `party.financial`).
    pub contributions: Vec<ContributionInfo>,
    /// Every contribution in kind of every party, in party order.
    pub in_kind: Vec<InKindInfo>,
    /// All the parties' financial contributions, in cents.
    pub financial_total_cents: i64,
    /// All the parties' contributions in kind, valued, in cents.
    pub in_kind_total_cents: i64,
    /// Money and value in kind together, in cents.
    pub total_cents: i64,
    /// Whether a contribution is paid in dated instalments (Annexe « Calendrier des
    /// versements »).
    pub has_instalments: bool,
    /// The account the contributions are paid into: the receiving party's (see
    /// [`receiving_party`]); its IBAN is `none` when the party has not given it.
    pub bank: BankInfo,
    /// The court disputes go to, with its article: « le tribunal judiciaire de
    /// Grenoble », or by default the court of the lead's seat; [`COURT_BLANK`] when
    /// none is set and the lead's seat is outside France.
    pub court: String,
    /// The document's annexes, numbered: the generated ones (« financial »,
    /// « schedule ») then the user's, in order. `annex("financial")` in a clause
    /// gives « l’annexe 1 ».
    pub annexes: Vec<AnnexInfo>,
    pub review: ReviewInfo,
    pub governance: GovernanceInfo,
    /// Strategic objectives of the alliance, in words (filled by the Objectifs area).
    pub objectives: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    pub kind: DocumentKind,
    pub label: String,
    pub title: String,
    pub version: u32,
    pub creation_date: String,
    /// « Fait à … »: the options' place, else the profile's city, else empty.
    pub place: String,
    pub signature_date: Option<String>,
    pub copies: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllianceInfo {
    pub name: String,
    pub purpose: Option<String>,
    pub territory: Option<String>,
    /// « 1er décembre 2025 ».
    pub start_date: Option<String>,
    pub duration_months: Option<u32>,
    /// « deux ans », « 18 mois » (numbers in words up to ten).
    pub duration: Option<String>,
    /// Renewed tacitly for the same duration (the alliance's terms).
    pub tacit_renewal: bool,
    pub notice_months: Option<u32>,
    /// The notice as a noun phrase: « préavis de trois mois », « préavis d’un mois ».
    pub notice: Option<String>,
}

/// One annex of the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnnexInfo {
    /// `financial`, `schedule`, or the user's annex id.
    pub id: String,
    pub number: u32,
    pub title: String,
    /// « Annexe 1 — Engagements financiers et apports en nature ».
    pub heading: String,
    /// Generated from the data (not a user's annex).
    pub generated: bool,
    /// The PDF the user attached to a user's annex.
    pub file_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewInfo {
    pub period_months: u32,
    /// First review date after the document's creation.
    pub next_date: Option<String>,
}

/// Decision rules of the steering committee (defaults until the Gouvernance area
/// provides them).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GovernanceInfo {
    /// Share of members that must be present or represented, in words.
    pub quorum: String,
    /// Qualified majority, in words.
    pub qualified_majority: String,
    pub meetings_per_year: u32,
}

impl Default for GovernanceInfo {
    fn default() -> Self {
        GovernanceInfo {
            quorum: "la moitié au moins de ses membres".into(),
            qualified_majority: "deux tiers des membres présents ou représentés".into(),
            meetings_per_year: 2,
        }
    }
}

impl DocumentContext {
    /// The annex with this id, when the document has it.
    pub fn annex(&self, id: &str) -> Option<&AnnexInfo> {
        self.annexes.iter().find(|a| a.id == id)
    }
}

#[cfg(test)]
mod tests;
