//! The dated measurements of an alliance's indicators (`measurement`). Each is validated
//! with the aggregation of the indicator it measures (a rate's numerator and denominator,
//! allia-core's `MeasurementDraft::validated`), and goes with its indicator (foreign key,
//! cascade). An import of many measurements is one transaction: all of them or none.

use std::collections::HashMap;

use allia_core::evaluation::{IndicatorAggregation, Measurement, MeasurementDraft};
use allia_core::ValidationErrors;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::ensure_alliance;
use crate::actors::known_shape;
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

/// The field of [`Store::import_measurements`]'s errors that holds the draft at `index`
/// (from 0, the slice's order): `lines.<index>`, followed by the draft's own field
/// (`lines.3.denominator`).
pub const IMPORT_LINES_FIELD: &str = "lines";

/// One `measurement` row.
#[derive(sqlx::FromRow)]
struct MeasurementRow {
    id: String,
    alliance_id: String,
    indicator_id: String,
    date: NaiveDate,
    value: f64,
    numerator: Option<f64>,
    denominator: Option<f64>,
    comment: Option<String>,
    source: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<MeasurementRow> for Measurement {
    fn from(row: MeasurementRow) -> Measurement {
        Measurement {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: MeasurementDraft {
                indicator_id: row.indicator_id,
                date: row.date,
                value: row.value,
                numerator: row.numerator,
                denominator: row.denominator,
                comment: row.comment,
                source: row.source,
            },
        }
    }
}

const COLUMNS: &str = "id, alliance_id, indicator_id, date, value, numerator, denominator, \
     comment, source, created_at, updated_at";

/// Every measurement of one alliance, by date, then in the order they were written: one
/// query for all its indicators.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<Measurement>> {
    let rows: Vec<MeasurementRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM measurement WHERE alliance_id = ? ORDER BY date, created_at, rowid"
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Measurement::from).collect())
}

/// The measurements of one indicator, in [`list`]'s order (by date, then in the order
/// written): one query on the indicator's index.
pub(crate) async fn of_indicator(
    conn: &mut SqliteConnection,
    indicator_id: &str,
) -> StoreResult<Vec<Measurement>> {
    let rows: Vec<MeasurementRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM measurement WHERE indicator_id = ? ORDER BY date, created_at, rowid"
    )))
    .bind(indicator_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Measurement::from).collect())
}

/// The columns of a measurement that the status rule reads (`indicator_progress`): no
/// ids, dates of writing, comment or source, so that the overview's summary decodes five
/// columns per row instead of eleven.
#[derive(sqlx::FromRow)]
struct RuleRow {
    indicator_id: String,
    date: NaiveDate,
    value: f64,
    numerator: Option<f64>,
    denominator: Option<f64>,
}

/// Every measurement of one alliance as the status rule reads it, grouped by indicator
/// id, each group by date then in the order written (the order of [`list`]); `comment`
/// and `source` are left `None` (the rule does not read them). One query.
pub(crate) async fn rule_inputs(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<HashMap<String, Vec<MeasurementDraft>>> {
    let rows: Vec<RuleRow> = sqlx::query_as(
        "SELECT indicator_id, date, value, numerator, denominator FROM measurement \
         WHERE alliance_id = ? ORDER BY date, created_at, rowid",
    )
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    let mut by_indicator: HashMap<String, Vec<MeasurementDraft>> = HashMap::new();
    for row in rows {
        by_indicator
            .entry(row.indicator_id.clone())
            .or_default()
            .push(MeasurementDraft {
                indicator_id: row.indicator_id,
                date: row.date,
                value: row.value,
                numerator: row.numerator,
                denominator: row.denominator,
                comment: None,
                source: None,
            });
    }
    Ok(by_indicator)
}

/// One measurement; `NotFound(Measurement)`.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<Measurement> {
    known_shape(id, Entity::Measurement)?;
    let row: Option<MeasurementRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM measurement WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(Measurement::from)
        .ok_or(StoreError::NotFound(Entity::Measurement))
}

/// Inserts a whole, already-checked measurement with its id and dates.
pub(crate) async fn insert(conn: &mut SqliteConnection, record: &Measurement) -> StoreResult<()> {
    let d = &record.draft;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO measurement ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )))
    .bind(&record.id)
    .bind(&record.alliance_id)
    .bind(&d.indicator_id)
    .bind(d.date)
    .bind(d.value)
    .bind(d.numerator)
    .bind(d.denominator)
    .bind(&d.comment)
    .bind(&d.source)
    .bind(record.created_at)
    .bind(record.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Rewrites a measurement's fields (not its id, alliance or creation).
pub(crate) async fn write(
    conn: &mut SqliteConnection,
    id: &str,
    d: &MeasurementDraft,
    updated_at: DateTime<Utc>,
) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE measurement SET indicator_id = ?, date = ?, value = ?, numerator = ?, \
         denominator = ?, comment = ?, source = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&d.indicator_id)
    .bind(d.date)
    .bind(d.value)
    .bind(d.numerator)
    .bind(d.denominator)
    .bind(&d.comment)
    .bind(&d.source)
    .bind(updated_at)
    .bind(id)
    .execute(conn)
    .await?;
    ensure_found(done, Entity::Measurement)
}

/// Validates `draft` with the aggregation of its indicator, which must belong to
/// `alliance_id` (`NotFound(Indicator)` otherwise).
async fn validated_in(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    draft: &MeasurementDraft,
) -> StoreResult<MeasurementDraft> {
    let indicator = super::indicators::get_in(conn, alliance_id, &draft.indicator_id).await?;
    Ok(draft.validated(indicator.draft.aggregation)?)
}

/// The aggregation of each indicator of one alliance, by id.
async fn aggregations(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<HashMap<String, IndicatorAggregation>> {
    let rows: Vec<(String, IndicatorAggregation)> =
        sqlx::query_as("SELECT id, aggregation FROM indicator WHERE alliance_id = ?")
            .bind(alliance_id)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().collect())
}

impl Store {
    /// Records a measurement of one of the alliance's indicators, validated with that
    /// indicator's aggregation (`MeasurementDraft::validated`: a rate's value is computed
    /// from its numerator and denominator). `NotFound(Alliance)`; `NotFound(Indicator)`
    /// when the indicator is not one of the alliance's.
    pub async fn add_measurement(
        &self,
        alliance_id: &str,
        draft: &MeasurementDraft,
    ) -> StoreResult<Measurement> {
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let draft = validated_in(&mut tx, alliance_id, draft).await?;
        let now = Utc::now();
        let record = Measurement {
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

    /// Rewrites a measurement under the rules of [`Store::add_measurement`] (it may move
    /// to another indicator of the same alliance). `NotFound(Measurement)`.
    pub async fn update_measurement(
        &self,
        id: &str,
        draft: &MeasurementDraft,
    ) -> StoreResult<Measurement> {
        let mut tx = self.begin_write().await?;
        let old = get(&mut tx, id).await?;
        let draft = validated_in(&mut tx, &old.alliance_id, draft).await?;
        write(&mut tx, id, &draft, Utc::now()).await?;
        crate::alliances::touch(&mut tx, &old.alliance_id).await?;
        let stored = get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Deletes a measurement. `NotFound(Measurement)`.
    pub async fn delete_measurement(&self, id: &str) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let old = get(&mut tx, id).await?;
        sqlx::query("DELETE FROM measurement WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        crate::alliances::touch(&mut tx, &old.alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records many measurements at once (a CSV import), all or nothing, in one
    /// transaction; returns how many were stored (all of them).
    ///
    /// Every draft is checked before anything is written: one whose indicator is not
    /// one of the alliance's, or that fails `MeasurementDraft::validated` with its
    /// indicator's aggregation, makes the whole import fail with
    /// `StoreError::Validation`, listing every problem of every draft, each on the field
    /// `lines.<i>.<field>` — `i` the draft's index in `drafts` (from 0), `field` the
    /// draft's own (`indicatorId`, `date`, `value`, `numerator`, `denominator`,
    /// `comment`, `source`): `lines.0.indicatorId`, `lines.12.denominator`. Nothing is
    /// stored then. `NotFound(Alliance)`.
    pub async fn import_measurements(
        &self,
        alliance_id: &str,
        drafts: &[MeasurementDraft],
    ) -> StoreResult<usize> {
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let known = aggregations(&mut tx, alliance_id).await?;
        let mut errors = ValidationErrors::default();
        let mut valid = Vec::with_capacity(drafts.len());
        for (i, draft) in drafts.iter().enumerate() {
            let prefix = format!("{IMPORT_LINES_FIELD}.{i}");
            let Some(aggregation) = known.get(&draft.indicator_id) else {
                errors.push(
                    format!("{prefix}.indicatorId"),
                    "Cet indicateur n’existe pas dans cette alliance.",
                );
                continue;
            };
            match draft.validated(*aggregation) {
                Ok(d) => valid.push(d),
                Err(e) => errors.extend_prefixed(&prefix, e),
            }
        }
        if !errors.is_empty() {
            return Err(errors.into());
        }
        let now = Utc::now();
        for draft in valid {
            let record = Measurement {
                id: new_id(),
                alliance_id: alliance_id.to_string(),
                created_at: now,
                updated_at: now,
                draft,
            };
            insert(&mut tx, &record).await?;
        }
        if !drafts.is_empty() {
            crate::alliances::touch(&mut tx, alliance_id).await?;
        }
        tx.commit().await?;
        Ok(drafts.len())
    }
}
