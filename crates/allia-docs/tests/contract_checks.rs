//! « À vérifier » items for what would read wrong in a signed contract: a public funder
//! giving « mécénat », a company giving a « subvention », instalments outside the
//! alliance's term, fewer originals than parties, two parties with the same short name.
//! Each says which party, with its name between guillemets (nested ones as “ ”), and
//! points to where it is fixed.

#[path = "common/templates_fixture.rs"]
mod fixture;

use allia_core::{
    ActorType, CommitmentParty, CommitmentsDraft, ContributionNature, Designation, FileCommitments,
    FinancialContribution, Instalment, PartnerRole, PaymentSchedule,
};
use allia_core::{AllianceFile, DocumentKind};
use allia_docs::templates::{build, Built, CheckTarget};
use fixture::{date, file, options};

/// A check's text with its no-break spaces (put in by the typography pass) as plain
/// ones, so that the assertions read as the sentence.
fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

fn money(nature: ContributionNature, schedule: PaymentSchedule) -> CommitmentsDraft {
    CommitmentsDraft {
        financial: vec![FinancialContribution {
            nature,
            amount_cents: 3_000_000,
            schedule,
            budget_line: None,
        }],
        in_kind: vec![],
    }
}

fn gives(file: &mut AllianceFile, party: CommitmentParty, draft: CommitmentsDraft) {
    file.commitments.push(FileCommitments {
        id: None,
        created_at: None,
        updated_at: None,
        party,
        draft,
    });
}

/// The position of the commune (the fixture's public funder) in `partners`.
fn commune_index(f: &AllianceFile) -> usize {
    f.partners
        .iter()
        .position(|p| p.organisation.name == "Commune de Château-Renault")
        .expect("commune")
}

fn built(f: &AllianceFile) -> Built {
    build(f, &options(DocumentKind::PartnershipAgreement)).expect("builds")
}

/// The checks whose text (no-break spaces as plain ones) contains `needle`, their text
/// made plain.
fn checks_with(built: &Built, needle: &str) -> Vec<allia_docs::templates::Check> {
    built
        .checks
        .iter()
        .map(|c| allia_docs::templates::Check {
            message: plain(&c.message),
            target: c.target.clone(),
        })
        .filter(|c| c.message.contains(needle))
        .collect()
}

#[test]
fn a_public_funder_giving_mecenat_is_flagged_on_that_funder() {
    let mut f = file(true);
    let commune = commune_index(&f);
    let position = u32::try_from(commune + 1).expect("position");
    gives(
        &mut f,
        CommitmentParty::Partner(position),
        money(
            ContributionNature::FinancialSponsorship,
            PaymentSchedule::AtSignature,
        ),
    );
    let b = built(&f);
    let found = checks_with(&b, "pas du mécénat");
    assert_eq!(found.len(), 1, "{:?}", b.warnings);
    assert_eq!(
        found[0].message,
        "Un financeur public accorde une subvention, pas du mécénat : vérifiez la nature \
         de la contribution de la Commune (« Commune de Château-Renault »)."
    );
    assert_eq!(
        found[0].target,
        Some(CheckTarget::Partner {
            index: commune,
            field: None
        })
    );

    // A subsidy from the same commune is what it should be: nothing to check.
    f.commitments[0].draft = money(ContributionNature::Subsidy, PaymentSchedule::AtSignature);
    let b = built(&f);
    assert!(checks_with(&b, "mécénat").is_empty(), "{:?}", b.warnings);
}

#[test]
fn a_company_giving_a_subsidy_is_flagged_with_its_nested_quotes() {
    let mut f = file(false);
    let mut company = fixture::commune();
    company.organisation.name = "Société « Les Ateliers du Lin »".into();
    company.organisation.legal_form = Some("SAS".into());
    company.organisation.siret = None;
    company.actor_type = ActorType::Company;
    company.role = PartnerRole::Member;
    f.partners.push(company);
    let index = f.partners.len() - 1;
    let position = u32::try_from(index + 1).expect("position");
    gives(
        &mut f,
        CommitmentParty::Partner(position),
        money(ContributionNature::Subsidy, PaymentSchedule::OnReceipts),
    );
    let b = built(&f);
    let found = checks_with(&b, "Seule une autorité publique accorde une subvention");
    assert_eq!(found.len(), 1, "{:?}", b.warnings);
    assert!(
        found[0]
            .message
            .contains("« Société “Les Ateliers du Lin” »"),
        "{}",
        found[0].message
    );
    assert!(
        !found[0].message.contains("« Société « "),
        "{}",
        found[0].message
    );
    assert_eq!(
        found[0].target,
        Some(CheckTarget::Partner { index, field: None })
    );

    // Mécénat from a company is right.
    f.commitments[0].draft = money(
        ContributionNature::FinancialSponsorship,
        PaymentSchedule::OnReceipts,
    );
    assert!(checks_with(&built(&f), "subvention").is_empty());
}

#[test]
fn instalments_outside_the_term_are_flagged() {
    let mut f = file(true);
    f.alliance.start_date = Some(date(2027, 1, 1));
    f.alliance.terms.duration_months = Some(24);
    let instalments = |dates: &[(i32, u32, u32)]| PaymentSchedule::Instalments {
        instalments: dates
            .iter()
            .map(|(y, m, d)| Instalment {
                date: Some(date(*y, *m, *d)),
                amount_cents: 1_000_000,
            })
            .collect(),
    };
    // Before the start, on the last day (fine), the day after the end.
    gives(
        &mut f,
        CommitmentParty::Association,
        money(
            ContributionNature::CostSharing,
            instalments(&[(2026, 12, 15), (2028, 12, 31), (2029, 1, 1)]),
        ),
    );
    let b = built(&f);
    let found = checks_with(&b, "Le versement du");
    assert_eq!(found.len(), 2, "{:?}", b.warnings);
    assert!(
        found[0].message.starts_with(
            "Le versement du 15 décembre 2026 de LAQ (« Les Amis du Quartier ») tombe avant le début de l’alliance (1er janvier 2027)"
        ),
        "{}",
        found[0].message
    );
    assert!(
        found[1].message.contains(
            "1er janvier 2029 de LAQ (« Les Amis du Quartier ») tombe après la fin de la durée de la convention (31 décembre 2028)"
        ),
        "{}",
        found[1].message
    );
    assert_eq!(found[0].target, Some(CheckTarget::Profile(None)));

    // Without a duration only the start bounds the dates; without a start, nothing.
    f.alliance.terms.duration_months = None;
    assert_eq!(checks_with(&built(&f), "Le versement du").len(), 1);
    f.alliance.start_date = None;
    assert!(checks_with(&built(&f), "Le versement du").is_empty());
}

#[test]
fn fewer_originals_than_parties_is_flagged() {
    let mut f = file(true);
    let parties = f.partners.len() + 1;
    f.alliance.terms.copies = Some(u32::try_from(parties - 1).expect("copies"));
    let b = built(&f);
    let found = checks_with(&b, "chaque partie doit recevoir un original");
    assert_eq!(found.len(), 1, "{:?}", b.warnings);
    assert_eq!(
        found[0].message,
        format!(
            "{} exemplaires pour {parties} parties : chaque partie doit recevoir un original \
             signé. Prévoyez au moins {parties} exemplaires originaux.",
            parties - 1
        )
    );
    // The document's own setting wins over the alliance's terms.
    let mut opts = options(DocumentKind::PartnershipAgreement);
    opts.copies = Some(u32::try_from(parties).expect("copies"));
    let b = build(&f, &opts).expect("builds");
    assert!(checks_with(&b, "original signé").is_empty());
    // Unset: one per party, nothing to check.
    f.alliance.terms.copies = None;
    assert!(checks_with(&built(&f), "original signé").is_empty());
}

#[test]
fn two_parties_with_the_same_short_name_are_flagged_on_the_second() {
    let mut f = file(false);
    let designation = |short: &str| Designation {
        short_name: short.into(),
        ..allia_core::designation::propose("Association", None, ActorType::Association)
    };
    let last = f.partners.len() - 1;
    for p in &mut f.partners {
        p.organisation.designation = None;
    }
    if let Some(profile) = f.profile.as_mut() {
        profile.designation = Some(designation("l’Association"));
    }
    f.partners[last].organisation.designation = Some(designation("l'association"));
    let b = built(&f);
    let found = checks_with(&b, "ont le même nom court");
    let partner_name = f.partners[last].organisation.name.clone();
    let mine: Vec<_> = found
        .iter()
        .filter(|c| c.message.contains(&partner_name))
        .collect();
    assert_eq!(mine.len(), 1, "{:?}", b.warnings);
    assert!(mine[0]
        .message
        .starts_with("« Les Amis du Quartier » et « "));
    assert!(
        mine[0].message.contains(
            "ont le même nom court, « l’association » : le contrat ne peut pas les distinguer"
        ),
        "{}",
        mine[0].message
    );
    assert_eq!(
        mine[0].target,
        Some(CheckTarget::Partner {
            index: last,
            field: None
        })
    );
    // Different short names: nothing about this pair.
    f.partners[last].organisation.designation = Some(designation("le Réseau"));
    let b = built(&f);
    assert!(checks_with(&b, "« Les Amis du Quartier » et ")
        .iter()
        .all(|c| !c.message.contains(&partner_name)));
}
