//! Passphrases: from `ALLIA_PASSPHRASE` for scripts, else asked at the terminal.

use zeroize::Zeroizing;

use crate::error::CliError;

const ENV: &str = "ALLIA_PASSPHRASE";

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
