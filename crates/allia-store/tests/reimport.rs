//! Re-importing an alliance file on real vaults (issue 10, item 5): the preview of what
//! an update changes (partners added, changed, removed; documents and versions added;
//! fields old → new), the update itself (one alliance still, frozen versions
//! untouched), the copy (new ids, a second alliance), and all or nothing when a write
//! fails half-way.

use allia_core::{
    read_alliance_file, AllianceFileV2, DocumentKind, DocumentStatus, FileDocument, FilePartner,
    FileSettings, FileVersion, ImportChoices, ImportMode, Organisation, PartnerDraft, ReadFile,
};
use allia_store::{Store, StoreError};
use chrono::Utc;

mod common;

fn read(file: &AllianceFileV2) -> ReadFile {
    let json = serde_json::to_string_pretty(file).expect("json");
    read_alliance_file(json.as_bytes()).expect("readable")
}

fn choices(mode: ImportMode) -> ImportChoices {
    ImportChoices {
        mode,
        drop_unknown: false,
        own_association: Vec::new(),
    }
}

fn new_partner(name: &str) -> FilePartner {
    let now = Utc::now();
    FilePartner::new(
        uuid::Uuid::new_v4().to_string(),
        now,
        now,
        PartnerDraft {
            organisation: Organisation {
                name: name.into(),
                city: Some("Le Blanc".into()),
                ..Default::default()
            },
            ..Default::default()
        },
    )
}

fn draft_version(number: u32, title: &str) -> FileVersion {
    FileVersion {
        id: uuid::Uuid::new_v4().to_string(),
        number,
        status: DocumentStatus::Draft,
        created_at: Utc::now(),
        settings: FileSettings {
            title: title.into(),
            ..Default::default()
        },
        signatures: Vec::new(),
        frozen_at: None,
        snapshot: None,
        printed_pdf: None,
    }
}

/// The demo alliance with a convention frozen « Prêt à signer » (version 1) and a charte
/// still in draft.
async fn demo_with_documents(store: &Store) -> (String, String, String) {
    let demo = store.load_demo().await.expect("demo");
    let convention = store
        .create_document(
            &demo.id,
            DocumentKind::PartnershipAgreement,
            &common::settings("Convention de mutualisation"),
        )
        .await
        .expect("convention");
    store
        .set_document_status(&convention.id, DocumentStatus::ReadyToSign)
        .await
        .expect("frozen");
    let charte = store
        .create_document(
            &demo.id,
            DocumentKind::PartnershipCharter,
            &common::settings("Charte"),
        )
        .await
        .expect("charte");
    (demo.id, convention.id, charte.id)
}

fn document<'a>(file: &'a mut AllianceFileV2, id: &str) -> &'a mut FileDocument {
    file.documents
        .iter_mut()
        .find(|d| d.id == id)
        .expect("document in the file")
}

#[tokio::test]
async fn an_update_is_previewed_then_applied_and_frozen_versions_stay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let (alliance_id, convention_id, charte_id) = demo_with_documents(store).await;
    let before = store
        .export_alliance_file(&alliance_id)
        .await
        .expect("export");

    // The partner's file: a field changed, a partner changed, one removed, one added,
    // a new version of the convention, its frozen version 1 rewritten (ignored), the
    // charte's draft retitled.
    let mut file = before.clone();
    file.alliance.name = "Service partagé du Val de Brenne 2027".into();
    let changed_id = file.partners[0].id.clone();
    file.partners[0].organisation.city = Some("Argenton-sur-Creuse".into());
    let removed = file.partners.remove(1);
    file.commitments
        .retain(|c| c.party != allia_core::FileParty::PartnerId(removed.id.clone()));
    // Nor its links, log and scores in the register.
    file.interactions
        .retain(|i| i.from_actor_id != removed.id && i.to_actor_id != removed.id);
    file.exchanges.retain(|e| e.actor_id != removed.id);
    file.scores.retain(|s| s.actor_id != removed.id);
    // Nor the objectives' references to it (none of them has it as its only partner).
    if let Some(objectives) = file.objectives.as_mut() {
        objectives.gaps.retain(|g| g.partner_id != removed.id);
        for o in &mut objectives.operational {
            o.partner_ids.retain(|p| *p != removed.id);
            if o.owner_partner_id.as_deref() == Some(removed.id.as_str()) {
                o.owner_partner_id = None;
            }
        }
    }
    // Nor the indicators it is responsible for.
    if let Some(evaluation) = file.evaluation.as_mut() {
        for i in &mut evaluation.indicators {
            if i.owner_partner_id.as_deref() == Some(removed.id.as_str()) {
                i.owner_partner_id = None;
            }
        }
    }
    let added = new_partner("Ressourcerie du Blanc");
    file.partners.push(added.clone());
    let convention = document(&mut file, &convention_id);
    convention.versions[0].settings.title = "Convention réécrite".into();
    convention
        .versions
        .push(draft_version(2, "Convention de mutualisation, avenant"));
    document(&mut file, &charte_id).versions[0].settings.title = "Charte du Val".into();

    let review = store.review_import(&read(&file)).await.expect("review");
    let diff = review.existing.expect("the vault holds this alliance");
    assert_eq!(diff.alliance_id, alliance_id);
    assert_eq!(diff.alliance_fields.len(), 1);
    assert_eq!(diff.alliance_fields[0].label, "nom");
    assert_eq!(
        diff.alliance_fields[0].new.as_deref(),
        Some("Service partagé du Val de Brenne 2027")
    );
    assert_eq!(diff.partners_added.len(), 1);
    assert_eq!(diff.partners_added[0].name, "Ressourcerie du Blanc");
    assert_eq!(diff.partners_removed.len(), 1);
    assert_eq!(diff.partners_removed[0].id, removed.id);
    assert_eq!(diff.partners_changed.len(), 1);
    assert_eq!(diff.partners_changed[0].id, changed_id);
    assert_eq!(diff.partners_changed[0].fields[0].label, "ville");
    assert_eq!(diff.versions_added.len(), 1);
    assert_eq!(diff.versions_added[0].number, 2);
    let ignored: Vec<_> = diff
        .versions_changed
        .iter()
        .filter(|v| v.ignored.is_some())
        .collect();
    assert_eq!(ignored.len(), 1);
    assert_eq!(ignored[0].document_id, convention_id);
    assert_eq!(
        ignored[0].ignored.as_deref(),
        Some("ignorée\u{a0}: version figée")
    );
    // Without an answer, the file is not imported as a new alliance.
    let refused = store
        .apply_import(&read(&file), &choices(ImportMode::New))
        .await
        .expect_err("already here");
    assert!(matches!(refused, StoreError::Validation(_)), "{refused:?}");

    let updated = store
        .apply_import(&read(&file), &choices(ImportMode::Update))
        .await
        .expect("update");
    assert_eq!(updated.id, alliance_id);
    assert_eq!(updated.draft.name, "Service partagé du Val de Brenne 2027");
    assert_eq!(
        store.alliances().await.expect("list").len(),
        1,
        "one alliance still"
    );
    let partners = store.partners(&alliance_id).await.expect("partners");
    assert!(partners.iter().all(|p| p.id != removed.id));
    let new = partners
        .iter()
        .find(|p| p.id == added.id)
        .expect("the added partner, under its id");
    assert_eq!(new.draft.organisation.name, "Ressourcerie du Blanc");
    let changed = partners
        .iter()
        .find(|p| p.id == changed_id)
        .expect("changed");
    assert_eq!(
        changed.draft.organisation.city.as_deref(),
        Some("Argenton-sur-Creuse")
    );
    // The frozen version is as it was; the new version follows it; the draft changed.
    let v1 = store
        .document_version(&convention_id, 1)
        .await
        .expect("version 1");
    assert_eq!(v1.settings.title, "Convention de mutualisation");
    assert_eq!(v1.status, DocumentStatus::ReadyToSign);
    let convention = store.document(&convention_id).await.expect("convention");
    assert_eq!(convention.current.number, 2);
    assert_eq!(
        convention.current.settings.title,
        "Convention de mutualisation, avenant"
    );
    let charte = store.document(&charte_id).await.expect("charte");
    assert_eq!(charte.current.settings.title, "Charte du Val");

    // The same file again: nothing left to change but the ignored version.
    let again = store.review_import(&read(&file)).await.expect("again");
    let diff = again.existing.expect("still here");
    assert!(diff.partners_added.is_empty() && diff.partners_removed.is_empty());
    assert!(diff.alliance_fields.is_empty() && diff.versions_added.is_empty());
    vault.close().await;
}

#[tokio::test]
async fn a_copy_is_a_second_alliance_with_new_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let (alliance_id, convention_id, _) = demo_with_documents(store).await;
    let file = store
        .export_alliance_file(&alliance_id)
        .await
        .expect("export");

    let copy = store
        .apply_import(&read(&file), &choices(ImportMode::Copy))
        .await
        .expect("copy");
    assert_ne!(copy.id, alliance_id);
    assert_eq!(copy.draft.name, file.alliance.name);
    assert_eq!(store.alliances().await.expect("list").len(), 2);
    let copied = store
        .export_alliance_file(&copy.id)
        .await
        .expect("export copy");
    assert_eq!(copied.partners.len(), file.partners.len());
    for partner in &copied.partners {
        assert!(file.partners.iter().all(|p| p.id != partner.id), "new ids");
    }
    assert_eq!(copied.documents.len(), 2);
    assert!(copied.documents.iter().all(|d| d.id != convention_id));
    let frozen = copied
        .documents
        .iter()
        .find(|d| d.kind == DocumentKind::PartnershipAgreement)
        .expect("convention copied");
    assert_eq!(frozen.versions[0].status, DocumentStatus::ReadyToSign);
    vault.close().await;
}

#[tokio::test]
async fn an_update_that_fails_half_way_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let (alliance_id, convention_id, _) = demo_with_documents(store).await;
    let file = store
        .export_alliance_file(&alliance_id)
        .await
        .expect("export");
    // A copy of the alliance: its versions have ids of their own.
    let copy = store
        .apply_import(&read(&file), &choices(ImportMode::Copy))
        .await
        .expect("copy");
    let copy_file = store
        .export_alliance_file(&copy.id)
        .await
        .expect("copy file");
    let taken_version_id = copy_file.documents[0].versions[0].id.clone();

    // The update renames the alliance and adds a partner (written first), then adds a
    // version whose id is already the copy's: the database refuses that write.
    let mut update = file.clone();
    update.alliance.name = "Nom qui ne doit pas rester".into();
    update
        .partners
        .push(new_partner("Partenaire qui ne doit pas rester"));
    let mut clash = draft_version(2, "Avenant");
    clash.id = taken_version_id;
    document(&mut update, &convention_id).versions.push(clash);

    let before = store
        .export_alliance_file(&alliance_id)
        .await
        .expect("before");
    let failed = store
        .apply_import(&read(&update), &choices(ImportMode::Update))
        .await
        .expect_err("the clash fails the update");
    assert!(matches!(failed, StoreError::Database(_)), "{failed:?}");

    let after = store
        .export_alliance_file(&alliance_id)
        .await
        .expect("after");
    assert_eq!(after.alliance, before.alliance, "the alliance as it was");
    assert_eq!(after.partners, before.partners, "no partner added");
    assert_eq!(after.documents, before.documents, "no version added");
    assert_eq!(store.alliances().await.expect("list").len(), 2);
    vault.close().await;
}

#[tokio::test]
async fn a_partner_recognised_as_the_association_is_linked_and_not_asked_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let own = Organisation {
        name: "Comité des fêtes".into(),
        rna: Some("W372000001".into()),
        city: Some("Saunay".into()),
        ..Default::default()
    };
    store.save_profile(&own).await.expect("profile");
    let demo = store.load_demo().await.expect("demo");
    let mut file = store.export_alliance_file(&demo.id).await.expect("export");
    // The partner's vault lists this association as one of its partners.
    let mut us = new_partner("Comité des fêtes de Saunay");
    us.organisation.rna = Some("W372000001".into());
    file.partners.push(us.clone());

    let review = store.review_import(&read(&file)).await.expect("review");
    assert_eq!(review.own_lookalikes.len(), 1);
    assert_eq!(review.own_lookalikes[0].partner_id, us.id);
    assert_eq!(review.own_lookalikes[0].own.name, "Comité des fêtes");
    assert_eq!(review.own_lookalikes[0].suspicion.label, "même numéro RNA");

    let answered = ImportChoices {
        mode: ImportMode::Update,
        drop_unknown: false,
        own_association: vec![us.id.clone()],
    };
    store
        .apply_import(&read(&file), &answered)
        .await
        .expect("update");
    let partners = store.partners(&demo.id).await.expect("partners");
    let linked = partners.iter().find(|p| p.id == us.id).expect("added");
    assert!(linked.draft.own_association, "linked as the association");

    // Re-imported (the file still says nothing of the link): not asked again, kept.
    let again = store.review_import(&read(&file)).await.expect("again");
    assert!(again.own_lookalikes.is_empty());
    store
        .apply_import(&read(&file), &choices(ImportMode::Update))
        .await
        .expect("update again");
    let partners = store.partners(&demo.id).await.expect("partners");
    assert!(
        partners
            .iter()
            .any(|p| p.id == us.id && p.draft.own_association),
        "the link stays"
    );
    vault.close().await;
}

#[tokio::test]
async fn a_homonym_sender_stays_a_partner_and_its_update_finds_it_by_id() {
    // Our association and the file's sender: same name, same town, no numbers.
    let comite = Organisation {
        name: "Comité des fêtes".into(),
        city: Some("Saunay".into()),
        ..Default::default()
    };
    let ours_dir = tempfile::tempdir().expect("tempdir");
    let ours = common::vault(ours_dir.path()).await;
    ours.store().save_profile(&comite).await.expect("profile");
    let theirs_dir = tempfile::tempdir().expect("tempdir");
    let theirs = common::vault(theirs_dir.path()).await;
    let homonym = Organisation {
        name: "COMITÉ DES FÊTES".into(),
        ..comite.clone()
    };
    theirs
        .store()
        .save_profile(&homonym)
        .await
        .expect("profile");
    let demo = theirs.store().load_demo().await.expect("demo");
    let mut gives = allia_core::CommitmentsDraft::default();
    gives.in_kind.push(allia_core::InKindContribution {
        description: "Prêt de barnums".into(),
        value_cents: 30_000,
    });
    theirs
        .store()
        .set_commitments(&demo.id, None, &gives)
        .await
        .expect("their commitments");
    let file = theirs
        .store()
        .export_alliance_file(&demo.id)
        .await
        .expect("export");
    assert!(
        file.partners.iter().all(|p| !p.own_association),
        "the sender is not among the file's partners"
    );

    // Asked about, side by side: the sender is a lookalike of our association.
    let store = ours.store();
    let review = store.review_import(&read(&file)).await.expect("review");
    let asked: Vec<_> = review
        .own_lookalikes
        .iter()
        .filter(|l| l.partner.name == "COMITÉ DES FÊTES")
        .collect();
    assert_eq!(asked.len(), 1, "{:?}", review.own_lookalikes);
    assert_eq!(asked[0].own.name, "Comité des fêtes");
    assert_eq!(asked[0].suspicion.label, "même nom et même commune");
    let sender_id = asked[0].partner_id.clone();

    // Not answered: imported as a separate partner, carrying its own commitments.
    let imported = store
        .apply_import(&read(&file), &choices(ImportMode::New))
        .await
        .expect("import");
    let partners = store.partners(&imported.id).await.expect("partners");
    // The file lists every actor; the partners are those at « Engagé ».
    let file_partners = file
        .partners
        .iter()
        .filter(|p| allia_core::partner::is_partner(&p.draft()))
        .count();
    assert_eq!(partners.len(), file_partners + 1);
    let sender = partners
        .iter()
        .find(|p| p.id == sender_id)
        .expect("the sender, under its derived id");
    assert_eq!(sender.draft.organisation.name, "COMITÉ DES FÊTES");
    assert!(!sender.draft.own_association, "never merged by name");
    let stored = store.commitments(&imported.id).await.expect("commitments");
    assert!(
        stored.iter().all(|c| c.partner_id.is_some()),
        "none is ours"
    );
    assert!(stored
        .iter()
        .any(|c| c.partner_id.as_deref() == Some(sender_id.as_str()) && c.draft == gives));

    // The sender updates its commitments and sends the file again: the same partner
    // is updated (found by id), no second one.
    gives.in_kind[0].value_cents = 45_000;
    theirs
        .store()
        .set_commitments(&demo.id, None, &gives)
        .await
        .expect("updated commitments");
    let updated = theirs
        .store()
        .export_alliance_file(&demo.id)
        .await
        .expect("export");
    let review = store.review_import(&read(&updated)).await.expect("review");
    let diff = review.existing.expect("the alliance is already here");
    assert!(diff.partners_added.is_empty(), "{diff:?}");
    assert!(diff.partners_removed.is_empty(), "{diff:?}");
    assert!(
        diff.commitments.iter().any(|c| c.party == sender_id),
        "{diff:?}"
    );
    store
        .apply_import(&read(&updated), &choices(ImportMode::Update))
        .await
        .expect("update");
    let after = store.partners(&imported.id).await.expect("partners");
    assert_eq!(after.len(), partners.len(), "no second sender");
    assert_eq!(
        after
            .iter()
            .filter(|p| p.draft.organisation.name == "COMITÉ DES FÊTES")
            .count(),
        1
    );
    let stored = store.commitments(&imported.id).await.expect("commitments");
    let theirs_now = stored
        .iter()
        .find(|c| c.partner_id.as_deref() == Some(sender_id.as_str()))
        .expect("the sender's commitments");
    assert_eq!(theirs_now.draft.in_kind[0].value_cents, 45_000);
    theirs.close().await;
    ours.close().await;
}

/// A format-1 file (no ids) sent by « Les Ateliers du Coteau », listing this vault's
/// association (same RNA) as its second partner, with commitments for both.
const FORMAT_1_LISTING_US: &str = r#"{
  "format": 1,
  "profile": { "name": "Les Ateliers du Coteau", "rna": "W372009876", "city": "Château-Renault" },
  "alliance": { "name": "Service partagé du Val de Brenne", "status": "active" },
  "partners": [
    { "organisation": { "name": "Maison des Solidarités", "rna": "W372001234" },
      "actorType": "association", "role": "lead" },
    { "organisation": { "name": "Comité des fêtes de Saunay", "rna": "W372000001",
                        "representativeName": "Jeanne Martin" },
      "actorType": "association", "role": "member" }
  ],
  "commitments": [
    { "party": "association", "draft": { "financial": [], "inKind": [ { "description": "Prêt de salle", "valueCents": 20000 } ] } },
    { "party": { "partner": 2 }, "draft": { "financial": [], "inKind": [ { "description": "Barnums", "valueCents": 30000 } ] } }
  ]
}"#;

#[tokio::test]
async fn the_answer_given_on_a_format_1_review_is_the_one_applied() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let own = Organisation {
        name: "Comité des fêtes".into(),
        rna: Some("W372000001".into()),
        city: Some("Saunay".into()),
        ..Default::default()
    };
    store.save_profile(&own).await.expect("profile");
    // Each step reads the file again, as the app does (inspect, then apply).
    let read = || read_alliance_file(FORMAT_1_LISTING_US.as_bytes()).expect("readable");

    let review = store.review_import(&read()).await.expect("review");
    assert_eq!(review.format, 1);
    assert_eq!(
        review.own_lookalikes.len(),
        1,
        "{:?}",
        review.own_lookalikes
    );
    let us = review.own_lookalikes[0].partner_id.clone();
    assert_eq!(
        review.own_lookalikes[0].partner.name,
        "Comité des fêtes de Saunay"
    );
    // « C’est notre association », keyed by the id the review showed.
    let answered = ImportChoices {
        mode: ImportMode::New,
        drop_unknown: false,
        own_association: vec![us.clone()],
    };
    let alliance = store
        .apply_import(&read(), &answered)
        .await
        .expect("import");
    assert_eq!(alliance.id, review.alliance_id, "the reviewed alliance id");
    let partners = store.partners(&alliance.id).await.expect("partners");
    let linked: Vec<_> = partners
        .iter()
        .filter(|p| p.draft.own_association)
        .collect();
    assert_eq!(linked.len(), 1, "{partners:?}");
    assert_eq!(linked[0].id, us);
    assert_eq!(
        linked[0].draft.organisation.name,
        "Comité des fêtes de Saunay"
    );
    // The sender is a partner (another RNA), the association signs once.
    assert_eq!(partners.len(), 3, "{partners:?}");
    assert!(
        partners
            .iter()
            .any(|p| p.draft.organisation.name == "Les Ateliers du Coteau"
                && !p.draft.own_association)
    );

    // The same format-1 file again: recognised as the alliance already in the vault.
    let again = store.review_import(&read()).await.expect("again");
    assert_eq!(again.alliance_id, alliance.id);
    assert!(again.existing.is_some(), "update or copy offered");
    assert!(again.own_lookalikes.is_empty(), "answered before");
    let refused = store
        .apply_import(&read(), &choices(ImportMode::New))
        .await
        .expect_err("not a second copy silently");
    assert!(
        refused.to_string().contains("déjà dans le coffre"),
        "{refused}"
    );
    vault.close().await;
}

#[tokio::test]
async fn a_vault_without_profile_imports_the_sender_as_a_partner() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    assert!(store.profile().await.expect("profile").is_none());
    let read = read_alliance_file(FORMAT_1_LISTING_US.as_bytes()).expect("readable");
    let alliance = store
        .apply_import(&read, &choices(ImportMode::New))
        .await
        .expect("import");
    let partners = store.partners(&alliance.id).await.expect("partners");
    let sender = partners
        .iter()
        .find(|p| p.draft.organisation.name == "Les Ateliers du Coteau")
        .expect("the sender is a partner");
    assert!(!sender.draft.own_association);
    let all = store.commitments(&alliance.id).await.expect("commitments");
    let given = all
        .iter()
        .find(|c| c.partner_id.as_deref() == Some(sender.id.as_str()))
        .expect("the sender's commitments");
    assert_eq!(given.draft.in_kind[0].description, "Prêt de salle");
    assert!(
        all.iter().all(|c| c.partner_id.is_some()),
        "nothing credited to the association: {all:?}"
    );
    vault.close().await;
}

#[tokio::test]
async fn a_refused_file_names_its_unknown_fields_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../allia-core/tests/data/cases/rw-16-champs-inconnus.json"),
    )
    .expect("sample");
    let read = read_alliance_file(&bytes).expect("readable");
    for refused in [
        store
            .review_import(&read)
            .await
            .expect_err("review refused"),
        store
            .apply_import(&read, &choices(ImportMode::New))
            .await
            .expect_err("import refused"),
    ] {
        let StoreError::Validation(errors) = refused else {
            panic!("validation: {refused:?}");
        };
        let message = errors.alliance_file_message();
        for expected in [
            "champ inconnu\u{a0}: alliance, durationMonths (alliance.durationMonths)",
            "champ inconnu\u{a0}: partenaire 2, contributionCents (partners.2.contributionCents)",
            "numéro RNA\u{a0}: Le numéro RNA ne concerne que les associations établies en France",
        ] {
            assert!(message.contains(expected), "{expected}\n{message}");
        }
    }
    assert!(store.alliances().await.expect("list").is_empty());
    vault.close().await;
}
