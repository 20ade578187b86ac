//! Shared by the integration tests about repositories.

use allia_store::{KdfParams, Vault};

/// A new vault with the default key-derivation costs (the only ones a vault accepts;
/// about a quarter of a second with the optimised argon2 of dev builds).
pub async fn vault(dir: &std::path::Path) -> Vault {
    Vault::create_with_params(dir, "phrase de test", KdfParams::default())
        .await
        .expect("create")
        .0
}
