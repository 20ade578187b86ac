//! The alliance file: export one alliance with its partners, import one as a new
//! alliance. The file is what partners exchange and what the command line renders.

use allia_core::{Alliance, AllianceFile, ALLIANCE_FILE_FORMAT};

use crate::alliances::insert_alliance;
use crate::error::StoreResult;
use crate::partners::insert_partners;
use crate::store::Store;

impl Store {
    /// The alliance, its partners and this vault's profile (the first party of contracts).
    pub async fn export_alliance(&self, id: &str) -> StoreResult<AllianceFile> {
        // `alliance` refuses an id of the wrong shape before `partners` is asked.
        let alliance = self.alliance(id).await?;
        let partners = self.partners(id).await?;
        Ok(AllianceFile {
            format: ALLIANCE_FILE_FORMAT,
            profile: self.profile().await?,
            alliance: alliance.draft,
            partners: partners.into_iter().map(|p| p.draft).collect(),
        })
    }

    /// Creates a new alliance from a file: whole or nothing. Everything is validated
    /// before anything is written ([`AllianceFile::validated_for_import`]: format,
    /// alliance, every partner, their number), then the alliance and its partners are
    /// inserted in one transaction, so a refusal or a failure leaves the vault as it
    /// was. The file's profile is the sender's: this vault keeps its own.
    pub async fn import_alliance(&self, file: &AllianceFile) -> StoreResult<Alliance> {
        let (alliance, partners) = file.validated_for_import()?;
        let mut tx = self.pool.begin().await?;
        let id = insert_alliance(&mut tx, &alliance).await?;
        insert_partners(&mut tx, &id, &partners).await?;
        tx.commit().await?;
        self.alliance(&id).await
    }
}
