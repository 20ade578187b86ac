//! Text is stored composed (NFC) whatever way it comes in, on a real SQLCipher vault:
//! an alliance file pasted together on macOS (`tests/data/cases/rw-06-nfd.json`, every
//! accent decomposed), the profile, a document's settings, an attached PDF's file name
//! and a signature typed decomposed. Everything is read back through the store's API
//! and every string checked (issue 10, item 1).

mod common;

use std::path::PathBuf;

use allia_core::{
    AllianceFile, DocumentKind, DocumentSettings, DocumentStatus, Organisation, SignatureDraft,
    UserAnnex,
};
use allia_store::Store;
use lopdf::{dictionary, Document, Object};
use serde::Serialize;
use serde_json::Value;
use unicode_normalization::{is_nfc, UnicodeNormalization};

const ANNEX: &str = "0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f";

fn case(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cases")
        .join(name);
    std::fs::read(path).expect("case file")
}

fn nfd(s: &str) -> String {
    s.nfd().collect()
}

/// Every string of `value` (as JSON), with its path, for the checks below.
fn strings(value: &impl Serialize) -> Vec<(String, String)> {
    fn walk(value: &Value, at: String, out: &mut Vec<(String, String)>) {
        match value {
            Value::String(s) => out.push((at, s.clone())),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{at}.{i}"), out);
                }
            }
            Value::Object(fields) => {
                for (key, item) in fields {
                    walk(item, format!("{at}.{key}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::to_value(value).expect("json"),
        String::new(),
        &mut out,
    );
    out
}

/// Every string is NFC and holds no control character but a line break or a tab.
fn assert_composed(what: &str, value: &impl Serialize) -> Vec<String> {
    let all = strings(value);
    assert!(!all.is_empty(), "{what}: nothing read back");
    for (at, s) in &all {
        assert!(is_nfc(s), "{what}{at}: {s:?} is not NFC");
        assert!(
            !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{what}{at}: {s:?} holds a control character"
        );
    }
    all.into_iter().map(|(_, s)| s).collect()
}

/// A one-page PDF, enough for an annex.
fn pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

/// Everything the store gives back about one alliance, as one JSON value.
async fn read_back(store: &Store, alliance_id: &str) -> Value {
    serde_json::json!({
        "alliance": serde_json::to_value(store.alliance(alliance_id).await.expect("alliance")).expect("json"),
        "partners": serde_json::to_value(store.partners(alliance_id).await.expect("partners")).expect("json"),
        "commitments": serde_json::to_value(store.commitments(alliance_id).await.expect("commitments")).expect("json"),
        "documents": serde_json::to_value(store.documents(alliance_id).await.expect("documents")).expect("json"),
        "export": serde_json::to_value(store.export_alliance(alliance_id).await.expect("export")).expect("json"),
    })
}

#[tokio::test]
async fn an_alliance_file_written_decomposed_is_stored_composed() {
    let bytes = case("rw-06-nfd.json");
    let text = std::str::from_utf8(&bytes).expect("utf-8");
    // The sample is what macOS pastes: decomposed accents.
    assert!(!is_nfc(text));
    assert!(text.contains(&nfd("Hélène Bérénger-Lefèvre")));

    let dir = tempfile::tempdir().expect("tempdir");
    let vault = common::vault(dir.path()).await;
    let store = vault.store();
    let file = AllianceFile::from_json_slice(&bytes).expect("file");
    let alliance = store.import_alliance(&file).await.expect("import");

    let texts = assert_composed("import", &read_back(store, &alliance.id).await);
    for expected in [
        "Été solidaire à Sète",
        "Hélène Bérénger-Lefèvre",
        "Élan mutualisé des Hauts-de-Sèvres",
        "Château-Renault",
    ] {
        assert!(
            texts.iter().any(|s| s.contains(expected)),
            "« {expected} » not found composed"
        );
    }
    // Tags keep their accents, composed.
    let partners = store.partners(&alliance.id).await.expect("partners");
    assert!(partners
        .iter()
        .any(|p| p.draft.resource_tags.iter().any(|t| t == "événementiel")));
    vault.close().await;
}

#[tokio::test]
async fn profile_document_settings_file_names_and_signatures_are_stored_composed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();

    let profile = store
        .save_profile(&Organisation {
            name: nfd("Les Amis de l’Écluse de Sèvres"),
            city: Some(nfd("Château-Renault")),
            representative_name: Some(nfd("Hélène Müller")),
            ..Default::default()
        })
        .await
        .expect("profile");
    assert_eq!(profile.name, "Les Amis de l’Écluse de Sèvres");
    let read = store.profile().await.expect("read").expect("profile");
    assert_composed("profile", &read);
    assert_eq!(read.representative_name.as_deref(), Some("Hélène Müller"));

    let doc = store
        .create_document(
            &alliance.id,
            DocumentKind::PartnershipCharter,
            &DocumentSettings {
                title: nfd("Charte de Sèvres"),
                place: Some(nfd("Sèvres")),
                annexes: vec![UserAnnex {
                    id: ANNEX.into(),
                    title: nfd("Relevé d’identité bancaire"),
                    file_name: None,
                }],
                ..Default::default()
            },
        )
        .await
        .expect("document");
    assert_eq!(doc.current.settings.title, "Charte de Sèvres");
    // macOS gives file names decomposed.
    let doc = store
        .attach_annex_file(&doc.id, ANNEX, &nfd("/Users/hélène/relevé.pdf"), pdf())
        .await
        .expect("attach");
    assert_eq!(
        doc.current.settings.annexes[0].file_name.as_deref(),
        Some("relevé.pdf")
    );
    let files = store.annex_files(&doc.id).await.expect("files");
    let names: Vec<&str> = files.iter().map(|f| f.file_name.as_str()).collect();
    assert_eq!(names, ["relevé.pdf"]);

    store
        .set_document_status(&doc.id, DocumentStatus::ReadyToSign)
        .await
        .expect("ready");
    let doc = store
        .record_signature_draft(
            &doc.id,
            &SignatureDraft {
                party: nfd("Maison des Solidarités du Val de Brenne"),
                signatory: nfd("Hélène Müller"),
                signed_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
            },
        )
        .await
        .expect("signature");
    assert_eq!(doc.current.signatures[0].signatory, "Hélène Müller");

    let all = read_back(store, &alliance.id).await;
    let texts = assert_composed("documents", &all);
    for expected in [
        "Charte de Sèvres",
        "Relevé d’identité bancaire",
        "Hélène Müller",
    ] {
        assert!(
            texts.iter().any(|s| s == expected),
            "« {expected} » not found"
        );
    }
    vault.close().await;
}

/// Every string of a JSON value decomposed (NFD): ids, dates and closed-list values are
/// ASCII and stay as they are.
fn decomposed(value: Value) -> Value {
    match value {
        Value::String(s) => Value::String(nfd(&s)),
        Value::Array(items) => Value::Array(items.into_iter().map(decomposed).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, item)| (key, decomposed(item)))
                .collect(),
        ),
        other => other,
    }
}

#[tokio::test]
async fn a_format_2_file_with_documents_written_decomposed_is_stored_composed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let doc = store
        .create_document(
            &alliance.id,
            DocumentKind::PartnershipCharter,
            &DocumentSettings {
                title: "Charte de Sèvres".into(),
                place: Some("Sèvres".into()),
                annexes: vec![UserAnnex {
                    id: ANNEX.into(),
                    title: "Relevé d’identité bancaire".into(),
                    file_name: None,
                }],
                ..Default::default()
            },
        )
        .await
        .expect("document");
    store
        .set_document_status(&doc.id, DocumentStatus::ReadyToSign)
        .await
        .expect("ready");
    store
        .record_signature_draft(
            &doc.id,
            &SignatureDraft {
                party: "Maison des Solidarités du Val de Brenne".into(),
                signatory: "Hélène Müller".into(),
                signed_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
            },
        )
        .await
        .expect("signature");

    // The file as a partner's Mac would write it back: every accent decomposed.
    let file = store
        .export_alliance_file(&alliance.id)
        .await
        .expect("export");
    let json = decomposed(serde_json::to_value(&file).expect("json"));
    let bytes = serde_json::to_vec_pretty(&json).expect("bytes");
    assert!(!is_nfc(std::str::from_utf8(&bytes).expect("utf-8")));
    let read = allia_core::read_alliance_file(&bytes).expect("read");
    assert!(read.unknown_fields.is_empty(), "{:?}", read.unknown_fields);

    let other = tempfile::tempdir().expect("tempdir");
    let receiver = common::vault(other.path()).await;
    let imported = receiver
        .store()
        .import_alliance(&read)
        .await
        .expect("import");
    let texts = assert_composed("format 2", &read_back(receiver.store(), &imported.id).await);
    for expected in [
        "Charte de Sèvres",
        "Relevé d’identité bancaire",
        "Hélène Müller",
        "Maison des Solidarités du Val de Brenne",
        "Château-Renault",
    ] {
        assert!(
            texts.iter().any(|s| s == expected),
            "« {expected} » not found"
        );
    }
    receiver.close().await;
    vault.close().await;
}
