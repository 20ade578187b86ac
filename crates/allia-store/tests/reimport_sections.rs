//! Re-importing an alliance file's optional sections on a real vault (trial 11,
//! finding 1): the diagnostic (needs and SWOT items), the project dossier (texts and
//! figures) and the model advisor's answers. A section the file changes is listed in the
//! preview and applied by the update, ids as in the file; a file without the section
//! leaves the vault's as it is.

use allia_core::{read_alliance_file, AllianceFileV2, ImportChoices, ImportMode, ReadFile};
use allia_store::Store;

mod common;

fn read(file: &AllianceFileV2) -> ReadFile {
    let json = serde_json::to_string_pretty(file).expect("json");
    read_alliance_file(json.as_bytes()).expect("readable")
}

fn update() -> ImportChoices {
    ImportChoices {
        mode: ImportMode::Update,
        drop_unknown: false,
        own_association: Vec::new(),
    }
}

async fn sections(store: &Store, alliance_id: &str) -> serde_json::Value {
    let diagnostic = store.diagnostic(alliance_id).await.expect("diagnostic");
    let dossier = store.project_dossier(alliance_id).await.expect("dossier");
    let advisor = store.model_advisor(alliance_id).await.expect("advisor");
    serde_json::json!({
        "needs": diagnostic.needs.map(|n| (n.id, n.draft.strategic_priorities)),
        "items": diagnostic.items.iter().map(|i| (i.id.clone(), i.draft.text.clone())).collect::<Vec<_>>(),
        "dossier": dossier.dossier.map(|d| d.texts.social_need),
        "figures": dossier.figures.iter().map(|f| f.id.clone()).collect::<Vec<_>>(),
        "advisor": advisor.map(|a| a.answers.partner_count),
    })
}

#[tokio::test]
async fn changed_sections_are_listed_then_applied_with_the_files_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let demo = store.load_demo().await.expect("demo");
    let mut file = store.export_alliance_file(&demo.id).await.expect("export");

    let diagnostic = file.diagnostic.as_mut().expect("the demo has a diagnostic");
    diagnostic
        .needs
        .as_mut()
        .expect("needs")
        .strategic_priorities = Some("Ouvrir le samedi".into());
    diagnostic.items[0].text = "Bénévoles formés à l’accueil".into();
    let changed_item = diagnostic.items[0].id.clone();
    // The last item of its quadrant goes, so that positions stay contiguous.
    let last = diagnostic
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.quadrant == diagnostic.items[0].quadrant)
        .max_by_key(|(_, i)| i.position)
        .map(|(n, _)| n)
        .expect("an item");
    let removed_item = diagnostic.items.remove(last).id;
    assert_ne!(removed_item, changed_item, "the demo has two items there");
    let dossier = file
        .project_dossier
        .as_mut()
        .expect("the demo has a dossier");
    dossier.social_need = Some("Isolement des aînés en zone rurale".into());
    let removed_figure = dossier.figures.pop().expect("a figure").id;
    let advisor = file.model_advisor.as_mut().expect("the demo has answers");
    advisor.answers.partner_count = Some(7);

    let review = store.review_import(&read(&file)).await.expect("review");
    let diff = review.existing.expect("the vault holds this alliance");
    let listed: Vec<(&str, &str)> = diff
        .sections
        .iter()
        .map(|s| (s.section.as_str(), s.summary.as_str()))
        .collect();
    assert_eq!(
        listed,
        vec![
            (
                "diagnostic",
                "modifié (besoins, matrice\u{a0}: 1 élément modifié, 1 retiré)"
            ),
            (
                "projectDossier",
                "modifié (textes, chiffres clés\u{a0}: 1 chiffre retiré)"
            ),
            ("modelAdvisor", "modifié (réponses)"),
        ]
    );
    assert!(diff
        .french_lines()
        .contains(&"Modèle de partenariat\u{a0}: modifié (réponses)".to_string()));

    store
        .apply_import(&read(&file), &update())
        .await
        .expect("update");
    let stored = store.diagnostic(&demo.id).await.expect("diagnostic");
    assert_eq!(
        stored
            .needs
            .as_ref()
            .and_then(|n| n.draft.strategic_priorities.as_deref()),
        Some("Ouvrir le samedi")
    );
    let item = stored
        .items
        .iter()
        .find(|i| i.id == changed_item)
        .expect("the item keeps the file's id");
    assert_eq!(item.draft.text, "Bénévoles formés à l’accueil");
    assert!(stored.items.iter().all(|i| i.id != removed_item));
    let wanted = file.diagnostic.as_ref().expect("diagnostic");
    assert_eq!(stored.items.len(), wanted.items.len());
    let dossier = store.project_dossier(&demo.id).await.expect("dossier");
    assert_eq!(
        dossier.dossier.and_then(|d| d.texts.social_need).as_deref(),
        Some("Isolement des aînés en zone rurale")
    );
    assert!(dossier.figures.iter().all(|f| f.id != removed_figure));
    let advisor = store.model_advisor(&demo.id).await.expect("advisor");
    assert_eq!(advisor.and_then(|a| a.answers.partner_count), Some(7));

    // The same file again: nothing left to change.
    let again = store.review_import(&read(&file)).await.expect("again");
    let diff = again.existing.expect("still here");
    assert!(diff.sections.is_empty(), "{:?}", diff.sections);
    assert!(diff.is_empty(), "{diff:#?}");
    vault.close().await;
}

#[tokio::test]
async fn a_file_without_the_sections_keeps_the_vaults() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let demo = store.load_demo().await.expect("demo");
    let before = sections(store, &demo.id).await;
    assert!(before["items"].as_array().is_some_and(|i| !i.is_empty()));
    assert!(before["figures"].as_array().is_some_and(|f| !f.is_empty()));
    assert!(!before["advisor"].is_null());

    // A file from a version before these sections, with another change to apply.
    let mut file = store.export_alliance_file(&demo.id).await.expect("export");
    file.diagnostic = None;
    file.project_dossier = None;
    file.model_advisor = None;
    file.alliance.name = "Service partagé, nouveau nom".into();

    let review = store.review_import(&read(&file)).await.expect("review");
    let diff = review.existing.expect("the vault holds this alliance");
    assert!(diff.sections.is_empty(), "{:?}", diff.sections);
    assert_eq!(diff.alliance_fields.len(), 1);

    let updated = store
        .apply_import(&read(&file), &update())
        .await
        .expect("update");
    assert_eq!(updated.draft.name, "Service partagé, nouveau nom");
    assert_eq!(sections(store, &demo.id).await, before);
    vault.close().await;
}
