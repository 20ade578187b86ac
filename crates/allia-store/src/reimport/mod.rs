//! Importing an alliance file the staged way (issue 10, items 3–5): what the file asks
//! ([`Store::review_import`]), then the import with the person's answers
//! ([`Store::apply_import`]): a new alliance, a copy with new ids, or the update of the
//! alliance this vault already holds under the file's id
//! ([`Store::update_alliance_from_file`]: one transaction, all or nothing, frozen
//! versions untouched).

mod actor_records;
mod update;

use allia_core::import_review::{country_notices, diff_files, link_own_association};
use allia_core::partner::check_own_association;
use allia_core::{
    suspicion, Alliance, AllianceDiff, AllianceFileV2, FilePartner, ImportChoices, ImportMode,
    ImportReview, Importable, ImportedAlliance, Organisation, OwnLookalike, PartnerDraft, ReadFile,
    ValidationErrors,
};
use sqlx::SqliteConnection;

use crate::error::StoreResult;
use crate::store::Store;
use crate::{alliances, exchange, profile};
use update::apply_update;

/// Why a file whose alliance is already in the vault is not imported as a new one.
pub const ALREADY_HERE: &str = "Cette alliance est déjà dans le coffre\u{a0}: choisissez «\u{a0}Mettre à jour l’alliance\u{a0}» ou «\u{a0}Importer comme copie\u{a0}».";

/// The file as this vault would store it: validated, its sender made a partner when it is
/// another organisation ([`ImportedAlliance::for_vault`]), and the partners the person
/// recognised as this association linked to it.
fn for_this_vault(
    validated: ImportedAlliance,
    own: Option<&Organisation>,
    own_links: &[String],
) -> StoreResult<AllianceFileV2> {
    let mut file = validated.for_vault(own)?.file;
    link_own_association(&mut file, own_links);
    let drafts: Vec<PartnerDraft> = file.partners.iter().map(FilePartner::draft).collect();
    check_own_association(&drafts)?;
    Ok(file)
}

/// The partners of `validated`, as this vault would store it
/// ([`ImportedAlliance::for_vault`]: the sender made a partner unless it has this
/// association's SIREN or RNA), that look like this vault's association
/// ([`suspicion`]), each with the profile, for the side-by-side question: the sender
/// that only shares its name and city with this association is among them. A partner
/// still marked as the association (the sender recognised by its number) is left out.
fn own_lookalikes(
    validated: &ImportedAlliance,
    own: Option<&Organisation>,
) -> StoreResult<Vec<OwnLookalike>> {
    let Some(own) = own else {
        return Ok(Vec::new());
    };
    let file = validated.clone().for_vault(Some(own))?.file;
    Ok(file
        .partners
        .iter()
        .filter(|p| !p.own_association)
        .filter_map(|p| {
            suspicion(&p.organisation, own).map(|s| OwnLookalike {
                partner_id: p.id.clone(),
                partner: p.organisation.clone(),
                own: own.clone(),
                suspicion: s,
            })
        })
        .collect())
}

/// The incoming file, as the update of `alliance_id` would store it, and the stored
/// alliance: both in format 2, for [`diff_files`].
async fn update_plan(
    conn: &mut SqliteConnection,
    validated: ImportedAlliance,
    own_links: &[String],
) -> StoreResult<(AllianceFileV2, AllianceFileV2)> {
    let alliance_id = validated.file.alliance.id.clone();
    let own = profile::get(conn).await?;
    let mut incoming = for_this_vault(validated, own.as_ref(), own_links)?;
    // Partners are matched by id only: a sender the file does not list has the id
    // `for_vault` derives from the alliance and the sender, the same at every update.
    let stored = exchange::export_file(conn, &alliance_id).await?;
    // A partner this vault links to its own association keeps the link: the file's mark
    // says who produced the file, not who this vault is.
    for partner in &mut incoming.partners {
        if stored
            .partners
            .iter()
            .any(|p| p.id == partner.id && p.own_association)
        {
            partner.own_association = true;
        }
    }
    Ok((stored, incoming))
}

/// The refusal of `read`: each of its unknown fields (field `unknownFields.N`, N from 1,
/// a path no place is given to, so that the line is « champ inconnu : partenaire 2,
/// contributionCents (partners.2.contributionCents) » alone), then `errors` (its
/// validation problems, each with its place).
fn with_unknown_fields(read: &ReadFile, errors: ValidationErrors) -> ValidationErrors {
    let mut all = ValidationErrors::default();
    for (index, field) in read.unknown_fields.iter().enumerate() {
        all.push(format!("unknownFields.{}", index + 1), field.described());
    }
    all.0.extend(errors.0);
    all
}

/// Whether this vault holds an alliance with this id.
async fn holds(conn: &mut SqliteConnection, id: &str) -> StoreResult<bool> {
    let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM alliance WHERE id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}

impl Store {
    /// What importing `read` asks, read before anything is stored: its unknown fields,
    /// the partners that look like this vault's association, and, when the vault holds
    /// the alliance already (same id), the differences an update would apply. Refuses a
    /// file that cannot be imported (every problem, with its place), as the import would.
    pub async fn review_import(&self, read: &ReadFile) -> StoreResult<ImportReview> {
        // A refused file names its unknown fields too: the person learns at once all
        // that would change in the file, not one kind of problem after the other.
        let validated = read
            .validated_for_import()
            .map_err(|errors| with_unknown_fields(read, errors))?;
        let mut tx = self.begin_write().await?;
        let own = profile::get(&mut tx).await?;
        let mut lookalikes = own_lookalikes(&validated, own.as_ref())?;
        let alliance_id = validated.file.alliance.id.clone();
        let document_count = validated.file.documents.len();
        let existing = if holds(&mut tx, &alliance_id).await? {
            let (stored, incoming) = update_plan(&mut tx, validated.clone(), &[]).await?;
            // Answered before: a partner this vault already links to its association.
            lookalikes.retain(|l| {
                !stored
                    .partners
                    .iter()
                    .any(|p| p.id == l.partner_id && p.own_association)
            });
            Some(diff_files(&stored, &incoming))
        } else {
            None
        };
        // The partners: the file lists every actor of the register, engaged or not.
        let partner_count = validated
            .clone()
            .for_vault(own.as_ref())?
            .file
            .partners
            .iter()
            .filter(|p| allia_core::partner::is_partner(&p.draft()))
            .count();
        tx.commit().await?;
        Ok(ImportReview {
            format: read.content.format(),
            alliance_id,
            alliance_name: validated.file.alliance.name.clone(),
            partner_count: u32::try_from(partner_count).unwrap_or(u32::MAX),
            document_count: u32::try_from(document_count).unwrap_or(u32::MAX),
            unknown_fields: read.unknown_fields.clone(),
            own_lookalikes: lookalikes,
            existing,
            notices: country_notices(&read.content),
        })
    }

    /// What updating the vault's alliance with `validated` (a file already read and
    /// validated, e.g. by the command line) would change; `None` when the vault has no
    /// alliance with the file's id.
    pub async fn diff_imported(
        &self,
        validated: ImportedAlliance,
    ) -> StoreResult<Option<AllianceDiff>> {
        let mut tx = self.begin_write().await?;
        if !holds(&mut tx, &validated.file.alliance.id).await? {
            return Ok(None);
        }
        let (stored, incoming) = update_plan(&mut tx, validated, &[]).await?;
        tx.commit().await?;
        Ok(Some(diff_files(&stored, &incoming)))
    }

    /// The partners of `validated` that look like this vault's association (the
    /// command line says it imports them as distinct organisations).
    pub async fn own_lookalikes(
        &self,
        validated: &ImportedAlliance,
    ) -> StoreResult<Vec<OwnLookalike>> {
        let own = self.profile().await?;
        own_lookalikes(validated, own.as_ref())
    }

    /// The differences between the vault's alliance `alliance_id` and a validated file
    /// (`allia diff`), the file taken as this vault would store it; `NotFound(Alliance)`
    /// for an id the vault does not hold. Records are matched
    /// by id: a file of another alliance shows every record as added or removed.
    pub async fn alliance_file_diff(
        &self,
        validated: ImportedAlliance,
        alliance_id: &str,
    ) -> StoreResult<AllianceDiff> {
        let mut validated = validated;
        validated.file.alliance.id = alliance_id.to_string();
        let mut tx = self.begin_write().await?;
        alliances::ensure_exists(&mut tx, alliance_id).await?;
        let (stored, incoming) = update_plan(&mut tx, validated, &[]).await?;
        tx.commit().await?;
        Ok(diff_files(&stored, &incoming))
    }

    /// Imports `read` with the person's answers ([`ImportChoices`]): a new alliance
    /// (refused when the vault already holds one with the file's id, so that nothing is
    /// duplicated without asking), a copy with new ids everywhere, or the update of the
    /// alliance with the file's id ([`Store::update_alliance_from_file`]). Unknown
    /// fields must have been agreed to (`drop_unknown`). Returns the alliance created
    /// or updated.
    pub async fn apply_import(
        &self,
        read: &ReadFile,
        choices: &ImportChoices,
    ) -> StoreResult<Alliance> {
        let validated = read.validated_for_import();
        if !read.unknown_fields.is_empty() && !choices.drop_unknown {
            let errors = validated.err().unwrap_or_default();
            return Err(with_unknown_fields(read, errors).into());
        }
        let validated = validated?;
        match choices.mode {
            ImportMode::Update => {
                let (alliance, _) = self
                    .update_alliance_from_file(validated, &choices.own_association)
                    .await?;
                Ok(alliance)
            }
            ImportMode::New | ImportMode::Copy => {
                let mut tx = self.begin_write().await?;
                if choices.mode == ImportMode::New
                    && holds(&mut tx, &validated.file.alliance.id).await?
                {
                    let mut errors = ValidationErrors::default();
                    errors.push("mode", ALREADY_HERE);
                    return Err(errors.into());
                }
                let own = profile::get(&mut tx).await?;
                let file = for_this_vault(validated, own.as_ref(), &choices.own_association)?;
                let mode = match choices.mode {
                    ImportMode::Copy => exchange::ImportMode::Copy,
                    _ => exchange::ImportMode::New,
                };
                let id = exchange::insert_imported(&mut tx, &file, mode).await?;
                tx.commit().await?;
                self.alliance(&id).await
            }
        }
    }

    /// « Mettre à jour l’alliance »: the vault's alliance with the file's id takes the
    /// file's data, in one transaction (all or nothing): its fields, partners added,
    /// changed and removed (matched by id, never by name; a removed partner's
    /// commitments go with it), each party's commitments, documents and versions added,
    /// draft versions rewritten. A version frozen in the vault (in review, ready to
    /// sign, signed) is never altered: the file's change to it is only reported
    /// ([`allia_core::alliance_diff::VersionChange::ignored`]). Documents the file lacks
    /// are kept. The file's optional sections — the diagnostic (needs and SWOT items),
    /// the project dossier (texts and figures), the model advisor's answers and the actor
    /// register's links, exchanges, criteria (matched by id) and scores — each replace
    /// the vault's whole, ids as in the file; a file without a section (from an older
    /// version, or an empty list, which files do not write) leaves the vault's as it is. `own_links`: the file's partners the
    /// person recognised as this association. Returns the alliance and the differences
    /// applied.
    ///
    /// # Errors
    /// `NotFound(Alliance)` when the vault has no alliance with the file's id; a
    /// validation error for a file that cannot be imported; any database error (a
    /// version id already used elsewhere…), after which nothing has changed.
    pub async fn update_alliance_from_file(
        &self,
        validated: ImportedAlliance,
        own_links: &[String],
    ) -> StoreResult<(Alliance, AllianceDiff)> {
        let alliance_id = validated.file.alliance.id.clone();
        let mut tx = self.begin_write().await?;
        alliances::ensure_exists(&mut tx, &alliance_id).await?;
        let (stored, incoming) = update_plan(&mut tx, validated, own_links).await?;
        let diff = diff_files(&stored, &incoming);
        apply_update(&mut tx, &stored, &incoming, &diff).await?;
        tx.commit().await?;
        Ok((self.alliance(&alliance_id).await?, diff))
    }
}
