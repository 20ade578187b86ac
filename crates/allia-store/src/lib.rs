//! Allia's vault: an SQLite database encrypted with SQLCipher under a random data key,
//! the key slots that unlock it, backups that open on their own, migrations with a
//! backup first, and one repository module per aggregate.

mod actors;
mod alliances;
mod annex_files;
pub mod backup;
mod commitments;
mod database;
mod demo_seed;
mod diagnostic;
mod documents;
mod error;
mod evaluation;
mod exchange;
pub mod exchange_crypto;
mod files;
mod form_drafts;
mod key_file;
pub mod keys;
mod model_advisor;
mod new_kit;
mod objectives;
mod organisation;
mod partners;
mod profile;
mod progress;
mod project_dossier;
mod reimport;
mod restore;
mod settings;
mod store;
#[cfg(test)]
mod stored_forms_tests;
mod vault;
mod version_print;

pub use annex_files::{check_pdf, refuse_oversized, AnnexFile, AnnexPdf, MAX_ANNEX_FILE_BYTES};
pub use backup::{BackupInfo, BackupReason, BackupSummary};
pub use error::{Entity, StoreError, StoreResult};
pub use evaluation::IMPORT_LINES_FIELD;
pub use exchange::{read_alliance_file_bytes, ImportMode};
pub use keys::{KdfParams, RecoveryKey};
pub use reimport::ALREADY_HERE;
pub use restore::{inspect_backup_locked, restore_locked, PreparedRestore};
pub use store::Store;
pub use vault::{Vault, VaultPaths, VaultState};
pub use version_print::{PrintFormat, PrintInfo, PrintOrigin, VersionPrint};
