//! Allia's vault: an SQLite database encrypted with SQLCipher under a random data key,
//! the key slots that unlock it, migrations with a backup first, and one repository
//! module per aggregate.

mod alliances;
mod documents;
mod error;
mod exchange;
pub mod keys;
mod organisation_columns;
mod partners;
mod profile;
mod settings;
mod store;
mod vault;

pub use error::{StoreError, StoreResult};
pub use keys::{KdfParams, RecoveryKey};
pub use store::Store;
pub use vault::{Vault, VaultPaths};
