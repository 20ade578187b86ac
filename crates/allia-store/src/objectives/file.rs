//! The objectives in the alliance file (allia-core's `FileObjectives`): read for the
//! export, stored for an import (each record under the id the import gives it, its
//! strategic objective and partners named by their stored ids), and merged by id for the
//! update of an alliance from a later file.

use std::collections::HashMap;

use allia_core::alliance_file::{FileObjectives, ObjectivesRecords};
use sqlx::SqliteConnection;

use super::{frame, gaps, operational, strategic};
use crate::error::StoreResult;
use crate::store::new_id;

/// The alliance's objectives as stored records, for the export.
pub(crate) async fn records(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<ObjectivesRecords> {
    let all = super::load(conn, alliance_id).await?;
    Ok(ObjectivesRecords {
        frame: all.frame,
        strategic: all.strategic,
        gaps: all.gaps,
        operational: all.operational,
    })
}

/// Every record id of the file's objectives with its table, parents first: what an
/// import asks an id for.
pub(crate) fn record_ids(file: &FileObjectives) -> Vec<(&'static str, &str)> {
    let mut ids = Vec::new();
    if let Some(f) = &file.frame {
        ids.push(("objectives_frame", f.id.as_str()));
    }
    ids.extend(
        file.strategic
            .iter()
            .map(|s| ("strategic_objective", s.id.as_str())),
    );
    ids.extend(file.gaps.iter().map(|g| ("strategic_gap", g.id.as_str())));
    ids.extend(
        file.operational
            .iter()
            .map(|o| ("operational_objective", o.id.as_str())),
    );
    ids
}

/// The stored id of a file id: `ids` holds those stored under another id.
fn mapped(ids: &HashMap<String, String>, id: &str) -> String {
    ids.get(id).cloned().unwrap_or_else(|| id.to_string())
}

fn partner(partners: Option<&HashMap<&str, String>>, id: &str) -> String {
    partners
        .and_then(|m| m.get(id))
        .cloned()
        .unwrap_or_else(|| id.to_string())
}

/// Stores a validated file's objectives in the new alliance `alliance_id` (its actors
/// stored already): each record under its id mapped by `ids` (file id → stored id, for
/// those stored under another), its strategic objective by `ids` too, its partners by
/// `partners`.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    file: &FileObjectives,
    ids: &HashMap<String, String>,
    partners: Option<&HashMap<&str, String>>,
) -> StoreResult<()> {
    let records = remapped(file.records(alliance_id), ids, partners);
    if let Some(f) = &records.frame {
        frame::put(conn, f).await?;
    }
    for s in &records.strategic {
        strategic::insert(conn, s).await?;
    }
    for g in &records.gaps {
        gaps::insert(conn, g).await?;
    }
    for o in &records.operational {
        operational::insert(conn, o).await?;
    }
    Ok(())
}

/// The records with every id and reference passed through the maps.
fn remapped(
    mut records: ObjectivesRecords,
    ids: &HashMap<String, String>,
    partners: Option<&HashMap<&str, String>>,
) -> ObjectivesRecords {
    if let Some(f) = records.frame.as_mut() {
        f.id = mapped(ids, &f.id);
    }
    for s in &mut records.strategic {
        s.id = mapped(ids, &s.id);
    }
    for g in &mut records.gaps {
        g.id = mapped(ids, &g.id);
        g.draft.strategic_objective_id = mapped(ids, &g.draft.strategic_objective_id);
        g.draft.partner_id = partner(partners, &g.draft.partner_id);
    }
    for o in &mut records.operational {
        o.id = mapped(ids, &o.id);
        o.draft.strategic_objective_id = mapped(ids, &o.draft.strategic_objective_id);
        o.draft.partner_ids = o
            .draft
            .partner_ids
            .iter()
            .map(|p| partner(partners, p))
            .collect();
        o.draft.owner_partner_id = o
            .draft
            .owner_partner_id
            .as_deref()
            .map(|p| partner(partners, p));
    }
    records
}

/// The alliance that holds `id` in `table`, if any.
async fn owner(conn: &mut SqliteConnection, table: &str, id: &str) -> StoreResult<Option<String>> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT alliance_id FROM {table} WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Updates alliance `alliance_id` from a later file's objectives, records matched by id:
/// the file's frame replaces the vault's (which keeps its id); each strategic objective,
/// gap and operational objective of the file is rewritten when the alliance has it and
/// added otherwise (under a new id when its id is another alliance's). Records the file
/// lacks are kept (as documents are: deleting one could orphan its indicators, which the
/// person decides in the app); the file's strategic objectives come first in its order,
/// the vault's others after them, and the operational objectives under each are
/// renumbered the same way. Returns the file id → stored id of the objectives stored
/// under another id (for the evaluation's indicators), and whether anything changed
/// (`stored`: the vault's objectives as exported before, compared with `incoming`).
pub(crate) async fn update(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    stored: Option<&FileObjectives>,
    incoming: &FileObjectives,
    partners: Option<&HashMap<&str, String>>,
) -> StoreResult<(HashMap<String, String>, bool)> {
    let mut ids: HashMap<String, String> = HashMap::new();
    if stored == Some(incoming) {
        return Ok((ids, false));
    }
    // Which file records the alliance has already; the others get a free id.
    let mut existing: Vec<String> = Vec::new();
    for (table, id) in record_ids(incoming) {
        match owner(conn, table, id).await? {
            Some(a) if a == alliance_id => existing.push(id.to_string()),
            Some(_) => {
                ids.insert(id.to_string(), new_id());
            }
            None => {}
        }
    }
    let records = remapped(incoming.records(alliance_id), &ids, partners);
    if let Some(f) = &records.frame {
        // One frame per alliance: the vault's keeps its id.
        let id = frame::get(conn, alliance_id)
            .await?
            .map_or_else(|| f.id.clone(), |kept| kept.id);
        frame::put(
            conn,
            &allia_core::objectives::ObjectivesFrame { id, ..f.clone() },
        )
        .await?;
    }
    let before: Vec<String> = strategic::list(conn, alliance_id)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    for s in &records.strategic {
        if existing.contains(&s.id) {
            strategic::update_fields(conn, &s.id, &s.draft, s.updated_at).await?;
        } else {
            strategic::insert(conn, s).await?;
        }
    }
    let mut order: Vec<String> = records.strategic.iter().map(|s| s.id.clone()).collect();
    let others: Vec<String> = before
        .into_iter()
        .filter(|id| !order.contains(id))
        .collect();
    order.extend(others);
    strategic::renumber(conn, &order).await?;
    for g in &records.gaps {
        if existing.contains(&g.id) {
            gaps::update_fields(conn, &g.id, &g.draft, g.updated_at).await?;
        } else {
            gaps::insert(conn, g).await?;
        }
    }
    // Each file's operational objective at its place, the vault's others after them.
    for o in &records.operational {
        if existing.contains(&o.id) {
            operational::update_fields(conn, &o.id, &o.draft, o.position, o.updated_at).await?;
        } else {
            operational::insert(conn, o).await?;
        }
    }
    let file_ids: Vec<&str> = records.operational.iter().map(|o| o.id.as_str()).collect();
    for parent in &order {
        let under: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM operational_objective WHERE strategic_objective_id = ? \
             ORDER BY position, rowid",
        )
        .bind(parent)
        .fetch_all(&mut *conn)
        .await?;
        let (mut first, others): (Vec<String>, Vec<String>) = under
            .into_iter()
            .partition(|id| file_ids.contains(&id.as_str()));
        first.sort_by_key(|id| file_ids.iter().position(|f| f == id));
        first.extend(others);
        for (position, id) in first.iter().enumerate() {
            sqlx::query(
                "UPDATE operational_objective SET position = ? WHERE id = ? AND position <> ?",
            )
            .bind(u32::try_from(position).unwrap_or(u32::MAX))
            .bind(id)
            .bind(u32::try_from(position).unwrap_or(u32::MAX))
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok((ids, true))
}
