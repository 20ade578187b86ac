//! Scores of the scoring matrix (`actor_score`: one per actor and criterion, 0 to 5) and
//! the matrix itself (allia-core's `ScoringMatrix::build`: the candidates, their scores,
//! the ranking of `rank_candidates` or why it cannot rank, the shortlist). A score goes
//! with its actor or its criterion (foreign keys, cascade).

use allia_core::actors::{ActorScore, ScoringMatrix, SCORE_MAX};
use allia_core::ValidationErrors;
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::known_shape;
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{new_id, Store};

/// One `actor_score` row.
#[derive(sqlx::FromRow)]
struct ScoreRow {
    id: String,
    alliance_id: String,
    actor_id: String,
    criterion_id: String,
    score: u8,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<ScoreRow> for ActorScore {
    fn from(row: ScoreRow) -> ActorScore {
        ActorScore {
            id: row.id,
            alliance_id: row.alliance_id,
            actor_id: row.actor_id,
            criterion_id: row.criterion_id,
            score: row.score,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

const SELECT: &str = "SELECT id, alliance_id, actor_id, criterion_id, score, created_at, \
     updated_at FROM actor_score";

/// Every score of one alliance, in the order they were first given.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<ActorScore>> {
    let rows: Vec<ScoreRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE alliance_id = ? ORDER BY created_at, rowid"
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(ActorScore::from).collect())
}

/// Inserts a whole, already-checked score with its id and dates (an alliance file's).
pub(crate) async fn insert(conn: &mut SqliteConnection, record: &ActorScore) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO actor_score (id, alliance_id, actor_id, criterion_id, score, created_at, \
         updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&record.id)
    .bind(&record.alliance_id)
    .bind(&record.actor_id)
    .bind(&record.criterion_id)
    .bind(record.score)
    .bind(record.created_at)
    .bind(record.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The alliance of actor `actor_id` when criterion `criterion_id` is of the same
/// alliance; `NotFound(Partner)` or `NotFound(ScoringCriterion)`.
async fn same_alliance(
    conn: &mut SqliteConnection,
    actor_id: &str,
    criterion_id: &str,
) -> StoreResult<String> {
    let actor = crate::partners::get(conn, actor_id).await?;
    known_shape(criterion_id, Entity::ScoringCriterion)?;
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM scoring_criterion WHERE id = ? AND alliance_id = ?")
            .bind(criterion_id)
            .bind(&actor.alliance_id)
            .fetch_optional(&mut *conn)
            .await?;
    found
        .map(|_| actor.alliance_id)
        .ok_or(StoreError::NotFound(Entity::ScoringCriterion))
}

impl Store {
    /// Gives actor `actor_id` the score `score` (0 to 5) on criterion `criterion_id`,
    /// replacing its previous one. A score over 5 is a field error on `score` (taken as
    /// a `u32` so that whatever number a form sends reaches this rule).
    pub async fn set_score(
        &self,
        actor_id: &str,
        criterion_id: &str,
        score: u32,
    ) -> StoreResult<ActorScore> {
        if score > u32::from(SCORE_MAX) {
            let mut errors = ValidationErrors::default();
            errors.push(
                "score",
                format!("La note va de 0 à {SCORE_MAX}\u{a0}; {score} n’en fait pas partie."),
            );
            return Err(errors.into());
        }
        let mut tx = self.begin_write().await?;
        let alliance_id = same_alliance(&mut tx, actor_id, criterion_id).await?;
        let now = Utc::now();
        sqlx::query(
            "INSERT INTO actor_score (id, alliance_id, actor_id, criterion_id, score, \
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (actor_id, criterion_id) DO UPDATE SET score = excluded.score, \
             updated_at = excluded.updated_at",
        )
        .bind(new_id())
        .bind(&alliance_id)
        .bind(actor_id)
        .bind(criterion_id)
        .bind(score)
        .bind(now)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let row: ScoreRow = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE actor_id = ? AND criterion_id = ?"
        )))
        .bind(actor_id)
        .bind(criterion_id)
        .fetch_one(&mut *tx)
        .await?;
        crate::alliances::touch(&mut tx, &alliance_id).await?;
        tx.commit().await?;
        Ok(row.into())
    }

    /// Forgets actor `actor_id`'s score on criterion `criterion_id` (nothing happens
    /// when it had none): the cell is empty again.
    pub async fn clear_score(&self, actor_id: &str, criterion_id: &str) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let alliance_id = same_alliance(&mut tx, actor_id, criterion_id).await?;
        let done = sqlx::query("DELETE FROM actor_score WHERE actor_id = ? AND criterion_id = ?")
            .bind(actor_id)
            .bind(criterion_id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() > 0 {
            crate::alliances::touch(&mut tx, &alliance_id).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The alliance's scoring matrix: its criteria (the defaults seeded when it has
    /// none), the candidates (actors neither « Écarté » nor « Engagé ») with their
    /// scores, the ranking or, when it cannot rank, the French errors (a missing score
    /// named by its cell), and the shortlist (« Retenu »). `NotFound(Alliance)`.
    pub async fn scoring_matrix(&self, alliance_id: &str) -> StoreResult<ScoringMatrix> {
        let criteria = self.criteria(alliance_id).await?;
        let mut conn = self.conn().await?;
        let actors = crate::partners::list_actors(&mut conn, alliance_id).await?;
        let scores = list(&mut conn, alliance_id).await?;
        Ok(ScoringMatrix::build(criteria, &actors, &scores))
    }
}
