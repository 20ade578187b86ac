//! The actors of an alliance, stored in the `partner` table: the actor register (issue
//! 11) keeps every organisation once, and a partner is an actor whose relation reached
//! « Engagé » (allia-core's [`allia_core::partner::is_partner`]). What reads « the
//! partners » ([`list`]: documents, commitments, the partners list, the alliance file's
//! templates input) sees only those; the register reads every actor ([`list_actors`]).
//! The register's own operations (status moves, promotion, links, logs, scores) are in
//! `crate::actors`.
//!
//! This file holds the connection-level functions on `partner` rows that the rest of the
//! crate calls; `row.rs` the row and the register's columns, `store.rs` the `Store`
//! methods, `migration_tests.rs` the tests of the migration that links the profile.

mod row;
mod store;

#[cfg(test)]
mod migration_tests;

use allia_core::partner::is_partner;
use allia_core::partner::own_association_taken_message;
use allia_core::validation::is_record_id;
use allia_core::{Partner, PartnerDraft, ValidationErrors};
use chrono::Utc;
use sqlx::types::Json;
use sqlx::SqliteConnection;

pub(crate) use row::{bind_actor, ACTOR_COLUMNS, ACTOR_PLACEHOLDERS};
use row::{select, PartnerRow, ACTOR_ASSIGNMENTS};

use crate::error::{Entity, StoreError, StoreResult};
use crate::organisation;
use crate::store::{ensure_found, new_id};

/// The partners of one alliance (its actors at « Engagé », [`is_partner`]), in the
/// order they were added: what the documents, the commitments and the partners list
/// read.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<Partner>> {
    // The register's list through the one rule, rather than the rule again in SQL.
    let mut actors = list_actors(conn, alliance_id).await?;
    actors.retain(|a| is_partner(&a.draft));
    Ok(actors)
}

/// Every actor of one alliance, partners included, in the order they were added: the
/// register's list.
pub(crate) async fn list_actors(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<Partner>> {
    let rows: Vec<PartnerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{} WHERE alliance_id = ? ORDER BY created_at, rowid",
        select()
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Partner::from).collect())
}

/// One partner; `NotFound` for an unknown id or one not shaped like the vault's.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<Partner> {
    if !is_record_id(id) {
        return Err(StoreError::NotFound(Entity::Partner));
    }
    let row: Option<PartnerRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{} WHERE id = ?", select())))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(Partner::from)
        .ok_or(StoreError::NotFound(Entity::Partner))
}

/// Inserts an already-validated actor with its id and dates as given (an alliance file's
/// record, kept as it was).
pub(crate) async fn insert_with_id(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    record: &Partner,
) -> StoreResult<()> {
    let sql = format!(
        "INSERT INTO partner (id, alliance_id, {}, actor_type, role, resources, resource_tags, \
         own_association, {ACTOR_COLUMNS}, created_at, updated_at) \
         VALUES (?, ?, {}, ?, ?, ?, ?, ?, {ACTOR_PLACEHOLDERS}, ?, ?)",
        organisation::COLUMNS,
        organisation::PLACEHOLDERS
    );
    let draft = &record.draft;
    let query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&record.id)
        .bind(alliance_id);
    let query = organisation::bind(query, &draft.organisation)
        .bind(draft.actor_type)
        .bind(draft.role)
        .bind(&draft.resources)
        .bind(Json(&draft.resource_tags))
        .bind(draft.own_association);
    bind_actor(query, draft)
        .bind(record.created_at)
        .bind(record.updated_at)
        .execute(conn)
        .await?;
    Ok(())
}

/// Inserts already-validated actors (partners when « Engagé ») of an existing alliance;
/// returns their new ids.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    drafts: &[PartnerDraft],
) -> StoreResult<Vec<String>> {
    let mut ids = Vec::with_capacity(drafts.len());
    let now = Utc::now();
    let insert_sql = format!(
        "INSERT INTO partner (id, alliance_id, {}, actor_type, role, resources, resource_tags, \
         own_association, {ACTOR_COLUMNS}, created_at, updated_at) \
         VALUES (?, ?, {}, ?, ?, ?, ?, ?, {ACTOR_PLACEHOLDERS}, ?, ?)",
        organisation::COLUMNS,
        organisation::PLACEHOLDERS
    );
    for draft in drafts {
        let id = new_id();
        let query = sqlx::query(sqlx::AssertSqlSafe(insert_sql.as_str()))
            .bind(&id)
            .bind(alliance_id);
        let query = organisation::bind(query, &draft.organisation)
            .bind(draft.actor_type)
            .bind(draft.role)
            .bind(&draft.resources)
            .bind(Json(&draft.resource_tags))
            .bind(draft.own_association);
        bind_actor(query, draft)
            .bind(now)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// Rewrites an already-validated actor, its pipeline and map fields included (the
/// register's rules on status moves are checked by the callers that need them).
pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: &str,
    draft: &PartnerDraft,
) -> StoreResult<()> {
    let sql = format!(
        "UPDATE partner SET {}, actor_type = ?, role = ?, resources = ?, resource_tags = ?, \
         own_association = ?, {ACTOR_ASSIGNMENTS}, updated_at = ? WHERE id = ?",
        organisation::ASSIGNMENTS
    );
    let query = sqlx::query(sqlx::AssertSqlSafe(sql));
    let query = organisation::bind(query, &draft.organisation)
        .bind(draft.actor_type)
        .bind(draft.role)
        .bind(&draft.resources)
        .bind(Json(&draft.resource_tags))
        .bind(draft.own_association);
    let done = bind_actor(query, draft)
        .bind(Utc::now())
        .bind(id)
        .execute(conn)
        .await?;
    ensure_found(done, Entity::Partner)
}

/// The rule « one own association per alliance » against what is stored: refuses, on
/// `ownAssociation`, a draft marked as the association when another partner of
/// `alliance_id` (other than `editing`) already is; several drafts marked at once are
/// refused by allia-core's rule (`partners.N.ownAssociation`). The unique index of the
/// migration holds it too, whatever writes the table.
pub(crate) async fn ensure_one_own_association(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    editing: Option<&str>,
    drafts: &[PartnerDraft],
) -> StoreResult<()> {
    allia_core::partner::check_own_association(drafts)?;
    if !drafts.iter().any(|d| d.own_association) {
        return Ok(());
    }
    let holder: Option<String> = sqlx::query_scalar(
        "SELECT name FROM partner WHERE alliance_id = ? AND own_association = 1 \
         AND id IS NOT ? LIMIT 1",
    )
    .bind(alliance_id)
    .bind(editing)
    .fetch_optional(conn)
    .await?;
    match holder {
        Some(name) => {
            let mut errors = ValidationErrors::default();
            errors.push("ownAssociation", own_association_taken_message(&name));
            Err(errors.into())
        }
        None => Ok(()),
    }
}

pub(crate) async fn delete(conn: &mut SqliteConnection, id: &str) -> StoreResult<()> {
    let done = sqlx::query("DELETE FROM partner WHERE id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    ensure_found(done, Entity::Partner)
}
