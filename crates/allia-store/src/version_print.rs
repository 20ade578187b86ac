//! What a frozen version printed (migration `20261203000001`): the exact bytes of its PDF
//! (with the files attached to its annexes, as they were) and of its DOCX, written once
//! when the version is frozen (or at its first export, for a version frozen before
//! prints were kept) and returned by every later export, so that an update of Allia's
//! templates or typesetter, or a file attached to an annex since, never changes what
//! was signed.
//!
//! The vault does not typeset (that is allia-docs): the shell and the command line
//! render a frozen version from its snapshot and hand the bytes to
//! [`Store::keep_version_print`], which keeps the first print of each format and
//! returns it to every caller after.

use allia_core::alliance_file::sha256_hex;
use allia_core::{DocumentRefusal, DocumentStatus, FilePrint};
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::Store;

/// The formats a version is printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type)]
#[sqlx(rename_all = "lowercase")]
pub enum PrintFormat {
    Pdf,
    Docx,
}

impl PrintFormat {
    pub const ALL: [PrintFormat; 2] = [PrintFormat::Pdf, PrintFormat::Docx];
}

/// Where a kept print comes from (column `origin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type)]
#[sqlx(rename_all = "lowercase")]
pub enum PrintOrigin {
    /// This vault typeset it from the version's snapshot.
    Printed,
    /// It came with an alliance file (`printedPdf`). The file is not authenticated: these
    /// bytes are what the sender's file held, not checked against the version's data, so
    /// the screens and `allia render` say so and show the fingerprint to compare.
    Received,
}

/// The print of one version in one format.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct VersionPrint {
    pub document_id: String,
    pub number: u32,
    pub format: PrintFormat,
    /// The file, byte for byte.
    pub bytes: Vec<u8>,
    /// SHA-256 of `bytes`, lower-case hex.
    pub sha256: String,
    /// The Allia version that printed it (« 0.1.0 »).
    pub app_version: String,
    /// Typeset here or received in an alliance file.
    pub origin: PrintOrigin,
    /// When it was kept.
    pub created_at: DateTime<Utc>,
}

/// What is known of a version's prints without their bytes (for the screens).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintInfo {
    pub format: PrintFormat,
    pub sha256: String,
    pub app_version: String,
    pub origin: PrintOrigin,
    pub created_at: DateTime<Utc>,
}

/// This version of Allia, as it signs its prints.
pub(crate) const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

const COLUMNS: &str = "document_id, number, format, bytes, sha256, app_version, origin, created_at";

/// The print of version `number` in `format`, if one was kept.
pub(crate) async fn get(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
    format: PrintFormat,
) -> StoreResult<Option<VersionPrint>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM document_version_print \
         WHERE document_id = ? AND number = ? AND format = ?"
    )))
    .bind(document_id)
    .bind(number)
    .bind(format)
    .fetch_optional(conn)
    .await?)
}

/// Inserts a print unless the version has one in that format already (never replaced).
pub(crate) async fn insert_once(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
    format: PrintFormat,
    bytes: &[u8],
    app_version: &str,
    origin: PrintOrigin,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT OR IGNORE INTO document_version_print \
         (document_id, number, format, bytes, sha256, app_version, origin, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(document_id)
    .bind(number)
    .bind(format)
    .bind(bytes)
    .bind(sha256_hex(bytes))
    .bind(app_version)
    .bind(origin)
    .bind(Utc::now())
    .execute(conn)
    .await?;
    Ok(())
}

/// Drops a version's prints: it goes back to « Brouillon » and will print anew when
/// frozen again (`Store::return_document_to_draft`).
pub(crate) async fn forget(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM document_version_print WHERE document_id = ? AND number = ?")
        .bind(document_id)
        .bind(number)
        .execute(conn)
        .await?;
    Ok(())
}

/// The PDF print of a version as an alliance file carries it, if one was kept.
pub(crate) async fn file_print(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
) -> StoreResult<Option<FilePrint>> {
    Ok(get(conn, document_id, number, PrintFormat::Pdf)
        .await?
        .map(|p| FilePrint::of(&p.bytes, Some(p.app_version))))
}

/// Keeps the PDF an alliance file brings for a frozen version it inserts (checked by
/// allia-core's validation: hash and `%PDF-`; here, that lopdf reads it), as
/// [`PrintOrigin::Received`]: the hash only proves the file agrees with itself, not that
/// the PDF matches the version's data. `place` names the version for the refusal
/// (« Convention de partenariat, version 2 »).
pub(crate) async fn insert_from_file(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
    print: &FilePrint,
    place: &str,
) -> StoreResult<()> {
    let refused = |message: &str| {
        let mut errors = allia_core::ValidationErrors::default();
        errors.push("printedPdf", format!("{place}\u{a0}: {message}"));
        StoreError::Validation(errors)
    };
    let bytes = print.pdf_bytes().map_err(|m| refused(&m))?;
    if lopdf::Document::load_mem(&bytes).is_err() {
        return Err(refused(
            "le PDF imprimé joint est illisible ou abîmé\u{a0}: demandez un nouvel export à qui vous a envoyé ce fichier.",
        ));
    }
    let app_version = print.app_version.as_deref().unwrap_or("inconnue");
    insert_once(
        conn,
        document_id,
        number,
        PrintFormat::Pdf,
        &bytes,
        app_version,
        PrintOrigin::Received,
    )
    .await
}

impl Store {
    /// The print of version `number` of a document in `format`, if one was kept.
    ///
    /// # Errors
    /// `NotFound(Document)` for an id not shaped like the vault's; database errors.
    pub async fn version_print(
        &self,
        document_id: &str,
        number: u32,
        format: PrintFormat,
    ) -> StoreResult<Option<VersionPrint>> {
        if !allia_core::validation::is_record_id(document_id) {
            return Err(StoreError::NotFound(Entity::Document));
        }
        get(&mut *self.conn().await?, document_id, number, format).await
    }

    /// What is known of a version's prints (format, hash, Allia version, origin, date),
    /// without their bytes.
    pub async fn version_prints(
        &self,
        document_id: &str,
        number: u32,
    ) -> StoreResult<Vec<PrintInfo>> {
        if !allia_core::validation::is_record_id(document_id) {
            return Err(StoreError::NotFound(Entity::Document));
        }
        let rows: Vec<(PrintFormat, String, String, PrintOrigin, DateTime<Utc>)> = sqlx::query_as(
            "SELECT format, sha256, app_version, origin, created_at FROM document_version_print \
             WHERE document_id = ? AND number = ? ORDER BY format DESC",
        )
        .bind(document_id)
        .bind(number)
        .fetch_all(&mut *self.conn().await?)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(format, sha256, app_version, origin, created_at)| PrintInfo {
                    format,
                    sha256,
                    app_version,
                    origin,
                    created_at,
                },
            )
            .collect())
    }

    /// Keeps `bytes` as what version `number` printed in `format`, and returns the print
    /// the vault holds: these bytes, or the print kept before (the first one stays,
    /// whoever asks after). `frozen_at` is the freeze the bytes were rendered from
    /// (`DocumentVersion::frozen_at`): a version taken back to draft and frozen again
    /// since is not printed with the older data.
    ///
    /// # Errors
    /// `DocumentRefused(NotFrozen)` for a draft or a version frozen again since;
    /// `NotFound(DocumentVersion)`; database errors.
    pub async fn keep_version_print(
        &self,
        document_id: &str,
        number: u32,
        frozen_at: DateTime<Utc>,
        format: PrintFormat,
        bytes: &[u8],
    ) -> StoreResult<VersionPrint> {
        if !allia_core::validation::is_record_id(document_id) {
            return Err(StoreError::NotFound(Entity::Document));
        }
        let mut tx = self.begin_write().await?;
        let row: Option<(DocumentStatus, Option<DateTime<Utc>>)> = sqlx::query_as(
            "SELECT status, frozen_at FROM document_version WHERE document_id = ? AND number = ?",
        )
        .bind(document_id)
        .bind(number)
        .fetch_optional(&mut *tx)
        .await?;
        let (status, stored_frozen_at) =
            row.ok_or(StoreError::NotFound(Entity::DocumentVersion))?;
        if !status.is_frozen() || stored_frozen_at != Some(frozen_at) {
            return Err(DocumentRefusal::NotFrozen.into());
        }
        insert_once(
            &mut tx,
            document_id,
            number,
            format,
            bytes,
            APP_VERSION,
            PrintOrigin::Printed,
        )
        .await?;
        let kept = get(&mut tx, document_id, number, format)
            .await?
            .ok_or_else(|| StoreError::CorruptData("a print just kept is missing".into()))?;
        tx.commit().await?;
        Ok(kept)
    }
}
