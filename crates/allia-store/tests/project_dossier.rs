//! The project dossier (« Formaliser le projet ») on a real vault: texts, figures added,
//! edited, reordered and deleted, refusals in French, the alliance's deletion, and the
//! previous version's vault migrating.

mod common;

use allia_core::{DossierTexts, FigureDraft, FigureSourceKind};
use allia_store::{Entity, StoreError, Vault};

fn figure(label: &str, value: &str) -> FigureDraft {
    FigureDraft {
        label: label.into(),
        value: value.into(),
        unit: Some("habitants".into()),
        year: 2021,
        source_kind: FigureSourceKind::Insee,
        source: "INSEE, recensement de la population".into(),
        link: Some("https://www.insee.fr/fr/statistiques".into()),
    }
}

fn field_errors(e: StoreError) -> Vec<(String, String)> {
    match e {
        StoreError::Validation(v) => v.0.into_iter().map(|e| (e.field, e.message)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[tokio::test]
async fn texts_and_figures_round_trip_through_the_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    common::add_alliance(&vault, "Alliance des Tilleuls").await;
    let store = vault.store();
    let id = store.alliances().await.expect("alliances")[0].id.clone();

    let empty = store.project_dossier(&id).await.expect("empty dossier");
    assert!(empty.dossier.is_none() && empty.figures.is_empty());

    let saved = store
        .set_dossier_texts(
            &id,
            &DossierTexts {
                social_need: Some("  Isolement des familles\r\nmonoparentales  ".into()),
                key_actors: Some("Les familles elles-mêmes".into()),
                ..DossierTexts::default()
            },
        )
        .await
        .expect("texts");
    assert_eq!(
        saved.texts.social_need.as_deref(),
        Some("Isolement des familles\nmonoparentales")
    );
    let again = store
        .set_dossier_texts(
            &id,
            &DossierTexts {
                argument: Some("Les données le montrent.".into()),
                ..saved.texts.clone()
            },
        )
        .await
        .expect("texts again");
    assert_eq!(again.id, saved.id, "one dossier record per alliance");
    assert_eq!(again.created_at, saved.created_at);

    let a = store
        .add_dossier_figure(&id, &figure("Population du quartier", "12 450"))
        .await
        .expect("a");
    let b = store
        .add_dossier_figure(&id, &figure("Taux de pauvreté", "31,5"))
        .await
        .expect("b");
    let c = store
        .add_dossier_figure(&id, &figure("Familles monoparentales", "1.250.000"))
        .await
        .expect("c");
    assert_eq!((a.position, b.position, c.position), (0, 1, 2));
    assert_eq!(a.draft.value, "12450");
    assert_eq!(b.draft.value, "31.5");
    assert_eq!(c.draft.value, "1250000");

    let mut edited = b.draft.clone();
    edited.value = "32,25".into();
    edited.unit = Some("%".into());
    let b2 = store
        .update_dossier_figure(&id, &b.id, &edited)
        .await
        .expect("update");
    assert_eq!((b2.draft.value.as_str(), b2.position), ("32.25", 1));
    assert_eq!(b2.created_at, b.created_at);

    let order = vec![c.id.clone(), a.id.clone(), b.id.clone()];
    let reordered = store
        .reorder_dossier_figures(&id, &order)
        .await
        .expect("reorder");
    let ids: Vec<&str> = reordered.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, [c.id.as_str(), a.id.as_str(), b.id.as_str()]);

    store
        .delete_dossier_figure(&id, &c.id)
        .await
        .expect("delete");
    let d = store.project_dossier(&id).await.expect("dossier");
    let left: Vec<(&str, u32)> = d
        .figures
        .iter()
        .map(|f| (f.id.as_str(), f.position))
        .collect();
    assert_eq!(left, [(a.id.as_str(), 0), (b.id.as_str(), 1)]);
    assert_eq!(
        d.dossier.expect("texts").texts.argument.as_deref(),
        Some("Les données le montrent.")
    );
    vault.close().await;
}

#[tokio::test]
async fn wrong_input_is_refused_with_french_field_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    common::add_alliance(&vault, "Alliance").await;
    let store = vault.store();
    let id = store.alliances().await.expect("alliances")[0].id.clone();

    let mut bad = figure("", "12 %");
    bad.year = 221;
    bad.link = Some("insee.fr".into());
    let errors = field_errors(store.add_dossier_figure(&id, &bad).await.expect_err("bad"));
    let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["label", "value", "year", "link"]);
    assert!(
        errors[1].1.contains("n’est pas un nombre"),
        "{}",
        errors[1].1
    );

    let ambiguous = field_errors(
        store
            .add_dossier_figure(&id, &figure("Habitants", "30.000"))
            .await
            .expect_err("ambiguous"),
    );
    assert!(ambiguous[0].1.contains("ambigu"));
    assert!(store
        .project_dossier(&id)
        .await
        .expect("d")
        .figures
        .is_empty());

    let a = store
        .add_dossier_figure(&id, &figure("Habitants", "30 000"))
        .await
        .expect("a");
    let errors = field_errors(
        store
            .reorder_dossier_figures(&id, &[a.id.clone(), a.id.clone()])
            .await
            .expect_err("not a permutation"),
    );
    assert_eq!(errors[0].0, "figures");

    let unknown = "00000000-0000-4000-8000-000000000000";
    assert!(matches!(
        store.delete_dossier_figure(&id, unknown).await,
        Err(StoreError::NotFound(Entity::DossierFigure))
    ));
    assert!(matches!(
        store
            .update_dossier_figure(&id, "pas un id", &figure("x", "1"))
            .await,
        Err(StoreError::NotFound(Entity::DossierFigure))
    ));
    assert!(matches!(
        store.project_dossier(unknown).await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));

    // A figure of another alliance is « not found » from this one.
    common::add_alliance(&vault, "Autre alliance").await;
    let other = store
        .alliances()
        .await
        .expect("alliances")
        .into_iter()
        .find(|x| x.id != id)
        .expect("other")
        .id;
    assert!(matches!(
        store.delete_dossier_figure(&other, &a.id).await,
        Err(StoreError::NotFound(Entity::DossierFigure))
    ));
    vault.close().await;
}

#[tokio::test]
async fn deleting_the_alliance_takes_its_dossier() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    common::add_alliance(&vault, "Alliance").await;
    let store = vault.store();
    let id = store.alliances().await.expect("alliances")[0].id.clone();
    // A figure first: the dossier's record is made with it.
    store
        .add_dossier_figure(&id, &figure("Habitants", "1"))
        .await
        .expect("figure");
    let d = store.project_dossier(&id).await.expect("dossier");
    assert!(d.dossier.expect("record made").texts.is_empty());
    store.delete_alliance(&id).await.expect("delete alliance");
    assert!(matches!(
        store.project_dossier(&id).await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));
    vault.close().await;
}

/// Passphrase of `tests/fixtures/vault-before-print` (README there), a vault of a
/// version before the dossier existed.
const BEFORE_PASS: &str = "phrase de test très solide 2026";

#[tokio::test]
async fn the_previous_versions_vault_migrates_and_takes_a_dossier() {
    let dir = tempfile::tempdir().expect("tempdir");
    let from =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vault-before-print");
    for name in ["allia.vault", "allia.vault.keys"] {
        std::fs::copy(from.join(name), dir.path().join(name)).expect("copy fixture");
    }
    let vault = Vault::unlock(dir.path(), BEFORE_PASS)
        .await
        .expect("unlock migrates");
    let store = vault.store();
    let alliances = store.alliances().await.expect("alliances");
    assert_eq!(alliances.len(), 1);
    let id = alliances[0].id.clone();
    assert_eq!(store.documents(&id).await.expect("documents").len(), 1);
    let d = store.project_dossier(&id).await.expect("dossier");
    assert!(d.dossier.is_none() && d.figures.is_empty());
    store
        .add_dossier_figure(&id, &figure("Habitants", "4 200"))
        .await
        .expect("figure on the migrated vault");
    vault.close().await;

    let vault = Vault::unlock(dir.path(), BEFORE_PASS)
        .await
        .expect("reopen");
    let d = vault.store().project_dossier(&id).await.expect("dossier");
    assert_eq!(d.figures[0].draft.value, "4200");
    vault.close().await;
}

/// A vault holding one alliance with a dossier: texts and three figures.
async fn vault_with_dossier(dir: &std::path::Path) -> (Vault, String) {
    let vault = common::vault(dir).await;
    common::add_alliance(&vault, "Alliance des Tilleuls").await;
    let store = vault.store();
    let id = store.alliances().await.expect("alliances")[0].id.clone();
    store
        .set_dossier_texts(
            &id,
            &DossierTexts {
                social_need: Some("Isolement des familles.".into()),
                collective_response: Some("Aucune structure seule.".into()),
                argument: None,
                key_actors: Some("Les familles.".into()),
            },
        )
        .await
        .expect("texts");
    for (label, value) in [
        ("Habitants", "7 840"),
        ("Pauvreté", "38,5"),
        ("Familles", "412"),
    ] {
        store
            .add_dossier_figure(&id, &figure(label, value))
            .await
            .expect("figure");
    }
    (vault, id)
}

#[tokio::test]
async fn the_dossier_travels_in_the_alliance_file_with_its_ids() {
    let a_dir = tempfile::tempdir().expect("tempdir");
    let (a, id) = vault_with_dossier(a_dir.path()).await;
    let figures = a.store().project_dossier(&id).await.expect("a").figures;
    // Moved, so that the file's order is not the order of creation.
    let order = vec![
        figures[2].id.clone(),
        figures[0].id.clone(),
        figures[1].id.clone(),
    ];
    a.store()
        .reorder_dossier_figures(&id, &order)
        .await
        .expect("reorder");
    let exported = a.store().export_alliance_file(&id).await.expect("export");
    let json = exported.to_json_string().expect("json");
    assert!(json.contains("\"projectDossier\""));
    assert!(
        json.contains("\"value\": \"38.5\""),
        "exact decimal as text: {json}"
    );
    let read = allia_core::read_alliance_file(json.as_bytes()).expect("reads back");
    assert!(read.unknown_fields.is_empty(), "{:?}", read.unknown_fields);

    let b_dir = tempfile::tempdir().expect("tempdir");
    let b = common::vault(b_dir.path()).await;
    let imported = b.store().import_alliance(&read).await.expect("import");
    assert_eq!(imported.id, id);
    let before = a.store().project_dossier(&id).await.expect("a");
    let after = b.store().project_dossier(&id).await.expect("b");
    assert_eq!(after, before, "texts and figures, ids, places and dates");

    // A second export of the imported alliance is the same file but for its date.
    let again = b.store().export_alliance_file(&id).await.expect("export b");
    assert_eq!(again.project_dossier, exported.project_dossier);

    // Updating from a file with a changed dossier replaces it whole.
    let mut changed = exported.clone();
    if let Some(d) = changed.project_dossier.as_mut() {
        d.argument = Some("Les chiffres le montrent.".into());
        d.figures.remove(0);
    }
    let validated = allia_core::Importable::validated_for_import(&changed).expect("valid");
    b.store()
        .update_alliance_from_file(validated, &[])
        .await
        .expect("update");
    let updated = b.store().project_dossier(&id).await.expect("updated");
    assert_eq!(
        updated.dossier.expect("texts").texts.argument.as_deref(),
        Some("Les chiffres le montrent.")
    );
    assert_eq!(updated.figures.len(), 2);
    assert_eq!(updated.figures[0].position, 0);

    // A file without a dossier imports as an alliance without one; a broken figure is
    // refused with its place.
    let mut without = exported.clone();
    without.project_dossier = None;
    let c_dir = tempfile::tempdir().expect("tempdir");
    let c = common::vault(c_dir.path()).await;
    let plain = c.store().import_alliance(&without).await.expect("import");
    let d = c.store().project_dossier(&plain.id).await.expect("c");
    assert!(d.dossier.is_none() && d.figures.is_empty());
    let mut broken = exported.clone();
    if let Some(d) = broken.project_dossier.as_mut() {
        d.figures[1].value = "beaucoup".into();
    }
    let refused = c
        .store()
        .import_alliance_as(&broken, allia_store::ImportMode::Copy)
        .await;
    let Err(StoreError::Validation(errors)) = refused else {
        panic!("refused: {refused:?}");
    };
    assert_eq!(errors.0[0].field, "projectDossier.figures.2.value");
    a.close().await;
    b.close().await;
    c.close().await;
}
