//! The model advisor's answers (allia-core's `model_advisor`, guide section 2): one
//! `model_advisor` row per alliance, the answers as JSON text. The recommendation is not
//! stored: allia-core computes it from the answers.

use allia_core::validation::is_record_id;
use allia_core::{AdvisorAnswers, ModelAdvisor};
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{new_id, Store};

/// One `model_advisor` row.
#[derive(sqlx::FromRow)]
struct AdvisorRow {
    id: String,
    alliance_id: String,
    #[sqlx(json)]
    data: AdvisorAnswers,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<AdvisorRow> for ModelAdvisor {
    fn from(row: AdvisorRow) -> ModelAdvisor {
        ModelAdvisor {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            answers: row.data,
        }
    }
}

/// The answers recorded for one alliance, if any.
pub(crate) async fn find(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Option<ModelAdvisor>> {
    let row: Option<AdvisorRow> = sqlx::query_as(
        "SELECT id, alliance_id, data, created_at, updated_at FROM model_advisor \
         WHERE alliance_id = ?",
    )
    .bind(alliance_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(ModelAdvisor::from))
}

/// Writes already-validated answers for an existing alliance: replaces the answers of
/// its record (id and creation date kept) or inserts one with `id` (a new id when
/// `None`). `created_at` is used when inserting (an import keeps the file's),
/// `updated_at` always.
pub(crate) async fn put(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    id: Option<&str>,
    answers: &AdvisorAnswers,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
) -> StoreResult<()> {
    let done =
        sqlx::query("UPDATE model_advisor SET data = ?, updated_at = ? WHERE alliance_id = ?")
            .bind(Json(answers))
            .bind(updated_at)
            .bind(alliance_id)
            .execute(&mut *conn)
            .await?;
    if done.rows_affected() == 0 {
        let id = id.map_or_else(new_id, str::to_string);
        sqlx::query(
            "INSERT INTO model_advisor (id, alliance_id, data, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(alliance_id)
        .bind(Json(answers))
        .bind(created_at)
        .bind(updated_at)
        .execute(conn)
        .await?;
    }
    Ok(())
}

/// Stores the demo alliance's answers (allia-core's `model_advisor::demo_answers`) for a
/// demo alliance just inserted.
pub(crate) async fn insert_demo(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<()> {
    let answers = allia_core::model_advisor::demo_answers().validated()?;
    let now = Utc::now();
    put(conn, alliance_id, None, &answers, now, now).await
}

/// Replaces an alliance's answers by a validated file's (a re-import that updates the
/// alliance): the stored record keeps its id; a new record takes the file's id unless
/// another record of the vault has it. The file's dates are kept.
pub(crate) async fn replace(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    advisor: &allia_core::alliance_file::FileModelAdvisor,
) -> StoreResult<()> {
    let taken: Option<i64> = sqlx::query_scalar("SELECT 1 FROM model_advisor WHERE id = ?")
        .bind(&advisor.id)
        .fetch_optional(&mut *conn)
        .await?;
    let id = match taken {
        Some(_) => new_id(),
        None => advisor.id.clone(),
    };
    put(
        conn,
        alliance_id,
        Some(&id),
        &advisor.answers,
        advisor.created_at,
        advisor.updated_at,
    )
    .await
}

/// `NotFound(Alliance)` unless the alliance exists.
async fn ensure_alliance(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<()> {
    if !is_record_id(alliance_id) {
        return Err(StoreError::NotFound(Entity::Alliance));
    }
    crate::alliances::ensure_exists(conn, alliance_id).await
}

impl Store {
    /// The model advisor's answers for an alliance, `None` before the first save.
    /// `NotFound(Alliance)` for an unknown alliance.
    pub async fn model_advisor(&self, alliance_id: &str) -> StoreResult<Option<ModelAdvisor>> {
        let mut conn = self.conn().await?;
        ensure_alliance(&mut conn, alliance_id).await?;
        find(&mut conn, alliance_id).await
    }

    /// Records the model advisor's answers for an alliance, replacing the previous ones
    /// (the record keeps its id and creation date); returns the stored record. The
    /// answers are validated first (`AdvisorAnswers::validated`: `partnerCount`,
    /// `publicFundingCents`); `NotFound(Alliance)` for an unknown alliance.
    pub async fn save_model_advisor(
        &self,
        alliance_id: &str,
        answers: &AdvisorAnswers,
    ) -> StoreResult<ModelAdvisor> {
        let answers = answers.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let now = Utc::now();
        put(&mut tx, alliance_id, None, &answers, now, now).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        let stored = find(&mut tx, alliance_id)
            .await?
            .ok_or(StoreError::NotFound(Entity::Alliance))?;
        tx.commit().await?;
        Ok(stored)
    }
}
