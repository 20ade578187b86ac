//! What each party of an alliance commits (allia-core's `commitment`): one `commitment`
//! row per party, the partner's id or NULL for the vault's own association, the draft as
//! JSON text.

use allia_core::validation::is_record_id;
use allia_core::{CommitmentsDraft, PartyCommitments};
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

/// One `commitment` row.
#[derive(sqlx::FromRow)]
struct CommitmentRow {
    id: String,
    alliance_id: String,
    partner_id: Option<String>,
    #[sqlx(json)]
    data: CommitmentsDraft,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<CommitmentRow> for PartyCommitments {
    fn from(row: CommitmentRow) -> PartyCommitments {
        PartyCommitments {
            id: row.id,
            alliance_id: row.alliance_id,
            partner_id: row.partner_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: row.data,
        }
    }
}

const SELECT: &str = "SELECT c.id, c.alliance_id, c.partner_id, c.data, c.created_at, \
     c.updated_at FROM commitment c LEFT JOIN partner p ON p.id = c.partner_id";

/// The commitments recorded for one alliance: the association's first, then the
/// partners' in the order the partners were added.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<PartyCommitments>> {
    let rows: Vec<CommitmentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE c.alliance_id = ? \
         ORDER BY c.partner_id IS NOT NULL, p.created_at, p.rowid"
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(PartyCommitments::from).collect())
}

/// The commitments of one party, if recorded.
async fn find(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    partner_id: Option<&str>,
) -> StoreResult<Option<PartyCommitments>> {
    let row: Option<CommitmentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE c.alliance_id = ? AND c.partner_id IS ?"
    )))
    .bind(alliance_id)
    .bind(partner_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(PartyCommitments::from))
}

/// `NotFound` unless the alliance exists and, for a partner, the partner belongs to it
/// (a partner of another alliance is « not found » here).
async fn ensure_party(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    partner_id: Option<&str>,
) -> StoreResult<()> {
    if !is_record_id(alliance_id) {
        return Err(StoreError::NotFound(Entity::Alliance));
    }
    crate::alliances::ensure_exists(&mut *conn, alliance_id).await?;
    if let Some(partner_id) = partner_id {
        let found: Option<i64> = if is_record_id(partner_id) {
            sqlx::query_scalar(
                // A partner: an actor of the register at « Engagé ».
                "SELECT 1 FROM partner WHERE id = ? AND alliance_id = ? \
                 AND pipeline_status = 'engaged'",
            )
            .bind(partner_id)
            .bind(alliance_id)
            .fetch_optional(conn)
            .await?
        } else {
            None
        };
        if found.is_none() {
            return Err(StoreError::NotFound(Entity::Partner));
        }
    }
    Ok(())
}

/// Writes an already-validated draft for one party whose alliance and partner exist:
/// updates its row or inserts one. `at` is the record's creation time when inserted
/// (an import keeps the file's), `now` its update time.
pub(crate) async fn put(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    partner_id: Option<&str>,
    draft: &CommitmentsDraft,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE commitment SET data = ?, updated_at = ? WHERE alliance_id = ? AND partner_id IS ?",
    )
    .bind(Json(draft))
    .bind(updated_at)
    .bind(alliance_id)
    .bind(partner_id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        sqlx::query(
            "INSERT INTO commitment (id, alliance_id, partner_id, data, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(new_id())
        .bind(alliance_id)
        .bind(partner_id)
        .bind(Json(draft))
        .bind(created_at)
        .bind(updated_at)
        .execute(conn)
        .await?;
    }
    Ok(())
}

impl Store {
    /// The commitments recorded for one alliance: the association's first (`partnerId`
    /// null), then the partners' in the order the partners were added. A party with
    /// nothing recorded has no entry. `NotFound(Alliance)` for an unknown alliance.
    pub async fn commitments(&self, alliance_id: &str) -> StoreResult<Vec<PartyCommitments>> {
        let mut conn = self.conn().await?;
        ensure_party(&mut conn, alliance_id, None).await?;
        list(&mut conn, alliance_id).await
    }

    /// Records what one party commits (`partner_id` `None`: the vault's own
    /// association), replacing what it had; returns the stored record. The draft is
    /// validated first (`CommitmentsDraft::validated`: field errors such as
    /// `financial.0.schedule` when the instalments do not add up); `NotFound` for an
    /// unknown alliance, or a partner that is not one of this alliance's.
    pub async fn set_commitments(
        &self,
        alliance_id: &str,
        partner_id: Option<&str>,
        draft: &CommitmentsDraft,
    ) -> StoreResult<PartyCommitments> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        ensure_party(&mut tx, alliance_id, partner_id).await?;
        let now = Utc::now();
        put(&mut tx, alliance_id, partner_id, &draft, now, now).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        let stored = find(&mut tx, alliance_id, partner_id)
            .await?
            .ok_or(StoreError::NotFound(Entity::Commitments))?;
        tx.commit().await?;
        Ok(stored)
    }

    /// Forgets what one party commits. `NotFound(Commitments)` when nothing was
    /// recorded for it.
    pub async fn delete_commitments(
        &self,
        alliance_id: &str,
        partner_id: Option<&str>,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        ensure_party(&mut tx, alliance_id, partner_id).await?;
        let done = sqlx::query("DELETE FROM commitment WHERE alliance_id = ? AND partner_id IS ?")
            .bind(alliance_id)
            .bind(partner_id)
            .execute(&mut *tx)
            .await?;
        ensure_found(done, Entity::Commitments)?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }
}
