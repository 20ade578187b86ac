//! The three documents: structure, numbering, cross-references and conditional clauses.

#[path = "common/templates_fixture.rs"]
mod fixture;

use allia_core::{ClauseOverride, DocumentKind};
use allia_docs::model::Block;
use allia_docs::templates::{build, build_from_context, clauses, ClauseStatus, DocumentContext};
use fixture::{articles, date, file, full_text, options};

fn expected_titles(kind: DocumentKind, public_funder: bool) -> Vec<&'static str> {
    let mut titles = match kind {
        DocumentKind::PartnershipAgreement => vec![
            "Objet",
            "Durée, prise d’effet et renouvellement",
            "Engagements des parties",
            "Modalités financières et calendrier de versement",
            "Contreparties et valorisation des apports",
            "Communication et usage des logos",
            "Suivi, comité de pilotage et évaluation",
            "Propriété intellectuelle",
            "Confidentialité",
            "Données personnelles",
            "Assurances et responsabilité",
            "Modification de la convention",
            "Résiliation",
            "Règlement des litiges",
        ],
        DocumentKind::PartnershipCharter => vec![
            "Portée de la charte",
            "Valeurs et principes partagés",
            "Engagements réciproques",
            "Modalités de concertation",
            "Suivi de la charte",
            "Adhésion de nouveaux signataires",
            "Retrait d’un signataire",
        ],
        DocumentKind::ConsortiumAgreement => vec![
            "Objet et projet commun",
            "Définitions",
            "Coordinateur et représentation",
            "Gouvernance",
            "Apports et connaissances antérieures",
            "Répartition des tâches",
            "Budget et clé de répartition des coûts et des recettes",
            "Responsabilité et défaillance d’un partenaire",
            "Propriété des résultats et exploitation",
            "Confidentialité",
            "Données personnelles",
            "Communication",
            "Entrée et sortie de partenaires",
            "Durée et résiliation",
            "Litiges",
        ],
    };
    if public_funder {
        let (after, title) = match kind {
            DocumentKind::PartnershipAgreement => (
                "Modalités financières et calendrier de versement",
                "Contrat d’engagement républicain",
            ),
            DocumentKind::PartnershipCharter => (
                "Engagements réciproques",
                "Charte des engagements réciproques",
            ),
            DocumentKind::ConsortiumAgreement => (
                "Budget et clé de répartition des coûts et des recettes",
                "Contrat d’engagement républicain",
            ),
        };
        let at = titles.iter().position(|t| *t == after).expect("anchor") + 1;
        titles.insert(at, title);
    }
    titles
}

#[test]
fn each_document_builds_with_every_party_and_numbered_articles() {
    for public_funder in [false, true] {
        let file = file(public_funder);
        for kind in DocumentKind::ALL {
            let built = build(&file, &options(kind)).expect("builds");
            let doc = &built.document;
            let text = full_text(doc);
            assert!(text.contains("Les Amis du Quartier"), "{kind:?}");
            for partner in &file.partners {
                assert!(text.contains(&partner.organisation.name), "{kind:?}");
            }
            let found = articles(doc);
            let numbers: Vec<u32> = found.iter().map(|(n, _)| *n).collect();
            assert_eq!(
                numbers,
                (1..=found.len() as u32).collect::<Vec<_>>(),
                "{kind:?}"
            );
            let titles: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
            assert_eq!(titles, expected_titles(kind, public_funder), "{kind:?}");
            assert!(matches!(doc.blocks.first(), Some(Block::Title { .. })));
            assert!(matches!(doc.blocks.last(), Some(Block::Signatures(_))));
        }
    }
}

#[test]
fn per_party_clauses_have_one_numbered_sub_article_per_party() {
    let file = file(true);
    let party_count = 1 + file.partners.len();
    for (kind, prefix) in [
        (DocumentKind::PartnershipAgreement, "Engagements"),
        (DocumentKind::ConsortiumAgreement, "Apports"),
    ] {
        let doc = build(&file, &options(kind)).expect("builds").document;
        let subs: Vec<(String, String)> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::SubArticle { number, title, .. } => Some((number.clone(), title.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(subs.len(), party_count);
        let article = match kind {
            DocumentKind::PartnershipAgreement => 3,
            _ => 5,
        };
        for (k, (number, title)) in subs.iter().enumerate() {
            assert_eq!(number, &format!("{article}.{}", k + 1));
            assert!(title.starts_with(prefix), "{title}");
        }
        assert_eq!(subs[0].1, format!("{prefix} des Amis du Quartier"));
        assert_eq!(
            subs[1].1,
            format!("{prefix} de la Maison des Solidarités du Val de Brenne")
        );
        assert_eq!(
            subs[4].1,
            format!("{prefix} d’Aide à domicile rurale du Val")
        );
    }
}

#[test]
fn document_frame_metadata_and_signatures() {
    let mut opts = options(DocumentKind::PartnershipAgreement);
    opts.signature_date = Some(date(2026, 1, 15));
    let built = build(&file(false), &opts).expect("builds");
    let doc = &built.document;
    assert_eq!(
        doc.metadata.title,
        "Convention de partenariat — Val de Brenne"
    );
    assert_eq!(doc.footer_title, doc.metadata.title);
    assert_eq!(doc.metadata.author, "Les Amis du Quartier");
    assert_eq!(
        doc.metadata.subject,
        "Convention de partenariat — Service partagé du Val de Brenne"
    );
    assert_eq!(doc.metadata.language, "fr-FR");
    assert_eq!(doc.metadata.creation_date, date(2025, 11, 20));
    assert_eq!(
        doc.header.as_deref(),
        Some("Service partagé du Val de Brenne")
    );
    let Some(Block::Signatures(s)) = doc.blocks.last() else {
        panic!("signatures last");
    };
    assert_eq!(
        s.sentence,
        "Fait à Château-Renault, le 15\u{a0}janvier\u{a0}2026, en 6\u{a0}exemplaires originaux."
    );
    let signatories: Vec<_> = s.signatories().collect();
    assert_eq!(signatories.len(), 6);
    assert_eq!(signatories[0].organisation, "Les Amis du Quartier");
    assert_eq!(signatories[0].name, "Marie Durand");
    assert_eq!(signatories[1].role, "Présidente");
    let Block::Section { text } = &doc.blocks[1] else {
        panic!("parties section");
    };
    assert_eq!(text, "Entre les soussignés");
    // Each party paragraph starts with its name in bold.
    let Block::Paragraph(first) = &doc.blocks[2] else {
        panic!("party paragraph");
    };
    assert!(first.runs[0].bold);
    assert_eq!(first.runs[0].text, "Les Amis du Quartier");
    let identity = fixture::runs_text(&first.runs);
    for part in [
        "association loi 1901",
        "W372009876",
        "SIRET 732\u{a0}829\u{a0}320\u{a0}00074",
        "4\u{a0}rue de la Paix, 37110\u{a0}Château-Renault",
        "représentée par Marie Durand, Présidente",
        "ci-après dénommée «\u{a0}LAQ\u{a0}»",
    ] {
        assert!(identity.contains(part), "{part} in {identity}");
    }
}

fn toggle(id: &str, enabled: bool) -> ClauseOverride {
    ClauseOverride {
        clause_id: id.into(),
        enabled: Some(enabled),
        text: None,
    }
}

#[test]
fn toggling_an_optional_clause_renumbers_and_references_follow() {
    let file = file(false);
    let opts = options(DocumentKind::PartnershipAgreement);
    let before = build(&file, &opts).expect("builds").document;
    let text = full_text(&before);
    assert!(text.contains("le comité de pilotage dresse le bilan du partenariat (article 7)"));
    assert!(text.contains("est réglé à l’article 13."));

    let mut opts = opts;
    opts.overrides = vec![
        toggle("contreparties", false),
        toggle("communication", false),
    ];
    let built = build(&file, &opts).expect("builds");
    let after = &built.document;
    let titles: Vec<String> = articles(after).into_iter().map(|(_, t)| t).collect();
    assert!(!titles.iter().any(|t| t.starts_with("Contreparties")));
    assert!(!titles.iter().any(|t| t.starts_with("Communication")));
    assert_eq!(articles(after).len(), articles(&before).len() - 2);
    assert_eq!(
        articles(after)[4],
        (5, "Suivi, comité de pilotage et évaluation".into())
    );
    let text = full_text(after);
    assert!(text.contains("bilan du partenariat (article 5)"), "{text}");
    assert!(text.contains("est réglé à l’article 11."));
    assert!(built.warnings.iter().all(|w| !w.contains("renvoie")));

    let views = clauses(&file, &opts).expect("lists");
    let suivi = views.iter().find(|v| v.id == "suivi").expect("suivi");
    assert_eq!(suivi.number.as_deref(), Some("5"));
    let off = views
        .iter()
        .find(|v| v.id == "contreparties")
        .expect("listed");
    assert_eq!(off.number, None);
    assert_eq!(
        off.status,
        ClauseStatus::Optional {
            enabled: false,
            default_enabled: true
        }
    );
}

#[test]
fn a_reference_to_a_removed_or_unknown_clause_is_visible_and_warned() {
    let mut opts = options(DocumentKind::PartnershipAgreement);
    opts.overrides = vec![
        toggle("propriete_intellectuelle", false),
        ClauseOverride {
            clause_id: "communication".into(),
            enabled: None,
            text: Some(
                "Voir l'article {{ ref(\"propriete_intellectuelle\") }} et {{ ref(\"lune\") }}."
                    .into(),
            ),
        },
    ];
    let built = build(&file(false), &opts).expect("builds");
    let text = full_text(&built.document);
    assert!(text.contains(
        "Voir l’article [article supprimé\u{a0}: propriété intellectuelle] et [article inconnu\u{a0}: lune]."
    ));
    assert!(built
        .warnings
        .iter()
        .any(|w| w.contains("Propriété intellectuelle")
            && w.contains("retiré du document")
            && w.contains("Communication et usage des logos")));
    assert!(built.warnings.iter().any(|w| w.contains("lune")));
    // The model text guards its own reference: no marker when the clause is simply off.
    opts.overrides.truncate(1);
    let built = build(&file(false), &opts).expect("builds");
    assert!(!full_text(&built.document).contains("article supprimé"));
}

#[test]
fn mandatory_clauses_cannot_be_removed() {
    let mut opts = options(DocumentKind::PartnershipAgreement);
    opts.overrides = vec![toggle("resiliation", false)];
    let built = build(&file(false), &opts).expect("builds");
    assert!(articles(&built.document)
        .iter()
        .any(|(_, t)| t == "Résiliation"));
    assert!(built
        .warnings
        .iter()
        .any(|w| w.contains("ne peut pas être retirée")));
}

fn has_title(doc: &allia_docs::model::Document, title: &str) -> bool {
    articles(doc).iter().any(|(_, t)| t == title)
}

#[test]
fn conditional_clauses_follow_the_data() {
    let kind = DocumentKind::PartnershipAgreement;
    let cer = "Contrat d’engagement républicain";
    let note = "Cadre légal de la subvention";

    let neither = build(&file(false), &options(kind))
        .expect("builds")
        .document;
    assert!(!has_title(&neither, cer));
    assert!(!has_title(&neither, note));

    let public = build(&file(true), &options(kind)).expect("builds").document;
    assert!(has_title(&public, cer));
    assert!(!has_title(&public, note));
    assert!(full_text(&public).contains("soutien de la Commune de Château-Renault"));

    let views = clauses(&file(true), &options(kind)).expect("lists");
    let view = views
        .iter()
        .find(|v| v.id == "engagement_republicain")
        .expect("cer");
    assert!(
        matches!(&view.status, ClauseStatus::Conditional { applies: true, condition, .. } if condition == "public_funder")
    );

    let (mut ctx, _) = DocumentContext::from_file(&file(false), &options(kind));
    for (cents, expected) in [
        (None, false),
        (Some(2_300_000), false),
        (Some(2_300_001), true),
    ] {
        ctx.subsidy_cents = cents;
        let doc = build_from_context(&ctx, &options(kind))
            .expect("builds")
            .document;
        assert_eq!(has_title(&doc, note), expected, "{cents:?}");
        assert!(!has_title(&doc, cer));
    }
    ctx.subsidy_cents = Some(2_500_000);
    let doc = build_from_context(&ctx, &options(kind))
        .expect("builds")
        .document;
    let text = full_text(&doc);
    assert!(text.contains("d’un montant de 25\u{202f}000,00\u{202f}€"));
    assert!(text.contains("le seuil de 23\u{202f}000,00\u{202f}€"));
}

#[test]
fn the_profile_is_not_listed_twice_and_the_lead_defaults_to_it() {
    let mut f = file(false);
    f.profile = Some(f.partners[0].organisation.clone());
    // The partner linked as the association is the profile's entry: one party.
    f.partners[0].own_association = true;
    let doc = build(&f, &options(DocumentKind::ConsortiumAgreement))
        .expect("builds")
        .document;
    let Some(Block::Signatures(s)) = doc.blocks.last() else {
        panic!("signatures");
    };
    assert_eq!(s.signatories().count(), 5);
    assert!(full_text(&doc)
        .contains("Les Partenaires désignent la Maison des Solidarités du Val de Brenne"));

    let mut f = file(false);
    f.partners
        .iter_mut()
        .for_each(|p| p.role = allia_core::PartnerRole::Member);
    let doc = build(&f, &options(DocumentKind::ConsortiumAgreement))
        .expect("builds")
        .document;
    assert!(full_text(&doc)
        .contains("Les Partenaires désignent les Amis du Quartier («\u{a0}LAQ\u{a0}»)"));
}

/// The clause list on screen shows each article's heading exactly as the document prints
/// it (typographic apostrophes included): one wording, not a screen copy.
#[test]
fn the_clause_list_shows_the_printed_headings() {
    for kind in DocumentKind::ALL {
        let (file, options) = (file(true), options(kind));
        let printed: Vec<String> = build(&file, &options)
            .expect("build")
            .document
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Article { heading, .. } => Some(heading.clone()),
                _ => None,
            })
            .collect();
        let listed: Vec<String> = clauses(&file, &options)
            .expect("clauses")
            .into_iter()
            .filter(|c| c.number.is_some())
            .map(|c| c.heading)
            .collect();
        assert_eq!(listed, printed, "{kind:?}");
        assert!(
            listed.iter().all(|h| !h.contains('\'')),
            "straight apostrophe in {listed:?}"
        );
    }
}

/// « Signé » waits for these parties: everyone the signature block prints, the
/// association first, then each partner.
#[test]
fn the_signing_parties_are_those_the_document_prints() {
    let file = file(true);
    let built = build(&file, &options(DocumentKind::PartnershipAgreement)).expect("build");
    let parties = built.document.signing_parties();
    let profile = file.profile.as_ref().expect("profile").name.clone();
    assert_eq!(parties.first(), Some(&profile));
    for partner in &file.partners {
        assert!(
            parties.contains(&partner.organisation.name),
            "{} missing from {parties:?}",
            partner.organisation.name
        );
    }
    assert_eq!(parties.len(), file.partners.len() + 1);
}
