//! The alliance file: export one alliance with its partners, import one as a new
//! alliance. The file is what partners exchange and what the command line renders.

use std::io::Read;
use std::path::Path;

use allia_core::{Alliance, AllianceFile, ALLIANCE_FILE_FORMAT, ALLIANCE_FILE_MAX_BYTES};
use sqlx::SqliteConnection;

use crate::error::StoreResult;
use crate::store::Store;
use crate::{alliances, partners, profile};

/// Reads an alliance file's bytes for [`AllianceFile::from_json_slice`]: at most one byte
/// past [`ALLIANCE_FILE_MAX_BYTES`], so a huge file is refused (`TooLarge`) without being
/// read whole. Errors: the file cannot be opened or read.
pub fn read_alliance_file_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(ALLIANCE_FILE_MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The alliance, its partners and this vault's profile (the first party of contracts).
/// `alliances::get` refuses an id of the wrong shape before the partners are read.
pub(crate) async fn export(conn: &mut SqliteConnection, id: &str) -> StoreResult<AllianceFile> {
    let alliance = alliances::get(conn, id).await?;
    let partners = partners::list(conn, id).await?;
    Ok(AllianceFile {
        format: ALLIANCE_FILE_FORMAT,
        profile: profile::get(conn).await?,
        alliance: alliance.draft,
        partners: partners.into_iter().map(|p| p.draft).collect(),
        commitments: Vec::new(),
    })
}

impl Store {
    /// The alliance, its partners and this vault's profile (the first party of contracts).
    pub async fn export_alliance(&self, id: &str) -> StoreResult<AllianceFile> {
        export(&mut *self.conn().await?, id).await
    }

    /// Creates a new alliance from a file: whole or nothing. Everything is validated
    /// before anything is written ([`AllianceFile::validated_for_import`]: format,
    /// alliance, every partner, their number), then the alliance and its partners are
    /// inserted in one transaction, so a refusal or a failure leaves the vault as it
    /// was. The file's profile is the sender's: this vault keeps its own.
    pub async fn import_alliance(&self, file: &AllianceFile) -> StoreResult<Alliance> {
        let imported = file.validated_for_import()?;
        let mut tx = self.begin().await?;
        let id = alliances::insert(&mut tx, &imported.alliance).await?;
        partners::insert(&mut tx, &id, &imported.partners).await?;
        tx.commit().await?;
        self.alliance(&id).await
    }
}
