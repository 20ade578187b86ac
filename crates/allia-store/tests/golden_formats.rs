//! The persisted formats pinned by golden files (docs/formats.md). The files in
//! `tests/golden/` were written by Allia itself and are never edited: a new format
//! version adds new files next to them, and these tests keep proving that what was
//! written once still reads the same.

mod common;

use allia_core::{ActorType, AllianceFile, AllianceStatus, PartnerRole, Snapshot};

/// An alliance file as `allia export` and the app's « Exporter » write it (format 1).
const ALLIANCE_FILE_V1: &str = include_str!("golden/alliance-file-v1.json");
/// A frozen version's snapshot as stored in `document_version.snapshot` (version 1,
/// written before snapshots carried a version field).
const FROZEN_SNAPSHOT_V1: &str = include_str!("golden/frozen-snapshot-v1.json");

fn alliance_file_v1() -> AllianceFile {
    AllianceFile::from_json_slice(ALLIANCE_FILE_V1.as_bytes()).expect("golden alliance file")
}

/// What both golden files hold: the demo alliance made richer (every field filled,
/// accents, guillemets with non-breaking spaces, six partners of several kinds).
fn assert_expected_values(file: &AllianceFile) {
    assert_eq!(file.format, 1);
    let profile = file.profile.as_ref().expect("profile");
    assert_eq!(profile.name, "Maison des Solidarités du Val de Brenne");
    assert_eq!(profile.phone.as_deref(), Some("02 47 29 10 00"));
    assert_eq!(profile.city.as_deref(), Some("Château-Renault"));

    assert_eq!(file.alliance.name, "Service partagé du Val de Brenne");
    assert_eq!(file.alliance.status, AllianceStatus::Active);
    assert_eq!(
        file.alliance.start_date,
        chrono::NaiveDate::from_ymd_opt(2025, 12, 1)
    );
    let purpose = file.alliance.purpose.as_deref().expect("purpose");
    assert!(purpose.starts_with("Réduire de 15\u{202f}% les coûts"));
    assert!(purpose.ends_with("Devise\u{a0}: «\u{a0}ensemble, plus loin\u{a0}»\u{a0}!"));
    assert_eq!(
        file.alliance.territory.as_deref(),
        Some("Val de Brenne (Indre-et-Loire)")
    );

    assert_eq!(file.partners.len(), 6);
    let roles: Vec<PartnerRole> = file.partners.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        [
            PartnerRole::Lead,
            PartnerRole::Member,
            PartnerRole::Member,
            PartnerRole::AssociatedPartner,
            PartnerRole::Member,
            PartnerRole::Funder
        ]
    );
    assert_eq!(file.partners[4].actor_type, ActorType::Company);
    let funder = &file.partners[5];
    assert_eq!(funder.actor_type, ActorType::LocalAuthority);
    assert_eq!(
        funder.organisation.name,
        "Communauté de communes du Castelrenaudais"
    );
    assert_eq!(funder.organisation.rna, None);
    assert_eq!(
        funder.organisation.siret.as_deref(),
        Some("24370037400008"),
        "stored normalised"
    );
    assert_eq!(
        funder.organisation.representative_name.as_deref(),
        Some("Élise Fournier-Lévêque")
    );
    assert_eq!(
        funder.resources.as_deref(),
        Some("Une subvention de 12\u{202f}000\u{a0}€ par an et le prêt de la salle «\u{a0}L’Escale\u{a0}».")
    );
    assert_eq!(
        funder.resource_tags,
        ["financement", "salles", "ingénierie publique"]
    );
    for partner in &file.partners {
        let org = &partner.organisation;
        for field in [
            &org.acronym,
            &org.legal_form,
            &org.siret,
            &org.street,
            &org.postal_code,
            &org.city,
            &org.representative_name,
            &org.representative_role,
            &org.email,
            &org.phone,
            &partner.resources,
        ] {
            assert!(field.is_some(), "{} has every field", org.name);
        }
        assert!(!partner.resource_tags.is_empty());
    }
}

#[test]
fn the_v1_alliance_file_reads_with_its_values_and_writes_back_byte_for_byte() {
    let file = alliance_file_v1();
    assert_expected_values(&file);
    assert!(file.validated_for_import().is_ok());
    let written = serde_json::to_string_pretty(&file).expect("json") + "\n";
    assert_eq!(written, ALLIANCE_FILE_V1);
}

#[test]
fn the_v1_frozen_snapshot_reads_with_its_values_and_writes_back_byte_for_byte() {
    let snapshot: AllianceFile =
        serde_json::from_str(FROZEN_SNAPSHOT_V1).expect("golden frozen snapshot");
    assert_expected_values(&snapshot);
    assert_eq!(
        snapshot,
        alliance_file_v1(),
        "frozen from the same alliance"
    );
    assert_eq!(
        serde_json::to_string(&snapshot).expect("json"),
        FROZEN_SNAPSHOT_V1
    );
}

#[test]
fn the_v1_frozen_snapshot_reads_through_the_versioned_snapshot_type() {
    let snapshot: Snapshot = serde_json::from_str(FROZEN_SNAPSHOT_V1).expect("snapshot");
    assert_eq!(snapshot.version(), 1, "no version field: version 1");
    let upgraded = snapshot.upgrade();
    assert_expected_values(&upgraded);
    // The upgrade to version 2 marks the partner that is the association itself (same
    // SIRET and name as the profile), as format 1 → 2 does: nothing else changes.
    let mut expected = alliance_file_v1();
    expected.partners[0].own_association = true;
    assert_eq!(upgraded, expected);
}

#[tokio::test]
async fn the_v1_alliance_file_imports_into_a_vault_and_exports_back_equal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let file = alliance_file_v1();
    // The file's profile is the sender's: a vault exports its own, here the same one.
    store
        .save_profile(file.profile.as_ref().expect("profile"))
        .await
        .expect("profile");
    let imported = store.import_alliance(&file).await.expect("import");
    assert_eq!(imported.partner_count, 6);
    let exported = store.export_alliance(&imported.id).await.expect("export");
    // Format 1 → 2 marks the partner that is the sender (same SIRET and name as the
    // profile) as the vault's own association: the explicit link of format 2. Nothing
    // else changes, and the alliance's data writes as format 1 always did.
    let mut expected = file.clone();
    expected.partners[0].own_association = true;
    assert_eq!(exported, expected);
    assert_eq!(
        serde_json::to_string_pretty(&exported).expect("json") + "\n",
        ALLIANCE_FILE_V1.replacen(
            "\"resourceTags\": [\n        \"comptabilité\",\n        \"locaux\",\n        \"coordination\"\n      ]",
            "\"resourceTags\": [\n        \"comptabilité\",\n        \"locaux\",\n        \"coordination\"\n      ],\n      \"ownAssociation\": true",
            1
        )
    );
    // Closed before the runtime ends: a pool dropped at exit races SQLCipher's teardown.
    vault.close().await;
}
