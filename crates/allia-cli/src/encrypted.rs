//! Encrypted alliance files at the terminal (`allia export --encrypt`, and every command
//! reading an alliance file): the passphrase comes from `ALLIA_EXPORT_PASSPHRASE` /
//! `ALLIA_IMPORT_PASSPHRASE` for scripts, else it is typed without echo. The cryptography
//! is allia-store's (`exchange_crypto`: age, scrypt), the same as the app's.

use std::path::Path;

use allia_store::exchange_crypto::{self, EncryptedFileError};
use allia_store::StoreError;
use zeroize::Zeroizing;

use crate::error::CliError;

const EXPORT_ENV: &str = "ALLIA_EXPORT_PASSPHRASE";
const IMPORT_ENV: &str = "ALLIA_IMPORT_PASSPHRASE";
/// Passphrases typed at the terminal before giving up on an encrypted file.
const TRIES: usize = 3;

/// An alliance file's bytes, decrypted first when the file is encrypted (age): the
/// passphrase is `ALLIA_IMPORT_PASSPHRASE` (one try), else typed, up to three tries.
/// At most [`allia_core::ALLIANCE_FILE_MAX_BYTES`] and one are read. Errors, in French:
/// the file cannot be read, the passphrase is wrong, the file is damaged. Nothing else
/// happens before the file is open: the vault is not touched.
pub fn read_alliance_file_bytes(path: &Path) -> Result<Vec<u8>, CliError> {
    let bytes = allia_store::read_alliance_file_bytes(path)
        .map_err(|e| crate::error::io_problem("de lire", path, &e))?;
    if !exchange_crypto::is_encrypted(&bytes) {
        return Ok(bytes);
    }
    if let Ok(passphrase) = std::env::var(IMPORT_ENV) {
        let passphrase = Zeroizing::new(passphrase);
        return Ok(exchange_crypto::decrypt(&bytes, &passphrase)?);
    }
    eprintln!(
        "{} est chiffré\u{a0}: saisissez la phrase de passe que l’expéditeur vous a transmise.",
        path.display()
    );
    let mut tries = 0;
    loop {
        tries += 1;
        let passphrase = ask("Phrase de passe du fichier\u{a0}: ", IMPORT_ENV)?;
        match exchange_crypto::decrypt(&bytes, &passphrase) {
            Err(StoreError::EncryptedFile(EncryptedFileError::WrongPassphrase))
                if tries < TRIES =>
            {
                eprintln!("{}", EncryptedFileError::WrongPassphrase.user_message());
            }
            other => return Ok(other?),
        }
    }
}

/// `json` encrypted for `allia export --encrypt`: the passphrase is
/// `ALLIA_EXPORT_PASSPHRASE`, else typed twice; it must pass the vault's passphrase rule
/// (checked before the slow key derivation). Errors: a weak passphrase, two different
/// ones, the terminal cannot be read.
pub fn encrypt_export(json: &[u8]) -> Result<Vec<u8>, CliError> {
    let passphrase = match std::env::var(EXPORT_ENV) {
        Ok(value) => Zeroizing::new(value),
        Err(_) => {
            let first = ask("Phrase de passe du fichier chiffré\u{a0}: ", EXPORT_ENV)?;
            exchange_crypto::check_export_passphrase(&first)?;
            let second = ask("Confirmez la phrase de passe\u{a0}: ", EXPORT_ENV)?;
            if *first != *second {
                return Err(CliError::new(
                    "confirmation\u{a0}: Les deux phrases de passe ne sont pas identiques.",
                ));
            }
            first
        }
    };
    Ok(exchange_crypto::encrypt(json, &passphrase)?)
}

/// The advice printed after an encrypted export.
pub const SEND_ADVICE: &str = "Transmettez cette phrase de passe à vos partenaires par un autre canal (téléphone, SMS), jamais dans le même e-mail que le fichier.";

fn ask(prompt: &str, env: &str) -> Result<Zeroizing<String>, CliError> {
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|_| {
            CliError::new(format!(
                "impossible de lire la phrase de passe du fichier\u{a0}: saisissez-la au clavier, ou donnez-la dans la variable {env}."
            ))
        })
}
