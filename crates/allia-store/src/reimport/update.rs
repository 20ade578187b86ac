//! The update of an alliance from a file, in the caller's transaction: fields, partners, commitments, documents, versions and every optional section.

use std::collections::HashMap;

use allia_core::{
    AllianceDiff, AllianceFileV2, DocumentStatus, FileDocument, FilePartner, FileParty, FileVersion,
};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use super::actor_records::replace_actor_records;
use crate::error::StoreResult;
use crate::store::new_id;
use crate::{alliances, commitments, exchange, partners};

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
pub(super) async fn free_id(
    conn: &mut SqliteConnection,
    table: &str,
    id: &str,
) -> StoreResult<String> {
    Ok(if taken(conn, table, id).await? {
        new_id()
    } else {
        id.to_string()
    })
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
pub(super) async fn apply_update(
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
