//! The dossier de présentation of an alliance (allia-core's `project_dossier`): one
//! `project_dossier` row per alliance with its texts, and its key figures in
//! `dossier_figure`, ordered by `position`. Both keep their validated drafts as JSON text.

use allia_core::project_dossier::{reorder_problem, FIGURES_MAX};
use allia_core::validation::{is_record_id, too_many_message};
use allia_core::{
    DossierContent, DossierFigure, DossierTexts, FigureDraft, ProjectDossier, ValidationErrors,
};
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

/// One `project_dossier` row.
#[derive(sqlx::FromRow)]
struct DossierRow {
    id: String,
    alliance_id: String,
    #[sqlx(json)]
    data: DossierTexts,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// One `dossier_figure` row.
#[derive(sqlx::FromRow)]
struct FigureRow {
    id: String,
    alliance_id: String,
    position: i64,
    #[sqlx(json)]
    data: FigureDraft,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<FigureRow> for DossierFigure {
    fn from(row: FigureRow) -> DossierFigure {
        DossierFigure {
            id: row.id,
            alliance_id: row.alliance_id,
            position: u32::try_from(row.position).unwrap_or(u32::MAX),
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: row.data,
        }
    }
}

/// The dossier's texts of one alliance, if any was written.
pub(crate) async fn get(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Option<ProjectDossier>> {
    let row: Option<DossierRow> = sqlx::query_as(
        "SELECT id, alliance_id, data, created_at, updated_at FROM project_dossier \
         WHERE alliance_id = ?",
    )
    .bind(alliance_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|row| ProjectDossier {
        id: row.id,
        alliance_id: row.alliance_id,
        created_at: row.created_at,
        updated_at: row.updated_at,
        texts: row.data,
    }))
}

/// The figures of one alliance's dossier in table order.
pub(crate) async fn figures(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<DossierFigure>> {
    let rows: Vec<FigureRow> = sqlx::query_as(
        "SELECT id, alliance_id, position, data, created_at, updated_at FROM dossier_figure \
         WHERE alliance_id = ? ORDER BY position, rowid",
    )
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(DossierFigure::from).collect())
}

/// Writes the dossier's texts of an alliance that exists: updates its row or inserts
/// one with `id` (an import keeps the file's) and `created_at`.
pub(crate) async fn put_texts(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    id: &str,
    texts: &DossierTexts,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
) -> StoreResult<()> {
    let done =
        sqlx::query("UPDATE project_dossier SET data = ?, updated_at = ? WHERE alliance_id = ?")
            .bind(Json(texts))
            .bind(updated_at)
            .bind(alliance_id)
            .execute(&mut *conn)
            .await?;
    if done.rows_affected() == 0 {
        sqlx::query(
            "INSERT INTO project_dossier (id, alliance_id, data, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(alliance_id)
        .bind(Json(texts))
        .bind(created_at)
        .bind(updated_at)
        .execute(conn)
        .await?;
    }
    Ok(())
}

/// Inserts one already-validated figure at `position`.
pub(crate) async fn insert_figure(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    id: &str,
    position: u32,
    draft: &FigureDraft,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO dossier_figure (id, alliance_id, position, data, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(alliance_id)
    .bind(i64::from(position))
    .bind(Json(draft))
    .bind(created_at)
    .bind(updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Forgets the whole dossier of an alliance (texts and figures), for a re-import that
/// replaces it.
pub(crate) async fn clear(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<()> {
    sqlx::query("DELETE FROM dossier_figure WHERE alliance_id = ?")
        .bind(alliance_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM project_dossier WHERE alliance_id = ?")
        .bind(alliance_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// `NotFound(Alliance)` unless the alliance exists.
async fn ensure_alliance(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<()> {
    if !is_record_id(alliance_id) {
        return Err(StoreError::NotFound(Entity::Alliance));
    }
    crate::alliances::ensure_exists(conn, alliance_id).await
}

/// The dossier's row is made with empty texts when a figure comes first, so that the
/// dossier travels as one record with its id.
async fn ensure_dossier(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<()> {
    if get(&mut *conn, alliance_id).await?.is_none() {
        let now = Utc::now();
        put_texts(
            conn,
            alliance_id,
            &new_id(),
            &DossierTexts::default(),
            now,
            now,
        )
        .await?;
    }
    Ok(())
}

async fn find_figure(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    figure_id: &str,
) -> StoreResult<DossierFigure> {
    let row: Option<FigureRow> = if is_record_id(figure_id) {
        sqlx::query_as(
            "SELECT id, alliance_id, position, data, created_at, updated_at FROM dossier_figure \
             WHERE id = ? AND alliance_id = ?",
        )
        .bind(figure_id)
        .bind(alliance_id)
        .fetch_optional(conn)
        .await?
    } else {
        None
    };
    row.map(DossierFigure::from)
        .ok_or(StoreError::NotFound(Entity::DossierFigure))
}

/// Numbers the figures 0, 1, 2… in their current order (after a deletion).
async fn renumber(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    ids: &[String],
) -> StoreResult<()> {
    for (position, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE dossier_figure SET position = ? WHERE id = ? AND alliance_id = ?")
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .bind(id)
            .bind(alliance_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

impl Store {
    /// The dossier of one alliance: its texts (`None` before any is written) and its
    /// figures in table order. `NotFound(Alliance)` for an unknown alliance.
    pub async fn project_dossier(&self, alliance_id: &str) -> StoreResult<DossierContent> {
        let mut conn = self.conn().await?;
        ensure_alliance(&mut conn, alliance_id).await?;
        Ok(DossierContent {
            dossier: get(&mut conn, alliance_id).await?,
            figures: figures(&mut conn, alliance_id).await?,
        })
    }

    /// Replaces the dossier's texts (validated first: `DossierTexts::validated`, errors
    /// on `socialNeed`…); returns the stored record.
    pub async fn set_dossier_texts(
        &self,
        alliance_id: &str,
        texts: &DossierTexts,
    ) -> StoreResult<ProjectDossier> {
        let texts = texts.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let now = Utc::now();
        put_texts(&mut tx, alliance_id, &new_id(), &texts, now, now).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        let stored = get(&mut tx, alliance_id)
            .await?
            .ok_or(StoreError::NotFound(Entity::Alliance))?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Adds a figure at the end of the table (validated first: `FigureDraft::validated`,
    /// its value made a canonical decimal); at most `FIGURES_MAX` figures.
    pub async fn add_dossier_figure(
        &self,
        alliance_id: &str,
        draft: &FigureDraft,
    ) -> StoreResult<DossierFigure> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        ensure_dossier(&mut tx, alliance_id).await?;
        let count: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM dossier_figure WHERE alliance_id = ?")
                .bind(alliance_id)
                .fetch_one(&mut *tx)
                .await?;
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        if count >= FIGURES_MAX {
            let mut errors = ValidationErrors::default();
            errors.push(
                "figures",
                too_many_message("chiffres clés", FIGURES_MAX, count + 1),
            );
            return Err(errors.into());
        }
        let id = new_id();
        let now = Utc::now();
        let position = u32::try_from(count).unwrap_or(u32::MAX);
        insert_figure(&mut tx, alliance_id, &id, position, &draft, now, now).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        let stored = find_figure(&mut tx, alliance_id, &id).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Replaces one figure's fields (validated first), keeping its place.
    /// `NotFound(DossierFigure)` for a figure that is not this alliance's.
    pub async fn update_dossier_figure(
        &self,
        alliance_id: &str,
        figure_id: &str,
        draft: &FigureDraft,
    ) -> StoreResult<DossierFigure> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        find_figure(&mut tx, alliance_id, figure_id).await?;
        sqlx::query("UPDATE dossier_figure SET data = ?, updated_at = ? WHERE id = ?")
            .bind(Json(&draft))
            .bind(Utc::now())
            .bind(figure_id)
            .execute(&mut *tx)
            .await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        let stored = find_figure(&mut tx, alliance_id, figure_id).await?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Deletes one figure; the others close the gap. `NotFound(DossierFigure)` when it
    /// is not this alliance's.
    pub async fn delete_dossier_figure(
        &self,
        alliance_id: &str,
        figure_id: &str,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        if !is_record_id(figure_id) {
            return Err(StoreError::NotFound(Entity::DossierFigure));
        }
        let done = sqlx::query("DELETE FROM dossier_figure WHERE id = ? AND alliance_id = ?")
            .bind(figure_id)
            .bind(alliance_id)
            .execute(&mut *tx)
            .await?;
        ensure_found(done, Entity::DossierFigure)?;
        let ids: Vec<String> = figures(&mut tx, alliance_id)
            .await?
            .into_iter()
            .map(|f| f.id)
            .collect();
        renumber(&mut tx, alliance_id, &ids).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Puts the figures in the order of `ids`, which names each of the alliance's
    /// figures once (otherwise a French validation error on `figures`: the list changed
    /// meanwhile); returns them in their new order.
    pub async fn reorder_dossier_figures(
        &self,
        alliance_id: &str,
        ids: &[String],
    ) -> StoreResult<Vec<DossierFigure>> {
        let mut tx = self.begin_write().await?;
        ensure_alliance(&mut tx, alliance_id).await?;
        let current = figures(&mut tx, alliance_id).await?;
        let current_ids: Vec<&str> = current.iter().map(|f| f.id.as_str()).collect();
        if let Some(message) = reorder_problem(&current_ids, ids) {
            let mut errors = ValidationErrors::default();
            errors.push("figures", message);
            return Err(errors.into());
        }
        renumber(&mut tx, alliance_id, ids).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        let stored = figures(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(stored)
    }
}

/// Whether `id` already names a row of `table` (an id of the file taken by another
/// alliance of this vault, e.g. a copy).
async fn taken(conn: &mut SqliteConnection, table: &str, id: &str) -> StoreResult<bool> {
    let found: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT 1 FROM {table} WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Replaces an alliance's whole dossier by a validated file's (a re-import that updates
/// the alliance): the file's ids kept where no other record of the vault has them, its
/// dates kept.
pub(crate) async fn replace(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    dossier: &allia_core::alliance_file::FileProjectDossier,
) -> StoreResult<()> {
    clear(&mut *conn, alliance_id).await?;
    let id = if taken(&mut *conn, "project_dossier", &dossier.id).await? {
        new_id()
    } else {
        dossier.id.clone()
    };
    put_texts(
        &mut *conn,
        alliance_id,
        &id,
        &dossier.texts(),
        dossier.created_at,
        dossier.updated_at,
    )
    .await?;
    for figure in &dossier.figures {
        let id = if taken(&mut *conn, "dossier_figure", &figure.id).await? {
            new_id()
        } else {
            figure.id.clone()
        };
        insert_figure(
            &mut *conn,
            alliance_id,
            &id,
            figure.position,
            &figure.draft(),
            figure.created_at,
            figure.updated_at,
        )
        .await?;
    }
    Ok(())
}

/// Stores the demo alliance's dossier (allia-core's `project_dossier::demo_dossier`) for
/// a demo alliance just inserted.
pub(crate) async fn insert_demo(conn: &mut SqliteConnection, alliance_id: &str) -> StoreResult<()> {
    let (texts, figures) = allia_core::project_dossier::demo_dossier();
    let now = Utc::now();
    put_texts(
        &mut *conn,
        alliance_id,
        &new_id(),
        &texts.validated()?,
        now,
        now,
    )
    .await?;
    for (position, figure) in figures.iter().enumerate() {
        let position = u32::try_from(position).unwrap_or(u32::MAX);
        insert_figure(
            &mut *conn,
            alliance_id,
            &new_id(),
            position,
            &figure.validated()?,
            now,
            now,
        )
        .await?;
    }
    Ok(())
}
