//! Repositories on a real vault: validation before writing, cascades, archive, demo.

use allia_core::{
    ActorType, AllianceDraft, AllianceStatus, Organisation, PartnerDraft, PartnerRole, Settings,
};
mod common;

use allia_store::StoreError;
use common::{vault, vault_with_demo};

fn named(name: &str) -> PartnerDraft {
    PartnerDraft {
        organisation: Organisation {
            name: name.into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

#[tokio::test]
async fn invalid_partner_is_not_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault(dir.path()).await;
    let store = vault.store();
    let alliance = store
        .create_alliance(&AllianceDraft {
            name: "A".into(),
            ..Default::default()
        })
        .await
        .expect("alliance");
    let mut bad = named("Entreprise");
    bad.organisation.siret = Some("12345678901234".into());
    match store.create_partner(&alliance.id, &bad).await {
        Err(StoreError::Validation(errors)) => {
            assert_eq!(errors.0[0].field, "siret");
            assert!(errors.0[0].message.contains("SIRET"));
        }
        other => panic!("expected a validation error, got {:?}", other.map(|p| p.id)),
    }
    assert!(store.partners(&alliance.id).await.expect("list").is_empty());
    // A batch with one bad draft writes nothing.
    let result = store
        .create_partners(&alliance.id, &[named("Bonne"), bad])
        .await;
    assert!(result.is_err());
    assert!(store.partners(&alliance.id).await.expect("list").is_empty());
    vault.close().await;
}

#[tokio::test]
async fn alliance_lifecycle_and_cascade() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault(dir.path()).await;
    let store = vault.store();
    let a = store
        .create_alliance(&AllianceDraft {
            name: " Alliance du Quartier ".into(),
            start_date: chrono::NaiveDate::from_ymd_opt(2026, 9, 1),
            ..Default::default()
        })
        .await
        .expect("create");
    assert_eq!(a.draft.name, "Alliance du Quartier");
    assert_eq!(a.draft.status, AllianceStatus::UnderConstruction);

    let renamed = store
        .update_alliance(
            &a.id,
            &AllianceDraft {
                name: "Alliance renommée".into(),
                status: AllianceStatus::Active,
                ..a.draft.clone()
            },
        )
        .await
        .expect("rename");
    assert_eq!(renamed.draft.name, "Alliance renommée");
    assert_eq!(renamed.draft.start_date, a.draft.start_date);

    let err = store
        .update_alliance(&a.id, &AllianceDraft::default())
        .await
        .expect_err("no name");
    assert!(matches!(err, StoreError::Validation(_)));

    let archived = store
        .set_alliance_archived(&a.id, true)
        .await
        .expect("archive");
    assert!(archived.archived);

    let p = store
        .create_partner(&a.id, &named("Partenaire 1"))
        .await
        .expect("p1");
    let mut edited = p.draft.clone();
    edited.actor_type = ActorType::Company;
    edited.role = PartnerRole::Lead;
    let p = store.update_partner(&p.id, &edited).await.expect("edit");
    assert_eq!(p.draft.actor_type, ActorType::Company);
    store
        .create_partner(&a.id, &named("Partenaire 2"))
        .await
        .expect("p2");
    assert_eq!(store.alliance(&a.id).await.expect("get").partner_count, 2);

    store.delete_partner(&p.id).await.expect("delete partner");
    assert!(matches!(
        store.delete_partner(&p.id).await.err(),
        Some(StoreError::NotFound(_))
    ));

    store.delete_alliance(&a.id).await.expect("delete");
    assert!(store.alliances().await.expect("list").is_empty());
    let orphans: Vec<_> = store.partners(&a.id).await.expect("list");
    assert!(orphans.is_empty(), "partners go with their alliance");
    assert!(matches!(
        store.create_partner(&a.id, &named("x")).await.err(),
        Some(StoreError::NotFound(_))
    ));
    vault.close().await;
}

#[tokio::test]
async fn demo_alliance_is_loaded_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = vault_with_demo(dir.path()).await;
    let store = vault.store();
    assert_eq!(demo.draft.name, "Service partagé du Val de Brenne");
    assert_eq!(demo.partner_count, 5);
    let partners = store.partners(&demo.id).await.expect("partners");
    assert_eq!(
        partners
            .iter()
            .filter(|p| p.draft.role == PartnerRole::Lead)
            .count(),
        1
    );
    assert_eq!(
        partners[0].draft.organisation.name,
        "Maison des Solidarités du Val de Brenne"
    );
    vault.close().await;
}

#[tokio::test]
async fn profile_and_settings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault(dir.path()).await;
    let store = vault.store();
    assert!(store.profile().await.expect("read").is_none());
    let err = store
        .save_profile(&Organisation {
            name: "Asso".into(),
            rna: Some("W12".into()),
            ..Default::default()
        })
        .await
        .expect_err("bad rna");
    assert!(matches!(err, StoreError::Validation(ref e) if e.0[0].field == "rna"));
    assert!(
        store.profile().await.expect("read").is_none(),
        "nothing saved"
    );
    store
        .save_profile(&Organisation {
            name: "Asso".into(),
            rna: Some("w691234567".into()),
            ..Default::default()
        })
        .await
        .expect("save");
    store
        .save_profile(&Organisation {
            name: "Asso 2".into(),
            ..Default::default()
        })
        .await
        .expect("save again");
    let profile = store.profile().await.expect("read").expect("some");
    assert_eq!(profile.name, "Asso 2");
    assert_eq!(profile.rna, None);

    assert_eq!(
        store.settings().await.expect("defaults"),
        Settings::default()
    );
    assert!(store
        .save_settings(&Settings {
            auto_lock_minutes: 0,
            ..Settings::default()
        })
        .await
        .is_err());
    store
        .save_settings(&Settings {
            auto_lock_minutes: 25,
            ..Settings::default()
        })
        .await
        .expect("save");
    assert_eq!(store.settings().await.expect("read").auto_lock_minutes, 25);

    // « Taille du texte » alone: the other settings are kept; a size off the steps is refused.
    let scaled = store.set_text_scale(175).await.expect("a step");
    assert_eq!(scaled.text_scale_percent, 175);
    assert_eq!(scaled.auto_lock_minutes, 25);
    assert_eq!(store.settings().await.expect("read"), scaled);
    match store.set_text_scale(180).await {
        Err(StoreError::Validation(errors)) => assert_eq!(errors.0[0].field, "textScalePercent"),
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(
        store.settings().await.expect("read").text_scale_percent,
        175
    );
    vault.close().await;
}

#[tokio::test]
async fn alliance_file_round_trip_and_refusals() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault(dir.path()).await;
    let store = vault.store();
    store
        .save_profile(&Organisation {
            name: "Les Amis du Quartier".into(),
            // Its number makes the file's sender this association when the file comes
            // back (identities by SIREN or RNA only): no extra partner.
            rna: Some("W751234567".into()),
            ..Default::default()
        })
        .await
        .expect("profile");
    let demo = store.load_demo().await.expect("demo");
    let file = store.export_alliance(&demo.id).await.expect("export");
    // The alliance's data (the templates' input) keeps the format-1 shape.
    assert_eq!(file.format, 1);
    assert_eq!(
        file.profile.as_ref().map(|p| p.name.as_str()),
        Some("Les Amis du Quartier")
    );
    assert_eq!(file.partners.len(), 5);

    let json = serde_json::to_string(&file).expect("json");
    let read: allia_core::AllianceFile = serde_json::from_str(&json).expect("parse");
    let imported = store.import_alliance(&read).await.expect("import");
    assert_ne!(imported.id, demo.id);
    assert_eq!(imported.partner_count, 5);
    assert_eq!(
        store
            .export_alliance(&imported.id)
            .await
            .expect("again")
            .partners,
        file.partners
    );

    let mut bad = file.clone();
    bad.partners[1].organisation.siret = Some("12345678901234".into());
    bad.alliance.name = String::new();
    match store.import_alliance(&bad).await {
        Err(StoreError::Validation(errors)) => {
            let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
            assert_eq!(fields, vec!["alliance.name", "partners.2.siret"]);
        }
        other => panic!("expected validation errors, got {:?}", other.map(|a| a.id)),
    }
    let mut future = file.clone();
    future.format = 99;
    assert!(matches!(
        store.import_alliance(&future).await,
        Err(StoreError::Validation(_))
    ));
    assert_eq!(
        store.alliances().await.expect("list").len(),
        2,
        "nothing written by refused imports"
    );
    vault.close().await;
}
