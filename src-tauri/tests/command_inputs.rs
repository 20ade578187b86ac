//! Arbitrary input at the IPC boundary, on a real vault.
//!
//! For every command registered in `allia_app::specta_builder()` (the table `COMMANDS`
//! below; a test checks it lists exactly those, with the same argument names and
//! types), generated arguments go the way the command takes them: serde
//! deserialisation of each named argument from JSON (what Tauri does), then the
//! validation and the store call the command makes, on a real SQLCipher vault. Inputs
//! are valid values, mutations of them, arbitrary JSON and missing arguments.
//! Whatever comes in: no panic, and every refusal is structured — a deserialisation
//! error, or an `AppError` with an expected code and a non-empty French message.
//!
//! A second part puts arbitrary Unicode (controls, NUL, lone combining marks,
//! right-to-left text, emoji, 100 000-character strings) into each text field of each
//! input type: validation gives the value or field errors; what validation returns is
//! stored and read back unchanged; never a panic, never a storage error.
//!
//! The dialog, clipboard and viewer steps of a few commands cannot run here; their
//! arguments and everything else they do are covered. `PROPTEST_CASES` sets the cases
//! per command (defaults are small so `cargo test` stays fast).

use std::cell::RefCell;
use std::collections::BTreeSet;

use allia_app::AppError;
use allia_core::{
    AllianceDraft, DocumentKind, DocumentSettings, DocumentStatus, Organisation, PartnerDraft,
    PartySignature, Settings,
};
use allia_store::{KdfParams, Store, StoreError, Vault, VaultPaths};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------------
// The commands and their arguments.

/// What an argument is, as the command declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arg {
    /// A free string (passphrase, confirmation, recovery key, file name).
    Text,
    /// An optional string (`null` or absent is `None`).
    OptionalText,
    AllianceId,
    PartnerId,
    DocumentId,
    Bool,
    Organisation,
    AllianceDraft,
    PartnerDraft,
    DocumentKind,
    DocumentSettings,
    DocumentStatus,
    PartySignature,
    Settings,
    ExportFormat,
}

impl Arg {
    /// The TypeScript type tauri-specta writes for it.
    fn ts(self) -> &'static str {
        match self {
            Arg::Text | Arg::AllianceId | Arg::PartnerId | Arg::DocumentId => "string",
            Arg::OptionalText => "string | null",
            Arg::Bool => "boolean",
            Arg::Organisation => "Organisation",
            Arg::AllianceDraft => "AllianceDraft",
            Arg::PartnerDraft => "PartnerDraft",
            Arg::DocumentKind => "DocumentKind",
            Arg::DocumentSettings => "DocumentSettings",
            Arg::DocumentStatus => "DocumentStatus",
            Arg::PartySignature => "PartySignature",
            Arg::Settings => "Settings",
            Arg::ExportFormat => "ExportFormat",
        }
    }
}

/// Every IPC command: its name and its arguments (names as they cross IPC, camelCase).
/// A command added to `specta_builder()` must be added here (and to `dispatch`).
const COMMANDS: &[(&str, &[(&str, Arg)])] = &[
    ("vault_status", &[]),
    (
        "vault_create",
        &[("passphrase", Arg::Text), ("confirmation", Arg::Text)],
    ),
    ("save_recovery_kit", &[("recoveryKey", Arg::Text)]),
    ("copy_recovery_key", &[("recoveryKey", Arg::Text)]),
    ("vault_unlock", &[("passphrase", Arg::Text)]),
    (
        "vault_recover",
        &[
            ("recoveryKey", Arg::Text),
            ("newPassphrase", Arg::Text),
            ("confirmation", Arg::Text),
        ],
    ),
    ("vault_lock", &[]),
    ("vault_touch", &[]),
    (
        "vault_change_passphrase",
        &[
            ("current", Arg::Text),
            ("newPassphrase", Arg::Text),
            ("confirmation", Arg::Text),
        ],
    ),
    ("vault_new_recovery_key", &[("passphrase", Arg::Text)]),
    ("backup_list", &[]),
    ("backup_save_as", &[]),
    ("backup_choose_file", &[]),
    ("backup_choose_automatic", &[("fileName", Arg::Text)]),
    ("backup_preview", &[("secret", Arg::OptionalText)]),
    ("backup_restore", &[("secret", Arg::OptionalText)]),
    ("profile_get", &[]),
    ("profile_save", &[("profile", Arg::Organisation)]),
    ("catalog", &[]),
    ("alliance_list", &[]),
    ("alliance_create", &[("draft", Arg::AllianceDraft)]),
    (
        "alliance_update",
        &[("id", Arg::AllianceId), ("draft", Arg::AllianceDraft)],
    ),
    (
        "alliance_set_archived",
        &[("id", Arg::AllianceId), ("archived", Arg::Bool)],
    ),
    ("alliance_delete", &[("id", Arg::AllianceId)]),
    ("demo_load", &[]),
    ("alliance_export", &[("id", Arg::AllianceId)]),
    ("alliance_import", &[]),
    ("partner_list", &[("allianceId", Arg::AllianceId)]),
    (
        "partner_create",
        &[
            ("allianceId", Arg::AllianceId),
            ("draft", Arg::PartnerDraft),
        ],
    ),
    (
        "partner_update",
        &[("id", Arg::PartnerId), ("draft", Arg::PartnerDraft)],
    ),
    ("partner_delete", &[("id", Arg::PartnerId)]),
    ("document_list", &[("allianceId", Arg::AllianceId)]),
    (
        "document_create",
        &[
            ("allianceId", Arg::AllianceId),
            ("kind", Arg::DocumentKind),
            ("settings", Arg::DocumentSettings),
        ],
    ),
    (
        "document_update",
        &[("id", Arg::DocumentId), ("settings", Arg::DocumentSettings)],
    ),
    (
        "document_set_status",
        &[("id", Arg::DocumentId), ("status", Arg::DocumentStatus)],
    ),
    (
        "document_record_signature",
        &[("id", Arg::DocumentId), ("signature", Arg::PartySignature)],
    ),
    ("document_delete", &[("id", Arg::DocumentId)]),
    ("document_clauses", &[("id", Arg::DocumentId)]),
    ("document_preview", &[("id", Arg::DocumentId)]),
    (
        "document_export",
        &[("id", Arg::DocumentId), ("format", Arg::ExportFormat)],
    ),
    ("document_open_for_print", &[("id", Arg::DocumentId)]),
    ("settings_get", &[]),
    ("settings_save", &[("settings", Arg::Settings)]),
];

/// The commands whose store call runs the key derivation (slow on purpose), and those
/// that render a whole document: fewer cases by default.
const SLOW: &[&str] = &[
    "vault_create",
    "vault_unlock",
    "vault_recover",
    "vault_change_passphrase",
    "vault_new_recovery_key",
    "save_recovery_kit",
    "backup_save_as",
    "backup_preview",
    "backup_restore",
    "document_export",
    "document_open_for_print",
];

/// `document_export`'s format, mirrored: the command's enum is private to the shell.
/// `the_table_lists_every_registered_command` checks the bindings still say the same.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ExportFormat {
    Pdf,
    Docx,
}

// ---------------------------------------------------------------------------------
// The table against the registered commands.

/// The TypeScript the app's bindings are generated as.
fn bindings() -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bindings.ts");
    allia_app::specta_builder()
        .export(specta_typescript::Typescript::default(), &path)
        .expect("export bindings");
    std::fs::read_to_string(&path).expect("read bindings")
}

/// `(command, [(argument, TypeScript type)])` for each command in the bindings: each
/// command is one line `name: (arg: Type, …) => … __TAURI_INVOKE…("command", …)`.
fn registered(bindings: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    for line in bindings.lines() {
        let Some(at) = line.find("__TAURI_INVOKE") else {
            continue;
        };
        if line.trim_start().starts_with("import") {
            continue;
        }
        let after = &line[at..];
        let Some(open) = after.find("(\"") else {
            continue;
        };
        let name: String = after[open + 2..]
            .chars()
            .take_while(|&c| c != '"')
            .collect();
        let params = line
            .split_once(": (")
            .and_then(|(_, rest)| rest.split_once(") =>"))
            .map(|(params, _)| params)
            .unwrap_or("");
        let args = params
            .split(", ")
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.split_once(": "))
            .map(|(n, t)| (n.trim().to_string(), t.trim().to_string()))
            .collect();
        out.push((name, args));
    }
    out
}

#[test]
fn the_table_lists_every_registered_command() {
    let bindings = bindings();
    let registered = registered(&bindings);
    assert!(
        registered.len() >= 20,
        "the bindings' command lines were not recognised:\n{bindings}"
    );
    let table: Vec<(String, Vec<(String, String)>)> = COMMANDS
        .iter()
        .map(|(name, args)| {
            (
                name.to_string(),
                args.iter()
                    .map(|(a, kind)| (a.to_string(), kind.ts().to_string()))
                    .collect(),
            )
        })
        .collect();
    let sorted = |mut v: Vec<(String, Vec<(String, String)>)>| {
        v.sort();
        v
    };
    assert_eq!(
        sorted(table),
        sorted(registered),
        "COMMANDS in src-tauri/tests/command_inputs.rs must list exactly the commands of \
         specta_builder(), with their arguments: add the new command to the table and to \
         `dispatch`"
    );
    assert!(
        bindings.contains("export type ExportFormat = \"pdf\" | \"docx\";"),
        "ExportFormat changed: update the mirror in this test"
    );
    let names: BTreeSet<_> = COMMANDS.iter().map(|(n, _)| *n).collect();
    assert_eq!(names.len(), COMMANDS.len(), "a command is listed twice");
    assert!(SLOW.iter().all(|s| names.contains(s)));
}

// ---------------------------------------------------------------------------------
// A real vault and the records commands refer to.

/// A passphrase the strength rule accepts.
const STRONG: &str = "girafe violette sous la pluie de Lyon";

/// Placeholders the generated arguments use for what exists in the vault; each is
/// replaced, just before the call, by the current value.
const TOKENS: &[&str] = &[
    "@@alliance",
    "@@partner",
    "@@document",
    "@@ready",
    "@@passphrase",
    "@@closed_passphrase",
    "@@recovery",
    "@@backup",
];

struct Fixture {
    rt: tokio::runtime::Runtime,
    /// The open vault, as the app holds it once unlocked (`None` only in the middle of
    /// a restore).
    dir: tempfile::TempDir,
    vault: Option<Vault>,
    passphrase: String,
    /// An automatic backup of the open vault, made at the start.
    backup: std::path::PathBuf,
    /// The backup chosen for the preview and the restore (the app keeps it in its
    /// state between those commands).
    pending: Option<std::path::PathBuf>,
    /// Files the person could pick as a backup (`backup_choose_file`).
    picked: tempfile::TempDir,
    /// A second vault, locked: unlock and recovery try it.
    closed_dir: tempfile::TempDir,
    closed_passphrase: String,
    closed_recovery: String,
}

async fn new_vault(dir: &std::path::Path, passphrase: &str) -> (Vault, String) {
    let (vault, recovery) = Vault::create_with_params(dir, passphrase, KdfParams::default())
        .await
        .expect("create vault");
    (vault, recovery.display().to_string())
}

impl Fixture {
    fn new() -> Fixture {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let dir = tempfile::tempdir().expect("tempdir");
        let closed_dir = tempfile::tempdir().expect("tempdir");
        let (vault, closed_recovery, backup) = rt.block_on(async {
            let (vault, _) = new_vault(dir.path(), STRONG).await;
            vault.store().load_demo().await.expect("demo");
            let backup = vault
                .backup_now(allia_store::BackupReason::Lock)
                .await
                .expect("automatic backup");
            let (closed, recovery) = new_vault(closed_dir.path(), STRONG).await;
            closed.close().await;
            (vault, recovery, backup)
        });
        Fixture {
            rt,
            dir,
            vault: Some(vault),
            passphrase: STRONG.into(),
            pending: Some(backup.clone()),
            backup,
            picked: tempfile::tempdir().expect("tempdir"),
            closed_dir,
            closed_passphrase: STRONG.into(),
            closed_recovery,
        }
    }

    fn vault(&mut self) -> &mut Vault {
        self.vault.as_mut().expect("the vault is open")
    }

    fn store(&self) -> Store {
        self.vault
            .as_ref()
            .expect("the vault is open")
            .store()
            .clone()
    }

    /// The current value of each placeholder, creating what is missing (a command may
    /// have deleted it): an alliance with partners, a draft document, a document ready
    /// to sign.
    async fn tokens(&self) -> Vec<(&'static str, String)> {
        let store = self.store();
        let alliance = match store.alliances().await.expect("alliances").first() {
            Some(a) => a.id.clone(),
            None => store.load_demo().await.expect("demo").id,
        };
        let partner = match store.partners(&alliance).await.expect("partners").first() {
            Some(p) => p.id.clone(),
            None => {
                store
                    .create_partner(&alliance, &sample::<PartnerDraft>(Arg::PartnerDraft))
                    .await
                    .expect("partner")
                    .id
            }
        };
        let documents = store.documents(&alliance).await.expect("documents");
        let document = match documents.first() {
            Some(d) => d.id.clone(),
            None => {
                store
                    .create_document(
                        &alliance,
                        DocumentKind::PartnershipAgreement,
                        &sample(Arg::DocumentSettings),
                    )
                    .await
                    .expect("document")
                    .id
            }
        };
        let ready = documents
            .iter()
            .find(|d| {
                d.current.status == DocumentStatus::ReadyToSign && d.current.signatures.len() < 50
            })
            .map(|d| d.id.clone());
        let ready = match ready {
            Some(id) => id,
            None => {
                let d = store
                    .create_document(
                        &alliance,
                        DocumentKind::ConsortiumAgreement,
                        &sample(Arg::DocumentSettings),
                    )
                    .await
                    .expect("document");
                store
                    .set_document_status(&d.id, DocumentStatus::ReadyToSign)
                    .await
                    .expect("ready")
                    .id
            }
        };
        vec![
            ("@@alliance", alliance),
            ("@@partner", partner),
            ("@@document", document),
            ("@@ready", ready),
            ("@@passphrase", self.passphrase.clone()),
            ("@@closed_passphrase", self.closed_passphrase.clone()),
            ("@@recovery", self.closed_recovery.clone()),
            (
                "@@backup",
                self.backup
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            ),
        ]
    }
}

fn substitute(v: &mut Value, tokens: &[(&str, String)]) {
    match v {
        Value::String(s) => {
            if let Some((_, value)) = tokens.iter().find(|(t, _)| t == s) {
                *s = value.clone();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| substitute(i, tokens)),
        Value::Object(map) => map.values_mut().for_each(|i| substitute(i, tokens)),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------
// Valid values of each argument.

fn organisation() -> Value {
    json!({
        "name": "Les Amis du Quartier", "acronym": "LAQ", "legalForm": "Association loi 1901",
        "rna": "W691234567", "siret": "73282932000074", "street": "3 rue de la Paix",
        "postalCode": "69003", "city": "Lyon", "representativeName": "Claire Moreau",
        "representativeRole": "Présidente", "email": "contact@amis.fr",
        "phone": "04 78 00 00 00"
    })
}

fn valid_values(name: &str, kind: Arg) -> Vec<Value> {
    let s = |v: &str| Value::String(v.into());
    match kind {
        Arg::Text => match name {
            "current" => vec![s("@@passphrase"), s(STRONG), s("")],
            "passphrase" => vec![s("@@closed_passphrase"), s(STRONG), s("court")],
            "recoveryKey" => vec![s("@@recovery"), s("ABCD-EFGH"), s("")],
            "fileName" => vec![s("@@backup"), s("../allia.vault"), s("")],
            _ => vec![
                s(STRONG),
                s("une autre phrase de passe, bien plus longue"),
                s(""),
            ],
        },
        Arg::OptionalText => vec![Value::Null, s("@@passphrase"), s("@@recovery"), s("")],
        Arg::AllianceId => vec![s("@@alliance"), s("0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f")],
        Arg::PartnerId => vec![s("@@partner"), s("@@alliance")],
        Arg::DocumentId => vec![s("@@document"), s("@@ready"), s("@@alliance")],
        Arg::Bool => vec![json!(true), json!(false)],
        Arg::Organisation => vec![organisation(), json!({ "name": "Asso" })],
        Arg::AllianceDraft => vec![json!({
            "name": "Service partagé", "purpose": "Mutualiser la comptabilité.",
            "territory": "Lyon", "startDate": "2026-09-01", "status": "active"
        })],
        Arg::PartnerDraft => vec![json!({
            "organisation": organisation(), "actorType": "company", "role": "member",
            "resources": "Des locaux.", "resourceTags": ["locaux", "comptabilité"]
        })],
        Arg::DocumentKind => [
            "partnership_agreement",
            "partnership_charter",
            "consortium_agreement",
        ]
        .map(s)
        .to_vec(),
        Arg::DocumentSettings => vec![
            json!({
                "title": "Convention 2026", "place": "Lyon", "signatureDate": "2026-12-01",
                "copies": 3,
                "overrides": [
                    { "clauseId": "confidentialite", "enabled": false, "text": null },
                    { "clauseId": "objet", "enabled": null, "text": "Les Parties s’engagent." }
                ]
            }),
            json!({
                "title": "Convention", "place": null, "signatureDate": null, "copies": null,
                "overrides": [
                    { "clauseId": "objet", "enabled": null, "text": "{{ alliance.name" },
                    { "clauseId": "inexistante", "enabled": false, "text": null }
                ]
            }),
        ],
        Arg::DocumentStatus => ["draft", "in_review", "ready_to_sign", "signed"]
            .map(s)
            .to_vec(),
        Arg::PartySignature => vec![json!({
            "party": "Les Amis du Quartier", "signatory": "Claire Moreau",
            "signedOn": "2026-12-01"
        })],
        Arg::Settings => vec![
            json!({ "autoLockMinutes": 10, "backupKeep": 10 }),
            json!({ "autoLockMinutes": 10 }),
        ],
        Arg::ExportFormat => vec![s("pdf"), s("docx")],
    }
}

/// The first valid value of an input type, typed.
fn sample<T: DeserializeOwned>(kind: Arg) -> T {
    serde_json::from_value(valid_values("", kind)[0].clone()).expect("sample deserialises")
}

// ---------------------------------------------------------------------------------
// Generated JSON and text.

const KEYS: &[&str] = &[
    "name",
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
    "purpose",
    "territory",
    "startDate",
    "status",
    "organisation",
    "actorType",
    "role",
    "resources",
    "resourceTags",
    "title",
    "overrides",
    "place",
    "signatureDate",
    "copies",
    "clauseId",
    "enabled",
    "text",
    "party",
    "signatory",
    "signedOn",
    "autoLockMinutes",
    "backupKeep",
];

/// Characters that break naive text handling: controls, NUL, invisible and direction
/// marks, lone combining marks, right-to-left letters, emoji, template syntax.
const SPECIAL: &[char] = &[
    '\0',
    '\u{1}',
    '\t',
    '\n',
    '\r',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '\u{a0}',
    '\u{ad}',
    '\u{301}',
    '\u{5d0}',
    '\u{627}',
    '\u{200b}',
    '\u{200d}',
    '\u{200f}',
    '\u{2028}',
    '\u{202e}',
    '\u{2066}',
    '\u{feff}',
    '\u{fffd}',
    '\u{e000}',
    '\u{10ffff}',
    '😀',
    '👩',
    '🇫',
    'é',
    'a',
    ' ',
    '"',
    '\\',
    '{',
    '}',
    '%',
    '@',
];

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "[a-zA-Zéèàç0-9 '’@.-]{0,40}",
        2 => prop::collection::vec(prop::sample::select(SPECIAL), 0..24)
            .prop_map(|v| v.into_iter().collect::<String>()),
        1 => (
            prop::sample::select(SPECIAL),
            prop::sample::select(&[1usize, 199, 200, 201, 1_025, 5_001, 20_001, 100_000][..])
        )
            .prop_map(|(c, n)| std::iter::repeat_n(c, n).collect::<String>()),
    ]
}

fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(str::to_string),
        1 => arb_text(),
    ]
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        arb_text().prop_map(Value::String),
        prop::sample::select(TOKENS).prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((arb_key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// One change to a JSON value, at the node `at` designates (modulo the node count).
#[derive(Debug, Clone)]
enum Mutation {
    /// A new text where there is a text or nothing (keeps the shape).
    Text(String),
    Replace(Value),
    RemoveKey,
    AddKey(String, Value),
    DuplicateItem,
    WrapInArray,
}

fn arb_mutation() -> impl Strategy<Value = (usize, Mutation)> {
    let m = prop_oneof![
        6 => arb_text().prop_map(Mutation::Text),
        3 => arb_json().prop_map(Mutation::Replace),
        2 => Just(Mutation::RemoveKey),
        1 => (arb_key(), arb_json()).prop_map(|(k, v)| Mutation::AddKey(k, v)),
        1 => Just(Mutation::DuplicateItem),
        1 => Just(Mutation::WrapInArray),
    ];
    (any::<usize>(), m)
}

fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
    out.push(here.clone());
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{here}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(item, format!("{here}/{k}"), out);
            }
        }
        _ => {}
    }
}

fn mutate(mut v: Value, mutations: &[(usize, Mutation)]) -> Value {
    for (at, m) in mutations {
        let mut all = Vec::new();
        pointers(&v, String::new(), &mut all);
        let pointer = &all[at % all.len()];
        let Some(node) = v.pointer_mut(pointer) else {
            continue;
        };
        match m.clone() {
            Mutation::Text(text) => {
                if node.is_string() || node.is_null() {
                    *node = Value::String(text);
                }
            }
            Mutation::Replace(new) => *node = new,
            Mutation::RemoveKey => match node {
                Value::Object(map) => {
                    if let Some(k) = map.keys().nth(at % map.len().max(1)).cloned() {
                        map.remove(&k);
                    }
                }
                Value::Array(items) if !items.is_empty() => {
                    items.remove(at % items.len());
                }
                _ => {}
            },
            Mutation::AddKey(k, new) => match node {
                Value::Object(map) => {
                    map.insert(k, new);
                }
                Value::Array(items) => items.push(new),
                _ => {}
            },
            Mutation::DuplicateItem => {
                if let Value::Array(items) = node {
                    if let Some(first) = items.first().cloned() {
                        items.push(first);
                    }
                }
            }
            Mutation::WrapInArray => *node = Value::Array(vec![node.take()]),
        }
    }
    v
}

/// One argument: missing, valid, a mutated valid value, or arbitrary JSON.
fn arb_arg(name: &str, kind: Arg) -> BoxedStrategy<Option<Value>> {
    let valid = prop::sample::select(valid_values(name, kind));
    prop_oneof![
        1 => Just(None),
        6 => valid.clone().prop_map(Some),
        6 => (valid, prop::collection::vec(arb_mutation(), 1..3))
            .prop_map(|(v, m)| Some(mutate(v, &m))),
        2 => arb_json().prop_map(Some),
    ]
    .boxed()
}

/// The arguments of one call, as the JSON object Tauri receives.
fn arb_args(args: &'static [(&'static str, Arg)]) -> BoxedStrategy<Map<String, Value>> {
    let parts: Vec<_> = args.iter().map(|(n, k)| arb_arg(n, *k)).collect();
    (
        parts,
        any::<bool>(),
        prop::option::of((arb_key(), arb_json())),
    )
        .prop_map(move |(values, confirm, extra)| {
            let mut map = Map::new();
            for ((name, _), value) in args.iter().zip(values) {
                if let Some(value) = value {
                    map.insert(name.to_string(), value);
                }
            }
            // Half the time the confirmation repeats the new passphrase, so the calls
            // get past that check.
            let new = map
                .get("newPassphrase")
                .or_else(|| map.get("passphrase"))
                .cloned();
            if let (true, Some(new), true) = (confirm, new, map.contains_key("confirmation")) {
                map.insert("confirmation".into(), new);
            }
            // Tauri ignores keys a command does not take.
            if let Some((k, v)) = extra {
                if !args.iter().any(|(n, _)| *n == k) {
                    map.insert(k, v);
                }
            }
            map
        })
        .boxed()
}

/// Where `alliance_import`'s generated file goes in the call (the command itself takes
/// no argument: the file comes from the open dialog).
const FILE: &str = "@file";

/// An alliance file for `alliance_import`: a valid one, mutated, or arbitrary JSON.
fn arb_import_file() -> BoxedStrategy<Map<String, Value>> {
    let valid = json!({
        "format": 1,
        "profile": organisation(),
        "alliance": valid_values("", Arg::AllianceDraft)[0],
        "partners": [valid_values("", Arg::PartnerDraft)[0], valid_values("", Arg::PartnerDraft)[0]]
    });
    prop_oneof![
        1 => Just(valid.clone()),
        4 => prop::collection::vec(arb_mutation(), 1..4).prop_map(move |m| mutate(valid.clone(), &m)),
        1 => arb_json(),
    ]
    .prop_map(|file| Map::from_iter([(FILE.to_string(), file)]))
    .boxed()
}

// ---------------------------------------------------------------------------------
// One call, the way the command makes it.

/// Why a call did not go through.
#[derive(Debug)]
enum Refusal {
    /// Tauri could not deserialise an argument (it answers with that error).
    Deserialise(String),
    App(AppError),
}

impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Refusal {
        Refusal::App(AppError::from(e))
    }
}

impl From<AppError> for Refusal {
    fn from(e: AppError) -> Refusal {
        Refusal::App(e)
    }
}

fn arg<T: DeserializeOwned>(args: &Map<String, Value>, name: &str) -> Result<T, Refusal> {
    let value = args
        .get(name)
        .cloned()
        .ok_or_else(|| Refusal::Deserialise(format!("missing required key {name}")))?;
    serde_json::from_value(value).map_err(|e| Refusal::Deserialise(e.to_string()))
}

/// An `Option` argument: absent or `null` is `None`, as Tauri reads it.
fn optional_arg<T: DeserializeOwned>(
    args: &Map<String, Value>,
    name: &str,
) -> Result<Option<T>, Refusal> {
    match args.get(name) {
        None => Ok(None),
        Some(value) => {
            serde_json::from_value(value.clone()).map_err(|e| Refusal::Deserialise(e.to_string()))
        }
    }
}

/// The backup chosen earlier, or the command's refusal when none was.
fn pending(fx: &Fixture) -> Result<std::path::PathBuf, Refusal> {
    fx.pending.clone().ok_or_else(|| {
        Refusal::App(AppError::new(
            allia_app::ErrorCode::NotFound,
            "Choisissez d’abord la sauvegarde à restaurer.",
        ))
    })
}

/// Damages bytes as one generated operation says: `["truncate", at]`,
/// `["flip", at, mask]`, `["insert", at, [bytes]]`, `["replace", [bytes]]`.
fn damage(bytes: &mut Vec<u8>, op: &Value) {
    let len = bytes.len().max(1);
    let at = |i: usize| {
        op.get(i)
            .and_then(Value::as_u64)
            .map_or(0, |v| (v as usize) % len)
    };
    let list = |i: usize| -> Vec<u8> {
        op.get(i)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_u64)
                    .map(|b| b as u8)
                    .collect()
            })
            .unwrap_or_default()
    };
    match op.get(0).and_then(Value::as_str) {
        Some("truncate") => bytes.truncate(at(1)),
        Some("flip") => {
            let mask = op.get(2).and_then(Value::as_u64).unwrap_or(1) as u8 | 1;
            let i = at(1);
            if let Some(b) = bytes.get_mut(i) {
                *b ^= mask;
            }
        }
        Some("insert") => {
            let i = at(1).min(bytes.len());
            bytes.splice(i..i, list(2));
        }
        Some("replace") => *bytes = list(1),
        _ => {}
    }
}

/// What `backup_choose_file` is given: a list of damage operations on a real backup
/// (none: the backup as it is).
fn arb_backup_damage() -> BoxedStrategy<Map<String, Value>> {
    let op = prop_oneof![
        2 => any::<u32>().prop_map(|i| json!(["truncate", i])),
        4 => (any::<u32>(), any::<u8>()).prop_map(|(i, m)| json!(["flip", i, m])),
        1 => (any::<u32>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(i, b)| json!(["insert", i, b])),
        1 => prop::collection::vec(any::<u8>(), 0..256).prop_map(|b| json!(["replace", b])),
    ];
    prop::collection::vec(op, 0..3)
        .prop_map(|ops| Map::from_iter([(FILE.to_string(), Value::Array(ops))]))
        .boxed()
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

async fn render_input(
    store: &Store,
    id: &str,
) -> Result<
    (
        allia_core::AllianceFile,
        allia_docs::templates::DocumentOptions,
    ),
    Refusal,
> {
    let (document, version, file) = store.document_render_input(id, None).await?;
    let options = allia_docs::render::options_for_version(document.kind, &version, today());
    Ok((file, options))
}

async fn dispatch(fx: &mut Fixture, name: &str, args: &Map<String, Value>) -> Result<(), Refusal> {
    let store = fx.store();
    match name {
        "vault_status" => {
            let _ = VaultPaths::new(fx.closed_dir.path()).exists();
        }
        "vault_create" => {
            let passphrase: String = arg(args, "passphrase")?;
            let confirmation: String = arg(args, "confirmation")?;
            let dir = tempfile::tempdir().expect("tempdir");
            let (vault, _) = Vault::create(dir.path(), &passphrase, &confirmation).await?;
            vault.close().await;
        }
        "save_recovery_kit" => {
            let key: String = arg(args, "recoveryKey")?;
            // The kit's PDF, with the profile's name; the save dialog is not run.
            let association = store.profile().await?.map(|p| p.name);
            allia_docs::kit::render_pdf(&allia_docs::kit::KitContent {
                recovery_key: &key,
                created: today(),
                association: association.as_deref(),
            })
            .map_err(|e| AppError::from(allia_docs::render::RenderError::from(e)))?;
        }
        "copy_recovery_key" => {
            // Only the clipboard takes it.
            let _: String = arg(args, "recoveryKey")?;
        }
        "vault_unlock" => {
            let passphrase: String = arg(args, "passphrase")?;
            Vault::unlock(fx.closed_dir.path(), &passphrase)
                .await?
                .close()
                .await;
        }
        "vault_recover" => {
            let key: String = arg(args, "recoveryKey")?;
            let new: String = arg(args, "newPassphrase")?;
            let confirmation: String = arg(args, "confirmation")?;
            let vault = Vault::recover(fx.closed_dir.path(), &key, &new, &confirmation).await?;
            vault.close().await;
            fx.closed_passphrase = new;
        }
        // Locking closes the vault (and backs it up); the fixture keeps it open. Touch
        // only restarts the auto-lock timer.
        "vault_lock" | "vault_touch" => {}
        "backup_list" => {
            allia_store::backup::list(&VaultPaths::new(fx.dir.path()));
        }
        "backup_save_as" => {
            // Where the save dialog would have pointed.
            let target = fx.picked.path().join("sauvegarde.allia");
            fx.vault().backup_to(&target).await?;
        }
        "backup_choose_file" => {
            // The chosen file is any file: the fixture's backup, damaged as generated.
            let mut bytes = std::fs::read(&fx.backup).expect("backup bytes");
            for op in args
                .get(FILE)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                damage(&mut bytes, op);
            }
            let path = fx
                .picked
                .path()
                .join(format!("choisie-{}.allia", bytes.len()));
            std::fs::write(&path, &bytes).expect("write the chosen file");
            allia_store::backup::read_info(&path)?;
            fx.pending = Some(path);
        }
        "backup_choose_automatic" => {
            let file_name: String = arg(args, "fileName")?;
            let info = allia_store::backup::list(&VaultPaths::new(fx.dir.path()))
                .into_iter()
                .find(|b| b.file_name == file_name)
                .ok_or(StoreError::NotFound("backup"))?;
            fx.pending = Some(info.path);
        }
        "backup_preview" => {
            let secret: Option<String> = optional_arg(args, "secret")?;
            let path = pending(fx)?;
            fx.vault().inspect_backup(&path, secret.as_deref()).await?;
            // And from the unlock screen, on the locked vault, when a secret is given.
            if let Some(secret) = secret {
                allia_store::inspect_backup_locked(fx.closed_dir.path(), &path, &secret).await?;
            }
        }
        "backup_restore" => {
            let secret: Option<String> = optional_arg(args, "secret")?;
            let path = pending(fx)?;
            let vault = fx.vault.take().expect("the vault is open");
            let prepared = match vault.prepare_restore(&path, secret.as_deref()).await {
                Ok(prepared) => prepared,
                Err(e) => {
                    // A refusal keeps the vault open.
                    fx.vault = Some(vault);
                    return Err(e.into());
                }
            };
            match vault.restore_backup(prepared).await {
                Ok(restored) => fx.vault = Some(restored),
                Err(e) => {
                    fx.vault = Some(
                        Vault::unlock(fx.dir.path(), &fx.passphrase)
                            .await
                            .expect("the vault opens again after a failed restore"),
                    );
                    return Err(e.into());
                }
            }
        }
        "vault_change_passphrase" => {
            let current: String = arg(args, "current")?;
            let new: String = arg(args, "newPassphrase")?;
            let confirmation: String = arg(args, "confirmation")?;
            match fx.vault().change_passphrase(&current, &new, &confirmation) {
                Err(StoreError::WrongPassphrase) => {
                    return Err(AppError::wrong_passphrase_on("current").into())
                }
                other => other?,
            }
            fx.passphrase = new;
        }
        "vault_new_recovery_key" => {
            let passphrase: String = arg(args, "passphrase")?;
            match fx.vault().new_recovery_key(&passphrase).await {
                Err(StoreError::WrongPassphrase) => {
                    return Err(AppError::wrong_passphrase_on("passphrase").into())
                }
                other => {
                    other?;
                }
            }
        }
        "profile_get" => {
            store.profile().await?;
        }
        "profile_save" => {
            store
                .save_profile(&arg::<Organisation>(args, "profile")?)
                .await?;
        }
        "catalog" => {
            let _ = allia_core::Catalog::build();
        }
        "alliance_list" => {
            store.alliances().await?;
        }
        "alliance_create" => {
            store
                .create_alliance(&arg::<AllianceDraft>(args, "draft")?)
                .await?;
        }
        "alliance_update" => {
            let id: String = arg(args, "id")?;
            let draft: AllianceDraft = arg(args, "draft")?;
            store.update_alliance(&id, &draft).await?;
        }
        "alliance_set_archived" => {
            let id: String = arg(args, "id")?;
            let archived: bool = arg(args, "archived")?;
            store.set_alliance_archived(&id, archived).await?;
        }
        "alliance_delete" => {
            store.delete_alliance(&arg::<String>(args, "id")?).await?;
        }
        "demo_load" => {
            store.load_demo().await?;
        }
        "alliance_export" => {
            let file = store.export_alliance(&arg::<String>(args, "id")?).await?;
            serde_json::to_string_pretty(&file).expect("an export serialises");
        }
        "alliance_import" => {
            // No argument: the file comes from the open dialog. Its bytes go through the
            // same parser and import here; crates/allia-store/tests/import_fuzz.rs
            // fuzzes them in depth.
            let bytes = serde_json::to_vec(args.get(FILE).unwrap_or(&Value::Null)).expect("json");
            let file = allia_core::AllianceFile::from_json_slice(&bytes)
                .map_err(|e| AppError::new(allia_app::ErrorCode::Validation, e.to_string()))?;
            store.import_alliance(&file).await?;
        }
        "partner_list" => {
            store.partners(&arg::<String>(args, "allianceId")?).await?;
        }
        "partner_create" => {
            let alliance: String = arg(args, "allianceId")?;
            let draft: PartnerDraft = arg(args, "draft")?;
            store.create_partner(&alliance, &draft).await?;
        }
        "partner_update" => {
            let id: String = arg(args, "id")?;
            let draft: PartnerDraft = arg(args, "draft")?;
            store.update_partner(&id, &draft).await?;
        }
        "partner_delete" => {
            store.delete_partner(&arg::<String>(args, "id")?).await?;
        }
        "document_list" => {
            store.documents(&arg::<String>(args, "allianceId")?).await?;
        }
        "document_create" => {
            let alliance: String = arg(args, "allianceId")?;
            let kind: DocumentKind = arg(args, "kind")?;
            let settings: DocumentSettings = arg(args, "settings")?;
            store.create_document(&alliance, kind, &settings).await?;
        }
        "document_update" => {
            let id: String = arg(args, "id")?;
            let settings: DocumentSettings = arg(args, "settings")?;
            store.update_document_settings(&id, &settings).await?;
        }
        "document_set_status" => {
            let id: String = arg(args, "id")?;
            let status: DocumentStatus = arg(args, "status")?;
            store.set_document_status(&id, status).await?;
        }
        "document_record_signature" => {
            let id: String = arg(args, "id")?;
            let signature: PartySignature = arg(args, "signature")?;
            store.record_signature(&id, &signature).await?;
        }
        "document_delete" => {
            store.delete_document(&arg::<String>(args, "id")?).await?;
        }
        "document_clauses" => {
            let (file, options) = render_input(&store, &arg::<String>(args, "id")?).await?;
            allia_docs::templates::clauses(&file, &options).map_err(AppError::from)?;
        }
        "document_preview" => {
            let (file, options) = render_input(&store, &arg::<String>(args, "id")?).await?;
            allia_docs::templates::build(&file, &options).map_err(AppError::from)?;
        }
        "document_export" => {
            let id: String = arg(args, "id")?;
            let format = match arg::<ExportFormat>(args, "format")? {
                ExportFormat::Pdf => allia_docs::render::Format::Pdf,
                ExportFormat::Docx => allia_docs::render::Format::Docx,
            };
            let (file, options) = render_input(&store, &id).await?;
            allia_docs::render::render(&file, &options, format).map_err(AppError::from)?;
        }
        "document_open_for_print" => {
            let (file, options) = render_input(&store, &arg::<String>(args, "id")?).await?;
            allia_docs::render::render(&file, &options, allia_docs::render::Format::Pdf)
                .map_err(AppError::from)?;
        }
        "settings_get" => {
            store.settings().await?;
        }
        "settings_save" => {
            store
                .save_settings(&arg::<Settings>(args, "settings")?)
                .await?;
        }
        other => panic!("no dispatch for the command {other}: add it to `dispatch`"),
    }
    Ok(())
}

/// Codes a refusal of bad input may carry: anything else (storage, I/O, a damaged or
/// locked vault) would mean the input broke something.
const INPUT_CODES: &[&str] = &[
    "backup_invalid",
    "backup_wrong_secret",
    "validation",
    "wrong_passphrase",
    "wrong_recovery_key",
    "vault_exists",
    "not_found",
    "document",
];

/// Words of the English messages of serde, SQLite and the standard library: none may
/// reach a person.
const ENGLISH: &[&str] = &[
    "error:",
    "invalid type",
    "invalid value",
    "expected ",
    "failed",
    "unknown variant",
    "missing field",
    "database",
    "sqlite",
    "panicked",
    "called `",
];

fn check_french(message: &str) -> Result<(), TestCaseError> {
    prop_assert!(!message.trim().is_empty(), "empty message");
    let lower = message.to_lowercase();
    for word in ENGLISH {
        prop_assert!(!lower.contains(word), "not French: {message}");
    }
    Ok(())
}

fn check_refusal(name: &str, refusal: &Refusal) -> Result<(), TestCaseError> {
    match refusal {
        Refusal::Deserialise(message) => {
            prop_assert!(!message.is_empty(), "{name}: empty deserialisation error");
        }
        Refusal::App(e) => {
            let json = serde_json::to_value(e).expect("AppError serialises");
            let code = json["code"].as_str().unwrap_or("");
            prop_assert!(
                INPUT_CODES.contains(&code),
                "{name}: unexpected code {code}: {e:?}"
            );
            check_french(&e.message)?;
            for f in &e.field_errors {
                prop_assert!(!f.field.is_empty(), "{name}: field error without a field");
                check_french(&f.message)?;
            }
        }
    }
    Ok(())
}

fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs every command of `group` on one fixture: first with valid arguments (the call
/// must get past deserialisation), then against generated arguments.
fn fuzz_commands(group: impl Fn(&str) -> bool) {
    let fixture = RefCell::new(Fixture::new());
    for (name, args) in COMMANDS.iter().filter(|(n, _)| group(n)) {
        // The valid call.
        let valid: Map<String, Value> = args
            .iter()
            .map(|(a, kind)| (a.to_string(), valid_values(a, *kind)[0].clone()))
            .collect();
        {
            let mut fx = fixture.borrow_mut();
            let rt = fx.rt.handle().clone();
            let result = rt.block_on(async {
                let tokens = fx.tokens().await;
                let mut call = valid;
                for value in call.values_mut() {
                    substitute(value, &tokens);
                }
                dispatch(&mut fx, name, &call).await
            });
            match result {
                Ok(()) => {}
                Err(Refusal::Deserialise(e)) => {
                    panic!("{name}: a valid call did not deserialise: {e}")
                }
                Err(refusal) => {
                    if let Err(e) = check_refusal(name, &refusal) {
                        panic!("{name}: {e}");
                    }
                }
            }
        }

        let default = if SLOW.contains(name) { 3 } else { 12 };
        let mut runner = TestRunner::new(Config {
            cases: cases(default),
            max_shrink_iters: 100,
            ..Config::default()
        });
        let strategy = match *name {
            "alliance_import" => arb_import_file(),
            "backup_choose_file" => arb_backup_damage(),
            _ => arb_args(args),
        };
        // Outcomes: accepted, refused at deserialisation, refused by the app.
        let seen = std::cell::Cell::new([0u32; 3]);
        let outcome = runner.run(&strategy, |mut call| {
            let mut fx = fixture.borrow_mut();
            let rt = fx.rt.handle().clone();
            let result = rt.block_on(async {
                let tokens = fx.tokens().await;
                for value in call.values_mut() {
                    substitute(value, &tokens);
                }
                dispatch(&mut fx, name, &call).await
            });
            let mut counts = seen.get();
            counts[match &result {
                Ok(()) => 0,
                Err(Refusal::Deserialise(_)) => 1,
                Err(Refusal::App(_)) => 2,
            }] += 1;
            seen.set(counts);
            match result {
                Ok(()) => Ok(()),
                Err(refusal) => check_refusal(name, &refusal),
            }
        });
        if let Err(e) = outcome {
            panic!("{name}: {e}");
        }
        let [ok, deserialise, app] = seen.get();
        eprintln!("{name}: {ok} accepted, {deserialise} not deserialised, {app} refused");
    }
    let mut fx = fixture.into_inner();
    if let Some(vault) = fx.vault.take() {
        fx.rt.block_on(vault.close());
    }
}

fn is_vault_command(name: &str) -> bool {
    name.starts_with("vault_") || name.starts_with("backup_") || name.contains("recovery")
}

fn is_document_command(name: &str) -> bool {
    name.starts_with("document_")
}

#[test]
fn vault_commands_take_any_input() {
    fuzz_commands(is_vault_command);
}

#[test]
fn record_commands_take_any_input() {
    fuzz_commands(|n| !is_vault_command(n) && !is_document_command(n));
}

#[test]
fn document_commands_take_any_input() {
    fuzz_commands(is_document_command);
}

// ---------------------------------------------------------------------------------
// Arbitrary Unicode in every text field.

/// Each input type with text fields: a valid sample and the JSON pointers of its texts.
const TEXT_FIELDS: &[(Arg, &[&str])] = &[
    (
        Arg::Organisation,
        &[
            "/name",
            "/acronym",
            "/legalForm",
            "/rna",
            "/siret",
            "/street",
            "/postalCode",
            "/city",
            "/representativeName",
            "/representativeRole",
            "/email",
            "/phone",
        ],
    ),
    (Arg::AllianceDraft, &["/name", "/purpose", "/territory"]),
    (
        Arg::PartnerDraft,
        &[
            "/organisation/name",
            "/organisation/acronym",
            "/organisation/legalForm",
            "/organisation/rna",
            "/organisation/siret",
            "/organisation/street",
            "/organisation/postalCode",
            "/organisation/city",
            "/organisation/representativeName",
            "/organisation/representativeRole",
            "/organisation/email",
            "/organisation/phone",
            "/resources",
            "/resourceTags/0",
            "/resourceTags/1",
        ],
    ),
    (
        Arg::DocumentSettings,
        &[
            "/title",
            "/place",
            "/overrides/0/clauseId",
            "/overrides/1/text",
        ],
    ),
    (Arg::PartySignature, &["/party", "/signatory"]),
];

fn expect_stored<T>(stored: Result<T, StoreError>) -> Result<T, TestCaseError> {
    stored.map_err(|e| TestCaseError::fail(format!("a valid value was not stored: {e:?}")))
}

/// Validates `value` as its type, stores it through the command's store call, reads it
/// back.
async fn store_text_case(fx: &Fixture, kind: Arg, value: Value) -> Result<(), TestCaseError> {
    let store = fx.store();
    let tokens = fx.tokens().await;
    let id = |t: &str| {
        tokens
            .iter()
            .find(|(k, _)| *k == t)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    // Validation answers with the value or with field errors; the store call answers
    // the same way (never with a storage error), and stores exactly what validation
    // returned.
    macro_rules! check {
        ($ty:ty, |$input:ident| $store:expr, |$stored:ident| $read:expr) => {{
            let $input: $ty = serde_json::from_value(value.clone())
                .map_err(|e| TestCaseError::fail(format!("sample no longer deserialises: {e}")))?;
            let validated = <$ty>::validated(&$input);
            match (validated, $store) {
                (Ok(v), Ok($stored)) => {
                    let read = expect_stored($read)?;
                    prop_assert_eq!(&read, &v, "read back differs from what validation returned");
                }
                (Err(expected), Err(StoreError::Validation(got))) => {
                    prop_assert_eq!(&got, &expected);
                    prop_assert!(expected.0.iter().all(|e| !e.field.is_empty()));
                    for e in &expected.0 {
                        check_french(&e.message)?;
                    }
                }
                (validated, stored) => {
                    return Err(TestCaseError::fail(format!(
                        "validation gave {validated:?} but the store {stored:?}"
                    )))
                }
            }
        }};
    }
    match kind {
        Arg::Organisation => check!(
            Organisation,
            |input| store.save_profile(&input).await,
            |_stored| store.profile().await.map(Option::unwrap_or_default)
        ),
        Arg::AllianceDraft => check!(
            AllianceDraft,
            |input| store.create_alliance(&input).await,
            |stored| store.alliance(&stored.id).await.map(|a| a.draft)
        ),
        Arg::PartnerDraft => {
            let alliance = id("@@alliance");
            check!(
                PartnerDraft,
                |input| store.create_partner(&alliance, &input).await,
                |stored| store.partner(&stored.id).await.map(|p| p.draft)
            )
        }
        Arg::DocumentSettings => {
            let alliance = id("@@alliance");
            check!(
                DocumentSettings,
                |input| {
                    store
                        .create_document(&alliance, DocumentKind::PartnershipCharter, &input)
                        .await
                },
                |stored| store.document(&stored.id).await.map(|d| d.current.settings)
            )
        }
        Arg::PartySignature => {
            let ready = id("@@ready");
            check!(
                PartySignature,
                |input| store.record_signature(&ready, &input).await,
                |stored| {
                    // The signature recorded last is this one.
                    let party = stored
                        .current
                        .signatures
                        .last()
                        .map(|s| s.party.clone())
                        .unwrap_or_default();
                    store.document(&stored.id).await.and_then(|d| {
                        d.current
                            .signatures
                            .into_iter()
                            .find(|s| s.party == party)
                            .ok_or(StoreError::NotFound("signature"))
                    })
                }
            )
        }
        other => return Err(TestCaseError::fail(format!("no text fields for {other:?}"))),
    }
    Ok(())
}

#[test]
fn any_unicode_in_any_text_field_is_validated_then_stored_as_is() {
    let fixture = Fixture::new();
    for (kind, fields) in TEXT_FIELDS {
        let sample = valid_values("", *kind)[0].clone();
        let strategy =
            (prop::sample::select(*fields), arb_text()).prop_map(move |(field, text)| {
                let mut value = sample.clone();
                if let Some(node) = value.pointer_mut(field) {
                    *node = Value::String(text);
                }
                value
            });
        let mut runner = TestRunner::new(Config {
            cases: cases(48),
            max_shrink_iters: 100,
            ..Config::default()
        });
        let outcome = runner.run(&strategy, |value| {
            fixture.rt.block_on(store_text_case(&fixture, *kind, value))
        });
        if let Err(e) = outcome {
            panic!("{kind:?}: {e}");
        }
    }
    let mut fixture = fixture;
    if let Some(vault) = fixture.vault.take() {
        fixture.rt.block_on(vault.close());
    }
}
