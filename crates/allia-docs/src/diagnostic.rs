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
fn quadrant_lines(
    diagnostic: &Diagnostic,
    quadrant: SwotQuadrant,
    cap: Option<usize>,
) -> Vec<Vec<Run>> {
    diagnostic
        .quadrant(quadrant)
        .into_iter()
        .map(|item| {
            vec![
                Run::plain(format!("• {}", fix_typography(&cut(&item.draft.text, cap)))),
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
fn grid_row(
    diagnostic: &Diagnostic,
    left: SwotQuadrant,
    right: SwotQuadrant,
    cap: Option<usize>,
) -> Block {
    let (l, r) = (
        quadrant_lines(diagnostic, left, cap),
        quadrant_lines(diagnostic, right, cap),
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

/// The page as a document model, every text whole.
pub fn document(content: &DiagnosticPdf<'_>) -> Document {
    document_cut(content, None)
}

/// `text` at most `cap` characters: past it, cut at the last space of its final 30
/// characters (else mid-word) and ended with « … ». `None` keeps it whole.
fn cut(text: &str, cap: Option<usize>) -> String {
    let Some(cap) = cap else {
        return text.to_string();
    };
    if text.chars().count() <= cap {
        return text.to_string();
    }
    let head: String = text.chars().take(cap.saturating_sub(1)).collect();
    let kept = match head.rfind(char::is_whitespace) {
        Some(at) if head[at..].chars().count() <= 30 => &head[..at],
        _ => head.as_str(),
    };
    format!("{}…", kept.trim_end())
}

/// The page as a document model, each text (need or item) cut to `cap` characters.
fn document_cut(content: &DiagnosticPdf<'_>, cap: Option<usize>) -> Document {
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
            Some(text) => runs.push(Run::plain(tie_numbers(&fix_typography(&cut(
                &text.lines().map(str::trim).collect::<Vec<_>>().join(" "),
                cap,
            ))))),
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
        cap,
    ));
    blocks.push(Block::Paragraph(Paragraph {
        runs: vec![Run::bold("Externe")],
        align: Align::Left,
    }));
    blocks.push(grid_row(
        content.diagnostic,
        SwotQuadrant::Opportunities,
        SwotQuadrant::Threats,
        cap,
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

/// The sizes tried, as factors of the normal type (11 pt body, 10 pt table cells), the
/// first that holds the page wins: the floor, 0.7, sets the items at 7 pt.
pub const SCALES: [f32; 7] = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7];
/// The shortest a text is cut to when even the floor size takes more than one page.
const CUT_FLOOR: usize = 40;

/// The one-page PDF and what the user should know about it.
#[derive(Debug, Clone)]
pub struct RenderedDiagnostic {
    pub bytes: Vec<u8>,
    /// The type size factor used (one of [`SCALES`]).
    pub scale: f32,
    /// French sentences to show with the PDF: texts cut to hold the page.
    pub warnings: Vec<String>,
}

/// The warning when texts were cut to `cap` characters.
pub fn cut_warning(cap: usize) -> String {
    format!(
        "le diagnostic ne tient pas sur une page A4, même en petits caractères\u{a0}: \
         dans le PDF, les textes de plus de {cap}\u{a0}caractères sont coupés («\u{a0}…\u{a0}»). \
         Raccourcissez les plus longs pour les imprimer en entier."
    )
}

/// The diagnostic on ONE A4 page (issue 11, item 1): set at the normal size, else at
/// the first smaller size of [`SCALES`] that holds it; when even the floor does not, the
/// longest texts (needs and items alike) are cut with « … » to the longest length that
/// holds it, and a warning says so. The caps of allia-core (needs of 5 000 characters,
/// 12 items of 300 per quadrant) are kept: content already saved stays valid, and a
/// diagnostic that long is rare enough to be shortened by hand once warned.
///
/// # Errors
/// [`PdfError`] when the embedded fonts or the PDF writer fail.
pub fn render(content: &DiagnosticPdf<'_>) -> Result<RenderedDiagnostic, PdfError> {
    let typesetter = pdf::shared()?;
    let whole = document(content);
    for scale in SCALES {
        if typesetter.pages_scaled(&whole, scale) <= 1 {
            return Ok(RenderedDiagnostic {
                bytes: typesetter.render_scaled(&whole, scale)?,
                scale,
                warnings: Vec::new(),
            });
        }
    }
    let scale = SCALES[SCALES.len() - 1];
    let longest = texts(content.diagnostic)
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(0);
    // The longest cap that holds the page: fitting only gets easier as the cap drops.
    let (mut fits, mut over) = (CUT_FLOOR, longest.max(CUT_FLOOR));
    while over - fits > 1 {
        let mid = (fits + over) / 2;
        if typesetter.pages_scaled(&document_cut(content, Some(mid)), scale) <= 1 {
            fits = mid;
        } else {
            over = mid;
        }
    }
    Ok(RenderedDiagnostic {
        bytes: typesetter.render_scaled(&document_cut(content, Some(fits)), scale)?,
        scale,
        warnings: vec![cut_warning(fits)],
    })
}

/// Every text the page prints: the needs (lines joined) and the items.
fn texts(diagnostic: &Diagnostic) -> impl Iterator<Item = String> + '_ {
    needs(diagnostic)
        .into_iter()
        .filter_map(|(_, text)| text)
        .map(|t| t.lines().map(str::trim).collect::<Vec<_>>().join(" "))
        .chain(diagnostic.items.iter().map(|i| i.draft.text.clone()))
}

/// The diagnostic as PDF bytes, one A4 page ([`render`] without its warnings).
///
/// # Errors
/// [`PdfError`] when the embedded fonts or the PDF writer fail.
pub fn render_pdf(content: &DiagnosticPdf<'_>) -> Result<Vec<u8>, PdfError> {
    render(content).map(|r| r.bytes)
}
