//! The data a clause template sees. Built from the alliance file and the document
//! options; each later area of the app (objectives, budget, governance, communication)
//! adds its data as a field here, and the clauses that need it test it in their text.
//!
//! What each party commits (its contributions, the public subsidies, the account paid
//! into) is read in the `commitments` module.

use allia_core::commitment::annual_public_subsidy;
use allia_core::identifiers::format_iban;
use allia_core::{ActorType, AllianceFile, DocumentKind, Organisation, PartnerRole, UserAnnex};

use super::party::{clean, party, party_placeholder, quoted, PartyInput};
pub use super::party::{is_public_funder, PartyContext};
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::typography::format_date;
use super::wording;
use super::{Check, CheckTarget, DocumentOptions};

mod commitments;

pub use commitments::{
    receiving_party, BankInfo, ContributionInfo, InKindInfo, InstalmentInfo, Party, SubsidyInfo,
};

use commitments::{commitments_of, contribution_checks, sum, with_commitments, Source};

/// A subsidy whose annual amount is above this (23 000 €) requires a written convention
/// (décret n° 2001-495, article 1; the rule is allia-core's).
pub const SUBSIDY_THRESHOLD_CENTS: i64 = allia_core::commitment::SUBSIDY_CONVENTION_THRESHOLD_CENTS;
/// Printed where a piece of data is missing and must be filled in by hand.
pub const BLANK: &str = "[à compléter]";
/// Printed for the competent court when none is set and the lead's seat is abroad.
pub const COURT_BLANK: &str = "[à compléter : tribunal compétent]";
/// Earliest plausible signature date: a convention Allia prepares is not signed before.
const SIGNATURE_EARLIEST_YEAR: i32 = 2000;
/// A signature further ahead than this many years is taken for a typo.
const SIGNATURE_AHEAD_YEARS_MAX: u32 = 5;
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

/// Each party signs and keeps an original: fewer originals than parties (set by the
/// document's settings or the alliance's terms; by default there are as many) leaves a
/// party without one.
fn copies_check(copies: Option<u32>, parties: usize, checks: &mut Vec<Check>) {
    let Some(copies) = copies else { return };
    if (copies as usize) < parties {
        let originals = if copies == 1 {
            "1 exemplaire".to_string()
        } else {
            format!("{copies} exemplaires")
        };
        checks.push(Check {
            message: format!(
                "{originals} pour {parties} parties\u{a0}: chaque partie doit recevoir un \
                 original signé. Prévoyez au moins {parties} exemplaires originaux."
            ),
            target: None,
        });
    }
}

/// « À vérifier » items about a signature date that cannot be right or is unlikely:
/// after the end of the term (start date plus duration, the day before: the
/// convention would be signed once over), more than a year before the alliance's start,
/// before 2000, or more than five years after `today` (the document's creation date).
fn signature_date_checks(
    signature: Option<NaiveDate>,
    start: Option<NaiveDate>,
    duration_months: Option<u32>,
    today: NaiveDate,
    checks: &mut Vec<Check>,
) {
    let Some(signature) = signature else { return };
    let signed = format_date(signature);
    let end = start.zip(duration_months).and_then(|(start, months)| {
        start
            .checked_add_months(Months::new(months))?
            .checked_sub_days(chrono::Days::new(1))
    });
    let mut push = |message: String| {
        checks.push(Check {
            message,
            target: None,
        })
    };
    if let Some(end) = end.filter(|end| signature > *end) {
        push(format!(
            "La date de signature ({signed}) tombe après la fin de la convention \
             ({})\u{a0}: une convention ne se signe pas une fois terminée. Vérifiez la date \
             de signature, la date de début ou la durée de l’alliance.",
            format_date(end)
        ));
    }
    let year_before_start = start.and_then(|start| start.checked_sub_months(Months::new(12)));
    if let (Some(start), Some(limit)) = (start, year_before_start) {
        if signature < limit {
            push(format!(
                "La date de signature ({signed}) précède de plus d’un an le début de \
                 l’alliance ({})\u{a0}: vérifiez l’une ou l’autre.",
                format_date(start)
            ));
        }
    }
    if signature.year() < SIGNATURE_EARLIEST_YEAR {
        push(format!(
            "La date de signature ({signed}) est antérieure à {SIGNATURE_EARLIEST_YEAR}\u{a0}: \
             vérifiez-la."
        ));
    }
    let ahead = today.checked_add_months(Months::new(12 * SIGNATURE_AHEAD_YEARS_MAX));
    if ahead.is_some_and(|ahead| signature > ahead) {
        push(format!(
            "La date de signature ({signed}) est à plus de {SIGNATURE_AHEAD_YEARS_MAX} ans \
             d’aujourd’hui\u{a0}: vérifiez-la."
        ));
    }
}

/// Two parties with the same short name cannot be told apart in the text (« ci-après
/// dénommée « l’Association » » twice): one check per party whose short name an earlier
/// party already has, pointing to it. Compared without case, accents or punctuation
/// (`allia_core::text::collation_key`: « le Comité » and « le comite » are confused).
fn short_name_checks(parties: &[Party], sources: &[Source<'_>], checks: &mut Vec<Check>) {
    let key = |p: &Party| allia_core::text::collation_key(&p.short_name);
    for (j, (later, source)) in parties.iter().zip(sources).enumerate() {
        let name = key(later);
        if name.is_empty() {
            continue;
        }
        if let Some(earlier) = parties[..j].iter().find(|p| key(p) == name) {
            checks.push(Check {
                message: format!(
                    "{} et {} ont le même nom court, {}\u{a0}: le contrat ne peut pas les \
                     distinguer. Donnez à l’une d’elles un autre nom court.",
                    quoted(&earlier.name),
                    quoted(&later.name),
                    quoted(&later.short_name)
                ),
                target: Some(source.target()),
            });
        }
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
        // The partner that IS the association, by its explicit link only: homonyms (two
        // « Comité des fêtes » of two villages) stay two parties. Its role, resources and
        // commitments become the first party's; without a profile, its own identity is
        // the first party's rather than the placeholder.
        let twin = file.partners.iter().position(|p| p.own_association);
        let profile_org = profile
            .or_else(|| {
                twin.and_then(|i| file.partners.get(i))
                    .map(|p| &p.organisation)
            })
            .unwrap_or(&placeholder);
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
        let duration_months = file.alliance.terms.duration_months.filter(|m| *m > 0);
        let subsidies: Vec<SubsidyInfo> = parties
            .iter()
            .zip(&sources)
            .filter_map(|(p, source)| {
                let annual = annual_public_subsidy(&commitments_of(file, source), p.actor_type)?;
                Some(SubsidyInfo {
                    funder: p.short_name.clone(),
                    amount_cents: annual.total_cents,
                    annual_cents: annual.annual_cents,
                    annual_basis: wording::annual_basis(&annual),
                    in_kind_cents: annual.in_kind_cents,
                    in_kind: wording::subsidy_in_kind(&annual),
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
        let notice_months = terms.notice_months;
        let review_months = 12;
        contribution_checks(
            &parties,
            &sources,
            alliance.start_date,
            duration_months,
            &mut warnings,
        );
        copies_check(
            options.copies.or(terms.copies),
            parties.len(),
            &mut warnings,
        );
        short_name_checks(&parties, &sources, &mut warnings);
        signature_date_checks(
            signature_date,
            alliance.start_date,
            duration_months,
            options.creation_date,
            &mut warnings,
        );

        let lead_index = parties
            .iter()
            .position(|p| p.is_lead)
            .or((!parties.is_empty()).then_some(0));
        let lead = lead_index
            .and_then(|i| parties.get(i))
            .cloned()
            .unwrap_or_else(|| with_commitments(party_placeholder(&mut warnings), &[]));
        let lead_abroad = lead_index
            .and_then(|i| sources.get(i))
            .is_some_and(|s| !s.org.in_france() || s.org.country_guess().is_some());
        let receiving = receiving_party(&parties);
        let bank = receiving
            .map(|i| {
                let details = sources[i].org.bank.as_ref();
                BankInfo {
                    holder: parties[i].name.clone(),
                    holder_of: parties[i].of_name.clone(),
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
                let target = sources[i].target();
                warnings.push(Check {
                    message: format!(
                        "Les coordonnées bancaires de {}, qui reçoit les contributions \
                         financières, ne sont pas renseignées : l'article financier ne peut \
                         pas indiquer le compte à créditer.",
                        quoted(&parties[i].name)
                    ),
                    target: Some(target),
                });
            }
        }
        let court = match clean(&terms.court) {
            Some(court) => court_words(&court),
            // No French court sits at a seat abroad: the parties choose one.
            None if lead_abroad => {
                // The charte names no court: nothing to check there.
                if options.kind != DocumentKind::PartnershipCharter {
                    warnings.push(Check {
                        message: format!(
                            "Le chef de file, {}, a son siège hors de France\u{a0}: le tribunal \
                         de son siège ne peut pas être désigné par défaut. Indiquez le \
                         tribunal compétent dans les conditions de l’alliance.",
                            quoted(&lead.name)
                        ),
                        target: Some(CheckTarget::Clause("litiges".into())),
                    });
                }
                COURT_BLANK.to_string()
            }
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
                duration: duration_months.map(wording::duration_words),
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
mod tests;
