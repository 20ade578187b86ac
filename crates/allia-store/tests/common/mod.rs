//! Shared by the integration tests: vaults (empty, with the demo alliance, with the
//! kit shown at creation), passphrases, document settings, alliances by name, and the
//! folder helpers the damage tests use.
// Each test file uses a part of it.
#![allow(dead_code)]

use std::path::Path;

use allia_core::{Alliance, AllianceDraft, DocumentSettings};
use allia_store::{KdfParams, Vault};

pub const PASS: &str = "girafe violette sous la pluie de Lyon";
pub const NEW_PASS: &str = "hérisson turquoise au marché de Nantes";

/// A new vault with the default key-derivation costs (the only ones a vault accepts;
/// about a quarter of a second with the optimised argon2 of dev builds).
pub async fn vault(dir: &Path) -> Vault {
    Vault::create_with_params(dir, "phrase de test", KdfParams::default())
        .await
        .expect("create")
        .0
}

/// A new vault holding the guide's demo alliance (five partners), and that alliance.
pub async fn vault_with_demo(dir: &Path) -> (Vault, Alliance) {
    let vault = vault(dir).await;
    let demo = vault.store().load_demo().await.expect("demo");
    (vault, demo)
}

/// A new vault sealed with [`PASS`] as the app creates it, and its recovery key as
/// printed in the kit.
pub async fn vault_with_kit(dir: &Path) -> (Vault, String) {
    let (vault, recovery) = Vault::create(dir, PASS, PASS).await.expect("create");
    (vault, recovery.display().to_string())
}

/// Document settings with only a title.
pub fn settings(title: &str) -> DocumentSettings {
    DocumentSettings {
        title: title.into(),
        ..Default::default()
    }
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

/// The names in a folder, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Copies a folder and everything in it.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("ls") {
        let entry = entry.expect("entry");
        if entry.file_type().expect("type").is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        } else {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        }
    }
}

/// Passphrase of the vault made by the first version (`tests/fixtures/vault-format1`,
/// README there), sealed in NFD; this NFC form opens it.
pub const FORMAT1_PASS: &str = "clé du coffre de l’association Saint-Étienne";

/// Copies the vault made by the first version into `dir`, for the migration tests.
pub fn copy_format1_vault(dir: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vault-format1");
    for name in ["allia.vault", "allia.vault.keys"] {
        std::fs::copy(from.join(name), dir.join(name)).expect("copy fixture");
    }
}

/// The first field error of a refusal: its field and French message; panics on any other
/// error.
pub fn field_error(err: allia_store::StoreError) -> (String, String) {
    match err {
        allia_store::StoreError::Validation(errors) => {
            (errors.0[0].field.clone(), errors.0[0].message.clone())
        }
        other => panic!("expected a field error, got {other:?}"),
    }
}

/// A new vault with one alliance of two partners, « Maison des Solidarités du Val de
/// Brenne » and « Les Jardins partagés de Brenne » (not the demo, whose register has
/// actors, links and scores of its own).
pub async fn alliance_of_two_partners(dir: &Path) -> (Vault, Alliance) {
    let vault = vault(dir).await;
    let alliance = vault
        .store()
        .create_alliance(&AllianceDraft {
            name: "Service partagé".into(),
            ..Default::default()
        })
        .await
        .expect("alliance");
    for name in [
        "Maison des Solidarités du Val de Brenne",
        "Les Jardins partagés de Brenne",
    ] {
        vault
            .store()
            .create_partner(
                &alliance.id,
                &allia_core::PartnerDraft {
                    organisation: allia_core::Organisation {
                        name: name.into(),
                        ..Default::default()
                    },
                    ..Default::default()
                },
            )
            .await
            .expect("partner");
    }
    (vault, alliance)
}
