//! Importing an alliance file the staged way (issue 10, items 3–5): what the file asks
//! ([`Store::review_import`]), then the import with the person's answers
//! ([`Store::apply_import`]): a new alliance, a copy with new ids, or the update of the
//! alliance this vault already holds under the file's id
//! ([`Store::update_alliance_from_file`]: one transaction, all or nothing, frozen
//! versions untouched).

use std::collections::HashMap;

use allia_core::actors::records::ScoringCriterion;
use allia_core::import_review::{country_notices, diff_files, link_own_association};
use allia_core::partner::check_own_association;
use allia_core::{
    suspicion, Alliance, AllianceDiff, AllianceFileV2, DocumentStatus, FileDocument, FilePartner,
    FileParty, FileVersion, ImportChoices, ImportMode, ImportReview, Importable, ImportedAlliance,
    Organisation, OwnLookalike, PartnerDraft, ReadFile, ValidationErrors,
};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use crate::error::StoreResult;
use crate::store::{new_id, Store};
use crate::{alliances, commitments, exchange, partners, profile};

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

/// Whether `id` is already a row of `table` (one of the vault's tables, never user text).
async fn taken(conn: &mut SqliteConnection, table: &str, id: &str) -> StoreResult<bool> {
    let found: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT 1 FROM {table} WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Inserts an actor of the file into an existing alliance, under the file's id when it
/// is free in this vault, else a new one; returns the id used.
async fn insert_partner(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    partner: &FilePartner,
) -> StoreResult<String> {
    let id = if taken(conn, "partner", &partner.id).await? {
        new_id()
    } else {
        partner.id.clone()
    };
    partners::insert_with_id(
        conn,
        alliance_id,
        &exchange::stored_actor(partner, &id, alliance_id),
    )
    .await?;
    Ok(id)
}

/// The file's id when no row of `table` has it, else a new one.
async fn free_id(conn: &mut SqliteConnection, table: &str, id: &str) -> StoreResult<String> {
    Ok(if taken(conn, table, id).await? {
        new_id()
    } else {
        id.to_string()
    })
}

/// The actor register's lists of the file (links, exchanges, criteria, scores), each
/// replacing this vault's when the file carries it and it differs; a list the file
/// lacks (an older file, or none written) leaves the vault's as it is. Criteria are
/// matched by id (kept, renamed, reweighted, moved; the vault's others removed with
/// their scores), so the scores of a criterion the file keeps stay unless the file
/// brings its own. `partner_ids`: the file's id of each actor added under another id.
async fn replace_actor_records(
    conn: &mut SqliteConnection,
    stored: &AllianceFileV2,
    incoming: &AllianceFileV2,
    partner_ids: &HashMap<&str, String>,
) -> StoreResult<bool> {
    let alliance_id = stored.alliance.id.as_str();
    let actor = |id: &str| {
        partner_ids
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    };
    let mut changed = false;
    if !incoming.interactions.is_empty() && incoming.interactions != stored.interactions {
        sqlx::query("DELETE FROM actor_interaction WHERE alliance_id = ?")
            .bind(alliance_id)
            .execute(&mut *conn)
            .await?;
        for link in &incoming.interactions {
            let mut record = link.record(alliance_id);
            record.id = free_id(conn, "actor_interaction", &link.id).await?;
            record.draft.from_actor_id = actor(&link.from_actor_id);
            record.draft.to_actor_id = actor(&link.to_actor_id);
            crate::actors::interactions::insert(conn, &record).await?;
        }
        changed = true;
    }
    if !incoming.exchanges.is_empty() && incoming.exchanges != stored.exchanges {
        sqlx::query("DELETE FROM actor_exchange WHERE alliance_id = ?")
            .bind(alliance_id)
            .execute(&mut *conn)
            .await?;
        for entry in &incoming.exchanges {
            let mut record = entry.record(alliance_id);
            record.id = free_id(conn, "actor_exchange", &entry.id).await?;
            record.actor_id = actor(&entry.actor_id);
            crate::actors::exchanges::insert(conn, &record).await?;
        }
        changed = true;
    }
    let mut criterion_ids: HashMap<String, String> = HashMap::new();
    if !incoming.criteria.is_empty() && incoming.criteria != stored.criteria {
        for old in &stored.criteria {
            if !incoming.criteria.iter().any(|c| c.id == old.id) {
                // Its scores go with it (foreign key, cascade).
                sqlx::query("DELETE FROM scoring_criterion WHERE id = ? AND alliance_id = ?")
                    .bind(&old.id)
                    .bind(alliance_id)
                    .execute(&mut *conn)
                    .await?;
            }
        }
        for criterion in &incoming.criteria {
            let record = criterion.record(alliance_id);
            if stored.criteria.iter().any(|c| c.id == criterion.id) {
                sqlx::query(
                    "UPDATE scoring_criterion SET name = ?, weight = ?, position = ?, \
                     updated_at = ? WHERE id = ? AND alliance_id = ?",
                )
                .bind(&record.name)
                .bind(record.weight)
                .bind(record.position)
                .bind(record.updated_at)
                .bind(&record.id)
                .bind(alliance_id)
                .execute(&mut *conn)
                .await?;
            } else {
                let id = free_id(conn, "scoring_criterion", &criterion.id).await?;
                criterion_ids.insert(criterion.id.clone(), id.clone());
                crate::actors::criteria::insert(conn, &ScoringCriterion { id, ..record }).await?;
            }
        }
        changed = true;
    }
    if !incoming.scores.is_empty() && incoming.scores != stored.scores {
        sqlx::query("DELETE FROM actor_score WHERE alliance_id = ?")
            .bind(alliance_id)
            .execute(&mut *conn)
            .await?;
        for score in &incoming.scores {
            let mut record = score.record(alliance_id);
            record.id = free_id(conn, "actor_score", &score.id).await?;
            record.actor_id = actor(&score.actor_id);
            record.criterion_id = criterion_ids
                .get(&score.criterion_id)
                .cloned()
                .unwrap_or_else(|| score.criterion_id.clone());
            crate::actors::scores::insert(conn, &record).await?;
        }
        changed = true;
    }
    Ok(changed)
}

/// Rewrites a stored draft version with the file's (its number and id stay).
async fn replace_draft(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
    version: &FileVersion,
) -> StoreResult<()> {
    let columns = exchange::VersionColumns::of(version, str::to_string);
    let done = sqlx::query(
        "UPDATE document_version SET status = ?, settings = ?, snapshot = ?, signatures = ?, \
         frozen_at = ?, override_ids = ?, signature_ids = ? \
         WHERE document_id = ? AND number = ? AND status = ?",
    )
    .bind(version.status)
    .bind(Json(version.settings.settings()))
    .bind(version.snapshot.as_ref().map(Json))
    .bind(Json(&columns.signatures))
    .bind(version.frozen_at)
    .bind(Json(&columns.override_ids))
    .bind(Json(&columns.signature_ids))
    .bind(document_id)
    .bind(number)
    // Only a draft: a frozen version is never rewritten, whatever the caller thought.
    .bind(DocumentStatus::Draft)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() > 0 {
        // The draft frozen in the file: what it printed comes with it.
        exchange::keep_file_print(conn, document_id, number, version).await?;
    }
    Ok(())
}

/// Inserts a document of the file, with its versions, into an existing alliance.
async fn insert_document(
    conn: &mut SqliteConnection,
    alliance_id: &str,
    document: &FileDocument,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO document (id, alliance_id, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&document.id)
    .bind(alliance_id)
    .bind(document.kind)
    .bind(document.created_at)
    .bind(document.updated_at)
    .execute(&mut *conn)
    .await?;
    for version in &document.versions {
        exchange::insert_version(
            conn,
            &document.id,
            version.number,
            &version.id,
            version,
            str::to_string,
        )
        .await?;
    }
    Ok(())
}

/// Applies `diff` (between `stored` and `incoming`) to the alliance, in the caller's
/// transaction. Every write goes through it, so an error anywhere leaves the
/// transaction to roll back whole.
async fn apply_update(
    conn: &mut SqliteConnection,
    stored: &AllianceFileV2,
    incoming: &AllianceFileV2,
    diff: &AllianceDiff,
) -> StoreResult<()> {
    let alliance_id = stored.alliance.id.as_str();
    if !diff.alliance_fields.is_empty() {
        alliances::update(conn, alliance_id, &incoming.alliance.draft()).await?;
    }
    // Removed first: a partner's commitments go with it (foreign key, cascade).
    for removed in &diff.partners_removed {
        partners::delete(conn, &removed.id).await?;
    }
    for partner in &incoming.partners {
        // Changed fields, or only the link to this association (not a difference the
        // preview lists: the person has just answered it).
        let relinked = stored
            .partners
            .iter()
            .any(|p| p.id == partner.id && p.own_association != partner.own_association);
        if relinked || diff.partners_changed.iter().any(|c| c.id == partner.id) {
            partners::update(conn, &partner.id, &partner.draft()).await?;
        }
    }
    let mut partner_ids: HashMap<&str, String> = HashMap::new();
    for added in &diff.partners_added {
        if let Some(partner) = incoming.partners.iter().find(|p| p.id == added.id) {
            let id = insert_partner(conn, alliance_id, partner).await?;
            partner_ids.insert(partner.id.as_str(), id);
        }
    }
    for change in &diff.commitments {
        let partner_id = match change.party.as_str() {
            "association" => None,
            id => Some(partner_ids.get(id).map_or(id, String::as_str)),
        };
        match incoming.commitments.iter().find(|c| match &c.party {
            FileParty::Association => change.party == "association",
            FileParty::PartnerId(id) => *id == change.party,
        }) {
            Some(entry) => {
                commitments::put(
                    conn,
                    alliance_id,
                    partner_id,
                    &entry.draft,
                    entry.created_at,
                    entry.updated_at,
                )
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM commitment WHERE alliance_id = ? AND partner_id IS ?")
                    .bind(alliance_id)
                    .bind(partner_id)
                    .execute(&mut *conn)
                    .await?;
            }
        }
    }
    for added in &diff.documents_added {
        if let Some(document) = incoming.documents.iter().find(|d| d.id == added.id) {
            insert_document(conn, alliance_id, document).await?;
        }
    }
    for added in &diff.versions_added {
        let Some(version) = incoming
            .documents
            .iter()
            .find(|d| d.id == added.document_id)
            .and_then(|d| d.versions.iter().find(|v| v.number == added.number))
        else {
            continue;
        };
        // Both vaults may have made a version with this number: the file's comes after.
        let last: Option<u32> =
            sqlx::query_scalar("SELECT MAX(number) FROM document_version WHERE document_id = ?")
                .bind(&added.document_id)
                .fetch_one(&mut *conn)
                .await?;
        let number = match last {
            Some(last) if last >= added.number => last + 1,
            _ => added.number,
        };
        exchange::insert_version(
            conn,
            &added.document_id,
            number,
            &version.id,
            version,
            str::to_string,
        )
        .await?;
    }
    for changed in diff.versions_changed.iter().filter(|v| v.ignored.is_none()) {
        let stored_version = stored
            .documents
            .iter()
            .find(|d| d.id == changed.document_id)
            .and_then(|d| d.versions.iter().find(|v| v.number == changed.number));
        let incoming_version = stored_version.and_then(|s| {
            incoming
                .documents
                .iter()
                .find(|d| d.id == changed.document_id)
                .and_then(|d| d.versions.iter().find(|v| v.id == s.id))
        });
        if let Some(version) = incoming_version {
            replace_draft(conn, &changed.document_id, changed.number, version).await?;
        }
    }
    if replace_actor_records(conn, stored, incoming, &partner_ids).await? {
        alliances::touch(conn, alliance_id).await?;
    }
    // The objectives are merged by id, before the indicators that name them: the file's
    // records are rewritten or added, the vault's others kept (deleting one is the
    // person's choice, with its indicators' fate); a file without them leaves the
    // vault's as they are.
    let mut objective_ids = HashMap::new();
    if let Some(objectives) = &incoming.objectives {
        let (ids, changed) = crate::objectives::file::update(
            conn,
            alliance_id,
            stored.objectives.as_ref(),
            objectives,
            Some(&partner_ids),
        )
        .await?;
        objective_ids = ids;
        if changed {
            alliances::touch(conn, alliance_id).await?;
        }
    }
    // The evaluation is merged by id: the file's records are rewritten or added, the
    // vault's others kept; a file without one leaves the vault's as it is.
    if let Some(evaluation) = &incoming.evaluation {
        if crate::evaluation::file::update(
            conn,
            alliance_id,
            stored.evaluation.as_ref(),
            evaluation,
            Some(&partner_ids),
            objective_ids,
        )
        .await?
        {
            alliances::touch(conn, alliance_id).await?;
        }
    }
    // The diagnostic travels whole: a file that carries one replaces this vault's needs
    // and items by its own, ids and dates as in the file; a file without one (from an
    // older version) leaves it as it is.
    if let Some(diagnostic) = &incoming.diagnostic {
        if stored.diagnostic.as_ref() != Some(diagnostic) {
            let diagnostic = diagnostic.to_diagnostic(alliance_id);
            crate::diagnostic::replace(conn, alliance_id, &diagnostic).await?;
            alliances::touch(conn, alliance_id).await?;
        }
    }
    // The dossier travels whole: a file that carries one replaces this vault's; a file
    // without one (from an older version) leaves it as it is.
    if let Some(dossier) = &incoming.project_dossier {
        if stored.project_dossier.as_ref() != Some(dossier) {
            crate::project_dossier::replace(conn, alliance_id, dossier).await?;
            alliances::touch(conn, alliance_id).await?;
        }
    }
    // The advisor's answers travel whole too: the file's replace this vault's; a file
    // without them leaves this vault's as they are.
    if let Some(advisor) = &incoming.model_advisor {
        if stored.model_advisor.as_ref().map(|m| &m.answers) != Some(&advisor.answers) {
            crate::model_advisor::replace(conn, alliance_id, advisor).await?;
            alliances::touch(conn, alliance_id).await?;
        }
    }
    if !diff.is_empty() {
        alliances::touch(conn, alliance_id).await?;
    }
    Ok(())
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
        let mut tx = self.begin().await?;
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
        let mut tx = self.begin().await?;
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
        let mut tx = self.begin().await?;
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
