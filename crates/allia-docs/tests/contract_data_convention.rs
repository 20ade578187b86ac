//! The data of a real convention, as the rendered documents print it: each party's
//! commitments (financial article, Annexe 1, Annexe 2), the 23 000 € clause, the
//! duration and its renewal, the place and date of signature, the competent court, the
//! receiving party's bank details and the last article listing the annexes. Read back
//! from the PDF with pdftotext and from the DOCX's XML.

#[path = "common/templates_fixture.rs"]
mod fixture;

#[path = "common/docx_support.rs"]
mod docx_support;

use allia_core::{
    AllianceFile, BankDetails, CommitmentParty, CommitmentsDraft, ContributionNature, DocumentKind,
    FileCommitments, FinancialContribution, InKindContribution, Instalment, PartnerRole,
    PaymentSchedule, UserAnnex,
};
use allia_docs::model::{Block, Document, Run, Table};
use allia_docs::render::{render, Format};
use allia_docs::templates::{build, DocumentOptions};
use fixture::{date, file, options};

const IBAN: &str = "FR7630006000011234567890189";

fn entry(party: CommitmentParty, draft: CommitmentsDraft) -> FileCommitments {
    FileCommitments {
        id: None,
        created_at: None,
        updated_at: None,
        party,
        draft,
    }
}

fn subsidy(amount_cents: i64, schedule: PaymentSchedule) -> FinancialContribution {
    FinancialContribution {
        nature: ContributionNature::Subsidy,
        amount_cents,
        schedule,
        budget_line: Some("chapitre 65, article 6574".into()),
    }
}

fn two_instalments(first: i64, second: i64) -> PaymentSchedule {
    PaymentSchedule::Instalments {
        instalments: vec![
            Instalment {
                date: Some(date(2027, 3, 1)),
                amount_cents: first,
            },
            Instalment {
                date: Some(date(2027, 9, 1)),
                amount_cents: second,
            },
        ],
    }
}

/// The demo alliance with a commune that funds it (`subsidy_cents`, paid in two
/// instalments), the association's premises in kind (odd cents), a partner's sponsorship
/// on receipts, the lead's bank details and three years' terms.
fn funded(subsidy_cents: i64) -> AllianceFile {
    let mut f = file(true);
    let commune = f.partners.len() as u32;
    let lead = f
        .partners
        .iter()
        .position(|p| p.role == PartnerRole::Lead)
        .expect("the demo has a lead");
    f.partners[lead].organisation.bank = Some(BankDetails {
        iban: IBAN.into(),
        bic: Some("AGRIFRPP847".into()),
    });
    f.alliance.start_date = Some(date(2027, 3, 1));
    f.alliance.terms.duration_months = Some(36);
    f.alliance.terms.tacit_renewal = true;
    f.alliance.terms.notice_months = Some(3);
    let half = subsidy_cents / 2;
    f.commitments = vec![
        entry(
            CommitmentParty::Association,
            CommitmentsDraft {
                financial: vec![FinancialContribution {
                    nature: ContributionNature::CostSharing,
                    amount_cents: 100_001,
                    schedule: PaymentSchedule::AtSignature,
                    budget_line: None,
                }],
                in_kind: vec![InKindContribution {
                    description: "Mise à disposition d'une salle de 40 m²".into(),
                    value_cents: 120_033,
                }],
            },
        ),
        entry(
            CommitmentParty::Partner(2),
            CommitmentsDraft {
                financial: vec![FinancialContribution {
                    nature: ContributionNature::FinancialSponsorship,
                    amount_cents: 500_050,
                    schedule: PaymentSchedule::OnReceipts,
                    budget_line: None,
                }],
                in_kind: Vec::new(),
            },
        ),
        entry(
            CommitmentParty::Partner(commune),
            CommitmentsDraft {
                financial: vec![subsidy(
                    subsidy_cents,
                    two_instalments(half, subsidy_cents - half),
                )],
                in_kind: vec![InKindContribution {
                    description: "Prêt de la salle des fêtes".into(),
                    value_cents: 0,
                }],
            },
        ),
    ];
    f
}

fn convention() -> DocumentOptions {
    options(DocumentKind::PartnershipAgreement)
}

/// Text with every kind of space, every hyphen and the list bullets (« – ») removed: line
/// breaks, justification, hyphenation and list layout then cannot hide a phrase.
fn squashed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !['-', '\u{ad}', '–', '•'].contains(c))
        .collect()
}

fn pdf_text(f: &AllianceFile, options: &DocumentOptions) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = render(f, options, Format::Pdf).expect("renders").bytes;
    let path = docx_support::write(dir.path(), "convention.pdf", &bytes);
    docx_support::pdf_text(&path)
}

fn docx_text(f: &AllianceFile, options: &DocumentOptions) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = render(f, options, Format::Docx).expect("renders").bytes;
    let path = docx_support::write(dir.path(), "convention.docx", &bytes);
    docx_support::checked_text(&path)
}

/// Asserts each phrase is in the text, spaces and hyphens aside.
fn assert_has(text: &str, phrases: &[&str], what: &str) {
    let flat = squashed(text);
    for phrase in phrases {
        assert!(
            flat.contains(&squashed(phrase)),
            "{what}: « {phrase} » missing in\n{text}"
        );
    }
}

fn assert_lacks(text: &str, phrases: &[&str], what: &str) {
    let flat = squashed(text);
    for phrase in phrases {
        assert!(
            !flat.contains(&squashed(phrase)),
            "{what}: « {phrase} » should not be there"
        );
    }
}

fn runs(cell: &[Run]) -> String {
    cell.iter().map(|r| r.text.as_str()).collect()
}

/// « 12 345,67 € » → 1234567.
fn cents(text: &str) -> i64 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits.parse().expect("an amount")
}

/// The blocks after the section whose text starts with `heading`, up to the next
/// section.
fn annex_blocks<'d>(doc: &'d Document, heading: &str) -> &'d [Block] {
    let start = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Section { text } if text.starts_with(heading)))
        .unwrap_or_else(|| panic!("no « {heading} »"));
    let rest = &doc.blocks[start + 1..];
    let end = rest
        .iter()
        .position(|b| matches!(b, Block::Section { .. }))
        .unwrap_or(rest.len());
    &rest[..end]
}

fn tables(blocks: &[Block]) -> Vec<&Table> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[test]
fn the_23000_clause_follows_a_communes_subsidy() {
    let with = pdf_text(&funded(3_000_000), &convention());
    assert_has(
        &with,
        &[
            "Cadre légal de la subvention",
            "d’un montant de 30 000,00 €, dépasse le seuil de 23 000,00 €",
            "Contrat d’engagement républicain",
        ],
        "30 000 €",
    );
    let without = pdf_text(&funded(2_000_000), &convention());
    assert_lacks(
        &without,
        &["Cadre légal de la subvention", "dépasse le seuil"],
        "20 000 €",
    );
    assert_has(&without, &["Contrat d’engagement républicain"], "20 000 €");
}

#[test]
fn the_financial_article_lists_each_contribution_and_the_account() {
    let text = pdf_text(&funded(3_000_000), &convention());
    assert_has(
        &text,
        &[
            "les contributions financières suivantes, détaillées à l’annexe 1",
            "une participation aux frais de 1 000,01 €, versée à la signature",
            "une contribution au titre du mécénat de 5 000,50 €, versée sur présentation des justificatifs de dépenses",
            "une subvention de 30 000,00 € (imputation budgétaire : chapitre 65, article 6574), versée en deux fois : 15 000,00 € le 1er mars 2027 et 15 000,00 € le 1er septembre 2027",
            "leur calendrier figure à l’annexe 2",
            "sur le compte ouvert au nom de la Maison des Solidarités du Val de Brenne : IBAN : FR76 3000 6000 0112 3456 7890 189 ; BIC : AGRIFRPP847.",
            "mise à disposition d’une salle de 40 m² (valeur estimée : 1 200,33 €)",
        ],
        "financial article",
    );
    // No reference to an annex that does not exist.
    assert_lacks(
        &text,
        &[
            "budget prévisionnel annexé",
            "l’annexe financière",
            "[annexe absente",
        ],
        "references",
    );
}

#[test]
fn without_a_lead_the_association_receives_the_funds() {
    let mut f = funded(3_000_000);
    for p in &mut f.partners {
        if p.role == PartnerRole::Lead {
            p.role = PartnerRole::Member;
            p.organisation.bank = None;
        }
    }
    let mut profile = f.profile.clone().expect("profile");
    profile.bank = Some(BankDetails {
        iban: IBAN.into(),
        bic: None,
    });
    f.profile = Some(profile);
    let text = pdf_text(&f, &convention());
    assert_has(
        &text,
        &["sur le compte ouvert au nom des Amis du Quartier : IBAN : FR76 3000 6000 0112 3456 7890 189."],
        "association's account",
    );
    // Without any bank details, the check names the party to complete.
    f.profile.as_mut().expect("profile").bank = None;
    let built = build(&f, &convention()).expect("builds");
    assert!(built
        .warnings
        .iter()
        .any(|w| w.contains("coordonnées bancaires") && w.contains("Les Amis du Quartier")));
}

#[test]
fn annex_1_totals_sum_exactly() {
    let f = funded(3_000_001);
    let doc = build(&f, &convention()).expect("builds").document;
    let annex = annex_blocks(
        &doc,
        "Annexe\u{a0}1 — Engagements financiers et apports en nature",
    );
    let all = tables(annex);
    let (summary, parties) = all.split_last().expect("tables");
    assert_eq!(parties.len(), 3, "one table per party that commits");
    for table in parties {
        let (total, rows) = table.rows.split_last().expect("rows");
        assert_eq!(runs(&total[0]), "Total");
        for column in [1, 2] {
            let sum: i64 = rows
                .iter()
                .map(|r| runs(&r[column]))
                .filter(|t| t.contains('€'))
                .map(|t| cents(&t))
                .sum();
            assert_eq!(sum, cents(&runs(&total[column])), "column {column}");
        }
    }
    let (grand, rows) = summary.rows.split_last().expect("summary rows");
    assert_eq!(runs(&grand[0]), "Total général");
    assert_eq!(
        rows.len(),
        doc.signing_parties().len(),
        "every party in the summary"
    );
    for column in 1..=3 {
        let sum: i64 = rows.iter().map(|r| cents(&runs(&r[column]))).sum();
        assert_eq!(sum, cents(&runs(&grand[column])), "summary column {column}");
    }
    // 1 000,01 + 5 000,50 + 30 000,01 and 1 200,33 in kind.
    assert_eq!(cents(&runs(&grand[1])), 3_600_052);
    assert_eq!(cents(&runs(&grand[2])), 120_033);
    assert_eq!(cents(&runs(&grand[3])), 3_720_085);

    // The PDF prints the same figures, after the signatures.
    let text = pdf_text(&f, &convention());
    let signatures = text.find("Fait à").expect("signature block");
    // The last mention: the annex's own heading (the last article lists it too).
    let annex = text
        .rfind("Annexe 1 — Engagements financiers")
        .expect("Annexe 1 printed");
    assert!(annex > signatures, "annexes come after the signatures");
    let annex_text = &text[annex..];
    assert_has(
        annex_text,
        &[
            "15 000,01 €",
            "Non valorisé",
            "1 200,33 €",
            "36 000,52 €",
            "37 200,85 €",
            "Total général",
        ],
        "Annexe 1",
    );
}

#[test]
fn annex_2_lists_the_instalments_in_time_order() {
    let f = funded(3_000_000);
    let doc = build(&f, &convention()).expect("builds").document;
    let calendar = tables(annex_blocks(
        &doc,
        "Annexe\u{a0}2 — Calendrier des versements",
    ));
    let [table] = calendar.as_slice() else {
        panic!("one calendar table");
    };
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(|c| runs(c)).collect())
        .collect();
    let dates: Vec<String> = rows.iter().map(|r| r[0].replace('\u{a0}', " ")).collect();
    assert_eq!(
        dates,
        [
            "À la signature",
            "1er mars 2027",
            "1er septembre 2027",
            "Sur justificatifs",
            "Total général"
        ]
    );
    let total: i64 = rows[..rows.len() - 1].iter().map(|r| cents(&r[3])).sum();
    assert_eq!(total, cents(&rows[rows.len() - 1][3]));
    assert_eq!(total, 100_001 + 3_000_000 + 500_050);

    let text = pdf_text(&f, &convention());
    let annex = text
        .rfind("Annexe 2 — Calendrier des versements")
        .expect("Annexe 2 printed");
    assert_has(
        &text[annex..],
        &[
            "1er mars 2027",
            "1er septembre 2027",
            "15 000,00 €",
            "36 000,51 €",
        ],
        "Annexe 2",
    );
}

#[test]
fn the_last_article_lists_the_annexes_with_their_numbers() {
    let f = funded(3_000_000);
    let mut with_statutes = convention();
    with_statutes.annexes = vec![UserAnnex {
        id: "7d1c".into(),
        title: "Statuts de l'association".into(),
        file_name: Some("statuts.pdf".into()),
    }];
    let doc = build(&f, &with_statutes).expect("builds").document;
    let last = doc
        .blocks
        .iter()
        .rposition(|b| matches!(b, Block::Article { .. }))
        .expect("articles");
    let Block::Article { title, .. } = &doc.blocks[last] else {
        unreachable!()
    };
    assert_eq!(title, "Annexes");
    let text = pdf_text(&f, &with_statutes);
    assert_has(
        &text,
        &[
            "font partie intégrante de la présente convention :",
            "Annexe\u{a0}1 — Engagements financiers et apports en nature ;",
            "Annexe\u{a0}2 — Calendrier des versements ;",
            "Annexe\u{a0}3 — Statuts de l’association.",
            "Document joint à la version PDF : statuts.pdf.",
        ],
        "annexes",
    );
    // The user's annex has its own page, after the generated ones.
    let annex_3 = text.rfind("Annexe 3 — Statuts").expect("annex 3 page");
    let annex_2 = text.rfind("Annexe 2 — Calendrier").expect("annex 2 page");
    assert!(annex_3 > annex_2);
    assert!(text[annex_2..annex_3].contains('\u{c}'), "a new page");

    // With nothing committed and no annex listed, there is no « Annexes » article and no
    // reference to an annex.
    let plain = file(true);
    for kind in DocumentKind::ALL {
        let doc = build(&plain, &options(kind)).expect("builds").document;
        let text = fixture::full_text(&doc);
        assert!(!text.contains("Annexe\u{a0}1"), "{kind:?}");
        for phrase in [
            "annexé au présent accord",
            "budget prévisionnel annexé",
            "annexe financière",
            "plan d’action annexé",
            "[annexe absente",
        ] {
            assert!(!text.contains(phrase), "{kind:?}: {phrase}");
        }
    }
}

#[test]
fn duration_and_tacit_renewal() {
    let mut f = funded(3_000_000);
    let text = pdf_text(&f, &convention());
    assert_has(
        &text,
        &[
            "conclue pour une durée de trois ans à compter du 1er mars 2027",
            "reconduite tacitement pour la même durée, sauf dénonciation par l’une des Parties",
            "avec un préavis de trois mois avant l’échéance",
            "en respectant un préavis de trois mois",
        ],
        "tacit renewal",
    );
    f.alliance.terms.duration_months = Some(18);
    f.alliance.terms.tacit_renewal = false;
    f.alliance.terms.notice_months = None;
    let text = pdf_text(&f, &convention());
    assert_has(
        &text,
        &[
            "conclue pour une durée de 18 mois",
            "Elle n’est pas renouvelée tacitement.",
            "en respectant un préavis de trois mois",
        ],
        "no renewal",
    );
    assert_lacks(&text, &["reconduite tacitement"], "no renewal");
}

#[test]
fn place_and_date_come_from_the_terms_unless_the_document_says_otherwise() {
    let mut f = funded(3_000_000);
    f.alliance.terms.signature_place = Some("Tours".into());
    f.alliance.terms.signature_date = Some(date(2027, 2, 15));
    f.alliance.terms.copies = Some(4);
    let text = pdf_text(&f, &convention());
    assert_has(
        &text,
        &["Fait à Tours, le 15 février 2027, en 4 exemplaires originaux."],
        "terms",
    );
    let mut options = convention();
    options.place = Some("Amboise".into());
    options.signature_date = Some(date(2027, 2, 20));
    let text = pdf_text(&f, &options);
    assert_has(
        &text,
        &["Fait à Amboise, le 20 février 2027, en 4 exemplaires originaux."],
        "document",
    );
    // Neither: the association's city, and a date to write by hand.
    let text = pdf_text(&funded(3_000_000), &convention());
    assert_has(&text, &["Fait à Château-Renault, le ……"], "profile");
}

#[test]
fn the_competent_court() {
    let mut f = funded(3_000_000);
    let text = pdf_text(&f, &convention());
    assert_has(
        &text,
        &["le litige est porté devant le tribunal judiciaire dans le ressort duquel se trouve le siège"],
        "default court",
    );
    f.alliance.terms.court = Some("Tribunal judiciaire de Tours".into());
    let text = pdf_text(&f, &convention());
    assert_has(
        &text,
        &["le litige est porté devant le tribunal judiciaire de Tours, ou devant le tribunal administratif"],
        "court of the terms",
    );
    let consortium = pdf_text(&f, &options(DocumentKind::ConsortiumAgreement));
    assert_has(
        &consortium,
        &["le litige est porté devant le tribunal judiciaire de Tours."],
        "consortium",
    );
}

#[test]
fn the_consortium_prints_the_contributions_and_its_annexes() {
    let f = funded(3_000_000);
    let text = pdf_text(&f, &options(DocumentKind::ConsortiumAgreement));
    assert_has(
        &text,
        &[
            "comme le détaille l’annexe 1",
            "une subvention de 30 000,00 €",
            "IBAN : FR76 3000 6000 0112 3456 7890 189",
            "pour une durée de trois ans",
            "Annexe\u{a0}1 — Engagements financiers et apports en nature",
            "Annexe\u{a0}2 — Calendrier des versements",
        ],
        "consortium",
    );
    assert_lacks(
        &text,
        &[
            "budget prévisionnel du Projet est annexé",
            "plan d’action annexé",
        ],
        "consortium",
    );
}

#[test]
fn the_docx_holds_the_same_phrases_and_annexes() {
    let f = funded(3_000_000);
    let mut options = convention();
    options.annexes = vec![UserAnnex {
        id: "7d1c".into(),
        title: "Relevé d'identité bancaire".into(),
        file_name: None,
    }];
    let docx = docx_text(&f, &options);
    let pdf = pdf_text(&f, &options);
    for phrase in [
        "d’un montant de 30 000,00 €, dépasse le seuil de 23 000,00 €",
        "versée en deux fois : 15 000,00 € le 1er mars 2027 et 15 000,00 € le 1er septembre 2027",
        "IBAN : FR76 3000 6000 0112 3456 7890 189 ; BIC : AGRIFRPP847.",
        "conclue pour une durée de trois ans à compter du 1er mars 2027",
        "Annexe\u{a0}1 — Engagements financiers et apports en nature",
        "Annexe\u{a0}2 — Calendrier des versements",
        "Annexe\u{a0}3 — Relevé d’identité bancaire",
        "Document à joindre à chaque exemplaire original.",
        "37 200,84 €",
        "Total général",
    ] {
        assert_has(&docx, &[phrase], "docx");
        assert_has(&pdf, &[phrase], "pdf");
    }
}

#[test]
fn the_threshold_applies_to_what_one_funder_grants() {
    // Two public funders granting 15 000 € each: 30 000 € in all, but neither needs the
    // written convention of the law; one of them granting 23 000,01 € in one year does.
    let mut f = funded(1_500_000);
    let mut department = fixture::commune();
    department.organisation.name = "Département d'Indre-et-Loire".into();
    f.partners.push(department);
    let position = f.partners.len() as u32;
    f.commitments.push(entry(
        CommitmentParty::Partner(position),
        CommitmentsDraft {
            financial: vec![subsidy(1_500_000, PaymentSchedule::AtSignature)],
            in_kind: Vec::new(),
        },
    ));
    let doc = build(&f, &convention()).expect("builds").document;
    let text = fixture::full_text(&doc);
    assert!(!text.contains("Cadre légal de la subvention"));
    assert!(text.contains("Contrat d’engagement républicain"));

    let department = &mut f.commitments.last_mut().expect("entry").draft.financial[0];
    department.amount_cents = 2_300_001;
    department.schedule = PaymentSchedule::Instalments {
        instalments: vec![Instalment {
            date: Some(date(2027, 4, 1)),
            amount_cents: 2_300_001,
        }],
    };
    let text = fixture::full_text(&build(&f, &convention()).expect("builds").document);
    assert!(text.contains("Cadre légal de la subvention"));
    assert!(text.contains("d’un montant de 23\u{202f}000,01\u{202f}€, dépasse le seuil"));
}

/// The commune's subsidy replaced by `amount_cents` paid by `schedule`.
fn funded_by(amount_cents: i64, schedule: PaymentSchedule) -> AllianceFile {
    let mut f = funded(amount_cents);
    let commune = f.commitments.last_mut().expect("commune");
    commune.draft.financial[0].schedule = schedule;
    f
}

#[test]
fn the_threshold_applies_to_the_annual_amount_of_a_multi_year_subsidy() {
    // Décret n° 2001-495, article 1: the annual amount, read as the largest sum paid
    // within twelve months. 40 000 € paid 25 000 € on 1 March 2027 and 15 000 € on
    // 1 March 2028 (a year later): 25 000 € at most, above 23 000 €.
    let scheduled = PaymentSchedule::Instalments {
        instalments: vec![
            Instalment {
                date: Some(date(2027, 3, 1)),
                amount_cents: 2_500_000,
            },
            Instalment {
                date: Some(date(2028, 3, 1)),
                amount_cents: 1_500_000,
            },
        ],
    };
    let text = pdf_text(&funded_by(4_000_000, scheduled), &convention());
    assert_has(
        &text,
        &[
            "Cadre légal de la subvention",
            "La subvention accordée par la Commune, d’un montant annuel de 25 000,00 € \
             (versement du 1er mars 2027, sur un total de 40 000,00 €), dépasse le seuil de \
             23 000,00 € que le décret n° 2001-495 du 6 juin 2001 fixe pour le montant annuel \
             d’une subvention.",
        ],
        "25 000 € in March 2027, 15 000 € in March 2028",
    );

    // 40 000 € at signature over the three years' term: it may all be paid within a
    // year, so it counts whole (it is not spread over the term).
    let whole = pdf_text(
        &funded_by(4_000_000, PaymentSchedule::AtSignature),
        &convention(),
    );
    assert_has(
        &whole,
        &[
            "une subvention de 40 000,00 €",
            "Cadre légal de la subvention",
            "d’un montant de 40 000,00 €, dépasse le seuil",
        ],
        "40 000 € at signature over 36 months",
    );

    // 22 000 € on receipts over three years: below it.
    let below = pdf_text(
        &funded_by(2_200_000, PaymentSchedule::OnReceipts),
        &convention(),
    );
    assert_lacks(
        &below,
        &["Cadre légal de la subvention", "dépasse le seuil"],
        "22 000 € on receipts",
    );
}

#[test]
fn without_instalments_there_is_no_calendar() {
    let mut f = funded(3_000_000);
    let commune = f.commitments.last_mut().expect("commune");
    commune.draft.financial[0].schedule = PaymentSchedule::OnReceipts;
    let doc = build(&f, &convention()).expect("builds").document;
    let text = fixture::full_text(&doc);
    assert!(text.contains("Annexe\u{a0}1 — Engagements financiers et apports en nature."));
    assert!(!text.contains("Annexe\u{a0}2"));
    assert!(!text.contains("calendrier figure"));
    assert!(text.contains("versée sur présentation des justificatifs de dépenses"));
}

#[test]
fn the_charte_lists_only_the_users_annexes() {
    let f = funded(3_000_000);
    let mut charte = options(DocumentKind::PartnershipCharter);
    let without = fixture::full_text(&build(&f, &charte).expect("builds").document);
    assert!(
        !without.contains("Annexe"),
        "no financial annex to a charte"
    );
    charte.annexes = vec![UserAnnex {
        id: "a1".into(),
        title: "Liste des référents".into(),
        file_name: None,
    }];
    let text = pdf_text(&f, &charte);
    assert_has(
        &text,
        &[
            "Les annexes suivantes sont jointes à la présente charte :",
            "Annexe\u{a0}1 — Liste des référents.",
            "Document à joindre à chaque exemplaire original.",
        ],
        "charte",
    );
    assert_lacks(&text, &["Engagements financiers"], "charte");
}
