//! The data a clause template sees. Built from the alliance file and the document
//! options; each later area of the app (objectives, budget, governance, communication)
//! adds its data as a field here, and the clauses that need it test it in their text.

use allia_core::{ActorType, AllianceFile, DocumentKind, Organisation, PartnerRole};

use super::party::{clean, party, party_placeholder, same_organisation, PartyInput};
pub use super::party::{is_public_funder, PartyContext};
use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::typography::format_date;
use super::{Check, CheckTarget, DocumentOptions};

/// A subsidy above this amount (23 000 €) requires a written convention.
pub const SUBSIDY_THRESHOLD_CENTS: i64 = 2_300_000;
/// Printed where a piece of data is missing and must be filled in by hand.
pub const BLANK: &str = "[à compléter]";
/// Name of the first party when the association's profile is not filled in.
pub const PROFILE_PLACEHOLDER: &str = "[Votre association : complétez le profil]";

/// Everything the templates can insert. Field names are the placeholders of the clause
/// texts (`{{ alliance.name }}`, `{% for party in parties %}`…).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentContext {
    pub document: DocumentInfo,
    pub alliance: AllianceInfo,
    /// The profile first, then the partners, in their order.
    pub parties: Vec<PartyContext>,
    pub party_count: usize,
    /// The coordinator (chef de file): the partner whose role is Lead, else the profile.
    pub lead: PartyContext,
    /// Names of the local authorities and State services that fund the alliance.
    pub public_funders: Vec<String>,
    /// The subsidy granted to the alliance, when a budget says so (none yet).
    pub subsidy_cents: Option<i64>,
    pub subsidy_threshold_cents: i64,
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
    /// « 2 ans », « 18 mois ».
    pub duration: Option<String>,
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

fn duration_words(months: u32) -> String {
    match months {
        12 => "un an".into(),
        m if m.is_multiple_of(12) => format!("{} ans", m / 12),
        m => format!("{m} mois"),
    }
}

fn next_review(start: Option<NaiveDate>, created: NaiveDate, months: u32) -> Option<NaiveDate> {
    let mut date = start.unwrap_or(created);
    for _ in 0..10_000 {
        date = date.checked_add_months(Months::new(months))?;
        if date > created {
            return Some(date);
        }
    }
    None
}

impl DocumentContext {
    /// Builds the context of a document, with what to check about missing data (each with
    /// where it is fixed: the profile or a partner).
    pub fn from_file(file: &AllianceFile, options: &DocumentOptions) -> (Self, Vec<Check>) {
        let mut warnings = Vec::new();
        let placeholder = Organisation {
            name: PROFILE_PLACEHOLDER.into(),
            ..Organisation::default()
        };
        let profile = file.profile.as_ref();
        if profile.is_none() {
            warnings.push(Check {
                message: "Le profil de votre association n'est pas complété : la première \
                          partie du document reste à compléter."
                    .to_string(),
                target: Some(CheckTarget::Profile(None)),
            });
        }
        let profile_org = profile.unwrap_or(&placeholder);
        let twin = file
            .partners
            .iter()
            .position(|p| profile.is_some() && same_organisation(profile_org, &p.organisation));
        let has_lead = file.partners.iter().any(|p| p.role == PartnerRole::Lead);
        let mut inputs = vec![match twin.and_then(|i| file.partners.get(i)) {
            Some(p) => PartyInput {
                org: profile_org,
                actor_type: p.actor_type,
                role: p.role,
                resources: p.resources.clone(),
                tags: p.resource_tags.clone(),
                is_profile: true,
                partner_index: None,
            },
            None => PartyInput {
                org: profile_org,
                actor_type: ActorType::Association,
                role: if has_lead {
                    PartnerRole::Member
                } else {
                    PartnerRole::Lead
                },
                resources: None,
                tags: Vec::new(),
                is_profile: true,
                partner_index: None,
            },
        }];
        for (i, p) in file.partners.iter().enumerate() {
            if Some(i) != twin {
                inputs.push(PartyInput {
                    org: &p.organisation,
                    actor_type: p.actor_type,
                    role: p.role,
                    resources: p.resources.clone(),
                    tags: p.resource_tags.clone(),
                    is_profile: false,
                    partner_index: Some(i),
                });
            }
        }
        let parties: Vec<PartyContext> = inputs
            .into_iter()
            .enumerate()
            .map(|(i, input)| party(input, i + 1, &mut warnings))
            .collect();
        let alliance = &file.alliance;
        let place = clean(&options.place)
            .or_else(|| profile.and_then(|p| clean(&p.city)))
            .unwrap_or_default();
        let duration_months = None;
        let review_months = 12;
        let context = DocumentContext {
            document: DocumentInfo {
                kind: options.kind,
                label: options.kind.label().into(),
                title: options.title.trim().to_string(),
                version: options.version,
                creation_date: format_date(options.creation_date),
                place,
                signature_date: options.signature_date.map(format_date),
                copies: options.copies.unwrap_or(parties.len() as u32).max(1),
            },
            alliance: AllianceInfo {
                name: alliance.name.trim().to_string(),
                purpose: clean(&alliance.purpose),
                territory: clean(&alliance.territory),
                start_date: alliance.start_date.map(format_date),
                duration_months,
                duration: duration_months.map(duration_words),
            },
            party_count: parties.len(),
            lead: parties
                .iter()
                .find(|p| p.is_lead)
                .or(parties.first())
                .cloned()
                .unwrap_or_else(|| party_placeholder(&mut warnings)),
            public_funders: parties
                .iter()
                .filter(|p| is_public_funder(p))
                .map(|p| p.name.clone())
                .collect(),
            parties,
            subsidy_cents: None,
            subsidy_threshold_cents: SUBSIDY_THRESHOLD_CENTS,
            review: ReviewInfo {
                period_months: review_months,
                next_date: next_review(alliance.start_date, options.creation_date, review_months)
                    .map(format_date),
            },
            governance: GovernanceInfo::default(),
            objectives: Vec::new(),
        };
        (context, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_reviews() {
        assert_eq!(duration_words(12), "un an");
        assert_eq!(duration_words(36), "3 ans");
        assert_eq!(duration_words(18), "18 mois");
        let d = |y, m, j| NaiveDate::from_ymd_opt(y, m, j).expect("date");
        assert_eq!(
            next_review(Some(d(2025, 12, 1)), d(2027, 3, 1), 12),
            Some(d(2027, 12, 1))
        );
        assert_eq!(next_review(None, d(2026, 1, 5), 12), Some(d(2027, 1, 5)));
    }
}
