//! A convention-like sample document, shared by the PDF tests and the benchmark
//! (included with `#[path]`; `tests/common/` holds no test of its own).
#![allow(dead_code)]

use allia_docs::model::{
    Align, Block, Document, List, Metadata, Paragraph, Run, Signatory, Signatures, Table,
};
use chrono::NaiveDate;

const SENTENCES: [&str; 8] = [
    "Les parties conviennent de mettre en commun leurs moyens humains et matériels afin de \
     conduire ensemble le projet décrit au préambule, dans le respect de l’autonomie de chacune.",
    "La Collectivité s’engage à verser une contribution annuelle de 1\u{202f}250,00\u{a0}€, \
     payable en deux échéances, sur présentation d’un état récapitulatif des dépenses engagées.",
    "Chaque partenaire désigne un référent chargé du suivi opérationnel\u{a0}; les référents se \
     réunissent au moins une fois par trimestre en comité de pilotage.",
    "Le comité de pilotage veille à la bonne exécution de la présente convention, arbitre les \
     éventuels désaccords et propose, le cas échéant, les ajustements nécessaires à l’œuvre commune.",
    "Toute communication relative au projet mentionne l’ensemble des partenaires et reproduit \
     leurs logos selon la charte graphique validée en comité, sans hiérarchie particulière.",
    "Les informations échangées dans le cadre de l’alliance sont confidentielles\u{a0}: elles ne \
     peuvent être divulguées à des tiers qu’avec l’accord écrit et préalable des autres parties.",
    "En cas de manquement grave d’une partie à ses obligations, les autres parties peuvent, après \
     mise en demeure restée sans effet pendant trente jours, résilier la présente convention.",
    "Les bénévoles mobilisés restent placés sous la responsabilité de l’association qui les \
     accueille\u{a0}; chacune d’elles justifie d’une assurance couvrant leurs activités.",
];

pub fn sentence(k: usize) -> &'static str {
    SENTENCES[k % SENTENCES.len()]
}

pub fn paragraph(k: usize, sentences: usize) -> Block {
    let text: Vec<&str> = (0..sentences).map(|s| sentence(k + s)).collect();
    Block::Paragraph(Paragraph::plain(text.join(" ")))
}

pub fn metadata() -> Metadata {
    Metadata {
        title: "Convention de partenariat — Alliance des Tilleuls".into(),
        author: "Association Les Tilleuls".into(),
        subject: "Convention de partenariat entre associations".into(),
        keywords: vec!["convention".into(), "alliance".into(), "partenariat".into()],
        creation_date: NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date"),
        language: "fr-FR".into(),
    }
}

pub fn signatories(n: usize) -> Vec<Signatory> {
    let orgs = [
        ("Association Les Tilleuls", "Marie Dupont", "Présidente"),
        ("Mairie de Saint-Aubin", "Jean Martin", "Maire"),
        ("Collectif Entraide 44", "Aïcha Benali", "Co-présidente"),
        (
            "Fondation Œuvre commune",
            "Luc Lefèvre",
            "Directeur général",
        ),
        ("Ressourcerie du Val", "Chloé Moreau", "Trésorière"),
    ];
    (0..n)
        .map(|k| {
            let (o, name, role) = orgs[k % orgs.len()];
            Signatory {
                organisation: o.into(),
                name: name.into(),
                role: role.into(),
            }
        })
        .collect()
}

pub fn signatures(n: usize) -> Block {
    Block::Signatures(Signatures::new(
        "Saint-Aubin",
        "26 novembre 2026",
        n as u32,
        signatories(n),
    ))
}

/// A convention with `articles` articles (about 1.4 articles per page).
pub fn convention(articles: usize) -> Document {
    let mut blocks = vec![
        Block::Title {
            title: "Convention de partenariat".into(),
            subtitle: Some("Alliance des Tilleuls — projet « Jardins partagés »".into()),
        },
        Block::Section {
            text: "Entre les soussignés".into(),
        },
    ];
    for s in signatories(4) {
        blocks.push(Block::Paragraph(Paragraph {
            runs: vec![
                Run::bold(s.organisation),
                Run::plain(format!(
                    ", représentée par {}, {}, ",
                    s.name,
                    s.role.to_lowercase()
                )),
                Run::italic("ci-après dénommée « le partenaire »"),
                Run::plain("\u{a0};"),
            ],
            align: Align::Justify,
        }));
    }
    blocks.push(Block::Section {
        text: "Préambule".into(),
    });
    blocks.push(paragraph(0, 4));
    blocks.push(paragraph(3, 3));
    for a in 1..=articles {
        blocks.push(Block::article(
            a as u32,
            [
                "Objet",
                "Durée",
                "Engagements des parties",
                "Gouvernance",
                "Financement",
            ][a % 5],
        ));
        blocks.push(paragraph(a, 3));
        blocks.push(Block::sub_article(format!("{a}.1"), "Modalités"));
        blocks.push(paragraph(a + 2, 4));
        match a % 4 {
            0 => blocks.push(Block::List(List {
                ordered: a % 8 == 0,
                items: (0..3).map(|i| vec![Run::plain(sentence(a + i))]).collect(),
            })),
            2 => blocks.push(Block::Table(Table {
                header: vec!["Poste".into(), "Partenaire".into(), "Montant".into()],
                rows: (0..4)
                    .map(|i| {
                        vec![
                            vec![Run::plain(format!("Poste de dépense n°\u{a0}{}", i + 1))],
                            vec![Run::plain(signatories(4)[i].organisation.clone())],
                            vec![Run::plain("1\u{202f}250,00\u{a0}€")],
                        ]
                    })
                    .collect(),
                widths: vec![3.0, 3.0, 1.5],
            })),
            _ => blocks.push(paragraph(a + 5, 2)),
        }
    }
    blocks.push(signatures(4));
    Document {
        metadata: metadata(),
        header: Some("Alliance des Tilleuls — Convention de partenariat".into()),
        initials: false,
        footer_title: "Convention de partenariat".into(),
        blocks,
    }
}
