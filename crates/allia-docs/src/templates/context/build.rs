//! Building a document's context from the alliance file and the document's options:
//! the parties in order, the terms, the review date, the court and the numbered annexes.

use allia_core::commitment::annual_public_subsidy;
use allia_core::identifiers::format_iban;
use allia_core::{ActorType, AllianceFile, DocumentKind, Organisation, PartnerRole, UserAnnex};
use chrono::{Months, NaiveDate};

use super::checks::{copies_check, short_name_checks, signature_date_checks};
use super::commitments::{commitments_of, contribution_checks, sum, with_commitments, Source};
use super::*;
use crate::templates::party::{clean, party, party_placeholder, quoted, PartyInput};
use crate::templates::typography::format_date;
use crate::templates::wording;
use crate::templates::{Check, CheckTarget, DocumentOptions};

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
}

pub(super) fn next_review(
    start: Option<NaiveDate>,
    created: NaiveDate,
    months: u32,
) -> Option<NaiveDate> {
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
pub(super) fn court_words(court: &str) -> String {
    let lower = court.to_lowercase();
    if lower.starts_with("tribunal") {
        format!("le {}", crate::templates::typography::lower_first(court))
    } else if lower.starts_with("cour ") {
        format!("la {}", crate::templates::typography::lower_first(court))
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
