//! The sender of an alliance file, on real vaults: in the file, `"association"` is the
//! association that wrote it (its `profile`). Imported by another association, the
//! sender becomes a partner carrying its own commitments, and the importing
//! association gets none of them (a vault without a profile too); re-imported by the
//! sender itself, nothing changes.

use allia_core::{
    AllianceFile, CommitmentsDraft, ContributionNature, FinancialContribution, InKindContribution,
    Organisation, PaymentSchedule,
};
use allia_store::{Store, Vault};

mod common;

fn alpha() -> Organisation {
    Organisation {
        name: "Association Alpha".into(),
        rna: Some("W381234567".into()),
        city: Some("Grenoble".into()),
        ..Default::default()
    }
}

fn beta() -> Organisation {
    Organisation {
        name: "Association Bêta".into(),
        rna: Some("W692345678".into()),
        city: Some("Lyon".into()),
        ..Default::default()
    }
}

fn alpha_gives() -> CommitmentsDraft {
    CommitmentsDraft {
        financial: vec![FinancialContribution {
            nature: ContributionNature::CostSharing,
            amount_cents: 125_050,
            schedule: PaymentSchedule::OnReceipts,
            budget_line: None,
        }],
        in_kind: vec![InKindContribution {
            description: "Mise à disposition d’une salle de réunion".into(),
            value_cents: 240_000,
        }],
    }
}

/// A vault whose association has `profile`.
async fn vault_of(dir: &std::path::Path, profile: &Organisation) -> Vault {
    let vault = common::vault(dir).await;
    vault.store().save_profile(profile).await.expect("profile");
    vault
}

/// Alpha's vault with the demo alliance, Alpha's own commitments on it, exported
/// through the bytes partners exchange.
async fn alpha_file(store: &Store) -> (String, AllianceFile) {
    let demo = store.load_demo().await.expect("demo");
    store
        .set_commitments(&demo.id, None, &alpha_gives())
        .await
        .expect("own commitments");
    let json = store
        .export_alliance(&demo.id)
        .await
        .expect("export")
        .to_json_string()
        .expect("json");
    let file = AllianceFile::from_json_slice(json.as_bytes()).expect("read");
    (demo.id, file)
}

#[tokio::test]
async fn another_association_imports_the_sender_as_a_partner_with_its_commitments() {
    let a_dir = tempfile::tempdir().expect("tempdir");
    let a = vault_of(a_dir.path(), &alpha()).await;
    let (_, file) = alpha_file(a.store()).await;
    assert_eq!(
        file.profile.as_ref().map(|p| p.name.as_str()),
        Some("Association Alpha")
    );
    let sent_partners = file.partners.len();

    let b_dir = tempfile::tempdir().expect("tempdir");
    let b = vault_of(b_dir.path(), &beta()).await;
    let store = b.store();
    let imported = store.import_alliance(&file).await.expect("import");
    let partners = store.partners(&imported.id).await.expect("partners");
    assert_eq!(partners.len(), sent_partners + 1, "the sender is a partner");
    let sender = partners.last().expect("sender");
    assert_eq!(sender.draft.organisation, alpha());
    assert_eq!(sender.draft.actor_type, allia_core::ActorType::Association);
    assert_eq!(sender.draft.role, allia_core::PartnerRole::Member);

    let stored = store.commitments(&imported.id).await.expect("commitments");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].partner_id.as_ref(), Some(&sender.id));
    assert_eq!(stored[0].draft, alpha_gives());
    assert!(
        stored.iter().all(|c| c.partner_id.is_some()),
        "Bêta's own association commits nothing"
    );
    // Bêta keeps its profile; its export names Bêta as the association.
    assert_eq!(store.profile().await.expect("profile"), Some(beta()));
    let again = store.export_alliance(&imported.id).await.expect("export");
    assert_eq!(again.profile, Some(beta()));
    assert!(again
        .commitments
        .iter()
        .all(|c| c.party != allia_core::CommitmentParty::Association));
    b.close().await;
    a.close().await;
}

#[tokio::test]
async fn the_sender_listed_among_the_partners_gets_its_commitments_there() {
    let a_dir = tempfile::tempdir().expect("tempdir");
    let a = vault_of(a_dir.path(), &alpha()).await;
    let (_, mut file) = alpha_file(a.store()).await;
    // The file also lists Alpha as a partner (same RNA, its name typed otherwise).
    file.partners[0].organisation = Organisation {
        name: "ASSOCIATION ALPHA (Grenoble)".into(),
        ..alpha()
    };
    let b_dir = tempfile::tempdir().expect("tempdir");
    let b = vault_of(b_dir.path(), &beta()).await;
    let imported = b.store().import_alliance(&file).await.expect("import");
    let partners = b.store().partners(&imported.id).await.expect("partners");
    assert_eq!(partners.len(), file.partners.len(), "no partner added");
    let stored = b
        .store()
        .commitments(&imported.id)
        .await
        .expect("commitments");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].partner_id.as_ref(), Some(&partners[0].id));
    assert_eq!(stored[0].draft, alpha_gives());
    b.close().await;
    a.close().await;
}

#[tokio::test]
async fn the_sender_reimporting_its_own_file_keeps_its_commitments() {
    let a_dir = tempfile::tempdir().expect("tempdir");
    let a = vault_of(a_dir.path(), &alpha()).await;
    let store = a.store();
    let (demo_id, file) = alpha_file(store).await;
    let imported = store.import_alliance(&file).await.expect("import");
    let partners = store.partners(&imported.id).await.expect("partners");
    let original = store.partners(&demo_id).await.expect("partners");
    assert_eq!(partners.len(), original.len(), "no partner added");
    let stored = store.commitments(&imported.id).await.expect("commitments");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].partner_id, None, "the association's own");
    assert_eq!(stored[0].draft, alpha_gives());

    // A vault without a profile yet has no association of its own: Alpha is another
    // organisation there, a partner carrying its commitments (never credited to an
    // association not yet described).
    let c_dir = tempfile::tempdir().expect("tempdir");
    let c = common::vault(c_dir.path()).await;
    let imported = c.store().import_alliance(&file).await.expect("import");
    let partners = c.store().partners(&imported.id).await.expect("partners");
    assert_eq!(partners.len(), original.len() + 1, "the sender added");
    let sender = partners
        .iter()
        .find(|p| p.draft.organisation.name == "Association Alpha")
        .expect("the sender is a partner");
    assert!(!sender.draft.own_association);
    let stored = c
        .store()
        .commitments(&imported.id)
        .await
        .expect("commitments");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].partner_id.as_deref(), Some(sender.id.as_str()));
    assert_eq!(stored[0].draft, alpha_gives());
    c.close().await;
    a.close().await;
}
