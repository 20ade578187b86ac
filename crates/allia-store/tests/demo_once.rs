//! « Charger l’exemple » stores the demo alliance once per vault, under its fixed id: a
//! second load returns it as it is (edited or archived), without a copy; once deleted,
//! it is stored anew; a demo loaded before the fixed id existed stays an ordinary
//! alliance.

use allia_core::demo::{demo_alliance, DEMO_ALLIANCE_ID};
use allia_core::validation::is_record_id;

mod common;

#[tokio::test]
async fn the_demo_loads_once_and_then_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, first) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    assert_eq!(first.id, DEMO_ALLIANCE_ID);
    assert!(is_record_id(DEMO_ALLIANCE_ID));
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
    assert_eq!(again.id, DEMO_ALLIANCE_ID);
    assert_eq!(again.draft.name, demo_alliance().alliance.name);
    assert_eq!(again.partner_count, 5);
    assert_eq!(store.alliances().await.expect("list").len(), 1);
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
    assert_ne!(older.id, DEMO_ALLIANCE_ID);

    let demo = store.load_demo().await.expect("load");
    assert_eq!(demo.id, DEMO_ALLIANCE_ID);
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
}

#[tokio::test]
async fn two_loads_at_once_store_one_demo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let (a, b) = tokio::join!(store.load_demo(), store.load_demo());
    assert_eq!(a.expect("a").id, b.expect("b").id);
    assert_eq!(store.alliances().await.expect("list").len(), 1);
    assert_eq!(
        store
            .partners(DEMO_ALLIANCE_ID)
            .await
            .expect("partners")
            .len(),
        5
    );
}
