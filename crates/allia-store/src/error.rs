//! Errors of the vault and its repositories.

use allia_core::ValidationErrors;

/// What a « not found » is about: each entity the vault stores or lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Alliance,
    Partner,
    Document,
    /// One version of a document.
    DocumentVersion,
    /// A party's signature on a document version.
    Signature,
    /// A backup file in the vault's backups folder.
    Backup,
    /// One party's commitments in an alliance.
    Commitments,
    /// One key figure of an alliance's project dossier.
    DossierFigure,
    /// One item of an alliance's MOFF / SWOT matrix.
    SwotItem,
    /// A link between two actors of the register.
    Interaction,
    /// One entry of an actor's proximity log.
    ExchangeEntry,
    /// A criterion of an alliance's scoring matrix.
    ScoringCriterion,
    /// A strategic objective of an alliance (guide section 4).
    StrategicObjective,
    /// A strategic gap between partners on one strategic objective.
    StrategicGap,
    /// An operational objective under a strategic objective.
    OperationalObjective,
    /// An indicator of the evaluation.
    Indicator,
    /// One dated measurement of an indicator.
    Measurement,
    /// A gap analysis of an objective with its decision.
    GapAnalysis,
}

impl std::fmt::Display for Entity {
    /// The entity's name in English, for logs and `StoreError`'s `Display`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Entity::Alliance => "alliance",
            Entity::Partner => "partner",
            Entity::Document => "document",
            Entity::DocumentVersion => "version",
            Entity::Signature => "signature",
            Entity::Backup => "backup",
            Entity::Commitments => "commitments",
            Entity::DossierFigure => "dossier figure",
            Entity::SwotItem => "swot item",
            Entity::Interaction => "interaction",
            Entity::ExchangeEntry => "exchange entry",
            Entity::ScoringCriterion => "scoring criterion",
            Entity::StrategicObjective => "strategic objective",
            Entity::StrategicGap => "strategic gap",
            Entity::OperationalObjective => "operational objective",
            Entity::Indicator => "indicator",
            Entity::Measurement => "measurement",
            Entity::GapAnalysis => "gap analysis",
        })
    }
}

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
    NotFound(Entity),
    #[error("invalid input: {0}")]
    Validation(#[from] ValidationErrors),
    /// The document's current state does not allow the change (a precondition).
    #[error("refused: {0}")]
    DocumentRefused(#[from] allia_core::DocumentRefusal),
    /// The record's state refuses the change, said in French (an actor still a party to
    /// a signed contract cannot be deleted): a precondition, like `DocumentRefused`.
    #[error("refused: {0}")]
    Refused(String),
    /// The database is there but its key file is not.
    #[error("the vault's key file is missing")]
    KeyFileMissing,
    /// The key file cannot be trusted: unreadable, a byte changed (checksum), its MAC
    /// does not match, or parameters out of bounds.
    #[error("the vault's key file is damaged or was changed: {0}")]
    KeyFileDamaged(String),
    /// The database is damaged: empty, without schema, failing an integrity check, or
    /// a page that SQLite or SQLCipher reports as corrupt.
    #[error("the vault database is damaged: {0}")]
    VaultDamaged(String),
    /// Written by a later version of Allia (an unknown migration or key-file format).
    #[error("the vault was made by a newer version of Allia")]
    VaultTooNew,
    /// A stored value this version cannot read back.
    #[error("stored data is damaged: {0}")]
    CorruptData(String),
    /// Not an Allia backup, or an incomplete one.
    #[error("not a valid backup: {0}")]
    BackupInvalid(String),
    /// Neither the current key nor the secret given opens this backup.
    #[error("this secret does not open the backup")]
    BackupWrongSecret,
    /// The disk holding the vault (or the chosen destination) is full.
    #[error("disk full")]
    DiskFull,
    /// The operating system refuses to let Allia read or write there (rights, a
    /// read-only disk, a folder that does not exist).
    #[error("no access: {0}")]
    NoAccess(String),
    /// The database's first page does not decrypt with the key its key file gave:
    /// the database is damaged, or the key file belongs to another vault.
    #[error("the database does not open with its key file")]
    KeyMismatch,
    #[error("file error: {0}")]
    Io(std::io::Error),
    #[error("database error: {0}")]
    Database(sqlx::Error),
    #[error("migration error: {0}")]
    Migration(sqlx::migrate::MigrateError),
    /// An encrypted alliance file that does not open (`exchange_crypto`).
    #[error("{0}")]
    EncryptedFile(crate::exchange_crypto::EncryptedFileError),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// SQLite primary result codes that mean the file is damaged: SQLITE_CORRUPT (11),
/// SQLITE_NOTADB (26); and the extended SQLITE_IOERR_SHORT_READ (522), what a truncated
/// file gives (https://www.sqlite.org/rescode.html).
fn is_damage_code(code: &str) -> bool {
    match code.parse::<i32>() {
        Ok(code) => matches!(code & 0xff, 11 | 26) || code == 522,
        Err(_) => false,
    }
}

impl From<sqlx::Error> for StoreError {
    /// Corruption codes become [`StoreError::VaultDamaged`] wherever they surface (a
    /// damaged page may only be read long after unlock); a full disk (SQLITE_FULL, 13)
    /// and refused access (SQLITE_PERM 3, SQLITE_READONLY 8, SQLITE_CANTOPEN 14,
    /// SQLITE_AUTH 23) are said as such; a stored value that does not decode into its
    /// type (an unknown enum text, broken JSON in a JSON column) is `CorruptData`;
    /// everything else is `Database`.
    fn from(e: sqlx::Error) -> StoreError {
        if let sqlx::Error::ColumnDecode { index, source } = &e {
            return StoreError::CorruptData(format!("{index}: {source}"));
        }
        if let sqlx::Error::Database(db) = &e {
            let code = db.code().and_then(|c| c.parse::<i32>().ok()).unwrap_or(0);
            if is_damage_code(&code.to_string()) {
                return StoreError::VaultDamaged(db.message().to_string());
            }
            match code & 0xff {
                13 => return StoreError::DiskFull,
                3 | 8 | 14 | 23 => return StoreError::NoAccess(db.message().to_string()),
                _ => {}
            }
        }
        StoreError::Database(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> StoreError {
        match e.kind() {
            std::io::ErrorKind::StorageFull => StoreError::DiskFull,
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                StoreError::NoAccess(e.to_string())
            }
            _ => StoreError::Io(e),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> StoreError {
        use sqlx::migrate::MigrateError;
        match e {
            // Applied migrations this version does not know: a later Allia wrote them.
            MigrateError::VersionMissing(_) | MigrateError::VersionTooNew(..) => {
                StoreError::VaultTooNew
            }
            MigrateError::Execute(inner) => StoreError::from(inner),
            other => StoreError::Migration(other),
        }
    }
}

impl StoreError {
    /// What to tell the person, in French: the app and the command line show this.
    pub fn user_message(&self) -> String {
        match self {
            StoreError::WrongPassphrase => "Phrase de passe incorrecte.".into(),
            StoreError::WrongRecoveryKey => "Cette clé de récupération ne correspond pas à ce coffre.".into(),
            StoreError::MalformedRecoveryKey(_) => {
                "Clé de récupération mal saisie : elle compte 52 lettres et chiffres, en 13 groupes de 4.".into()
            }
            StoreError::VaultExists => "Un coffre existe déjà à cet endroit : déverrouillez-le. Allia ne remplace jamais un coffre existant.".into(),
            StoreError::VaultMissing => "Aucun coffre n’a encore été créé à cet endroit.".into(),
            StoreError::VaultInUse => {
                "Ce coffre est déjà ouvert, par une autre fenêtre d’Allia ou par la commande allia : fermez-la avant de réessayer.".into()
            }
            StoreError::NotFound(Entity::Alliance) => "Cette alliance n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::Partner) => "Ce partenaire n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::Document) => "Ce document n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::DocumentVersion) => "Cette version du document n’existe pas.".into(),
            StoreError::NotFound(Entity::Backup) => "Cette sauvegarde n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::Signature) => "Cet élément n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::Commitments) => "Ces engagements n’existent pas (ou plus).".into(),
            StoreError::NotFound(Entity::DossierFigure) => "Ce chiffre clé n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::SwotItem) => "Cet élément du diagnostic n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::Interaction) => "Ce lien entre acteurs n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::ExchangeEntry) => "Cet échange n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::ScoringCriterion) => "Ce critère n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::StrategicObjective) => "Cet objectif stratégique n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::StrategicGap) => "Cet écart stratégique n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::OperationalObjective) => "Cet objectif opérationnel n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::Indicator) => "Cet indicateur n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::Measurement) => "Cette mesure n’existe pas (ou plus).".into(),
            StoreError::NotFound(Entity::GapAnalysis) => "Cette analyse des écarts n’existe pas (ou plus).".into(),
            StoreError::Validation(errors) => errors.user_message(),
            StoreError::DocumentRefused(refusal) => refusal.to_string(),
            StoreError::Refused(message) => message.clone(),
            StoreError::KeyFileMissing => {
                "Le fichier de clés du coffre (allia.vault.keys) est introuvable. Vos données sont toujours là : utilisez votre kit de récupération pour rouvrir le coffre.".into()
            }
            StoreError::KeyFileDamaged(_) => {
                "Le fichier de clés du coffre (allia.vault.keys) est endommagé ou a été modifié : Allia ne s’y fie plus. Utilisez votre kit de récupération pour rouvrir le coffre.".into()
            }
            StoreError::VaultDamaged(_) | StoreError::CorruptData(_) => {
                "Le coffre est endommagé : Allia ne peut plus le lire sans risque. Restaurez la sauvegarde la plus récente ; le fichier endommagé n’est pas modifié.".into()
            }
            StoreError::VaultTooNew => {
                "Ce coffre a été créé par une version plus récente d’Allia : installez la dernière version d’Allia pour l’ouvrir.".into()
            }
            StoreError::BackupInvalid(_) => {
                "Ce fichier n’est pas une sauvegarde Allia complète : il est peut-être incomplet ou d’un autre type.".into()
            }
            StoreError::BackupWrongSecret => {
                "Cette phrase de passe n’ouvre pas cette sauvegarde : saisissez celle qui était en vigueur quand elle a été faite, ou votre clé de récupération.".into()
            }
            StoreError::DiskFull => {
                "Le disque est plein : libérez de la place (vider la corbeille, déplacer des fichiers), puis réessayez. Le coffre n’a pas été modifié.".into()
            }
            StoreError::NoAccess(_) => {
                "Allia n’a pas le droit de lire ou d’écrire à cet endroit (droits du dossier, disque en lecture seule ou retiré, dossier absent). Vérifiez-le, puis réessayez.".into()
            }
            StoreError::KeyMismatch => {
                "Le coffre est endommagé, ou son fichier de clés vient d’un autre coffre : Allia ne peut pas l’ouvrir. Restaurez la sauvegarde la plus récente, ou rouvrez-le avec votre kit de récupération (« Phrase de passe oubliée ? »).".into()
            }
            StoreError::Io(e) => format!("Impossible de lire ou d’écrire un fichier du coffre ({e})."),
            StoreError::Database(_) | StoreError::Migration(_) => {
                "L’enregistrement dans le coffre a échoué. Réessayez ; si cela persiste, redémarrez Allia.".into()
            }
            StoreError::EncryptedFile(e) => e.user_message(),
        }
    }

    /// True for the errors that mean the vault's database cannot be trusted.
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            StoreError::VaultDamaged(_) | StoreError::CorruptData(_)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::is_damage_code;

    #[test]
    fn corruption_codes() {
        for code in ["11", "26", "267", "523", "779", "522"] {
            assert!(is_damage_code(code), "{code}");
        }
        for code in ["5", "14", "19", "2067", "x"] {
            assert!(!is_damage_code(code), "{code}");
        }
    }
}
