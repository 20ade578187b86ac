//! The evaluation in the alliance file (allia-core's `FileEvaluation`): read whole for
//! an export, stored whole for an import, merged by id for an update from a later file
//! of the same alliance.

use std::collections::HashMap;

use allia_core::alliance_file::FileEvaluation;
use allia_core::evaluation::EvaluationFrame;
use allia_core::objectives::ObjectiveRef;
use sqlx::SqliteConnection;

use super::{frame, gap_analyses, indicators, measurements};
use crate::error::StoreResult;
use crate::store::new_id;

/// The alliance's evaluation as the file carries it; `None` when it has none.
pub(crate) async fn export(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Option<FileEvaluation>> {
    let frame = frame::get(conn, alliance_id).await?;
    let indicators = indicators::list(conn, alliance_id).await?;
    let measurements = measurements::list(conn, alliance_id).await?;
    let gap_analyses = gap_analyses::list(conn, alliance_id).await?;
    Ok(FileEvaluation::of(
        frame.as_ref(),
        &indicators,
        &measurements,
        &gap_analyses,
    ))
}

/// Each record of a file's evaluation with its table: the ids an import chooses (the
/// file's, or new ones).
pub(crate) fn record_ids(evaluation: &FileEvaluation) -> Vec<(&'static str, &str)> {
    let mut ids = Vec::new();
    if let Some(f) = &evaluation.frame {
        ids.push(("evaluation_frame", f.id.as_str()));
    }
    ids.extend(
        evaluation
            .indicators
            .iter()
            .map(|i| ("indicator", i.id.as_str())),
    );
    ids.extend(
        evaluation
            .measurements
            .iter()
            .map(|m| ("measurement", m.id.as_str())),
    );
    ids.extend(
        evaluation
            .gap_analyses
            .iter()
            .map(|g| ("gap_analysis", g.id.as_str())),
    );
    ids
}

/// How the ids of a file become the vault's: each map holds the file's id → the stored
/// one, for the records stored under another id; an id it lacks is kept.
#[derive(Default)]
pub(crate) struct IdMaps<'a> {
    /// The evaluation's own records ([`record_ids`]).
    pub records: HashMap<String, String>,
    /// The file's actors.
    pub partners: Option<&'a HashMap<&'a str, String>>,
    /// The file's objectives, strategic and operational.
    pub objectives: HashMap<String, String>,
}

impl IdMaps<'_> {
    fn record(&self, id: &str) -> String {
        self.records
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    fn partner(&self, id: &str) -> String {
        self.partners
            .and_then(|m| m.get(id))
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    fn objective(&self, objective: &ObjectiveRef) -> ObjectiveRef {
        ObjectiveRef {
            level: objective.level,
            id: self
                .objectives
                .get(&objective.id)
                .cloned()
                .unwrap_or_else(|| objective.id.clone()),
        }
    }
}

/// Stores a validated file's evaluation in `alliance_id`, an alliance being imported
/// (its objectives and actors already stored), every id passed through `ids`.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    evaluation: &FileEvaluation,
    ids: &IdMaps<'_>,
) -> StoreResult<()> {
    if let Some(mut f) = evaluation.frame_record(alliance_id) {
        f.id = ids.record(&f.id);
        frame::put(conn, &f).await?;
    }
    for indicator in &evaluation.indicators {
        let mut record = indicator.record(alliance_id);
        record.id = ids.record(&record.id);
        record.draft.objective = ids.objective(&record.draft.objective);
        record.draft.owner_partner_id = record.draft.owner_partner_id.map(|p| ids.partner(&p));
        indicators::insert(conn, &record).await?;
    }
    for measurement in &evaluation.measurements {
        let mut record = measurement.record(alliance_id);
        record.id = ids.record(&record.id);
        record.draft.indicator_id = ids.record(&record.draft.indicator_id);
        measurements::insert(conn, &record).await?;
    }
    for gap in &evaluation.gap_analyses {
        let mut record = gap.record(alliance_id);
        record.id = ids.record(&record.id);
        record.draft.objective = ids.objective(&record.draft.objective);
        gap_analyses::insert(conn, &record).await?;
    }
    Ok(())
}

/// Where the row `id` of `table` is: `None` when no row has it, else its alliance.
async fn owner(conn: &mut SqliteConnection, table: &str, id: &str) -> StoreResult<Option<String>> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT alliance_id FROM {table} WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// What an update does with one record of the file.
enum Upsert {
    /// The alliance has it: rewrite it.
    Update(String),
    /// Nobody has the id, or another alliance does (then a new id): add it.
    Insert(String),
}

async fn upsert_id(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    table: &str,
    id: &str,
) -> StoreResult<Upsert> {
    Ok(match owner(conn, table, id).await? {
        Some(a) if a == alliance_id => Upsert::Update(id.to_string()),
        Some(_) => Upsert::Insert(new_id()),
        None => Upsert::Insert(id.to_string()),
    })
}

/// Updates alliance `alliance_id` from a later file's evaluation, records matched by
/// id: the file's frame replaces the vault's (which keeps its id), each indicator,
/// measurement and gap analysis of the file is rewritten when the alliance has it and
/// added otherwise (under a new id when its id is another alliance's). Records the file
/// lacks are kept (as documents are); the file's indicators come first in the file's
/// order, the vault's others after them. Returns whether anything changed (`stored`:
/// the vault's evaluation as exported before the update, compared with `incoming`).
pub(crate) async fn update(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    stored: Option<&FileEvaluation>,
    incoming: &FileEvaluation,
    partners: Option<&HashMap<&str, String>>,
    objectives: HashMap<String, String>,
) -> StoreResult<bool> {
    if same_records(stored, incoming) {
        return Ok(false);
    }
    let mut ids = IdMaps {
        records: HashMap::new(),
        partners,
        objectives,
    };
    if let Some(record) = incoming.frame_record(alliance_id) {
        // The vault's frame keeps its id (one per alliance); a new one takes a free id.
        let id = match upsert_id(conn, alliance_id, "evaluation_frame", &record.id).await? {
            Upsert::Update(id) | Upsert::Insert(id) => id,
        };
        frame::put(conn, &EvaluationFrame { id, ..record }).await?;
    }
    let stored_order: Vec<String> = indicators::list(conn, alliance_id)
        .await?
        .into_iter()
        .map(|i| i.id)
        .collect();
    let mut file_order = Vec::with_capacity(incoming.indicators.len());
    for indicator in &incoming.indicators {
        let mut record = indicator.record(alliance_id);
        record.draft.objective = ids.objective(&record.draft.objective);
        record.draft.owner_partner_id = record.draft.owner_partner_id.map(|p| ids.partner(&p));
        match upsert_id(conn, alliance_id, "indicator", &indicator.id).await? {
            Upsert::Update(id) => {
                indicators::write(conn, &id, &record.draft, record.updated_at).await?;
                file_order.push(id);
            }
            Upsert::Insert(id) => {
                ids.records.insert(indicator.id.clone(), id.clone());
                record.id = id.clone();
                // Placed after every stored one for now; renumbered below.
                record.position =
                    u32::try_from(stored_order.len() + file_order.len()).unwrap_or(u32::MAX);
                indicators::insert(conn, &record).await?;
                file_order.push(id);
            }
        }
    }
    let order: Vec<String> = file_order
        .iter()
        .cloned()
        .chain(
            stored_order
                .into_iter()
                .filter(|id| !file_order.contains(id)),
        )
        .collect();
    for (position, id) in order.iter().enumerate() {
        sqlx::query("UPDATE indicator SET position = ? WHERE id = ? AND position <> ?")
            .bind(position as i64)
            .bind(id)
            .bind(position as i64)
            .execute(&mut *conn)
            .await?;
    }
    for measurement in &incoming.measurements {
        let mut record = measurement.record(alliance_id);
        record.draft.indicator_id = ids.record(&record.draft.indicator_id);
        match upsert_id(conn, alliance_id, "measurement", &measurement.id).await? {
            Upsert::Update(id) => {
                measurements::write(conn, &id, &record.draft, record.updated_at).await?;
            }
            Upsert::Insert(id) => {
                record.id = id;
                measurements::insert(conn, &record).await?;
            }
        }
    }
    for gap in &incoming.gap_analyses {
        let mut record = gap.record(alliance_id);
        record.draft.objective = ids.objective(&record.draft.objective);
        match upsert_id(conn, alliance_id, "gap_analysis", &gap.id).await? {
            Upsert::Update(id) => {
                gap_analyses::write(conn, &id, &record.draft, record.updated_at).await?;
            }
            Upsert::Insert(id) => {
                record.id = id;
                gap_analyses::insert(conn, &record).await?;
            }
        }
    }
    Ok(true)
}

/// Whether the file brings nothing the vault lacks: the same records, dates aside.
fn same_records(stored: Option<&FileEvaluation>, incoming: &FileEvaluation) -> bool {
    let Some(stored) = stored else {
        return false;
    };
    let undated = |e: &FileEvaluation| {
        let mut e = e.clone();
        let epoch = chrono::DateTime::<chrono::Utc>::UNIX_EPOCH;
        if let Some(f) = e.frame.as_mut() {
            f.id.clear();
            (f.created_at, f.updated_at) = (epoch, epoch);
        }
        for i in &mut e.indicators {
            (i.created_at, i.updated_at) = (epoch, epoch);
        }
        for m in &mut e.measurements {
            (m.created_at, m.updated_at) = (epoch, epoch);
        }
        for g in &mut e.gap_analyses {
            (g.created_at, g.updated_at) = (epoch, epoch);
        }
        e
    };
    undated(stored) == undated(incoming)
}
