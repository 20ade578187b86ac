//! The gap analyses of an alliance (`gap_analysis`): for one objective, strategic or
//! operational, the factors noted by the team and the decision taken, dated. An analysis
//! goes with its objective (foreign key, cascade).

use allia_core::evaluation::{GapAnalysis, GapAnalysisDraft, GapDecision};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use super::{ensure_alliance, ensure_objective, objective_columns};
use crate::actors::known_shape;
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

/// One `gap_analysis` row.
#[derive(sqlx::FromRow)]
struct GapAnalysisRow {
    id: String,
    alliance_id: String,
    strategic_objective_id: Option<String>,
    operational_objective_id: Option<String>,
    date: NaiveDate,
    #[sqlx(json)]
    positive_factors: Vec<String>,
    #[sqlx(json)]
    negative_factors: Vec<String>,
    decision: GapDecision,
    decision_note: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl TryFrom<GapAnalysisRow> for GapAnalysis {
    type Error = StoreError;

    fn try_from(row: GapAnalysisRow) -> StoreResult<GapAnalysis> {
        Ok(GapAnalysis {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: GapAnalysisDraft {
                objective: super::objective_ref(
                    row.strategic_objective_id,
                    row.operational_objective_id,
                )?,
                date: row.date,
                positive_factors: row.positive_factors,
                negative_factors: row.negative_factors,
                decision: row.decision,
                decision_note: row.decision_note,
            },
        })
    }
}

const COLUMNS: &str = "id, alliance_id, strategic_objective_id, operational_objective_id, \
     date, positive_factors, negative_factors, decision, decision_note, created_at, updated_at";

/// The gap analyses of one alliance, the latest first (then the last written first).
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<GapAnalysis>> {
    let rows: Vec<GapAnalysisRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM gap_analysis WHERE alliance_id = ? \
         ORDER BY date DESC, created_at DESC, rowid DESC"
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(GapAnalysis::try_from).collect()
}

/// One gap analysis; `NotFound(GapAnalysis)`.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<GapAnalysis> {
    known_shape(id, Entity::GapAnalysis)?;
    let row: Option<GapAnalysisRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM gap_analysis WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(GapAnalysis::try_from)
        .unwrap_or(Err(StoreError::NotFound(Entity::GapAnalysis)))
}

/// Inserts a whole, already-checked gap analysis with its id and dates.
pub(crate) async fn insert(conn: &mut SqliteConnection, record: &GapAnalysis) -> StoreResult<()> {
    let d = &record.draft;
    let (strategic, operational) = objective_columns(&d.objective);
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO gap_analysis ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )))
    .bind(&record.id)
    .bind(&record.alliance_id)
    .bind(strategic)
    .bind(operational)
    .bind(d.date)
    .bind(Json(&d.positive_factors))
    .bind(Json(&d.negative_factors))
    .bind(d.decision)
    .bind(&d.decision_note)
    .bind(record.created_at)
    .bind(record.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Rewrites a gap analysis's fields (not its id, alliance or creation).
pub(crate) async fn write(
    conn: &mut SqliteConnection,
    id: &str,
    d: &GapAnalysisDraft,
    updated_at: DateTime<Utc>,
) -> StoreResult<()> {
    let (strategic, operational) = objective_columns(&d.objective);
    let done = sqlx::query(
        "UPDATE gap_analysis SET strategic_objective_id = ?, operational_objective_id = ?, \
         date = ?, positive_factors = ?, negative_factors = ?, decision = ?, \
         decision_note = ?, updated_at = ? WHERE id = ?",
    )
    .bind(strategic)
    .bind(operational)
    .bind(d.date)
    .bind(Json(&d.positive_factors))
    .bind(Json(&d.negative_factors))
    .bind(d.decision)
    .bind(&d.decision_note)
    .bind(updated_at)
    .bind(id)
    .execute(conn)
    .await?;
    ensure_found(done, Entity::GapAnalysis)
}

impl Store {
    /// Records the analysis of an objective's gap with its decision (validated first:
    /// `GapAnalysisDraft::validated`). `NotFound(Alliance)`; `NotFound(StrategicObjective)`
    /// or `NotFound(OperationalObjective)` when the objective is not one of the
    /// alliance's.
    pub async fn add_gap_analysis(
        &self,
        alliance_id: &str,
        draft: &GapAnalysisDraft,
    ) -> StoreResult<GapAnalysis> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        ensure_objective(&mut tx, alliance_id, &draft.objective).await?;
        let now = Utc::now();
        let record = GapAnalysis {
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

    /// Rewrites a gap analysis under the rules of [`Store::add_gap_analysis`].
    /// `NotFound(GapAnalysis)`.
    pub async fn update_gap_analysis(
        &self,
        id: &str,
        draft: &GapAnalysisDraft,
    ) -> StoreResult<GapAnalysis> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        let old = get(&mut tx, id).await?;
        ensure_objective(&mut tx, &old.alliance_id, &draft.objective).await?;
        write(&mut tx, id, &draft, Utc::now()).await?;
        crate::alliances::touch(&mut tx, &old.alliance_id).await?;
        let stored = get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Deletes a gap analysis. `NotFound(GapAnalysis)`.
    pub async fn delete_gap_analysis(&self, id: &str) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let old = get(&mut tx, id).await?;
        sqlx::query("DELETE FROM gap_analysis WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        crate::alliances::touch(&mut tx, &old.alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }
}
