//! The alliance file: export one alliance with its partners, import one as a new
//! alliance. The file is what partners exchange and what the command line renders.

use allia_core::{Alliance, AllianceFile, PartnerDraft, ValidationErrors, ALLIANCE_FILE_FORMAT};

use crate::alliances::insert_alliance;
use crate::error::StoreResult;
use crate::partners::insert_partners;
use crate::store::Store;

impl Store {
    /// The alliance, its partners and this vault's profile (the first party of contracts).
    pub async fn export_alliance(&self, id: &str) -> StoreResult<AllianceFile> {
        let alliance = self.alliance(id).await?;
        let partners = self.partners(id).await?;
        Ok(AllianceFile {
            format: ALLIANCE_FILE_FORMAT,
            profile: self.profile().await?,
            alliance: alliance.draft,
            partners: partners.into_iter().map(|p| p.draft).collect(),
        })
    }

    /// Creates a new alliance from a file, validating everything before writing
    /// anything. The file's profile is the sender's: this vault keeps its own.
    pub async fn import_alliance(&self, file: &AllianceFile) -> StoreResult<Alliance> {
        let mut errors = ValidationErrors::default();
        if file.format != ALLIANCE_FILE_FORMAT {
            errors.push(
                "format",
                format!(
                    "Ce fichier d’alliance est au format {}, que cette version d’Allia ne sait pas lire (format {ALLIANCE_FILE_FORMAT}).",
                    file.format
                ),
            );
            return Err(errors.into());
        }
        let alliance = file
            .alliance
            .validated()
            .map_err(|e| errors.extend_prefixed("alliance", e));
        let mut partners: Vec<PartnerDraft> = Vec::with_capacity(file.partners.len());
        for (index, partner) in file.partners.iter().enumerate() {
            match partner.validated() {
                Ok(p) => partners.push(p),
                Err(e) => errors.extend_prefixed(&format!("partners.{}", index + 1), e),
            }
        }
        let alliance = match alliance {
            Ok(a) if errors.is_empty() => a,
            _ => return Err(errors.into()),
        };
        let mut tx = self.pool.begin().await?;
        let id = insert_alliance(&mut tx, &alliance).await?;
        insert_partners(&mut tx, &id, &partners).await?;
        tx.commit().await?;
        self.alliance(&id).await
    }
}
