//! What the import deduces on its own is shown before anything is stored, on a real
//! vault: the Belgian partner of sample rw-14 (a format-1 file without a country field,
//! its city written « Tournai (Belgique) ») is listed in the review with the country
//! deduced, and imported with it.

mod common;

use std::path::Path;

use allia_core::{read_alliance_file, ImportChoices};

#[tokio::test]
async fn the_review_lists_the_country_deduced_from_a_city() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases/rw-14-partenaire-belge.json"),
    )
    .expect("sample");
    let read = read_alliance_file(&bytes).expect("readable");

    let review = store.review_import(&read).await.expect("review");
    assert_eq!(review.notices.len(), 1, "{:?}", review.notices);
    let notice = &review.notices[0];
    assert_eq!(notice.place, "partenaire 6");
    assert_eq!(notice.organisation, "Maison du Hainaut solidaire ASBL");
    assert_eq!(
        notice.message,
        "Pays déduit de la ville «\u{a0}Tournai (Belgique)\u{a0}»\u{a0}: Belgique (ville \
         enregistrée\u{a0}: Tournai)."
    );

    let alliance = store
        .apply_import(&read, &ImportChoices::default())
        .await
        .expect("imports");
    let partners = store.partners(&alliance.id).await.expect("partners");
    let hainaut = partners
        .iter()
        .map(|p| &p.draft.organisation)
        .find(|o| o.name == "Maison du Hainaut solidaire ASBL")
        .expect("the Belgian partner");
    assert_eq!(hainaut.city.as_deref(), Some("Tournai"));
    assert_eq!(hainaut.country.as_deref(), Some("Belgique"));
    vault.close().await;
}
