//! Shared fixture of the template tests (included with `#[path]` by each of them).
#![allow(dead_code)]

use allia_core::demo::demo_alliance;
use allia_core::{
    ActorType, AllianceFile, DocumentKind, Organisation, PartnerDraft, PartnerRole,
    ALLIANCE_FILE_FORMAT,
};
use allia_docs::model::{Block, Document, Run};
use allia_docs::templates::DocumentOptions;
use chrono::NaiveDate;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub fn profile() -> Organisation {
    Organisation {
        name: "Les Amis du Quartier".into(),
        acronym: Some("LAQ".into()),
        legal_form: Some("Association loi 1901".into()),
        rna: Some("W372009876".into()),
        siret: Some("73282932000074".into()),
        street: Some("4 rue de la Paix".into()),
        postal_code: Some("37110".into()),
        city: Some("Château-Renault".into()),
        representative_name: Some("Marie Durand".into()),
        representative_role: Some("Présidente".into()),
        email: None,
        phone: None,
        ..Organisation::default()
    }
}

pub fn commune() -> PartnerDraft {
    PartnerDraft {
        organisation: Organisation {
            name: "Commune de Château-Renault".into(),
            legal_form: Some("Commune".into()),
            siret: Some("21370072700015".into()),
            street: Some("Place Jean-Jaurès".into()),
            postal_code: Some("37110".into()),
            city: Some("Château-Renault".into()),
            representative_name: Some("Paul Martin".into()),
            representative_role: Some("Maire".into()),
            ..Organisation::default()
        },
        actor_type: ActorType::LocalAuthority,
        role: PartnerRole::Funder,
        resources: Some("Une subvention de fonctionnement et le prêt d'une salle".into()),
        resource_tags: vec!["financement".into()],
        own_association: false,
        ..PartnerDraft::default()
    }
}

/// The demo alliance, a hand-made profile and, when asked, a commune that funds it.
pub fn file(with_public_funder: bool) -> AllianceFile {
    let demo = demo_alliance();
    let mut partners = demo.partners;
    if with_public_funder {
        partners.push(commune());
    }
    AllianceFile {
        format: ALLIANCE_FILE_FORMAT,
        profile: Some(profile()),
        alliance: demo.alliance,
        partners,
        commitments: Vec::new(),
    }
}

pub fn options(kind: DocumentKind) -> DocumentOptions {
    DocumentOptions::new(
        kind,
        format!("{} — Val de Brenne", kind.label()),
        date(2025, 11, 20),
    )
}

pub fn runs_text(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

/// The document as plain lines, one per block or list item.
pub fn lines(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Title { title, subtitle } => out.push(format!(
                "# {title} / {}",
                subtitle.clone().unwrap_or_default()
            )),
            Block::Section { text } => out.push(format!("## {text}")),
            Block::Article { heading, .. } | Block::SubArticle { heading, .. } => {
                out.push(heading.clone())
            }
            Block::Paragraph(p) => out.push(runs_text(&p.runs)),
            Block::List(list) => out.extend(
                list.items
                    .iter()
                    .map(|item| format!("• {}", runs_text(item))),
            ),
            Block::Table(_) | Block::PageBreak => {}
            Block::Chart(chart) => out.push(format!("[graphique] {}", chart.title)),
            Block::Key { lines } => out.extend(lines.iter().cloned()),
            Block::Signatures(s) => {
                out.push(s.sentence.clone());
                out.extend(
                    s.signatories()
                        .map(|g| format!("Signé — {} / {} / {}", g.organisation, g.name, g.role)),
                );
            }
        }
    }
    out
}

/// (number, title) of every article, in order.
pub fn articles(doc: &Document) -> Vec<(u32, String)> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Article { number, title, .. } => Some((*number, title.clone())),
            _ => None,
        })
        .collect()
}

pub fn full_text(doc: &Document) -> String {
    lines(doc).join("\n")
}
