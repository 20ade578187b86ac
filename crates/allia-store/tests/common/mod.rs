//! Shared by the integration tests: a vault, passphrases, alliances by name.
// Each test file uses a part of it.
#![allow(dead_code)]

use allia_core::AllianceDraft;
use allia_store::{KdfParams, Vault};

pub const PASS: &str = "girafe violette sous la pluie de Lyon";
pub const NEW_PASS: &str = "hérisson turquoise au marché de Nantes";

/// A new vault with the default key-derivation costs (the only ones a vault accepts;
/// about a quarter of a second with the optimised argon2 of dev builds).
pub async fn vault(dir: &std::path::Path) -> Vault {
    Vault::create_with_params(dir, "phrase de test", KdfParams::default())
        .await
        .expect("create")
        .0
}

/// Adds an alliance with only its name.
pub async fn add_alliance(vault: &Vault, name: &str) {
    vault
        .store()
        .create_alliance(&AllianceDraft {
            name: name.into(),
            ..Default::default()
        })
        .await
        .expect("alliance");
}

/// The names of the vault's alliances, sorted.
pub async fn alliance_names(vault: &Vault) -> Vec<String> {
    let mut names: Vec<String> = vault
        .store()
        .alliances()
        .await
        .expect("alliances")
        .into_iter()
        .map(|a| a.draft.name)
        .collect();
    names.sort();
    names
}
