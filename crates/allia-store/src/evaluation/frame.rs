//! The alliance's evaluation frame (`evaluation_frame`, one row per alliance): the AVISE
//! purposes and the evaluative questions, both JSON lists.

use allia_core::evaluation::{EvaluationFrame, EvaluationFrameDraft, EvaluationPurpose};
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use super::ensure_alliance;
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{new_id, Store};

/// One `evaluation_frame` row.
#[derive(sqlx::FromRow)]
struct FrameRow {
    id: String,
    alliance_id: String,
    #[sqlx(json)]
    purposes: Vec<EvaluationPurpose>,
    #[sqlx(json)]
    questions: Vec<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<FrameRow> for EvaluationFrame {
    fn from(row: FrameRow) -> EvaluationFrame {
        EvaluationFrame {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: EvaluationFrameDraft {
                purposes: row.purposes,
                questions: row.questions,
            },
        }
    }
}

/// The alliance's frame, `None` until written.
pub(crate) async fn get(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Option<EvaluationFrame>> {
    let row: Option<FrameRow> = sqlx::query_as(
        "SELECT id, alliance_id, purposes, questions, created_at, updated_at \
         FROM evaluation_frame WHERE alliance_id = ?",
    )
    .bind(alliance_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(EvaluationFrame::from))
}

/// Writes an already-validated frame: updates the alliance's row (its id and creation
/// kept) or inserts `frame` as it is (an import keeps the file's id and times).
pub(crate) async fn put(conn: &mut SqliteConnection, frame: &EvaluationFrame) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO evaluation_frame (id, alliance_id, purposes, questions, created_at, \
         updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (alliance_id) DO UPDATE SET \
         purposes = excluded.purposes, questions = excluded.questions, \
         updated_at = excluded.updated_at",
    )
    .bind(&frame.id)
    .bind(&frame.alliance_id)
    .bind(Json(&frame.draft.purposes))
    .bind(Json(&frame.draft.questions))
    .bind(frame.created_at)
    .bind(frame.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

impl Store {
    /// Writes the alliance's purposes and evaluative questions (validated first:
    /// `EvaluationFrameDraft::validated`, which orders the purposes and drops empty
    /// questions), replacing what was written; returns the stored frame.
    /// `NotFound(Alliance)`.
    pub async fn save_evaluation_frame(
        &self,
        alliance_id: &str,
        draft: &EvaluationFrameDraft,
    ) -> StoreResult<EvaluationFrame> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let now = Utc::now();
        put(
            &mut tx,
            &EvaluationFrame {
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
