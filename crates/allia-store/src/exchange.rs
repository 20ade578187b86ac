//! The alliance file: export one alliance with its partners, import one as a new
//! alliance. The file is what partners exchange and what the command line renders.

use std::io::Read;
use std::path::Path;

use allia_core::{
    Alliance, AllianceFile, CommitmentParty, FileCommitments, ALLIANCE_FILE_FORMAT,
    ALLIANCE_FILE_MAX_BYTES,
};
use chrono::Utc;
use sqlx::SqliteConnection;

use crate::error::{StoreError, StoreResult};
use crate::store::Store;
use crate::{alliances, commitments, partners, profile};

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

/// The alliance, its partners, each party's commitments and this vault's profile (the
/// first party of contracts). `alliances::get` refuses an id of the wrong shape before
/// the partners are read. A commitment names its partner by position in `partners`
/// (from 1), or the association.
pub(crate) async fn export(conn: &mut SqliteConnection, id: &str) -> StoreResult<AllianceFile> {
    let alliance = alliances::get(conn, id).await?;
    let partners = partners::list(conn, id).await?;
    let mut entries = Vec::new();
    for record in commitments::list(conn, id).await? {
        let party = match &record.partner_id {
            None => CommitmentParty::Association,
            Some(partner_id) => {
                // The row's partner is one of this alliance's (foreign key, cascade), so
                // it is in the list read just before, in the same order as the export.
                let position = partners
                    .iter()
                    .position(|p| &p.id == partner_id)
                    .and_then(|i| u32::try_from(i + 1).ok())
                    .ok_or_else(|| {
                        StoreError::CorruptData("commitments of an unknown partner".into())
                    })?;
                CommitmentParty::Partner(position)
            }
        };
        entries.push(FileCommitments {
            id: Some(record.id),
            created_at: Some(record.created_at),
            updated_at: Some(record.updated_at),
            party,
            draft: record.draft,
        });
    }
    Ok(AllianceFile {
        format: ALLIANCE_FILE_FORMAT,
        profile: profile::get(conn).await?,
        alliance: alliance.draft,
        partners: partners.into_iter().map(|p| p.draft).collect(),
        commitments: entries,
    })
}

impl Store {
    /// The alliance, its partners, their commitments and this vault's profile (the first
    /// party of contracts). Read in one transaction, so the commitments' partner
    /// positions match the partners read.
    pub async fn export_alliance(&self, id: &str) -> StoreResult<AllianceFile> {
        let mut tx = self.begin().await?;
        let file = export(&mut tx, id).await?;
        tx.commit().await?;
        Ok(file)
    }

    /// Creates a new alliance from a file: whole or nothing. Everything is validated
    /// before anything is written ([`AllianceFile::validated_for_import`]: format,
    /// alliance, every partner, their number, the commitments and the parties they
    /// name), then the alliance, its partners and the commitments are inserted in one
    /// transaction, so a refusal or a failure leaves the vault as it was. The file's
    /// profile is the sender's: this vault keeps its own. When the sender is another
    /// organisation than this vault's association, it becomes a partner of the new
    /// alliance (the file's partner that is the same organisation, else a new one) and
    /// the file's `"association"` commitments go to it; when it is the same one, or
    /// when this vault has no profile yet, they are this vault's association's
    /// ([`allia_core::ImportedAlliance::for_vault`]). Commitments get new ids and keep
    /// the file's dates when it has them.
    pub async fn import_alliance(&self, file: &AllianceFile) -> StoreResult<Alliance> {
        let validated = file.validated_for_import()?;
        let mut tx = self.begin().await?;
        let own = profile::get(&mut tx).await?;
        let imported = validated.for_vault(own.as_ref())?;
        let id = alliances::insert(&mut tx, &imported.alliance).await?;
        let partner_ids = partners::insert(&mut tx, &id, &imported.partners).await?;
        let now = Utc::now();
        for entry in &imported.commitments {
            let partner_id = match entry.party {
                CommitmentParty::Association => None,
                // Validated: the position names one of the file's partners.
                CommitmentParty::Partner(position) => Some(
                    usize::try_from(position)
                        .ok()
                        .and_then(|p| partner_ids.get(p.checked_sub(1)?))
                        .ok_or(StoreError::NotFound(crate::Entity::Partner))?
                        .as_str(),
                ),
            };
            let created_at = entry.created_at.unwrap_or(now);
            let updated_at = entry.updated_at.unwrap_or(created_at);
            commitments::put(
                &mut tx,
                &id,
                partner_id,
                &entry.draft,
                created_at,
                updated_at,
            )
            .await?;
        }
        tx.commit().await?;
        self.alliance(&id).await
    }
}
