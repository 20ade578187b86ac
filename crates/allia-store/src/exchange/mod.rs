//! The alliance file: export one alliance with its partners, commitments and documents
//! (format 2, every record with its id), import one as a new alliance. The file is what
//! partners exchange and what the command line renders. The templates' input (the
//! alliance's data, [`AllianceFile`]) is read here too.
//!
//! This file holds the `Store` methods and the reading of a file's bytes; `export.rs`
//! what export writes, `import.rs` how a file is stored.

mod export;
mod import;

use std::io::Read;
use std::path::Path;

use allia_core::{
    Alliance, AllianceFile, AllianceFileV2, Importable, ImportedAlliance, ALLIANCE_FILE_MAX_BYTES,
};

use crate::error::StoreResult;
use crate::profile;
use crate::store::Store;

use export::export;
pub(crate) use export::export_file;
pub use import::ImportMode;
pub(crate) use import::{
    insert_imported, insert_version, keep_file_print, stored_actor, VersionColumns,
};

/// Reads an alliance file's bytes for [`allia_core::read_alliance_file`]: at most one
/// byte past [`ALLIANCE_FILE_MAX_BYTES`], so a huge file is refused (`TooLarge`) without
/// being read whole. Errors: the file cannot be opened or read.
pub fn read_alliance_file_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(ALLIANCE_FILE_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

impl Store {
    /// The alliance's data as the templates read it and a frozen version keeps it (the
    /// format-1 shape, [`AllianceFile`]): the alliance, its partners, their commitments
    /// and this vault's profile (the first party of contracts). Read in one
    /// transaction, so the commitments' partner positions match the partners read.
    pub async fn export_alliance(&self, id: &str) -> StoreResult<AllianceFile> {
        let mut tx = self.begin_write().await?;
        let file = export(&mut tx, id).await?;
        tx.commit().await?;
        Ok(file)
    }

    /// The alliance file that partners exchange (format 2): the alliance, its partners,
    /// their commitments, its documents with every version, clause change and
    /// signature, each with its id and dates, and this vault's profile as the producing
    /// association. Read in one transaction.
    pub async fn export_alliance_file(&self, id: &str) -> StoreResult<AllianceFileV2> {
        let mut tx = self.begin_write().await?;
        let file = export_file(&mut tx, id).await?;
        tx.commit().await?;
        Ok(file)
    }

    /// Creates a new alliance from a file of either format, keeping the file's ids
    /// ([`ImportMode::New`]). See [`Store::import_alliance_as`].
    pub async fn import_alliance(&self, file: &impl Importable) -> StoreResult<Alliance> {
        self.import_alliance_as(file, ImportMode::New).await
    }

    /// Creates a new alliance from a file: whole or nothing. Everything is validated
    /// before anything is written ([`Importable::validated_for_import`], the one
    /// validation of `import` and `render --input`; a file of format 1 is converted to
    /// format 2 with ids derived from its content), then the alliance, its partners, the commitments and the
    /// documents with their versions are inserted in one transaction, so a refusal or a
    /// failure leaves the vault as it was. The file's profile is the sender's: this vault
    /// keeps its own. When the sender is another organisation than this vault's
    /// association, it becomes a partner of the new alliance (the file's partner marked
    /// as its own association, else a new one) and the file's `"association"`
    /// commitments go to it ([`ImportedAlliance::for_vault`]). Records keep the file's
    /// dates; frozen and signed versions are stored as they are, with their snapshots.
    /// Ids: see [`ImportMode`].
    pub async fn import_alliance_as(
        &self,
        file: &impl Importable,
        mode: ImportMode,
    ) -> StoreResult<Alliance> {
        let validated = file.validated_for_import()?;
        self.import_validated(validated, mode).await
    }

    /// [`Store::import_alliance_as`] for a file already validated (the app's staged
    /// import validates once, shows what it found, then stores).
    pub async fn import_validated(
        &self,
        validated: ImportedAlliance,
        mode: ImportMode,
    ) -> StoreResult<Alliance> {
        let mut tx = self.begin_write().await?;
        let own = profile::get(&mut tx).await?;
        let imported = validated.for_vault(own.as_ref())?;
        let id = insert_imported(&mut tx, &imported.file, mode).await?;
        tx.commit().await?;
        self.alliance(&id).await
    }
}
