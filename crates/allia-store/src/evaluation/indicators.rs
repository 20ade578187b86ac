//! The indicators of an alliance (`indicator`), each measuring one objective, strategic
//! or operational (`strategic_objective_id` / `operational_objective_id`, exactly one
//! set). Positions count from 0 without gaps in the alliance: an indicator is added at
//! the end, and deleting one closes the gap in the same transaction. Deleting an
//! indicator deletes its measurements (foreign key, cascade).

use allia_core::evaluation::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, Indicator, IndicatorAggregation,
    IndicatorDirection, IndicatorDraft, IndicatorLevel,
};
use allia_core::ValidationErrors;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::{ensure_alliance, ensure_engaged_partner, ensure_objective, objective_columns};
use crate::actors::known_shape;
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

/// One `indicator` row.
#[derive(sqlx::FromRow)]
struct IndicatorRow {
    id: String,
    alliance_id: String,
    strategic_objective_id: Option<String>,
    operational_objective_id: Option<String>,
    name: String,
    level: IndicatorLevel,
    unit: String,
    direction: IndicatorDirection,
    aggregation: IndicatorAggregation,
    baseline_value: f64,
    baseline_date: NaiveDate,
    target_value: f64,
    target_date: NaiveDate,
    frequency: CollectionFrequency,
    owner_partner_id: Option<String>,
    owner_person: Option<String>,
    data_source: DataSourceKind,
    source_reference: Option<String>,
    method: AnalysisMethod,
    key_indicator: bool,
    position: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl TryFrom<IndicatorRow> for Indicator {
    type Error = StoreError;

    fn try_from(row: IndicatorRow) -> StoreResult<Indicator> {
        Ok(Indicator {
            id: row.id,
            alliance_id: row.alliance_id,
            position: u32::try_from(row.position).unwrap_or(u32::MAX),
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: IndicatorDraft {
                objective: super::objective_ref(
                    row.strategic_objective_id,
                    row.operational_objective_id,
                )?,
                name: row.name,
                level: row.level,
                unit: row.unit,
                direction: row.direction,
                aggregation: row.aggregation,
                baseline_value: row.baseline_value,
                baseline_date: row.baseline_date,
                target_value: row.target_value,
                target_date: row.target_date,
                frequency: row.frequency,
                owner_partner_id: row.owner_partner_id,
                owner_person: row.owner_person,
                data_source: row.data_source,
                source_reference: row.source_reference,
                method: row.method,
                key_indicator: row.key_indicator,
            },
        })
    }
}

const COLUMNS: &str = "id, alliance_id, strategic_objective_id, operational_objective_id, \
     name, level, unit, direction, aggregation, baseline_value, baseline_date, target_value, \
     target_date, frequency, owner_partner_id, owner_person, data_source, source_reference, \
     method, key_indicator, position, created_at, updated_at";

/// The indicators of one alliance in their order.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<Indicator>> {
    let rows: Vec<IndicatorRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM indicator WHERE alliance_id = ? ORDER BY position, rowid"
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(Indicator::try_from).collect()
}

/// One indicator; `NotFound(Indicator)`.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<Indicator> {
    known_shape(id, Entity::Indicator)?;
    let row: Option<IndicatorRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM indicator WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(Indicator::try_from)
        .unwrap_or(Err(StoreError::NotFound(Entity::Indicator)))
}

/// Indicator `id` when it belongs to `alliance_id`; `NotFound(Indicator)` otherwise (one
/// of another alliance is « not found » here).
pub(crate) async fn get_in(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    id: &str,
) -> StoreResult<Indicator> {
    let indicator = get(conn, id).await?;
    if indicator.alliance_id == alliance_id {
        Ok(indicator)
    } else {
        Err(StoreError::NotFound(Entity::Indicator))
    }
}

/// Inserts a whole, already-checked indicator with its id, position and dates (an
/// alliance file's, or a new one).
pub(crate) async fn insert(conn: &mut SqliteConnection, record: &Indicator) -> StoreResult<()> {
    let d = &record.draft;
    let (strategic, operational) = objective_columns(&d.objective);
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO indicator ({COLUMNS}) VALUES \
         (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )))
    .bind(&record.id)
    .bind(&record.alliance_id)
    .bind(strategic)
    .bind(operational)
    .bind(&d.name)
    .bind(d.level)
    .bind(&d.unit)
    .bind(d.direction)
    .bind(d.aggregation)
    .bind(d.baseline_value)
    .bind(d.baseline_date)
    .bind(d.target_value)
    .bind(d.target_date)
    .bind(d.frequency)
    .bind(&d.owner_partner_id)
    .bind(&d.owner_person)
    .bind(d.data_source)
    .bind(&d.source_reference)
    .bind(d.method)
    .bind(d.key_indicator)
    .bind(i64::from(record.position))
    .bind(record.created_at)
    .bind(record.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Rewrites an indicator's fields (not its id, alliance, position or creation): what an
/// edit and a re-import do.
pub(crate) async fn write(
    conn: &mut SqliteConnection,
    id: &str,
    d: &IndicatorDraft,
    updated_at: DateTime<Utc>,
) -> StoreResult<()> {
    let (strategic, operational) = objective_columns(&d.objective);
    let done = sqlx::query(
        "UPDATE indicator SET strategic_objective_id = ?, operational_objective_id = ?, \
         name = ?, level = ?, unit = ?, direction = ?, aggregation = ?, baseline_value = ?, \
         baseline_date = ?, target_value = ?, target_date = ?, frequency = ?, \
         owner_partner_id = ?, owner_person = ?, data_source = ?, source_reference = ?, \
         method = ?, key_indicator = ?, updated_at = ? WHERE id = ?",
    )
    .bind(strategic)
    .bind(operational)
    .bind(&d.name)
    .bind(d.level)
    .bind(&d.unit)
    .bind(d.direction)
    .bind(d.aggregation)
    .bind(d.baseline_value)
    .bind(d.baseline_date)
    .bind(d.target_value)
    .bind(d.target_date)
    .bind(d.frequency)
    .bind(&d.owner_partner_id)
    .bind(&d.owner_person)
    .bind(d.data_source)
    .bind(&d.source_reference)
    .bind(d.method)
    .bind(d.key_indicator)
    .bind(updated_at)
    .bind(id)
    .execute(conn)
    .await?;
    ensure_found(done, Entity::Indicator)
}

/// Checks what a validated draft names against the vault: its objective in the same
/// alliance, its responsible partner (when given, and other than `kept`, the one the
/// indicator already has) engaged in it. A partner who has left « Engagé » since stays
/// responsible until someone else is chosen.
pub(crate) async fn check_links(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    draft: &IndicatorDraft,
    kept: Option<&str>,
) -> StoreResult<()> {
    ensure_objective(conn, alliance_id, &draft.objective).await?;
    match draft.owner_partner_id.as_deref() {
        Some(partner_id) if Some(partner_id) != kept => {
            ensure_engaged_partner(conn, alliance_id, partner_id).await
        }
        _ => Ok(()),
    }
}

/// Renumbers the alliance's indicators 0 to n − 1 in their current order, touching only
/// the rows whose position changes.
pub(crate) async fn compact(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<()> {
    let ids: Vec<(String, i64)> = sqlx::query_as(
        "SELECT id, position FROM indicator WHERE alliance_id = ? ORDER BY position, rowid",
    )
    .bind(alliance_id)
    .fetch_all(&mut *conn)
    .await?;
    let now = Utc::now();
    for (position, (id, old)) in ids.iter().enumerate() {
        let position = position as i64;
        if *old == position {
            continue;
        }
        sqlx::query("UPDATE indicator SET position = ?, updated_at = ? WHERE id = ?")
            .bind(position)
            .bind(now)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// How many indicators the alliance has: the next one's position.
async fn count(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<u32> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM indicator WHERE alliance_id = ?")
        .bind(alliance_id)
        .fetch_one(conn)
        .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// How many measurements an indicator has.
async fn measurement_count(conn: &mut SqliteConnection, id: &str) -> StoreResult<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM measurement WHERE indicator_id = ?")
            .bind(id)
            .fetch_one(conn)
            .await?,
    )
}

impl Store {
    /// Adds an indicator at the end of the alliance's list (validated first:
    /// `IndicatorDraft::validated`). `NotFound(Alliance)`; `NotFound(StrategicObjective)`
    /// or `NotFound(OperationalObjective)` when its objective is not one of the
    /// alliance's; `NotFound(Partner)` when its responsible partner is not an engaged
    /// actor of the alliance.
    pub async fn add_indicator(
        &self,
        alliance_id: &str,
        draft: &IndicatorDraft,
    ) -> StoreResult<Indicator> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        check_links(&mut tx, alliance_id, &draft, None).await?;
        let now = Utc::now();
        let record = Indicator {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            position: count(&mut tx, alliance_id).await?,
            created_at: now,
            updated_at: now,
            draft,
        };
        insert(&mut tx, &record).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Rewrites an indicator under the rules of [`Store::add_indicator`] (its responsible
    /// partner, when unchanged, may have left « Engagé » since); its place and its
    /// measurements stay. A rate keeps numerators and denominators with each
    /// measurement: an indicator that already has measurements cannot become a rate (a
    /// field error on `aggregation`), and one that stops being a rate keeps the values
    /// of its measurements and drops their numerators and denominators.
    /// `NotFound(Indicator)`.
    pub async fn update_indicator(
        &self,
        id: &str,
        draft: &IndicatorDraft,
    ) -> StoreResult<Indicator> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        let old = get(&mut tx, id).await?;
        check_links(
            &mut tx,
            &old.alliance_id,
            &draft,
            old.draft.owner_partner_id.as_deref(),
        )
        .await?;
        let was_rate = old.draft.aggregation == IndicatorAggregation::Rate;
        let is_rate = draft.aggregation == IndicatorAggregation::Rate;
        if is_rate && !was_rate {
            let n = measurement_count(&mut tx, id).await?;
            if n > 0 {
                let mut errors = ValidationErrors::default();
                errors.push(
                    "aggregation",
                    format!(
                        "Cet indicateur a déjà {}\u{a0}: un taux se mesure avec un numérateur et un dénominateur à chaque mesure. Créez un nouvel indicateur pour le taux.",
                        if n == 1 { "une mesure".to_string() } else { format!("{n}\u{a0}mesures") }
                    ),
                );
                return Err(errors.into());
            }
        }
        if was_rate && !is_rate {
            sqlx::query(
                "UPDATE measurement SET numerator = NULL, denominator = NULL WHERE indicator_id = ?",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        write(&mut tx, id, &draft, Utc::now()).await?;
        crate::alliances::touch(&mut tx, &old.alliance_id).await?;
        let stored = get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Deletes an indicator and its measurements; the indicators after it move up.
    /// `NotFound(Indicator)`.
    pub async fn delete_indicator(&self, id: &str) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let old = get(&mut tx, id).await?;
        sqlx::query("DELETE FROM indicator WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        compact(&mut tx, &old.alliance_id).await?;
        crate::alliances::touch(&mut tx, &old.alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }
}
