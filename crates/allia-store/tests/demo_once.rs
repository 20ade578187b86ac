//! « Charger l’exemple » stores the demo alliance once per vault, under a random id the
//! vault remembers: a second load returns it as it is (edited or archived), without a
//! copy; once deleted, it is stored anew under a new id; two vaults' demos are different
//! alliances; a demo stored under the id earlier versions used everywhere stays the
//! vault's demo; a demo loaded before any fixed id stays an ordinary alliance.

use allia_core::demo::{demo_alliance, LEGACY_DEMO_ALLIANCE_ID};
use allia_core::validation::is_record_id;

mod common;

#[tokio::test]
async fn the_demo_loads_once_and_then_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, first) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    assert_ne!(first.id, LEGACY_DEMO_ALLIANCE_ID);
    assert!(is_record_id(&first.id));
    assert_eq!(first.partner_count, 5);

    let second = store.load_demo().await.expect("second load");
    assert_eq!(second.id, first.id);
    assert_eq!(store.alliances().await.expect("list").len(), 1);
    assert_eq!(store.partners(&first.id).await.expect("partners").len(), 5);

    // Edited and archived, it comes back as it is, not reset to the guide's text.
    let mut draft = first.draft.clone();
    draft.name = "Notre service partagé".into();
    store
        .update_alliance(&first.id, &draft)
        .await
        .expect("edit");
    store
        .set_alliance_archived(&first.id, true)
        .await
        .expect("archive");
    let third = store.load_demo().await.expect("third load");
    assert_eq!(third.draft.name, "Notre service partagé");
    assert!(third.archived);
    assert_eq!(
        common::alliance_names(&vault).await,
        ["Notre service partagé"]
    );

    // Deleted, it is loaded anew from the guide.
    store.delete_alliance(&first.id).await.expect("delete");
    let again = store.load_demo().await.expect("after delete");
    assert_ne!(again.id, first.id, "a new demo, under a new id");
    assert!(is_record_id(&again.id));
    assert_eq!(again.draft.name, demo_alliance().alliance.name);
    assert_eq!(again.partner_count, 5);
    assert_eq!(store.alliances().await.expect("list").len(), 1);
    let fourth = store.load_demo().await.expect("load after reload");
    assert_eq!(fourth.id, again.id, "the new demo is remembered");
    assert_eq!(store.alliances().await.expect("list").len(), 1);
    vault.close().await;
}

#[tokio::test]
async fn two_vaults_have_different_demos() {
    let one = tempfile::tempdir().expect("tempdir");
    let two = tempfile::tempdir().expect("tempdir");
    let (vault_a, demo_a) = common::vault_with_demo(one.path()).await;
    let (vault_b, demo_b) = common::vault_with_demo(two.path()).await;
    assert_ne!(demo_a.id, demo_b.id);
    let ids_a: Vec<String> = vault_a
        .store()
        .partners(&demo_a.id)
        .await
        .expect("partners a")
        .into_iter()
        .map(|p| p.id)
        .collect();
    let ids_b: Vec<String> = vault_b
        .store()
        .partners(&demo_b.id)
        .await
        .expect("partners b")
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ids_a.len(), 5);
    assert!(ids_a.iter().all(|id| !ids_b.contains(id)));
    vault_a.close().await;
    vault_b.close().await;
}

#[tokio::test]
async fn a_demo_under_the_former_fixed_id_stays_the_vaults_demo() {
    let other_dir = tempfile::tempdir().expect("tempdir");
    let (other, demo) = common::vault_with_demo(other_dir.path()).await;
    let mut file = other
        .store()
        .export_alliance_file(&demo.id)
        .await
        .expect("export");
    // What the previous version stored: the demo under the id shared by every vault,
    // in a vault that remembers no demo id.
    file.alliance.id = LEGACY_DEMO_ALLIANCE_ID.to_owned();
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let legacy = store.import_alliance(&file).await.expect("legacy demo");
    assert_eq!(legacy.id, LEGACY_DEMO_ALLIANCE_ID);

    let loaded = store.load_demo().await.expect("load");
    assert_eq!(loaded.id, LEGACY_DEMO_ALLIANCE_ID);
    assert_eq!(store.load_demo().await.expect("again").id, loaded.id);
    assert_eq!(store.alliances().await.expect("list").len(), 1);
    vault.close().await;
    other.close().await;
}

#[tokio::test]
async fn a_demo_from_before_the_fixed_id_is_left_as_an_ordinary_alliance() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    // What earlier versions stored: the guide's alliance under a random id.
    let older = store
        .create_alliance(&demo_alliance().alliance)
        .await
        .expect("older demo");

    let demo = store.load_demo().await.expect("load");
    assert_ne!(demo.id, older.id);
    store.load_demo().await.expect("load again");
    let ids: Vec<String> = store
        .alliances()
        .await
        .expect("list")
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.contains(&older.id) && ids.contains(&demo.id));
    vault.close().await;
}

#[tokio::test]
async fn two_loads_at_once_store_one_demo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let (a, b) = tokio::join!(store.load_demo(), store.load_demo());
    let id = a.expect("a").id;
    assert_eq!(id, b.expect("b").id);
    assert_eq!(store.alliances().await.expect("list").len(), 1);
    assert_eq!(store.partners(&id).await.expect("partners").len(), 5);
    vault.close().await;
}
