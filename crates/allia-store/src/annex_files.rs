//! The PDF files attached to the annexes a person adds to a document (statuts, RIB,
//! budget détaillé…; issue 9, item 3), in the `document_annex_file` table: one file per
//! document and annex, kept apart from the settings, which only carry its name
//! (`UserAnnex::file_name`). A file goes with its document (foreign key), and with its
//! annex when the annex leaves the settings ([`reconcile`]).
//!
//! Files belong to the document, not to a version: like the other settings changes,
//! attaching or removing one on a frozen version starts a new draft version. A frozen
//! version's export does not read them again: it returns the PDF printed when the
//! version was frozen, with the files as they were then (`version_print.rs`).
//!
//! A file is checked before it is kept: a real PDF (it starts with `%PDF-`, lopdf
//! parses it, it has pages) of at most [`MAX_ANNEX_FILE_BYTES`]; the refusals are French
//! field errors on `annexes.<annex id>.fileName`.

use allia_core::validation::is_record_id;
use allia_core::{ContractDocument, DocumentSettings, UserAnnex, ValidationErrors};
use chrono::Utc;
use sqlx::SqliteConnection;

use crate::error::{Entity, StoreError, StoreResult};
use crate::store::Store;

/// Largest file an annex may carry: 20 Mio (20 × 1 048 576 bytes). A scanned set of
/// statuts or a bank statement is well under; the cap keeps the vault and the exported
/// document a size people can e-mail.
pub const MAX_ANNEX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// What any single stream of a PDF may decompress to while it is checked: a bound
/// against a « decompression bomb » hidden in a small file.
const MAX_DECOMPRESSED_STREAM: usize = 256 * 1024 * 1024;

/// What is known of an attached file, without its bytes (for the screens).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnexFile {
    /// The `UserAnnex.id` it belongs to.
    pub annex_id: String,
    pub file_name: String,
    /// In bytes.
    pub size: u64,
    pub pages: u32,
}

/// An attached file to append to an exported document: its annex's title and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnexPdf {
    pub annex_id: String,
    pub title: String,
    pub bytes: Vec<u8>,
}

/// A refusal on the annex's file field.
fn refused(annex_id: &str, message: impl Into<String>) -> StoreError {
    let mut errors = ValidationErrors::default();
    errors.push(format!("annexes.{annex_id}.fileName"), message);
    StoreError::Validation(errors)
}

/// A size in Mo written the French way, one decimal (« 23,4 Mo »).
fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024);
    let whole = usize::try_from(tenths / 10).unwrap_or(usize::MAX);
    format!(
        "{},{}\u{a0}Mo",
        allia_core::validation::french_count(whole),
        tenths % 10
    )
}

fn too_large_message(size: u64) -> String {
    format!(
        "Ce fichier est trop lourd\u{a0}: 20\u{a0}Mo au plus ({}).",
        megabytes(size)
    )
}

/// The refusal of a file of `size` bytes for the annex `annex_id` when it is over
/// [`MAX_ANNEX_FILE_BYTES`], so that the app refuses it before reading it whole: the same
/// field error as [`Store::attach_annex_file`] gives.
pub fn refuse_oversized(annex_id: &str, size: u64) -> Option<StoreError> {
    (size > MAX_ANNEX_FILE_BYTES as u64).then(|| refused(annex_id, too_large_message(size)))
}

/// Checks that `bytes` are a PDF an export can append, and returns its page count.
///
/// # Errors
/// A French message for the person: too large, not a PDF, unreadable, protected by a
/// password, or without pages.
pub fn check_pdf(bytes: &[u8]) -> Result<u32, String> {
    if bytes.len() > MAX_ANNEX_FILE_BYTES {
        return Err(too_large_message(bytes.len() as u64));
    }
    if !bytes.starts_with(b"%PDF-") {
        return Err("Ce fichier n’est pas un PDF\u{a0}: choisissez un fichier PDF (.pdf).".into());
    }
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_DECOMPRESSED_STREAM),
        ..lopdf::LoadOptions::default()
    };
    let unreadable = "Ce PDF est illisible ou abîmé\u{a0}: ouvrez-le, enregistrez-le de nouveau \
                      en PDF, puis joignez cette copie.";
    let document = lopdf::Document::load_mem_with_options(bytes, options)
        .map_err(|_| unreadable.to_string())?;
    let pages = document.get_pages().len();
    if pages == 0 {
        // lopdf opens a file protected by an opening password (without it) with no page.
        return Err(if document.is_encrypted() {
            "Ce PDF est protégé par un mot de passe\u{a0}: joignez une copie sans mot de passe."
                .into()
        } else {
            "Ce PDF ne contient aucune page.".into()
        });
    }
    u32::try_from(pages).map_err(|_| unreadable.to_string())
}

/// The files attached to a document's annexes.
async fn list(conn: &mut SqliteConnection, document_id: &str) -> StoreResult<Vec<AnnexFile>> {
    let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT annex_id, file_name, size, pages FROM document_annex_file WHERE document_id = ?",
    )
    .bind(document_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(annex_id, file_name, size, pages)| AnnexFile {
            annex_id,
            file_name,
            size: u64::try_from(size).unwrap_or(0),
            pages: u32::try_from(pages).unwrap_or(0),
        })
        .collect())
}

/// Replaces the file of an annex.
async fn put(
    conn: &mut SqliteConnection,
    document_id: &str,
    annex_id: &str,
    file_name: &str,
    bytes: &[u8],
    pages: u32,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT OR REPLACE INTO document_annex_file \
         (document_id, annex_id, file_name, bytes, size, pages, created_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(document_id)
    .bind(annex_id)
    .bind(file_name)
    .bind(bytes)
    .bind(i64::try_from(bytes.len()).unwrap_or(i64::MAX))
    .bind(pages)
    .bind(Utc::now())
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes the file of an annex; returns whether there was one.
async fn delete(
    conn: &mut SqliteConnection,
    document_id: &str,
    annex_id: &str,
) -> StoreResult<bool> {
    let done =
        sqlx::query("DELETE FROM document_annex_file WHERE document_id = ? AND annex_id = ?")
            .bind(document_id)
            .bind(annex_id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() > 0)
}

/// Makes settings about to be saved agree with the files kept: each annex names the
/// file stored for it (or none: a name sent by a screen is never trusted), and the files
/// of annexes no longer listed are removed. Called inside the transaction that saves
/// the settings ([`Store::update_document_settings`](crate::Store::update_document_settings)),
/// so a form saved with a stale list cannot lose or invent an attached file.
pub(crate) async fn reconcile(
    conn: &mut SqliteConnection,
    document_id: &str,
    settings: &mut DocumentSettings,
) -> StoreResult<()> {
    let files = list(&mut *conn, document_id).await?;
    for annex in &mut settings.annexes {
        annex.file_name = files
            .iter()
            .find(|f| f.annex_id == annex.id)
            .map(|f| f.file_name.clone());
    }
    for file in files {
        if !settings.annexes.iter().any(|a| a.id == file.annex_id) {
            delete(&mut *conn, document_id, &file.annex_id).await?;
        }
    }
    Ok(())
}

/// The settings with `annex_id`'s file name set to `file_name`, or a refusal when the
/// saved settings do not list that annex (yet).
fn with_file_name(
    settings: &DocumentSettings,
    annex_id: &str,
    file_name: Option<String>,
) -> StoreResult<DocumentSettings> {
    let mut settings = settings.clone();
    let annex: &mut UserAnnex = settings
        .annexes
        .iter_mut()
        .find(|a| a.id == annex_id)
        .ok_or_else(|| {
            refused(
                annex_id,
                "Enregistrez d’abord cette annexe, puis joignez-lui un PDF.",
            )
        })?;
    annex.file_name = file_name;
    Ok(settings)
}

/// Only the last part of a path, as a person sees the file's name.
fn plain_name(file_name: &str) -> String {
    let name = file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(file_name)
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>();
    let name = name.trim();
    if name.is_empty() || name == "." || name == ".." {
        "annexe.pdf".into()
    } else {
        // allia-core's cap on `UserAnnex::file_name` (255 characters).
        name.chars().take(255).collect()
    }
}

impl Store {
    /// Attaches a PDF to an annex of the document's saved settings, replacing the one it
    /// had: the file is checked ([`check_pdf`], on the blocking pool), kept, and its
    /// name written into the annex; like any change, a frozen version answers with a
    /// new draft version. `file_name` is reduced to its last part.
    ///
    /// # Errors
    /// `Validation` on `annexes.<annex id>.fileName` (not a PDF, too large, unreadable,
    /// protected, no page, or an annex not saved yet); `NotFound(Document)`.
    pub async fn attach_annex_file(
        &self,
        document_id: &str,
        annex_id: &str,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> StoreResult<ContractDocument> {
        if !is_record_id(document_id) {
            return Err(StoreError::NotFound(Entity::Document));
        }
        if !is_record_id(annex_id) {
            return Err(refused(
                annex_id,
                "Cette annexe n’est pas reconnue\u{a0}: ajoutez-la de nouveau.",
            ));
        }
        let (bytes, checked) = tokio::task::spawn_blocking(move || {
            let checked = check_pdf(&bytes);
            (bytes, checked)
        })
        .await
        .map_err(|_| refused(annex_id, "La lecture de ce PDF a été interrompue."))?;
        let pages = checked.map_err(|message| refused(annex_id, message))?;
        let file_name = plain_name(file_name);
        let mut tx = self.begin_write().await?;
        let current = crate::documents::get(&mut tx, document_id).await?.current;
        // Through allia-core's validation, like every text: a macOS file name comes
        // decomposed (NFD) and is stored composed.
        let settings =
            with_file_name(&current.settings, annex_id, Some(file_name.clone()))?.validated()?;
        let file_name = settings
            .annexes
            .iter()
            .find(|a| a.id == annex_id)
            .and_then(|a| a.file_name.clone())
            .unwrap_or(file_name);
        put(&mut tx, document_id, annex_id, &file_name, &bytes, pages).await?;
        crate::documents::save_settings(&mut tx, document_id, &current, &settings).await?;
        tx.commit().await?;
        self.document(document_id).await
    }

    /// Removes the PDF of an annex (the annex stays, without a file); nothing to remove
    /// is no error. A frozen version answers with a new draft version.
    ///
    /// # Errors
    /// `NotFound(Document)`.
    pub async fn detach_annex_file(
        &self,
        document_id: &str,
        annex_id: &str,
    ) -> StoreResult<ContractDocument> {
        if !is_record_id(document_id) {
            return Err(StoreError::NotFound(Entity::Document));
        }
        let mut tx = self.begin_write().await?;
        let current = crate::documents::get(&mut tx, document_id).await?.current;
        let removed = delete(&mut tx, document_id, annex_id).await?;
        let listed = current.settings.annexes.iter().any(|a| a.id == annex_id);
        if listed {
            let settings = with_file_name(&current.settings, annex_id, None)?;
            if removed || settings != current.settings {
                crate::documents::save_settings(&mut tx, document_id, &current, &settings).await?;
            }
        }
        tx.commit().await?;
        self.document(document_id).await
    }

    /// What is known of the files attached to the document's annexes (name, size,
    /// pages), in the order of its current settings.
    pub async fn annex_files(&self, document_id: &str) -> StoreResult<Vec<AnnexFile>> {
        let mut conn = self.conn().await?;
        let document = crate::documents::get(&mut conn, document_id).await?;
        let mut files = list(&mut conn, document_id).await?;
        let order = |f: &AnnexFile| {
            document
                .current
                .settings
                .annexes
                .iter()
                .position(|a| a.id == f.annex_id)
                .unwrap_or(usize::MAX)
        };
        files.sort_by_key(order);
        Ok(files)
    }

    /// The files to append to an export of the document, in the order of `annexes`
    /// (the settings of the version exported), each with its annex's title; annexes
    /// without a file are skipped.
    ///
    /// # Errors
    /// `NotFound(Document)`.
    pub async fn annex_pdfs(
        &self,
        document_id: &str,
        annexes: &[UserAnnex],
    ) -> StoreResult<Vec<AnnexPdf>> {
        if !is_record_id(document_id) {
            return Err(StoreError::NotFound(Entity::Document));
        }
        let mut conn = self.conn().await?;
        let mut out = Vec::new();
        for annex in annexes {
            let bytes: Option<Vec<u8>> = sqlx::query_scalar(
                "SELECT bytes FROM document_annex_file WHERE document_id = ? AND annex_id = ?",
            )
            .bind(document_id)
            .bind(&annex.id)
            .fetch_optional(&mut *conn)
            .await?;
            if let Some(bytes) = bytes {
                out.push(AnnexPdf {
                    annex_id: annex.id.clone(),
                    title: annex.title.clone(),
                    bytes,
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_names() {
        assert_eq!(megabytes(MAX_ANNEX_FILE_BYTES as u64 + 1), "20,1\u{a0}Mo");
        assert!(refuse_oversized("a", MAX_ANNEX_FILE_BYTES as u64).is_none());
        match refuse_oversized("a", 1_500 * 1024 * 1024) {
            Some(StoreError::Validation(e)) => {
                assert_eq!(e.0[0].field, "annexes.a.fileName");
                assert_eq!(
                    e.0[0].message,
                    "Ce fichier est trop lourd\u{a0}: 20\u{a0}Mo au plus (1\u{202f}500,0\u{a0}Mo)."
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(megabytes(1024 * 1024 * 23 + 400_000), "23,4\u{a0}Mo");
        assert_eq!(
            plain_name("/home/anne/Statuts 2024.pdf"),
            "Statuts 2024.pdf"
        );
        assert_eq!(plain_name("C:\\Users\\anne\\rib.pdf"), "rib.pdf");
        assert_eq!(plain_name("dossier/.."), "annexe.pdf");
        assert_eq!(plain_name("a\u{0}b.pdf"), "ab.pdf");
    }

    #[test]
    fn what_is_not_a_pdf_is_refused_in_french() {
        assert_eq!(
            check_pdf(b"GIF89a..."),
            Err("Ce fichier n’est pas un PDF\u{a0}: choisissez un fichier PDF (.pdf).".into())
        );
        assert!(check_pdf(b"%PDF-1.7\nnot really")
            .expect_err("garbage")
            .starts_with("Ce PDF est illisible"));
        let huge = vec![b' '; MAX_ANNEX_FILE_BYTES + 1];
        assert_eq!(
            check_pdf(&huge),
            Err("Ce fichier est trop lourd\u{a0}: 20\u{a0}Mo au plus (20,1\u{a0}Mo).".into())
        );
    }
}
