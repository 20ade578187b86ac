//! The stable ids of a version's clause changes and signatures (migration
//! `20261202000002`): the settings and signatures are stored as they always were, and
//! `document_version.override_ids` / `signature_ids` map each change's clause id, each
//! signature's party, to its UUID. A key kept from one write to the next keeps its id; a
//! new key gets a new one; a key gone loses its id. The alliance file of format 2 carries
//! them (`exchange.rs`).

use std::collections::BTreeMap;

use allia_core::{DocumentSettings, PartySignature};
use sqlx::types::Json;
use sqlx::SqliteConnection;

use crate::error::StoreResult;
use crate::store::new_id;

/// Natural key (clause id, or party) → UUID.
pub(crate) type IdMap = BTreeMap<String, String>;

/// `existing`'s ids for the keys still there, a new id for each new key.
pub(crate) fn reconciled<'k>(existing: &IdMap, keys: impl IntoIterator<Item = &'k str>) -> IdMap {
    keys.into_iter()
        .map(|key| {
            let id = existing.get(key).cloned().unwrap_or_else(new_id);
            (key.to_string(), id)
        })
        .collect()
}

/// The clause ids of the settings' changes.
pub(crate) fn override_keys(settings: &DocumentSettings) -> impl Iterator<Item = &str> {
    settings.overrides.iter().map(|o| o.clause_id.as_str())
}

/// The parties of the signatures.
pub(crate) fn signature_keys(signatures: &[PartySignature]) -> impl Iterator<Item = &str> {
    signatures.iter().map(|s| s.party.as_str())
}

/// A version's id maps.
#[derive(sqlx::FromRow)]
pub(crate) struct VersionIds {
    #[sqlx(json)]
    pub override_ids: IdMap,
    #[sqlx(json)]
    pub signature_ids: IdMap,
}

/// The ids of version `number` of a document (empty maps when the row is missing).
pub(crate) async fn of_version(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
) -> StoreResult<VersionIds> {
    let row: Option<VersionIds> = sqlx::query_as(
        "SELECT override_ids, signature_ids FROM document_version \
         WHERE document_id = ? AND number = ?",
    )
    .bind(document_id)
    .bind(number)
    .fetch_optional(conn)
    .await?;
    Ok(row.unwrap_or(VersionIds {
        override_ids: IdMap::new(),
        signature_ids: IdMap::new(),
    }))
}

/// Keeps `override_ids` in step with the settings just written to version `number`.
pub(crate) async fn follow_settings(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
    settings: &DocumentSettings,
) -> StoreResult<()> {
    let current = of_version(conn, document_id, number).await?;
    let ids = reconciled(&current.override_ids, override_keys(settings));
    sqlx::query(
        "UPDATE document_version SET override_ids = ?, id = coalesce(id, ?) \
         WHERE document_id = ? AND number = ?",
    )
    .bind(Json(&ids))
    .bind(new_id())
    .bind(document_id)
    .bind(number)
    .execute(conn)
    .await?;
    Ok(())
}

/// Keeps `signature_ids` in step with the signatures just written to version `number`.
pub(crate) async fn follow_signatures(
    conn: &mut SqliteConnection,
    document_id: &str,
    number: u32,
    signatures: &[PartySignature],
) -> StoreResult<()> {
    let current = of_version(conn, document_id, number).await?;
    let ids = reconciled(&current.signature_ids, signature_keys(signatures));
    sqlx::query(
        "UPDATE document_version SET signature_ids = ?, id = coalesce(id, ?) \
         WHERE document_id = ? AND number = ?",
    )
    .bind(Json(&ids))
    .bind(new_id())
    .bind(document_id)
    .bind(number)
    .execute(conn)
    .await?;
    Ok(())
}
