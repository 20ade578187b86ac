//! The backup file: a magic, the header's length, the header (JSON) and the
//! encrypted database; reading checks it is complete, opening checks its MAC.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::{Connection, SqliteConnection};

use super::{BackupInfo, BackupSummary};
use crate::database;
use crate::error::{StoreError, StoreResult};
use crate::files;
use crate::key_file::{self, KeyFile};
use crate::keys::SecretKey;
use crate::vault::VaultPaths;

/// The first bytes of every backup file.
const MAGIC: &[u8; 16] = b"ALLIA-SAUVEGARDE";
const FORMAT: u32 = 1;
/// A header is a few kilobytes; beyond this the file is not a backup.
const MAX_HEADER: u32 = 1024 * 1024;
/// An association's vault is a few megabytes; a header claiming more than this is
/// refused before anything is allocated.
const MAX_PART: u64 = 1024 * 1024 * 1024;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Header {
    format: u32,
    created_at: DateTime<Utc>,
    reason: String,
    app_version: String,
    /// The last migration applied in the copy.
    schema_version: i64,
    database_len: u64,
    /// SHA-256 of the database bytes, hex: an incomplete copy is refused.
    database_sha256: String,
    /// A write-ahead log kept with a raw copy (the vault as it was before a restore,
    /// after a crash): its length and SHA-256; 0 and "" when there is none.
    #[serde(default)]
    wal_len: u64,
    #[serde(default)]
    wal_sha256: String,
    /// The key file as it was, so the passphrase of the time opens it; `null` when
    /// the vault had none (a raw copy of a damaged vault made before a restore).
    pub(super) key_file: Option<serde_json::Value>,
    /// HMAC-SHA-256 of the header without this field, under the data key's MAC key;
    /// empty for a raw copy whose key was unknown (its pages are still authenticated
    /// by SQLCipher, and checked when it is opened).
    mac: String,
}

/// The parts of a backup: the database file's bytes and, for a raw copy made after a
/// crash, its write-ahead log.
pub(super) struct Parts<'a> {
    pub database: &'a [u8],
    pub wal: Option<&'a [u8]>,
}

fn header_bytes_for_mac(header: &Header) -> StoreResult<Vec<u8>> {
    let mut unsigned = header.clone();
    unsigned.mac = String::new();
    serde_json::to_vec(&unsigned).map_err(|e| StoreError::BackupInvalid(e.to_string()))
}

/// Writes a backup to `target` atomically (temp, sync, rename).
pub(super) fn write_container(
    target: &Path,
    reason: &str,
    schema_version: i64,
    key_file_json: Option<serde_json::Value>,
    parts: Parts<'_>,
    key: Option<&SecretKey>,
) -> StoreResult<()> {
    let wal = parts.wal.unwrap_or_default();
    let mut header = Header {
        format: FORMAT,
        created_at: Utc::now(),
        reason: reason.to_string(),
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version,
        database_len: parts.database.len() as u64,
        database_sha256: hex::encode(Sha256::digest(parts.database)),
        wal_len: wal.len() as u64,
        wal_sha256: if wal.is_empty() {
            String::new()
        } else {
            hex::encode(Sha256::digest(wal))
        },
        key_file: key_file_json,
        mac: String::new(),
    };
    if let Some(key) = key {
        header.mac = hex::encode(key_file::mac(key, &header_bytes_for_mac(&header)?)?);
    }
    let header_json =
        serde_json::to_vec(&header).map_err(|e| StoreError::BackupInvalid(e.to_string()))?;
    let header_len = u32::try_from(header_json.len())
        .map_err(|_| StoreError::BackupInvalid("header too large".into()))?;
    let tmp = files::temp_sibling(target);
    let written = (|| -> std::io::Result<()> {
        let mut file = files::create_private_file(&tmp)?;
        file.write_all(MAGIC)?;
        file.write_all(&header_len.to_le_bytes())?;
        file.write_all(&header_json)?;
        file.write_all(parts.database)?;
        file.write_all(wal)?;
        file.sync_all()
    })();
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, target)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    files::sync_parent(target);
    Ok(())
}

/// Reads a backup's header and checks the file has exactly the size it announces,
/// without reading the parts (listing stays fast, a doctored size allocates nothing).
pub(super) fn read_header(path: &Path) -> StoreResult<(Header, std::fs::File)> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(StoreError::BackupInvalid("not a file".into()));
    }
    let mut file = std::fs::File::open(path)?;
    let mut magic = [0u8; 16];
    let mut len = [0u8; 4];
    if file.read_exact(&mut magic).is_err() || &magic != MAGIC {
        return Err(StoreError::BackupInvalid("not a backup".into()));
    }
    file.read_exact(&mut len)
        .map_err(|_| StoreError::BackupInvalid("truncated".into()))?;
    let header_len = u32::from_le_bytes(len);
    if header_len > MAX_HEADER {
        return Err(StoreError::BackupInvalid("header too large".into()));
    }
    let mut header_json = vec![0u8; header_len as usize];
    file.read_exact(&mut header_json)
        .map_err(|_| StoreError::BackupInvalid("truncated".into()))?;
    let header: Header = serde_json::from_slice(&header_json)
        .map_err(|e| StoreError::BackupInvalid(e.to_string()))?;
    if header.format > FORMAT {
        return Err(StoreError::VaultTooNew);
    }
    if header.database_len > MAX_PART || header.wal_len > MAX_PART {
        return Err(StoreError::BackupInvalid("too large".into()));
    }
    let body_start = 20 + u64::from(header_len);
    if meta.len() != body_start + header.database_len + header.wal_len {
        return Err(StoreError::BackupInvalid("incomplete".into()));
    }
    Ok((header, file))
}

/// Reads a whole backup: its header, the database bytes and the log (empty when
/// none), each checked against its SHA-256.
pub(super) fn read_container(path: &Path) -> StoreResult<(Header, Vec<u8>, Vec<u8>)> {
    let (header, file) = read_header(path)?;
    let read_part = |file: &mut std::fs::File, len: u64, sha: &str| -> StoreResult<Vec<u8>> {
        let mut part = Vec::new();
        file.take(len).read_to_end(&mut part)?;
        if part.len() as u64 != len || (len > 0 && hex::encode(Sha256::digest(&part)) != sha) {
            return Err(StoreError::BackupInvalid("checksum".into()));
        }
        Ok(part)
    };
    let mut file = file;
    let database = read_part(&mut file, header.database_len, &header.database_sha256)?;
    let wal = read_part(&mut file, header.wal_len, &header.wal_sha256)?;
    if header.database_sha256 != hex::encode(Sha256::digest(&database)) {
        return Err(StoreError::BackupInvalid("checksum".into()));
    }
    Ok((header, database, wal))
}

fn info_from(path: &Path, header: &Header) -> StoreResult<BackupInfo> {
    Ok(BackupInfo {
        path: path.to_path_buf(),
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        created_at: header.created_at,
        reason: header.reason.clone(),
        size: std::fs::metadata(path)?.len(),
    })
}

/// What a backup file's header says (no secret needed); `BackupInvalid` when it is
/// not a complete Allia backup.
pub fn read_info(path: &Path) -> StoreResult<BackupInfo> {
    let (header, _) = read_header(path)?;
    info_from(path, &header)
}

/// A backup opened with a key: its header, its database bytes and the key file to
/// write if it replaces the vault.
pub(crate) struct Opened {
    pub info: BackupInfo,
    pub database: Vec<u8>,
    /// The write-ahead log of a raw copy made after a crash (empty otherwise).
    pub wal: Vec<u8>,
    pub key: SecretKey,
    pub key_file: Option<KeyFile>,
    pub schema_version: i64,
}

impl Opened {
    /// A copy of what `install` needs (the database bytes are moved out already).
    pub(crate) fn clone_parts(&self) -> Opened {
        Opened {
            info: self.info.clone(),
            database: Vec::new(),
            wal: Vec::new(),
            key: self.key.clone(),
            key_file: self.key_file.clone(),
            schema_version: self.schema_version,
        }
    }
}

/// Opens a backup with the current vault's key if it is that vault's, else with
/// `secret` (the passphrase in force when it was made, or the recovery key).
pub(crate) fn open(
    path: &Path,
    current: Option<&SecretKey>,
    secret: Option<&str>,
) -> StoreResult<Opened> {
    let (header, database, wal) = read_container(path)?;
    let info = info_from(path, &header)?;
    let key_file = match &header.key_file {
        Some(json) => Some(
            serde_json::to_vec(json)
                .map_err(|e| StoreError::BackupInvalid(e.to_string()))
                .and_then(|bytes| KeyFile::parse(&bytes))
                .map_err(|_| StoreError::BackupInvalid("key slots".into()))?,
        ),
        None => None,
    };
    let key = match (current, &key_file) {
        (Some(current), Some(file)) if file.authenticates(current) => current.clone(),
        (_, Some(file)) => match secret {
            Some(secret) => unlock_slots(file, secret)?,
            None => return Err(StoreError::BackupWrongSecret),
        },
        // A raw copy without key slots: this vault's key, or the data key the recovery
        // kit derives (the copy's pages then decrypt, or it is refused when opened).
        (Some(current), None) => current.clone(),
        (None, None) => match secret.map(crate::keys::RecoveryKey::parse) {
            Some(Ok(recovery)) => SecretKey::derived_from_recovery(&recovery),
            _ => return Err(StoreError::BackupWrongSecret),
        },
    };
    if !header.mac.is_empty() {
        let expected = hex::decode(&header.mac).unwrap_or_default();
        let actual = key_file::mac(&key, &header_bytes_for_mac(&header)?)?;
        if expected != actual {
            return Err(StoreError::BackupInvalid(
                "header does not match its key".into(),
            ));
        }
    }
    Ok(Opened {
        info,
        database,
        wal,
        key,
        key_file,
        schema_version: header.schema_version,
    })
}

/// The data key from a backup's slots: a recovery key when the text reads as one,
/// else a passphrase.
fn unlock_slots(file: &KeyFile, secret: &str) -> StoreResult<SecretKey> {
    let result = match crate::keys::RecoveryKey::parse(secret) {
        Ok(recovery) => file.unwrap_with_recovery(&recovery),
        Err(_) => file.unwrap_with_passphrase(secret).map(|u| u.key),
    };
    result.map_err(|e| match e {
        StoreError::WrongPassphrase | StoreError::WrongRecoveryKey => StoreError::BackupWrongSecret,
        other => other,
    })
}

/// Writes the backup's database to a private temp file beside the vault, opens it,
/// checks it and reads what it holds. The temp file is returned for a restore, or
/// removed when `keep_copy` is false.
pub(crate) async fn extract_and_check(
    paths: &VaultPaths,
    opened: &Opened,
    same_vault: bool,
    keep_copy: bool,
) -> StoreResult<(BackupSummary, Option<PathBuf>)> {
    let copy = files::temp_sibling(&paths.database());
    let result = async {
        files::write_atomically(&copy, &opened.database)?;
        if !opened.wal.is_empty() {
            // SQLite replays a log named after its database: the copy gets it back.
            files::write_atomically(&with_suffix(&copy, "-wal"), &opened.wal)?;
        }
        let mut conn = database::open_for_reading(&copy, &opened.key)
            .await
            .map_err(|_| StoreError::BackupInvalid("the copy does not open".into()))?;
        let summary = summarise(&mut conn, opened, same_vault).await;
        conn.close().await?;
        summary
    }
    .await;
    match result {
        Ok(summary) if keep_copy => Ok((summary, Some(copy))),
        other => {
            let _ = std::fs::remove_file(&copy);
            for suffix in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(with_suffix(&copy, suffix));
            }
            other.map(|summary| (summary, None))
        }
    }
}

/// `path` with `suffix` appended to its file name (`allia.vault` → `allia.vault-wal`).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

async fn summarise(
    conn: &mut SqliteConnection,
    opened: &Opened,
    same_vault: bool,
) -> StoreResult<BackupSummary> {
    database::verify_integrity(conn).await?;
    let known: std::collections::HashSet<i64> =
        crate::vault::MIGRATOR.iter().map(|m| m.version).collect();
    if database::applied_versions(conn)
        .await?
        .iter()
        .any(|v| !known.contains(v))
    {
        return Err(StoreError::VaultTooNew);
    }
    let alliances: Vec<String> = sqlx::query_scalar("SELECT name FROM alliance ORDER BY name")
        .fetch_all(&mut *conn)
        .await?;
    // Partners are the actors at « Engagé »; a backup made before the actor register
    // (no status column) holds partners only.
    let has_status: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pragma_table_info('partner') WHERE name = 'pipeline_status'",
    )
    .fetch_one(&mut *conn)
    .await?;
    let partners: i64 = sqlx::query_scalar(if has_status > 0 {
        "SELECT count(*) FROM partner WHERE pipeline_status = 'engaged'"
    } else {
        "SELECT count(*) FROM partner"
    })
    .fetch_one(&mut *conn)
    .await?;
    let has_documents: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'document'",
    )
    .fetch_one(&mut *conn)
    .await?;
    let documents: i64 = if has_documents > 0 {
        sqlx::query_scalar("SELECT count(*) FROM document")
            .fetch_one(&mut *conn)
            .await?
    } else {
        0
    };
    Ok(BackupSummary {
        info: opened.info.clone(),
        alliances,
        partners: u32::try_from(partners).unwrap_or(u32::MAX),
        documents: u32::try_from(documents).unwrap_or(u32::MAX),
        same_vault,
    })
}
