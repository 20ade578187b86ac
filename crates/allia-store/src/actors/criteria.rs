//! The criteria of an alliance's scoring matrix (`scoring_criterion`): the five defaults
//! seeded once (allia-core's `seeded_criteria`, name-based ids, `INSERT OR IGNORE`), then
//! added, renamed, reweighted, removed and reordered through allia-core's rules
//! (`add_criterion`, `update_criterion`, `remove_criterion`). Positions count from 0
//! without gaps. Removing a criterion removes its scores (foreign key, cascade).

use allia_core::actors::{
    add_criterion, remove_criterion, seeded_criteria, update_criterion, Criterion, CriterionDraft,
    ScoringCriterion,
};
use allia_core::ValidationErrors;
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::known_shape;
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{new_id, Store};

/// One `scoring_criterion` row.
#[derive(sqlx::FromRow)]
struct CriterionRow {
    id: String,
    alliance_id: String,
    position: u32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    name: String,
    weight: u32,
}

impl From<CriterionRow> for ScoringCriterion {
    fn from(row: CriterionRow) -> ScoringCriterion {
        ScoringCriterion {
            id: row.id,
            alliance_id: row.alliance_id,
            position: row.position,
            created_at: row.created_at,
            updated_at: row.updated_at,
            name: row.name,
            weight: row.weight,
        }
    }
}

/// The stored criteria of one alliance in column order, without seeding.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<ScoringCriterion>> {
    let rows: Vec<CriterionRow> = sqlx::query_as(
        "SELECT id, alliance_id, position, created_at, updated_at, name, weight \
         FROM scoring_criterion WHERE alliance_id = ? ORDER BY position, rowid",
    )
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(ScoringCriterion::from).collect())
}

/// Inserts a whole, already-checked criterion with its id, position and dates (an
/// alliance file's), or ignores it when its id is stored already.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    record: &ScoringCriterion,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT OR IGNORE INTO scoring_criterion (id, alliance_id, name, weight, position, \
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&record.id)
    .bind(&record.alliance_id)
    .bind(&record.name)
    .bind(record.weight)
    .bind(record.position)
    .bind(record.created_at)
    .bind(record.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Gives an alliance without any criterion the five defaults, with their name-based
/// ids: running it twice, or on an alliance that has criteria, adds nothing.
pub(crate) async fn seed(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<()> {
    let count: i64 =
        sqlx::query_scalar("SELECT count(*) FROM scoring_criterion WHERE alliance_id = ?")
            .bind(alliance_id)
            .fetch_one(&mut *conn)
            .await?;
    if count > 0 {
        return Ok(());
    }
    let now = Utc::now();
    for (position, c) in seeded_criteria(alliance_id).into_iter().enumerate() {
        let record = ScoringCriterion {
            id: c.id,
            alliance_id: alliance_id.to_string(),
            position: position as u32,
            created_at: now,
            updated_at: now,
            name: c.name,
            weight: c.weight,
        };
        insert(conn, &record).await?;
    }
    Ok(())
}

/// The alliance's criteria, seeded first when it has none: what every reader of the
/// matrix calls, inside its write transaction.
pub(crate) async fn list_seeded(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<ScoringCriterion>> {
    seed(conn, alliance_id).await?;
    list(conn, alliance_id).await
}

/// The pure rules' view of the stored criteria.
fn rules(stored: &[ScoringCriterion]) -> Vec<Criterion> {
    stored.iter().map(ScoringCriterion::criterion).collect()
}

/// Rewrites the positions to follow `order` (ids), 0 to n − 1.
async fn renumber(conn: &mut SqliteConnection, order: &[String]) -> StoreResult<()> {
    let now = Utc::now();
    for (position, id) in order.iter().enumerate() {
        sqlx::query(
            "UPDATE scoring_criterion SET position = ?, updated_at = ? \
             WHERE id = ? AND position <> ?",
        )
        .bind(position as u32)
        .bind(now)
        .bind(id)
        .bind(position as u32)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

impl Store {
    /// The alliance's criteria in column order; an alliance that has none gets the five
    /// defaults first (once: the ids are name-based). `NotFound(Alliance)`.
    pub async fn criteria(&self, alliance_id: &str) -> StoreResult<Vec<ScoringCriterion>> {
        let mut conn = self.conn().await?;
        crate::alliances::ensure_exists(&mut conn, alliance_id).await?;
        let stored = list(&mut conn, alliance_id).await?;
        if !stored.is_empty() {
            return Ok(stored);
        }
        drop(conn);
        let mut tx = self.begin_write().await?;
        let seeded = list_seeded(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(seeded)
    }

    /// Adds a criterion at the end (allia-core's `add_criterion`: a name unique in the
    /// alliance, a weight 0 to 100, at most 20 criteria); returns every criterion.
    pub async fn add_criterion(
        &self,
        alliance_id: &str,
        draft: &CriterionDraft,
    ) -> StoreResult<Vec<ScoringCriterion>> {
        let mut tx = self.begin_write().await?;
        crate::alliances::ensure_exists(&mut tx, alliance_id).await?;
        let stored = list_seeded(&mut tx, alliance_id).await?;
        let id = new_id();
        let next = add_criterion(&rules(&stored), &id, draft)?;
        let added = next
            .iter()
            .find(|c| c.id == id)
            .ok_or(StoreError::NotFound(Entity::ScoringCriterion))?;
        let now = Utc::now();
        insert(
            &mut tx,
            &ScoringCriterion {
                id: added.id.clone(),
                alliance_id: alliance_id.to_string(),
                position: stored.len() as u32,
                created_at: now,
                updated_at: now,
                name: added.name.clone(),
                weight: added.weight,
            },
        )
        .await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        let all = list(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(all)
    }

    /// Renames and reweights a criterion (allia-core's `update_criterion`); its scores
    /// stay. Returns every criterion of its alliance.
    pub async fn update_criterion(
        &self,
        id: &str,
        draft: &CriterionDraft,
    ) -> StoreResult<Vec<ScoringCriterion>> {
        let mut tx = self.begin_write().await?;
        let alliance_id = alliance_of(&mut tx, id).await?;
        let stored = list(&mut tx, &alliance_id).await?;
        let next = update_criterion(&rules(&stored), id, draft)?;
        if let Some(c) = next.iter().find(|c| c.id == id) {
            sqlx::query(
                "UPDATE scoring_criterion SET name = ?, weight = ?, updated_at = ? WHERE id = ?",
            )
            .bind(&c.name)
            .bind(c.weight)
            .bind(Utc::now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        crate::alliances::touch(&mut tx, &alliance_id).await?;
        let all = list(&mut tx, &alliance_id).await?;
        tx.commit().await?;
        Ok(all)
    }

    /// Removes a criterion and its scores (allia-core's `remove_criterion`: never the
    /// last one); the others close the gap. Returns every criterion left.
    pub async fn remove_criterion(&self, id: &str) -> StoreResult<Vec<ScoringCriterion>> {
        let mut tx = self.begin_write().await?;
        let alliance_id = alliance_of(&mut tx, id).await?;
        let stored = list(&mut tx, &alliance_id).await?;
        let next = remove_criterion(&rules(&stored), id)?;
        sqlx::query("DELETE FROM scoring_criterion WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let order: Vec<String> = next.into_iter().map(|c| c.id).collect();
        renumber(&mut tx, &order).await?;
        crate::alliances::touch(&mut tx, &alliance_id).await?;
        let all = list(&mut tx, &alliance_id).await?;
        tx.commit().await?;
        Ok(all)
    }

    /// Puts the alliance's criteria in the order of `order`, which lists each of their
    /// ids once (else a field error on `criteria`: the grid changed meanwhile).
    pub async fn reorder_criteria(
        &self,
        alliance_id: &str,
        order: &[String],
    ) -> StoreResult<Vec<ScoringCriterion>> {
        let mut tx = self.begin_write().await?;
        crate::alliances::ensure_exists(&mut tx, alliance_id).await?;
        let stored = list_seeded(&mut tx, alliance_id).await?;
        let mut given: Vec<&str> = order.iter().map(String::as_str).collect();
        let mut known: Vec<&str> = stored.iter().map(|c| c.id.as_str()).collect();
        given.sort_unstable();
        known.sort_unstable();
        if given != known {
            let mut errors = ValidationErrors::default();
            errors.push(
                "criteria",
                "La liste des critères a changé entre-temps\u{a0}: rechargez la grille.",
            );
            return Err(errors.into());
        }
        renumber(&mut tx, order).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        let all = list(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(all)
    }
}

/// The alliance of criterion `id`; `NotFound(ScoringCriterion)`.
async fn alliance_of(conn: &mut SqliteConnection, id: &str) -> StoreResult<String> {
    known_shape(id, Entity::ScoringCriterion)?;
    sqlx::query_scalar("SELECT alliance_id FROM scoring_criterion WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?
        .ok_or(StoreError::NotFound(Entity::ScoringCriterion))
}
