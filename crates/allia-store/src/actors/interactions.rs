//! Typed, directed links between two actors of one alliance (`actor_interaction`):
//! added, edited, deleted, listed; one per kind between the same two actors (allia-core's
//! `InteractionDraft::is_same_link`, both directions for a symmetric kind). A link goes
//! with either of its actors (foreign keys, cascade).

use allia_core::actors::{duplicate_link_message, Interaction, InteractionDraft, InteractionKind};
use allia_core::ValidationErrors;
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use super::{actor_of, known_shape};
use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

/// One `actor_interaction` row.
#[derive(sqlx::FromRow)]
struct InteractionRow {
    id: String,
    alliance_id: String,
    from_actor_id: String,
    to_actor_id: String,
    kind: InteractionKind,
    note: Option<String>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<InteractionRow> for Interaction {
    fn from(row: InteractionRow) -> Interaction {
        Interaction {
            id: row.id,
            alliance_id: row.alliance_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            draft: InteractionDraft {
                from_actor_id: row.from_actor_id,
                to_actor_id: row.to_actor_id,
                kind: row.kind,
                note: row.note,
            },
        }
    }
}

const SELECT: &str = "SELECT id, alliance_id, from_actor_id, to_actor_id, kind, note, \
     created_at, updated_at FROM actor_interaction";

/// The links of one alliance, in the order they were added.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<Interaction>> {
    let rows: Vec<InteractionRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE alliance_id = ? ORDER BY created_at, rowid"
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(Interaction::from).collect())
}

/// One link; `NotFound(Interaction)`.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<Interaction> {
    known_shape(id, Entity::Interaction)?;
    let row: Option<InteractionRow> =
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = ?")))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(Interaction::from)
        .ok_or(StoreError::NotFound(Entity::Interaction))
}

/// Inserts a whole, already-checked link with its id and dates (an alliance file's).
pub(crate) async fn insert(conn: &mut SqliteConnection, record: &Interaction) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO actor_interaction (id, alliance_id, from_actor_id, to_actor_id, kind, \
         note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&record.id)
    .bind(&record.alliance_id)
    .bind(&record.draft.from_actor_id)
    .bind(&record.draft.to_actor_id)
    .bind(record.draft.kind)
    .bind(&record.draft.note)
    .bind(record.created_at)
    .bind(record.updated_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Checks a validated draft against the alliance: both actors are its own, and no other
/// link (than `editing`) is the same one, refused on `kind` with allia-core's
/// [`duplicate_link_message`] naming both actors as the existing link has them.
async fn check(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    draft: &InteractionDraft,
    editing: Option<&str>,
) -> StoreResult<()> {
    let from = actor_of(conn, alliance_id, &draft.from_actor_id).await?;
    let to = actor_of(conn, alliance_id, &draft.to_actor_id).await?;
    let existing = list(conn, alliance_id).await?;
    if let Some(same) = existing
        .iter()
        .find(|i| Some(i.id.as_str()) != editing && i.draft.is_same_link(draft))
    {
        let name = |id: &str| {
            if id == from.id {
                from.draft.organisation.name.clone()
            } else {
                to.draft.organisation.name.clone()
            }
        };
        let mut errors = ValidationErrors::default();
        errors.push(
            "kind",
            duplicate_link_message(
                same.draft.kind,
                &name(&same.draft.from_actor_id),
                &name(&same.draft.to_actor_id),
            ),
        );
        return Err(errors.into());
    }
    Ok(())
}

impl Store {
    /// The links between the alliance's actors, in the order they were added.
    /// `NotFound(Alliance)` for an unknown alliance.
    pub async fn interactions(&self, alliance_id: &str) -> StoreResult<Vec<Interaction>> {
        let mut conn = self.conn().await?;
        crate::alliances::ensure_exists(&mut conn, alliance_id).await?;
        list(&mut conn, alliance_id).await
    }

    /// Adds a link « from <kind> to ». Validated by allia-core (two different actors,
    /// the note); both actors must be the alliance's (`NotFound(Partner)`); the same
    /// link twice is refused on `kind` (« Ce lien existe déjà : … »).
    pub async fn add_interaction(
        &self,
        alliance_id: &str,
        draft: &InteractionDraft,
    ) -> StoreResult<Interaction> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        crate::alliances::ensure_exists(&mut tx, alliance_id).await?;
        check(&mut tx, alliance_id, &draft, None).await?;
        let now = Utc::now();
        let record = Interaction {
            id: new_id(),
            alliance_id: alliance_id.to_string(),
            created_at: now,
            updated_at: now,
            draft,
        };
        insert(&mut tx, &record).await?;
        crate::alliances::touch(&mut tx, alliance_id).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Rewrites a link (its kind, note, or even its actors), under the rules of
    /// [`Store::add_interaction`].
    pub async fn update_interaction(
        &self,
        id: &str,
        draft: &InteractionDraft,
    ) -> StoreResult<Interaction> {
        let draft = draft.validated()?;
        let mut tx = self.begin_write().await?;
        let stored = get(&mut tx, id).await?;
        check(&mut tx, &stored.alliance_id, &draft, Some(id)).await?;
        let done = sqlx::query(
            "UPDATE actor_interaction SET from_actor_id = ?, to_actor_id = ?, kind = ?, \
             note = ?, updated_at = ? WHERE id = ?",
        )
        .bind(&draft.from_actor_id)
        .bind(&draft.to_actor_id)
        .bind(draft.kind)
        .bind(&draft.note)
        .bind(Utc::now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        ensure_found(done, Entity::Interaction)?;
        crate::alliances::touch(&mut tx, &stored.alliance_id).await?;
        let updated = get(&mut tx, id).await?;
        tx.commit().await?;
        Ok(updated)
    }

    /// Deletes a link. `NotFound(Interaction)`.
    pub async fn delete_interaction(&self, id: &str) -> StoreResult<()> {
        let mut tx = self.begin_write().await?;
        let stored = get(&mut tx, id).await?;
        sqlx::query("DELETE FROM actor_interaction WHERE id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        crate::alliances::touch(&mut tx, &stored.alliance_id).await?;
        tx.commit().await?;
        Ok(())
    }
}
