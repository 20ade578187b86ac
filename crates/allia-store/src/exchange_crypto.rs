//! Encrypted alliance files: the bytes of an alliance file encrypted with a passphrase in
//! the age format (<https://age-encryption.org/v1>, scrypt recipient), so partners can
//! send it by e-mail and give the passphrase by another channel. Not a scheme of our own:
//! any age tool (`age -d`, `rage -d`) opens the file with the same passphrase.
//!
//! Output is ASCII-armored (`-----BEGIN AGE ENCRYPTED FILE-----`, base64 lines of 64
//! columns): a text file survives being pasted into an e-mail body, a chat or a webmail
//! that mangles binary attachments, and it is recognisable at a glance; an alliance file
//! is a few kilobytes, so the third added by base64 costs nothing. Both forms are read:
//! the armored one and age's binary one (`age-encryption.org/v1` first line).
//!
//! The passphrase is normalised to NFC before key derivation, so a passphrase typed on
//! macOS (often NFD) opens a file made on Windows. It must pass the vault's passphrase
//! rule ([`allia_core::passphrase::assess_passphrase`]: 10 characters or more, hard to
//! guess), because the file travels over channels anyone may read.

use std::io::Read;

use age::secrecy::SecretString;
use allia_core::ValidationErrors;
use unicode_normalization::UnicodeNormalization;

use crate::error::{StoreError, StoreResult};

/// The first line of a binary age file; later versions change what follows `/`.
const BINARY_PREFIX: &[u8] = b"age-encryption.org/";
/// The first line of an ASCII-armored age file.
pub const ARMOR_BEGIN: &str = "-----BEGIN AGE ENCRYPTED FILE-----";
/// scrypt work factor (log2 N) used to encrypt: N = 2^18, 256 MiB of memory, about half a
/// second to a second on a current laptop. What age itself picks on such a machine, fixed
/// here so every Allia writes the same cost whatever the machine it runs on.
pub const ENCRYPT_WORK_FACTOR: u8 = 18;
/// Largest scrypt work factor accepted when decrypting: 2^19, 512 MiB and two seconds or
/// so. A file asking more (a hostile one could ask for minutes and gigabytes) is refused
/// before any derivation; one step above ours leaves room for files made by the age
/// command line on a fast machine.
pub const MAX_DECRYPT_WORK_FACTOR: u8 = 19;

/// Why an encrypted alliance file could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncryptedFileError {
    /// The passphrase does not open the file (or its key line was altered: age cannot tell
    /// the two apart).
    #[error("wrong passphrase for the encrypted file")]
    WrongPassphrase,
    /// Encrypted for an age key, not with a passphrase.
    #[error("the encrypted file is not protected by a passphrase")]
    NotPassphrase,
    /// The file asks for a scrypt work factor above [`MAX_DECRYPT_WORK_FACTOR`].
    #[error("the encrypted file asks for a scrypt work factor of {0}")]
    ExcessiveWork(u8),
    /// A version of the age format this build does not know.
    #[error("unknown age format version")]
    UnknownFormat,
    /// Truncated, altered, or not an age file at all.
    #[error("damaged encrypted file: {0}")]
    Damaged(String),
}

impl EncryptedFileError {
    /// What to tell the person, in French (the app and the command line show this).
    pub fn user_message(&self) -> String {
        match self {
            EncryptedFileError::WrongPassphrase => {
                "Phrase de passe incorrecte pour ce fichier chiffré.".into()
            }
            EncryptedFileError::NotPassphrase => {
                "Ce fichier chiffré n’est pas protégé par une phrase de passe (il a été chiffré pour une clé age)\u{a0}: Allia ne peut pas l’ouvrir. Demandez à votre partenaire de l’exporter avec « Exporter chiffré… »."
                    .into()
            }
            EncryptedFileError::ExcessiveWork(_) => {
                "Ce fichier chiffré demande un calcul beaucoup trop long pour être ouvert\u{a0}: Allia le refuse par précaution. Demandez à votre partenaire de l’exporter de nouveau avec Allia."
                    .into()
            }
            EncryptedFileError::UnknownFormat => {
                "Ce fichier est chiffré dans une version plus récente du format age\u{a0}: installez la dernière version d’Allia pour l’ouvrir."
                    .into()
            }
            EncryptedFileError::Damaged(_) => {
                "Ce fichier chiffré est endommagé ou incomplet\u{a0}: il ne peut pas être déchiffré. Demandez à votre partenaire de vous l’envoyer de nouveau."
                    .into()
            }
        }
    }
}

/// True when `bytes` look like an age file, binary (`age-encryption.org/…` first line)
/// or ASCII-armored (`-----BEGIN AGE ENCRYPTED FILE-----`), after an optional UTF-8 BOM
/// and blank space (what a text editor or a copy from an e-mail may add). Says nothing
/// about whether it decrypts: an alliance file in JSON always answers false.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    let start = skip_leading_noise(bytes);
    start.starts_with(BINARY_PREFIX) || start.starts_with(ARMOR_BEGIN.as_bytes())
}

/// Encrypts an alliance file's bytes with `passphrase` (NFC-normalised) into an
/// ASCII-armored age file (scrypt recipient, work factor [`ENCRYPT_WORK_FACTOR`]).
/// Errors: `StoreError::Validation` on the field `passphrase` when the passphrase does
/// not pass the vault's rule; `StoreError::Io` if age fails to write (memory only).
pub fn encrypt(plain: &[u8], passphrase: &str) -> StoreResult<Vec<u8>> {
    check_export_passphrase(passphrase)?;
    let normalised: String = passphrase.nfc().collect();
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(normalised));
    recipient.set_work_factor(ENCRYPT_WORK_FACTOR);
    let armored = age::encrypt_and_armor(&recipient, plain).map_err(|e| match e {
        age::EncryptError::Io(e) => StoreError::from(e),
        other => StoreError::Io(std::io::Error::other(other.to_string())),
    })?;
    Ok(armored.into_bytes())
}

/// Decrypts an age file (armored or binary) made with a passphrase. The passphrase is
/// tried NFC-normalised, then as typed if that differs (a file made by another age tool
/// from a decomposed passphrase). A work factor above [`MAX_DECRYPT_WORK_FACTOR`] is
/// refused before any derivation. Nothing is written anywhere.
/// Errors: `StoreError::EncryptedFile` (wrong passphrase, not a passphrase file, too much
/// work, unknown version, damaged), with its French message.
pub fn decrypt(cipher: &[u8], passphrase: &str) -> StoreResult<Vec<u8>> {
    let cipher = skip_leading_noise(cipher);
    let normalised: String = passphrase.nfc().collect();
    match decrypt_with(cipher, &normalised) {
        Err(EncryptedFileError::WrongPassphrase) if normalised != passphrase => {
            decrypt_with(cipher, passphrase)
        }
        other => other,
    }
    .map_err(StoreError::EncryptedFile)
}

/// The export passphrase rule: the vault's ([`allia_core::passphrase::assess_passphrase`]),
/// without control characters (a tab cannot be told over the phone). Errors: a
/// validation error on the field `passphrase`, in French.
pub fn check_export_passphrase(passphrase: &str) -> StoreResult<()> {
    let assessment = allia_core::passphrase::assess_passphrase(passphrase);
    let mut errors = ValidationErrors::default();
    if let Some(message) = assessment.message {
        errors.push("passphrase", message);
    } else if passphrase.chars().any(char::is_control) {
        errors.push(
            "passphrase",
            "La phrase de passe ne peut pas contenir de tabulation, de retour à la ligne ni d’autre caractère de contrôle.",
        );
    }
    errors.into_result(()).map_err(StoreError::Validation)
}

fn decrypt_with(cipher: &[u8], passphrase: &str) -> Result<Vec<u8>, EncryptedFileError> {
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(MAX_DECRYPT_WORK_FACTOR);
    let decryptor =
        age::Decryptor::new_buffered(age::armor::ArmoredReader::new(cipher)).map_err(from_age)?;
    if !decryptor.is_scrypt() {
        return Err(EncryptedFileError::NotPassphrase);
    }
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(from_age)?;
    let mut plain = Vec::new();
    // The payload's chunks are authenticated one by one: a truncated or altered file
    // fails here, before anything is returned.
    reader
        .read_to_end(&mut plain)
        .map_err(|e| EncryptedFileError::Damaged(e.to_string()))?;
    Ok(plain)
}

fn from_age(e: age::DecryptError) -> EncryptedFileError {
    match e {
        age::DecryptError::DecryptionFailed | age::DecryptError::KeyDecryptionFailed => {
            EncryptedFileError::WrongPassphrase
        }
        age::DecryptError::NoMatchingKeys => EncryptedFileError::NotPassphrase,
        age::DecryptError::ExcessiveWork { required, .. } => {
            EncryptedFileError::ExcessiveWork(required)
        }
        age::DecryptError::UnknownFormat => EncryptedFileError::UnknownFormat,
        other => EncryptedFileError::Damaged(other.to_string()),
    }
}

/// `bytes` without a leading UTF-8 BOM and ASCII blank space.
fn skip_leading_noise(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_both_forms_and_not_json() {
        assert!(is_encrypted(b"age-encryption.org/v1\n-> scrypt"));
        assert!(is_encrypted(
            b"\xEF\xBB\xBF\r\n  -----BEGIN AGE ENCRYPTED FILE-----\r\n"
        ));
        assert!(!is_encrypted(b"{\"format\": 2}"));
        assert!(!is_encrypted(b"\xEF\xBB\xBF{\"format\": 1}"));
        assert!(!is_encrypted(b""));
        assert!(!is_encrypted(b"age"));
    }

    #[test]
    fn a_weak_passphrase_is_refused_in_french() {
        match encrypt(b"{}", "court") {
            Err(StoreError::Validation(errors)) => {
                assert_eq!(errors.0[0].field, "passphrase");
                assert!(errors.0[0].message.starts_with("Au moins 10 caractères"));
            }
            other => panic!("expected a validation error, got {other:?}"),
        }
        assert!(matches!(
            encrypt(b"{}", "phrase de test\ttrès solide 2026"),
            Err(StoreError::Validation(_))
        ));
    }

    #[test]
    fn not_an_age_file_is_damaged() {
        match decrypt(b"{\"format\": 2}", "phrase de test très solide 2026") {
            Err(StoreError::EncryptedFile(EncryptedFileError::Damaged(_))) => {}
            other => panic!("expected damaged, got {other:?}"),
        }
    }
}
