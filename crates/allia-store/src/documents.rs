//! Contract documents and their versions. A version is edited while it is a draft;
//! leaving draft freezes it with a snapshot of the alliance data; a later change makes
//! a new draft version.
//!
//! Every change that depends on the current version (settings, status, signatures)
//! reads it inside its own write transaction, begun with `BEGIN IMMEDIATE`: SQLite then
//! gives that transaction the write lock before the read, so two concurrent changes run
//! one after the other and neither loses what the other wrote.
//!
//! A frozen version's snapshot is stored as a versioned [`Snapshot`] (docs/formats.md)
//! and read back upgraded to the current [`AllianceFile`], the templates' input.

use allia_core::document::MAX_SIGNATURES;
use allia_core::validation::{is_record_id, too_many_message};
use allia_core::{
    AllianceFile, ClauseChange, ContractDocument, DocumentKind, DocumentSettings, DocumentStatus,
    DocumentVersion, PartySignature, SignatureDraft, Snapshot, ValidationErrors,
};
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::{AssertSqlSafe, SqliteConnection};

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::{ensure_found, new_id, Store};

pub(crate) mod ids;

/// One `document_version` row.
#[derive(sqlx::FromRow)]
struct VersionRow {
    number: u32,
    status: DocumentStatus,
    #[sqlx(json)]
    settings: DocumentSettings,
    #[sqlx(json)]
    signatures: Vec<PartySignature>,
    frozen_at: Option<DateTime<Utc>>,
    #[sqlx(json(nullable))]
    snapshot: Option<Snapshot>,
}

impl From<VersionRow> for DocumentVersion {
    fn from(row: VersionRow) -> DocumentVersion {
        DocumentVersion {
            number: row.number,
            status: row.status,
            settings: row.settings,
            signatures: row.signatures,
            frozen_at: row.frozen_at,
            snapshot: row.snapshot.map(Snapshot::upgrade),
        }
    }
}

/// One `document` row joined with its current (latest) version.
#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: String,
    alliance_id: String,
    kind: DocumentKind,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    #[sqlx(flatten)]
    current: VersionRow,
}

impl From<DocumentRow> for ContractDocument {
    fn from(row: DocumentRow) -> ContractDocument {
        ContractDocument::new(
            row.id,
            row.alliance_id,
            row.kind,
            row.created_at,
            row.updated_at,
            row.current.into(),
        )
    }
}

const SELECT_CURRENT: &str = "SELECT d.id, d.alliance_id, d.kind, d.created_at, d.updated_at, \
     v.number, v.status, v.settings, v.snapshot, v.signatures, v.frozen_at \
     FROM document d JOIN document_version v ON v.document_id = d.id \
     AND v.number = (SELECT max(number) FROM document_version WHERE document_id = d.id)";

/// `NotFound` for an id not shaped like the vault's, before any query.
fn known_shape(id: &str, what: Entity) -> StoreResult<()> {
    if is_record_id(id) {
        Ok(())
    } else {
        Err(StoreError::NotFound(what))
    }
}

/// The alliance's documents, each with its current version, oldest first.
pub(crate) async fn list(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<ContractDocument>> {
    let rows: Vec<DocumentRow> = sqlx::query_as(AssertSqlSafe(format!(
        "{SELECT_CURRENT} WHERE d.alliance_id = ? ORDER BY d.created_at, d.rowid"
    )))
    .bind(alliance_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(ContractDocument::from).collect())
}

/// One document with its current version.
pub(crate) async fn get(conn: &mut SqliteConnection, id: &str) -> StoreResult<ContractDocument> {
    known_shape(id, Entity::Document)?;
    let row: Option<DocumentRow> =
        sqlx::query_as(AssertSqlSafe(format!("{SELECT_CURRENT} WHERE d.id = ?")))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(ContractDocument::from)
        .ok_or(StoreError::NotFound(Entity::Document))
}

/// One version of a document, with the snapshot it was frozen with.
pub(crate) async fn version(
    conn: &mut SqliteConnection,
    id: &str,
    number: u32,
) -> StoreResult<DocumentVersion> {
    known_shape(id, Entity::Document)?;
    let row: Option<VersionRow> = sqlx::query_as(
        "SELECT number, status, settings, snapshot, signatures, frozen_at FROM document_version \
         WHERE document_id = ? AND number = ?",
    )
    .bind(id)
    .bind(number)
    .fetch_optional(conn)
    .await?;
    row.map(DocumentVersion::from)
        .ok_or(StoreError::NotFound(Entity::DocumentVersion))
}

/// Inserts a new document (without versions) and returns its id.
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    kind: DocumentKind,
) -> StoreResult<String> {
    let id = new_id();
    let now = Utc::now();
    sqlx::query(
        "INSERT INTO document (id, alliance_id, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&id)
    .bind(alliance_id)
    .bind(kind)
    .bind(now)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Adds version `number` of a document, in draft, with already-validated settings.
pub(crate) async fn insert_version(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
    settings: &DocumentSettings,
) -> StoreResult<()> {
    // A new version is a new record: its own id, new ids for its clause changes.
    let override_ids = ids::reconciled(&ids::IdMap::new(), ids::override_keys(settings));
    sqlx::query(
        "INSERT INTO document_version (document_id, number, status, settings, signatures, created_at, \
         id, override_ids) VALUES (?, ?, ?, ?, '[]', ?, ?, ?)",
    )
    .bind(document_id)
    .bind(number)
    .bind(DocumentStatus::Draft)
    .bind(Json(settings))
    .bind(Utc::now())
    .bind(new_id())
    .bind(Json(&override_ids))
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn set_settings(
    conn: &mut SqliteConnection,
    id: &str,
    number: u32,
    settings: &DocumentSettings,
) -> StoreResult<()> {
    sqlx::query("UPDATE document_version SET settings = ? WHERE document_id = ? AND number = ?")
        .bind(Json(settings))
        .bind(id)
        .bind(number)
        .execute(&mut *conn)
        .await?;
    ids::follow_settings(conn, id, number, settings).await
}

pub(crate) async fn set_signatures(
    conn: &mut SqliteConnection,
    id: &str,
    number: u32,
    signatures: &[PartySignature],
) -> StoreResult<()> {
    sqlx::query("UPDATE document_version SET signatures = ? WHERE document_id = ? AND number = ?")
        .bind(Json(signatures))
        .bind(id)
        .bind(number)
        .execute(&mut *conn)
        .await?;
    ids::follow_signatures(conn, id, number, signatures).await
}

pub(crate) async fn set_status(
    conn: &mut SqliteConnection,
    id: &str,
    number: u32,
    status: DocumentStatus,
) -> StoreResult<()> {
    sqlx::query("UPDATE document_version SET status = ? WHERE document_id = ? AND number = ?")
        .bind(status)
        .bind(id)
        .bind(number)
        .execute(conn)
        .await?;
    Ok(())
}

/// Version `number` follows the alliance's data again: its snapshot and freeze date go.
pub(crate) async fn unfreeze(
    conn: &mut SqliteConnection,
    id: &str,
    number: u32,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE document_version SET snapshot = NULL, frozen_at = NULL WHERE document_id = ? AND number = ?",
    )
    .bind(id)
    .bind(number)
    .execute(conn)
    .await?;
    Ok(())
}

/// Freezes version `number` with the alliance data as it is now.
pub(crate) async fn freeze(
    conn: &mut SqliteConnection,
    id: &str,
    number: u32,
    snapshot: &Snapshot,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE document_version SET snapshot = ?, frozen_at = ? WHERE document_id = ? AND number = ?",
    )
    .bind(Json(snapshot))
    .bind(Utc::now())
    .bind(id)
    .bind(number)
    .execute(conn)
    .await?;
    Ok(())
}

/// Saves validated settings into the current draft, or as a new draft version when the
/// current one is frozen; marks the document as changed.
pub(crate) async fn save_settings(
    conn: &mut SqliteConnection,
    id: &str,
    current: &DocumentVersion,
    settings: &DocumentSettings,
) -> StoreResult<()> {
    if current.status.is_frozen() {
        insert_version(conn, id, current.number + 1, settings).await?;
    } else {
        set_settings(conn, id, current.number, settings).await?;
    }
    touch(conn, id).await
}

/// Marks the document as changed now.
pub(crate) async fn touch(conn: &mut SqliteConnection, id: &str) -> StoreResult<()> {
    sqlx::query("UPDATE document SET updated_at = ? WHERE id = ?")
        .bind(Utc::now())
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub(crate) async fn delete(conn: &mut SqliteConnection, id: &str) -> StoreResult<()> {
    let done = sqlx::query("DELETE FROM document WHERE id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    ensure_found(done, Entity::Document)
}

fn refused(field: &str, message: &str) -> StoreError {
    let mut errors = ValidationErrors::default();
    errors.push(field, message);
    StoreError::Validation(errors)
}

impl Store {
    /// A new document at version 1, in draft.
    pub async fn create_document(
        &self,
        alliance_id: &str,
        kind: DocumentKind,
        settings: &DocumentSettings,
    ) -> StoreResult<ContractDocument> {
        let mut settings = settings.validated()?;
        // A new document has no attached file yet (annex_files.rs).
        settings.annexes.iter_mut().for_each(|a| a.file_name = None);
        known_shape(alliance_id, Entity::Alliance)?;
        let mut tx = self.begin_write().await?;
        // Checked in the transaction: an alliance deleted meanwhile is « not found »,
        // not a broken foreign key.
        crate::alliances::ensure_exists(&mut tx, alliance_id).await?;
        let id = insert(&mut tx, alliance_id, kind).await?;
        insert_version(&mut tx, &id, 1, &settings).await?;
        tx.commit().await?;
        self.document(&id).await
    }

    /// The alliance's documents, each with its current version, oldest first.
    pub async fn documents(&self, alliance_id: &str) -> StoreResult<Vec<ContractDocument>> {
        list(&mut *self.conn().await?, alliance_id).await
    }

    /// One document with its current version.
    pub async fn document(&self, id: &str) -> StoreResult<ContractDocument> {
        get(&mut *self.conn().await?, id).await
    }

    /// One version of a document, with the snapshot it was frozen with.
    pub async fn document_version(&self, id: &str, number: u32) -> StoreResult<DocumentVersion> {
        version(&mut *self.conn().await?, id, number).await
    }

    /// Saves the settings into the current draft, or starts a new draft version when
    /// the current one is frozen.
    pub async fn update_document_settings(
        &self,
        id: &str,
        settings: &DocumentSettings,
    ) -> StoreResult<ContractDocument> {
        let mut settings = settings.validated()?;
        let mut tx = self.begin_write().await?;
        let current = get(&mut tx, id).await?.current;
        crate::annex_files::reconcile(&mut tx, id, &mut settings).await?;
        save_settings(&mut tx, id, &current, &settings).await?;
        tx.commit().await?;
        self.document(id).await
    }

    /// Changes one clause (include it or not, its text) with the override merge of
    /// [`DocumentSettings::with_clause_change`], on the settings read inside the write
    /// transaction, so a concurrent change to another clause is kept; like any change,
    /// a frozen version answers with a new draft version.
    pub async fn change_document_clause(
        &self,
        id: &str,
        clause_id: &str,
        change: ClauseChange,
    ) -> StoreResult<ContractDocument> {
        let mut tx = self.begin_write().await?;
        let current = get(&mut tx, id).await?.current;
        let settings = current
            .settings
            .with_clause_change(clause_id, change)
            .validated()?;
        save_settings(&mut tx, id, &current, &settings).await?;
        tx.commit().await?;
        self.document(id).await
    }

    /// Takes the current version back to « Brouillon » while nobody has signed it
    /// ([`DocumentVersion::check_return_to_draft`](allia_core::DocumentVersion::check_return_to_draft)):
    /// it follows the alliance's data again, its snapshot and its prints dropped.
    ///
    /// # Errors
    /// `DocumentRefused` (a draft already, or a signature recorded), `NotFound`.
    pub async fn return_document_to_draft(&self, id: &str) -> StoreResult<ContractDocument> {
        let mut tx = self.begin_write().await?;
        let current = get(&mut tx, id).await?.current;
        current.check_return_to_draft()?;
        unfreeze(&mut tx, id, current.number).await?;
        // Printed with the data it was frozen with: it prints anew when frozen again.
        crate::version_print::forget(&mut tx, id, current.number).await?;
        set_status(&mut tx, id, current.number, DocumentStatus::Draft).await?;
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
        // (the reads use another connection of the pool). A change to the alliance that
        // lands in between is simply not in this snapshot, as if made just after.
        let snapshot = Snapshot::of(&self.export_alliance(&document.alliance_id).await?);
        let mut tx = self.begin_write().await?;
        let current = get(&mut tx, id).await?.current;
        current.status.check_move_to(status)?;
        if !current.status.is_frozen() {
            freeze(&mut tx, id, current.number, &snapshot).await?;
        }
        set_status(&mut tx, id, current.number, status).await?;
        touch(&mut tx, id).await?;
        tx.commit().await?;
        self.document(id).await
    }

    /// Records (or replaces) a party's signature on the current version, while it is
    /// « Prêt à signer » only (allia-core's `check_accepts_signatures`: once « Signé »
    /// the signatures are read-only, a change means a new version).
    ///
    /// # Errors
    /// `DocumentRefused`: `NotReadyToSign` before, `SignaturesClosed` once signed,
    /// `PlaceholderParty` when the party is still a placeholder
    /// (`allia_core::document::is_placeholder_party`); `Validation`, `NotFound`.
    pub async fn record_signature(
        &self,
        id: &str,
        signature: &PartySignature,
    ) -> StoreResult<ContractDocument> {
        let signature = signature.validated()?;
        if allia_core::document::is_placeholder_party(&signature.party) {
            return Err(allia_core::DocumentRefusal::PlaceholderParty.into());
        }
        let mut tx = self.begin_write().await?;
        let current = get(&mut tx, id).await?.current;
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
        set_signatures(&mut tx, id, current.number, &signatures).await?;
        touch(&mut tx, id).await?;
        tx.commit().await?;
        self.document(id).await
    }

    /// Records a signature as the person entered it: allia-core validates it first (an
    /// empty date is a field error, « Indiquez la date de signature. »), then
    /// [`Store::record_signature`].
    pub async fn record_signature_draft(
        &self,
        id: &str,
        draft: &SignatureDraft,
    ) -> StoreResult<ContractDocument> {
        let signature = draft.validated()?;
        self.record_signature(id, &signature).await
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
        delete(&mut *self.conn().await?, id).await
    }
}
