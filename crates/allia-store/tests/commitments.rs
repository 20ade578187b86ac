//! Each party's commitments in a real vault: recorded, replaced, one row per party (the
//! association's too), refused when the schedule does not add up, gone with their
//! partner or alliance; carried by the alliance file from one vault to another; part of
//! what a document renders from and of what a frozen version keeps; and added by a
//! migration to a vault made by the previous version.

mod common;

use allia_core::{
    AllianceFile, CommitmentParty, CommitmentsDraft, ContributionNature, DocumentKind,
    DocumentStatus, FinancialContribution, InKindContribution, Instalment, PaymentSchedule,
};
use allia_store::{Entity, StoreError, Vault};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A commune's subsidy of 30 000 € in two instalments, with its budget line.
fn subsidy(first_cents: i64, second_cents: i64) -> CommitmentsDraft {
    CommitmentsDraft {
        financial: vec![FinancialContribution {
            nature: ContributionNature::Subsidy,
            amount_cents: 3_000_000,
            schedule: PaymentSchedule::Instalments {
                instalments: vec![
                    Instalment {
                        date: date(2027, 3, 1),
                        amount_cents: first_cents,
                    },
                    Instalment {
                        date: date(2027, 9, 1),
                        amount_cents: second_cents,
                    },
                ],
            },
            budget_line: Some("Politique de la ville, ligne 65-74".into()),
        }],
        in_kind: vec![],
    }
}

fn premises() -> CommitmentsDraft {
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

#[tokio::test]
async fn commitments_are_recorded_per_party_and_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let partners = store.partners(&demo.id).await.expect("partners");
    assert!(store
        .commitments(&demo.id)
        .await
        .expect("none yet")
        .is_empty());

    let commune = store
        .set_commitments(
            &demo.id,
            Some(&partners[1].id),
            &subsidy(1_000_000, 2_000_000),
        )
        .await
        .expect("subsidy");
    assert_eq!(commune.partner_id.as_deref(), Some(partners[1].id.as_str()));
    assert_eq!(commune.draft.financial_total_cents(), 3_000_000);
    let own = store
        .set_commitments(&demo.id, None, &premises())
        .await
        .expect("own association");
    assert_eq!(own.partner_id, None);

    // Listed: the association first, then the partners in their order.
    let listed = store.commitments(&demo.id).await.expect("list");
    assert_eq!(listed, vec![own.clone(), commune.clone()]);

    // Setting again replaces, in the same record (one row per party, NULL included).
    let mut less = premises();
    less.in_kind.clear();
    let replaced = store
        .set_commitments(&demo.id, None, &less)
        .await
        .expect("replace");
    assert_eq!(replaced.id, own.id);
    assert_eq!(replaced.created_at, own.created_at);
    assert!(replaced.updated_at >= own.updated_at);
    assert!(replaced.draft.in_kind.is_empty());
    assert_eq!(store.commitments(&demo.id).await.expect("list").len(), 2);

    // The vault keeps them through a lock.
    vault.close().await;
    let vault = Vault::unlock(dir.path(), "phrase de test")
        .await
        .expect("unlock");
    let store = vault.store();
    assert_eq!(
        store.commitments(&demo.id).await.expect("list"),
        vec![replaced, commune]
    );

    // Deleted, then « not found » the second time.
    store
        .delete_commitments(&demo.id, None)
        .await
        .expect("delete");
    assert!(matches!(
        store.delete_commitments(&demo.id, None).await,
        Err(StoreError::NotFound(Entity::Commitments))
    ));
    assert_eq!(store.commitments(&demo.id).await.expect("list").len(), 1);
    vault.close().await;
}

#[tokio::test]
async fn a_schedule_that_does_not_add_up_is_refused_on_its_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let partners = store.partners(&demo.id).await.expect("partners");
    let err = store
        .set_commitments(
            &demo.id,
            Some(&partners[0].id),
            &subsidy(1_000_000, 1_500_000),
        )
        .await
        .expect_err("short by 5 000 €");
    let StoreError::Validation(errors) = &err else {
        panic!("expected a validation error, got {err:?}");
    };
    assert_eq!(errors.0[0].field, "financial.0.schedule");
    assert_eq!(
        errors.0[0].message,
        "Les versements totalisent 25\u{202f}000,00\u{202f}€ pour une contribution de 30\u{202f}000,00\u{202f}€\u{a0}: il manque 5\u{202f}000,00\u{202f}€."
    );
    assert_eq!(err.user_message(), errors.0[0].message);
    assert!(store.commitments(&demo.id).await.expect("list").is_empty());
    vault.close().await;
}

#[tokio::test]
async fn a_party_must_belong_to_the_alliance_and_goes_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    common::add_alliance(&vault, "Autre alliance").await;
    let other = store
        .alliances()
        .await
        .expect("alliances")
        .into_iter()
        .find(|a| a.id != demo.id)
        .expect("other");
    let partners = store.partners(&demo.id).await.expect("partners");

    for (alliance, partner, entity) in [
        (
            other.id.as_str(),
            Some(partners[0].id.as_str()),
            Entity::Partner,
        ),
        (
            demo.id.as_str(),
            Some("pas-un-identifiant"),
            Entity::Partner,
        ),
        (
            "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f",
            None,
            Entity::Alliance,
        ),
        ("inconnue", None, Entity::Alliance),
    ] {
        let result = store.set_commitments(alliance, partner, &premises()).await;
        assert!(
            matches!(result, Err(StoreError::NotFound(e)) if e == entity),
            "{alliance} {partner:?}: {result:?}"
        );
    }
    assert!(matches!(
        store.commitments("inconnue").await,
        Err(StoreError::NotFound(Entity::Alliance))
    ));

    // A partner's commitments go with the partner; all go with the alliance.
    store
        .set_commitments(&demo.id, Some(&partners[0].id), &premises())
        .await
        .expect("partner");
    store
        .set_commitments(&demo.id, None, &premises())
        .await
        .expect("own");
    store
        .set_commitments(&other.id, None, &premises())
        .await
        .expect("own in the other alliance");
    store
        .delete_partner(&partners[0].id)
        .await
        .expect("delete partner");
    let left = store.commitments(&demo.id).await.expect("list");
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].partner_id, None);
    store.delete_alliance(&demo.id).await.expect("delete");
    assert_eq!(store.commitments(&other.id).await.expect("other").len(), 1);
    vault.close().await;
}

#[tokio::test]
async fn commitments_travel_in_the_alliance_file_to_another_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let partners = store.partners(&demo.id).await.expect("partners");
    store
        .set_commitments(&demo.id, Some(&partners[3].id), &premises())
        .await
        .expect("fourth partner");
    store
        .set_commitments(
            &demo.id,
            Some(&partners[1].id),
            &subsidy(1_000_000, 2_000_000),
        )
        .await
        .expect("second partner");
    store
        .set_commitments(&demo.id, None, &premises())
        .await
        .expect("own");

    let file = store.export_alliance(&demo.id).await.expect("export");
    let parties: Vec<_> = file.commitments.iter().map(|c| c.party).collect();
    assert_eq!(
        parties,
        vec![
            CommitmentParty::Association,
            CommitmentParty::Partner(2),
            CommitmentParty::Partner(4)
        ]
    );
    let json = file.to_json_string().expect("json");
    assert!(json.contains("\"party\": \"association\""), "{json}");
    assert!(json.contains("\"partner\": 4"), "{json}");

    // Into another vault, through the bytes partners exchange.
    let other_dir = tempfile::tempdir().expect("tempdir");
    let other = common::vault(other_dir.path()).await;
    let read = AllianceFile::from_json_slice(json.as_bytes()).expect("read");
    let imported = other.store().import_alliance(&read).await.expect("import");
    let new_partners = other
        .store()
        .partners(&imported.id)
        .await
        .expect("partners");
    let stored = other
        .store()
        .commitments(&imported.id)
        .await
        .expect("commitments");
    assert_eq!(stored.len(), 3);
    assert_eq!(stored[0].partner_id, None);
    assert_eq!(stored[1].partner_id.as_ref(), Some(&new_partners[1].id));
    assert_eq!(stored[2].partner_id.as_ref(), Some(&new_partners[3].id));
    assert_eq!(stored[1].draft, subsidy(1_000_000, 2_000_000));
    // New ids, the file's dates kept.
    assert_ne!(Some(&stored[1].id), file.commitments[1].id.as_ref());
    assert_eq!(Some(stored[1].created_at), file.commitments[1].created_at);

    // Exported again: the same file but for the ids the new vault gave.
    let again = other
        .store()
        .export_alliance(&imported.id)
        .await
        .expect("export again");
    let without_ids = |f: &AllianceFile| {
        let mut f = f.clone();
        f.profile = None;
        f.commitments.iter_mut().for_each(|c| c.id = None);
        f
    };
    assert_eq!(without_ids(&again), without_ids(&file));
    other.close().await;
    vault.close().await;
}

#[tokio::test]
async fn a_file_naming_a_missing_partner_imports_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    store
        .set_commitments(&demo.id, None, &premises())
        .await
        .expect("own");
    let mut file = store.export_alliance(&demo.id).await.expect("export");
    file.commitments[0].party = CommitmentParty::Partner(9);
    let before = store.alliances().await.expect("alliances").len();
    let err = store.import_alliance(&file).await.expect_err("dangling");
    let StoreError::Validation(errors) = err else {
        panic!("expected a validation error");
    };
    assert_eq!(errors.0[0].field, "commitments.1.party");
    assert_eq!(
        errors.0[0].message,
        "Le partenaire n°\u{a0}9 n’existe pas dans ce fichier\u{a0}: il en compte 5, numérotés à partir de 1."
    );
    assert_eq!(store.alliances().await.expect("alliances").len(), before);
    vault.close().await;
}

#[tokio::test]
async fn documents_render_from_the_commitments_and_a_frozen_version_keeps_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let partners = store.partners(&demo.id).await.expect("partners");
    store
        .set_commitments(
            &demo.id,
            Some(&partners[1].id),
            &subsidy(1_000_000, 2_000_000),
        )
        .await
        .expect("subsidy");
    let doc = store
        .create_document(
            &demo.id,
            DocumentKind::PartnershipAgreement,
            &common::settings("Convention"),
        )
        .await
        .expect("document");
    let (_, _, file) = store
        .document_render_input(&doc.id, None)
        .await
        .expect("render input");
    assert_eq!(file.commitments.len(), 1);
    assert_eq!(file.commitments[0].party, CommitmentParty::Partner(2));

    // Frozen with the commitments of the day: a later change is not in it.
    store
        .set_document_status(&doc.id, DocumentStatus::InReview)
        .await
        .expect("freeze");
    store
        .set_commitments(&demo.id, Some(&partners[1].id), &premises())
        .await
        .expect("changed after");
    let (_, version, file) = store
        .document_render_input(&doc.id, None)
        .await
        .expect("render input");
    assert!(version.snapshot.is_some());
    assert_eq!(
        file.commitments[0].draft,
        subsidy(1_000_000, 2_000_000),
        "the frozen version keeps what it was frozen with"
    );
    vault.close().await;
}

/// The vault of `tests/fixtures/vault-format1` (made before commitments existed; README
/// there), sealed in NFD; the NFC form opens it.
const FIXTURE_PASS: &str = common::FORMAT1_PASS;

#[tokio::test]
async fn the_commitments_migration_adds_the_table_to_an_old_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::copy_format1_vault(dir.path());
    let vault = Vault::unlock(dir.path(), FIXTURE_PASS)
        .await
        .expect("unlock migrates");
    let store = vault.store();
    let alliances = store.alliances().await.expect("alliances");
    assert_eq!(alliances.len(), 2);
    let own = alliances
        .iter()
        .find(|a| a.draft.name == "Alliance du format un")
        .expect("alliance");
    assert!(store
        .commitments(&own.id)
        .await
        .expect("an empty table")
        .is_empty());
    let partners = store.partners(&own.id).await.expect("partners");
    assert_eq!(
        partners[0].draft.organisation.name,
        "Commune de Fixtureville"
    );
    // The old partner takes commitments, and the association too, once each.
    store
        .set_commitments(
            &own.id,
            Some(&partners[0].id),
            &subsidy(1_500_000, 1_500_000),
        )
        .await
        .expect("on a migrated vault");
    store
        .set_commitments(&own.id, None, &premises())
        .await
        .expect("own");
    store
        .set_commitments(&own.id, None, &premises())
        .await
        .expect("own again");
    vault.close().await;

    // Opened again: nothing more to migrate, the commitments are there.
    let vault = Vault::unlock(dir.path(), FIXTURE_PASS)
        .await
        .expect("reopen");
    let kept = vault.store().commitments(&own.id).await.expect("kept");
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[1].draft.financial_total_cents(), 3_000_000);
    let file = vault
        .store()
        .export_alliance(&own.id)
        .await
        .expect("export");
    assert_eq!(file.commitments[1].party, CommitmentParty::Partner(1));
    vault.close().await;
}
