//! Test support for the document commands (here and `prints.rs`): a real vault holding
//! the demo alliance.

use std::path::Path;

use allia_core::Alliance;
use allia_store::Vault;

/// A new vault in `dir` with the demo alliance loaded, and that alliance.
pub(crate) async fn demo_vault(dir: &Path) -> (Vault, Alliance) {
    let pass = "phrase de test très solide 2026";
    let (vault, _) = Vault::create(dir, pass, pass).await.expect("vault");
    let alliance = vault.store().load_demo().await.expect("demo");
    (vault, alliance)
}
