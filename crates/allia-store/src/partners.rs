//! Partners of an alliance.

use allia_core::{ActorType, Partner, PartnerDraft, PartnerRole};
use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row, SqliteConnection};

use crate::error::{StoreError, StoreResult};
use crate::organisation_columns as org;
use crate::store::{ensure_found, enum_from_text, enum_text, new_id, Store};

fn select() -> String {
    format!(
        "SELECT id, alliance_id, {}, actor_type, role, resources, resource_tags, created_at, updated_at FROM partner",
        org::COLUMNS
    )
}

fn read(row: &SqliteRow) -> StoreResult<Partner> {
    let tags: String = row.try_get("resource_tags")?;
    Ok(Partner {
        id: row.try_get("id")?,
        alliance_id: row.try_get("alliance_id")?,
        created_at: row.try_get::<DateTime<Utc>, _>("created_at")?,
        updated_at: row.try_get::<DateTime<Utc>, _>("updated_at")?,
        draft: PartnerDraft {
            organisation: org::read(row)?,
            actor_type: enum_from_text::<ActorType>(&row.try_get::<String, _>("actor_type")?)?,
            role: enum_from_text::<PartnerRole>(&row.try_get::<String, _>("role")?)?,
            resources: row.try_get("resources")?,
            resource_tags: serde_json::from_str(&tags)
                .map_err(|e| StoreError::CorruptData(format!("resource tags: {e}")))?,
        },
    })
}

fn tags_json(draft: &PartnerDraft) -> String {
    serde_json::to_string(&draft.resource_tags).unwrap_or_else(|_| "[]".into())
}

/// Inserts already-validated partners on one connection (inside the caller's transaction).
pub(crate) async fn insert_partners(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    drafts: &[PartnerDraft],
) -> StoreResult<Vec<String>> {
    let sql = format!(
        "INSERT INTO partner (id, alliance_id, {}, actor_type, role, resources, resource_tags, created_at, updated_at) \
         VALUES (?, ?, {}, ?, ?, ?, ?, ?, ?)",
        org::COLUMNS,
        org::placeholders()
    );
    let mut ids = Vec::with_capacity(drafts.len());
    let now = Utc::now();
    for draft in drafts {
        let id = new_id();
        let query = sqlx::query(AssertSqlSafe(sql.clone()))
            .bind(&id)
            .bind(alliance_id);
        org::bind(query, &draft.organisation)
            .bind(enum_text(&draft.actor_type))
            .bind(enum_text(&draft.role))
            .bind(&draft.resources)
            .bind(tags_json(draft))
            .bind(now)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        ids.push(id);
    }
    Ok(ids)
}

impl Store {
    /// The partners of one alliance, in the order they were added.
    pub async fn partners(&self, alliance_id: &str) -> StoreResult<Vec<Partner>> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{} WHERE alliance_id = ? ORDER BY created_at, rowid",
            select()
        )))
        .bind(alliance_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(read).collect()
    }

    /// One partner; `NotFound` for an unknown id or one not shaped like the vault's.
    pub async fn partner(&self, id: &str) -> StoreResult<Partner> {
        if !allia_core::validation::is_record_id(id) {
            return Err(StoreError::NotFound("partner"));
        }
        let row = sqlx::query(AssertSqlSafe(format!("{} WHERE id = ?", select())))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound("partner"))?;
        read(&row)
    }

    pub async fn create_partner(
        &self,
        alliance_id: &str,
        draft: &PartnerDraft,
    ) -> StoreResult<Partner> {
        let ids = self
            .create_partners(alliance_id, std::slice::from_ref(draft))
            .await?;
        let id = ids.first().ok_or(StoreError::NotFound("partner"))?;
        self.partner(id).await
    }

    /// Validates every draft first, then inserts them all in one transaction.
    pub async fn create_partners(
        &self,
        alliance_id: &str,
        drafts: &[PartnerDraft],
    ) -> StoreResult<Vec<String>> {
        let drafts = drafts
            .iter()
            .map(PartnerDraft::validated)
            .collect::<Result<Vec<_>, _>>()?;
        let mut tx = self.pool.begin().await?;
        let exists: Option<String> = sqlx::query_scalar("SELECT id FROM alliance WHERE id = ?")
            .bind(alliance_id)
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_none() {
            return Err(StoreError::NotFound("alliance"));
        }
        let ids = insert_partners(&mut tx, alliance_id, &drafts).await?;
        sqlx::query("UPDATE alliance SET updated_at = ? WHERE id = ?")
            .bind(Utc::now())
            .bind(alliance_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(ids)
    }

    pub async fn update_partner(&self, id: &str, draft: &PartnerDraft) -> StoreResult<Partner> {
        let draft = draft.validated()?;
        let sets: Vec<String> = org::COLUMNS
            .split(", ")
            .map(|c| format!("{c} = ?"))
            .collect();
        let sql = format!(
            "UPDATE partner SET {}, actor_type = ?, role = ?, resources = ?, resource_tags = ?, updated_at = ? WHERE id = ?",
            sets.join(", ")
        );
        let done = org::bind(sqlx::query(AssertSqlSafe(sql.clone())), &draft.organisation)
            .bind(enum_text(&draft.actor_type))
            .bind(enum_text(&draft.role))
            .bind(&draft.resources)
            .bind(tags_json(&draft))
            .bind(Utc::now())
            .bind(id)
            .execute(&self.pool)
            .await?;
        ensure_found(done, "partner")?;
        self.partner(id).await
    }

    pub async fn delete_partner(&self, id: &str) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM partner WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await?;
        ensure_found(done, "partner")?;
        Ok(())
    }
}
