//! Where a vault's files live and what is on disk before any secret is asked: the
//! database, its key file, the lock, the backups and an interrupted creation's marker.

use std::path::PathBuf;

const DB_FILE: &str = "allia.vault";
const KEY_FILE: &str = "allia.vault.keys";
const LOCK_FILE: &str = "allia.vault.lock";
/// A database being created: renamed to `allia.vault` once its key file is written.
pub(super) const CREATING_FILE: &str = ".allia.vault.creating";
const BACKUP_DIR: &str = "backups";

/// Where a vault's files live.
#[derive(Debug, Clone)]
pub struct VaultPaths {
    pub dir: PathBuf,
}

/// What is on disk, before any secret is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VaultState {
    /// No vault here (or only an interrupted creation, which never held data).
    Absent,
    /// The database and its key file.
    Present,
    /// The database without its key file: the recovery kit opens it.
    KeyFileMissing,
    /// The key file without the database: only a backup can help.
    DatabaseMissing,
}

impl VaultPaths {
    pub fn new(dir: impl Into<PathBuf>) -> VaultPaths {
        VaultPaths { dir: dir.into() }
    }
    pub fn database(&self) -> PathBuf {
        self.dir.join(DB_FILE)
    }
    pub fn key_file(&self) -> PathBuf {
        self.dir.join(KEY_FILE)
    }
    pub fn lock_file(&self) -> PathBuf {
        self.dir.join(LOCK_FILE)
    }
    pub fn backups(&self) -> PathBuf {
        self.dir.join(BACKUP_DIR)
    }
    pub(super) fn creating(&self) -> PathBuf {
        self.dir.join(CREATING_FILE)
    }

    /// What is on disk (see [`VaultState`]).
    pub fn state(&self) -> VaultState {
        let db = self.database().exists();
        let keys = self.key_file().exists();
        match (db, keys) {
            (true, true) => VaultState::Present,
            (true, false) => VaultState::KeyFileMissing,
            (false, true) if self.creating().exists() => VaultState::Absent,
            (false, true) => VaultState::DatabaseMissing,
            (false, false) => VaultState::Absent,
        }
    }

    /// True once anything of a vault is here: creating one is then refused.
    pub fn exists(&self) -> bool {
        self.state() != VaultState::Absent
    }
}
