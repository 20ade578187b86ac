//! The evaluation of an alliance (allia-core's `evaluation`; guide section 4,
//! « Évaluation continue de l’impact »):
//!
//! - `frame`: the purposes and evaluative questions, one `evaluation_frame` row per
//!   alliance;
//! - `indicators`: the `indicator` rows, each measuring one objective (strategic or
//!   operational), with positions dense from 0 in the alliance;
//! - `measurements`: the dated `measurement` rows of an indicator, one at a time or a
//!   whole import in one transaction;
//! - `gap_analyses`: the `gap_analysis` rows of an objective with their decision.
//!
//! Every change is validated by allia-core first, then checked against the vault in the
//! same transaction: the objective an indicator or a gap analysis names exists in the
//! same alliance, an indicator's responsible partner is an engaged actor of it, a
//! measurement's indicator belongs to it. Each aggregate also has connection-level
//! `pub(crate)` functions taking and giving whole records (ids and dates kept), for the
//! alliance file's export and import.

use std::collections::HashMap;

use allia_core::evaluation::{
    combined_series, indicator_progress, EvaluationOverview, IndicatorView,
};
use allia_core::objectives::{ObjectiveLevel, ObjectiveRef};
use allia_core::partner::is_partner;
use allia_core::validation::is_record_id;
use chrono::NaiveDate;
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::Store;

pub(crate) mod file;
pub(crate) mod frame;
pub(crate) mod gap_analyses;
pub(crate) mod indicators;
pub(crate) mod measurements;
pub(crate) mod scale;

pub use measurements::IMPORT_LINES_FIELD;

/// The two objective columns of a row (`strategic_objective_id`,
/// `operational_objective_id`) for an objective reference: exactly one is set.
pub(crate) fn objective_columns(objective: &ObjectiveRef) -> (Option<&str>, Option<&str>) {
    match objective.level {
        ObjectiveLevel::Strategic => (Some(objective.id.as_str()), None),
        ObjectiveLevel::Operational => (None, Some(objective.id.as_str())),
    }
}

/// The objective reference of a row's two objective columns; a row with neither (the
/// table's check forbids it) is damaged data.
pub(crate) fn objective_ref(
    strategic: Option<String>,
    operational: Option<String>,
) -> StoreResult<ObjectiveRef> {
    match (strategic, operational) {
        (Some(id), None) => Ok(ObjectiveRef {
            level: ObjectiveLevel::Strategic,
            id,
        }),
        (None, Some(id)) => Ok(ObjectiveRef {
            level: ObjectiveLevel::Operational,
            id,
        }),
        _ => Err(StoreError::CorruptData(
            "a record of the evaluation names no objective, or two".into(),
        )),
    }
}

/// `Ok` when `objective` exists in `alliance_id`; `NotFound(StrategicObjective)` or
/// `NotFound(OperationalObjective)` otherwise (one of another alliance is « not found »
/// here).
pub(crate) async fn ensure_objective(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    objective: &ObjectiveRef,
) -> StoreResult<()> {
    let (table, entity) = match objective.level {
        ObjectiveLevel::Strategic => ("strategic_objective", Entity::StrategicObjective),
        ObjectiveLevel::Operational => ("operational_objective", Entity::OperationalObjective),
    };
    if !is_record_id(&objective.id) {
        return Err(StoreError::NotFound(entity));
    }
    let found: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT 1 FROM {table} WHERE id = ? AND alliance_id = ?"
    )))
    .bind(&objective.id)
    .bind(alliance_id)
    .fetch_optional(conn)
    .await?;
    found.map(|_| ()).ok_or(StoreError::NotFound(entity))
}

/// `Ok` when `partner_id` is a partner of `alliance_id` (an actor at « Engagé »,
/// allia-core's `is_partner`); `NotFound(Partner)` otherwise: a candidate of the
/// register is not responsible for an indicator.
pub(crate) async fn ensure_engaged_partner(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    partner_id: &str,
) -> StoreResult<()> {
    let actor = crate::actors::actor_of(conn, alliance_id, partner_id).await?;
    if is_partner(&actor.draft) {
        Ok(())
    } else {
        Err(StoreError::NotFound(Entity::Partner))
    }
}

/// `NotFound(Alliance)` for an id not shaped like the vault's or not stored.
pub(crate) async fn ensure_alliance(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<()> {
    if !is_record_id(alliance_id) {
        return Err(StoreError::NotFound(Entity::Alliance));
    }
    crate::alliances::ensure_exists(conn, alliance_id).await
}

/// The whole evaluation of an alliance whose existence was checked, as of `today`: one
/// query per table, whatever the number of indicators.
pub(crate) async fn overview(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    today: NaiveDate,
) -> StoreResult<EvaluationOverview> {
    let frame = frame::get(conn, alliance_id)
        .await?
        .map(|f| f.draft)
        .unwrap_or_default();
    let indicators = indicators::list(conn, alliance_id).await?;
    let mut by_indicator: HashMap<String, Vec<allia_core::evaluation::Measurement>> =
        HashMap::with_capacity(indicators.len());
    for m in measurements::list(conn, alliance_id).await? {
        by_indicator
            .entry(m.draft.indicator_id.clone())
            .or_default()
            .push(m);
    }
    let views = indicators
        .into_iter()
        .map(|indicator| {
            let measurements = by_indicator.remove(&indicator.id).unwrap_or_default();
            let drafts: Vec<_> = measurements.iter().map(|m| m.draft.clone()).collect();
            let progress = indicator_progress(&indicator.draft, &drafts, today);
            let series = combined_series(&indicator.draft, &drafts, today);
            IndicatorView {
                indicator,
                measurements,
                progress,
                series,
            }
        })
        .collect();
    let gap_analyses = gap_analyses::list(conn, alliance_id).await?;
    Ok(EvaluationOverview {
        frame,
        indicators: views,
        gap_analyses,
    })
}

/// The evaluation of an alliance whose existence was checked, as of `today`, as the
/// overview screen shows it: each indicator's progress computed from all its
/// measurements, but its `measurements` and `series` left empty (3 600 measurements are
/// read as five columns each, not built into records, and no chart line is computed).
pub(crate) async fn summary(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    today: NaiveDate,
) -> StoreResult<EvaluationOverview> {
    let frame = frame::get(conn, alliance_id)
        .await?
        .map(|f| f.draft)
        .unwrap_or_default();
    let indicators = indicators::list(conn, alliance_id).await?;
    let mut by_indicator = measurements::rule_inputs(conn, alliance_id).await?;
    let views = indicators
        .into_iter()
        .map(|indicator| {
            let drafts = by_indicator.remove(&indicator.id).unwrap_or_default();
            let progress = indicator_progress(&indicator.draft, &drafts, today);
            IndicatorView {
                indicator,
                measurements: Vec::new(),
                progress,
                series: Vec::new(),
            }
        })
        .collect();
    let gap_analyses = gap_analyses::list(conn, alliance_id).await?;
    Ok(EvaluationOverview {
        frame,
        indicators: views,
        gap_analyses,
    })
}

impl Store {
    /// The whole of an alliance's evaluation as of `today` (the person's local date):
    /// its frame (an empty one until saved), its indicators in their order, each with
    /// its measurements by date (then as they were written) and its progress
    /// (allia-core's `indicator_progress`), and its gap analyses, the latest first.
    /// `NotFound(Alliance)`.
    pub async fn evaluation_overview(
        &self,
        alliance_id: &str,
        today: NaiveDate,
    ) -> StoreResult<EvaluationOverview> {
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let overview = overview(&mut tx, alliance_id, today).await?;
        tx.commit().await?;
        Ok(overview)
    }

    /// [`Store::evaluation_overview`] without the measurements and the chart lines: each
    /// indicator's `progress` is the same (allia-core's `indicator_progress` over all its
    /// measurements), its `measurements` and `series` are empty. What « Vue d’ensemble »
    /// shows, read without building a record per measurement. `NotFound(Alliance)`.
    pub async fn evaluation_summary(
        &self,
        alliance_id: &str,
        today: NaiveDate,
    ) -> StoreResult<EvaluationOverview> {
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let summary = summary(&mut tx, alliance_id, today).await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// One indicator of the alliance as [`Store::evaluation_overview`] shows it (its
    /// measurements by date, its progress and its chart line as of `today`), reading that
    /// indicator's measurements only. `NotFound(Alliance)`, `NotFound(Indicator)` for an
    /// indicator that is not the alliance's.
    pub async fn evaluation_indicator(
        &self,
        alliance_id: &str,
        indicator_id: &str,
        today: NaiveDate,
    ) -> StoreResult<IndicatorView> {
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let indicator = indicators::get_in(&mut tx, alliance_id, indicator_id).await?;
        let measurements = measurements::of_indicator(&mut tx, indicator_id).await?;
        tx.commit().await?;
        let drafts: Vec<_> = measurements.iter().map(|m| m.draft.clone()).collect();
        let progress = indicator_progress(&indicator.draft, &drafts, today);
        let series = combined_series(&indicator.draft, &drafts, today);
        Ok(IndicatorView {
            indicator,
            measurements,
            progress,
            series,
        })
    }
}
