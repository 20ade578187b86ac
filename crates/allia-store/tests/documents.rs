//! Documents on a real vault: versions, freezing with a snapshot, signatures.

use allia_core::{
    ClauseChange, ClauseOverride, DocumentKind, DocumentStatus, Organisation, PartySignature,
};
mod common;

use allia_store::StoreError;
use common::{settings, vault, vault_with_demo};

fn date(d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, d).expect("date")
}

/// A new draft « Convention » of the alliance.
async fn convention(store: &allia_store::Store, alliance_id: &str) -> allia_core::ContractDocument {
    store
        .create_document(
            alliance_id,
            DocumentKind::PartnershipAgreement,
            &settings("Convention"),
        )
        .await
        .expect("create")
}

/// The association's signature, as the demo prints the party.
fn signature() -> PartySignature {
    PartySignature {
        party: "Maison des Solidarités du Val de Brenne".into(),
        signatory: "Claire Moreau".into(),
        signed_on: date(3),
    }
}

#[tokio::test]
async fn a_draft_is_edited_in_place_and_a_frozen_version_makes_a_new_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = vault(dir.path()).await;
    let store = vault.store();
    store
        .save_profile(&Organisation {
            name: "Les Amis du Quartier".into(),
            ..Default::default()
        })
        .await
        .expect("profile");
    let alliance = store.load_demo().await.expect("demo");

    let doc = store
        .create_document(
            &alliance.id,
            DocumentKind::PartnershipAgreement,
            &settings("Convention 2026"),
        )
        .await
        .expect("create");
    assert_eq!(doc.current.number, 1);
    assert_eq!(doc.current.status, DocumentStatus::Draft);
    assert!(doc.current.snapshot.is_none());

    let mut edited = settings("Convention de mutualisation 2026");
    edited.overrides.push(ClauseOverride {
        clause_id: "confidentialite".into(),
        enabled: Some(false),
        text: None,
    });
    let doc = store
        .update_document_settings(&doc.id, &edited)
        .await
        .expect("edit draft");
    assert_eq!(doc.current.number, 1, "a draft is edited in place");
    assert_eq!(
        doc.current.settings.title,
        "Convention de mutualisation 2026"
    );

    let doc = store
        .set_document_status(&doc.id, DocumentStatus::InReview)
        .await
        .expect("review");
    assert_eq!(doc.current.status, DocumentStatus::InReview);
    assert!(doc.current.frozen_at.is_some());
    let snapshot = doc
        .current
        .snapshot
        .clone()
        .expect("frozen with a snapshot");
    assert_eq!(snapshot.partners.len(), 5);
    assert_eq!(
        snapshot.profile.map(|p| p.name),
        Some("Les Amis du Quartier".into())
    );

    // Later changes to the alliance do not touch the frozen version.
    store
        .update_alliance(
            &alliance.id,
            &allia_core::AllianceDraft {
                name: "Nouveau nom".into(),
                ..alliance.draft.clone()
            },
        )
        .await
        .expect("rename");
    let v1 = store.document_version(&doc.id, 1).await.expect("v1");
    assert_eq!(
        v1.snapshot.expect("snapshot").alliance.name,
        "Service partagé du Val de Brenne"
    );

    let err = store
        .set_document_status(&doc.id, DocumentStatus::Draft)
        .await
        .expect_err("backwards");
    assert!(matches!(
        err,
        StoreError::DocumentRefused(allia_core::DocumentRefusal::Backwards)
    ));

    let doc = store
        .update_document_settings(&doc.id, &settings("Convention v2"))
        .await
        .expect("new version");
    assert_eq!(doc.current.number, 2);
    assert_eq!(doc.current.status, DocumentStatus::Draft);
    assert!(doc.current.snapshot.is_none());
    let v1 = store.document_version(&doc.id, 1).await.expect("v1 kept");
    assert_eq!(v1.settings.title, "Convention de mutualisation 2026");
    assert_eq!(v1.status, DocumentStatus::InReview);
    vault.close().await;
}

#[tokio::test]
async fn signatures_are_recorded_on_versions_ready_to_sign() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance) = vault_with_demo(dir.path()).await;
    let store = vault.store();
    let doc = store
        .create_document(
            &alliance.id,
            DocumentKind::PartnershipCharter,
            &settings("Charte"),
        )
        .await
        .expect("create");
    let signature = signature();
    let err = store
        .record_signature(&doc.id, &signature)
        .await
        .expect_err("draft");
    assert!(matches!(
        err,
        StoreError::DocumentRefused(allia_core::DocumentRefusal::NotReadyToSign)
    ));

    store
        .set_document_status(&doc.id, DocumentStatus::ReadyToSign)
        .await
        .expect("ready");
    store
        .record_signature(&doc.id, &signature)
        .await
        .expect("sign");
    let again = PartySignature {
        signed_on: date(4),
        ..signature.clone()
    };
    let doc = store
        .record_signature(&doc.id, &again)
        .await
        .expect("replace");
    assert_eq!(doc.current.signatures, vec![again.clone()]);
    // A party still printed as a placeholder (incomplete profile) cannot sign.
    let placeholder = PartySignature {
        party: "[Votre association : complétez le profil]".into(),
        ..signature.clone()
    };
    let err = store
        .record_signature(&doc.id, &placeholder)
        .await
        .expect_err("placeholder");
    assert!(matches!(
        err,
        StoreError::DocumentRefused(allia_core::DocumentRefusal::PlaceholderParty)
    ));
    let doc = store
        .set_document_status(&doc.id, DocumentStatus::Signed)
        .await
        .expect("signed");
    assert_eq!(doc.current.status, DocumentStatus::Signed);
    assert!(!doc.can_sign, "a signed version's signatures are read-only");

    // Once signed, a changed signature is refused by the vault itself (not only the UI),
    // and the recorded signatures stay as they were.
    let changed = PartySignature {
        signatory: "Quelqu’un d’autre".into(),
        ..signature.clone()
    };
    let err = store
        .record_signature(&doc.id, &changed)
        .await
        .expect_err("signed");
    assert!(matches!(
        err,
        StoreError::DocumentRefused(allia_core::DocumentRefusal::SignaturesClosed)
    ));
    assert!(err.user_message().starts_with("Ce document est signé"));
    let doc = store.document(&doc.id).await.expect("reload");
    assert_eq!(doc.current.signatures, vec![again]);
    assert_eq!(
        (doc.current.number, doc.current.status),
        (1, DocumentStatus::Signed)
    );

    assert_eq!(store.documents(&alliance.id).await.expect("list").len(), 1);
    store
        .delete_alliance(&alliance.id)
        .await
        .expect("delete alliance");
    assert!(
        matches!(store.document(&doc.id).await, Err(StoreError::NotFound(_))),
        "documents go with their alliance"
    );
    vault.close().await;
}

#[tokio::test]
async fn invalid_settings_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance) = vault_with_demo(dir.path()).await;
    let store = vault.store();
    let err = store
        .create_document(
            &alliance.id,
            DocumentKind::ConsortiumAgreement,
            &settings(" "),
        )
        .await
        .expect_err("no title");
    assert!(matches!(err, StoreError::Validation(ref e) if e.0[0].field == "title"));
    assert!(store
        .documents(&alliance.id)
        .await
        .expect("list")
        .is_empty());
    let err = store
        .create_document(
            "inconnue",
            DocumentKind::ConsortiumAgreement,
            &settings("Accord"),
        )
        .await
        .expect_err("unknown alliance");
    assert!(matches!(
        err,
        StoreError::NotFound(allia_store::Entity::Alliance)
    ));
    vault.close().await;
}

#[tokio::test]
async fn a_clause_change_merges_into_the_saved_settings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance) = vault_with_demo(dir.path()).await;
    let store = vault.store();
    let doc = convention(store, &alliance.id).await;

    store
        .change_document_clause(&doc.id, "objet", ClauseChange::SetText("Texte revu".into()))
        .await
        .expect("edit");
    let doc = store
        .change_document_clause(&doc.id, "objet", ClauseChange::Include(false))
        .await
        .expect("toggle");
    assert_eq!(doc.current.number, 1, "a draft is changed in place");
    assert_eq!(
        doc.current.settings.overrides,
        vec![ClauseOverride {
            clause_id: "objet".into(),
            enabled: Some(false),
            text: Some("Texte revu".into()),
        }],
        "the toggle keeps the edited text"
    );

    // On a frozen version the change starts a new draft, carrying the merged override.
    store
        .set_document_status(&doc.id, DocumentStatus::InReview)
        .await
        .expect("review");
    let doc = store
        .change_document_clause(&doc.id, "objet", ClauseChange::ResetText)
        .await
        .expect("reset");
    assert_eq!(doc.current.number, 2);
    assert_eq!(doc.current.status, DocumentStatus::Draft);
    assert_eq!(
        doc.current.settings.overrides,
        vec![ClauseOverride {
            clause_id: "objet".into(),
            enabled: Some(false),
            text: None,
        }]
    );

    let err = store
        .change_document_clause(&doc.id, "Objet!", ClauseChange::Include(true))
        .await
        .expect_err("bad clause id");
    assert!(matches!(err, StoreError::Validation(ref e) if e.0[0].field == "clauses"));
    vault.close().await;
}

#[tokio::test]
async fn a_version_returns_to_draft_while_nobody_has_signed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance) = vault_with_demo(dir.path()).await;
    let store = vault.store();
    let doc = convention(store, &alliance.id).await;
    assert!(
        !doc.can_return_to_draft,
        "a draft has nowhere to go back to"
    );
    let doc = store
        .set_document_status(&doc.id, DocumentStatus::ReadyToSign)
        .await
        .expect("ready");
    assert!(doc.can_return_to_draft && doc.current.frozen_at.is_some());

    let doc = store
        .return_document_to_draft(&doc.id)
        .await
        .expect("back to draft");
    assert_eq!(doc.current.status, DocumentStatus::Draft);
    assert_eq!(doc.current.number, 1, "the same version, not a new one");
    assert!(doc.current.frozen_at.is_none() && !doc.frozen);

    // Once a party has signed, only a new version can change it.
    store
        .set_document_status(&doc.id, DocumentStatus::ReadyToSign)
        .await
        .expect("ready again");
    let signature = signature();
    let doc = store
        .record_signature(&doc.id, &signature)
        .await
        .expect("sign");
    assert!(!doc.can_return_to_draft);
    let err = store
        .return_document_to_draft(&doc.id)
        .await
        .expect_err("signed");
    assert!(matches!(
        err,
        StoreError::DocumentRefused(allia_core::DocumentRefusal::AlreadySigned)
    ));
    vault.close().await;
}
