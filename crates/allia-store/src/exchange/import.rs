//! Import: a validated alliance file stored as a new alliance ([`insert_imported`]),
//! each record under the id [`ImportMode`] gives it, with the helpers that the update of
//! an alliance from a later file (`crate::reimport`) shares (versions, prints, actors).

use std::collections::{HashMap, HashSet};

use allia_core::{
    AllianceFileV2, FilePartner, FileParty, FileSignature, FileVersion, PartySignature,
};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use crate::documents::ids::IdMap;
use crate::error::{StoreError, StoreResult};
use crate::partners;
use crate::store::new_id;

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
    // After the actors it names.
    let mut objective_ids: HashMap<String, String> = HashMap::new();
    if let Some(objectives) = &file.objectives {
        for (table, file_id) in crate::objectives::file::record_ids(objectives) {
            let id = plan.id(conn, table, file_id).await?;
            if id != file_id {
                objective_ids.insert(file_id.to_string(), id);
            }
        }
        crate::objectives::file::insert(
            conn,
            &alliance_id,
            objectives,
            &objective_ids,
            Some(&partner_ids),
        )
        .await?;
    }
    // After the objectives and actors it names.
    if let Some(evaluation) = &file.evaluation {
        let mut ids = crate::evaluation::file::IdMaps {
            partners: Some(&partner_ids),
            objectives: objective_ids,
            ..Default::default()
        };
        for (table, file_id) in crate::evaluation::file::record_ids(evaluation) {
            let id = plan.id(conn, table, file_id).await?;
            if id != file_id {
                ids.records.insert(file_id.to_string(), id);
            }
        }
        crate::evaluation::file::insert(conn, &alliance_id, evaluation, &ids).await?;
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
