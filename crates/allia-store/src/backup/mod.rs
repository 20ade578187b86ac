//! Backups: one file that opens on its own. A backup is a short header (the date, why
//! it was made, the schema version, the vault's key slots as they were, the size and
//! SHA-256 of the database, and a MAC) followed by an encrypted copy of the database.
//! The passphrase in force when it was made, or the recovery kit, opens it.
//!
//! Automatic backups go to the vault's `backups/` folder (on lock and on close when
//! something changed, before each migration and before a restore), keeping the last N
//! (a setting, 10 by default) plus the newest of each of the last twelve months.

mod file;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use sqlx::SqliteConnection;

pub use file::read_info;
pub(crate) use file::{extract_and_check, open, Opened};
use file::{read_header, with_suffix, write_container, Parts};

use crate::database;
use crate::error::{StoreError, StoreResult};
use crate::files;
use crate::key_file::KeyFile;
use crate::keys::SecretKey;
use crate::vault::VaultPaths;

/// Extension of backup files (« Sauvegarder vers… » suggests it too).
pub const EXTENSION: &str = "allia-sauvegarde";
/// How many of the newest automatic backups stay when the setting is unknown.
pub const DEFAULT_KEEP: usize = 10;

/// Why a backup was made; it is part of its file name and shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupReason {
    Lock,
    Close,
    BeforeMigration(i64),
    BeforeRestore,
    BeforeNewRecoveryKey,
    Manual,
}

impl BackupReason {
    /// The part of the file name after the date.
    fn slug(self) -> String {
        match self {
            BackupReason::Lock => "verrouillage".into(),
            BackupReason::Close => "fermeture".into(),
            BackupReason::BeforeMigration(v) => format!("avant-migration-{v}"),
            BackupReason::BeforeRestore => "avant-restauration".into(),
            BackupReason::BeforeNewRecoveryKey => "avant-nouveau-kit".into(),
            BackupReason::Manual => "manuelle".into(),
        }
    }
}

/// The French words for a reason slug, as the backup list shows them.
pub fn reason_label(slug: &str) -> String {
    match slug {
        "verrouillage" => "au verrouillage".into(),
        "fermeture" => "à la fermeture d’Allia".into(),
        "avant-restauration" => "avant une restauration".into(),
        "avant-nouveau-kit" => "avant un nouveau kit de récupération".into(),
        "manuelle" => "à la demande".into(),
        s if s.starts_with("avant-migration") => "avant une mise à jour d’Allia".into(),
        _ => "sauvegarde".into(),
    }
}

/// A backup as listed without any secret: what its header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    pub file_name: String,
    pub created_at: DateTime<Utc>,
    /// The reason slug (see [`reason_label`]).
    pub reason: String,
    /// Size of the file in bytes.
    pub size: u64,
}

/// What a backup holds, read with its key before anything is replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    pub info: BackupInfo,
    /// Names of the alliances, sorted.
    pub alliances: Vec<String>,
    pub partners: u32,
    pub documents: u32,
    /// True when the backup was made from the vault now open (same data key).
    pub same_vault: bool,
}

/// The automatic backups of a vault, newest first (unreadable files are skipped).
pub fn list(paths: &VaultPaths) -> Vec<BackupInfo> {
    let mut found: Vec<BackupInfo> = automatic_files(paths)
        .into_iter()
        .filter_map(|(path, _)| read_info(&path).ok())
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.created_at));
    found
}

/// Files named like automatic backups, with the date in their name.
fn automatic_files(paths: &VaultPaths) -> Vec<(PathBuf, NaiveDateTime)> {
    let Ok(entries) = std::fs::read_dir(paths.backups()) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rest = name
                .strip_prefix("allia-")?
                .strip_suffix(&format!(".{EXTENSION}"))?;
            // "20261130-141503-123-…" (milliseconds), or without them.
            let date = rest
                .get(..19)
                .and_then(|s| NaiveDateTime::parse_from_str(s, "%Y%m%d-%H%M%S-%3f").ok())
                .or_else(|| {
                    rest.get(..15)
                        .and_then(|s| NaiveDateTime::parse_from_str(s, "%Y%m%d-%H%M%S").ok())
                })?;
            Some((entry.path(), date))
        })
        .collect()
}

/// The key files carried by the backups (and by a kept format-1 key file), newest
/// first: what the recovery kit falls back on when `allia.vault.keys` is gone.
pub(crate) fn key_files_in_backups(paths: &VaultPaths) -> Vec<KeyFile> {
    let mut found = Vec::new();
    for info in list(paths) {
        if let Ok((header, _)) = read_header(&info.path) {
            if let Some(json) = header.key_file {
                if let Ok(file) = serde_json::to_vec(&json)
                    .map_err(|e| StoreError::BackupInvalid(e.to_string()))
                    .and_then(|bytes| KeyFile::parse(&bytes))
                {
                    found.push(file);
                }
            }
        }
    }
    if let Ok(entries) = std::fs::read_dir(paths.backups()) {
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("allia.vault.keys.format1-") {
                if let Ok(file) = KeyFile::read(&entry.path()) {
                    found.push(file);
                }
            }
        }
    }
    found
}

/// The write-ahead log beside a database file (`allia.vault-wal`).
pub(crate) fn wal_of(db: &Path) -> PathBuf {
    with_suffix(db, "-wal")
}

/// Keeps a copy of a key file the recovery kit is about to replace (damaged, edited
/// or another vault's) in `backups/`.
pub(crate) fn keep_replaced_key_file(paths: &VaultPaths) -> StoreResult<()> {
    files::create_private_dir(&paths.backups())?;
    let stamp = Utc::now().format("%Y%m%d-%H%M%S-%3f");
    let target = paths
        .backups()
        .join(format!("allia.vault.keys.remplace-{stamp}"));
    files::write_atomically(&target, &std::fs::read(paths.key_file())?)
}

/// Keeps a copy of a format-1 key file in `backups/` before it is resealed.
pub(crate) fn keep_legacy_key_file(paths: &VaultPaths) -> StoreResult<()> {
    files::create_private_dir(&paths.backups())?;
    let stamp = Utc::now().format("%Y%m%d-%H%M%S");
    let target = paths
        .backups()
        .join(format!("allia.vault.keys.format1-{stamp}"));
    files::write_atomically(&target, &std::fs::read(paths.key_file())?)
}

/// A free name in the backups folder for a backup made now.
fn automatic_target(paths: &VaultPaths, reason: BackupReason) -> StoreResult<PathBuf> {
    files::create_private_dir(&paths.backups())?;
    // Milliseconds: backups made in the same second still sort in the order made.
    let stamp = Utc::now().format("%Y%m%d-%H%M%S-%3f");
    let slug = reason.slug();
    let mut target = paths
        .backups()
        .join(format!("allia-{stamp}-{slug}.{EXTENSION}"));
    let mut n = 2;
    while target.exists() {
        target = paths
            .backups()
            .join(format!("allia-{stamp}-{slug}-{n}.{EXTENSION}"));
        n += 1;
    }
    Ok(target)
}

/// Writes a consistent encrypted copy of the database open on `conn` to `target`,
/// with `key_file` in its header.
pub(crate) async fn write_from_connection(
    conn: &mut SqliteConnection,
    target: &Path,
    key: &SecretKey,
    key_file: &KeyFile,
    reason: &str,
) -> StoreResult<()> {
    let copy = files::temp_sibling(target);
    let copied = database::copy_into(conn, &copy).await;
    let bytes = copied.and_then(|()| Ok(std::fs::read(&copy)?));
    let _ = std::fs::remove_file(&copy);
    let bytes = bytes?;
    let applied = database::applied_versions(conn).await?;
    let schema_version = applied.iter().copied().max().unwrap_or(0);
    let key_json = serde_json::from_slice(&key_file.to_bytes(key)?)
        .map_err(|e| StoreError::BackupInvalid(e.to_string()))?;
    write_container(
        target,
        reason,
        schema_version,
        Some(key_json),
        Parts {
            database: &bytes,
            wal: None,
        },
        Some(key),
    )
}

/// An automatic backup in the vault's `backups/` folder, then the old ones pruned.
pub(crate) async fn write_automatic(
    paths: &VaultPaths,
    conn: &mut SqliteConnection,
    key: &SecretKey,
    key_file: &KeyFile,
    reason: BackupReason,
) -> StoreResult<PathBuf> {
    let target = automatic_target(paths, reason)?;
    write_from_connection(conn, &target, key, key_file, &reason.slug()).await?;
    Ok(target)
}

/// Deletes the automatic backups that the rule does not keep: the `keep` newest, and
/// the newest of each of the twelve months up to `now`. Only real backups count and
/// go (a file named like one but unreadable is left alone), never `just_made`, and
/// never a copy of the vault as it was before a restore: that one is kept until the
/// person deletes it.
pub(crate) fn prune(
    paths: &VaultPaths,
    keep: usize,
    now: NaiveDateTime,
    just_made: &Path,
) -> StoreResult<()> {
    let files: Vec<(PathBuf, NaiveDateTime)> = automatic_files(paths)
        .into_iter()
        .filter(|(path, _)| {
            read_info(path).is_ok_and(|info| info.reason != BackupReason::BeforeRestore.slug())
        })
        .collect();
    let dates: Vec<NaiveDateTime> = files.iter().map(|(_, d)| *d).collect();
    for index in to_delete(&dates, keep, now) {
        if files[index].0 != just_made {
            std::fs::remove_file(&files[index].0)?;
        }
    }
    Ok(())
}

/// Removes what an interrupted backup or restore left in the vault's folders (hidden
/// `.….tmp` files). Called with the vault's lock held, when nothing else writes them.
pub(crate) fn remove_leftovers(paths: &VaultPaths) {
    for dir in [paths.dir.clone(), paths.backups()] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && (name.ends_with(".tmp") || name.contains(".tmp-")) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Indexes of `dates` to delete: all but the `keep` newest and the newest of each of
/// the last twelve calendar months (the current one included).
pub(crate) fn to_delete(dates: &[NaiveDateTime], keep: usize, now: NaiveDateTime) -> Vec<usize> {
    let mut order: Vec<usize> = (0..dates.len()).collect();
    order.sort_by(|a, b| dates[*b].cmp(&dates[*a]));
    let month = |d: &NaiveDateTime| d.year() * 12 + d.month0() as i32;
    let this_month = month(&now);
    let mut kept = vec![false; dates.len()];
    let mut months_seen = std::collections::HashSet::new();
    for (rank, &i) in order.iter().enumerate() {
        let m = month(&dates[i]);
        let monthly = this_month - m < 12 && m <= this_month && months_seen.insert(m);
        if rank < keep || monthly {
            kept[i] = true;
        }
    }
    (0..dates.len()).filter(|i| !kept[*i]).collect()
}

/// Before a restore: the current database file as it is (it may be damaged, so it is
/// copied byte for byte, not through SQLite), with its write-ahead log if a crash left
/// one (it holds committed changes) and its key file when readable, into `backups/`.
/// `key` is the current vault's data key when known: it signs the header.
pub(crate) fn keep_current_files(
    paths: &VaultPaths,
    key: Option<&SecretKey>,
) -> StoreResult<Option<PathBuf>> {
    let db = paths.database();
    if !db.exists() {
        return Ok(None);
    }
    let target = automatic_target(paths, BackupReason::BeforeRestore)?;
    let bytes = std::fs::read(&db)?;
    let wal_path = with_suffix(&db, "-wal");
    let wal = match std::fs::read(&wal_path) {
        Ok(wal) => Some(wal),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e.into()),
    };
    let key_json = std::fs::read(paths.key_file())
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok());
    write_container(
        &target,
        &BackupReason::BeforeRestore.slug(),
        0,
        key_json,
        Parts {
            database: &bytes,
            wal: wal.as_deref().filter(|w| !w.is_empty()),
        },
        key,
    )?;
    // The log and its index belong to the old file: kept above, they go.
    for suffix in ["-wal", "-shm"] {
        match std::fs::remove_file(with_suffix(&db, suffix)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(Some(target))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("date")
    }

    #[test]
    fn retention_keeps_the_newest_and_one_per_month_for_a_year() {
        let now = at("2026-11-30 12:00");
        let mut dates = Vec::new();
        // 20 backups this month, then two per month back to November 2024.
        for day in 1..=20 {
            dates.push(at(&format!("2026-11-{day:02} 10:00")));
        }
        for months_back in 1..=24 {
            let total = 2026 * 12 + 10 - months_back;
            let (y, m) = (total / 12, total % 12 + 1);
            dates.push(at(&format!("{y}-{m:02}-10 09:00")));
            dates.push(at(&format!("{y}-{m:02}-20 09:00")));
        }
        let deleted = to_delete(&dates, 10, now);
        let kept: Vec<NaiveDateTime> = (0..dates.len())
            .filter(|i| !deleted.contains(i))
            .map(|i| dates[i])
            .collect();
        // 10 newest (all in November 2026) + the 20th of each of the 11 previous months.
        assert_eq!(kept.len(), 10 + 11, "{kept:?}");
        assert!(kept.contains(&at("2026-11-20 10:00")));
        assert!(!kept.contains(&at("2026-11-10 10:00")));
        assert!(kept.contains(&at("2025-12-20 09:00")));
        assert!(!kept.contains(&at("2025-12-10 09:00")));
        assert!(!kept.contains(&at("2025-11-20 09:00")), "older than a year");
    }

    #[test]
    fn retention_with_few_backups_keeps_all() {
        let now = at("2026-11-30 12:00");
        let dates = vec![at("2020-01-01 00:00"), at("2026-11-01 00:00")];
        assert!(to_delete(&dates, 10, now).is_empty());
    }

    #[test]
    fn leftovers_of_interrupted_writes_go_and_nothing_else() {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths = VaultPaths::new(dir.path());
        std::fs::create_dir(paths.backups()).expect("mkdir");
        let leftovers = [
            dir.path().join(".allia.vault.0a1b2c3d4e5f.tmp"),
            dir.path().join(".allia.vault.0a1b2c3d4e5f.tmp-wal"),
            paths
                .backups()
                .join(".allia-20261130-101010-000-verrouillage.allia-sauvegarde.abc.tmp"),
        ];
        let kept = [
            dir.path().join("allia.vault"),
            dir.path().join(".allia.vault.creating"),
            paths
                .backups()
                .join("allia-20261130-101010-000-verrouillage.allia-sauvegarde"),
        ];
        for file in leftovers.iter().chain(kept.iter()) {
            std::fs::write(file, b"x").expect("write");
        }
        remove_leftovers(&paths);
        assert!(leftovers.iter().all(|f| !f.exists()));
        assert!(kept.iter().all(|f| f.exists()));
    }

    #[test]
    fn reasons_read_in_french() {
        assert_eq!(reason_label(&BackupReason::Lock.slug()), "au verrouillage");
        assert_eq!(
            reason_label(&BackupReason::BeforeMigration(20261126000003).slug()),
            "avant une mise à jour d’Allia"
        );
    }
}
