//! The data a clause template sees. Built from the alliance file and the document
//! options; each later area of the app (objectives, budget, governance, communication)
//! adds its data as a field here, and the clauses that need it test it in their text.

use std::ops::Deref;

use allia_core::identifiers::format_iban;
use allia_core::{
    ActorType, AllianceFile, CommitmentParty, CommitmentsDraft, ContributionNature, DocumentKind,
    FinancialContribution, Organisation, PartnerRole, PaymentSchedule, UserAnnex,
};

use super::party::{clean, party, party_placeholder, same_organisation, PartyInput};
pub use super::party::{is_public_funder, PartyContext};
use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::typography::{format_amount, format_date};
use super::wording;
use super::{Check, CheckTarget, DocumentOptions};

/// A subsidy above this amount (23 000 €) requires a written convention.
pub const SUBSIDY_THRESHOLD_CENTS: i64 = 2_300_000;
/// Printed where a piece of data is missing and must be filled in by hand.
pub const BLANK: &str = "[à compléter]";
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
    /// Names of the local authorities and State services that fund the alliance.
    pub public_funders: Vec<String>,
    /// The public subsidies granted to the alliance, in cents: the contributions of
    /// nature « Subvention » of the local authorities and the State (allia-core's
    /// `CommitmentsDraft::public_subsidy_cents`), all funders together; `None` when
    /// there is none.
    pub subsidy_cents: Option<i64>,
    /// Each public funder's subsidy, in party order: the 23 000 € rule applies to what
    /// one authority grants (loi n° 2000-321, article 10; décret n° 2001-495).
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
    /// Grenoble », or by default the court of the lead's seat.
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
    /// « 2 ans », « 18 mois ».
    pub duration: Option<String>,
    /// Renewed tacitly for the same duration (the alliance's terms).
    pub tacit_renewal: bool,
    pub notice_months: Option<u32>,
    /// The notice as a noun phrase: « préavis de 3 mois », « préavis d’un mois ».
    pub notice: Option<String>,
}

/// A party as the clauses see it: who it is ([`PartyContext`], its fields at the top
/// level: `party.name`) and what it commits, read from the alliance file's commitments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Party {
    #[serde(flatten)]
    pub identity: PartyContext,
    /// Its financial contributions, in the order entered.
    pub financial: Vec<ContributionInfo>,
    /// Its contributions in kind.
    pub in_kind: Vec<InKindInfo>,
    /// In cents.
    pub financial_total_cents: i64,
    /// In cents.
    pub in_kind_total_cents: i64,
    /// Money and value in kind together, in cents.
    pub total_cents: i64,
}

impl Deref for Party {
    type Target = PartyContext;
    fn deref(&self) -> &PartyContext {
        &self.identity
    }
}

impl Party {
    /// Whether the party commits money or something in kind.
    pub fn has_commitments(&self) -> bool {
        !self.financial.is_empty() || !self.in_kind.is_empty()
    }
}

/// One financial contribution, with its words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContributionInfo {
    /// The paying party's short name and 1-based position.
    pub party: String,
    /// The paying party's full name.
    pub party_name: String,
    pub party_index: usize,
    /// Code (`subsidy`, `financial_sponsorship`, `membership_fee`, `cost_sharing`).
    pub nature: ContributionNature,
    /// « Subvention ».
    pub nature_label: String,
    /// With its indefinite article, feminine whatever the nature so that « versée »
    /// and « imputée » agree: « une subvention », « une contribution au titre du
    /// mécénat ».
    pub nature_phrase: String,
    pub amount_cents: i64,
    /// « 30 000,00 € ».
    pub amount: String,
    /// How it is paid, after « versée »: « à la signature », « sur présentation des
    /// justificatifs de dépenses », « en deux fois : 15 000,00 € le 1er mars 2027 et
    /// 15 000,00 € le 1er septembre 2027 ».
    pub schedule: String,
    /// `at_signature`, `on_receipts` or `instalments`.
    pub schedule_kind: String,
    pub instalments: Vec<InstalmentInfo>,
    /// The budget programme or line of a public funder, as typed.
    pub budget_line: Option<String>,
}

/// One dated payment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InstalmentInfo {
    /// « 1er mars 2027 »; empty for an undated one (a draft never validated).
    pub date: String,
    /// The date itself, to sort the calendar.
    #[serde(skip)]
    pub on: Option<NaiveDate>,
    pub amount_cents: i64,
    pub amount: String,
}

/// One contribution in kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InKindInfo {
    pub party: String,
    pub party_index: usize,
    pub description: String,
    pub value_cents: i64,
    /// « 1 200,00 € », or `None` when not valued.
    pub value: Option<String>,
}

/// A public funder's subsidy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubsidyInfo {
    /// The funder's short name.
    pub funder: String,
    pub amount_cents: i64,
}

/// The account the contributions are paid into.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BankInfo {
    /// The account holder: the receiving party's name.
    pub holder: String,
    /// The receiving party's short name (« l’association », « LAQ »).
    pub holder_short_name: String,
    /// Grouped by four with no-break spaces: « FR76 3000 6000 0112 3456 7890 189 »;
    /// `None` when not given.
    pub iban: Option<String>,
    pub bic: Option<String>,
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

fn duration_words(months: u32) -> String {
    match months {
        m if m >= 24 && m.is_multiple_of(12) => format!("{} ans", m / 12),
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

/// Where one party's data comes from in the alliance file.
struct Source<'f> {
    org: &'f Organisation,
    /// The user's own association.
    own: bool,
    /// Its position in `AllianceFile::partners` (the profile's twin partner included).
    partner_index: Option<usize>,
}

/// The commitments the alliance file records for a party: the user's association's
/// and, for a partner (or the partner the profile also appears as), that partner's.
/// They live once, in the alliance file; the context only reads them.
fn commitments_of<'f>(file: &'f AllianceFile, source: &Source<'_>) -> Vec<&'f CommitmentsDraft> {
    file.commitments
        .iter()
        .filter(|c| match c.party {
            CommitmentParty::Association => source.own,
            CommitmentParty::Partner(position) => source
                .partner_index
                .is_some_and(|i| usize::try_from(position).ok() == Some(i + 1)),
        })
        .map(|c| &c.draft)
        .collect()
}

fn sum(values: impl Iterator<Item = i64>) -> i64 {
    values.fold(0, i64::saturating_add)
}

fn contribution(identity: &PartyContext, f: &FinancialContribution) -> ContributionInfo {
    let instalments = f
        .schedule
        .instalments()
        .iter()
        .map(|i| InstalmentInfo {
            date: i.date.map(format_date).unwrap_or_default(),
            on: i.date,
            amount_cents: i.amount_cents,
            amount: format_amount(i.amount_cents),
        })
        .collect();
    let schedule_kind = match f.schedule {
        PaymentSchedule::AtSignature => "at_signature",
        PaymentSchedule::OnReceipts => "on_receipts",
        PaymentSchedule::Instalments { .. } => "instalments",
    };
    ContributionInfo {
        party: identity.short_name.clone(),
        party_name: identity.name.clone(),
        party_index: identity.index,
        nature: f.nature,
        nature_label: f.nature.label().to_string(),
        nature_phrase: wording::nature_phrase(f.nature).to_string(),
        amount_cents: f.amount_cents,
        amount: format_amount(f.amount_cents),
        schedule: wording::schedule_words(&f.schedule),
        schedule_kind: schedule_kind.to_string(),
        instalments,
        budget_line: clean(&f.budget_line),
    }
}

fn with_commitments(identity: PartyContext, drafts: &[&CommitmentsDraft]) -> Party {
    let financial = drafts
        .iter()
        .flat_map(|d| &d.financial)
        .map(|f| contribution(&identity, f))
        .collect();
    let in_kind = drafts
        .iter()
        .flat_map(|d| &d.in_kind)
        .map(|k| InKindInfo {
            party: identity.short_name.clone(),
            party_index: identity.index,
            description: k.description.trim().to_string(),
            value_cents: k.value_cents,
            value: (k.value_cents != 0).then(|| format_amount(k.value_cents)),
        })
        .collect();
    let financial_total_cents = sum(drafts.iter().map(|d| d.financial_total_cents()));
    let in_kind_total_cents = sum(drafts.iter().map(|d| d.in_kind_total_cents()));
    Party {
        identity,
        financial,
        in_kind,
        financial_total_cents,
        in_kind_total_cents,
        total_cents: financial_total_cents.saturating_add(in_kind_total_cents),
    }
}

/// The party that receives the funds, whose account the financial article prints: the
/// lead (chef de file) — the coordinator who carries the project's money — unless the
/// lead is itself a funder, then the user's association (the first party). Its position
/// in `parties`.
pub fn receiving_party(parties: &[Party]) -> Option<usize> {
    let lead = parties.iter().position(|p| p.is_lead);
    match lead {
        Some(i) if parties[i].role != PartnerRole::Funder => Some(i),
        _ => (!parties.is_empty()).then_some(0),
    }
}

/// The court as the sentence needs it, with its article: « Tribunal judiciaire de
/// Lyon » → « le tribunal judiciaire de Lyon »; a text that starts with its own article
/// or with another word stays as typed.
fn court_words(court: &str) -> String {
    let lower = court.to_lowercase();
    if lower.starts_with("tribunal") {
        format!("le {}", super::typography::lower_first(court))
    } else if lower.starts_with("cour ") {
        format!("la {}", super::typography::lower_first(court))
    } else {
        court.to_string()
    }
}

/// Numbers the annexes: Annexe 1 (the commitments) and Annexe 2 (the payment calendar)
/// when the document is a convention or a consortium agreement and the data has them,
/// then the user's annexes.
fn annexes(
    kind: DocumentKind,
    parties: &[Party],
    has_instalments: bool,
    user: &[UserAnnex],
) -> Vec<AnnexInfo> {
    let financial_document = kind != DocumentKind::PartnershipCharter;
    let mut generated: Vec<(&str, &str)> = Vec::new();
    if financial_document && parties.iter().any(Party::has_commitments) {
        generated.push((ANNEX_FINANCIAL, wording::ANNEX_FINANCIAL_TITLE));
        if has_instalments {
            generated.push((ANNEX_SCHEDULE, wording::ANNEX_SCHEDULE_TITLE));
        }
    }
    let user = user
        .iter()
        .filter(|a| !a.title.trim().is_empty())
        .map(|a| (a.id.as_str(), a.title.trim(), clean(&a.file_name)));
    generated
        .into_iter()
        .map(|(id, title)| (id, title, None, true))
        .chain(user.map(|(id, title, file)| (id, title, file, false)))
        .enumerate()
        .map(|(k, (id, title, file_name, generated))| {
            let number = k as u32 + 1;
            AnnexInfo {
                id: id.to_string(),
                number,
                title: title.to_string(),
                heading: wording::annex_heading(number, title),
                generated,
                file_name,
            }
        })
        .collect()
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
        let mut sources = vec![Source {
            org: profile_org,
            own: true,
            partner_index: twin,
        }];
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
                sources.push(Source {
                    org: &p.organisation,
                    own: false,
                    partner_index: Some(i),
                });
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
        let parties: Vec<Party> = inputs
            .into_iter()
            .zip(&sources)
            .enumerate()
            .map(|(i, (input, source))| {
                let identity = party(input, i + 1, &mut warnings);
                with_commitments(identity, &commitments_of(file, source))
            })
            .collect();
        let subsidies: Vec<SubsidyInfo> = parties
            .iter()
            .zip(&sources)
            .filter_map(|(p, source)| {
                let cents = sum(commitments_of(file, source)
                    .iter()
                    .map(|d| d.public_subsidy_cents(p.actor_type)));
                (cents > 0).then(|| SubsidyInfo {
                    funder: p.short_name.clone(),
                    amount_cents: cents,
                })
            })
            .collect();
        let contributions: Vec<ContributionInfo> = parties
            .iter()
            .flat_map(|p| p.financial.iter().cloned())
            .collect();
        let in_kind: Vec<InKindInfo> = parties
            .iter()
            .flat_map(|p| p.in_kind.iter().cloned())
            .collect();
        let financial_total_cents = sum(parties.iter().map(|p| p.financial_total_cents));
        let in_kind_total_cents = sum(parties.iter().map(|p| p.in_kind_total_cents));
        let has_instalments = contributions.iter().any(|c| !c.instalments.is_empty());

        let alliance = &file.alliance;
        let terms = &alliance.terms;
        // The document's own settings first, then the alliance's terms.
        let place = clean(&options.place)
            .or_else(|| clean(&terms.signature_place))
            .or_else(|| profile.and_then(|p| clean(&p.city)))
            .unwrap_or_default();
        let signature_date = options.signature_date.or(terms.signature_date);
        let copies = options
            .copies
            .or(terms.copies)
            .unwrap_or(parties.len() as u32)
            .max(1);
        let duration_months = terms.duration_months.filter(|m| *m > 0);
        let notice_months = terms.notice_months;
        let review_months = 12;

        let lead = parties
            .iter()
            .find(|p| p.is_lead)
            .or(parties.first())
            .cloned()
            .unwrap_or_else(|| with_commitments(party_placeholder(&mut warnings), &[]));
        let receiving = receiving_party(&parties);
        let bank = receiving
            .map(|i| {
                let details = sources[i].org.bank.as_ref();
                BankInfo {
                    holder: parties[i].name.clone(),
                    holder_short_name: parties[i].short_name.clone(),
                    iban: details
                        .map(|d| d.iban.trim())
                        .filter(|iban| !iban.is_empty())
                        .map(format_iban),
                    bic: details.and_then(|d| clean(&d.bic)),
                }
            })
            .unwrap_or_default();
        if financial_total_cents > 0 && bank.iban.is_none() {
            if let Some(i) = receiving {
                let target = match &sources[i] {
                    Source { own: true, .. } => CheckTarget::Profile(None),
                    Source {
                        partner_index: Some(index),
                        ..
                    } => CheckTarget::Partner {
                        index: *index,
                        field: None,
                    },
                    _ => CheckTarget::Profile(None),
                };
                warnings.push(Check {
                    message: format!(
                        "Les coordonnées bancaires de « {} », qui reçoit les contributions \
                         financières, ne sont pas renseignées : l'article financier ne peut \
                         pas indiquer le compte à créditer.",
                        parties[i].name
                    ),
                    target: Some(target),
                });
            }
        }
        let court = match clean(&terms.court) {
            Some(court) => court_words(&court),
            None => {
                let city = lead
                    .city
                    .as_deref()
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default();
                format!(
                    "le tribunal judiciaire dans le ressort duquel se trouve le siège {}{city}",
                    lead.of_short_name
                )
            }
        };
        let annexes = annexes(options.kind, &parties, has_instalments, &options.annexes);

        let context = DocumentContext {
            document: DocumentInfo {
                kind: options.kind,
                label: options.kind.label().into(),
                title: options.title.trim().to_string(),
                version: options.version,
                creation_date: format_date(options.creation_date),
                place,
                signature_date: signature_date.map(format_date),
                copies,
            },
            alliance: AllianceInfo {
                name: alliance.name.trim().to_string(),
                purpose: clean(&alliance.purpose),
                territory: clean(&alliance.territory),
                start_date: alliance.start_date.map(format_date),
                duration_months,
                duration: duration_months.map(duration_words),
                tacit_renewal: terms.tacit_renewal && duration_months.is_some(),
                notice_months,
                notice: notice_months.map(wording::notice_words),
            },
            party_count: parties.len(),
            lead,
            public_funders: parties
                .iter()
                .filter(|p| is_public_funder(p))
                .map(|p| p.name.clone())
                .collect(),
            subsidy_cents: Some(sum(subsidies.iter().map(|s| s.amount_cents))).filter(|c| *c > 0),
            subsidies,
            subsidy_threshold_cents: SUBSIDY_THRESHOLD_CENTS,
            contributions,
            in_kind,
            financial_total_cents,
            in_kind_total_cents,
            total_cents: financial_total_cents.saturating_add(in_kind_total_cents),
            has_instalments,
            bank,
            court,
            annexes,
            parties,
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

    /// The annex with this id, when the document has it.
    pub fn annex(&self, id: &str) -> Option<&AnnexInfo> {
        self.annexes.iter().find(|a| a.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_reviews() {
        assert_eq!(duration_words(12), "12 mois");
        assert_eq!(duration_words(24), "2 ans");
        assert_eq!(duration_words(36), "3 ans");
        assert_eq!(duration_words(18), "18 mois");
        let d = |y, m, j| NaiveDate::from_ymd_opt(y, m, j).expect("date");
        assert_eq!(
            next_review(Some(d(2025, 12, 1)), d(2027, 3, 1), 12),
            Some(d(2027, 12, 1))
        );
        assert_eq!(next_review(None, d(2026, 1, 5), 12), Some(d(2027, 1, 5)));
    }

    #[test]
    fn courts_read_with_their_article() {
        assert_eq!(
            court_words("Tribunal judiciaire de Lyon"),
            "le tribunal judiciaire de Lyon"
        );
        assert_eq!(
            court_words("cour d’appel de Bourges"),
            "la cour d’appel de Bourges"
        );
        assert_eq!(
            court_words("le tribunal judiciaire de Tours"),
            "le tribunal judiciaire de Tours"
        );
    }
}
