//! The scoring matrix's rule (guide step 3, « Réduire la sélection sur des critères
//! objectifs »): each candidate scored 0–5 on each criterion, a weighted score out of
//! 100 and a ranking.
//!
//! - **Score**: exactly Σ wᵢ·sᵢ / (5 · Σ wᵢ) × 100, a rational. It is kept in hundredths
//!   as an integer, `score_x100 = round(Σ wᵢ·sᵢ × 10 000 / (5 · Σ wᵢ))`, halves rounded
//!   up; 6 667 reads « 66,67 » ([`format_score`]). Only display rounds: the ranking
//!   compares Σ wᵢ·sᵢ, exact, since every candidate shares the denominator. With the
//!   caps of [`super::criteria`] (Σ wᵢ ≤ 2 000), two different exact scores differ by at
//!   least one hundredth and so never display the same: a tie on screen is a true tie.
//! - **Ranking**: best first; equal scores share a rank and the next rank skips
//!   (1, 2, 2, 4), each marked `tied`; among equals the order is the collation key of
//!   the name ([`crate::text::collation_key`]: case and accents set aside), then the id,
//!   so the list never reorders by itself between two openings.
//! - **Missing scores are an error**, naming the candidate and the criterion, every one
//!   at once (issue 11, item 4: « missing scores … give a French error »). Ranking the
//!   incomplete candidates after the others would show a full list whose order means
//!   nothing for them, and the guide's point is an objective comparison; the field of
//!   each error names the cell, so the matrix can mark every empty one. A criterion of
//!   weight 0 does not count and needs no score.
//! - **No criterion, or every weight 0**: a French error (nothing to weigh with).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::criteria::Criterion;
use crate::text::collation_key;
use crate::validation::ValidationErrors;

/// The highest score of a candidate on a criterion (the lowest is 0).
pub const SCORE_MAX: u8 = 5;

/// One candidate's row of the matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CandidateScores {
    /// The actor's id.
    pub id: String,
    /// The actor's name, for the messages and the order among equals.
    pub name: String,
    /// Criterion id → score 0 to [`SCORE_MAX`]. A score for a criterion that no longer
    /// exists is ignored.
    #[serde(default)]
    pub scores: BTreeMap<String, u8>,
}

/// One line of the ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RankedCandidate {
    pub id: String,
    pub name: String,
    /// The weighted score out of 100, in hundredths: 0 to 10 000.
    pub score_x100: u32,
    /// 1 for the best; equal scores share a rank and the next rank skips (1, 2, 2, 4).
    pub rank: u32,
    /// Whether another candidate has exactly the same score (shown « ex æquo »).
    pub tied: bool,
}

/// A score in hundredths written the French way, out of 100: 6 667 → « 66,67 »,
/// 10 000 → « 100,00 ».
pub fn format_score(score_x100: u32) -> String {
    format!("{},{:02}", score_x100 / 100, score_x100 % 100)
}

/// The ranking of `candidates` on `criteria` (see the module's rules). No candidate gives
/// an empty ranking.
///
/// # Errors
/// French field errors: on `criteria` when there is no criterion or every weight is 0;
/// on `scores.<candidate id>.<criterion id>` for each missing score (« Il manque la note
/// de « X » pour « Ancrage territorial ». ») or a score over [`SCORE_MAX`], in the
/// candidates' then the criteria's order.
pub fn rank_candidates(
    criteria: &[Criterion],
    candidates: &[CandidateScores],
) -> Result<Vec<RankedCandidate>, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let total_weight: u64 = criteria.iter().map(|c| u64::from(c.weight)).sum();
    if criteria.is_empty() {
        errors.push(
            "criteria",
            "Ajoutez au moins un critère pour classer les candidats.",
        );
        return Err(errors);
    }
    if total_weight == 0 {
        errors.push(
            "criteria",
            "Tous les critères ont un poids nul\u{a0}: donnez un poids d’au moins 1 à l’un d’eux pour classer les candidats.",
        );
        return Err(errors);
    }
    let mut rows: Vec<(u64, String, &CandidateScores)> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let mut weighted: u64 = 0;
        for criterion in criteria {
            let field = format!("scores.{}.{}", candidate.id, criterion.id);
            match candidate.scores.get(&criterion.id) {
                Some(&s) if s > SCORE_MAX => errors.push(
                    field,
                    format!(
                        "La note de «\u{a0}{}\u{a0}» pour «\u{a0}{}\u{a0}» va de 0 à {SCORE_MAX}\u{a0}; {s} n’en fait pas partie.",
                        candidate.name, criterion.name
                    ),
                ),
                Some(&s) => weighted += u64::from(criterion.weight) * u64::from(s),
                None if criterion.weight == 0 => {}
                None => errors.push(
                    field,
                    format!(
                        "Il manque la note de «\u{a0}{}\u{a0}» pour «\u{a0}{}\u{a0}».",
                        candidate.name, criterion.name
                    ),
                ),
            }
        }
        rows.push((weighted, collation_key(&candidate.name), candidate));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    rows.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.2.id.cmp(&b.2.id))
    });
    let denominator = u64::from(SCORE_MAX) * total_weight;
    let mut ranking = Vec::with_capacity(rows.len());
    let mut rank = 0u32;
    for (i, (weighted, _, candidate)) in rows.iter().enumerate() {
        if i == 0 || rows[i - 1].0 != *weighted {
            rank = i as u32 + 1;
        }
        let tied = (i > 0 && rows[i - 1].0 == *weighted)
            || rows.get(i + 1).is_some_and(|next| next.0 == *weighted);
        ranking.push(RankedCandidate {
            id: candidate.id.clone(),
            name: candidate.name.clone(),
            score_x100: hundredths(*weighted, denominator),
            rank,
            tied,
        });
    }
    Ok(ranking)
}

/// `weighted × 10 000 / denominator` rounded to the nearest integer, halves up.
/// `denominator` > 0; the result is at most 10 000 since `weighted` ≤ `denominator`.
fn hundredths(weighted: u64, denominator: u64) -> u32 {
    let scaled = (2 * weighted * 10_000 + denominator) / (2 * denominator);
    u32::try_from(scaled).unwrap_or(u32::MAX)
}

#[cfg(test)]
#[path = "scoring_tests.rs"]
mod tests;
