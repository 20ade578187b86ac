//! The actor register's lists of a file (links, exchanges, criteria, scores) replacing the vault's at an update.

use std::collections::HashMap;

use allia_core::actors::records::ScoringCriterion;
use allia_core::AllianceFileV2;
use sqlx::SqliteConnection;

use super::update::free_id;
use crate::error::StoreResult;

/// The actor register's lists of the file (links, exchanges, criteria, scores), each
/// replacing this vault's when the file carries it and it differs; a list the file
/// lacks (an older file, or none written) leaves the vault's as it is. Criteria are
/// matched by id (kept, renamed, reweighted, moved; the vault's others removed with
/// their scores), so the scores of a criterion the file keeps stay unless the file
/// brings its own. `partner_ids`: the file's id of each actor added under another id.
pub(super) async fn replace_actor_records(
    conn: &mut SqliteConnection,
    stored: &AllianceFileV2,
    incoming: &AllianceFileV2,
    partner_ids: &HashMap<&str, String>,
) -> StoreResult<bool> {
    let alliance_id = stored.alliance.id.as_str();
    let actor = |id: &str| {
        partner_ids
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    };
    let mut changed = false;
    if !incoming.interactions.is_empty() && incoming.interactions != stored.interactions {
        sqlx::query("DELETE FROM actor_interaction WHERE alliance_id = ?")
            .bind(alliance_id)
            .execute(&mut *conn)
            .await?;
        for link in &incoming.interactions {
            let mut record = link.record(alliance_id);
            record.id = free_id(conn, "actor_interaction", &link.id).await?;
            record.draft.from_actor_id = actor(&link.from_actor_id);
            record.draft.to_actor_id = actor(&link.to_actor_id);
            crate::actors::interactions::insert(conn, &record).await?;
        }
        changed = true;
    }
    if !incoming.exchanges.is_empty() && incoming.exchanges != stored.exchanges {
        sqlx::query("DELETE FROM actor_exchange WHERE alliance_id = ?")
            .bind(alliance_id)
            .execute(&mut *conn)
            .await?;
        for entry in &incoming.exchanges {
            let mut record = entry.record(alliance_id);
            record.id = free_id(conn, "actor_exchange", &entry.id).await?;
            record.actor_id = actor(&entry.actor_id);
            crate::actors::exchanges::insert(conn, &record).await?;
        }
        changed = true;
    }
    let mut criterion_ids: HashMap<String, String> = HashMap::new();
    if !incoming.criteria.is_empty() && incoming.criteria != stored.criteria {
        for old in &stored.criteria {
            if !incoming.criteria.iter().any(|c| c.id == old.id) {
                // Its scores go with it (foreign key, cascade).
                sqlx::query("DELETE FROM scoring_criterion WHERE id = ? AND alliance_id = ?")
                    .bind(&old.id)
                    .bind(alliance_id)
                    .execute(&mut *conn)
                    .await?;
            }
        }
        for criterion in &incoming.criteria {
            let record = criterion.record(alliance_id);
            if stored.criteria.iter().any(|c| c.id == criterion.id) {
                sqlx::query(
                    "UPDATE scoring_criterion SET name = ?, weight = ?, position = ?, \
                     updated_at = ? WHERE id = ? AND alliance_id = ?",
                )
                .bind(&record.name)
                .bind(record.weight)
                .bind(record.position)
                .bind(record.updated_at)
                .bind(&record.id)
                .bind(alliance_id)
                .execute(&mut *conn)
                .await?;
            } else {
                let id = free_id(conn, "scoring_criterion", &criterion.id).await?;
                criterion_ids.insert(criterion.id.clone(), id.clone());
                crate::actors::criteria::insert(conn, &ScoringCriterion { id, ..record }).await?;
            }
        }
        changed = true;
    }
    if !incoming.scores.is_empty() && incoming.scores != stored.scores {
        sqlx::query("DELETE FROM actor_score WHERE alliance_id = ?")
            .bind(alliance_id)
            .execute(&mut *conn)
            .await?;
        for score in &incoming.scores {
            let mut record = score.record(alliance_id);
            record.id = free_id(conn, "actor_score", &score.id).await?;
            record.actor_id = actor(&score.actor_id);
            record.criterion_id = criterion_ids
                .get(&score.criterion_id)
                .cloned()
                .unwrap_or_else(|| score.criterion_id.clone());
            crate::actors::scores::insert(conn, &record).await?;
        }
        changed = true;
    }
    Ok(changed)
}
