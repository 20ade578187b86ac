//! A vault made by the previous version (key file format 1, a passphrase sealed in
//! NFD, no MAC): it opens with the passphrase in either Unicode form, nothing is lost,
//! its key file is upgraded with the old one kept, and its kit keeps working, even
//! once the key file is gone.

use std::path::Path;

use allia_store::{StoreError, Vault, VaultPaths};

const NFD: &str = "cle\u{301} du coffre de l’association Saint-E\u{301}tienne";
const NFC: &str = "clé du coffre de l’association Saint-Étienne";
const KIT: &str = "P0VD-JBDS-VKTV-RWMY-7CMS-EHFW-HVP5-CKMR-ZWCD-WH47-18H5-H6WX-RVC0";
const NEW_PASS: &str = "hérisson turquoise au marché de Nantes";

fn copy_fixture(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vault-format1");
    for name in ["allia.vault", "allia.vault.keys"] {
        std::fs::copy(from.join(name), to.join(name)).expect("copy fixture");
    }
}

async fn expect_all_data(vault: &Vault) {
    let store = vault.store();
    let profile = store.profile().await.expect("profile").expect("saved");
    assert_eq!(profile.name, "Association Fixture Format Un");
    let alliances = store.alliances().await.expect("alliances");
    assert_eq!(alliances.len(), 2);
    let own = alliances
        .iter()
        .find(|a| a.draft.name == "Alliance du format un")
        .expect("alliance");
    let partners = store.partners(&own.id).await.expect("partners");
    assert_eq!(
        partners[0].draft.organisation.name,
        "Commune de Fixtureville"
    );
    let demo = alliances
        .iter()
        .find(|a| a.id != own.id)
        .expect("demo alliance");
    let documents = store.documents(&demo.id).await.expect("documents");
    assert_eq!(documents.len(), 1);
    assert_eq!(
        documents[0].current.settings.title,
        "Convention du format un"
    );
    assert_eq!(
        store.settings().await.expect("settings").auto_lock_minutes,
        25
    );
}

#[tokio::test]
async fn opens_with_the_passphrase_in_either_form_and_is_upgraded() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_fixture(dir.path());
    let paths = VaultPaths::new(dir.path());
    // NFC first: the form every new seal uses; the vault was sealed in NFD.
    let vault = Vault::unlock(dir.path(), NFC).await.expect("NFC opens it");
    expect_all_data(&vault).await;
    vault.close().await;
    let keys = std::fs::read_to_string(paths.key_file()).expect("keys");
    assert!(keys.contains("\"format\": 2"), "{keys}");
    assert!(keys.contains("\"mac\""));
    let kept: Vec<String> = std::fs::read_dir(paths.backups())
        .expect("backups")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        kept.iter()
            .any(|n| n.starts_with("allia.vault.keys.format1-")),
        "{kept:?}"
    );
    // Both forms still open it.
    Vault::unlock(dir.path(), NFD)
        .await
        .expect("NFD")
        .close()
        .await;
    assert!(matches!(
        Vault::unlock(dir.path(), "autre phrase de passe")
            .await
            .err(),
        Some(StoreError::WrongPassphrase)
    ));
}

#[tokio::test]
async fn the_old_kit_still_recovers_even_without_the_key_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_fixture(dir.path());
    // With the format-1 key file.
    let vault = Vault::recover(dir.path(), KIT, NEW_PASS, NEW_PASS)
        .await
        .expect("old kit");
    expect_all_data(&vault).await;
    vault.close().await;
    // Gone: the kit finds its slot again in the copy kept in backups/.
    std::fs::remove_file(VaultPaths::new(dir.path()).key_file()).expect("rm");
    let vault = Vault::recover(dir.path(), KIT, NFC, NFC)
        .await
        .expect("old kit without key file");
    expect_all_data(&vault).await;
    vault.close().await;
}

#[tokio::test]
async fn a_new_kit_gives_an_old_vault_the_kit_alone_property() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_fixture(dir.path());
    let mut vault = Vault::unlock(dir.path(), NFC).await.expect("unlock");
    let kit = vault.new_recovery_key(NFC).await.expect("new kit");
    vault.close().await;
    // Key file and backups gone: the new kit alone opens the database.
    let paths = VaultPaths::new(dir.path());
    std::fs::remove_file(paths.key_file()).expect("rm keys");
    std::fs::remove_dir_all(paths.backups()).expect("rm backups");
    let vault = Vault::recover(dir.path(), &kit.display(), NEW_PASS, NEW_PASS)
        .await
        .expect("the new kit alone");
    expect_all_data(&vault).await;
    vault.close().await;
}
