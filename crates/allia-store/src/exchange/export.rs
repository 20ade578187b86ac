//! Export: the alliance's data as the templates read it ([`export`], format 1's shape)
//! and the alliance file of format 2 ([`export_file`]) with its documents, versions and
//! printed PDFs, these kept within the file's size budget ([`fit_prints`]).

use allia_core::alliance_file::{
    FileCriterion, FileDiagnostic, FileExchange, FileInteraction, FileProjectDossier, FileScore,
};
use allia_core::DossierContent;
use allia_core::{
    AllianceFile, AllianceFileV2, CommitmentParty, DocumentKind, DocumentSettings, DocumentStatus,
    FileAlliance, FileCommitment, FileCommitments, FileDocument, FilePartner, FileParty,
    FileSettings, FileSignature, FileVersion, PartySignature, Snapshot, ALLIANCE_FILE_FORMAT,
};
// Named by the doc comments only.
#[cfg(doc)]
use allia_core::ALLIANCE_FILE_MAX_BYTES;
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::documents::ids::IdMap;
use crate::error::{StoreError, StoreResult};
use crate::store::new_id;
use crate::{alliances, commitments, partners, profile};

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
        objectives: allia_core::alliance_file::FileObjectives::of(
            &crate::objectives::file::records(conn, id).await?,
        ),
        evaluation: crate::evaluation::file::export(conn, id).await?,
    })
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
