//! Identities beyond the French registers on a real vault: country, foreign
//! registration, Alsace-Moselle local register, bank details and designation are stored
//! for the profile and every partner, travel in the alliance file, and survive the
//! migration that added their columns (on the vault made by an earlier version).
//! The samples of `tests/data/cases/` (La Poste's head office, a Belgian partner) import.

mod common;

use std::path::Path;

use allia_core::designation::{Article, Designation, Gender, GrammaticalNumber};
use allia_core::{
    ActorType, AllianceFile, BankDetails, ForeignRegistration, LocalRegister, Organisation,
    PartnerDraft, PartnerRole,
};
use allia_store::{backup, Vault, VaultPaths};

fn belgian() -> Organisation {
    Organisation {
        name: "Maison du Hainaut solidaire ASBL".into(),
        legal_form: Some("Association sans but lucratif (droit belge)".into()),
        street: Some("Rue de la Tannerie 18".into()),
        postal_code: Some("7500".into()),
        city: Some("Tournai".into()),
        country: Some("belgique".into()),
        foreign_registration: Some(ForeignRegistration {
            register: "BCE".into(),
            number: "0456.789.123".into(),
        }),
        bank: Some(BankDetails {
            iban: "be68 5390 0754 7034".into(),
            bic: Some("GEBABEBB".into()),
        }),
        designation: Some(Designation {
            article: Article::La,
            gender: Gender::Feminine,
            number: GrammaticalNumber::Singular,
            short_name: "la Maison du Hainaut".into(),
        }),
        ..Default::default()
    }
}

fn alsatian() -> Organisation {
    Organisation {
        name: "Cercle des amis de l’Ill".into(),
        legal_form: Some("Association de droit local (Alsace-Moselle)".into()),
        street: Some("3 quai des Bateliers".into()),
        postal_code: Some("67000".into()),
        city: Some("Strasbourg".into()),
        local_register: Some(LocalRegister {
            court: "Strasbourg".into(),
            volume: "84".into(),
            folio: "127".into(),
        }),
        bank: Some(BankDetails {
            iban: "FR76 3000 6000 0112 3456 7890 189".into(),
            bic: None,
        }),
        ..Default::default()
    }
}

fn partner(organisation: Organisation) -> PartnerDraft {
    PartnerDraft {
        organisation,
        actor_type: ActorType::Association,
        role: PartnerRole::Member,
        resources: None,
        resource_tags: Vec::new(),
        own_association: false,
        ..PartnerDraft::default()
    }
}

/// The new fields as stored: the country's French name, the IBAN compact upper case.
fn assert_belgian(o: &Organisation) {
    assert_eq!(o.country.as_deref(), Some("Belgique"));
    assert_eq!(o.postal_code.as_deref(), Some("7500"));
    assert_eq!(
        o.foreign_registration,
        Some(ForeignRegistration {
            register: "BCE".into(),
            number: "0456.789.123".into(),
        })
    );
    assert_eq!(
        o.bank,
        Some(BankDetails {
            iban: "BE68539007547034".into(),
            bic: Some("GEBABEBB".into()),
        })
    );
    assert_eq!(
        o.designation.as_ref().map(|d| d.short_name.as_str()),
        Some("la Maison du Hainaut")
    );
}

#[tokio::test]
async fn the_profile_keeps_its_local_register_and_bank_details() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let saved = vault.store().save_profile(&alsatian()).await.expect("save");
    assert_eq!(
        saved.bank.as_ref().map(|b| b.iban.as_str()),
        Some("FR7630006000011234567890189")
    );
    vault.close().await;

    let vault = Vault::unlock(dir.path(), "phrase de test")
        .await
        .expect("reopen");
    let profile = vault.store().profile().await.expect("read").expect("saved");
    assert_eq!(profile, saved);
    assert_eq!(
        profile.local_register,
        Some(LocalRegister {
            court: "Strasbourg".into(),
            volume: "84".into(),
            folio: "127".into(),
        })
    );
    assert_eq!(profile.country, None);
    // Emptied again: the columns go back to NULL, read as none.
    let cleared = vault
        .store()
        .save_profile(&Organisation {
            local_register: None,
            bank: None,
            ..profile
        })
        .await
        .expect("clear");
    let read = vault.store().profile().await.expect("read").expect("saved");
    assert_eq!(read, cleared);
    assert_eq!((read.local_register, read.bank), (None, None));
    vault.close().await;
}

#[tokio::test]
async fn a_partner_keeps_its_country_registration_and_designation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let created = store
        .create_partner(&demo.id, &partner(belgian()))
        .await
        .expect("create");
    assert_belgian(&created.draft.organisation);
    assert_belgian(
        &store
            .partner(&created.id)
            .await
            .expect("get")
            .draft
            .organisation,
    );

    // Updated: moved to Switzerland with another register, bank details removed.
    let mut moved = created.draft.clone();
    moved.organisation.country = Some("Suisse".into());
    moved.organisation.postal_code = Some("1204".into());
    moved.organisation.foreign_registration = Some(ForeignRegistration {
        register: "IDE".into(),
        number: "CHE-123.456.789".into(),
    });
    moved.organisation.bank = None;
    let updated = store
        .update_partner(&created.id, &moved)
        .await
        .expect("update");
    let listed = store.partners(&demo.id).await.expect("list");
    let read = listed.iter().find(|p| p.id == created.id).expect("listed");
    assert_eq!(read.draft, updated.draft);
    assert_eq!(read.draft.organisation.country.as_deref(), Some("Suisse"));
    assert_eq!(read.draft.organisation.bank, None);

    // A wrong IBAN is a field error named as the form knows it.
    let mut wrong = updated.draft.clone();
    wrong.organisation.bank = Some(BankDetails {
        iban: "BE68 5390 0754 7043".into(),
        bic: None,
    });
    let err = store
        .update_partner(&created.id, &wrong)
        .await
        .expect_err("wrong IBAN");
    let allia_store::StoreError::Validation(errors) = err else {
        panic!("validation expected: {err:?}");
    };
    assert_eq!(errors.0[0].field, "bank.iban");
    assert!(errors.0[0].message.contains("clé de contrôle"));
    vault.close().await;
}

#[tokio::test]
async fn the_alliance_file_carries_the_new_fields_through_export_and_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    store.save_profile(&alsatian()).await.expect("profile");
    store
        .create_partner(&demo.id, &partner(belgian()))
        .await
        .expect("partner");
    let file = store.export_alliance(&demo.id).await.expect("export");
    let json = file.to_json_string().expect("json");
    assert!(json.contains("\"foreignRegistration\""), "{json}");
    assert!(json.contains("\"localRegister\""));
    let profile = file.profile.as_ref().expect("profile in the file");
    assert_eq!(
        profile.local_register.as_ref().map(|l| l.folio.as_str()),
        Some("127")
    );
    vault.close().await;

    // Into another vault, through the bytes the user sends.
    let other = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(other.path()).await;
    let read = AllianceFile::from_json_slice(json.as_bytes()).expect("read");
    let imported = vault.store().import_alliance(&read).await.expect("import");
    let partners = vault
        .store()
        .partners(&imported.id)
        .await
        .expect("partners");
    let hainaut = partners
        .iter()
        .find(|p| p.draft.organisation.name == "Maison du Hainaut solidaire ASBL")
        .expect("imported");
    assert_belgian(&hainaut.draft.organisation);
    vault.close().await;
}

// --- The samples of real-world faults ---------------------------------------------

fn case(name: &str) -> AllianceFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cases")
        .join(name);
    let bytes = allia_store::read_alliance_file_bytes(&path).expect("read sample");
    AllianceFile::from_json_slice(&bytes).expect("parse sample")
}

#[tokio::test]
async fn la_poste_head_office_imports_with_its_siret() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let imported = vault
        .store()
        .import_alliance(&case("rw-01-laposte-siege.json"))
        .await
        .expect("rw-01 imports");
    let partners = vault
        .store()
        .partners(&imported.id)
        .await
        .expect("partners");
    let la_poste = partners
        .iter()
        .find(|p| p.draft.organisation.name == "La Poste")
        .expect("La Poste");
    assert_eq!(
        la_poste.draft.organisation.siret.as_deref(),
        Some("35600000000048")
    );
    assert_eq!(la_poste.draft.organisation.country, None);
    vault.close().await;
}

#[tokio::test]
async fn the_belgian_partner_imports_with_its_country_and_postal_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let file = case("rw-14-partenaire-belge.json");
    let imported = vault
        .store()
        .import_alliance(&file)
        .await
        .expect("rw-14 imports");
    let partners = vault
        .store()
        .partners(&imported.id)
        .await
        .expect("partners");
    let hainaut = &partners
        .iter()
        .find(|p| p.draft.organisation.name == "Maison du Hainaut solidaire ASBL")
        .expect("Belgian partner")
        .draft
        .organisation;
    // The sample predates the country field and wrote it after the city.
    assert_eq!(hainaut.postal_code.as_deref(), Some("7500"));
    assert_eq!(hainaut.city.as_deref(), Some("Tournai"));
    assert_eq!(hainaut.country.as_deref(), Some("Belgique"));
    assert_eq!(hainaut.phone.as_deref(), Some("+32 69 00 00 00"));
    // The sample has no registration number; the same file with its BCE number keeps it.
    assert_eq!(hainaut.foreign_registration, None);
    let mut with_number = file.clone();
    let p = with_number
        .partners
        .iter_mut()
        .find(|p| p.organisation.name == "Maison du Hainaut solidaire ASBL")
        .expect("in the file");
    p.organisation.foreign_registration = Some(ForeignRegistration {
        register: "BCE".into(),
        number: "0456.789.123".into(),
    });
    let again = vault
        .store()
        .import_alliance(&with_number)
        .await
        .expect("with its number");
    let partners = vault.store().partners(&again.id).await.expect("partners");
    let hainaut = &partners
        .iter()
        .find(|p| p.draft.organisation.name == "Maison du Hainaut solidaire ASBL")
        .expect("Belgian partner")
        .draft
        .organisation;
    assert_eq!(
        hainaut
            .foreign_registration
            .as_ref()
            .map(|r| r.number.as_str()),
        Some("0456.789.123")
    );
    assert_eq!(hainaut.country.as_deref(), Some("Belgique"));
    vault.close().await;
}

// --- The vault made by an earlier version -------------------------------------------

/// The vault of `tests/fixtures/vault-format1` (README there), sealed in NFD; the NFC
/// form opens it.
const FIXTURE_PASS: &str = common::FORMAT1_PASS;

#[tokio::test]
async fn an_old_vault_is_backed_up_then_takes_the_new_fields() {
    let dir = tempfile::tempdir().expect("tempdir");
    common::copy_format1_vault(dir.path());
    let vault = Vault::unlock(dir.path(), FIXTURE_PASS)
        .await
        .expect("unlock migrates");
    let store = vault.store();
    let profile = store.profile().await.expect("profile").expect("saved");
    assert_eq!(profile.name, "Association Fixture Format Un");
    assert_eq!(
        (&profile.country, &profile.designation, &profile.bank),
        (&None, &None, &None)
    );
    let alliances = store.alliances().await.expect("alliances");
    let own = alliances
        .iter()
        .find(|a| a.draft.name == "Alliance du format un")
        .expect("alliance");
    let partners = store.partners(&own.id).await.expect("partners");
    assert_eq!(
        partners[0].draft.organisation.name,
        "Commune de Fixtureville"
    );
    assert_eq!(partners[0].draft.organisation.foreign_registration, None);
    // The migrated vault stores the new fields.
    let created = store
        .create_partner(&own.id, &partner(belgian()))
        .await
        .expect("partner on the migrated vault");
    assert_belgian(
        &store
            .partner(&created.id)
            .await
            .expect("get")
            .draft
            .organisation,
    );
    vault.close().await;

    // A backup was taken before the pending migrations ran (named after the first).
    let paths = VaultPaths::new(dir.path());
    let before: Vec<_> = backup::list(&paths)
        .into_iter()
        .filter(|b| b.reason.starts_with("avant-migration-"))
        .collect();
    assert_eq!(before.len(), 1, "{before:?}");
    let summary = allia_store::inspect_backup_locked(dir.path(), &before[0].path, FIXTURE_PASS)
        .await
        .expect("the backup opens");
    assert_eq!(summary.alliances.len(), 2);
}
