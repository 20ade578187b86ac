//! The four record types the alliance file carries for the actor register
//! ([`FileInteraction`], [`FileExchange`], [`FileCriterion`], [`FileScore`]), and their
//! conversions to and from allia-core's records and drafts.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actors::records::{ActorScore, ExchangeEntry, Interaction, ScoringCriterion};
use crate::actors::{ExchangeEntryDraft, ExchangeKind, InteractionDraft, InteractionKind};
// Named by the doc comments only.
#[cfg(doc)]
use crate::actors::{Criterion, SCORE_MAX};

/// A typed, directed link between two actors of the file ([`InteractionDraft`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileInteraction {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The id of the actor the sentence starts with (« la Région » finance …), one of
    /// `partners`.
    pub from_actor_id: String,
    /// The id of the other actor, one of `partners`.
    pub to_actor_id: String,
    pub kind: InteractionKind,
    #[serde(default)]
    pub note: Option<String>,
}

/// One entry of an actor's proximity log ([`ExchangeEntryDraft`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileExchange {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The actor met, one of `partners`.
    pub actor_id: String,
    /// The day it took place (AAAA-MM-JJ).
    pub date: NaiveDate,
    pub kind: ExchangeKind,
    #[serde(default)]
    pub notes: Option<String>,
    /// The « points de friction » it revealed.
    #[serde(default)]
    pub friction_points: Vec<String>,
}

/// One criterion of the scoring matrix ([`Criterion`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileCriterion {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub name: String,
    /// 0 (does not count) to 100.
    pub weight: u32,
    /// Its place in the matrix, from 0 (an import renumbers in the file's order of
    /// position).
    pub position: u32,
}

/// The score of one actor on one criterion, 0 to 5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileScore {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The actor scored, one of `partners`.
    pub actor_id: String,
    /// The criterion, one of `criteria`.
    pub criterion_id: String,
    /// 0 to [`SCORE_MAX`].
    pub score: u8,
}

impl FileInteraction {
    /// The fields the user edits.
    pub fn draft(&self) -> InteractionDraft {
        InteractionDraft {
            from_actor_id: self.from_actor_id.clone(),
            to_actor_id: self.to_actor_id.clone(),
            kind: self.kind,
            note: self.note.clone(),
        }
    }

    /// The file's link from a draft and its id and dates.
    pub fn new(
        id: String,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        draft: InteractionDraft,
    ) -> FileInteraction {
        let InteractionDraft {
            from_actor_id,
            to_actor_id,
            kind,
            note,
        } = draft;
        FileInteraction {
            id,
            created_at,
            updated_at,
            from_actor_id,
            to_actor_id,
            kind,
            note,
        }
    }
}

impl FileExchange {
    /// The fields the user edits.
    pub fn draft(&self) -> ExchangeEntryDraft {
        ExchangeEntryDraft {
            date: self.date,
            kind: self.kind,
            notes: self.notes.clone(),
            friction_points: self.friction_points.clone(),
        }
    }

    /// The file's entry from a draft, its actor, id and dates.
    pub fn new(
        id: String,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        actor_id: String,
        draft: ExchangeEntryDraft,
    ) -> FileExchange {
        let ExchangeEntryDraft {
            date,
            kind,
            notes,
            friction_points,
        } = draft;
        FileExchange {
            id,
            created_at,
            updated_at,
            actor_id,
            date,
            kind,
            notes,
            friction_points,
        }
    }
}

impl From<&Interaction> for FileInteraction {
    fn from(r: &Interaction) -> FileInteraction {
        FileInteraction::new(r.id.clone(), r.created_at, r.updated_at, r.draft.clone())
    }
}

impl From<&ExchangeEntry> for FileExchange {
    fn from(r: &ExchangeEntry) -> FileExchange {
        FileExchange::new(
            r.id.clone(),
            r.created_at,
            r.updated_at,
            r.actor_id.clone(),
            r.draft.clone(),
        )
    }
}

impl From<&ScoringCriterion> for FileCriterion {
    fn from(r: &ScoringCriterion) -> FileCriterion {
        let ScoringCriterion {
            id,
            alliance_id: _,
            position,
            created_at,
            updated_at,
            name,
            weight,
        } = r.clone();
        FileCriterion {
            id,
            created_at,
            updated_at,
            name,
            weight,
            position,
        }
    }
}

impl From<&ActorScore> for FileScore {
    fn from(r: &ActorScore) -> FileScore {
        let ActorScore {
            id,
            alliance_id: _,
            actor_id,
            criterion_id,
            score,
            created_at,
            updated_at,
        } = r.clone();
        FileScore {
            id,
            created_at,
            updated_at,
            actor_id,
            criterion_id,
            score,
        }
    }
}

impl FileInteraction {
    /// The record to store in `alliance_id`, id, ends and dates as in the file.
    pub fn record(&self, alliance_id: &str) -> Interaction {
        Interaction {
            id: self.id.clone(),
            alliance_id: alliance_id.to_string(),
            created_at: self.created_at,
            updated_at: self.updated_at,
            draft: self.draft(),
        }
    }
}

impl FileExchange {
    /// The record to store in `alliance_id`, id, actor and dates as in the file.
    pub fn record(&self, alliance_id: &str) -> ExchangeEntry {
        ExchangeEntry {
            id: self.id.clone(),
            alliance_id: alliance_id.to_string(),
            actor_id: self.actor_id.clone(),
            created_at: self.created_at,
            updated_at: self.updated_at,
            draft: self.draft(),
        }
    }
}

impl FileCriterion {
    /// The record to store in `alliance_id`, id, position and dates as in the file.
    pub fn record(&self, alliance_id: &str) -> ScoringCriterion {
        ScoringCriterion {
            id: self.id.clone(),
            alliance_id: alliance_id.to_string(),
            position: self.position,
            created_at: self.created_at,
            updated_at: self.updated_at,
            name: self.name.clone(),
            weight: self.weight,
        }
    }
}

impl FileScore {
    /// The record to store in `alliance_id`, ids and dates as in the file.
    pub fn record(&self, alliance_id: &str) -> ActorScore {
        ActorScore {
            id: self.id.clone(),
            alliance_id: alliance_id.to_string(),
            actor_id: self.actor_id.clone(),
            criterion_id: self.criterion_id.clone(),
            score: self.score,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}
