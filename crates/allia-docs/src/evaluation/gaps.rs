//! « Analyse des écarts et décisions »: per objective analysed (in the objectives'
//! order), the gap between each of its indicators' target and latest value, then each
//! analysis, latest first: its date, the positive and negative factors the team noted,
//! the decision and what it means in practice.

use std::collections::BTreeMap;

use allia_core::evaluation::units::format_quantity;
use allia_core::evaluation::GapAnalysis;
use allia_core::objectives::ObjectiveRef;

use super::{note, objective, user_text, wording, EvaluationReportInput};
use crate::model::{Align, Block, List, Paragraph, Run};
use crate::templates::typography::{format_date, tie_numbers};

/// The section, after the charts.
pub(super) fn section(blocks: &mut Vec<Block>, input: &EvaluationReportInput) {
    blocks.push(Block::Section {
        text: wording::GAPS.into(),
    });
    let analyses = &input.evaluation.gap_analyses;
    if analyses.is_empty() {
        blocks.push(note(wording::NO_GAP_ANALYSIS));
        return;
    }
    // Objectives in their order, those no longer found last; each one's analyses by
    // date, latest first (as the overview gives them, re-sorted to be sure).
    let mut by_objective: BTreeMap<(usize, ObjectiveRef), (String, Vec<&GapAnalysis>)> =
        BTreeMap::new();
    for analysis in analyses {
        let wanted = &analysis.draft.objective;
        let (place, name) = objective(&input.objectives, wanted)
            .unwrap_or((usize::MAX, wording::UNKNOWN_OBJECTIVE.to_string()));
        by_objective
            .entry((place, wanted.clone()))
            .or_insert_with(|| (name, Vec::new()))
            .1
            .push(analysis);
    }
    for ((_, wanted), (name, mut analyses)) in by_objective {
        analyses.sort_by_key(|a| std::cmp::Reverse(a.draft.date));
        let heading = user_text(&name);
        // Headings printed as they are, without an article's number: kept with what
        // follows, like every heading.
        blocks.push(Block::Article {
            number: 0,
            title: heading.clone(),
            heading,
        });
        gaps_to_target(blocks, input, &wanted);
        for analysis in analyses {
            one_analysis(blocks, analysis);
        }
    }
}

/// The gap of each indicator measuring `wanted`.
fn gaps_to_target(blocks: &mut Vec<Block>, input: &EvaluationReportInput, wanted: &ObjectiveRef) {
    blocks.push(heading(wording::GAP_TO_TARGET.to_string()));
    let items: Vec<Vec<Run>> = input
        .evaluation
        .indicators
        .iter()
        .filter(|v| v.indicator.draft.objective.id == wanted.id)
        .map(|view| {
            let d = &view.indicator.draft;
            let p = &view.progress;
            let target = format_quantity(d.target_value, &d.unit);
            let target_date = format_date(d.target_date);
            let latest = p
                .current_value
                .zip(p.current_date)
                .map(|(v, date)| (format_quantity(v, &d.unit), format_date(date)));
            let gap = p.remaining.map(|r| {
                if r <= 0.0 {
                    wording::REACHED.to_string()
                } else {
                    wording::remaining(&format_quantity(r, &d.unit))
                }
            });
            vec![Run::plain(tie_numbers(&wording::indicator_gap(
                &user_text(&d.name),
                &target,
                &target_date,
                latest.as_ref().map(|(v, date)| (v.as_str(), date.as_str())),
                gap.as_deref(),
                p.status.label(),
            )))]
        })
        .collect();
    if items.is_empty() {
        blocks.push(note(wording::NO_INDICATOR_FOR_OBJECTIVE));
    } else {
        blocks.push(Block::List(List {
            ordered: false,
            items,
        }));
    }
}

/// One analysis: its date, its factors, its decision and note.
fn one_analysis(blocks: &mut Vec<Block>, analysis: &GapAnalysis) {
    let d = &analysis.draft;
    blocks.push(heading(wording::analysis_of(&tie_numbers(&format_date(
        d.date,
    )))));
    for (label, factors) in [
        (wording::POSITIVE, &d.positive_factors),
        (wording::NEGATIVE, &d.negative_factors),
    ] {
        if factors.is_empty() {
            blocks.push(Block::Paragraph(Paragraph {
                runs: vec![
                    Run::italic(format!("{label}\u{a0}: ")),
                    Run::italic(wording::NO_FACTOR),
                ],
                align: Align::Left,
            }));
            continue;
        }
        blocks.push(Block::Paragraph(Paragraph {
            runs: vec![Run::italic(format!("{label}\u{a0}:"))],
            align: Align::Left,
        }));
        blocks.push(Block::List(List {
            ordered: false,
            items: factors
                .iter()
                .map(|f| vec![Run::plain(user_text(f))])
                .collect(),
        }));
    }
    blocks.push(Block::Paragraph(Paragraph {
        runs: vec![Run::bold(wording::DECISION), Run::bold(d.decision.label())],
        align: Align::Left,
    }));
    let note_lines = d.decision_note.as_deref().unwrap_or("").lines();
    for line in note_lines.map(str::trim).filter(|l| !l.is_empty()) {
        blocks.push(Block::Paragraph(Paragraph::plain(user_text(line))));
    }
}

/// A heading under an objective's.
fn heading(text: String) -> Block {
    Block::SubArticle {
        number: String::new(),
        title: text.clone(),
        heading: text,
    }
}
