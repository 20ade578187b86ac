//! Form drafts: a form's unsaved input, kept in the vault (`form_draft` table) so that
//! the auto-lock loses nothing (allia-core's `form_draft`). Stored encrypted like every
//! other row; the content is never logged nor quoted in an error. Drafts stay out of
//! the alliance file: they are a moment's typing, not the alliance's data.

use allia_core::form_draft::validate_content;
use allia_core::{FormDraft, FormDraftKey};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::Store;

#[derive(sqlx::FromRow)]
struct DraftRow {
    alliance_id: Option<String>,
    area: String,
    form: String,
    content: String,
    saved_at: DateTime<Utc>,
}

impl From<DraftRow> for FormDraft {
    fn from(row: DraftRow) -> FormDraft {
        FormDraft {
            key: FormDraftKey {
                alliance_id: row.alliance_id,
                area: row.area,
                form: row.form,
            },
            content: row.content,
            saved_at: row.saved_at,
        }
    }
}

/// Removes the draft at `key`, if any; returns whether one was there.
async fn delete(conn: &mut SqliteConnection, key: &FormDraftKey) -> StoreResult<bool> {
    let done =
        sqlx::query("DELETE FROM form_draft WHERE alliance_id IS ? AND area = ? AND form = ?")
            .bind(&key.alliance_id)
            .bind(&key.area)
            .bind(&key.form)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() > 0)
}

/// Replaces the draft at `key` (already validated) with `content`.
async fn put(
    conn: &mut SqliteConnection,
    key: &FormDraftKey,
    content: &str,
    saved_at: DateTime<Utc>,
) -> StoreResult<()> {
    if let Some(id) = &key.alliance_id {
        let known: Option<i64> = sqlx::query_scalar("SELECT 1 FROM alliance WHERE id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        if known.is_none() {
            return Err(StoreError::NotFound(Entity::Alliance));
        }
    }
    delete(&mut *conn, key).await?;
    sqlx::query(
        "INSERT INTO form_draft (alliance_id, area, form, content, saved_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&key.alliance_id)
    .bind(&key.area)
    .bind(&key.form)
    .bind(content)
    .bind(saved_at)
    .execute(conn)
    .await?;
    Ok(())
}

impl Store {
    /// Keeps a form's unsaved input at `key`, replacing the one there. Refused
    /// (`Validation`) when the key is malformed or the content is not a JSON object of
    /// at most `FORM_DRAFT_MAX_BYTES`; `NotFound(Alliance)` for an unknown alliance.
    pub async fn save_form_draft(&self, key: &FormDraftKey, content: &str) -> StoreResult<()> {
        let key = key.validated()?;
        validate_content(content)?;
        let mut tx = self.begin_write().await?;
        put(&mut tx, &key, content, Utc::now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every draft kept, newest first.
    pub async fn form_drafts(&self) -> StoreResult<Vec<FormDraft>> {
        let rows: Vec<DraftRow> = sqlx::query_as(
            "SELECT alliance_id, area, form, content, saved_at FROM form_draft \
             ORDER BY saved_at DESC, area, form",
        )
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows.into_iter().map(FormDraft::from).collect())
    }

    /// Forgets the draft at `key` (the form was saved or its input discarded); returns
    /// whether there was one. A malformed key is refused like at saving.
    pub async fn clear_form_draft(&self, key: &FormDraftKey) -> StoreResult<bool> {
        let key = key.validated()?;
        delete(&mut *self.conn().await?, &key).await
    }
}
