//! The dossier de présentation as a print-ready PDF for funders and future partners
//! (guide, « Construire une alliance », step 2, « Formaliser le projet »): a title page
//! with the alliance and the association, then the guide's four parts (the social need
//! with its key figures, the need for a collective answer, the argument, the key actors)
//! and page numbers, laid out by the same typesetter as the contracts.

use allia_core::project_dossier::format_french_decimal;
use allia_core::{DossierTexts, FigureDraft};
use chrono::NaiveDate;

use crate::model::{Align, Block, Document, Metadata, Paragraph, Run, Table};
use crate::pdf::{self, PdfError};
use crate::templates::typography::{fix_typography, format_date, tie_numbers};

/// The document's title, also the PDF's.
pub const TITLE: &str = "Dossier de présentation du projet";

/// The headings of the dossier's parts, in print order, in the guide's words.
pub const SOCIAL_NEED: &str = "1. Le besoin social";
/// The heading of the key figures, inside the first part.
pub const FIGURES: &str = "Chiffres clés";
/// Second part.
pub const COLLECTIVE_RESPONSE: &str = "2. Pourquoi une réponse collective";
/// Third part.
pub const ARGUMENT: &str = "3. Le projet et son contexte";
/// Fourth part.
pub const KEY_ACTORS: &str = "4. Les acteurs clés à mobiliser";

/// What the dossier prints. `figures` in table order.
#[derive(Debug, Clone, Copy)]
pub struct DossierPdf<'a> {
    pub alliance: &'a str,
    /// The association that presents the project (the vault's profile, or the alliance
    /// file's); left out when absent or blank.
    pub association: Option<&'a str>,
    /// The alliance's territory, printed under its name when set.
    pub territory: Option<&'a str>,
    pub texts: &'a DossierTexts,
    pub figures: &'a [FigureDraft],
    /// The day printed on the title page and in the PDF's metadata.
    pub date: NaiveDate,
}

/// One paragraph per line of a text the user typed; blank lines dropped.
fn paragraphs(text: &str) -> Vec<Block> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| Block::Paragraph(Paragraph::plain(tie_numbers(&fix_typography(line)))))
        .collect()
}

fn not_written() -> Block {
    Block::Paragraph(Paragraph {
        runs: vec![Run::italic("Cette partie n’est pas encore rédigée.")],
        align: Align::Left,
    })
}

/// A figure's value with its unit, the French way: « 1 250 familles », « 31,5 % » (the
/// per cent sign tied by a narrow no-break space).
pub fn value_with_unit(figure: &FigureDraft) -> String {
    let value = format_french_decimal(&figure.value);
    match figure.unit.as_deref().map(str::trim) {
        Some("%") => format!("{value}\u{202f}%"),
        // An ordinary space: a long unit wraps under its number rather than mid-word.
        Some(unit) if !unit.is_empty() => format!("{value} {unit}"),
        _ => value,
    }
}

/// The key figures' table: what, how much, which year, the source (its kind, its name
/// and its link).
fn figures_table(figures: &[FigureDraft]) -> Block {
    let rows = figures
        .iter()
        .map(|f| {
            let mut source = vec![
                Run::bold(f.source_kind.label()),
                Run::plain(format!(" — {}", fix_typography(&f.source))),
            ];
            if let Some(link) = &f.link {
                // The link as typed: typography must not touch an address.
                source.push(Run::plain(" "));
                source.push(Run::italic(link.clone()));
            }
            vec![
                vec![Run::plain(fix_typography(&f.label))],
                vec![Run::bold(value_with_unit(f))],
                vec![Run::plain(f.year.to_string())],
                source,
            ]
        })
        .collect();
    Block::Table(Table {
        header: vec![
            "Indicateur".into(),
            "Valeur".into(),
            "Année".into(),
            "Source".into(),
        ],
        rows,
        widths: vec![2.6, 1.8, 0.9, 3.9],
    })
}

/// The dossier as a document model.
pub fn document(content: &DossierPdf<'_>) -> Document {
    let association = content
        .association
        .map(str::trim)
        .filter(|name| !name.is_empty());
    let date = tie_numbers(&format_date(content.date));
    let mut blocks = vec![Block::Title {
        title: TITLE.into(),
        subtitle: Some(content.alliance.to_string()),
    }];
    if let Some(territory) = content.territory.map(str::trim).filter(|t| !t.is_empty()) {
        blocks.push(Block::Paragraph(Paragraph {
            runs: vec![Run::plain(format!("Territoire\u{a0}: {territory}"))],
            align: Align::Center,
        }));
    }
    if let Some(association) = association {
        blocks.push(Block::Paragraph(Paragraph {
            runs: vec![Run::plain("Présenté par "), Run::bold(association)],
            align: Align::Center,
        }));
    }
    blocks.push(Block::Paragraph(Paragraph {
        runs: vec![Run::italic(format!("Le {date}"))],
        align: Align::Center,
    }));
    blocks.push(Block::Paragraph(Paragraph {
        runs: vec![Run::plain(
            "Ce dossier présente le besoin social auquel l’alliance répond, les données qui le \
             mesurent, la nécessité d’une réponse collective et les acteurs à mobiliser.",
        )],
        align: Align::Center,
    }));
    blocks.push(Block::PageBreak);

    let texts = content.texts;
    let part = |blocks: &mut Vec<Block>, heading: &str, text: &Option<String>| {
        blocks.push(Block::Section {
            text: heading.into(),
        });
        match text {
            Some(text) if !text.trim().is_empty() => blocks.extend(paragraphs(text)),
            _ => blocks.push(not_written()),
        }
    };
    part(&mut blocks, SOCIAL_NEED, &texts.social_need);
    if !content.figures.is_empty() {
        blocks.push(Block::Section {
            text: FIGURES.into(),
        });
        blocks.push(figures_table(content.figures));
    }
    part(&mut blocks, COLLECTIVE_RESPONSE, &texts.collective_response);
    part(&mut blocks, ARGUMENT, &texts.argument);
    part(&mut blocks, KEY_ACTORS, &texts.key_actors);

    Document {
        metadata: Metadata {
            title: format!("{TITLE} — {}", content.alliance),
            author: association.unwrap_or("Allia").to_string(),
            subject: "Dossier de présentation pour les financeurs et les futurs partenaires".into(),
            keywords: vec!["Allia".into(), "dossier de présentation".into()],
            creation_date: content.date,
            language: "fr-FR".into(),
        },
        header: Some(content.alliance.to_string()),
        initials: false,
        footer_title: format!("Dossier de présentation — {}", content.alliance),
        blocks,
    }
}

/// The dossier as PDF bytes (A4, « Page N / M » in the footer).
///
/// # Errors
/// [`PdfError`] when the embedded fonts or the PDF writer fail (a broken build, not the
/// dossier's content: any text is accepted).
pub fn render_pdf(content: &DossierPdf<'_>) -> Result<Vec<u8>, PdfError> {
    pdf::shared()?.render(&document(content))
}
