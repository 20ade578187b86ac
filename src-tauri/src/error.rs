//! The one error that crosses IPC: a closed code the UI switches on, a French message
//! written for a non-technical person, and the fields to highlight.

use allia_core::{DocumentRefusal, FieldError, ValidationErrors};
use allia_store::StoreError;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    /// The record's current state refuses the change (e.g. a document version moving
    /// backwards): the request was well formed, the UI's copy of the record is stale.
    Precondition,
    /// The step is allowed once the person confirms it (« Prêt à signer » with blanks or
    /// « À vérifier » items left): the UI asks, then sends the step again confirmed.
    NeedsConfirmation,
    WrongPassphrase,
    WrongRecoveryKey,
    VaultLocked,
    VaultMissing,
    VaultExists,
    VaultInUse,
    /// The database is there, its key file is not: the recovery kit opens it.
    KeyFileMissing,
    /// The key file was changed or damaged: the recovery kit opens the vault.
    KeyFileDamaged,
    /// The database is damaged: a backup restores it.
    VaultDamaged,
    /// Made by a newer version of Allia.
    VaultTooNew,
    /// Not a complete Allia backup.
    BackupInvalid,
    /// The backup needs the passphrase of its time (or the recovery key).
    BackupWrongSecret,
    NotFound,
    /// A document could not be built (e.g. an edited clause with a template error).
    Document,
    Storage,
    Io,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    /// The first field to highlight, if the error is about one.
    pub field: Option<String>,
    /// Every field problem, for forms that show them all at once.
    pub field_errors: Vec<FieldError>,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
            field: None,
            field_errors: Vec::new(),
        }
    }

    fn on_field(mut self, field: &str) -> AppError {
        self.field = Some(field.to_string());
        self.field_errors.push(FieldError {
            field: field.to_string(),
            message: self.message.clone(),
        });
        self
    }

    pub fn locked() -> AppError {
        AppError::new(
            ErrorCode::VaultLocked,
            "Le coffre est verrouillé : déverrouillez-le pour continuer.",
        )
    }

    pub fn io(context: &str, e: &std::io::Error) -> AppError {
        AppError::new(ErrorCode::Io, format!("{context} ({e})."))
    }

    /// A clause text that cannot be rendered, refused before it is saved: a validation
    /// error on the field `clauses.<clause id>` with the template's French reason.
    pub fn refused_clause_text(
        clause_id: &str,
        e: &allia_docs::templates::TemplateError,
    ) -> AppError {
        AppError::new(ErrorCode::Validation, e.to_string())
            .on_field(&format!("clauses.{clause_id}"))
    }

    /// An alliance file the vault refused to import. Its problems cannot be shown next
    /// to fields (no form holds the file), so the message names each one's place in the
    /// file (allia-core's [`ValidationErrors::alliance_file_message`]: a first line, then
    /// one problem per line, the UI showing them as a list); `field` and `fieldErrors`
    /// stay as for any validation error. Other refusals are as usual.
    pub fn import_refused(e: StoreError) -> AppError {
        match e {
            StoreError::Validation(errors) => AppError {
                message: errors.alliance_file_message(),
                ..AppError::from(errors)
            },
            other => other.into(),
        }
    }

    /// A wrong passphrase reported on a given field (`passphrase` or `current`).
    pub fn wrong_passphrase_on(field: &str) -> AppError {
        AppError::new(
            ErrorCode::WrongPassphrase,
            StoreError::WrongPassphrase.user_message(),
        )
        .on_field(field)
    }
}

impl From<ValidationErrors> for AppError {
    fn from(errors: ValidationErrors) -> AppError {
        let field = errors.first().map(|e| e.field.clone());
        let message = errors.user_message();
        AppError {
            code: ErrorCode::Validation,
            message,
            field,
            field_errors: errors.0,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        let message = e.user_message();
        match e {
            StoreError::WrongPassphrase => AppError::wrong_passphrase_on("passphrase"),
            StoreError::WrongRecoveryKey | StoreError::MalformedRecoveryKey(_) => {
                AppError::new(ErrorCode::WrongRecoveryKey, message).on_field("recoveryKey")
            }
            StoreError::VaultExists => AppError::new(ErrorCode::VaultExists, message),
            StoreError::VaultMissing => AppError::new(ErrorCode::VaultMissing, message),
            StoreError::VaultInUse => AppError::new(ErrorCode::VaultInUse, message),
            StoreError::NotFound(_) => AppError::new(ErrorCode::NotFound, message),
            StoreError::Validation(errors) => errors.into(),
            StoreError::DocumentRefused(DocumentRefusal::Unfinished { .. }) => {
                AppError::new(ErrorCode::NeedsConfirmation, message)
            }
            StoreError::DocumentRefused(_) => AppError::new(ErrorCode::Precondition, message),
            StoreError::Refused(_) => AppError::new(ErrorCode::Precondition, message),
            StoreError::Io(_) | StoreError::DiskFull | StoreError::NoAccess(_) => {
                AppError::new(ErrorCode::Io, message)
            }
            StoreError::KeyFileMissing => AppError::new(ErrorCode::KeyFileMissing, message),
            StoreError::KeyFileDamaged(_) => AppError::new(ErrorCode::KeyFileDamaged, message),
            StoreError::VaultDamaged(_) | StoreError::CorruptData(_) | StoreError::KeyMismatch => {
                AppError::new(ErrorCode::VaultDamaged, message)
            }
            StoreError::VaultTooNew => AppError::new(ErrorCode::VaultTooNew, message),
            StoreError::BackupInvalid(_) => AppError::new(ErrorCode::BackupInvalid, message),
            StoreError::BackupWrongSecret => {
                AppError::new(ErrorCode::BackupWrongSecret, message).on_field("secret")
            }
            StoreError::Database(_) | StoreError::Migration(_) => {
                AppError::new(ErrorCode::Storage, message)
            }
            // The passphrase field of the encrypted-file prompt shows it; other faults
            // are about the file, not a field.
            StoreError::EncryptedFile(
                allia_store::exchange_crypto::EncryptedFileError::WrongPassphrase,
            ) => AppError::new(ErrorCode::WrongPassphrase, message).on_field("passphrase"),
            StoreError::EncryptedFile(_) => AppError::new(ErrorCode::Validation, message),
        }
    }
}

/// Bytes that are not an alliance file: the whole French sentence of allia-core, as a
/// validation error on no particular field.
impl From<allia_core::AllianceFileError> for AppError {
    fn from(e: allia_core::AllianceFileError) -> AppError {
        AppError::new(ErrorCode::Validation, e.to_string())
    }
}

impl From<allia_docs::render::RenderError> for AppError {
    fn from(e: allia_docs::render::RenderError) -> AppError {
        let field = match &e {
            allia_docs::render::RenderError::Template(t) => {
                t.clause_id().map(|id| format!("clauses.{id}"))
            }
            _ => None,
        };
        let error = AppError::new(ErrorCode::Document, e.to_string());
        match field {
            Some(field) => error.on_field(&field),
            None => error,
        }
    }
}

impl From<allia_docs::templates::TemplateError> for AppError {
    fn from(e: allia_docs::templates::TemplateError) -> AppError {
        allia_docs::render::RenderError::from(e).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_passphrase_has_its_own_code_and_french_message() {
        let e = AppError::from(StoreError::WrongPassphrase);
        assert_eq!(e.code, ErrorCode::WrongPassphrase);
        assert_eq!(e.message, "Phrase de passe incorrecte.");
        assert_eq!(e.field.as_deref(), Some("passphrase"));
    }

    #[test]
    fn damage_has_its_own_codes() {
        let e = AppError::from(StoreError::VaultDamaged("quick_check".into()));
        assert_eq!(e.code, ErrorCode::VaultDamaged);
        assert!(e.message.starts_with("Le coffre est endommagé"));
        let e = AppError::from(StoreError::KeyFileMissing);
        assert_eq!(e.code, ErrorCode::KeyFileMissing);
        assert!(e.message.contains("kit de récupération"));
        assert_eq!(
            AppError::from(StoreError::VaultTooNew).code,
            ErrorCode::VaultTooNew
        );
    }

    #[test]
    fn refused_transitions_are_preconditions_on_no_field() {
        let e = AppError::from(StoreError::from(allia_core::DocumentRefusal::Backwards));
        assert_eq!(e.code, ErrorCode::Precondition);
        assert!(e
            .message
            .starts_with("Une version ne revient pas en arrière"));
        assert_eq!(e.field, None);
        assert!(e.field_errors.is_empty());
    }

    #[test]
    fn a_step_that_needs_confirming_says_so_by_its_code() {
        let e = AppError::from(StoreError::from(DocumentRefusal::Unfinished {
            blanks: 2,
            to_check: 1,
        }));
        assert_eq!(e.code, ErrorCode::NeedsConfirmation);
        assert!(e.message.contains("confirm"), "{}", e.message);
    }

    #[test]
    fn an_import_refusal_names_each_problem_s_place() {
        let mut errors = ValidationErrors::default();
        errors.push("partners.3.siret", "Ce numéro SIRET n’est pas valide.");
        errors.push("profile.bank.iban", "Cet IBAN n’est pas valide.");
        let e = AppError::import_refused(StoreError::Validation(errors));
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(
            e.message,
            "Ce fichier d’alliance contient des informations à corriger\u{a0}:\n\
             partenaire 3, SIRET\u{a0}: Ce numéro SIRET n’est pas valide.\n\
             profil, IBAN\u{a0}: Cet IBAN n’est pas valide."
        );
        assert_eq!(e.field.as_deref(), Some("partners.3.siret"));
        assert_eq!(e.field_errors.len(), 2);
        let e = AppError::import_refused(StoreError::DiskFull);
        assert_eq!(e.code, ErrorCode::Io);
    }

    #[test]
    fn validation_errors_keep_every_field() {
        let mut errors = ValidationErrors::default();
        errors.push("siret", "SIRET invalide");
        errors.push("email", "E-mail invalide");
        let e = AppError::from(StoreError::Validation(errors));
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(e.field.as_deref(), Some("siret"));
        assert_eq!(e.field_errors.len(), 2);
        let json = serde_json::to_value(&e).expect("json");
        assert_eq!(json["code"], "validation");
        assert_eq!(json["fieldErrors"][1]["field"], "email");
    }
}
