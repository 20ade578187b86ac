//! The golden alliance file of format 2 (`golden/alliance-file-v2.json`), written once by
//! Allia itself (the ignored test below, from the golden format-1 file imported into a
//! vault, with commitments and a convention signed then changed) and never edited: it
//! must keep reading with the same values, write back byte for byte, and import into
//! another vault of the same association with every id, to export back equal.

mod common;

use allia_core::{
    read_alliance_file, AllianceFile, AllianceFileV2, ClauseChange, CommitmentsDraft, DocumentKind,
    DocumentStatus, FileContent, FileParty, InKindContribution, PartySignature,
};
use chrono::NaiveDate;

const GOLDEN: &str = "tests/golden/alliance-file-v2.json";

fn golden_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN)
}

fn golden() -> (String, AllianceFileV2) {
    let text = std::fs::read_to_string(golden_path()).expect("golden v2");
    let read = read_alliance_file(text.as_bytes()).expect("reads");
    assert!(read.unknown_fields.is_empty(), "{:?}", read.unknown_fields);
    match read.content {
        FileContent::V2(file) => (text, *file),
        FileContent::V1(_) => panic!("format 2 expected"),
    }
}

#[test]
fn the_v2_alliance_file_reads_with_its_values_and_writes_back_byte_for_byte() {
    let (text, file) = golden();
    assert_eq!(file.format, 2);
    assert_eq!(
        file.profile.as_ref().map(|p| p.name.as_str()),
        Some("Maison des Solidarités du Val de Brenne")
    );
    assert_eq!(file.alliance.name, "Service partagé du Val de Brenne");
    assert_eq!(file.partners.len(), 6);
    assert!(file.partners[0].own_association, "the sender, marked");
    assert!(file.partners[1..].iter().all(|p| !p.own_association));
    assert_eq!(file.commitments.len(), 2);
    assert_eq!(file.commitments[0].party, FileParty::Association);
    assert_eq!(
        file.commitments[1].party,
        FileParty::PartnerId(file.partners[1].id.clone())
    );
    let versions = &file.documents[0].versions;
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].status, DocumentStatus::Signed);
    assert!(versions[0].snapshot.is_some());
    assert_eq!(versions[0].signatures[0].signatory, "Claire Moreau");
    assert_eq!(versions[1].status, DocumentStatus::Draft);
    assert_eq!(versions[1].settings.overrides.len(), 2);
    assert_eq!(file.to_json_string().expect("json"), text);
    assert!(file.validated_for_import().is_ok());
}

#[tokio::test]
async fn the_v2_alliance_file_imports_with_its_ids_and_exports_back_equal() {
    let (_, file) = golden();
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    store
        .save_profile(file.profile.as_ref().expect("profile"))
        .await
        .expect("profile");
    let imported = store.import_alliance(&file).await.expect("import");
    assert_eq!(imported.id, file.alliance.id);
    let exported = store
        .export_alliance_file(&imported.id)
        .await
        .expect("export");
    assert_eq!(
        AllianceFileV2 {
            created_at: file.created_at,
            ..exported
        },
        file
    );
    vault.close().await;
}

/// Writes the golden file once (`cargo test -p allia-store --test golden_format2 --
/// --ignored`); refuses to overwrite it.
#[tokio::test]
#[ignore]
async fn write_the_golden_v2_file() {
    let path = golden_path();
    assert!(!path.exists(), "golden files are never rewritten");
    let v1 = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/alliance-file-v1.json"),
    )
    .expect("v1");
    let v1 = AllianceFile::from_json_slice(v1.as_bytes()).expect("v1 parses");
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    store
        .save_profile(v1.profile.as_ref().expect("profile"))
        .await
        .expect("profile");
    let alliance = store.import_alliance(&v1).await.expect("import");
    let partners = store.partners(&alliance.id).await.expect("partners");
    let room = CommitmentsDraft {
        in_kind: vec![InKindContribution {
            description: "Salle «\u{a0}L’Escale\u{a0}», deux soirs par mois".into(),
            value_cents: 120_000,
        }],
        ..Default::default()
    };
    store
        .set_commitments(&alliance.id, None, &room)
        .await
        .expect("association");
    store
        .set_commitments(&alliance.id, Some(&partners[1].id), &room)
        .await
        .expect("partner");
    let doc = store
        .create_document(
            &alliance.id,
            DocumentKind::PartnershipAgreement,
            &common::settings("Convention de partenariat du Val de Brenne"),
        )
        .await
        .expect("document");
    store
        .change_document_clause(&doc.id, "resiliation", ClauseChange::Include(false))
        .await
        .expect("clause");
    for status in [DocumentStatus::InReview, DocumentStatus::ReadyToSign] {
        store
            .set_document_status(&doc.id, status)
            .await
            .expect("status");
    }
    store
        .record_signature(
            &doc.id,
            &PartySignature {
                party: "Maison des Solidarités du Val de Brenne".into(),
                signatory: "Claire Moreau".into(),
                signed_on: NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
            },
        )
        .await
        .expect("signature");
    store
        .set_document_status(&doc.id, DocumentStatus::Signed)
        .await
        .expect("signed");
    store
        .change_document_clause(
            &doc.id,
            "objet",
            ClauseChange::SetText(
                "Mutualiser la comptabilité, la paie et la communication.".into(),
            ),
        )
        .await
        .expect("version 2");
    let file = store
        .export_alliance_file(&alliance.id)
        .await
        .expect("export");
    std::fs::write(&path, file.to_json_string().expect("json")).expect("write");
    vault.close().await;
}
