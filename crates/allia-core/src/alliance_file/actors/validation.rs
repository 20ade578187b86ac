//! The import check of the actor register's four arrays ([`validated_actor_records`]):
//! their sizes, ids, the actors and criteria they name, each record's own rules, and
//! what is kept ([`ActorRecords`]).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::actors::{
    duplicate_link_message, validate_criteria, Criterion, InteractionDraft, InteractionKind,
    SCORE_MAX,
};
use crate::validation::{too_many_message, ValidationErrors};

use super::super::v2::FilePartner;
use super::{
    FileCriterion, FileExchange, FileInteraction, FileScore, ALLIANCE_FILE_MAX_EXCHANGES,
    ALLIANCE_FILE_MAX_INTERACTIONS, ALLIANCE_FILE_MAX_SCORES,
};

/// The actor records of a file, checked for import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(in crate::alliance_file) struct ActorRecords {
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
pub(in crate::alliance_file) fn validated_actor_records(
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
