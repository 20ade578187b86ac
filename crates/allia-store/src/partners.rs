//! Partners of an alliance.

use allia_core::validation::is_record_id;
use allia_core::{ActorType, Organisation, Partner, PartnerDraft, PartnerRole};
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::organisation;
use crate::store::{ensure_found, new_id, Store};

/// One `partner` row.
#[derive(sqlx::FromRow)]
struct PartnerRow {
    id: String,
    alliance_id: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    #[sqlx(flatten)]
    organisation: Organisation,
    actor_type: ActorType,
    role: PartnerRole,
    resources: Option<String>,
    #[sqlx(json)]
    resource_tags: Vec<String>,
}

impl From<PartnerRow> for Partner {
    fn from(row: PartnerRow) -> Partner {
        Partner {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: PartnerDraft {
                organisation: row.organisation,
                actor_type: row.actor_type,
                role: row.role,
                resources: row.resources,
                resource_tags: row.resource_tags,
            },
        }
    }
}

/// `SELECT … FROM partner`, every column of [`PartnerRow`].
fn select() -> String {
    format!(
        "SELECT id, alliance_id, {}, actor_type, role, resources, resource_tags, created_at, \
         updated_at FROM partner",
        organisation::COLUMNS
    )
}

/// The partners of one alliance, in the order they were added.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<Partner>> {
    let rows: Vec<PartnerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{} WHERE alliance_id = ? ORDER BY created_at, rowid",
        select()
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Partner::from).collect())
}

/// One partner; `NotFound` for an unknown id or one not shaped like the vault's.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<Partner> {
    if !is_record_id(id) {
        return Err(StoreError::NotFound(Entity::Partner));
    }
    let row: Option<PartnerRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{} WHERE id = ?", select())))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(Partner::from)
        .ok_or(StoreError::NotFound(Entity::Partner))
}

/// Inserts already-validated partners of an existing alliance; returns their new ids.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    drafts: &[PartnerDraft],
) -> StoreResult<Vec<String>> {
    let mut ids = Vec::with_capacity(drafts.len());
    let now = Utc::now();
    let insert_sql = format!(
        "INSERT INTO partner (id, alliance_id, {}, actor_type, role, resources, resource_tags, \
         created_at, updated_at) VALUES (?, ?, {}, ?, ?, ?, ?, ?, ?)",
        organisation::COLUMNS,
        organisation::PLACEHOLDERS
    );
    for draft in drafts {
        let id = new_id();
        let query = sqlx::query(sqlx::AssertSqlSafe(insert_sql.as_str()))
            .bind(&id)
            .bind(alliance_id);
        organisation::bind(query, &draft.organisation)
            .bind(draft.actor_type)
            .bind(draft.role)
            .bind(&draft.resources)
            .bind(Json(&draft.resource_tags))
            .bind(now)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        ids.push(id);
    }
    Ok(ids)
}

/// Rewrites an already-validated partner.
pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: &str,
    draft: &PartnerDraft,
) -> StoreResult<()> {
    let sql = format!(
        "UPDATE partner SET {}, actor_type = ?, role = ?, resources = ?, resource_tags = ?, \
         updated_at = ? WHERE id = ?",
        organisation::ASSIGNMENTS
    );
    let query = sqlx::query(sqlx::AssertSqlSafe(sql));
    let done = organisation::bind(query, &draft.organisation)
        .bind(draft.actor_type)
        .bind(draft.role)
        .bind(&draft.resources)
        .bind(Json(&draft.resource_tags))
        .bind(Utc::now())
        .bind(id)
        .execute(conn)
        .await?;
    ensure_found(done, Entity::Partner)
}

pub(crate) async fn delete(conn: &mut SqliteConnection, id: &str) -> StoreResult<()> {
    let done = sqlx::query("DELETE FROM partner WHERE id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    ensure_found(done, Entity::Partner)
}

impl Store {
    /// The partners of one alliance, in the order they were added.
    pub async fn partners(&self, alliance_id: &str) -> StoreResult<Vec<Partner>> {
        list(&mut *self.conn().await?, alliance_id).await
    }

    /// One partner; `NotFound` for an unknown id or one not shaped like the vault's.
    pub async fn partner(&self, id: &str) -> StoreResult<Partner> {
        get(&mut *self.conn().await?, id).await
    }

    pub async fn create_partner(
        &self,
        alliance_id: &str,
        draft: &PartnerDraft,
    ) -> StoreResult<Partner> {
        let ids = self
            .create_partners(alliance_id, std::slice::from_ref(draft))
            .await?;
        let id = ids.first().ok_or(StoreError::NotFound(Entity::Partner))?;
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
        let mut tx = self.begin().await?;
        crate::alliances::ensure_exists(&mut tx, alliance_id).await?;
        let ids = insert(&mut tx, alliance_id, &drafts).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(ids)
    }

    pub async fn update_partner(&self, id: &str, draft: &PartnerDraft) -> StoreResult<Partner> {
        let draft = draft.validated()?;
        let mut conn = self.conn().await?;
        update(&mut conn, id, &draft).await?;
        get(&mut conn, id).await
    }

    pub async fn delete_partner(&self, id: &str) -> StoreResult<()> {
        delete(&mut *self.conn().await?, id).await
    }
}
