//! The ranking of the strategic objectives (guide section 4, « Hiérarchiser et prioriser
//! les objectifs stratégiques en fonction de critères objectifs »).

use serde::{Deserialize, Serialize};

use super::records::{ObjectivesFrameDraft, StrategicObjective};
use crate::actors::RankedCandidate;
use crate::validation::ValidationErrors;

/// The ranking, or why there is none yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PriorityRanking {
    /// Best first (the same rule as the partners' matrix: ties share a rank).
    pub ranking: Vec<RankedCandidate>,
    /// The missing scores or the criteria's problem, in French; empty when ranked.
    pub problems: Vec<crate::validation::FieldError>,
}

/// Ranks `objectives` on the frame's criteria with
/// [`crate::actors::rank_candidates`].
pub fn rank_strategic_objectives(
    frame: &ObjectivesFrameDraft,
    objectives: &[StrategicObjective],
) -> PriorityRanking {
    let candidates: Vec<crate::actors::CandidateScores> = objectives
        .iter()
        .map(|o| crate::actors::CandidateScores {
            id: o.id.clone(),
            name: o.draft.title.clone(),
            scores: o.draft.priority_scores.clone(),
        })
        .collect();
    match crate::actors::rank_candidates(&frame.priority_criteria, &candidates) {
        Ok(ranking) => PriorityRanking {
            ranking,
            problems: Vec::new(),
        },
        Err(ValidationErrors(problems)) => PriorityRanking {
            ranking: Vec::new(),
            problems,
        },
    }
}
