//! The checks after a kill: unlock, integrity, every reported commit, the backups.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::{Duration, Instant};

use allia_store::Vault;
use sqlx::{Connection, Row, SqliteConnection};

use crate::parent::Subject;
use crate::protocol::{Commit, Mode};
use crate::{PARTNER_BATCH, PASSPHRASE};

/// Why a trial failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The writer could not unlock, stopped by itself, or never became ready.
    Writer,
    /// The vault did not unlock after the kill.
    Unlock,
    /// `quick_check` or `cipher_integrity_check` reported damage.
    Integrity,
    /// A reported commit is missing.
    Lost,
    /// A transaction is only partly there.
    Torn,
    /// A file under a backup's final name is incomplete, or the newest backup does not
    /// open, fails its checks or lacks a commit reported before it was made.
    Backup,
}
/// What a verification found: failures to record, and the temp files it cleared.
#[derive(Default)]
pub struct Verdict {
    pub failures: Vec<(FailureKind, usize, String)>,
    pub temp_leftovers: usize,
}

impl Verdict {
    /// Records `items` as one failure of `kind`, with a few examples.
    pub fn fail(&mut self, kind: FailureKind, items: &[String], what: &str) {
        if !items.is_empty() {
            self.failures.push((
                kind,
                items.len(),
                format!(
                    "{} {what}, e.g. {:?}",
                    items.len(),
                    &items[..items.len().min(5)]
                ),
            ));
        }
    }
}

/// Unlocks the vault after a kill, runs both integrity checks, then looks up every
/// reported commit (and, in backup mode, the backups).
pub async fn verify(subject: &mut Subject) -> Verdict {
    let mut verdict = Verdict::default();
    let vault = match unlock_after_kill(subject.dir.path()).await {
        Ok(vault) => vault,
        Err(e) => {
            verdict.failures.push((
                FailureKind::Unlock,
                1,
                format!("unlock after the kill: {e}"),
            ));
            return verdict;
        }
    };
    match check_vault(&vault, subject, &mut verdict).await {
        Err(damage) => verdict.failures.push((FailureKind::Integrity, 1, damage)),
        Ok(()) if subject.mode == Mode::Backup => {
            check_backups(&vault, subject, &mut verdict).await;
        }
        Ok(()) => {}
    }
    vault.close().await;
    verdict
}

/// Unlocks the vault the writer held. Windows may release a dead process's file lock a
/// moment after it is reaped, so "in use" is retried for a few seconds.
pub async fn unlock_after_kill(dir: &Path) -> Result<Vault, allia_store::StoreError> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match Vault::unlock(dir, PASSPHRASE).await {
            Err(allia_store::StoreError::VaultInUse) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            other => return other,
        }
    }
}

/// `Err` is damage: an integrity check failed, or the vault could not be read.
pub async fn check_vault(
    vault: &Vault,
    subject: &Subject,
    verdict: &mut Verdict,
) -> Result<(), String> {
    let mut conn = vault
        .open_connection()
        .await
        .map_err(|e| format!("open a connection: {e}"))?;
    let checked = match check_integrity(&mut conn).await {
        Ok(()) => check_ledger(vault, &mut conn, subject, verdict)
            .await
            .map_err(|e| format!("reading the vault: {e}")),
        Err(damage) => Err(damage),
    };
    conn.close().await.ok();
    checked
}

/// `PRAGMA quick_check` answers exactly `ok`; `PRAGMA cipher_integrity_check` no row.
pub async fn check_integrity(conn: &mut SqliteConnection) -> Result<(), String> {
    let quick: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| format!("PRAGMA quick_check: {e}"))?;
    if quick != ["ok"] {
        return Err(format!("PRAGMA quick_check: {quick:?}"));
    }
    let cipher = sqlx::query("PRAGMA cipher_integrity_check")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| format!("PRAGMA cipher_integrity_check: {e}"))?;
    if !cipher.is_empty() {
        let rows: Vec<String> = cipher
            .iter()
            .map(|r| r.try_get::<String, _>(0).unwrap_or_default())
            .collect();
        return Err(format!("PRAGMA cipher_integrity_check: {rows:?}"));
    }
    Ok(())
}

/// Every reported commit must be there, and every transaction whole.
pub async fn check_ledger(
    vault: &Vault,
    conn: &mut SqliteConnection,
    subject: &Subject,
    verdict: &mut Verdict,
) -> Result<(), String> {
    let alliances: HashMap<String, String> = vault
        .store()
        .alliances()
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|a| (a.id, a.draft.name))
        .collect();
    let partner_counts: HashMap<String, i64> = sqlx::query(
        // Partners: the register's actors at « Engagé » (the demo has others too).
        "SELECT a.id, (SELECT count(*) FROM partner p WHERE p.alliance_id = a.id \
         AND p.pipeline_status = 'engaged') FROM alliance a",
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(|e| e.to_string())?
    .iter()
    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
    .collect::<Result<_, sqlx::Error>>()
    .map_err(|e| e.to_string())?;
    let documents: HashSet<String> = sqlx::query_scalar("SELECT id FROM document")
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .collect();
    let versionless: Vec<String> = sqlx::query_scalar(
        "SELECT d.id FROM document d WHERE NOT EXISTS \
         (SELECT 1 FROM document_version v WHERE v.document_id = d.id)",
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(|e| e.to_string())?;

    let orphans: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM partner WHERE alliance_id NOT IN (SELECT id FROM alliance)) \
              + (SELECT count(*) FROM document WHERE alliance_id NOT IN (SELECT id FROM alliance))",
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| e.to_string())?;

    let deleted: HashSet<&str> = subject
        .ledger
        .iter()
        .filter_map(|c| match c {
            Commit::Delete { id } | Commit::DeleteIntent { id } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let mut lost = Vec::new();
    for commit in &subject.ledger {
        let present = match commit {
            // What a delete (reported or maybe done) removed is checked by the delete.
            Commit::Alliance { id, .. }
            | Commit::Partners {
                alliance_id: id, ..
            }
            | Commit::Document {
                alliance_id: id, ..
            } if deleted.contains(id.as_str()) => true,
            Commit::Alliance { id, name } => alliances.get(id) == Some(name),
            Commit::Partners { alliance_id, count } => {
                partner_counts.get(alliance_id).copied().unwrap_or(0) >= *count
            }
            Commit::Document { id, .. } => documents.contains(id),
            Commit::Delete { id } => !alliances.contains_key(id),
            Commit::DeleteIntent { .. } => true,
            Commit::Import { alliance_id } => alliances.contains_key(alliance_id),
            // Files: see check_backups.
            Commit::Export { .. } | Commit::Automatic { .. } => true,
        };
        if !present {
            lost.push(commit.line());
        }
    }
    // Whole or nothing: a write-mode alliance has no partners or a full batch; an
    // import-mode alliance has all the file's partners; a document has its version.
    let mut torn: Vec<String> = versionless
        .into_iter()
        .map(|id| format!("document {id} without a version"))
        .collect();
    if orphans > 0 {
        torn.push(format!(
            "{orphans} partner(s) or document(s) left by a deleted alliance"
        ));
    }
    for (id, count) in &partner_counts {
        let whole = match subject.mode {
            Mode::Write => *count == 0 || *count == PARTNER_BATCH,
            Mode::Import => *count == subject.import_partners,
            Mode::Backup => *count == 0,
        };
        if !whole {
            torn.push(format!("alliance {id} with {count} partner(s)"));
        }
    }
    verdict.fail(FailureKind::Lost, &lost, "reported commit(s) missing");
    verdict.fail(FailureKind::Torn, &torn, "partial transaction(s)");
    Ok(())
}

/// Backup mode. No file under a final backup name is incomplete (temp names may be; they
/// are counted and cleared); every reported export is there; the newest reported export
/// opens with the vault's key, passes its integrity checks and holds every alliance
/// reported before it was made; the newest reported automatic backup is there.
pub async fn check_backups(vault: &Vault, subject: &mut Subject, verdict: &mut Verdict) {
    let mut bad = Vec::new();
    let mut lost = Vec::new();
    let extension = format!(".{}", allia_store::backup::EXTENSION);
    let automatic = vault.paths().backups();
    for folder in [&subject.exports, &automatic] {
        // backups/ appears with the first automatic backup.
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && name.ends_with(".tmp") {
                verdict.temp_leftovers += 1;
                let _ = std::fs::remove_file(entry.path());
            } else if name.ends_with(&extension) {
                if let Err(e) = allia_store::backup::read_info(&entry.path()) {
                    bad.push(format!("{name} is not a complete backup: {e}"));
                }
            }
        }
    }
    let mut newest_export: Option<(usize, String)> = None;
    let mut newest_automatic: Option<String> = None;
    for (index, commit) in subject.ledger.iter().enumerate() {
        match commit {
            Commit::Export { file } => {
                if !subject.removed.contains(file) && !subject.exports.join(file).is_file() {
                    lost.push(commit.line());
                }
                newest_export = Some((index, file.clone()));
            }
            Commit::Automatic { file } => newest_automatic = Some(file.clone()),
            _ => {}
        }
    }
    if let Some(file) = &newest_automatic {
        if !automatic.join(file).is_file() {
            lost.push(Commit::Automatic { file: file.clone() }.line());
        }
    }
    if let Some((index, file)) = &newest_export {
        match vault
            .inspect_backup(&subject.exports.join(file), None)
            .await
        {
            Ok(summary) => {
                let names: HashSet<&String> = summary.alliances.iter().collect();
                for commit in &subject.ledger[..*index] {
                    if let Commit::Alliance { name, .. } = commit {
                        if !names.contains(name) {
                            bad.push(format!("{file} lacks alliance {name}, committed before it"));
                        }
                    }
                }
            }
            Err(e) => bad.push(format!("{file} does not open: {e}")),
        }
    }
    // Checked exports are complete files that never change again: delete all but the
    // newest so the folder, read in full at each trial, stays small.
    if bad.is_empty() && lost.is_empty() {
        let newest = newest_export.map(|(_, file)| file);
        for commit in &subject.ledger {
            if let Commit::Export { file } = commit {
                if Some(file) != newest.as_ref() && subject.removed.insert(file.clone()) {
                    let _ = std::fs::remove_file(subject.exports.join(file));
                }
            }
        }
    }
    verdict.fail(FailureKind::Lost, &lost, "reported backup(s) missing");
    verdict.fail(FailureKind::Backup, &bad, "bad backup(s)");
}
