//! What each party commits, as the clauses see it: its financial contributions (with
//! their words and instalments), its contributions in kind, the public funders'
//! subsidies, and the account of the party that receives the funds.

use std::ops::Deref;

use allia_core::{
    is_public_funder, ActorType, AllianceFile, CommitmentParty, CommitmentsDraft,
    ContributionNature, FinancialContribution, Organisation, PartnerRole, PaymentSchedule,
};
use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

use crate::templates::party::{clean, quoted, PartyContext};
use crate::templates::typography::{format_amount, format_date, join_fr, lower_first};
use crate::templates::wording;
use crate::templates::{Check, CheckTarget};

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
    /// Its contributions in one phrase, for its engagements paragraph: « une subvention
    /// de 12 500,00 € et mise à disposition de locaux (valeur estimée : 2 400,00 €) »;
    /// `None` when it records none.
    pub commitments_summary: Option<String>,
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
    /// Every subsidy of the funder, in cents.
    pub amount_cents: i64,
    /// Its annual amount, which the décret n° 2001-495 compares with 23 000 €
    /// (allia-core's `annual_public_subsidy`), in cents.
    pub annual_cents: i64,
    /// How the annual amount was reckoned, when it differs from the total (a dated
    /// schedule's busiest twelve months): « versements du 1er mars 2026 au 1er novembre
    /// 2026, sur un total de 40 000,00 € ».
    pub annual_basis: Option<String>,
    /// The value of the funder's contributions in kind, which are subsidies too (loi
    /// n° 2000-321, article 9-1) and count in the annual amount, in cents.
    pub in_kind_cents: i64,
    /// The part in kind, after the amount: « dont 10 000,00 € en nature », « apportée
    /// en nature » when it is all in kind; `None` when there is none.
    pub in_kind: Option<String>,
}

/// The account the contributions are paid into.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BankInfo {
    /// The account holder: the receiving party's name.
    pub holder: String,
    /// The holder's designated name contracted with « de », after « au nom »: « de la
    /// Fédération des centres sociaux de l’Isère », « d’Atelier Numérique ».
    pub holder_of: String,
    /// The receiving party's short name (« l’association », « LAQ »).
    pub holder_short_name: String,
    /// Grouped by four with no-break spaces: « FR76 3000 6000 0112 3456 7890 189 »;
    /// `None` when not given.
    pub iban: Option<String>,
    pub bic: Option<String>,
}

/// Where one party's data comes from in the alliance file.
pub(super) struct Source<'f> {
    pub(super) org: &'f Organisation,
    /// The user's own association.
    pub(super) own: bool,
    /// Its position in `AllianceFile::partners` (the profile's twin partner included).
    pub(super) partner_index: Option<usize>,
}

impl Source<'_> {
    /// Where the party's data is fixed: the profile for the user's association (twin
    /// partner included), else its partner's panel.
    pub(super) fn target(&self) -> CheckTarget {
        match self {
            Source { own: true, .. }
            | Source {
                partner_index: None,
                ..
            } => CheckTarget::Profile(None),
            Source {
                partner_index: Some(index),
                ..
            } => CheckTarget::Partner {
                index: *index,
                field: None,
            },
        }
    }
}

/// How a check names a party: its short name with « de » and its full name between
/// guillemets (« de la Commune (« Commune de Villard-de-Lans ») »), or the full name
/// alone when the short name is that name (« de « Emmaüs Touraine » »). Quotes inside
/// a name become “ ” ([`quoted`]).
pub(super) fn of_party(party: &PartyContext) -> String {
    if party.short_name.trim() == party.name.trim() {
        format!("de {}", quoted(&party.name))
    } else {
        format!("{} ({})", party.of_short_name, quoted(&party.name))
    }
}

/// « À vérifier » items about contributions that would read wrong in a contract:
/// - a public funder (local authority, State) giving « mécénat », which is a private
///   gift (a public body grants a subvention);
/// - a company giving a « subvention », which only public authorities grant;
/// - an instalment dated before the alliance's start date, or after the end of its term
///   (start date plus duration: the day before the same date `duration` months later).
///
/// Each points to the party whose commitments hold it (`sources[i]` for `parties[i]`).
pub(super) fn contribution_checks(
    parties: &[Party],
    sources: &[Source<'_>],
    start: Option<NaiveDate>,
    duration_months: Option<u32>,
    checks: &mut Vec<Check>,
) {
    let end = start.zip(duration_months).and_then(|(start, months)| {
        start
            .checked_add_months(Months::new(months))?
            .checked_sub_days(Days::new(1))
    });
    for (party, source) in parties.iter().zip(sources) {
        let has = |nature| party.financial.iter().any(|f| f.nature == nature);
        if is_public_funder(party.actor_type) && has(ContributionNature::FinancialSponsorship) {
            checks.push(Check {
                message: format!(
                    "Un financeur public accorde une subvention, pas du mécénat\u{a0}: vérifiez \
                     la nature de la contribution {}.",
                    of_party(party)
                ),
                target: Some(source.target()),
            });
        }
        if party.actor_type == ActorType::Company && has(ContributionNature::Subsidy) {
            checks.push(Check {
                message: format!(
                    "Seule une autorité publique accorde une subvention\u{a0}: une entreprise \
                     apporte du mécénat ou une participation aux frais. Vérifiez la nature de \
                     la contribution {}.",
                    of_party(party)
                ),
                target: Some(source.target()),
            });
        }
        for instalment in party.financial.iter().flat_map(|f| &f.instalments) {
            let Some(on) = instalment.on else { continue };
            let outside = match (start, end) {
                (Some(start), _) if on < start => Some(format!(
                    "avant le début de l’alliance ({})",
                    format_date(start)
                )),
                (_, Some(end)) if on > end => Some(format!(
                    "après la fin de la durée de la convention ({})",
                    format_date(end)
                )),
                _ => None,
            };
            if let Some(outside) = outside {
                checks.push(Check {
                    message: format!(
                        "Le versement du {} {} tombe {outside}\u{a0}: vérifiez son échéancier \
                         ou la durée de l’alliance.",
                        instalment.date,
                        of_party(party)
                    ),
                    target: Some(source.target()),
                });
            }
        }
    }
}

/// The commitments the alliance file records for a party: the user's association's
/// and, for a partner (or the partner the profile also appears as), that partner's.
/// They live once, in the alliance file; the context only reads them.
pub(super) fn commitments_of<'f>(
    file: &'f AllianceFile,
    source: &Source<'_>,
) -> Vec<&'f CommitmentsDraft> {
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

pub(super) fn sum(values: impl Iterator<Item = i64>) -> i64 {
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

/// The party `identity` with the commitments of `drafts`. A public actor (local
/// authority, State) that grants a subsidy, in money or in kind, is a public funder
/// whatever its role (the Contrat d’engagement républicain follows from the subsidy:
/// loi n° 2000-321, articles 9-1 and 10-1), as is one whose role is Financeur.
pub(super) fn with_commitments(mut identity: PartyContext, drafts: &[&CommitmentsDraft]) -> Party {
    if drafts
        .iter()
        .any(|d| d.grants_public_subsidy(identity.actor_type))
    {
        identity.is_public_funder = true;
    }
    let financial: Vec<ContributionInfo> = drafts
        .iter()
        .flat_map(|d| &d.financial)
        .map(|f| contribution(&identity, f))
        .collect();
    let in_kind: Vec<InKindInfo> = drafts
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
    let commitments_summary = summary(&financial, &in_kind);
    let financial_total_cents = sum(drafts.iter().map(|d| d.financial_total_cents()));
    let in_kind_total_cents = sum(drafts.iter().map(|d| d.in_kind_total_cents()));
    Party {
        identity,
        financial,
        in_kind,
        financial_total_cents,
        in_kind_total_cents,
        total_cents: financial_total_cents.saturating_add(in_kind_total_cents),
        commitments_summary,
    }
}

/// « une subvention de 12 500,00 € et mise à disposition de locaux (valeur estimée :
/// 2 400,00 €) »: every contribution of a party, money first, joined the French way.
fn summary(financial: &[ContributionInfo], in_kind: &[InKindInfo]) -> Option<String> {
    let parts: Vec<String> = financial
        .iter()
        .map(|f| format!("{} de {}", f.nature_phrase, f.amount))
        .chain(
            in_kind
                .iter()
                .filter(|k| !k.description.is_empty())
                .map(|k| {
                    let description = lower_first(&k.description);
                    match &k.value {
                        Some(value) => format!("{description} (valeur estimée : {value})"),
                        None => description,
                    }
                }),
        )
        .collect();
    (!parts.is_empty()).then(|| join_fr(&parts))
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
