//! Each actor's proximity log (`actor_exchange`; guide step 3 « Tester la proximité
//! relationnelle »): dated exchanges with their notes and friction points. An entry goes
//! with its actor (foreign key, cascade).

use allia_core::actors::{ExchangeEntry, ExchangeEntryDraft, ExchangeKind};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use super::known_shape;
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

/// One `actor_exchange` row.
#[derive(sqlx::FromRow)]
struct ExchangeRow {
    id: String,
    alliance_id: String,
    actor_id: String,
    date: NaiveDate,
    kind: ExchangeKind,
    notes: Option<String>,
    #[sqlx(json)]
    friction_points: Vec<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<ExchangeRow> for ExchangeEntry {
    fn from(row: ExchangeRow) -> ExchangeEntry {
        ExchangeEntry {
            id: row.id,
            alliance_id: row.alliance_id,
            actor_id: row.actor_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: ExchangeEntryDraft {
                date: row.date,
                kind: row.kind,
                notes: row.notes,
                friction_points: row.friction_points,
            },
        }
    }
}

const SELECT: &str = "SELECT id, alliance_id, actor_id, date, kind, notes, friction_points, \
     created_at, updated_at FROM actor_exchange";

/// Every entry of one alliance's logs, oldest exchange first (then in the order they
/// were written).
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<ExchangeEntry>> {
    let rows: Vec<ExchangeRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE alliance_id = ? ORDER BY date, created_at, rowid"
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(ExchangeEntry::from).collect())
}

/// One entry; `NotFound(ExchangeEntry)`.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<ExchangeEntry> {
    known_shape(id, Entity::ExchangeEntry)?;
    let row: Option<ExchangeRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = ?")))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(ExchangeEntry::from)
        .ok_or(StoreError::NotFound(Entity::ExchangeEntry))
}

/// Inserts a whole, already-checked entry with its id and dates (an alliance file's).
pub(crate) async fn insert(conn: &mut SqliteConnection, record: &ExchangeEntry) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO actor_exchange (id, alliance_id, actor_id, date, kind, notes, \
         friction_points, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&record.id)
    .bind(&record.alliance_id)
    .bind(&record.actor_id)
    .bind(record.draft.date)
    .bind(record.draft.kind)
    .bind(&record.draft.notes)
    .bind(Json(&record.draft.friction_points))
    .bind(record.created_at)
    .bind(record.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

impl Store {
    /// One actor's log, the latest exchange first. `NotFound(Partner)` for an unknown
    /// actor.
    pub async fn exchanges(&self, actor_id: &str) -> StoreResult<Vec<ExchangeEntry>> {
        let mut conn = self.conn().await?;
        crate::partners::get(&mut conn, actor_id).await?;
        let rows: Vec<ExchangeRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE actor_id = ? ORDER BY date DESC, created_at DESC, rowid DESC"
        )))
        .bind(actor_id)
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows.into_iter().map(ExchangeEntry::from).collect())
    }

    /// Writes an exchange in an actor's log. `today` is the person's local date: an
    /// exchange dated after it is refused (allia-core's `ExchangeEntryDraft::validated`,
    /// with the notes and friction points' rules).
    pub async fn add_exchange(
        &self,
        actor_id: &str,
        draft: &ExchangeEntryDraft,
        today: NaiveDate,
    ) -> StoreResult<ExchangeEntry> {
        let draft = draft.validated(today)?;
        let mut tx = self.begin_write().await?;
        let actor = crate::partners::get(&mut tx, actor_id).await?;
        let now = Utc::now();
        let record = ExchangeEntry {
            id: new_id(),
            alliance_id: actor.alliance_id,
            actor_id: actor.id,
            created_at: now,
            updated_at: now,
            draft,
        };
        insert(&mut tx, &record).await?;
        crate::alliances::touch(&mut tx, &record.alliance_id).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Rewrites an entry of the log, under the rules of [`Store::add_exchange`].
    pub async fn update_exchange(
        &self,
        id: &str,
        draft: &ExchangeEntryDraft,
        today: NaiveDate,
    ) -> StoreResult<ExchangeEntry> {
        let draft = draft.validated(today)?;
        let mut tx = self.begin_write().await?;
        let stored = get(&mut tx, id).await?;
        let done = sqlx::query(
            "UPDATE actor_exchange SET date = ?, kind = ?, notes = ?, friction_points = ?, \
             updated_at = ? WHERE id = ?",
        )
        .bind(draft.date)
        .bind(draft.kind)
        .bind(&draft.notes)
        .bind(Json(&draft.friction_points))
        .bind(Utc::now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        ensure_found(done, Entity::ExchangeEntry)?;
        crate::alliances::touch(&mut tx, &stored.alliance_id).await?;
        let updated = get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Deletes an entry of the log. `NotFound(ExchangeEntry)`.
    pub async fn delete_exchange(&self, id: &str) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let stored = get(&mut tx, id).await?;
        sqlx::query("DELETE FROM actor_exchange WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        crate::alliances::touch(&mut tx, &stored.alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }
}
