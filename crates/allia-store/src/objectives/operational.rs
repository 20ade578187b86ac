//! The operational objectives (`operational_objective`) under their strategic objective,
//! positions from 0 without gaps under each, with the partners they concern
//! (`operational_objective_partner`, in the order chosen). A link to a partner goes with
//! the partner (cascade); the responsible partner, deleted, leaves the objective without
//! one (SET NULL).

use std::collections::HashMap;

use allia_core::objectives::records::OBJECTIVES_MAX;
use allia_core::objectives::{
    CooperationDimension, OperationalObjective, OperationalObjectiveDraft,
};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

use super::strategic::too_many;
use super::{ensure_alliance, ensure_partners, strategic, unique};
use crate::actors::known_shape;
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

/// One `operational_objective` row (its partners are read apart).
#[derive(sqlx::FromRow)]
struct OperationalRow {
    id: String,
    alliance_id: String,
    strategic_objective_id: String,
    wording: String,
    dimension: CooperationDimension,
    custom_dimension: Option<String>,
    baseline_value: Option<f64>,
    target_value: Option<f64>,
    unit: Option<String>,
    scope: Option<String>,
    owner_partner_id: Option<String>,
    owner_person: Option<String>,
    start_date: Option<NaiveDate>,
    due_date: Option<NaiveDate>,
    position: u32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl OperationalRow {
    fn into_record(self, partner_ids: Vec<String>) -> OperationalObjective {
        OperationalObjective {
            id: self.id,
            alliance_id: self.alliance_id,
            position: self.position,
            created_at: self.created_at,
            updated_at: self.updated_at,
            draft: OperationalObjectiveDraft {
                strategic_objective_id: self.strategic_objective_id,
                wording: self.wording,
                dimension: self.dimension,
                custom_dimension: self.custom_dimension,
                partner_ids,
                baseline_value: self.baseline_value,
                target_value: self.target_value,
                unit: self.unit,
                scope: self.scope,
                owner_partner_id: self.owner_partner_id,
                owner_person: self.owner_person,
                start_date: self.start_date,
                due_date: self.due_date,
            },
        }
    }
}

const COLUMNS: &str = "o.id, o.alliance_id, o.strategic_objective_id, o.wording, o.dimension, \
     o.custom_dimension, o.baseline_value, o.target_value, o.unit, o.scope, o.owner_partner_id, \
     o.owner_person, o.start_date, o.due_date, o.position, o.created_at, o.updated_at";

/// The alliance's operational objectives in the order of their strategic objectives,
/// then by position under each; two queries (the objectives, their partners).
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<OperationalObjective>> {
    let rows: Vec<OperationalRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM operational_objective o \
         JOIN strategic_objective s ON s.id = o.strategic_objective_id \
         WHERE o.alliance_id = ? ORDER BY s.position, s.rowid, o.position, o.rowid"
    )))
    .bind(alliance_id)
    .fetch_all(&mut *conn)
    .await?;
    let links: Vec<(String, String)> = sqlx::query_as(
        "SELECT l.operational_objective_id, l.partner_id FROM operational_objective_partner l \
         JOIN operational_objective o ON o.id = l.operational_objective_id \
         WHERE o.alliance_id = ? ORDER BY l.operational_objective_id, l.position",
    )
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    let mut partners: HashMap<String, Vec<String>> = HashMap::new();
    for (objective, partner) in links {
        partners.entry(objective).or_default().push(partner);
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let ids = partners.remove(&row.id).unwrap_or_default();
            row.into_record(ids)
        })
        .collect())
}

/// One operational objective with its partners; `NotFound(OperationalObjective)`.
pub(crate) async fn get(
    conn: &mut SqliteConnection,
    id: &str,
) -> StoreResult<OperationalObjective> {
    known_shape(id, Entity::OperationalObjective)?;
    let row: Option<OperationalRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM operational_objective o WHERE o.id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let row = row.ok_or(StoreError::NotFound(Entity::OperationalObjective))?;
    let partner_ids: Vec<String> = sqlx::query_scalar(
        "SELECT partner_id FROM operational_objective_partner \
         WHERE operational_objective_id = ? ORDER BY position",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(row.into_record(partner_ids))
}

/// The operational objective `id` when it belongs to `alliance_id`;
/// `NotFound(OperationalObjective)` otherwise.
pub(crate) async fn of_alliance(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    id: &str,
) -> StoreResult<OperationalObjective> {
    let found = get(conn, id).await?;
    if found.alliance_id == alliance_id {
        Ok(found)
    } else {
        Err(StoreError::NotFound(Entity::OperationalObjective))
    }
}

/// Replaces the objective's partner links by `partner_ids`, in their order.
async fn write_partners(
    conn: &mut SqliteConnection,
    id: &str,
    partner_ids: &[String],
) -> StoreResult<()> {
    sqlx::query("DELETE FROM operational_objective_partner WHERE operational_objective_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (position, partner) in unique(partner_ids.iter().map(String::as_str))
        .into_iter()
        .enumerate()
    {
        sqlx::query(
            "INSERT INTO operational_objective_partner (operational_objective_id, partner_id, \
             position) VALUES (?, ?, ?)",
        )
        .bind(id)
        .bind(partner)
        .bind(u32::try_from(position).unwrap_or(u32::MAX))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Inserts a whole, already-checked operational objective with its id, position, dates
/// and partner links.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    record: &OperationalObjective,
) -> StoreResult<()> {
    let d = &record.draft;
    sqlx::query(
        "INSERT INTO operational_objective (id, alliance_id, strategic_objective_id, wording, \
         dimension, custom_dimension, baseline_value, target_value, unit, scope, \
         owner_partner_id, owner_person, start_date, due_date, position, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&record.id)
    .bind(&record.alliance_id)
    .bind(&d.strategic_objective_id)
    .bind(&d.wording)
    .bind(d.dimension)
    .bind(&d.custom_dimension)
    .bind(d.baseline_value)
    .bind(d.target_value)
    .bind(&d.unit)
    .bind(&d.scope)
    .bind(&d.owner_partner_id)
    .bind(&d.owner_person)
    .bind(d.start_date)
    .bind(d.due_date)
    .bind(record.position)
    .bind(record.created_at)
    .bind(record.updated_at)
    .execute(&mut *conn)
    .await?;
    write_partners(conn, &record.id, &d.partner_ids).await
}

/// Rewrites an already-checked objective's fields and partners, its parent and place
/// included, with `updated_at`.
pub(crate) async fn update_fields(
    conn: &mut SqliteConnection,
    id: &str,
    draft: &OperationalObjectiveDraft,
    position: u32,
    updated_at: DateTime<Utc>,
) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE operational_objective SET strategic_objective_id = ?, wording = ?, \
         dimension = ?, custom_dimension = ?, baseline_value = ?, target_value = ?, unit = ?, \
         scope = ?, owner_partner_id = ?, owner_person = ?, start_date = ?, due_date = ?, \
         position = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&draft.strategic_objective_id)
    .bind(&draft.wording)
    .bind(draft.dimension)
    .bind(&draft.custom_dimension)
    .bind(draft.baseline_value)
    .bind(draft.target_value)
    .bind(&draft.unit)
    .bind(&draft.scope)
    .bind(&draft.owner_partner_id)
    .bind(&draft.owner_person)
    .bind(draft.start_date)
    .bind(draft.due_date)
    .bind(position)
    .bind(updated_at)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    ensure_found(done, Entity::OperationalObjective)?;
    write_partners(conn, id, &draft.partner_ids).await
}

/// How many operational objectives a strategic objective has (other than `except`).
async fn count_under(
    conn: &mut SqliteConnection,
    strategic_id: &str,
    except: Option<&str>,
) -> StoreResult<usize> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM operational_objective WHERE strategic_objective_id = ? \
         AND id IS NOT ?",
    )
    .bind(strategic_id)
    .bind(except)
    .fetch_one(conn)
    .await?;
    Ok(usize::try_from(count).unwrap_or(usize::MAX))
}

/// Renumbers the operational objectives under a strategic objective 0 to n − 1 in their
/// current order (after one left).
pub(crate) async fn compact(conn: &mut SqliteConnection, strategic_id: &str) -> StoreResult<()> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM operational_objective WHERE strategic_objective_id = ? \
         ORDER BY position, rowid",
    )
    .bind(strategic_id)
    .fetch_all(&mut *conn)
    .await?;
    let now = Utc::now();
    for (position, id) in ids.iter().enumerate() {
        let position = u32::try_from(position).unwrap_or(u32::MAX);
        sqlx::query(
            "UPDATE operational_objective SET position = ?, updated_at = ? \
             WHERE id = ? AND position <> ?",
        )
        .bind(position)
        .bind(now)
        .bind(id)
        .bind(position)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Checks a validated draft against the alliance: its strategic objective is the
/// alliance's (`NotFound(StrategicObjective)`), its partners and its responsible partner
/// engaged actors of it (`NotFound(Partner)`, or a field error on `partnerIds` /
/// `ownerPartnerId`).
async fn check(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    draft: &OperationalObjectiveDraft,
) -> StoreResult<()> {
    strategic::of_alliance(conn, alliance_id, &draft.strategic_objective_id).await?;
    let ids: Vec<&str> = draft.partner_ids.iter().map(String::as_str).collect();
    ensure_partners(conn, alliance_id, "partnerIds", &ids).await?;
    if let Some(owner) = &draft.owner_partner_id {
        ensure_partners(conn, alliance_id, "ownerPartnerId", &[owner.as_str()]).await?;
    }
    Ok(())
}

impl Store {
    /// Adds an operational objective at the end of its strategic objective's list
    /// (validated first: `OperationalObjectiveDraft::validated`; then its strategic
    /// objective must be the alliance's and its partners engaged actors of it; at most
    /// [`OBJECTIVES_MAX`] under one strategic objective). `NotFound(Alliance)`,
    /// `NotFound(StrategicObjective)`, `NotFound(Partner)`; a field error on `partnerIds`
    /// or `ownerPartnerId` for an actor not « Engagé ».
    pub async fn add_operational_objective(
        &self,
        alliance_id: &str,
        draft: &OperationalObjectiveDraft,
    ) -> StoreResult<OperationalObjective> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        check(&mut tx, alliance_id, &draft).await?;
        let count = count_under(&mut tx, &draft.strategic_objective_id, None).await?;
        if count >= OBJECTIVES_MAX {
            return Err(too_many(
                "strategicObjectiveId",
                "Cet objectif stratégique",
                "objectifs opérationnels",
            ));
        }
        let now = Utc::now();
        let record = OperationalObjective {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            position: u32::try_from(count).unwrap_or(u32::MAX),
            created_at: now,
            updated_at: now,
            draft,
        };
        insert(&mut tx, &record).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Rewrites an operational objective under the rules of
    /// [`Store::add_operational_objective`]; given another strategic objective, it moves
    /// to the end of that one's list (the one it left closes its gap).
    /// `NotFound(OperationalObjective)`.
    pub async fn update_operational_objective(
        &self,
        id: &str,
        draft: &OperationalObjectiveDraft,
    ) -> StoreResult<OperationalObjective> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        let stored = get(&mut tx, id).await?;
        check(&mut tx, &stored.alliance_id, &draft).await?;
        let moved = stored.draft.strategic_objective_id != draft.strategic_objective_id;
        let position = if moved {
            let count = count_under(&mut tx, &draft.strategic_objective_id, Some(id)).await?;
            if count >= OBJECTIVES_MAX {
                return Err(too_many(
                    "strategicObjectiveId",
                    "Cet objectif stratégique",
                    "objectifs opérationnels",
                ));
            }
            u32::try_from(count).unwrap_or(u32::MAX)
        } else {
            stored.position
        };
        update_fields(&mut tx, id, &draft, position, Utc::now()).await?;
        if moved {
            compact(&mut tx, &stored.draft.strategic_objective_id).await?;
        }
        crate::alliances::touch(&mut tx, &stored.alliance_id).await?;
        let updated = get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }
}
