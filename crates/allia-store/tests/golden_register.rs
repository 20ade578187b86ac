//! The golden alliance file with an actor register (`golden/alliance-file-v2-register.json`),
//! written once by Allia itself (the ignored test below: the demo alliance of a new vault,
//! exported) and never edited: every actor with its status and map fields, the links, the
//! exchange log, the criteria and the scores must keep reading with the same values,
//! write back byte for byte, and import into another vault with every id, to export back
//! equal.

mod common;

use allia_core::{
    read_alliance_file, ActorPipelineStatus, AllianceFileV2, FileContent, InteractionKind,
    MapCategory,
};

const GOLDEN: &str = "tests/golden/alliance-file-v2-register.json";

fn golden_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN)
}

fn golden() -> (String, AllianceFileV2) {
    let text = std::fs::read_to_string(golden_path()).expect("golden register");
    let read = read_alliance_file(text.as_bytes()).expect("reads");
    assert!(read.unknown_fields.is_empty(), "{:?}", read.unknown_fields);
    match read.content {
        FileContent::V2(file) => (text, *file),
        FileContent::V1(_) => panic!("format 2 expected"),
    }
}

#[test]
fn the_register_file_reads_with_its_values_and_writes_back_byte_for_byte() {
    let (text, file) = golden();
    assert_eq!(file.partners.len(), 17);
    let status = |name: &str| {
        file.partners
            .iter()
            .find(|p| p.organisation.name == name)
            .map(|p| (p.pipeline.status, p.pipeline.dismissal_reason.is_some()))
    };
    assert_eq!(
        status("Brenne Expertise Comptable"),
        Some((ActorPipelineStatus::Dismissed, true))
    );
    assert_eq!(
        status("Les Jardins partagés de Brenne"),
        Some((ActorPipelineStatus::Engaged, false))
    );
    let media = file
        .partners
        .iter()
        .filter(|p| p.assessment.as_ref().map(|a| a.category) == Some(MapCategory::Media))
        .count();
    assert_eq!(media, 1);
    assert_eq!(file.interactions.len(), 15);
    assert!(file
        .interactions
        .iter()
        .any(|i| i.kind == InteractionKind::CompetesWith));
    assert_eq!(file.exchanges.len(), 10);
    assert_eq!(file.criteria.len(), 5);
    assert_eq!(file.criteria[0].name, "Compatibilité stratégique");
    assert_eq!(file.scores.len(), 55);
    assert_eq!(file.to_json_string().expect("json"), text);
    assert!(file.validated_for_import().is_ok());
}

#[tokio::test]
async fn the_register_file_imports_with_every_id_and_exports_back_equal() {
    let (_, file) = golden();
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
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

/// Writes the golden file once (`cargo test -p allia-store --test golden_register --
/// --ignored`); refuses to overwrite it.
#[tokio::test]
#[ignore]
async fn write_the_golden_register_file() {
    let path = golden_path();
    assert!(!path.exists(), "golden files are never rewritten");
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let file = vault
        .store()
        .export_alliance_file(&demo.id)
        .await
        .expect("export");
    std::fs::write(&path, file.to_json_string().expect("json")).expect("write");
    vault.close().await;
}
