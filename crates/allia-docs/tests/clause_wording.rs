//! The wording of the clauses around each party's commitments, as the rendered PDF prints
//! it (pdftotext): the engagements and contributions paragraphs state what a party has
//! recorded instead of a blank, the account holder is named with its contraction, an
//! annex number never leaves « annexe » at a line end, the actor type is not repeated
//! after a short name, list items after a colon start in lower case, and durations and
//! notices follow one rule (numbers in words up to ten).

#[path = "common/templates_fixture.rs"]
mod fixture;

#[path = "common/docx_support.rs"]
mod docx_support;

use allia_core::{
    AllianceFile, BankDetails, CommitmentParty, CommitmentsDraft, ContributionNature, DocumentKind,
    FileCommitments, FinancialContribution, InKindContribution, PaymentSchedule,
};
use allia_docs::render::{render, Format};
use allia_docs::templates::{build, DocumentOptions};
use fixture::{date, file, full_text, options};

fn entry(party: CommitmentParty, draft: CommitmentsDraft) -> FileCommitments {
    FileCommitments {
        id: None,
        created_at: None,
        updated_at: None,
        party,
        draft,
    }
}

/// The demo alliance with a commune granting 12 500 € and lending a room valued
/// 2 400 €, the association lending equipment, bank details on every party and terms
/// of three years with a three-month notice.
fn committed() -> AllianceFile {
    let mut f = file(true);
    let commune = f.partners.len() as u32;
    let bank = Some(BankDetails {
        iban: "FR7630006000011234567890189".into(),
        bic: Some("AGRIFRPP847".into()),
    });
    if let Some(profile) = f.profile.as_mut() {
        profile.bank = bank.clone();
    }
    for partner in &mut f.partners {
        partner.organisation.bank = bank.clone();
    }
    f.alliance.start_date = Some(date(2027, 3, 1));
    f.alliance.terms.duration_months = Some(36);
    f.alliance.terms.tacit_renewal = true;
    f.alliance.terms.notice_months = Some(3);
    f.commitments = vec![
        entry(
            CommitmentParty::Association,
            CommitmentsDraft {
                financial: Vec::new(),
                in_kind: vec![InKindContribution {
                    description: "Prêt de matériel informatique".into(),
                    value_cents: 80_000,
                }],
            },
        ),
        entry(
            CommitmentParty::Partner(commune),
            CommitmentsDraft {
                financial: vec![FinancialContribution {
                    nature: ContributionNature::Subsidy,
                    amount_cents: 1_250_000,
                    schedule: PaymentSchedule::AtSignature,
                    budget_line: None,
                }],
                in_kind: vec![InKindContribution {
                    description: "Mise à disposition de la salle des fêtes".into(),
                    value_cents: 240_000,
                }],
            },
        ),
    ];
    f
}

fn pdf_text(f: &AllianceFile, options: &DocumentOptions) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = render(f, options, Format::Pdf).expect("renders").bytes;
    let path = docx_support::write(dir.path(), "document.pdf", &bytes);
    docx_support::pdf_text(&path)
}

/// One line per paragraph, spaces of every kind made plain: a phrase split by the page
/// layout is found whole.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn model_text(f: &AllianceFile, kind: DocumentKind) -> String {
    let built = build(f, &options(kind)).expect("builds");
    full_text(&built.document)
}

#[test]
fn engagements_state_the_recorded_commitments() {
    let f = committed();
    for kind in [
        DocumentKind::PartnershipAgreement,
        DocumentKind::ConsortiumAgreement,
    ] {
        let text = flat(&pdf_text(&f, &options(kind)));
        assert!(
            text.contains(
                "Ses apports, détaillés à l’annexe 1 : une subvention de 12 500,00 € et mise à \
                 disposition de la salle des fêtes (valeur estimée : 2 400,00 €)."
            ) || text.contains(
                "Ses apports au Projet, détaillés à l’annexe 1 : une subvention de 12 500,00 € \
                 et mise à disposition de la salle des fêtes (valeur estimée : 2 400,00 €)."
            ),
            "{kind:?}: the commune's commitments are stated\n{text}"
        );
        assert!(
            text.contains("prêt de matériel informatique (valeur estimée : 800,00 €)"),
            "{kind:?}: the association's commitment in kind is stated\n{text}"
        );
        // The commune also typed free text: it still prints.
        assert!(
            text.contains("Une subvention de fonctionnement et le prêt d’une salle."),
            "{kind:?}: the free text still prints\n{text}"
        );
        assert!(
            !text.contains("[à compléter : les apports de la Commune")
                && !text.contains("[à compléter : les apports de l’association"),
            "{kind:?}: no blank for a party with commitments\n{text}"
        );
    }
    let warnings = build(&f, &options(DocumentKind::PartnershipAgreement))
        .expect("builds")
        .warnings;
    assert!(
        warnings.iter().all(|w| !w.contains("apports")),
        "no warning about missing contributions: {warnings:?}"
    );
}

#[test]
fn the_account_holder_is_named_with_its_contraction() {
    let f = committed();
    for kind in [
        DocumentKind::PartnershipAgreement,
        DocumentKind::ConsortiumAgreement,
    ] {
        let text = flat(&model_text(&f, kind));
        // The lead receives the funds.
        assert!(
            text.contains("au nom de la Maison des Solidarités du Val de Brenne :"),
            "{kind:?}: « au nom de la Maison… »\n{text}"
        );
        assert!(!text.contains("au nom de Maison"), "{kind:?}\n{text}");
    }
}

#[test]
fn annex_numbers_stay_with_their_word() {
    let f = committed();
    for kind in [
        DocumentKind::PartnershipAgreement,
        DocumentKind::ConsortiumAgreement,
    ] {
        let model = model_text(&f, kind);
        assert!(model.contains("l’annexe\u{a0}1"), "{kind:?}\n{model}");
        assert!(model.contains("Annexe\u{a0}1 — "), "{kind:?}\n{model}");
        assert!(
            !model.contains("annexe 1") && !model.contains("Annexe 1"),
            "{kind:?}"
        );
        let text = pdf_text(&f, &options(kind));
        for line in text.lines() {
            let line = line.trim_end();
            assert!(
                !line.ends_with("annexe") && !line.ends_with("Annexe"),
                "{kind:?}: a line ends with « annexe »: {line}"
            );
        }
    }
}

#[test]
fn consortium_lists_read_as_generated_text() {
    let f = committed();
    let text = flat(&model_text(&f, DocumentKind::ConsortiumAgreement));
    assert!(
        !text.contains("(Collectivité territoriale)") && !text.contains("(Association)"),
        "no actor type in brackets after a short name\n{text}"
    );
    assert!(
        text.contains(
            "5.7 — Apports de la Commune de Château-Renault Ses apports au Projet, détaillés"
        ),
        "{text}"
    );
    assert!(text.contains("La MSVB apporte au Projet"), "{text}");
    assert!(
        text.contains("la Commune : une subvention de 12 500,00 €"),
        "list items start in lower case\n{text}"
    );
    assert!(!text.contains("La Commune : "), "{text}");
}

#[test]
fn durations_and_notices_read_the_same_way() {
    let f = committed();
    for kind in [
        DocumentKind::PartnershipAgreement,
        DocumentKind::ConsortiumAgreement,
    ] {
        let text = flat(&model_text(&f, kind));
        assert!(text.contains("durée de trois ans"), "{kind:?}\n{text}");
        assert!(text.contains("préavis de trois mois"), "{kind:?}\n{text}");
        assert!(!text.contains("préavis de 3 mois"), "{kind:?}\n{text}");
    }
}
