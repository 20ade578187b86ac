//! The alliance-file import, fuzzed on a real vault: malformed, truncated, huge and
//! deeply nested JSON, duplicate keys and partners, wrong formats, arbitrary mutations
//! of a valid file. A refused import leaves the vault exactly as it was (the alliance
//! list, every alliance's export, partners, documents, profile and settings compare
//! equal as JSON); an accepted one stores what validation returned and round-trips.
//!
//! The file carries no identifiers (the importing vault gives new ones), so it holds no
//! reference that could dangle; a key given twice in one object is refused by the
//! parser. `PROPTEST_CASES` raises the number of generated cases (default 96).

use allia_core::{AllianceFile, ALLIANCE_FILE_MAX_BYTES, ALLIANCE_FILE_MAX_PARTNERS};
use allia_store::{Store, StoreError, Vault};

mod common;
use allia_test_support::{self as hostile, mutate, Mutation};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Value};

/// Everything the vault holds, as comparable JSON text.
async fn content(store: &Store) -> String {
    let alliances = store.alliances().await.expect("alliances");
    let mut parts = vec![
        serde_json::to_string(&alliances).expect("json"),
        serde_json::to_string(&store.profile().await.expect("profile")).expect("json"),
        serde_json::to_string(&store.settings().await.expect("settings")).expect("json"),
    ];
    for a in &alliances {
        let export = store.export_alliance(&a.id).await.expect("export");
        parts.push(serde_json::to_string(&export).expect("json"));
        let partners = store.partners(&a.id).await.expect("partners");
        parts.push(serde_json::to_string(&partners).expect("json"));
        let documents = store.documents(&a.id).await.expect("documents");
        parts.push(serde_json::to_string(&documents).expect("json"));
    }
    parts.join("\n")
}

/// A vault with a profile, the demo alliance (with a frozen document) and an
/// imported alliance.
async fn populated(dir: &std::path::Path) -> Vault {
    let vault = common::vault(dir).await;
    let store = vault.store();
    store
        .save_profile(&allia_core::Organisation {
            name: "Les Amis du Quartier".into(),
            city: Some("Lyon".into()),
            ..Default::default()
        })
        .await
        .expect("profile");
    let demo = store.load_demo().await.expect("demo");
    let doc = store
        .create_document(
            &demo.id,
            allia_core::DocumentKind::PartnershipAgreement,
            &allia_core::DocumentSettings {
                title: "Convention".into(),
                ..Default::default()
            },
        )
        .await
        .expect("document");
    store
        .set_document_status(&doc.id, allia_core::DocumentStatus::InReview)
        .await
        .expect("freeze");
    let file = AllianceFile::from_json_slice(&valid_file_bytes()).expect("valid");
    store.import_alliance(&file).await.expect("import");
    vault
}

fn valid_file() -> Value {
    json!({
        "format": 1,
        "profile": { "name": "Centre social des Pentes", "acronym": null, "legalForm": null,
                     "rna": null, "siret": null, "street": null, "postalCode": "69001",
                     "city": "Lyon", "representativeName": null, "representativeRole": null,
                     "email": null, "phone": null },
        "alliance": { "name": "Épicerie solidaire", "purpose": "Ouvrir une épicerie.",
                      "territory": "Lyon 1er", "startDate": "2026-09-01", "status": "active" },
        "partners": [
            { "organisation": { "name": "Banque alimentaire", "acronym": "BA", "legalForm": null,
                                "rna": "W691234567", "siret": null, "street": null,
                                "postalCode": null, "city": "Lyon", "representativeName": null,
                                "representativeRole": null, "email": "contact@ba.fr",
                                "phone": null },
              "actorType": "association", "role": "lead", "resources": "Denrées",
              "resourceTags": ["logistique", "denrées"] },
            { "organisation": { "name": "Mairie du 1er", "acronym": null, "legalForm": "Commune",
                                "rna": null, "siret": null, "street": null, "postalCode": null,
                                "city": null, "representativeName": null,
                                "representativeRole": null, "email": null, "phone": null },
              "actorType": "local_authority", "role": "funder", "resources": null,
              "resourceTags": [] }
        ]
    })
}

fn valid_file_bytes() -> Vec<u8> {
    serde_json::to_vec_pretty(&valid_file()).expect("json")
}

/// What one import attempt did.
#[derive(Debug)]
enum Attempt {
    /// Refused by the parser, with its French sentence.
    Unreadable(String),
    /// Refused by the store (validation), vault unchanged.
    Refused(String),
    Imported,
}

/// Parses and imports `bytes` the way the app and the command line do, and checks the
/// whole-or-nothing rule either way.
async fn attempt(store: &Store, bytes: &[u8]) -> Result<Attempt, TestCaseError> {
    let before = content(store).await;
    let file = match AllianceFile::from_json_slice(bytes) {
        Ok(file) => file,
        Err(e) => {
            let message = e.to_string();
            prop_assert!(message.starts_with("Ce fichier "), "{message}");
            prop_assert_eq!(&content(store).await, &before);
            return Ok(Attempt::Unreadable(message));
        }
    };
    // The sender becomes a partner when it is not this vault's association.
    let own = store.profile().await.expect("profile");
    let expected = file
        .validated_for_import()
        .and_then(|imported| imported.for_vault(own.as_ref()));
    match store.import_alliance(&file).await {
        Err(StoreError::Validation(errors)) => {
            prop_assert!(expected.is_err(), "store refused what validation accepts");
            prop_assert!(!errors.is_empty());
            prop_assert!(errors
                .0
                .iter()
                .all(|e| !e.message.is_empty() && !e.field.is_empty()));
            prop_assert_eq!(
                &content(store).await,
                &before,
                "a refused import changed the vault"
            );
            Ok(Attempt::Refused(errors.user_message()))
        }
        Err(other) => Err(TestCaseError::fail(format!(
            "import failed with a non-validation error: {other:?}"
        ))),
        Ok(alliance) => {
            // What the templates read of the stored alliance: the planned file's data.
            let Ok(allia_core::AllianceFile {
                alliance: draft,
                partners,
                commitments,
                ..
            }) = expected.map(|planned| planned.render_input())
            else {
                return Err(TestCaseError::fail(
                    "store accepted what validation refuses",
                ));
            };
            let exported = store
                .export_alliance(&alliance.id)
                .await
                .map_err(|e| TestCaseError::fail(format!("export: {e:?}")))?;
            prop_assert_eq!(&exported.alliance, &draft);
            prop_assert_eq!(&exported.partners, &partners);
            prop_assert_eq!(
                &exported.profile,
                &store.profile().await.expect("profile"),
                "the vault keeps its own profile"
            );
            // Round trip: the export reads back as itself and imports the same data.
            let bytes = serde_json::to_vec_pretty(&exported).expect("json");
            let again = AllianceFile::from_json_slice(&bytes)
                .map_err(|e| TestCaseError::fail(format!("export unreadable: {e}")))?;
            prop_assert_eq!(&again, &exported);
            // The vault gives the commitments new ids: compare who commits what.
            let parties = |c: &[allia_core::FileCommitments]| {
                c.iter()
                    .map(|c| (c.party, c.draft.clone()))
                    .collect::<Vec<_>>()
            };
            let Ok(again) = again.validated_for_import() else {
                return Err(TestCaseError::fail("the export does not import"));
            };
            let again = again.render_input();
            prop_assert_eq!(&again.alliance, &draft);
            prop_assert_eq!(&again.partners, &partners);
            prop_assert_eq!(parties(&again.commitments), parties(&commitments));
            // Nothing else changed: without the new alliance the vault is as before.
            store
                .delete_alliance(&alliance.id)
                .await
                .map_err(|e| TestCaseError::fail(format!("delete: {e:?}")))?;
            prop_assert_eq!(&content(store).await, &before);
            Ok(Attempt::Imported)
        }
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

#[test]
fn hand_made_bad_files_change_nothing() {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = rt.block_on(populated(dir.path()));
    let store = vault.store().clone();
    let run = |bytes: Vec<u8>| match rt.block_on(attempt(&store, &bytes)) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    };
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v = valid_file();
        edit(&mut v);
        serde_json::to_vec(&v).expect("json")
    };

    // Not JSON, or not the shape: the parser refuses.
    for bytes in [
        b"".to_vec(),
        b"{".to_vec(),
        b"[]".to_vec(),
        b"null".to_vec(),
        b"\"alliance\"".to_vec(),
        b"{\"format\": 1}".to_vec(),
        b"\xff\xfe\x00{".to_vec(),
        with(&|v| v["format"] = json!("1")),
        with(&|v| v["format"] = json!(-1)),
        with(&|v| v["format"] = json!(1.5)),
        with(&|v| v["format"] = json!(4_294_967_296u64)),
        with(&|v| v["alliance"]["status"] = json!("dormant")),
        with(&|v| v["alliance"]["startDate"] = json!("2026-02-30")),
        with(&|v| v["partners"] = json!({})),
        with(&|v| v["partners"][0]["role"] = json!(null)),
    ] {
        let a = run(bytes.clone());
        assert!(
            matches!(a, Attempt::Unreadable(_)),
            "{:?}: {a:?}",
            String::from_utf8_lossy(&bytes)
        );
    }

    // Every truncation of a valid file is refused, and changes nothing.
    let valid = valid_file_bytes();
    for end in (0..valid.len()).step_by(7) {
        let a = run(valid[..end].to_vec());
        assert!(matches!(a, Attempt::Unreadable(_)), "prefix of {end} bytes");
    }

    // A key given twice.
    let twice = String::from_utf8(valid.clone()).expect("utf-8").replacen(
        "\"format\": 1,",
        "\"format\": 1, \"format\": 1,",
        1,
    );
    match run(twice.into_bytes()) {
        Attempt::Unreadable(m) => assert!(m.contains("en double"), "{m}"),
        other => panic!("{other:?}"),
    }

    // Parsed but invalid: the store refuses, whole.
    for (bytes, field_hint) in [
        (with(&|v| v["format"] = json!(2)), "format 2"),
        (
            with(&|v| v["alliance"]["name"] = json!("  ")),
            "nom de l’alliance",
        ),
        (
            with(&|v| v["alliance"]["name"] = json!("x".repeat(100_000))),
            "trop long",
        ),
        (
            // The last partner is wrong: the ones before it must not be written.
            with(&|v| v["partners"][1]["organisation"]["siret"] = json!("12345678901234")),
            "SIRET",
        ),
        (
            with(&|v| v["partners"][0]["organisation"]["name"] = json!("Banque\u{0}alimentaire")),
            "U+0000",
        ),
    ] {
        match run(bytes) {
            Attempt::Refused(m) => assert!(
                m.contains(field_hint) || m.starts_with("Certaines informations"),
                "{m}"
            ),
            other => panic!("{field_hint}: {other:?}"),
        }
    }

    // Too many partners: refused before any is looked at; the cap itself is accepted.
    let partner = valid_file()["partners"][0].clone();
    let many =
        with(&|v| v["partners"] = json!(vec![partner.clone(); ALLIANCE_FILE_MAX_PARTNERS + 1]));
    match run(many) {
        Attempt::Refused(m) => assert!(m.starts_with("Trop de partenaires"), "{m}"),
        other => panic!("{other:?}"),
    }
    let at_cap =
        with(&|v| v["partners"] = json!(vec![partner.clone(); ALLIANCE_FILE_MAX_PARTNERS]));
    // The sender (another association than this vault's) becomes one more partner.
    match run(at_cap) {
        Attempt::Refused(m) => assert!(m.contains("envoyé le fichier comprise"), "{m}"),
        other => panic!("{other:?}"),
    }
    let at_cap_with_sender =
        with(&|v| v["partners"] = json!(vec![partner.clone(); ALLIANCE_FILE_MAX_PARTNERS - 1]));
    assert!(matches!(run(at_cap_with_sender), Attempt::Imported));

    // Duplicate partners are what the sender has: kept, and they round-trip.
    let twins = with(&|v| v["partners"] = json!([partner.clone(), partner.clone()]));
    assert!(matches!(run(twins), Attempt::Imported));

    // The sender's profile is checked like a partner: an invalid one is refused.
    let bad_profile = with(&|v| v["profile"]["email"] = json!("pas une adresse"));
    assert!(matches!(run(bad_profile), Attempt::Refused(_)));

    // A byte-order mark, unknown keys, deep nesting under an unknown key: accepted.
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), &valid].concat();
    assert!(matches!(run(with_bom), Attempt::Imported));
    let depth = 200_000;
    let deep_extra = String::from_utf8(valid.clone()).expect("utf-8").replacen(
        '{',
        &format!("{{ \"extra\": {}{},", "[".repeat(depth), "]".repeat(depth)),
        1,
    );
    assert!(matches!(run(deep_extra.into_bytes()), Attempt::Imported));
    // Deep nesting where the file's own data is expected is refused.
    let deep_partners = with(&|v| {
        let mut nested = json!([]);
        for _ in 0..100 {
            nested = json!([nested]);
        }
        v["partners"] = nested;
    });
    assert!(matches!(run(deep_partners), Attempt::Unreadable(_)));

    // Huge: one byte over the cap is refused unparsed; a valid file padded up to the
    // cap is read.
    let mut huge = valid.clone();
    huge.resize(ALLIANCE_FILE_MAX_BYTES + 1, b' ');
    match run(huge) {
        Attempt::Unreadable(m) => assert!(m.contains("trop volumineux"), "{m}"),
        other => panic!("{other:?}"),
    }
    let mut padded = valid.clone();
    padded.resize(ALLIANCE_FILE_MAX_BYTES, b' ');
    assert!(matches!(run(padded), Attempt::Imported));

    rt.block_on(vault.close());
}

// ---------------------------------------------------------------------------------
// Generated inputs.

/// Field names of the alliance file, so generated objects often hit real fields.
const KEYS: &[&str] = &[
    "format",
    "profile",
    "alliance",
    "partners",
    "name",
    "purpose",
    "territory",
    "startDate",
    "status",
    "organisation",
    "actorType",
    "role",
    "resources",
    "resourceTags",
    "acronym",
    "legalForm",
    "rna",
    "siret",
    "street",
    "postalCode",
    "city",
    "representativeName",
    "representativeRole",
    "email",
    "phone",
];

/// Enum texts and dates of a valid file, among the generated texts.
const TOKENS: &[&str] = &["active", "lead", "association", "2026-01-31", "1"];

fn arb_json() -> BoxedStrategy<Value> {
    hostile::arb_json(KEYS, TOKENS)
}

fn arb_mutation() -> impl Strategy<Value = (usize, Mutation)> {
    hostile::arb_mutation(KEYS, TOKENS)
}

/// A change to the bytes once serialised.
#[derive(Debug, Clone)]
enum ByteDamage {
    None,
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
}

fn arb_damage() -> impl Strategy<Value = ByteDamage> {
    prop_oneof![
        12 => Just(ByteDamage::None),
        1 => any::<usize>().prop_map(ByteDamage::Truncate),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| ByteDamage::Flip(i, b)),
        1 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| ByteDamage::Insert(i, b)),
    ]
}

fn damage(mut bytes: Vec<u8>, d: &ByteDamage) -> Vec<u8> {
    let len = bytes.len().max(1);
    match d {
        ByteDamage::None => {}
        ByteDamage::Truncate(i) => bytes.truncate(i % len),
        ByteDamage::Flip(i, b) => {
            if let Some(byte) = bytes.get_mut(i % len) {
                *byte ^= b | 1;
            }
        }
        ByteDamage::Insert(i, extra) => {
            let at = i % len;
            bytes.splice(at..at, extra.iter().copied());
        }
    }
    bytes
}

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn generated_files_import_whole_or_change_nothing() {
    let rt = runtime();
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = rt.block_on(populated(dir.path()));
    let store = vault.store().clone();

    let strategy = (
        prop_oneof![
            6 => prop::collection::vec(arb_mutation(), 1..4)
                .prop_map(|m| mutate(valid_file(), &m)),
            1 => arb_json(),
        ],
        arb_damage(),
    )
        .prop_map(|(v, d)| damage(serde_json::to_vec(&v).unwrap_or_default(), &d));

    let mut runner = TestRunner::new(Config {
        cases: cases(96),
        max_shrink_iters: 200,
        ..Config::default()
    });
    // How many attempts ended each way: unreadable, refused, imported.
    let seen = std::cell::Cell::new([0u32; 3]);
    let outcome = runner.run(&strategy, |bytes| {
        let a = rt.block_on(attempt(&store, &bytes))?;
        let mut counts = seen.get();
        counts[match a {
            Attempt::Unreadable(_) => 0,
            Attempt::Refused(_) => 1,
            Attempt::Imported => 2,
        }] += 1;
        seen.set(counts);
        Ok(())
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
    let [unreadable, refused, imported] = seen.get();
    eprintln!("unreadable {unreadable}, refused {refused}, imported {imported}");
    // The generator reaches past the parser, not only into it.
    assert!(unreadable > 0 && refused + imported > 0);
    rt.block_on(vault.close());
}
