//! The actor register's records in the alliance file (format 2, additive root arrays,
//! issue 11 item 10): `interactions` (typed links between two actors), `exchanges` (the
//! proximity log), `criteria` (the scoring matrix's criteria) and `scores` (a candidate's
//! score on a criterion). Every record carries its id and dates; an actor is named by
//! its id in `partners` (which holds every actor, engaged or not), a criterion by its id
//! in `criteria`. Each array is absent when empty, so a file without actor records is
//! written as before and older files read as an alliance without them.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actors::records::{ActorScore, ExchangeEntry, Interaction, ScoringCriterion};
use crate::actors::{
    duplicate_link_message, validate_criteria, Criterion, ExchangeEntryDraft, ExchangeKind,
    InteractionDraft, InteractionKind, SCORE_MAX,
};
use crate::validation::{too_many_message, ValidationErrors};

use super::v2::FilePartner;

/// Most interactions one alliance file may bring (an alliance of 500 actors with
/// twenty links each).
pub const ALLIANCE_FILE_MAX_INTERACTIONS: usize = 10_000;
/// Most entries of the proximity log one alliance file may bring.
pub const ALLIANCE_FILE_MAX_EXCHANGES: usize = 10_000;
/// Most scores one alliance file may bring (500 actors × 20 criteria).
pub const ALLIANCE_FILE_MAX_SCORES: usize = 10_000;

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

/// The actor records of a file, checked for import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct ActorRecords {
    pub interactions: Vec<FileInteraction>,
    pub exchanges: Vec<FileExchange>,
    pub criteria: Vec<FileCriterion>,
    pub scores: Vec<FileScore>,
}

/// `id` cut to 40 characters, in French quotes, for a message.
fn quoted_id(id: &str) -> String {
    format!("«\u{a0}{}\u{a0}»", id.chars().take(40).collect::<String>())
}

fn unknown_actor(errors: &mut ValidationErrors, field: String, id: &str) {
    errors.push(
        field,
        format!(
            "Aucun acteur de ce fichier n’a l’identifiant {}.",
            quoted_id(id)
        ),
    );
}

/// The key that makes two links the same one ([`InteractionDraft::is_same_link`]): a
/// symmetric kind's ends in a fixed order.
fn link_key(draft: &InteractionDraft) -> (InteractionKind, String, String) {
    let (from, to) = (draft.from_actor_id.clone(), draft.to_actor_id.clone());
    if draft.kind.is_symmetric() && to < from {
        (draft.kind, to, from)
    } else {
        (draft.kind, from, to)
    }
}

/// Checks the four arrays for import, each problem on its field (`interactions.N.…`,
/// `exchanges.N.…`, `criteria.N.…`, `scores.N.…`, N from 1): at most
/// [`ALLIANCE_FILE_MAX_INTERACTIONS`], [`ALLIANCE_FILE_MAX_EXCHANGES`],
/// [`crate::actors::CRITERIA_MAX`] and [`ALLIANCE_FILE_MAX_SCORES`]; every id by
/// `check_id` (a UUID used once in the file); an actor named by a link, an entry or a
/// score is one of `partners`, a criterion named by a score one of `criteria`; each link
/// valid (two different actors, its note) and given once (both directions being one
/// link for a symmetric kind); each entry valid and dated no later than the day after
/// the file was written (`written`: the log holds exchanges that took place; a day of
/// margin for the time zones); criteria valid, names distinct, positions renumbered from
/// 0 in the file's order of position; scores 0 to [`SCORE_MAX`], one per actor and
/// criterion.
pub(super) fn validated_actor_records(
    partners: &[FilePartner],
    written: DateTime<Utc>,
    records: (
        &[FileInteraction],
        &[FileExchange],
        &[FileCriterion],
        &[FileScore],
    ),
    errors: &mut ValidationErrors,
    mut check_id: impl FnMut(&mut ValidationErrors, &str, &str),
) -> ActorRecords {
    let (interactions, exchanges, criteria, scores) = records;
    let mut too_many = false;
    for (field, count, max, what) in [
        (
            "interactions",
            interactions.len(),
            ALLIANCE_FILE_MAX_INTERACTIONS,
            "liens entre acteurs",
        ),
        (
            "exchanges",
            exchanges.len(),
            ALLIANCE_FILE_MAX_EXCHANGES,
            "échanges",
        ),
        ("scores", scores.len(), ALLIANCE_FILE_MAX_SCORES, "notes"),
    ] {
        if count > max {
            errors.push(field, too_many_message(what, max, count));
            too_many = true;
        }
    }
    if too_many {
        return ActorRecords::default();
    }
    let names: HashMap<&str, &str> = partners
        .iter()
        .map(|p| (p.id.as_str(), p.organisation.name.as_str()))
        .collect();
    let mut kept = ActorRecords::default();

    let mut links: HashSet<(InteractionKind, String, String)> = HashSet::new();
    for (index, link) in interactions.iter().enumerate() {
        let prefix = format!("interactions.{}", index + 1);
        check_id(errors, &format!("{prefix}.id"), &link.id);
        let draft = match link.draft().validated() {
            Ok(draft) => draft,
            Err(e) => {
                errors.extend_prefixed(&prefix, e);
                continue;
            }
        };
        let mut known = true;
        for (field, id) in [
            ("fromActorId", &draft.from_actor_id),
            ("toActorId", &draft.to_actor_id),
        ] {
            if !names.contains_key(id.as_str()) {
                unknown_actor(errors, format!("{prefix}.{field}"), id);
                known = false;
            }
        }
        if !known {
            continue;
        }
        if !links.insert(link_key(&draft)) {
            let name = |id: &str| names.get(id).copied().unwrap_or_default().to_string();
            errors.push(
                prefix,
                duplicate_link_message(
                    draft.kind,
                    &name(&draft.from_actor_id),
                    &name(&draft.to_actor_id),
                ),
            );
            continue;
        }
        kept.interactions.push(FileInteraction::new(
            link.id.clone(),
            link.created_at,
            link.updated_at,
            draft,
        ));
    }

    // The log holds exchanges that took place: none after the day the file was written
    // (one day more, the file's time being UTC and the person's day local).
    let today = written
        .date_naive()
        .checked_add_days(Days::new(1))
        .unwrap_or(NaiveDate::MAX);
    for (index, entry) in exchanges.iter().enumerate() {
        let prefix = format!("exchanges.{}", index + 1);
        check_id(errors, &format!("{prefix}.id"), &entry.id);
        if !names.contains_key(entry.actor_id.as_str()) {
            unknown_actor(errors, format!("{prefix}.actorId"), &entry.actor_id);
        }
        match entry.draft().validated(today) {
            Ok(draft) => kept.exchanges.push(FileExchange::new(
                entry.id.clone(),
                entry.created_at,
                entry.updated_at,
                entry.actor_id.clone(),
                draft,
            )),
            Err(e) => errors.extend_prefixed(&prefix, e),
        }
    }

    for (index, criterion) in criteria.iter().enumerate() {
        check_id(errors, &format!("criteria.{}.id", index + 1), &criterion.id);
    }
    let as_criteria: Vec<Criterion> = criteria
        .iter()
        .map(|c| Criterion {
            id: c.id.clone(),
            name: c.name.clone(),
            weight: c.weight,
        })
        .collect();
    match validate_criteria(&as_criteria) {
        Ok(valid) => {
            let mut ordered: Vec<FileCriterion> = criteria
                .iter()
                .zip(valid)
                .map(|(c, v)| FileCriterion {
                    name: v.name,
                    ..c.clone()
                })
                .collect();
            // Stable: equal positions keep the file's order.
            ordered.sort_by_key(|c| c.position);
            for (position, criterion) in ordered.iter_mut().enumerate() {
                criterion.position = u32::try_from(position).unwrap_or(u32::MAX);
            }
            kept.criteria = ordered;
        }
        // An id missing or given twice is reported by `check_id` already.
        Err(e) => errors
            .0
            .extend(e.0.into_iter().filter(|e| !e.field.ends_with(".id"))),
    }

    let criterion_names: HashMap<&str, &str> = criteria
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    let mut scored: HashSet<(&str, &str)> = HashSet::new();
    for (index, score) in scores.iter().enumerate() {
        let prefix = format!("scores.{}", index + 1);
        check_id(errors, &format!("{prefix}.id"), &score.id);
        let mut known = true;
        if !names.contains_key(score.actor_id.as_str()) {
            unknown_actor(errors, format!("{prefix}.actorId"), &score.actor_id);
            known = false;
        }
        if !criterion_names.contains_key(score.criterion_id.as_str()) {
            errors.push(
                format!("{prefix}.criterionId"),
                format!(
                    "Aucun critère de ce fichier n’a l’identifiant {}.",
                    quoted_id(&score.criterion_id)
                ),
            );
            known = false;
        }
        if score.score > SCORE_MAX {
            errors.push(
                format!("{prefix}.score"),
                format!(
                    "Une note va de 0 à {SCORE_MAX}\u{a0}: {} n’en est pas une.",
                    score.score
                ),
            );
            known = false;
        }
        if !known {
            continue;
        }
        if !scored.insert((score.actor_id.as_str(), score.criterion_id.as_str())) {
            errors.push(
                prefix,
                format!(
                    "La note de «\u{a0}{}\u{a0}» pour «\u{a0}{}\u{a0}» est déjà donnée plus haut dans ce fichier.",
                    names.get(score.actor_id.as_str()).copied().unwrap_or_default(),
                    criterion_names
                        .get(score.criterion_id.as_str())
                        .copied()
                        .unwrap_or_default()
                ),
            );
            continue;
        }
        kept.scores.push(score.clone());
    }
    kept
}

/// Where a field of the four arrays is, in French (« lien entre acteurs 3, second
/// acteur », « note 2, critère »), for [`crate::validation::field_place`]; `None` for
/// another path.
pub fn actor_record_place(field: &str) -> Option<String> {
    let segments: Vec<&str> = field.split('.').collect();
    let (place, number, rest) = match segments.as_slice() {
        ["interactions", number, rest @ ..] => ("lien entre acteurs", number, rest),
        ["exchanges", number, rest @ ..] => ("échange", number, rest),
        ["criteria", number, rest @ ..] => ("critère", number, rest),
        ["scores", number, rest @ ..] => ("note", number, rest),
        _ => return None,
    };
    let label = match rest {
        ["fromActorId"] => Some("premier acteur"),
        ["toActorId"] => Some("second acteur"),
        ["actorId"] => Some("acteur"),
        ["criterionId"] => Some("critère"),
        ["kind"] => Some("type"),
        ["note"] => Some("note"),
        ["notes"] => Some("notes"),
        ["date"] => Some("date"),
        ["frictionPoints", ..] => Some("points de friction"),
        ["name"] => Some("nom"),
        ["weight"] => Some("poids"),
        ["score"] => Some("valeur"),
        ["id"] => Some("identifiant"),
        _ => None,
    };
    Some(match label {
        Some(label) => format!("{place} {number}, {label}"),
        None => format!("{place} {number}"),
    })
}

/// The label of a partner's actor field (`pipeline.status`, `assessment.influence`…),
/// as the register's form names it; `None` for another field.
pub fn actor_field_label(field: &str) -> Option<&'static str> {
    Some(match field {
        "pipeline" | "pipeline.status" => "statut de l’acteur",
        "pipeline.dismissalReason" => "motif de l’écartement",
        "assessment" => "cartographie",
        "assessment.category" => "catégorie de la cartographie",
        "assessment.expectations" => "attentes et motivations",
        "assessment.influence" => "niveau d’influence",
        "assessment.nuisance" => "pouvoir de nuisance",
        "assessment.interest" => "intérêt / alignement",
        "assessment.scope" => "périmètre d’intervention",
        "assessment.synergies" => "synergies possibles",
        _ => return None,
    })
}

#[cfg(test)]
#[path = "actors_tests.rs"]
mod tests;
