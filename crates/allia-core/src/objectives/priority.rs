//! The ranking of the strategic objectives (guide section 4, « Hiérarchiser et prioriser
//! les objectifs stratégiques en fonction de critères objectifs »).
//!
//! The same weighted rule as the partners' selection matrix
//! ([`crate::actors::rank_candidates`]: each objective's scores 0 to 5 weighted by the
//! criteria's weights, out of 100; equal scores share a rank), with its messages speaking
//! of objectives. An objective not yet scored on every weighted criterion is left out of
//! the ranking and named in `problems`, so that scoring one objective at a time still
//! shows the ones already scored in order.

use serde::{Deserialize, Serialize};

use super::records::{ObjectivesFrameDraft, StrategicObjective};
use crate::actors::{CandidateScores, RankedCandidate, SCORE_MAX};
use crate::validation::{FieldError, ValidationErrors};

/// The ranking, or why there is none yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PriorityRanking {
    /// Best first (the same rule as the partners' matrix: ties share a rank). Only the
    /// objectives scored on every criterion of weight above 0.
    pub ranking: Vec<RankedCandidate>,
    /// The missing scores or the criteria's problem, in French; empty when every objective
    /// is ranked. Fields: `priorityCriteria` (no criterion, every weight 0) or
    /// `scores.<objective id>.<criterion id>` (a missing or out-of-range score).
    pub problems: Vec<FieldError>,
}

/// Ranks `objectives` on the frame's criteria: see the module's rules. No objective gives
/// an empty ranking without problems.
pub fn rank_strategic_objectives(
    frame: &ObjectivesFrameDraft,
    objectives: &[StrategicObjective],
) -> PriorityRanking {
    let criteria = &frame.priority_criteria;
    if criteria.is_empty() {
        return criteria_problem(
            "Ajoutez au moins un critère pour classer les objectifs stratégiques.",
        );
    }
    if criteria.iter().all(|c| c.weight == 0) {
        return criteria_problem(
            "Tous les critères ont un poids nul\u{a0}: donnez un poids d’au moins 1 à l’un d’eux pour classer les objectifs stratégiques.",
        );
    }
    let mut problems = Vec::new();
    let mut complete = Vec::with_capacity(objectives.len());
    for objective in objectives {
        let scores = &objective.draft.priority_scores;
        let title = &objective.draft.title;
        let mut ok = true;
        for criterion in criteria {
            let field = format!("scores.{}.{}", objective.id, criterion.id);
            match scores.get(&criterion.id) {
                Some(&s) if s > SCORE_MAX => {
                    ok = false;
                    problems.push(FieldError {
                        field,
                        message: format!(
                            "La note de «\u{a0}{title}\u{a0}» pour «\u{a0}{}\u{a0}» va de 0 à {SCORE_MAX}\u{a0}; {s} n’en fait pas partie.",
                            criterion.name
                        ),
                    });
                }
                None if criterion.weight > 0 => {
                    ok = false;
                    problems.push(FieldError {
                        field,
                        message: format!(
                            "L’objectif «\u{a0}{title}\u{a0}» n’est pas encore noté sur «\u{a0}{}\u{a0}»\u{a0}: il n’est pas classé.",
                            criterion.name
                        ),
                    });
                }
                _ => {}
            }
        }
        if ok {
            complete.push(CandidateScores {
                id: objective.id.clone(),
                name: title.clone(),
                scores: scores.clone(),
            });
        }
    }
    match crate::actors::rank_candidates(criteria, &complete) {
        Ok(ranking) => PriorityRanking { ranking, problems },
        // Unreachable after the checks above; kept total, with the messages reworded.
        Err(ValidationErrors(errors)) => {
            problems.extend(errors.into_iter().map(|e| FieldError {
                message: e.message.replace("candidats", "objectifs stratégiques"),
                field: e.field,
            }));
            PriorityRanking {
                ranking: Vec::new(),
                problems,
            }
        }
    }
}

fn criteria_problem(message: &str) -> PriorityRanking {
    PriorityRanking {
        ranking: Vec::new(),
        problems: vec![FieldError {
            field: "priorityCriteria".to_string(),
            message: message.to_string(),
        }],
    }
}

#[cfg(test)]
#[path = "priority_tests.rs"]
mod tests;
