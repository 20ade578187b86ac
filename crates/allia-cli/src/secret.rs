//! Secrets: from `ALLIA_PASSPHRASE` / `ALLIA_RECOVERY_KEY` for scripts, else asked at
//! the terminal without echo.

use zeroize::Zeroizing;

use crate::error::CliError;

const ENV: &str = "ALLIA_PASSPHRASE";
const RECOVERY_ENV: &str = "ALLIA_RECOVERY_KEY";

pub fn passphrase(prompt: &str) -> Result<Zeroizing<String>, CliError> {
    if let Ok(value) = std::env::var(ENV) {
        return Ok(Zeroizing::new(value));
    }
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|_| {
            CliError::new(format!(
                "impossible de lire la phrase de passe : saisissez-la au clavier, ou donnez-la dans la variable {ENV}."
            ))
        })
}

/// A new passphrase: the variable once, or typed twice at the terminal.
pub fn new_passphrase() -> Result<(Zeroizing<String>, Zeroizing<String>), CliError> {
    if let Ok(value) = std::env::var(ENV) {
        return Ok((Zeroizing::new(value.clone()), Zeroizing::new(value)));
    }
    let first = passphrase("Nouvelle phrase de passe : ")?;
    let second = passphrase("Confirmez la phrase de passe : ")?;
    Ok((first, second))
}

/// The recovery key of the printed kit: `ALLIA_RECOVERY_KEY`, else typed at the
/// terminal (hidden, like a passphrase: it opens the vault on its own).
pub fn recovery_key() -> Result<Zeroizing<String>, CliError> {
    if let Ok(value) = std::env::var(RECOVERY_ENV) {
        return Ok(Zeroizing::new(value));
    }
    rpassword::prompt_password("Clé de récupération (celle du kit imprimé)\u{a0}: ")
        .map(Zeroizing::new)
        .map_err(|_| {
            CliError::new(format!(
                "impossible de lire la clé de récupération\u{a0}: saisissez-la au clavier, ou donnez-la dans la variable {RECOVERY_ENV}."
            ))
        })
}
