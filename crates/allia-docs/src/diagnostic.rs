//! The internal diagnostic on one A4 page (guide, « Construire une alliance », step 1,
//! « Diagnostic interne »): a title with the alliance and the association, the needs
//! (priorités stratégiques, attentes vis-à-vis de l'alliance, mode de participation
//! envisagé), then the MOFF / SWOT matrix as a 2×2 grid: Forces | Faiblesses under
//! « Interne », Opportunités | Menaces under « Externe », each item with its importance
//! in words. Laid out by the same typesetter as the contracts; not a contract (no
//! versions, no status).

use allia_core::diagnostic::importance_label;
use allia_core::{Diagnostic, SwotQuadrant};
use chrono::NaiveDate;

use crate::model::{Align, Block, Document, Metadata, Paragraph, Run, Table};
use crate::pdf::{self, PdfError};
use crate::templates::typography::{fix_typography, format_date, tie_numbers};

/// The document's title, also the PDF's.
pub const TITLE: &str = "Diagnostic interne";
/// The heading of the needs.
pub const NEEDS: &str = "Besoins et attentes de l’association";
/// The heading of the matrix.
pub const MATRIX: &str = "Matrice MOFF / SWOT";
/// Printed in an empty quadrant.
pub const EMPTY_QUADRANT: &str = "Aucun élément.";

/// What the page prints.
#[derive(Debug, Clone, Copy)]
pub struct DiagnosticPdf<'a> {
    pub alliance: &'a str,
    /// The association whose diagnostic it is (the vault's profile, or the alliance
    /// file's); left out when absent or blank.
    pub association: Option<&'a str>,
    pub diagnostic: &'a Diagnostic,
    /// The day printed under the title and in the PDF's metadata.
    pub date: NaiveDate,
}

/// The needs' labels, in print order, with their text.
fn needs(diagnostic: &Diagnostic) -> [(&'static str, Option<&str>); 3] {
    let draft = diagnostic.needs.as_ref().map(|n| &n.draft);
    [
        (
            "Priorités stratégiques",
            draft.and_then(|d| d.strategic_priorities.as_deref()),
        ),
        (
            "Attentes vis-à-vis de l’alliance",
            draft.and_then(|d| d.alliance_expectations.as_deref()),
        ),
        (
            "Mode de participation envisagé",
            draft.and_then(|d| d.participation_mode.as_deref()),
        ),
    ]
}

/// One quadrant's items, by position: « • text (Majeure) ».
fn quadrant_lines(diagnostic: &Diagnostic, quadrant: SwotQuadrant) -> Vec<Vec<Run>> {
    diagnostic
        .quadrant(quadrant)
        .into_iter()
        .map(|item| {
            vec![
                Run::plain(format!("• {}", fix_typography(&item.draft.text))),
                Run::italic(format!(
                    " ({})",
                    importance_label(item.draft.importance).to_lowercase()
                )),
            ]
        })
        .collect()
}

/// One row of the grid (internal or external): its two quadrants side by side, one
/// item per table row.
fn grid_row(diagnostic: &Diagnostic, left: SwotQuadrant, right: SwotQuadrant) -> Block {
    let (l, r) = (
        quadrant_lines(diagnostic, left),
        quadrant_lines(diagnostic, right),
    );
    let empty = || vec![Run::italic(EMPTY_QUADRANT)];
    let rows = (0..l.len().max(r.len()).max(1))
        .map(|i| {
            let cell = |lines: &Vec<Vec<Run>>| match lines.get(i) {
                Some(runs) => runs.clone(),
                None if i == 0 => empty(),
                None => vec![Run::plain("")],
            };
            vec![cell(&l), cell(&r)]
        })
        .collect();
    Block::Table(Table {
        header: vec![
            format!("{} ({})", left.label(), left.side_label().to_lowercase()),
            format!("{} ({})", right.label(), right.side_label().to_lowercase()),
        ],
        rows,
        widths: vec![1.0, 1.0],
    })
}

/// The page as a document model.
pub fn document(content: &DiagnosticPdf<'_>) -> Document {
    let association = content
        .association
        .map(str::trim)
        .filter(|name| !name.is_empty());
    let date = tie_numbers(&format_date(content.date));
    let mut blocks = vec![Block::Title {
        title: TITLE.into(),
        subtitle: Some(content.alliance.to_string()),
    }];
    let mut by = vec![];
    if let Some(association) = association {
        by.push(Run::bold(association));
        by.push(Run::plain(" — "));
    }
    by.push(Run::italic(format!("le {date}")));
    blocks.push(Block::Paragraph(Paragraph {
        runs: by,
        align: Align::Center,
    }));
    blocks.push(Block::Section { text: NEEDS.into() });
    for (label, text) in needs(content.diagnostic) {
        let mut runs = vec![Run::bold(format!("{label}\u{a0}: "))];
        match text.map(str::trim).filter(|t| !t.is_empty()) {
            // One paragraph per need, its lines joined: the page has room for little.
            Some(text) => runs.push(Run::plain(tie_numbers(&fix_typography(
                &text.lines().map(str::trim).collect::<Vec<_>>().join(" "),
            )))),
            None => runs.push(Run::italic("non renseigné.")),
        }
        blocks.push(Block::Paragraph(Paragraph {
            runs,
            align: Align::Left,
        }));
    }
    blocks.push(Block::Section {
        text: MATRIX.into(),
    });
    blocks.push(Block::Paragraph(Paragraph {
        runs: vec![Run::bold("Interne")],
        align: Align::Left,
    }));
    blocks.push(grid_row(
        content.diagnostic,
        SwotQuadrant::Strengths,
        SwotQuadrant::Weaknesses,
    ));
    blocks.push(Block::Paragraph(Paragraph {
        runs: vec![Run::bold("Externe")],
        align: Align::Left,
    }));
    blocks.push(grid_row(
        content.diagnostic,
        SwotQuadrant::Opportunities,
        SwotQuadrant::Threats,
    ));
    Document {
        metadata: Metadata {
            title: format!("{TITLE} — {}", content.alliance),
            author: association.unwrap_or("Allia").to_string(),
            subject: "Diagnostic interne et matrice MOFF / SWOT".into(),
            keywords: vec!["Allia".into(), "diagnostic".into(), "SWOT".into()],
            creation_date: content.date,
            language: "fr-FR".into(),
        },
        header: Some(content.alliance.to_string()),
        initials: false,
        footer_title: format!("{TITLE} — {}", content.alliance),
        blocks,
    }
}

/// The diagnostic as PDF bytes (one A4 page for a diagnostic within the caps of
/// allia-core's `diagnostic`: needs of a few lines, at most 12 items per quadrant).
///
/// # Errors
/// [`PdfError`] when the embedded fonts or the PDF writer fail.
pub fn render_pdf(content: &DiagnosticPdf<'_>) -> Result<Vec<u8>, PdfError> {
    pdf::shared()?.render(&document(content))
}
