//! The strategic objectives of an alliance (`strategic_objective`): added at the end,
//! edited, moved; positions count from 0 without gaps (every move or deletion renumbers
//! the alliance's list in the same transaction).

use std::collections::BTreeMap;

use allia_core::objectives::records::OBJECTIVES_MAX;
use allia_core::objectives::{StrategicObjective, StrategicObjectiveDraft};
use allia_core::ValidationErrors;
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::ensure_alliance;
use crate::actors::known_shape;
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

/// One `strategic_objective` row.
#[derive(sqlx::FromRow)]
struct StrategicRow {
    id: String,
    alliance_id: String,
    title: String,
    description: Option<String>,
    #[sqlx(json)]
    expected_impacts: Vec<String>,
    #[sqlx(json)]
    priority_scores: BTreeMap<String, u8>,
    position: u32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<StrategicRow> for StrategicObjective {
    fn from(row: StrategicRow) -> StrategicObjective {
        StrategicObjective {
            id: row.id,
            alliance_id: row.alliance_id,
            position: row.position,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: StrategicObjectiveDraft {
                title: row.title,
                description: row.description,
                expected_impacts: row.expected_impacts,
                priority_scores: row.priority_scores,
            },
        }
    }
}

const SELECT: &str = "SELECT id, alliance_id, title, description, expected_impacts, \
     priority_scores, position, created_at, updated_at FROM strategic_objective";

/// The alliance's strategic objectives by position.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<StrategicObjective>> {
    let rows: Vec<StrategicRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE alliance_id = ? ORDER BY position, rowid"
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(StrategicObjective::from).collect())
}

/// One strategic objective; `NotFound(StrategicObjective)`.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<StrategicObjective> {
    known_shape(id, Entity::StrategicObjective)?;
    let row: Option<StrategicRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = ?")))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(StrategicObjective::from)
        .ok_or(StoreError::NotFound(Entity::StrategicObjective))
}

/// The strategic objective `id` when it belongs to `alliance_id`;
/// `NotFound(StrategicObjective)` otherwise (one of another alliance is « not found »).
pub(crate) async fn of_alliance(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    id: &str,
) -> StoreResult<StrategicObjective> {
    let found = get(conn, id).await?;
    if found.alliance_id == alliance_id {
        Ok(found)
    } else {
        Err(StoreError::NotFound(Entity::StrategicObjective))
    }
}

/// Inserts a whole, already-checked strategic objective with its id, position and dates.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    record: &StrategicObjective,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO strategic_objective (id, alliance_id, title, description, \
         expected_impacts, priority_scores, position, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&record.id)
    .bind(&record.alliance_id)
    .bind(&record.draft.title)
    .bind(&record.draft.description)
    .bind(sqlx::types::Json(&record.draft.expected_impacts))
    .bind(sqlx::types::Json(&record.draft.priority_scores))
    .bind(record.position)
    .bind(record.created_at)
    .bind(record.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Rewrites an already-checked objective's fields (not its place), with `updated_at`.
pub(crate) async fn update_fields(
    conn: &mut SqliteConnection,
    id: &str,
    draft: &StrategicObjectiveDraft,
    updated_at: DateTime<Utc>,
) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE strategic_objective SET title = ?, description = ?, expected_impacts = ?, \
         priority_scores = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&draft.title)
    .bind(&draft.description)
    .bind(sqlx::types::Json(&draft.expected_impacts))
    .bind(sqlx::types::Json(&draft.priority_scores))
    .bind(updated_at)
    .bind(id)
    .execute(conn)
    .await?;
    ensure_found(done, Entity::StrategicObjective)
}

/// Rewrites the alliance's positions to follow `order` (ids), 0 to n − 1, touching only
/// the rows whose position changes.
pub(crate) async fn renumber(conn: &mut SqliteConnection, order: &[String]) -> StoreResult<()> {
    let now = Utc::now();
    for (position, id) in order.iter().enumerate() {
        let position = u32::try_from(position).unwrap_or(u32::MAX);
        sqlx::query(
            "UPDATE strategic_objective SET position = ?, updated_at = ? \
             WHERE id = ? AND position <> ?",
        )
        .bind(position)
        .bind(now)
        .bind(id)
        .bind(position)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The refusal past [`OBJECTIVES_MAX`] objectives: `holder` has that many already
/// (« L’alliance compte déjà 200 objectifs stratégiques… »).
pub(crate) fn too_many(field: &str, holder: &str, what: &str) -> StoreError {
    let mut errors = ValidationErrors::default();
    errors.push(
        field,
        format!(
            "{holder} compte déjà {OBJECTIVES_MAX}\u{a0}{what}, le plus qu’Allia puisse suivre."
        ),
    );
    errors.into()
}

impl Store {
    /// Adds a strategic objective at the end of the alliance's list (validated first:
    /// `StrategicObjectiveDraft::validated`; at most [`OBJECTIVES_MAX`], a field error on
    /// `title` beyond). `NotFound(Alliance)`.
    pub async fn add_strategic_objective(
        &self,
        alliance_id: &str,
        draft: &StrategicObjectiveDraft,
    ) -> StoreResult<StrategicObjective> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let count: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM strategic_objective WHERE alliance_id = ?")
                .bind(alliance_id)
                .fetch_one(&mut *tx)
                .await?;
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        if count >= OBJECTIVES_MAX {
            return Err(too_many("title", "L’alliance", "objectifs stratégiques"));
        }
        let now = Utc::now();
        let record = StrategicObjective {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            position: u32::try_from(count).unwrap_or(u32::MAX),
            created_at: now,
            updated_at: now,
            draft,
        };
        insert(&mut tx, &record).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Rewrites a strategic objective's title, description, expected impacts and scores
    /// (validated first); its place stays. `NotFound(StrategicObjective)`.
    pub async fn update_strategic_objective(
        &self,
        id: &str,
        draft: &StrategicObjectiveDraft,
    ) -> StoreResult<StrategicObjective> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        let stored = get(&mut tx, id).await?;
        update_fields(&mut tx, id, &draft, Utc::now()).await?;
        crate::alliances::touch(&mut tx, &stored.alliance_id).await?;
        let updated = get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Moves a strategic objective to `to_position` (from 0; past the end means last);
    /// the others shift so positions stay 0 to n − 1. `NotFound(StrategicObjective)`.
    pub async fn move_strategic_objective(&self, id: &str, to_position: u32) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let stored = get(&mut tx, id).await?;
        let mut order: Vec<String> = list(&mut tx, &stored.alliance_id)
            .await?
            .into_iter()
            .map(|o| o.id)
            .filter(|other| other != id)
            .collect();
        let at = usize::try_from(to_position)
            .unwrap_or(usize::MAX)
            .min(order.len());
        order.insert(at, stored.id.clone());
        renumber(&mut tx, &order).await?;
        crate::alliances::touch(&mut tx, &stored.alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }
}
