//! The explicit link « this partner is our own association » (issue 10, item 3) on a
//! real vault: one per alliance, kept through updates, the lookalike question before a
//! partner is saved, and the migration of a vault made by the first version.

mod common;

use allia_core::{Organisation, PartnerDraft, SuspicionReason};
use allia_store::{backup, StoreError, Vault, VaultPaths};

fn org(name: &str, city: &str, rna: &str) -> Organisation {
    Organisation {
        name: name.into(),
        city: Some(city.into()),
        rna: Some(rna.into()),
        legal_form: Some("Association loi 1901".into()),
        ..Organisation::default()
    }
}

fn draft(organisation: Organisation, own: bool) -> PartnerDraft {
    PartnerDraft {
        organisation,
        own_association: own,
        ..PartnerDraft::default()
    }
}

/// rw-04: the user's « Comité des fêtes » of Saunay.
fn saunay() -> Organisation {
    org("Comité des fêtes", "Saunay", "W372011111")
}

/// rw-04: the partner « Comité des fêtes » of Villedômer.
fn villedomer() -> Organisation {
    org("Comité des fêtes", "Villedômer", "W372022222")
}

#[tokio::test]
async fn one_own_association_per_alliance_and_homonyms_stay_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    store.save_profile(&saunay()).await.expect("profile");

    let own = store
        .create_partner(&demo.id, &draft(saunay(), true))
        .await
        .expect("our association as a partner");
    assert!(own.draft.own_association);
    let homonym = store
        .create_partner(&demo.id, &draft(villedomer(), false))
        .await
        .expect("the homonym");
    assert!(!homonym.draft.own_association);

    // A second link is refused, on its field, in French, naming the first.
    let err = store
        .update_partner(&homonym.id, &draft(villedomer(), true))
        .await
        .expect_err("second link");
    let StoreError::Validation(errors) = err else {
        panic!("a validation error: {err:?}");
    };
    assert_eq!(errors.0[0].field, "ownAssociation");
    assert_eq!(
        errors.0[0].message,
        "«\u{a0}Comité des fêtes\u{a0}» est déjà indiquée comme votre association dans cette alliance\u{a0}: une seule par alliance."
    );
    let err = store
        .create_partner(&demo.id, &draft(org("Autre", "Tours", "W372033333"), true))
        .await
        .expect_err("second link at creation");
    assert!(matches!(err, StoreError::Validation(_)), "{err:?}");
    let two = [
        draft(org("A", "Tours", "W372044444"), true),
        draft(org("B", "Tours", "W372055555"), true),
    ];
    let err = store
        .create_partners(&demo.id, &two)
        .await
        .expect_err("two links at once");
    let StoreError::Validation(errors) = err else {
        panic!("a validation error: {err:?}");
    };
    assert_eq!(errors.0[0].field, "partners.2.ownAssociation");

    // Editing the linked partner keeps its link; once unlinked, another may take it.
    let kept = store
        .update_partner(&own.id, &draft(saunay(), true))
        .await
        .expect("edit the linked partner");
    assert!(kept.draft.own_association);
    store
        .update_partner(&own.id, &draft(saunay(), false))
        .await
        .expect("unlink");
    let moved = store
        .update_partner(&homonym.id, &draft(villedomer(), true))
        .await
        .expect("link the other");
    assert!(moved.draft.own_association);

    // Another alliance has its own link.
    // (The demo loads once per vault: another alliance is created.)
    let other = store
        .create_alliance(&allia_core::AllianceDraft {
            name: "Autre alliance".into(),
            ..Default::default()
        })
        .await
        .expect("another alliance");
    store
        .create_partner(&other.id, &draft(saunay(), true))
        .await
        .expect("one per alliance, not per vault");
    vault.close().await;
}

#[tokio::test]
async fn a_partner_that_looks_like_another_is_asked_about_with_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    // No profile yet: only the partners are compared.
    let homonym = store
        .create_partner(&demo.id, &draft(villedomer(), false))
        .await
        .expect("the homonym");

    // Same RNA as an existing partner, under another name.
    let same_rna = draft(org("CDF de Villedômer", "Villedômer", "W372022222"), false);
    let found = store
        .partner_lookalikes(&demo.id, &same_rna, None)
        .await
        .expect("lookalikes");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].partner_id.as_deref(), Some(homonym.id.as_str()));
    assert_eq!(found[0].suspicion.reason, SuspicionReason::SameRna);
    assert_eq!(found[0].suspicion.label, "même numéro RNA");
    assert_eq!(found[0].organisation.city.as_deref(), Some("Villedômer"));
    // The partner being edited is not compared with itself.
    assert!(store
        .partner_lookalikes(&demo.id, &same_rna, Some(&homonym.id))
        .await
        .expect("editing")
        .is_empty());

    // With the profile saved, the profile typed again is asked about, as the association.
    store.save_profile(&saunay()).await.expect("profile");
    let again = draft(org("COMITE DES FETES", "saunay", "W372099999"), false);
    let found = store
        .partner_lookalikes(&demo.id, &again, None)
        .await
        .expect("lookalikes");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].partner_id, None);
    assert!(found[0].own_association);
    assert_eq!(found[0].suspicion.label, "même nom et même commune");
    // The rw-04 homonym is not the profile: nothing to ask.
    assert!(store
        .partner_lookalikes(&demo.id, &draft(villedomer(), false), Some(&homonym.id))
        .await
        .expect("homonym")
        .is_empty());

    // The import's question: which of a file's organisations look like the profile.
    let suspicions = store
        .own_association_suspicions(&[villedomer(), saunay(), again.organisation.clone()])
        .await
        .expect("suspicions");
    let found: Vec<(usize, SuspicionReason)> =
        suspicions.iter().map(|(i, s)| (*i, s.reason)).collect();
    assert_eq!(
        found,
        [
            (1, SuspicionReason::SameRna),
            (2, SuspicionReason::SameNameAndCity)
        ]
    );
    // An unknown alliance is not found.
    assert!(matches!(
        store
            .partner_lookalikes("00000000-0000-4000-8000-000000000000", &again, None)
            .await,
        Err(StoreError::NotFound(_))
    ));
    vault.close().await;
}

#[tokio::test]
async fn the_first_versions_vault_is_backed_up_then_migrated_without_links() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::copy_format1_vault(dir.path());
    let vault = Vault::unlock(dir.path(), common::FORMAT1_PASS)
        .await
        .expect("unlock migrates");
    let store = vault.store();
    let profile = store.profile().await.expect("profile").expect("saved");
    assert_eq!(profile.name, "Association Fixture Format Un");
    // None of its partners is the profile (other names, other numbers): none is linked.
    let mut partners = 0;
    for alliance in store.alliances().await.expect("alliances") {
        for p in store.partners(&alliance.id).await.expect("partners") {
            partners += 1;
            assert!(!p.draft.own_association, "{}", p.draft.organisation.name);
        }
    }
    assert_eq!(partners, 6, "the fixture's partner and the demo's five");
    // The migrated vault takes the link.
    let alliance = store
        .alliances()
        .await
        .expect("alliances")
        .into_iter()
        .find(|a| a.draft.name == "Alliance du format un")
        .expect("alliance");
    let linked = store
        .create_partner(&alliance.id, &draft(profile.clone(), true))
        .await
        .expect("link on the migrated vault");
    assert!(
        store
            .partner(&linked.id)
            .await
            .expect("read")
            .draft
            .own_association
    );
    vault.close().await;

    // A backup was taken before the pending migrations ran, and it opens.
    let paths = VaultPaths::new(dir.path());
    let before: Vec<_> = backup::list(&paths)
        .into_iter()
        .filter(|b| b.reason.starts_with("avant-migration-"))
        .collect();
    assert_eq!(before.len(), 1, "{before:?}");
    let summary =
        allia_store::inspect_backup_locked(dir.path(), &before[0].path, common::FORMAT1_PASS)
            .await
            .expect("the backup opens");
    assert_eq!(summary.alliances.len(), 2);
}
