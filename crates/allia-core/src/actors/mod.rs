//! The actor register's domain rules (issue 11, items 3–5; guide section 3, step 3
//! « Choisir les bons partenaires »): the territory's actors placed on a map, linked by
//! typed interactions, scored on weighted criteria, followed through a pipeline, and the
//! log of exchanges that tests the relation.
//!
//! The parts:
//! - [`kinds`]: the closed lists `MapCategory`, `InteractionKind`, `ExchangeKind`;
//! - [`assessment`]: what the cartography records about an actor (category, levels,
//!   expectations, scope, synergies);
//! - [`interaction`]: a typed, directed link between two actors;
//! - [`pipeline`]: `ActorPipelineStatus` and the moves allowed between statuses;
//! - [`map`]: the 1–5 scales (`Level`) and the quadrant rule (`MapQuadrant`);
//! - [`criteria`] and [`scoring`]: the criteria and their editing, the weighted score
//!   and the ranking;
//! - [`proximity`]: one entry of the proximity log;
//! - [`records`]: the stored records (link, log entry, criterion, score) with their ids
//!   and dates;
//! - [`contract`]: whether an actor is a party to a frozen contract, and the refusal;
//! - [`matrix`]: what the screens receive (an actor with its quadrant and moves, the
//!   scoring matrix with its ranking).
//!
//! Pure: storage and screens build on these types.

pub mod assessment;
pub mod contract;
pub mod criteria;
pub mod interaction;
pub mod kinds;
pub mod map;
pub mod matrix;
pub mod pipeline;
pub mod proximity;
pub mod records;
pub mod scoring;

pub use assessment::ActorAssessmentDraft;
pub use contract::{is_named_in, party_refusal_message, PartyRefusal};
pub use criteria::{
    add_criterion, default_criteria, remove_criterion, update_criterion, validate_criteria,
    Criterion, CriterionDraft, CRITERIA_MAX, CRITERION_NAME_MAX, WEIGHT_MAX,
};
pub use interaction::{duplicate_link_message, InteractionDraft};
pub use kinds::{ExchangeKind, InteractionKind, MapCategory};
pub use map::{Level, LevelOutOfRange, LevelScale, MapQuadrant, QUADRANT_DIVIDER, STRONG_FROM};
pub use matrix::{is_candidate, RegisterActor, ScoringMatrix};
pub use pipeline::{ActorPipeline, ActorPipelineStatus, DISMISSAL_REASON_MAX, PROMOTE_TO_ENGAGE};
pub use proximity::ExchangeEntryDraft;
pub use records::{
    seeded_criteria, seeded_criterion_id, ActorScore, ExchangeEntry, Interaction, ScoringCriterion,
};
pub use scoring::{format_score, rank_candidates, CandidateScores, RankedCandidate, SCORE_MAX};
