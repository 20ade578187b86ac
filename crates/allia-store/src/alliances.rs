//! Alliances: create, list, edit, archive, delete, and the demo alliance.

use allia_core::demo::{demo_alliance, LEGACY_DEMO_ALLIANCE_ID};
use allia_core::validation::is_record_id;
use allia_core::{Alliance, AllianceDraft};
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::{AssertSqlSafe, SqliteConnection};

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

/// One `alliance` row with the number of its partners.
#[derive(sqlx::FromRow)]
struct AllianceRow {
    id: String,
    archived: bool,
    #[sqlx(try_from = "i64")]
    partner_count: u32,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    #[sqlx(flatten)]
    draft: AllianceDraft,
}

impl From<AllianceRow> for Alliance {
    fn from(row: AllianceRow) -> Alliance {
        Alliance {
            id: row.id,
            archived: row.archived,
            partner_count: row.partner_count,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: row.draft,
        }
    }
}

const SELECT: &str =
    "SELECT a.id, a.name, a.purpose, a.territory, a.start_date, a.status, a.terms, a.archived, \
     a.created_at, a.updated_at, (SELECT count(*) FROM partner p WHERE p.alliance_id = a.id \
     AND p.pipeline_status = 'engaged') AS partner_count \
     FROM alliance a";

/// Every alliance, archived ones last, most recently changed first.
pub(crate) async fn list(conn: &mut SqliteConnection) -> StoreResult<Vec<Alliance>> {
    let rows: Vec<AllianceRow> = sqlx::query_as(AssertSqlSafe(format!(
        "{SELECT} ORDER BY a.archived, a.updated_at DESC"
    )))
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Alliance::from).collect())
}

/// One alliance; `NotFound` for an unknown id or one not shaped like the vault's.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<Alliance> {
    if !is_record_id(id) {
        return Err(StoreError::NotFound(Entity::Alliance));
    }
    let row: Option<AllianceRow> =
        sqlx::query_as(AssertSqlSafe(format!("{SELECT} WHERE a.id = ?")))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(Alliance::from)
        .ok_or(StoreError::NotFound(Entity::Alliance))
}

/// `NotFound` unless the alliance exists (checked inside the caller's transaction, an
/// alliance deleted meanwhile is « not found », not a broken foreign key).
/// Whether an alliance with this id is in the vault.
async fn exists(conn: &mut SqliteConnection, id: &str) -> StoreResult<bool> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM alliance WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

pub(crate) async fn ensure_exists(conn: &mut SqliteConnection, id: &str) -> StoreResult<()> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM alliance WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(StoreError::NotFound(Entity::Alliance)),
    }
}

/// Inserts an already-validated alliance and returns its new id.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    draft: &AllianceDraft,
) -> StoreResult<String> {
    let id = new_id();
    insert_with_id(conn, &id, draft).await?;
    Ok(id)
}

/// Inserts an already-validated alliance under a given id (the demo's).
async fn insert_with_id(
    conn: &mut SqliteConnection,
    id: &str,
    draft: &AllianceDraft,
) -> StoreResult<()> {
    let now = Utc::now();
    sqlx::query(
        "INSERT INTO alliance (id, name, purpose, territory, start_date, status, terms, archived, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
    )
    .bind(id)
    .bind(&draft.name)
    .bind(&draft.purpose)
    .bind(&draft.territory)
    .bind(draft.start_date)
    .bind(draft.status)
    .bind(Json(&draft.terms))
    .bind(now)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Rewrites an already-validated alliance.
pub(crate) async fn update(
    conn: &mut SqliteConnection,
    id: &str,
    draft: &AllianceDraft,
) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE alliance SET name = ?, purpose = ?, territory = ?, start_date = ?, status = ?, terms = ?, updated_at = ? WHERE id = ?",
    )
    .bind(&draft.name)
    .bind(&draft.purpose)
    .bind(&draft.territory)
    .bind(draft.start_date)
    .bind(draft.status)
    .bind(Json(&draft.terms))
    .bind(Utc::now())
    .bind(id)
    .execute(conn)
    .await?;
    ensure_found(done, Entity::Alliance)
}

pub(crate) async fn set_archived(
    conn: &mut SqliteConnection,
    id: &str,
    archived: bool,
) -> StoreResult<()> {
    let done = sqlx::query("UPDATE alliance SET archived = ?, updated_at = ? WHERE id = ?")
        .bind(archived)
        .bind(Utc::now())
        .bind(id)
        .execute(conn)
        .await?;
    ensure_found(done, Entity::Alliance)
}

/// Marks the alliance as changed now (its partners changed).
pub(crate) async fn touch(conn: &mut SqliteConnection, id: &str) -> StoreResult<()> {
    sqlx::query("UPDATE alliance SET updated_at = ? WHERE id = ?")
        .bind(Utc::now())
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes the alliance and, through the foreign keys, its partners and documents.
pub(crate) async fn delete(conn: &mut SqliteConnection, id: &str) -> StoreResult<()> {
    let done = sqlx::query("DELETE FROM alliance WHERE id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    ensure_found(done, Entity::Alliance)
}

impl Store {
    /// Every alliance, archived ones included, most recently changed first.
    pub async fn alliances(&self) -> StoreResult<Vec<Alliance>> {
        list(&mut *self.conn().await?).await
    }

    /// One alliance; `NotFound` for an unknown id or one not shaped like the vault's.
    pub async fn alliance(&self, id: &str) -> StoreResult<Alliance> {
        get(&mut *self.conn().await?, id).await
    }

    pub async fn create_alliance(&self, draft: &AllianceDraft) -> StoreResult<Alliance> {
        let draft = draft.validated()?;
        let mut conn = self.conn().await?;
        let id = insert(&mut conn, &draft).await?;
        // The scoring matrix's five default criteria (the actor register).
        crate::actors::criteria::seed(&mut conn, &id).await?;
        get(&mut conn, &id).await
    }

    pub async fn update_alliance(&self, id: &str, draft: &AllianceDraft) -> StoreResult<Alliance> {
        let draft = draft.validated()?;
        let mut conn = self.conn().await?;
        update(&mut conn, id, &draft).await?;
        get(&mut conn, id).await
    }

    pub async fn set_alliance_archived(&self, id: &str, archived: bool) -> StoreResult<Alliance> {
        let mut conn = self.conn().await?;
        set_archived(&mut conn, id, archived).await?;
        get(&mut conn, id).await
    }

    /// Deletes the alliance and, through the foreign key, its partners.
    pub async fn delete_alliance(&self, id: &str) -> StoreResult<()> {
        delete(&mut *self.conn().await?, id).await
    }

    /// « Charger l’exemple »: the guide's example alliance, stored once per vault with its
    /// partners and the rest of its register (other actors, links, log, scores; one
    /// transaction) under a random id remembered in the vault's settings,
    /// so that demos of two vaults turned into real alliances are never taken for the same
    /// alliance when their files are exchanged. When the remembered demo still exists it
    /// is returned as it now is (edited, archived) and nothing is added; once deleted, the
    /// demo is stored anew under a new id. A vault holding a demo under the id earlier
    /// versions used in every vault ([`LEGACY_DEMO_ALLIANCE_ID`]) keeps it as its demo.
    pub async fn load_demo(&self) -> StoreResult<Alliance> {
        let demo = demo_alliance();
        let alliance = demo.alliance.validated()?;
        // The write lock first: two calls at once cannot both find it missing.
        let mut tx = self.begin_write().await?;
        let id = match crate::settings::demo_alliance_id(&mut tx).await? {
            Some(id) if exists(&mut tx, &id).await? => id,
            Some(_) => new_id(),
            None if exists(&mut tx, LEGACY_DEMO_ALLIANCE_ID).await? => {
                LEGACY_DEMO_ALLIANCE_ID.to_owned()
            }
            None => new_id(),
        };
        if !exists(&mut tx, &id).await? {
            insert_with_id(&mut tx, &id, &alliance).await?;
            let partner_ids = crate::partners::insert(&mut tx, &id, &demo.partners).await?;
            crate::demo_seed::insert_register(&mut tx, &id, &demo, partner_ids).await?;
            crate::diagnostic::insert_demo(&mut tx, &id).await?;
            crate::project_dossier::insert_demo(&mut tx, &id).await?;
            crate::model_advisor::insert_demo(&mut tx, &id).await?;
            crate::demo_seed::insert_objectives(&mut tx, &id).await?;
            crate::demo_seed::insert_evaluation(&mut tx, &id).await?;
        }
        crate::settings::remember_demo_alliance_id(&mut tx, &id).await?;
        tx.commit().await?;
        self.alliance(&id).await
    }
}
