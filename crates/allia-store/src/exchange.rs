//! The alliance file: export one alliance with its partners, commitments and documents
//! (format 2, every record with its id), import one as a new alliance. The file is what
//! partners exchange and what the command line renders. The templates' input (the
//! alliance's data, [`AllianceFile`]) is read here too.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use allia_core::alliance_file::{
    FileCriterion, FileDiagnostic, FileExchange, FileInteraction, FileProjectDossier, FileScore,
};
use allia_core::DossierContent;
use allia_core::{
    Alliance, AllianceFile, AllianceFileV2, CommitmentParty, DocumentKind, DocumentSettings,
    DocumentStatus, FileAlliance, FileCommitment, FileCommitments, FileDocument, FilePartner,
    FileParty, FileSettings, FileSignature, FileVersion, Importable, ImportedAlliance,
    PartySignature, Snapshot, ALLIANCE_FILE_FORMAT, ALLIANCE_FILE_MAX_BYTES,
};
use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use crate::documents::ids::IdMap;
use crate::error::{StoreError, StoreResult};
use crate::store::{new_id, Store};
use crate::{alliances, commitments, partners, profile};

/// What a version of an alliance file stores beside its settings: the ids of its clause
/// changes and of its signatures (each file id passed through `element_id`, which keeps or
/// replaces it), and its signatures.
pub(crate) struct VersionColumns {
    pub override_ids: IdMap,
    pub signature_ids: IdMap,
    pub signatures: Vec<PartySignature>,
}

impl VersionColumns {
    pub(crate) fn of(version: &FileVersion, mut element_id: impl FnMut(&str) -> String) -> Self {
        VersionColumns {
            override_ids: version
                .settings
                .override_ids()
                .into_iter()
                .map(|(clause, id)| (clause, element_id(&id)))
                .collect(),
            signature_ids: version
                .signatures
                .iter()
                .map(|s| (s.party.clone(), element_id(&s.id)))
                .collect(),
            signatures: version
                .signatures
                .iter()
                .map(FileSignature::signature)
                .collect(),
        }
    }
}

/// Inserts one version of a document as the file has it (status, settings, signatures,
/// snapshot, printed PDF), numbered `number` and stored under `version_id`; its clause changes' and
/// signatures' ids go through `element_id`. A `version_id` already used in the vault is
/// refused by the database, and the caller's transaction with it.
pub(crate) async fn insert_version(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
    version_id: &str,
    version: &FileVersion,
    element_id: impl FnMut(&str) -> String,
) -> StoreResult<()> {
    let columns = VersionColumns::of(version, element_id);
    sqlx::query(
        "INSERT INTO document_version (document_id, number, status, settings, snapshot, \
         signatures, frozen_at, created_at, id, override_ids, signature_ids) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(document_id)
    .bind(number)
    .bind(version.status)
    .bind(Json(version.settings.settings()))
    .bind(version.snapshot.as_ref().map(Json))
    .bind(Json(&columns.signatures))
    .bind(version.frozen_at)
    .bind(version.created_at)
    .bind(version_id)
    .bind(Json(&columns.override_ids))
    .bind(Json(&columns.signature_ids))
    .execute(&mut *conn)
    .await?;
    keep_file_print(conn, document_id, number, version).await
}

/// Keeps the PDF a frozen version of the file brings (what was signed), checked first
/// ([`crate::version_print::insert_from_file`]); nothing for a draft or a version
/// without one.
pub(crate) async fn keep_file_print(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
    version: &FileVersion,
) -> StoreResult<()> {
    match &version.printed_pdf {
        Some(print) if version.status.is_frozen() => {
            let place = format!(
                "«\u{a0}{}\u{a0}», version {}",
                version.settings.title, version.number
            );
            crate::version_print::insert_from_file(conn, document_id, number, print, &place).await
        }
        _ => Ok(()),
    }
}

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

/// The alliance's data as the templates read it and a frozen version keeps it: the
/// alliance, its partners, each party's commitments and this vault's profile (the first
/// party of contracts), a commitment naming its partner by position in `partners` (from
/// 1), or the association. `alliances::get` refuses an id of the wrong shape before the
/// partners are read.
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
        format: 1,
        profile: profile::get(conn).await?,
        alliance: alliance.draft,
        partners: partners.into_iter().map(|p| p.draft).collect(),
        commitments: entries,
    })
}

/// One `document` row.
#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: String,
    kind: DocumentKind,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// One `document_version` row, with its ids.
#[derive(sqlx::FromRow)]
struct VersionRow {
    id: Option<String>,
    number: u32,
    status: DocumentStatus,
    #[sqlx(json)]
    settings: DocumentSettings,
    #[sqlx(json)]
    signatures: Vec<PartySignature>,
    frozen_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    #[sqlx(json(nullable))]
    snapshot: Option<Snapshot>,
    #[sqlx(json)]
    override_ids: IdMap,
    #[sqlx(json)]
    signature_ids: IdMap,
}

/// The id stored for `key`; a row the migration has not seen cannot occur, but a key
/// without an id would still export, under an id of its own for this file.
fn id_in(map: &IdMap, key: &str) -> String {
    map.get(key).cloned().unwrap_or_else(new_id)
}

/// Most bytes the printed PDFs of one alliance file may take, in Base64 (12 Mio): the
/// file must stay under [`ALLIANCE_FILE_MAX_BYTES`] (20 Mio) to be read back.
pub(crate) const PRINTS_BUDGET: usize = 12 * 1024 * 1024;

/// Leaves out the printed PDFs that would take the file over [`PRINTS_BUDGET`]: the
/// latest versions of each document keep theirs first (a signed version is the last
/// frozen one), older ones go. A version without its print is still imported whole; the
/// importing vault prints it from its snapshot at its first export.
pub(crate) fn fit_prints(documents: &mut [FileDocument], budget: usize) {
    // Each document's last version first, then each one's last but one, and so on.
    let mut versions: Vec<(usize, &mut FileVersion)> = documents
        .iter_mut()
        .flat_map(|d| d.versions.iter_mut().rev().enumerate())
        .collect();
    versions.sort_by_key(|(from_last, _)| *from_last);
    let mut used = 0usize;
    for (_, version) in versions {
        let size = version.printed_pdf.as_ref().map_or(0, |p| p.base64.len());
        if used + size > budget {
            version.printed_pdf = None;
        } else {
            used += size;
        }
    }
}

/// The alliance's documents, each with every version, oldest first.
async fn export_documents(
    conn: &mut SqliteConnection,
    alliance_id: &str,
) -> StoreResult<Vec<FileDocument>> {
    let rows: Vec<DocumentRow> = sqlx::query_as(
        "SELECT id, kind, created_at, updated_at FROM document WHERE alliance_id = ? \
         ORDER BY created_at, rowid",
    )
    .bind(alliance_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut documents = Vec::with_capacity(rows.len());
    for row in rows {
        let versions: Vec<VersionRow> = sqlx::query_as(
            "SELECT id, number, status, settings, signatures, frozen_at, created_at, snapshot, \
             override_ids, signature_ids FROM document_version WHERE document_id = ? \
             ORDER BY number",
        )
        .bind(&row.id)
        .fetch_all(&mut *conn)
        .await?;
        let mut file_versions = Vec::with_capacity(versions.len());
        for v in versions {
            let printed_pdf = if v.status.is_frozen() {
                crate::version_print::file_print(&mut *conn, &row.id, v.number).await?
            } else {
                None
            };
            let overrides = v.override_ids;
            file_versions.push(FileVersion {
                id: v.id.unwrap_or_else(new_id),
                number: v.number,
                status: v.status,
                created_at: v.created_at,
                settings: FileSettings::new(v.settings, |clause| id_in(&overrides, clause)),
                signatures: v
                    .signatures
                    .into_iter()
                    .map(|s| FileSignature::new(id_in(&v.signature_ids, &s.party), s))
                    .collect(),
                frozen_at: v.frozen_at,
                snapshot: v.snapshot,
                printed_pdf,
            });
        }
        documents.push(FileDocument {
            id: row.id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            kind: row.kind,
            versions: file_versions,
        });
    }
    Ok(documents)
}

/// The alliance file of format 2: this vault's profile (the producing association), the
/// alliance, its partners (the one that is this vault's own association marked), each
/// party's commitments (a partner named by id), and the documents with every version,
/// clause change and signature, all with their ids and dates.
pub(crate) async fn export_file(
    conn: &mut SqliteConnection,
    id: &str,
) -> StoreResult<AllianceFileV2> {
    let alliance = alliances::get(conn, id).await?;
    // Every actor of the register, partners (« Engagé ») and the others alike.
    let partners = partners::list_actors(conn, id).await?;
    let commitments = commitments::list(conn, id)
        .await?
        .into_iter()
        .map(|record| FileCommitment {
            id: record.id,
            created_at: record.created_at,
            updated_at: record.updated_at,
            party: match record.partner_id {
                None => FileParty::Association,
                Some(partner) => FileParty::PartnerId(partner),
            },
            draft: record.draft,
        })
        .collect();
    Ok(AllianceFileV2 {
        format: ALLIANCE_FILE_FORMAT,
        created_at: Utc::now(),
        profile: profile::get(conn).await?,
        alliance: FileAlliance::new(
            alliance.id,
            alliance.created_at,
            alliance.updated_at,
            alliance.draft,
        ),
        partners: partners
            .into_iter()
            .map(|p| FilePartner::new(p.id, p.created_at, p.updated_at, p.draft))
            .collect(),
        commitments,
        documents: {
            let mut documents = export_documents(conn, id).await?;
            fit_prints(&mut documents, PRINTS_BUDGET);
            documents
        },
        diagnostic: FileDiagnostic::of(&crate::diagnostic::load(conn, id).await?),
        project_dossier: FileProjectDossier::of(&DossierContent {
            dossier: crate::project_dossier::get(conn, id).await?,
            figures: crate::project_dossier::figures(conn, id).await?,
        }),
        model_advisor: allia_core::alliance_file::FileModelAdvisor::of(
            crate::model_advisor::find(conn, id).await?.as_ref(),
        ),
        interactions: crate::actors::interactions::list(conn, id)
            .await?
            .iter()
            .map(FileInteraction::from)
            .collect(),
        exchanges: crate::actors::exchanges::list(conn, id)
            .await?
            .iter()
            .map(FileExchange::from)
            .collect(),
        // As stored, never seeded here: a file imported without criteria writes back
        // without them.
        criteria: crate::actors::criteria::list(conn, id)
            .await?
            .iter()
            .map(FileCriterion::from)
            .collect(),
        scores: crate::actors::scores::list(conn, id)
            .await?
            .iter()
            .map(FileScore::from)
            .collect(),
    })
}

/// How a file becomes an alliance of this vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// A new alliance that keeps the file's ids (each one not already in this vault), so
    /// a later file of the same alliance is recognised by its id. When the alliance's id
    /// is already here, every record gets a new id, as for a copy.
    New,
    /// A new alliance, every record with a new id: a copy, unrelated to the file's.
    Copy,
}

/// Whether `id` is already the id of a row of `table`.
async fn taken(conn: &mut SqliteConnection, table: &str, id: &str) -> StoreResult<bool> {
    let found: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT 1 FROM {table} WHERE id = ?"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Chooses the id each imported record gets: the file's when kept and free, else new.
struct IdPlan {
    keep: bool,
    given: HashSet<String>,
}

impl IdPlan {
    async fn id(
        &mut self,
        conn: &mut SqliteConnection,
        table: &str,
        file_id: &str,
    ) -> StoreResult<String> {
        let id =
            if self.keep && !self.given.contains(file_id) && !taken(conn, table, file_id).await? {
                file_id.to_string()
            } else {
                new_id()
            };
        self.given.insert(id.clone());
        Ok(id)
    }
}

/// Stores a validated file as a new alliance, in the caller's transaction; returns the
/// new alliance's id.
pub(crate) async fn insert_imported(
    conn: &mut SqliteConnection,
    file: &AllianceFileV2,
    mode: ImportMode,
) -> StoreResult<String> {
    let keep = mode == ImportMode::New && !taken(conn, "alliance", &file.alliance.id).await?;
    let mut plan = IdPlan {
        keep,
        given: HashSet::new(),
    };
    let alliance_id = plan.id(conn, "alliance", &file.alliance.id).await?;
    let draft = file.alliance.draft();
    sqlx::query(
        "INSERT INTO alliance (id, name, purpose, territory, start_date, status, terms, archived, \
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
    )
    .bind(&alliance_id)
    .bind(&draft.name)
    .bind(&draft.purpose)
    .bind(&draft.territory)
    .bind(draft.start_date)
    .bind(draft.status)
    .bind(Json(&draft.terms))
    .bind(file.alliance.created_at)
    .bind(file.alliance.updated_at)
    .execute(&mut *conn)
    .await?;

    let mut partner_ids: HashMap<&str, String> = HashMap::new();
    for partner in &file.partners {
        let id = plan.id(conn, "partner", &partner.id).await?;
        partners::insert_with_id(
            conn,
            &alliance_id,
            &stored_actor(partner, &id, &alliance_id),
        )
        .await?;
        partner_ids.insert(partner.id.as_str(), id);
    }

    for entry in &file.commitments {
        let partner_id = match &entry.party {
            FileParty::Association => None,
            // Validated: the id names one of the file's partners.
            FileParty::PartnerId(id) => Some(
                partner_ids
                    .get(id.as_str())
                    .ok_or(StoreError::NotFound(crate::Entity::Partner))?
                    .as_str(),
            ),
        };
        let id = plan.id(conn, "commitment", &entry.id).await?;
        sqlx::query(
            "INSERT INTO commitment (id, alliance_id, partner_id, data, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(&id)
        .bind(&alliance_id)
        .bind(partner_id)
        .bind(Json(&entry.draft))
        .bind(entry.created_at)
        .bind(entry.updated_at)
        .execute(&mut *conn)
        .await?;
    }

    for document in &file.documents {
        let document_id = plan.id(conn, "document", &document.id).await?;
        sqlx::query(
            "INSERT INTO document (id, alliance_id, kind, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(&document_id)
        .bind(&alliance_id)
        .bind(document.kind)
        .bind(document.created_at)
        .bind(document.updated_at)
        .execute(&mut *conn)
        .await?;
        for version in &document.versions {
            let version_id = plan.id(conn, "document_version", &version.id).await?;
            // Clause changes and signatures live inside their version: their ids need
            // only be unique in this file, so they are kept unless this is a copy.
            let element_id = |file_id: &str| {
                if plan.keep && plan.given.insert(file_id.to_string()) {
                    file_id.to_string()
                } else {
                    let id = new_id();
                    plan.given.insert(id.clone());
                    id
                }
            };
            insert_version(
                conn,
                &document_id,
                version.number,
                &version_id,
                version,
                element_id,
            )
            .await?;
        }
    }

    if let Some(diagnostic) = &file.diagnostic {
        let mut diagnostic = diagnostic.to_diagnostic(&alliance_id);
        if let Some(needs) = diagnostic.needs.as_mut() {
            needs.id = plan.id(conn, "diagnostic_needs", &needs.id).await?;
        }
        for item in &mut diagnostic.items {
            item.id = plan.id(conn, "swot_item", &item.id).await?;
        }
        crate::diagnostic::replace(conn, &alliance_id, &diagnostic).await?;
    }
    if let Some(dossier) = &file.project_dossier {
        let id = plan.id(conn, "project_dossier", &dossier.id).await?;
        crate::project_dossier::put_texts(
            conn,
            &alliance_id,
            &id,
            &dossier.texts(),
            dossier.created_at,
            dossier.updated_at,
        )
        .await?;
        for figure in &dossier.figures {
            let figure_id = plan.id(conn, "dossier_figure", &figure.id).await?;
            crate::project_dossier::insert_figure(
                conn,
                &alliance_id,
                &figure_id,
                figure.position,
                &figure.draft(),
                figure.created_at,
                figure.updated_at,
            )
            .await?;
        }
    }
    insert_actor_records(conn, file, &alliance_id, &partner_ids, &mut plan).await?;
    if let Some(advisor) = &file.model_advisor {
        let id = plan.id(conn, "model_advisor", &advisor.id).await?;
        crate::model_advisor::put(
            conn,
            &alliance_id,
            Some(&id),
            &advisor.answers,
            advisor.created_at,
            advisor.updated_at,
        )
        .await?;
    }
    Ok(alliance_id)
}

/// The vault's record of a file's actor, stored under `id` in `alliance_id` (dates as in
/// the file).
pub(crate) fn stored_actor(
    partner: &FilePartner,
    id: &str,
    alliance_id: &str,
) -> allia_core::Partner {
    allia_core::Partner {
        id: id.to_string(),
        alliance_id: alliance_id.to_string(),
        created_at: partner.created_at,
        updated_at: partner.updated_at,
        draft: partner.draft(),
    }
}

/// The id an actor of the file has in this vault (`partner_ids`: the file's id → the
/// stored one, for the actors that got a new one), else the file's.
fn actor_id<'a>(partner_ids: &'a HashMap<&str, String>, file_id: &'a str) -> &'a str {
    partner_ids.get(file_id).map_or(file_id, String::as_str)
}

/// Stores the file's links, exchanges, criteria and scores in `alliance_id`, each record
/// under the id `plan` gives it, its actors and criterion named by their stored ids.
async fn insert_actor_records(
    conn: &mut SqliteConnection,
    file: &AllianceFileV2,
    alliance_id: &str,
    partner_ids: &HashMap<&str, String>,
    plan: &mut IdPlan,
) -> StoreResult<()> {
    for link in &file.interactions {
        let mut record = link.record(alliance_id);
        record.id = plan.id(conn, "actor_interaction", &link.id).await?;
        record.draft.from_actor_id = actor_id(partner_ids, &link.from_actor_id).to_string();
        record.draft.to_actor_id = actor_id(partner_ids, &link.to_actor_id).to_string();
        crate::actors::interactions::insert(conn, &record).await?;
    }
    for entry in &file.exchanges {
        let mut record = entry.record(alliance_id);
        record.id = plan.id(conn, "actor_exchange", &entry.id).await?;
        record.actor_id = actor_id(partner_ids, &entry.actor_id).to_string();
        crate::actors::exchanges::insert(conn, &record).await?;
    }
    let mut criterion_ids: HashMap<&str, String> = HashMap::new();
    for criterion in &file.criteria {
        let mut record = criterion.record(alliance_id);
        record.id = plan.id(conn, "scoring_criterion", &criterion.id).await?;
        criterion_ids.insert(criterion.id.as_str(), record.id.clone());
        crate::actors::criteria::insert(conn, &record).await?;
    }
    for score in &file.scores {
        let mut record = score.record(alliance_id);
        record.id = plan.id(conn, "actor_score", &score.id).await?;
        record.actor_id = actor_id(partner_ids, &score.actor_id).to_string();
        record.criterion_id = actor_id(&criterion_ids, &score.criterion_id).to_string();
        crate::actors::scores::insert(conn, &record).await?;
    }
    Ok(())
}

impl Store {
    /// The alliance's data as the templates read it and a frozen version keeps it (the
    /// format-1 shape, [`AllianceFile`]): the alliance, its partners, their commitments
    /// and this vault's profile (the first party of contracts). Read in one
    /// transaction, so the commitments' partner positions match the partners read.
    pub async fn export_alliance(&self, id: &str) -> StoreResult<AllianceFile> {
        let mut tx = self.begin().await?;
        let file = export(&mut tx, id).await?;
        tx.commit().await?;
        Ok(file)
    }

    /// The alliance file that partners exchange (format 2): the alliance, its partners,
    /// their commitments, its documents with every version, clause change and
    /// signature, each with its id and dates, and this vault's profile as the producing
    /// association. Read in one transaction.
    pub async fn export_alliance_file(&self, id: &str) -> StoreResult<AllianceFileV2> {
        let mut tx = self.begin().await?;
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
        let mut tx = self.begin().await?;
        let own = profile::get(&mut tx).await?;
        let imported = validated.for_vault(own.as_ref())?;
        let id = insert_imported(&mut tx, &imported.file, mode).await?;
        tx.commit().await?;
        self.alliance(&id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document of `n` frozen versions, each with a print of `size` bytes of Base64.
    fn document(n: u32, size: usize) -> FileDocument {
        let version = |number: u32| {
            serde_json::json!({
                "id": format!("00000000-0000-4000-8000-00000000000{number}"),
                "number": number, "status": "signed", "createdAt": "2026-12-01T10:00:00Z",
                "settings": { "title": "Convention" },
                "printedPdf": { "sha256": "0", "base64": "A".repeat(size) },
            })
        };
        serde_json::from_value(serde_json::json!({
            "id": "00000000-0000-4000-8000-000000000000", "kind": "partnership_agreement",
            "createdAt": "2026-12-01T10:00:00Z", "updatedAt": "2026-12-01T10:00:00Z",
            "versions": (1..=n).map(version).collect::<Vec<_>>(),
        }))
        .expect("document")
    }

    fn kept(documents: &[FileDocument]) -> Vec<Vec<bool>> {
        documents
            .iter()
            .map(|d| d.versions.iter().map(|v| v.printed_pdf.is_some()).collect())
            .collect()
    }

    #[test]
    fn the_latest_prints_fit_in_the_file_first() {
        let mut documents = vec![document(3, 10), document(1, 10)];
        fit_prints(&mut documents, 100);
        assert_eq!(kept(&documents), vec![vec![true, true, true], vec![true]]);
        // Room for three: each document's last version, then the first one's version 2.
        fit_prints(&mut documents, 30);
        assert_eq!(kept(&documents), vec![vec![false, true, true], vec![true]]);
        fit_prints(&mut documents, 5);
        assert_eq!(
            kept(&documents),
            vec![vec![false, false, false], vec![false]]
        );
    }
}
