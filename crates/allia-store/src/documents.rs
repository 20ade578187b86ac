//! Contract documents and their versions. A version is edited while it is a draft;
//! leaving draft freezes it with a snapshot of the alliance data; a later change makes
//! a new draft version.
//!
//! Every change that depends on the current version (settings, status, signatures)
//! reads it inside its own write transaction, begun with `BEGIN IMMEDIATE`: SQLite then
//! gives that transaction the write lock before the read, so two concurrent changes run
//! one after the other and neither loses what the other wrote.

use allia_core::document::MAX_SIGNATURES;
use allia_core::validation::{is_record_id, too_many_message};
use allia_core::{
    AllianceFile, ContractDocument, DocumentKind, DocumentSettings, DocumentStatus,
    DocumentVersion, PartySignature, ValidationErrors,
};
use chrono::{DateTime, Utc};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, Sqlite, SqliteConnection, Transaction};

use crate::error::{StoreError, StoreResult};
use crate::store::{ensure_found, enum_from_text, enum_text, new_id, Store};

const SELECT_CURRENT: &str = "SELECT d.id, d.alliance_id, d.kind, d.created_at, d.updated_at, \
     v.number, v.status, v.settings, v.snapshot, v.signatures, v.frozen_at \
     FROM document d JOIN document_version v ON v.document_id = d.id \
     AND v.number = (SELECT max(number) FROM document_version WHERE document_id = d.id)";

fn json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> StoreResult<T> {
    serde_json::from_str(text).map_err(|e| StoreError::CorruptData(format!("{what}: {e}")))
}

fn to_json<T: serde::Serialize>(value: &T) -> StoreResult<String> {
    serde_json::to_string(value).map_err(|e| StoreError::CorruptData(e.to_string()))
}

fn read_version(row: &SqliteRow) -> StoreResult<DocumentVersion> {
    let snapshot: Option<String> = row.try_get("snapshot")?;
    Ok(DocumentVersion {
        number: row.try_get("number")?,
        status: enum_from_text(&row.try_get::<String, _>("status")?)?,
        settings: json(&row.try_get::<String, _>("settings")?, "document settings")?,
        signatures: json(&row.try_get::<String, _>("signatures")?, "signatures")?,
        frozen_at: row.try_get::<Option<DateTime<Utc>>, _>("frozen_at")?,
        snapshot: snapshot
            .map(|s| json::<AllianceFile>(&s, "snapshot"))
            .transpose()?,
    })
}

fn read_document(row: &SqliteRow) -> StoreResult<ContractDocument> {
    Ok(ContractDocument::new(
        row.try_get("id")?,
        row.try_get("alliance_id")?,
        enum_from_text(&row.try_get::<String, _>("kind")?)?,
        row.try_get("created_at")?,
        row.try_get("updated_at")?,
        read_version(row)?,
    ))
}

fn refused(field: &str, message: &str) -> StoreError {
    let mut errors = ValidationErrors::default();
    errors.push(field, message);
    StoreError::Validation(errors)
}

/// `NotFound` for an id not shaped like the vault's, before any query.
fn known_shape(id: &str, what: &'static str) -> StoreResult<()> {
    if is_record_id(id) {
        Ok(())
    } else {
        Err(StoreError::NotFound(what))
    }
}

/// The document with its current version, read on the given connection (inside the
/// caller's transaction).
async fn current_on(conn: &mut SqliteConnection, id: &str) -> StoreResult<ContractDocument> {
    known_shape(id, "document")?;
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SELECT_CURRENT} WHERE d.id = ?"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound("document"))?;
    read_document(&row)
}

async fn insert_version(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
    settings: &DocumentSettings,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO document_version (document_id, number, status, settings, signatures, created_at) \
         VALUES (?, ?, ?, ?, '[]', ?)",
    )
    .bind(document_id)
    .bind(number)
    .bind(enum_text(&DocumentStatus::Draft))
    .bind(to_json(settings)?)
    .bind(Utc::now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Store {
    /// A write transaction that holds SQLite's write lock from its first statement
    /// (`BEGIN IMMEDIATE`), so what it reads cannot change before it writes. Waits for
    /// another writer up to the connection's busy timeout.
    async fn begin_write(&self) -> StoreResult<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// A new document at version 1, in draft.
    pub async fn create_document(
        &self,
        alliance_id: &str,
        kind: DocumentKind,
        settings: &DocumentSettings,
    ) -> StoreResult<ContractDocument> {
        let settings = settings.validated()?;
        known_shape(alliance_id, "alliance")?;
        let id = new_id();
        let now = Utc::now();
        let mut tx = self.begin_write().await?;
        // Checked in the transaction: an alliance deleted meanwhile is « not found »,
        // not a broken foreign key.
        let alliance: Option<String> = sqlx::query_scalar("SELECT id FROM alliance WHERE id = ?")
            .bind(alliance_id)
            .fetch_optional(&mut *tx)
            .await?;
        if alliance.is_none() {
            return Err(StoreError::NotFound("alliance"));
        }
        sqlx::query("INSERT INTO document (id, alliance_id, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
            .bind(&id)
            .bind(alliance_id)
            .bind(enum_text(&kind))
            .bind(now)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        insert_version(&mut tx, &id, 1, &settings).await?;
        tx.commit().await?;
        self.document(&id).await
    }

    /// The alliance's documents, each with its current version, oldest first.
    pub async fn documents(&self, alliance_id: &str) -> StoreResult<Vec<ContractDocument>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{SELECT_CURRENT} WHERE d.alliance_id = ? ORDER BY d.created_at, d.rowid"
        )))
        .bind(alliance_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(read_document).collect()
    }

    /// One document with its current version.
    pub async fn document(&self, id: &str) -> StoreResult<ContractDocument> {
        known_shape(id, "document")?;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{SELECT_CURRENT} WHERE d.id = ?"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound("document"))?;
        read_document(&row)
    }

    /// One version of a document, with the snapshot it was frozen with.
    pub async fn document_version(&self, id: &str, number: u32) -> StoreResult<DocumentVersion> {
        known_shape(id, "document")?;
        let row = sqlx::query(
            "SELECT number, status, settings, snapshot, signatures, frozen_at FROM document_version \
             WHERE document_id = ? AND number = ?",
        )
        .bind(id)
        .bind(number)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound("version"))?;
        read_version(&row)
    }

    /// Saves the settings into the current draft, or starts a new draft version when
    /// the current one is frozen.
    pub async fn update_document_settings(
        &self,
        id: &str,
        settings: &DocumentSettings,
    ) -> StoreResult<ContractDocument> {
        let settings = settings.validated()?;
        let mut tx = self.begin_write().await?;
        let current = current_on(&mut tx, id).await?.current;
        if current.status.is_frozen() {
            insert_version(&mut tx, id, current.number + 1, &settings).await?;
        } else {
            set_version_field(
                &mut tx,
                id,
                current.number,
                VersionField::Settings,
                to_json(&settings)?,
            )
            .await?;
        }
        touch(&mut tx, id).await?;
        tx.commit().await?;
        self.document(id).await
    }

    /// Moves the current version forward; leaving draft freezes it with the alliance
    /// data as it is now.
    pub async fn set_document_status(
        &self,
        id: &str,
        status: DocumentStatus,
    ) -> StoreResult<ContractDocument> {
        let document = self.document(id).await?;
        document.current.status.check_move_to(status)?;
        // The alliance data a draft is frozen with, read before the write lock is taken
        // (the reads use other connections of the pool). A change to the alliance that
        // lands in between is simply not in this snapshot, as if made just after.
        let snapshot = to_json(&self.export_alliance(&document.alliance_id).await?)?;
        let mut tx = self.begin_write().await?;
        let current = current_on(&mut tx, id).await?.current;
        current.status.check_move_to(status)?;
        if !current.status.is_frozen() {
            sqlx::query(
                "UPDATE document_version SET snapshot = ?, frozen_at = ? WHERE document_id = ? AND number = ?",
            )
            .bind(snapshot)
            .bind(Utc::now())
            .bind(id)
            .bind(current.number)
            .execute(&mut *tx)
            .await?;
        }
        set_version_field(
            &mut tx,
            id,
            current.number,
            VersionField::Status,
            enum_text(&status),
        )
        .await?;
        touch(&mut tx, id).await?;
        tx.commit().await?;
        self.document(id).await
    }

    /// Records (or replaces) a party's signature on the current version.
    pub async fn record_signature(
        &self,
        id: &str,
        signature: &PartySignature,
    ) -> StoreResult<ContractDocument> {
        let signature = signature.validated()?;
        let mut tx = self.begin_write().await?;
        let current = current_on(&mut tx, id).await?.current;
        current.status.check_accepts_signatures()?;
        let mut signatures = current.signatures;
        signatures.retain(|s| s.party != signature.party);
        signatures.push(signature);
        if signatures.len() > MAX_SIGNATURES {
            return Err(refused(
                "party",
                &too_many_message("signatures", MAX_SIGNATURES, signatures.len()),
            ));
        }
        set_version_field(
            &mut tx,
            id,
            current.number,
            VersionField::Signatures,
            to_json(&signatures)?,
        )
        .await?;
        touch(&mut tx, id).await?;
        tx.commit().await?;
        self.document(id).await
    }

    /// What a version renders from: its settings and, once frozen, the alliance data it
    /// was frozen with (a draft renders from the alliance as it is now). The latest
    /// version when `version` is `None`.
    pub async fn document_render_input(
        &self,
        id: &str,
        version: Option<u32>,
    ) -> StoreResult<(ContractDocument, DocumentVersion, AllianceFile)> {
        let document = self.document(id).await?;
        let chosen = match version {
            Some(n) => self.document_version(id, n).await?,
            None => document.current.clone(),
        };
        let file = match &chosen.snapshot {
            Some(snapshot) => snapshot.clone(),
            None => self.export_alliance(&document.alliance_id).await?,
        };
        Ok((document, chosen, file))
    }

    pub async fn delete_document(&self, id: &str) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM document WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await?;
        ensure_found(done, "document")
    }
}

/// A column of the current version that a change rewrites.
#[derive(Clone, Copy)]
enum VersionField {
    Settings,
    Signatures,
    Status,
}

async fn set_version_field(
    conn: &mut SqliteConnection,
    id: &str,
    number: u32,
    field: VersionField,
    value: String,
) -> StoreResult<()> {
    // One fixed statement per column: no SQL is built from data.
    let sql = match field {
        VersionField::Settings => {
            "UPDATE document_version SET settings = ? WHERE document_id = ? AND number = ?"
        }
        VersionField::Signatures => {
            "UPDATE document_version SET signatures = ? WHERE document_id = ? AND number = ?"
        }
        VersionField::Status => {
            "UPDATE document_version SET status = ? WHERE document_id = ? AND number = ?"
        }
    };
    sqlx::query(sql)
        .bind(value)
        .bind(id)
        .bind(number)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn touch(conn: &mut SqliteConnection, id: &str) -> StoreResult<()> {
    sqlx::query("UPDATE document SET updated_at = ? WHERE id = ?")
        .bind(Utc::now())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
