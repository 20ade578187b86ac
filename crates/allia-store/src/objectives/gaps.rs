//! The strategic gaps between partners (`strategic_gap`): for one strategic objective,
//! how one partner of the alliance sees it differently. A gap goes with its objective or
//! its partner (foreign keys, cascade).

use allia_core::objectives::{StrategicGap, StrategicGapDraft};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{ensure_alliance, ensure_partners, strategic};
use crate::actors::known_shape;
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

/// One `strategic_gap` row.
#[derive(sqlx::FromRow)]
struct GapRow {
    id: String,
    alliance_id: String,
    strategic_objective_id: String,
    partner_id: String,
    description: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<GapRow> for StrategicGap {
    fn from(row: GapRow) -> StrategicGap {
        StrategicGap {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: StrategicGapDraft {
                strategic_objective_id: row.strategic_objective_id,
                partner_id: row.partner_id,
                description: row.description,
            },
        }
    }
}

const SELECT: &str = "SELECT id, alliance_id, strategic_objective_id, partner_id, description, \
     created_at, updated_at FROM strategic_gap";

/// The alliance's gaps in the order they were added.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<StrategicGap>> {
    let rows: Vec<GapRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE alliance_id = ? ORDER BY created_at, rowid"
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(StrategicGap::from).collect())
}

/// One gap; `NotFound(StrategicGap)`.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<StrategicGap> {
    known_shape(id, Entity::StrategicGap)?;
    let row: Option<GapRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = ?")))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.map(StrategicGap::from)
        .ok_or(StoreError::NotFound(Entity::StrategicGap))
}

/// Inserts a whole, already-checked gap with its id and dates.
pub(crate) async fn insert(conn: &mut SqliteConnection, record: &StrategicGap) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO strategic_gap (id, alliance_id, strategic_objective_id, partner_id, \
         description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&record.id)
    .bind(&record.alliance_id)
    .bind(&record.draft.strategic_objective_id)
    .bind(&record.draft.partner_id)
    .bind(&record.draft.description)
    .bind(record.created_at)
    .bind(record.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Rewrites an already-checked gap's fields, with `updated_at`.
pub(crate) async fn update_fields(
    conn: &mut SqliteConnection,
    id: &str,
    draft: &StrategicGapDraft,
    updated_at: DateTime<Utc>,
) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE strategic_gap SET strategic_objective_id = ?, partner_id = ?, description = ?, \
         updated_at = ? WHERE id = ?",
    )
    .bind(&draft.strategic_objective_id)
    .bind(&draft.partner_id)
    .bind(&draft.description)
    .bind(updated_at)
    .bind(id)
    .execute(conn)
    .await?;
    ensure_found(done, Entity::StrategicGap)
}

/// Checks a validated draft against the alliance: its strategic objective is the
/// alliance's (`NotFound(StrategicObjective)`), its partner an engaged actor of it
/// (`NotFound(Partner)`, or a field error on `partnerId`).
async fn check(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    draft: &StrategicGapDraft,
) -> StoreResult<()> {
    strategic::of_alliance(conn, alliance_id, &draft.strategic_objective_id).await?;
    ensure_partners(conn, alliance_id, "partnerId", &[draft.partner_id.as_str()]).await
}

impl Store {
    /// Records a strategic gap (validated first: `StrategicGapDraft::validated`; then
    /// its objective and partner checked in the alliance). `NotFound(Alliance)`,
    /// `NotFound(StrategicObjective)`, `NotFound(Partner)`.
    pub async fn add_strategic_gap(
        &self,
        alliance_id: &str,
        draft: &StrategicGapDraft,
    ) -> StoreResult<StrategicGap> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        check(&mut tx, alliance_id, &draft).await?;
        let now = Utc::now();
        let record = StrategicGap {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            created_at: now,
            updated_at: now,
            draft,
        };
        insert(&mut tx, &record).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Rewrites a strategic gap under the rules of [`Store::add_strategic_gap`].
    /// `NotFound(StrategicGap)`.
    pub async fn update_strategic_gap(
        &self,
        id: &str,
        draft: &StrategicGapDraft,
    ) -> StoreResult<StrategicGap> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        let stored = get(&mut tx, id).await?;
        check(&mut tx, &stored.alliance_id, &draft).await?;
        update_fields(&mut tx, id, &draft, Utc::now()).await?;
        crate::alliances::touch(&mut tx, &stored.alliance_id).await?;
        let updated = get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Deletes a strategic gap. `NotFound(StrategicGap)`.
    pub async fn delete_strategic_gap(&self, id: &str) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let stored = get(&mut tx, id).await?;
        sqlx::query("DELETE FROM strategic_gap WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        crate::alliances::touch(&mut tx, &stored.alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }
}
