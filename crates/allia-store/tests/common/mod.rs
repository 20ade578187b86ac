//! Shared by the integration tests about repositories.

use allia_store::{KdfParams, Vault};

/// A new vault with a cheap KDF: these tests are about the repositories, not the key
/// slots (tests/vault.rs covers those with the real parameters).
pub async fn vault(dir: &std::path::Path) -> Vault {
    let params = KdfParams {
        memory_kib: 8 * 1024,
        iterations: 1,
        parallelism: 1,
    };
    Vault::create_with_params(dir, "phrase de test", params)
        .await
        .expect("create")
        .0
}
