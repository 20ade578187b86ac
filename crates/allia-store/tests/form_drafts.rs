//! Form drafts on a real SQLCipher vault: kept, read back, replaced, cleared, still
//! there after a lock and an unlock, gone with their alliance, refused when malformed,
//! never readable in the files; and the migration that adds them, run on a vault made
//! by the previous version, loses nothing and is preceded by a backup.

mod common;

use std::path::Path;

use allia_core::{FormDraftKey, FORM_DRAFT_MAX_BYTES};
use allia_store::{backup, inspect_backup_locked, StoreError, Vault, VaultPaths};
use common::{add_alliance, vault_with_kit, PASS};

/// Typed in the form; must never appear in clear in any file of the vault.
const SECRET_NAME: &str = "Banque alimentaire Zéphyrine-Quokka";

fn key(alliance_id: Option<&str>, area: &str, form: &str) -> FormDraftKey {
    FormDraftKey {
        alliance_id: alliance_id.map(str::to_string),
        area: area.into(),
        form: form.into(),
    }
}

fn content(name: &str) -> String {
    serde_json::json!({ "organisation": { "name": name }, "role": "member" }).to_string()
}

async fn first_alliance_id(vault: &Vault) -> String {
    vault.store().alliances().await.expect("alliances")[0]
        .id
        .clone()
}

#[tokio::test]
async fn drafts_are_kept_per_place_replaced_and_cleared() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = vault_with_kit(dir.path()).await;
    add_alliance(&vault, "Alliance des brouillons").await;
    let id = first_alliance_id(&vault).await;
    let store = vault.store();

    let partner = key(Some(&id), "partenaires", "partner:new");
    let alliance = key(Some(&id), "alliance", "alliance");
    let profile = key(None, "profil", "profile");
    store
        .save_form_draft(&partner, &content("Premier jet"))
        .await
        .expect("save");
    store
        .save_form_draft(&partner, &content(SECRET_NAME))
        .await
        .expect("replace");
    store
        .save_form_draft(&alliance, &content("Nom d’alliance"))
        .await
        .expect("alliance");
    store
        .save_form_draft(&profile, &content("Association"))
        .await
        .expect("app-wide");
    // The same app-wide place twice is one draft (NULL alliances compare equal).
    store
        .save_form_draft(&profile, &content("Association du Val"))
        .await
        .expect("app-wide again");

    let drafts = store.form_drafts().await.expect("list");
    assert_eq!(
        drafts.len(),
        3,
        "{:?}",
        drafts.iter().map(|d| &d.key).collect::<Vec<_>>()
    );
    let found = |k: &FormDraftKey| {
        drafts
            .iter()
            .find(|d| &d.key == k)
            .map(|d| d.content.clone())
    };
    assert_eq!(found(&partner), Some(content(SECRET_NAME)));
    assert_eq!(found(&profile), Some(content("Association du Val")));

    assert!(store.clear_form_draft(&partner).await.expect("clear"));
    assert!(!store.clear_form_draft(&partner).await.expect("clear twice"));
    assert!(store
        .clear_form_draft(&profile)
        .await
        .expect("clear app-wide"));
    let left = store.form_drafts().await.expect("list");
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].key, alliance);

    // A draft goes with its alliance.
    store.delete_alliance(&id).await.expect("delete");
    assert!(store.form_drafts().await.expect("list").is_empty());
    vault.close().await;
}

#[tokio::test]
async fn malformed_drafts_are_refused_without_quoting_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = vault_with_kit(dir.path()).await;
    add_alliance(&vault, "Alliance").await;
    let id = first_alliance_id(&vault).await;
    let store = vault.store();
    let place = key(Some(&id), "partenaires", "partner:new");

    let huge = content(&SECRET_NAME.repeat(FORM_DRAFT_MAX_BYTES / SECRET_NAME.len() + 1));
    match store.save_form_draft(&place, &huge).await {
        Err(StoreError::Validation(errors)) => {
            assert!(!errors.user_message().contains("Zéphyrine"));
            assert_eq!(errors.first().map(|e| e.field.as_str()), Some("content"));
        }
        other => panic!("too big accepted: {other:?}"),
    }
    assert!(matches!(
        store.save_form_draft(&place, "[\"pas un objet\"]").await,
        Err(StoreError::Validation(_))
    ));
    assert!(matches!(
        store
            .save_form_draft(&key(Some(&id), "partenaires", "x y"), &content("a"))
            .await,
        Err(StoreError::Validation(_))
    ));
    // Shaped like an id, but no such alliance.
    assert!(matches!(
        store
            .save_form_draft(
                &key(
                    Some("0b6c5f43-2c4e-4d0e-9a3b-6f1f0e2a9c11"),
                    "partenaires",
                    "p"
                ),
                &content("a")
            )
            .await,
        Err(StoreError::NotFound(_))
    ));
    assert!(store.form_drafts().await.expect("list").is_empty());
    vault.close().await;
}

/// Every byte of the vault folder's files (database, log, backups), concatenated.
fn all_bytes(dir: &Path) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("ls") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                bytes.extend(std::fs::read(&path).expect("read"));
            }
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn drafts_survive_lock_and_unlock_and_are_never_in_clear() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = vault_with_kit(dir.path()).await;
    add_alliance(&vault, "Alliance chiffrée").await;
    let id = first_alliance_id(&vault).await;
    let place = key(Some(&id), "partenaires", "partner:new");
    vault
        .store()
        .save_form_draft(&place, &content(SECRET_NAME))
        .await
        .expect("save");
    // While open: the write-ahead log and the database hold it encrypted only.
    assert!(!contains(&all_bytes(dir.path()), "Zéphyrine"));
    // Locked as the auto-lock does it: with its automatic backup.
    assert!(vault.lock(allia_store::BackupReason::Lock).await.is_none());
    assert!(!backup::list(&VaultPaths::new(dir.path())).is_empty());
    assert!(!contains(&all_bytes(dir.path()), "Zéphyrine"));

    let vault = Vault::unlock(dir.path(), PASS).await.expect("unlock");
    let drafts = vault.store().form_drafts().await.expect("list");
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].key, place);
    assert_eq!(drafts[0].content, content(SECRET_NAME));
    vault.close().await;
}

// --- The migration, on a vault made by the previous version --------------------------

/// The vault of `tests/fixtures/vault-format1` (made before drafts existed; README
/// there), sealed in NFD; the NFC form opens it.
const FIXTURE_PASS: &str = common::FORMAT1_PASS;
/// The version of the migration that adds `form_draft`.
const DRAFTS_MIGRATION: &str = "20261130000001";

#[tokio::test]
async fn the_drafts_migration_keeps_an_old_vault_whole_after_a_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::copy_format1_vault(dir.path());

    let vault = Vault::unlock(dir.path(), FIXTURE_PASS)
        .await
        .expect("unlock migrates");
    let store = vault.store();
    // Everything the previous version wrote is there.
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
    assert_eq!(store.documents(&demo.id).await.expect("documents").len(), 1);
    assert_eq!(
        store.settings().await.expect("settings").auto_lock_minutes,
        25
    );
    // The new table works on the migrated vault.
    let place = key(Some(&own.id), "partenaires", "partner:new");
    store
        .save_form_draft(&place, &content(SECRET_NAME))
        .await
        .expect("draft on a migrated vault");
    assert_eq!(store.form_drafts().await.expect("list").len(), 1);
    vault.close().await;

    // A backup was taken before the migration ran, and holds the old vault whole.
    let paths = VaultPaths::new(dir.path());
    let before = backup::list(&paths)
        .into_iter()
        .find(|b| b.reason == format!("avant-migration-{DRAFTS_MIGRATION}"))
        .expect("a backup before the drafts migration");
    let summary = inspect_backup_locked(dir.path(), &before.path, FIXTURE_PASS)
        .await
        .expect("the backup opens");
    assert_eq!(summary.alliances.len(), 2);
    assert!(summary.partners >= 1);
    assert_eq!(summary.documents, 1);

    // Opening again migrates nothing more and keeps the draft.
    let vault = Vault::unlock(dir.path(), FIXTURE_PASS)
        .await
        .expect("reopen");
    assert_eq!(vault.store().form_drafts().await.expect("list").len(), 1);
    vault.close().await;
    assert_eq!(
        backup::list(&paths)
            .iter()
            .filter(|b| b.reason.starts_with("avant-migration"))
            .count(),
        1
    );
}
