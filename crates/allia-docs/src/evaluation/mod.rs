//! The evaluation report (issue 12, item 6; guide section 4, « Évaluation continue de
//! l’impact »): the purposes of the evaluation (AVISE), the evaluative questions, the
//! indicators' table (baseline, target, latest value, status in words), one chart per key
//! indicator (baseline, measured values, target and the linear trajectory, drawn as
//! vector paths that read in black and white), then the analysis of the gaps per
//! objective and the decisions taken. Laid out by the same typesetter as the contracts;
//! not a contract (no versions, no status).
//!
//! The figures and statuses come from allia-core (`indicator_progress`,
//! `combined_series`, `format_quantity`), the words from [`wording`].

mod gaps;
mod indicators;
pub mod wording;

use allia_core::evaluation::EvaluationOverview;
use allia_core::objectives::{ObjectiveRef, ObjectivesOverview};
use chrono::NaiveDate;

use crate::model::{Align, Block, Document, List, Metadata, Paragraph, Run};
use crate::pdf;
use crate::render::RenderError;
use crate::templates::typography::{fix_typography, format_date, tie_numbers};

/// What the report prints, read from the vault (or an alliance file) on the day of the
/// report.
#[derive(Debug, Clone)]
pub struct EvaluationReportInput {
    /// The alliance's name, under the title and in the running header.
    pub alliance: String,
    /// The association that produces the report (the PDF's author); `None`: « Allia ».
    pub association: Option<String>,
    /// The report's date: under the title, in the metadata, the charts' « Date du
    /// rapport » line; the progress in `evaluation` is as of this day.
    pub today: NaiveDate,
    pub evaluation: EvaluationOverview,
    /// For the objectives' names and order.
    pub objectives: ObjectivesOverview,
}

/// The report as PDF bytes (A4, as many pages as it takes).
///
/// # Errors
/// [`RenderError::Pdf`] when the embedded fonts or the PDF writer fail.
pub fn render_evaluation_report(input: &EvaluationReportInput) -> Result<Vec<u8>, RenderError> {
    Ok(pdf::shared()?.render(&document(input))?)
}

/// The report as a document model.
pub fn document(input: &EvaluationReportInput) -> Document {
    let date = tie_numbers(&format_date(input.today));
    let association = input
        .association
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty());
    let mut blocks = vec![
        Block::Title {
            title: wording::TITLE.into(),
            subtitle: Some(input.alliance.clone()),
        },
        Block::Paragraph(Paragraph {
            runs: vec![Run::italic(wording::dated(&date))],
            align: Align::Center,
        }),
    ];
    purposes(&mut blocks, input);
    questions(&mut blocks, input);
    indicators::table(&mut blocks, input);
    indicators::charts(&mut blocks, input);
    gaps::section(&mut blocks, input);
    let title = format!("{} — {}", wording::TITLE, input.alliance);
    Document {
        metadata: Metadata {
            title: title.clone(),
            author: association.unwrap_or("Allia").to_string(),
            subject: wording::SUBJECT.into(),
            keywords: vec!["Allia".into(), "évaluation".into(), "indicateurs".into()],
            creation_date: input.today,
            language: "fr-FR".into(),
        },
        header: Some(input.alliance.clone()),
        footer_title: title,
        blocks,
        initials: false,
    }
}

/// « Finalités de l’évaluation »: each purpose chosen with the AVISE's sentence.
fn purposes(blocks: &mut Vec<Block>, input: &EvaluationReportInput) {
    blocks.push(Block::Section {
        text: wording::PURPOSES.into(),
    });
    let purposes = &input.evaluation.frame.purposes;
    if purposes.is_empty() {
        blocks.push(note(wording::NO_PURPOSE));
        return;
    }
    blocks.push(Block::List(List {
        ordered: false,
        items: purposes
            .iter()
            .map(|p| {
                vec![
                    Run::bold(format!("{}\u{a0}: ", p.label())),
                    Run::plain(p.description()),
                ]
            })
            .collect(),
    }));
}

/// « Questions évaluatives », numbered.
fn questions(blocks: &mut Vec<Block>, input: &EvaluationReportInput) {
    blocks.push(Block::Section {
        text: wording::QUESTIONS.into(),
    });
    let questions = &input.evaluation.frame.questions;
    if questions.is_empty() {
        blocks.push(note(wording::NO_QUESTION));
        return;
    }
    blocks.push(Block::List(List {
        ordered: true,
        items: questions
            .iter()
            .map(|q| vec![Run::plain(user_text(q))])
            .collect(),
    }));
}

/// A line in italics saying what is missing.
fn note(text: &str) -> Block {
    Block::Paragraph(Paragraph {
        runs: vec![Run::italic(text)],
        align: Align::Left,
    })
}

/// A text the alliance wrote, with French spacing and numbers tied to their words.
fn user_text(text: &str) -> String {
    tie_numbers(&fix_typography(text.trim()))
}

/// An objective's name (a strategic objective's title, an operational objective's
/// wording) and its place in the objectives' order (strategic first, each followed by
/// its operational ones); `None` when the alliance has no such objective.
fn objective(objectives: &ObjectivesOverview, wanted: &ObjectiveRef) -> Option<(usize, String)> {
    let mut place = 0;
    for strategic in &objectives.strategic {
        if strategic.objective.id == wanted.id {
            return Some((place, strategic.objective.draft.title.clone()));
        }
        place += 1;
        for operational in &strategic.operational {
            if operational.objective.id == wanted.id {
                return Some((place, operational.objective.draft.wording.clone()));
            }
            place += 1;
        }
    }
    None
}
