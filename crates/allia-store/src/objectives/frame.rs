//! The objectives' frame of an alliance (`objectives_frame`, one row per alliance): its
//! shared vision, horizon year and the criteria its strategic objectives are prioritised
//! on.

use allia_core::actors::Criterion;
use allia_core::objectives::{ObjectivesFrame, ObjectivesFrameDraft};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::ensure_alliance;
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{new_id, Store};

/// One `objectives_frame` row.
#[derive(sqlx::FromRow)]
struct FrameRow {
    id: String,
    alliance_id: String,
    vision: Option<String>,
    horizon_year: Option<i32>,
    #[sqlx(json)]
    priority_criteria: Vec<Criterion>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<FrameRow> for ObjectivesFrame {
    fn from(row: FrameRow) -> ObjectivesFrame {
        ObjectivesFrame {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: ObjectivesFrameDraft {
                vision: row.vision,
                horizon_year: row.horizon_year,
                priority_criteria: row.priority_criteria,
            },
        }
    }
}

/// The alliance's stored frame, if written.
pub(crate) async fn get(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Option<ObjectivesFrame>> {
    let row: Option<FrameRow> = sqlx::query_as(
        "SELECT id, alliance_id, vision, horizon_year, priority_criteria, created_at, \
         updated_at FROM objectives_frame WHERE alliance_id = ?",
    )
    .bind(alliance_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(ObjectivesFrame::from))
}

/// Writes an already-validated frame: replaces the alliance's row (keeping its id and
/// creation date) or inserts `record` as it is (an import keeps the file's id and dates).
pub(crate) async fn put(conn: &mut SqliteConnection, record: &ObjectivesFrame) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO objectives_frame (id, alliance_id, vision, horizon_year, \
         priority_criteria, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (alliance_id) DO UPDATE SET vision = excluded.vision, \
         horizon_year = excluded.horizon_year, priority_criteria = excluded.priority_criteria, \
         updated_at = excluded.updated_at",
    )
    .bind(&record.id)
    .bind(&record.alliance_id)
    .bind(&record.draft.vision)
    .bind(record.draft.horizon_year)
    .bind(sqlx::types::Json(&record.draft.priority_criteria))
    .bind(record.created_at)
    .bind(record.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

impl Store {
    /// Writes the alliance's frame (validated first: `ObjectivesFrameDraft::validated`,
    /// French field errors on `vision`, `horizonYear`, `priorityCriteria…`), replacing
    /// the one written; returns the stored record. The scores of a removed criterion stay
    /// on the strategic objectives, unused by the ranking. `NotFound(Alliance)`.
    pub async fn save_objectives_frame(
        &self,
        alliance_id: &str,
        draft: &ObjectivesFrameDraft,
    ) -> StoreResult<ObjectivesFrame> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let now = Utc::now();
        put(
            &mut tx,
            &ObjectivesFrame {
                id: new_id(),
                alliance_id: alliance_id.to_string(),
                created_at: now,
                updated_at: now,
                draft,
            },
        )
        .await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        let stored = get(&mut tx, alliance_id)
            .await?
            .ok_or(StoreError::NotFound(Entity::Alliance))?;
        tx.commit().await?;
        Ok(stored)
    }
}
