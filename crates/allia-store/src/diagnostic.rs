//! An alliance's internal diagnostic (allia-core's `diagnostic`): the needs, one
//! `diagnostic_needs` row per alliance, and the MOFF / SWOT items, `swot_item` rows whose
//! positions stay dense within each quadrant (every change that moves one renumbers its
//! quadrant in the same transaction, allia-core's `diagnostic::move_item` / `compact`).

use allia_core::diagnostic::{
    compact, move_item, SwotMoveError, SwotPlace, SWOT_ITEMS_PER_QUADRANT_MAX,
};
use allia_core::validation::is_record_id;
use allia_core::{
    Diagnostic, DiagnosticNeeds, DiagnosticNeedsDraft, SwotItem, SwotItemDraft, SwotQuadrant,
    ValidationErrors,
};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

#[derive(sqlx::FromRow)]
struct NeedsRow {
    id: String,
    alliance_id: String,
    strategic_priorities: Option<String>,
    alliance_expectations: Option<String>,
    participation_mode: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<NeedsRow> for DiagnosticNeeds {
    fn from(row: NeedsRow) -> Self {
        DiagnosticNeeds {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: DiagnosticNeedsDraft {
                strategic_priorities: row.strategic_priorities,
                alliance_expectations: row.alliance_expectations,
                participation_mode: row.participation_mode,
            },
        }
    }
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: String,
    alliance_id: String,
    quadrant: SwotQuadrant,
    text: String,
    importance: i64,
    position: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<ItemRow> for SwotItem {
    fn from(row: ItemRow) -> Self {
        SwotItem {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            position: u32::try_from(row.position).unwrap_or(0),
            draft: SwotItemDraft {
                quadrant: row.quadrant,
                text: row.text,
                importance: u8::try_from(row.importance).unwrap_or(1),
            },
        }
    }
}

const ITEM_COLUMNS: &str =
    "id, alliance_id, quadrant, text, importance, position, created_at, updated_at";

/// The diagnostic of one alliance whose existence was checked: its needs, if written,
/// and its items in quadrant order, then by position.
pub(crate) async fn load(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Diagnostic> {
    let needs: Option<NeedsRow> = sqlx::query_as(
        "SELECT id, alliance_id, strategic_priorities, alliance_expectations, \
         participation_mode, created_at, updated_at FROM diagnostic_needs WHERE alliance_id = ?",
    )
    .bind(alliance_id)
    .fetch_optional(&mut *conn)
    .await?;
    let rows: Vec<ItemRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ITEM_COLUMNS} FROM swot_item WHERE alliance_id = ? \
         ORDER BY CASE quadrant WHEN 'strengths' THEN 0 WHEN 'weaknesses' THEN 1 \
         WHEN 'opportunities' THEN 2 ELSE 3 END, position, rowid"
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(Diagnostic {
        needs: needs.map(DiagnosticNeeds::from),
        items: rows.into_iter().map(SwotItem::from).collect(),
    })
}

async fn ensure_alliance(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<()> {
    if !is_record_id(alliance_id) {
        return Err(StoreError::NotFound(Entity::Alliance));
    }
    crate::alliances::ensure_exists(conn, alliance_id).await
}

async fn find_item(conn: &mut SqliteConnection, id: &str) -> StoreResult<SwotItem> {
    if !is_record_id(id) {
        return Err(StoreError::NotFound(Entity::SwotItem));
    }
    let row: Option<ItemRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ITEM_COLUMNS} FROM swot_item WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(SwotItem::from)
        .ok_or(StoreError::NotFound(Entity::SwotItem))
}

/// Writes already-validated needs: updates the alliance's row or inserts one with `id`
/// (an import keeps the file's id and times).
pub(crate) async fn put_needs(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    id: &str,
    draft: &DiagnosticNeedsDraft,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO diagnostic_needs (id, alliance_id, strategic_priorities, \
         alliance_expectations, participation_mode, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alliance_id) DO UPDATE SET \
         strategic_priorities = excluded.strategic_priorities, \
         alliance_expectations = excluded.alliance_expectations, \
         participation_mode = excluded.participation_mode, updated_at = excluded.updated_at",
    )
    .bind(id)
    .bind(alliance_id)
    .bind(&draft.strategic_priorities)
    .bind(&draft.alliance_expectations)
    .bind(&draft.participation_mode)
    .bind(created_at)
    .bind(updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Inserts one already-validated item as it is (an import: the file's id, place and
/// times).
pub(crate) async fn insert_item(conn: &mut SqliteConnection, item: &SwotItem) -> StoreResult<()> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO swot_item ({ITEM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
    )))
    .bind(&item.id)
    .bind(&item.alliance_id)
    .bind(item.draft.quadrant)
    .bind(&item.draft.text)
    .bind(i64::from(item.draft.importance))
    .bind(i64::from(item.position))
    .bind(item.created_at)
    .bind(item.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces an alliance's whole diagnostic by `diagnostic` (validated), ids and times
/// kept: what an import or a re-import writes.
pub(crate) async fn replace(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    diagnostic: &Diagnostic,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM swot_item WHERE alliance_id = ?")
        .bind(alliance_id)
        .execute(&mut *conn)
        .await?;
    match &diagnostic.needs {
        Some(n) => {
            sqlx::query("DELETE FROM diagnostic_needs WHERE alliance_id = ? AND id <> ?")
                .bind(alliance_id)
                .bind(&n.id)
                .execute(&mut *conn)
                .await?;
            put_needs(
                conn,
                alliance_id,
                &n.id,
                &n.draft,
                n.created_at,
                n.updated_at,
            )
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM diagnostic_needs WHERE alliance_id = ?")
                .bind(alliance_id)
                .execute(&mut *conn)
                .await?;
        }
    }
    for item in &diagnostic.items {
        let item = SwotItem {
            alliance_id: alliance_id.to_string(),
            ..item.clone()
        };
        insert_item(conn, &item).await?;
    }
    Ok(())
}

/// Stores the demo alliance's diagnostic (allia-core's `diagnostic::demo_diagnostic`)
/// for a demo alliance just inserted.
pub(crate) async fn insert_demo(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<()> {
    let (needs, items) = allia_core::diagnostic::demo_diagnostic();
    let now = Utc::now();
    put_needs(conn, alliance_id, &new_id(), &needs.validated()?, now, now).await?;
    let mut next = [0u32; 4];
    for draft in items {
        let slot = SwotQuadrant::ALL
            .iter()
            .position(|q| *q == draft.quadrant)
            .unwrap_or(0);
        let item = SwotItem {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            created_at: now,
            updated_at: now,
            position: next[slot],
            draft: draft.validated()?,
        };
        next[slot] += 1;
        insert_item(conn, &item).await?;
    }
    Ok(())
}

/// The places of an alliance's items, for the reorder rule.
async fn places(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<Vec<SwotPlace>> {
    let rows: Vec<(String, SwotQuadrant, i64)> =
        sqlx::query_as("SELECT id, quadrant, position FROM swot_item WHERE alliance_id = ?")
            .bind(alliance_id)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, quadrant, position)| SwotPlace {
            id,
            quadrant,
            position: u32::try_from(position).unwrap_or(u32::MAX),
        })
        .collect())
}

/// Writes the places the rule computed, touching only the rows that changed.
async fn write_places(
    conn: &mut SqliteConnection,
    before: &[SwotPlace],
    after: &[SwotPlace],
    now: DateTime<Utc>,
) -> StoreResult<()> {
    for place in after {
        if before.contains(place) {
            continue;
        }
        sqlx::query("UPDATE swot_item SET quadrant = ?, position = ?, updated_at = ? WHERE id = ?")
            .bind(place.quadrant)
            .bind(i64::from(place.position))
            .bind(now)
            .bind(&place.id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

fn full_quadrant(quadrant: SwotQuadrant) -> StoreError {
    let mut errors = ValidationErrors::default();
    errors.push(
        "quadrant",
        format!(
            "«\u{a0}{}\u{a0}» compte déjà {} éléments, le plus qu’une page puisse montrer\u{a0}: retirez-en un d’abord.",
            quadrant.label(),
            SWOT_ITEMS_PER_QUADRANT_MAX
        ),
    );
    StoreError::Validation(errors)
}

fn move_refused(e: SwotMoveError, to: SwotQuadrant) -> StoreError {
    match e {
        SwotMoveError::UnknownItem => StoreError::NotFound(Entity::SwotItem),
        SwotMoveError::QuadrantFull { .. } => full_quadrant(to),
    }
}

impl Store {
    /// The diagnostic of one alliance: its needs (`None` until written) and its SWOT
    /// items in quadrant order, then by position. `NotFound(Alliance)` for an unknown
    /// alliance.
    pub async fn diagnostic(&self, alliance_id: &str) -> StoreResult<Diagnostic> {
        let mut conn = self.conn().await?;
        ensure_alliance(&mut conn, alliance_id).await?;
        load(&mut conn, alliance_id).await
    }

    /// Writes the alliance's needs (validated first: `DiagnosticNeedsDraft::validated`),
    /// replacing what was written; returns the stored record.
    pub async fn set_diagnostic_needs(
        &self,
        alliance_id: &str,
        draft: &DiagnosticNeedsDraft,
    ) -> StoreResult<DiagnosticNeeds> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let now = Utc::now();
        put_needs(&mut tx, alliance_id, &new_id(), &draft, now, now).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        let stored = load(&mut tx, alliance_id)
            .await?
            .needs
            .ok_or(StoreError::NotFound(Entity::Alliance))?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Adds an item at the end of its quadrant (validated first:
    /// `SwotItemDraft::validated`); a quadrant holds at most
    /// `SWOT_ITEMS_PER_QUADRANT_MAX` items (a field error on `quadrant` beyond).
    pub async fn add_swot_item(
        &self,
        alliance_id: &str,
        draft: &SwotItemDraft,
    ) -> StoreResult<SwotItem> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM swot_item WHERE alliance_id = ? AND quadrant = ?",
        )
        .bind(alliance_id)
        .bind(draft.quadrant)
        .fetch_one(&mut *tx)
        .await?;
        if usize::try_from(count).unwrap_or(usize::MAX) >= SWOT_ITEMS_PER_QUADRANT_MAX {
            return Err(full_quadrant(draft.quadrant));
        }
        let now = Utc::now();
        let item = SwotItem {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            created_at: now,
            updated_at: now,
            position: u32::try_from(count).unwrap_or(u32::MAX),
            draft,
        };
        insert_item(&mut tx, &item).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(item)
    }

    /// Changes an item's text and importance; a new quadrant moves it to the end of that
    /// quadrant (the one it left closes its gap). `NotFound(SwotItem)` when it is gone.
    pub async fn update_swot_item(&self, id: &str, draft: &SwotItemDraft) -> StoreResult<SwotItem> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        let old = find_item(&mut tx, id).await?;
        let now = Utc::now();
        if old.draft.quadrant != draft.quadrant {
            let before = places(&mut tx, &old.alliance_id).await?;
            let after = move_item(&before, id, draft.quadrant, usize::MAX)
                .map_err(|e| move_refused(e, draft.quadrant))?;
            write_places(&mut tx, &before, &after, now).await?;
        }
        let done = sqlx::query(
            "UPDATE swot_item SET text = ?, importance = ?, updated_at = ? WHERE id = ?",
        )
        .bind(&draft.text)
        .bind(i64::from(draft.importance))
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        ensure_found(done, Entity::SwotItem)?;
        crate::alliances::touch(&mut tx, &old.alliance_id).await?;
        let stored = find_item(&mut tx, id).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Deletes an item; the items after it in its quadrant move up.
    pub async fn delete_swot_item(&self, id: &str) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let old = find_item(&mut tx, id).await?;
        sqlx::query("DELETE FROM swot_item WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let before = places(&mut tx, &old.alliance_id).await?;
        write_places(&mut tx, &before, &compact(&before), Utc::now()).await?;
        crate::alliances::touch(&mut tx, &old.alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Moves an item to `index` (from 0, past the end meaning last) in `quadrant`, its
    /// own or another, in one transaction (allia-core's `diagnostic::move_item`), and
    /// returns the alliance's whole diagnostic as it now is.
    pub async fn move_swot_item(
        &self,
        id: &str,
        quadrant: SwotQuadrant,
        index: u32,
    ) -> StoreResult<Diagnostic> {
        let mut tx = self.begin_write().await?;
        let old = find_item(&mut tx, id).await?;
        let before = places(&mut tx, &old.alliance_id).await?;
        let index = usize::try_from(index).unwrap_or(usize::MAX);
        let after =
            move_item(&before, id, quadrant, index).map_err(|e| move_refused(e, quadrant))?;
        write_places(&mut tx, &before, &after, Utc::now()).await?;
        crate::alliances::touch(&mut tx, &old.alliance_id).await?;
        let diagnostic = load(&mut tx, &old.alliance_id).await?;
        tx.commit().await?;
        Ok(diagnostic)
    }
}
