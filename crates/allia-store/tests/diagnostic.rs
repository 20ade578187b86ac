//! The internal diagnostic on a real vault: needs, SWOT items, moves that keep positions
//! dense, refusals in French, the demo's diagnostic, and the migration on the vault of
//! the previous version.

mod common;

use allia_core::{DiagnosticNeedsDraft, SwotItemDraft, SwotQuadrant};
use allia_store::{Entity, StoreError, Vault};

fn item(quadrant: SwotQuadrant, text: &str) -> SwotItemDraft {
    SwotItemDraft {
        quadrant,
        text: text.into(),
        importance: 2,
    }
}

fn texts(d: &allia_core::Diagnostic, q: SwotQuadrant) -> Vec<(String, u32)> {
    d.quadrant(q)
        .into_iter()
        .map(|i| (i.draft.text.clone(), i.position))
        .collect()
}

#[tokio::test]
async fn items_are_added_moved_edited_and_deleted_with_dense_positions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    common::add_alliance(&vault, "Alliance du diagnostic").await;
    let store = vault.store();
    let alliance = store.alliances().await.expect("alliances").remove(0);
    let empty = store.diagnostic(&alliance.id).await.expect("empty");
    assert!(empty.needs.is_none() && empty.items.is_empty());

    let a = store
        .add_swot_item(&alliance.id, &item(SwotQuadrant::Strengths, "A"))
        .await
        .expect("a");
    let b = store
        .add_swot_item(&alliance.id, &item(SwotQuadrant::Strengths, "B"))
        .await
        .expect("b");
    let c = store
        .add_swot_item(&alliance.id, &item(SwotQuadrant::Strengths, "C"))
        .await
        .expect("c");
    let t = store
        .add_swot_item(&alliance.id, &item(SwotQuadrant::Threats, "T"))
        .await
        .expect("t");
    assert_eq!(
        (a.position, b.position, c.position, t.position),
        (0, 1, 2, 0)
    );

    // Within a quadrant.
    let d = store
        .move_swot_item(&c.id, SwotQuadrant::Strengths, 0)
        .await
        .expect("move up");
    assert_eq!(
        texts(&d, SwotQuadrant::Strengths),
        vec![("C".into(), 0), ("A".into(), 1), ("B".into(), 2)]
    );
    // To another quadrant, first.
    let d = store
        .move_swot_item(&a.id, SwotQuadrant::Threats, 0)
        .await
        .expect("move across");
    assert_eq!(
        texts(&d, SwotQuadrant::Strengths),
        vec![("C".into(), 0), ("B".into(), 1)]
    );
    assert_eq!(
        texts(&d, SwotQuadrant::Threats),
        vec![("A".into(), 0), ("T".into(), 1)]
    );

    // Editing into another quadrant puts it last there.
    let edited = store
        .update_swot_item(
            &c.id,
            &SwotItemDraft {
                quadrant: SwotQuadrant::Opportunities,
                text: "  C bis ".into(),
                importance: 3,
            },
        )
        .await
        .expect("edit");
    assert_eq!(edited.draft.text, "C bis");
    assert_eq!(edited.draft.importance, 3);
    assert_eq!(edited.position, 0);
    let d = store.diagnostic(&alliance.id).await.expect("read");
    assert_eq!(texts(&d, SwotQuadrant::Strengths), vec![("B".into(), 0)]);

    // Deleting closes the gap.
    store.delete_swot_item(&a.id).await.expect("delete");
    let d = store.diagnostic(&alliance.id).await.expect("read");
    assert_eq!(texts(&d, SwotQuadrant::Threats), vec![("T".into(), 0)]);
    assert!(matches!(
        store.delete_swot_item(&a.id).await,
        Err(StoreError::NotFound(Entity::SwotItem))
    ));
    assert!(matches!(
        store
            .move_swot_item("pas-un-id", SwotQuadrant::Threats, 0)
            .await,
        Err(StoreError::NotFound(Entity::SwotItem))
    ));
    vault.close().await;
}

#[tokio::test]
async fn needs_and_items_are_validated_with_french_field_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    common::add_alliance(&vault, "Alliance des besoins").await;
    let store = vault.store();
    let alliance = store.alliances().await.expect("alliances").remove(0);

    let needs = store
        .set_diagnostic_needs(
            &alliance.id,
            &DiagnosticNeedsDraft {
                strategic_priorities: Some("Priorité 1\r\nPriorité 2".into()),
                alliance_expectations: None,
                participation_mode: Some("Comité de pilotage".into()),
            },
        )
        .await
        .expect("needs");
    assert_eq!(
        needs.draft.strategic_priorities.as_deref(),
        Some("Priorité 1\nPriorité 2")
    );
    // Written again: same record, new text.
    let again = store
        .set_diagnostic_needs(&alliance.id, &DiagnosticNeedsDraft::default())
        .await
        .expect("again");
    assert_eq!(again.id, needs.id);
    assert!(again.draft.is_empty());

    let refused = store
        .add_swot_item(
            &alliance.id,
            &SwotItemDraft {
                quadrant: SwotQuadrant::Weaknesses,
                text: String::new(),
                importance: 4,
            },
        )
        .await;
    let Err(StoreError::Validation(errors)) = refused else {
        panic!("refused: {refused:?}");
    };
    assert_eq!(errors.0[0].field, "text");
    assert_eq!(errors.0[1].field, "importance");
    assert!(errors.0[1].message.contains("1 (secondaire)"));

    // A quadrant is full at twelve items.
    for n in 0..12 {
        store
            .add_swot_item(
                &alliance.id,
                &item(SwotQuadrant::Weaknesses, &format!("F{n}")),
            )
            .await
            .expect("fits");
    }
    let full = store
        .add_swot_item(&alliance.id, &item(SwotQuadrant::Weaknesses, "de trop"))
        .await;
    let Err(StoreError::Validation(errors)) = full else {
        panic!("full: {full:?}");
    };
    assert_eq!(errors.0[0].field, "quadrant");
    assert!(errors.0[0].message.contains("Faiblesses"), "{errors:?}");

    assert!(matches!(
        store
            .diagnostic("00000000-0000-4000-8000-000000000000")
            .await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));
    vault.close().await;
}

#[tokio::test]
async fn the_demo_alliance_has_a_diagnostic_in_every_quadrant() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let d = vault
        .store()
        .diagnostic(&demo.id)
        .await
        .expect("diagnostic");
    let needs = d.needs.as_ref().expect("needs written");
    assert!(needs.draft.strategic_priorities.is_some());
    for q in SwotQuadrant::ALL {
        let items = d.quadrant(q);
        assert!((3..=4).contains(&items.len()), "{q:?}");
        let positions: Vec<u32> = items.iter().map(|i| i.position).collect();
        assert_eq!(positions, (0..items.len() as u32).collect::<Vec<_>>());
    }
    vault.close().await;
}

/// Passphrase of `tests/fixtures/vault-before-print` (README there), the vault of the
/// version before the diagnostic existed.
const BEFORE_PASS: &str = "phrase de test très solide 2026";

#[tokio::test]
async fn the_previous_versions_vault_migrates_and_takes_a_diagnostic() {
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
    let id = &alliances[0].id;
    // Its documents are still there, and its diagnostic starts empty.
    assert_eq!(store.documents(id).await.expect("documents").len(), 1);
    let d = store.diagnostic(id).await.expect("diagnostic");
    assert!(d.needs.is_none() && d.items.is_empty());
    store
        .add_swot_item(id, &item(SwotQuadrant::Opportunities, "Appel à projets"))
        .await
        .expect("item on the migrated vault");
    vault.close().await;

    let vault = Vault::unlock(dir.path(), BEFORE_PASS)
        .await
        .expect("reopen");
    let d = vault.store().diagnostic(id).await.expect("diagnostic");
    assert_eq!(d.items.len(), 1);
    assert!(
        allia_store::backup::list(&allia_store::VaultPaths::new(dir.path()))
            .iter()
            .any(|b| b.reason.starts_with("avant-migration-"))
    );
    vault.close().await;
}

#[tokio::test]
async fn the_diagnostic_travels_in_the_alliance_file_with_its_ids() {
    let a_dir = tempfile::tempdir().expect("tempdir");
    let (a, demo) = common::vault_with_demo(a_dir.path()).await;
    let exported = a
        .store()
        .export_alliance_file(&demo.id)
        .await
        .expect("export");
    let json = exported.to_json_string().expect("json");
    assert!(json.contains("\"diagnostic\""));
    let read = allia_core::read_alliance_file(json.as_bytes()).expect("reads back");
    assert!(read.unknown_fields.is_empty(), "{:?}", read.unknown_fields);

    let b_dir = tempfile::tempdir().expect("tempdir");
    let b = common::vault(b_dir.path()).await;
    let imported = b.store().import_alliance(&read).await.expect("import");
    assert_eq!(imported.id, demo.id);
    let before = a.store().diagnostic(&demo.id).await.expect("a");
    let after = b.store().diagnostic(&imported.id).await.expect("b");
    assert_eq!(after, before, "needs and items, ids, places and dates");
    assert_eq!(after.items.len(), 13);

    // A file without a diagnostic imports as an alliance without one; a broken item is
    // refused with its place.
    let mut without = exported.clone();
    without.diagnostic = None;
    let c_dir = tempfile::tempdir().expect("tempdir");
    let c = common::vault(c_dir.path()).await;
    let plain = c.store().import_alliance(&without).await.expect("import");
    let d = c.store().diagnostic(&plain.id).await.expect("c");
    assert!(d.needs.is_none() && d.items.is_empty());
    let mut broken = exported.clone();
    if let Some(d) = broken.diagnostic.as_mut() {
        d.items[1].importance = 7;
    }
    let refused = c
        .store()
        .import_alliance_as(&broken, allia_store::ImportMode::Copy)
        .await;
    let Err(StoreError::Validation(errors)) = refused else {
        panic!("refused: {refused:?}");
    };
    assert_eq!(errors.0[0].field, "diagnostic.items.2.importance");
    a.close().await;
    b.close().await;
    c.close().await;
}
