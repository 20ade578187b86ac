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

impl StoreError {
    /// What to tell the person, in French: the app and the command line show this.
    pub fn user_message(&self) -> String {
        match self {
            StoreError::WrongPassphrase => "Phrase de passe incorrecte.".into(),
            StoreError::WrongRecoveryKey => "Cette clé de récupération ne correspond pas à ce coffre.".into(),
            StoreError::MalformedRecoveryKey(_) => {
                "Clé de récupération mal saisie : elle compte 52 lettres et chiffres, en 13 groupes de 4.".into()
            }
            StoreError::VaultExists => "Un coffre existe déjà à cet endroit : déverrouillez-le.".into(),
            StoreError::VaultMissing => "Aucun coffre n’a encore été créé à cet endroit.".into(),
            StoreError::VaultInUse => {
                "Ce coffre est déjà ouvert par une autre fenêtre d’Allia : fermez-la avant de réessayer.".into()
            }
            StoreError::NotFound("alliance") => "Cette alliance n’existe pas (ou plus).".into(),
            StoreError::NotFound("partner") => "Ce partenaire n’existe pas (ou plus).".into(),
            StoreError::NotFound("document") => "Ce document n’existe pas (ou plus).".into(),
            StoreError::NotFound("version") => "Cette version du document n’existe pas.".into(),
            StoreError::NotFound(_) => "Cet élément n’existe pas (ou plus).".into(),
            StoreError::Validation(errors) => errors.user_message(),
            StoreError::Io(e) => format!("Impossible de lire ou d’écrire un fichier du coffre ({e})."),
            StoreError::CorruptKeyFile(_) | StoreError::CorruptData(_) => {
                "Le coffre semble endommagé. Restaurez une sauvegarde (dossier « backups » du coffre).".into()
            }
            StoreError::Database(_) | StoreError::Migration(_) => {
                "L’enregistrement dans le coffre a échoué. Réessayez ; si cela persiste, redémarrez Allia.".into()
            }
        }
    }
}
