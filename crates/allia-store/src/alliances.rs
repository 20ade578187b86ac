//! Alliances: create, list, edit, archive, delete, and the demo alliance.

use allia_core::demo::demo_alliance;
use allia_core::{Alliance, AllianceDraft, AllianceStatus};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row, SqliteConnection};

use crate::error::{StoreError, StoreResult};
use crate::store::{ensure_found, enum_from_text, enum_text, new_id, Store};

const SELECT: &str = "SELECT a.id, a.name, a.purpose, a.territory, a.start_date, a.status, a.archived, \
     a.created_at, a.updated_at, (SELECT count(*) FROM partner p WHERE p.alliance_id = a.id) AS partner_count \
     FROM alliance a";

fn read(row: &SqliteRow) -> StoreResult<Alliance> {
    let partner_count: i64 = row.try_get("partner_count")?;
    Ok(Alliance {
        id: row.try_get("id")?,
        archived: row.try_get("archived")?,
        partner_count: u32::try_from(partner_count).unwrap_or(u32::MAX),
        created_at: row.try_get::<DateTime<Utc>, _>("created_at")?,
        updated_at: row.try_get::<DateTime<Utc>, _>("updated_at")?,
        draft: AllianceDraft {
            name: row.try_get("name")?,
            purpose: row.try_get("purpose")?,
            territory: row.try_get("territory")?,
            start_date: row.try_get::<Option<NaiveDate>, _>("start_date")?,
            status: enum_from_text::<AllianceStatus>(&row.try_get::<String, _>("status")?)?,
        },
    })
}

impl Store {
    /// Every alliance, archived ones included, most recently changed first.
    pub async fn alliances(&self) -> StoreResult<Vec<Alliance>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{SELECT} ORDER BY a.archived, a.updated_at DESC"
        )))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(read).collect()
    }

    /// One alliance; `NotFound` for an unknown id or one not shaped like the vault's.
    pub async fn alliance(&self, id: &str) -> StoreResult<Alliance> {
        if !allia_core::validation::is_record_id(id) {
            return Err(StoreError::NotFound("alliance"));
        }
        let row = sqlx::query(AssertSqlSafe(format!("{SELECT} WHERE a.id = ?")))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound("alliance"))?;
        read(&row)
    }

    pub async fn create_alliance(&self, draft: &AllianceDraft) -> StoreResult<Alliance> {
        let draft = draft.validated()?;
        let mut conn = self.pool.acquire().await?;
        let id = insert_alliance(&mut conn, &draft).await?;
        drop(conn);
        self.alliance(&id).await
    }

    pub async fn update_alliance(&self, id: &str, draft: &AllianceDraft) -> StoreResult<Alliance> {
        let draft = draft.validated()?;
        let done = sqlx::query(
            "UPDATE alliance SET name = ?, purpose = ?, territory = ?, start_date = ?, status = ?, updated_at = ? WHERE id = ?",
        )
        .bind(&draft.name)
        .bind(&draft.purpose)
        .bind(&draft.territory)
        .bind(draft.start_date)
        .bind(enum_text(&draft.status))
        .bind(Utc::now())
        .bind(id)
        .execute(&self.pool)
        .await?;
        ensure_found(done, "alliance")?;
        self.alliance(id).await
    }

    pub async fn set_alliance_archived(&self, id: &str, archived: bool) -> StoreResult<Alliance> {
        let done = sqlx::query("UPDATE alliance SET archived = ?, updated_at = ? WHERE id = ?")
            .bind(archived)
            .bind(Utc::now())
            .bind(id)
            .execute(&self.pool)
            .await?;
        ensure_found(done, "alliance")?;
        self.alliance(id).await
    }

    /// Deletes the alliance and, through the foreign key, its partners.
    pub async fn delete_alliance(&self, id: &str) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM alliance WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await?;
        ensure_found(done, "alliance")?;
        Ok(())
    }

    /// Stores the guide's example alliance and its partners in one transaction.
    pub async fn load_demo(&self) -> StoreResult<Alliance> {
        let demo = demo_alliance();
        let alliance = demo.alliance.validated()?;
        let mut tx = self.pool.begin().await?;
        let id = insert_alliance(&mut tx, &alliance).await?;
        crate::partners::insert_partners(&mut tx, &id, &demo.partners).await?;
        tx.commit().await?;
        self.alliance(&id).await
    }
}

/// Inserts an already-validated alliance and returns its new id.
pub(crate) async fn insert_alliance(
    conn: &mut SqliteConnection,
    draft: &AllianceDraft,
) -> StoreResult<String> {
    let id = new_id();
    let now = Utc::now();
    sqlx::query(
        "INSERT INTO alliance (id, name, purpose, territory, start_date, status, archived, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
    )
    .bind(&id)
    .bind(&draft.name)
    .bind(&draft.purpose)
    .bind(&draft.territory)
    .bind(draft.start_date)
    .bind(enum_text(&draft.status))
    .bind(now)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}
