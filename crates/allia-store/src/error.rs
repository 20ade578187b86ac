//! Errors of the vault and its repositories.

use allia_core::ValidationErrors;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("wrong recovery key")]
    WrongRecoveryKey,
    #[error("malformed recovery key: {0}")]
    MalformedRecoveryKey(&'static str),
    #[error("a vault already exists in this folder")]
    VaultExists,
    #[error("no vault in this folder")]
    VaultMissing,
    #[error("the vault is already open in another process")]
    VaultInUse,
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("invalid input: {0}")]
    Validation(#[from] ValidationErrors),
    #[error("vault key file is damaged: {0}")]
    CorruptKeyFile(String),
    #[error("stored data is damaged: {0}")]
    CorruptData(String),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

pub type StoreResult<T> = Result<T, StoreError>;
