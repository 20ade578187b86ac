//! What the register's screens receive, built here so that no screen re-derives a rule:
//! an actor with its quadrant and the statuses it may move to ([`RegisterActor`]), and
//! the scoring matrix with its ranking ([`ScoringMatrix`], guide step 3 « Réduire la
//! sélection sur des critères objectifs »).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::map::MapQuadrant;
use super::pipeline::ActorPipelineStatus;
use super::records::{ActorScore, ScoringCriterion};
use super::scoring::{rank_candidates, CandidateScores, RankedCandidate};
use crate::partner::{is_partner, Partner, PartnerDraft};
use crate::validation::FieldError;

/// One actor of the register as the screens show it: the stored record, where the map
/// places it ([`super::ActorAssessmentDraft::quadrant`], `None` until its influence and
/// interest are assessed), the statuses its menu offers and whether it may be promoted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RegisterActor {
    pub actor: Partner,
    pub quadrant: Option<MapQuadrant>,
    /// The statuses the status menu offers ([`ActorPipelineStatus::menu_moves`]):
    /// never « Engagé », which takes the promotion with a chosen role.
    pub allowed_moves: Vec<ActorPipelineStatus>,
    /// Whether « Promouvoir en partenaire » is offered
    /// ([`ActorPipelineStatus::can_promote`]): any status of the funnel before
    /// « Engagé », not « Écarté ».
    pub can_promote: bool,
    /// Whether it is a partner ([`is_partner`]): « Engagé ».
    pub is_partner: bool,
}

impl RegisterActor {
    /// The actor with what allia-core derives from it.
    pub fn of(actor: Partner) -> RegisterActor {
        let quadrant = actor.draft.assessment.as_ref().and_then(|a| a.quadrant());
        let status = actor.draft.pipeline.status;
        let is_partner = is_partner(&actor.draft);
        RegisterActor {
            actor,
            quadrant,
            allowed_moves: status.menu_moves(),
            can_promote: status.can_promote(),
            is_partner,
        }
    }
}

/// Whether an actor is a candidate of the scoring matrix: neither « Écarté » (out of the
/// selection) nor « Engagé » (selected already: a partner).
pub fn is_candidate(draft: &PartnerDraft) -> bool {
    !matches!(
        draft.pipeline.status,
        ActorPipelineStatus::Dismissed | ActorPipelineStatus::Engaged
    )
}

/// The scoring matrix of one alliance: its criteria in order, the candidates with their
/// scores, the ranking, and the shortlist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ScoringMatrix {
    pub criteria: Vec<ScoringCriterion>,
    /// The candidates ([`is_candidate`]) in the order they were added, each with its
    /// scores by criterion id (a missing score is absent).
    pub candidates: Vec<CandidateScores>,
    /// [`rank_candidates`]'s ranking, best first; empty when it cannot rank.
    pub ranking: Vec<RankedCandidate>,
    /// Why it cannot rank, in French: on `criteria` (none, or every weight 0) or on
    /// `scores.<candidate id>.<criterion id>` for each missing score, so the matrix can
    /// mark each empty cell while it still shows. Empty when ranked.
    pub ranking_errors: Vec<FieldError>,
    /// The ids of the candidates at « Retenu »: the shortlist.
    pub shortlist: Vec<String>,
}

impl ScoringMatrix {
    /// The matrix of `actors` (every actor of the alliance, in the register's order) on
    /// `criteria` (in position order) with the alliance's `scores`. Scores of actors
    /// that are not candidates, or on criteria not listed, are left out.
    pub fn build(
        criteria: Vec<ScoringCriterion>,
        actors: &[Partner],
        scores: &[ActorScore],
    ) -> ScoringMatrix {
        let mut by_actor: HashMap<&str, BTreeMap<String, u8>> = HashMap::new();
        for s in scores {
            if criteria.iter().any(|c| c.id == s.criterion_id) {
                by_actor
                    .entry(s.actor_id.as_str())
                    .or_default()
                    .insert(s.criterion_id.clone(), s.score);
            }
        }
        let mut candidates = Vec::new();
        let mut shortlist = Vec::new();
        for actor in actors.iter().filter(|a| is_candidate(&a.draft)) {
            if actor.draft.pipeline.status == ActorPipelineStatus::Retained {
                shortlist.push(actor.id.clone());
            }
            candidates.push(CandidateScores {
                id: actor.id.clone(),
                name: actor.draft.organisation.name.clone(),
                scores: by_actor.remove(actor.id.as_str()).unwrap_or_default(),
            });
        }
        let rules: Vec<_> = criteria.iter().map(ScoringCriterion::criterion).collect();
        let (ranking, ranking_errors) = match rank_candidates(&rules, &candidates) {
            Ok(ranking) => (ranking, Vec::new()),
            Err(errors) => (Vec::new(), errors.0),
        };
        ScoringMatrix {
            criteria,
            candidates,
            ranking,
            ranking_errors,
            shortlist,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::actors::{ActorAssessmentDraft, ActorPipeline, MapCategory};

    fn t() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-30T10:00:00Z")
            .expect("date")
            .with_timezone(&Utc)
    }

    fn actor(id: &str, name: &str, status: ActorPipelineStatus) -> Partner {
        let mut draft = PartnerDraft {
            pipeline: ActorPipeline {
                status,
                dismissal_reason: (status == ActorPipelineStatus::Dismissed)
                    .then(|| "Trop loin".into()),
            },
            ..PartnerDraft::default()
        };
        draft.organisation.name = name.into();
        Partner {
            id: id.into(),
            alliance_id: "a".into(),
            created_at: t(),
            updated_at: t(),
            draft,
        }
    }

    fn criterion(id: &str, weight: u32, position: u32) -> ScoringCriterion {
        ScoringCriterion {
            id: id.into(),
            alliance_id: "a".into(),
            position,
            created_at: t(),
            updated_at: t(),
            name: format!("Critère {id}"),
            weight,
        }
    }

    fn score(actor: &str, criterion: &str, score: u8) -> ActorScore {
        ActorScore {
            id: format!("{actor}-{criterion}"),
            alliance_id: "a".into(),
            actor_id: actor.into(),
            criterion_id: criterion.into(),
            score,
            created_at: t(),
            updated_at: t(),
        }
    }

    #[test]
    fn an_actor_carries_its_quadrant_and_moves() {
        let mut a = actor("x", "Région", ActorPipelineStatus::Contacted);
        a.draft.assessment = Some(ActorAssessmentDraft {
            category: MapCategory::LocalAuthorities,
            influence: Some(5),
            interest: Some(1),
            ..Default::default()
        });
        let shown = RegisterActor::of(a);
        assert_eq!(shown.quadrant, Some(MapQuadrant::KeepSatisfied));
        assert!(!shown.is_partner);
        assert!(shown
            .allowed_moves
            .contains(&ActorPipelineStatus::Identified));
        assert!(!shown.allowed_moves.contains(&ActorPipelineStatus::Engaged));
        assert!(shown.can_promote);
        let json = serde_json::to_value(&shown).expect("json");
        assert_eq!(json["quadrant"], "keep_satisfied");
        assert_eq!(json["allowedMoves"][0], "identified");
        assert_eq!(json["canPromote"], true);
    }

    #[test]
    fn the_matrix_keeps_candidates_ranks_them_and_lists_the_shortlist() {
        use ActorPipelineStatus::*;
        let actors = [
            actor("p", "Partenaire", Engaged),
            actor("d", "Écarté", Dismissed),
            actor("b", "Bravo", Retained),
            actor("a", "Alpha", InDiscussion),
        ];
        let scores = [
            score("a", "c1", 4),
            score("a", "c2", 2),
            score("b", "c1", 2),
            score("b", "c2", 4),
            score("p", "c1", 5),
            score("a", "gone", 1),
        ];
        let m = ScoringMatrix::build(
            vec![criterion("c1", 1, 0), criterion("c2", 1, 1)],
            &actors,
            &scores,
        );
        let ids: Vec<_> = m.candidates.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!(
            m.candidates[1].scores.len(),
            2,
            "the removed criterion's score left out"
        );
        assert_eq!(m.shortlist, ["b"]);
        assert!(m.ranking_errors.is_empty());
        // A tie: both 60,00, in the order of their names, marked tied, same rank.
        let ranked: Vec<_> = m
            .ranking
            .iter()
            .map(|r| (r.id.as_str(), r.rank, r.tied, r.score_x100))
            .collect();
        assert_eq!(ranked, [("a", 1, true, 6000), ("b", 1, true, 6000)]);
    }

    #[test]
    fn a_missing_score_is_shown_with_the_matrix() {
        let actors = [actor("a", "Alpha", ActorPipelineStatus::Identified)];
        let m = ScoringMatrix::build(vec![criterion("c1", 1, 0)], &actors, &[]);
        assert_eq!(m.candidates.len(), 1);
        assert!(m.ranking.is_empty());
        assert_eq!(m.ranking_errors[0].field, "scores.a.c1");
        assert_eq!(
            m.ranking_errors[0].message,
            "Il manque la note de «\u{a0}Alpha\u{a0}» pour «\u{a0}Critère c1\u{a0}»."
        );
    }
}
