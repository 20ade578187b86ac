//! Generated arguments: valid values of each argument, mutations of them, arbitrary JSON and text.

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

use crate::fixture::{STRONG, TOKENS};
use crate::table::Arg;

// ---------------------------------------------------------------------------------
// Valid values of each argument.

pub fn organisation() -> Value {
    json!({
        "name": "Les Amis du Quartier", "acronym": "LAQ", "legalForm": "Association loi 1901",
        "rna": "W691234567", "siret": "73282932000074", "street": "3 rue de la Paix",
        "postalCode": "69003", "city": "Lyon", "representativeName": "Claire Moreau",
        "representativeRole": "Présidente", "email": "contact@amis.fr",
        "phone": "04 78 00 00 00"
    })
}

pub fn valid_values(name: &str, kind: Arg) -> Vec<Value> {
    let s = |v: &str| Value::String(v.into());
    match kind {
        Arg::Text => match name {
            "current" => vec![s("@@passphrase"), s(STRONG), s("")],
            "passphrase" => vec![s("@@closed_passphrase"), s(STRONG), s("court")],
            "recoveryKey" => vec![s("@@recovery"), s("ABCD-EFGH"), s("")],
            "fileName" => vec![s("@@backup"), s("../allia.vault"), s("")],
            "clauseId" => vec![s("objet"), s("confidentialite"), s("Objet !"), s("")],
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
        Arg::ClauseChange => vec![
            json!({ "type": "include", "value": false }),
            json!({ "type": "setText", "value": "Les Parties s’engagent." }),
            json!({ "type": "setText", "value": "{{ alliance.name" }),
            json!({ "type": "resetText" }),
        ],
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
pub fn sample<T: DeserializeOwned>(kind: Arg) -> T {
    serde_json::from_value(valid_values("", kind)[0].clone()).expect("sample deserialises")
}

// ---------------------------------------------------------------------------------
// Generated JSON and text.

pub const KEYS: &[&str] = &[
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
pub const SPECIAL: &[char] = &[
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

pub fn arb_text() -> impl Strategy<Value = String> {
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

pub fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(str::to_string),
        1 => arb_text(),
    ]
}

pub fn arb_json() -> impl Strategy<Value = Value> {
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
pub enum Mutation {
    /// A new text where there is a text or nothing (keeps the shape).
    Text(String),
    Replace(Value),
    RemoveKey,
    AddKey(String, Value),
    DuplicateItem,
    WrapInArray,
}

pub fn arb_mutation() -> impl Strategy<Value = (usize, Mutation)> {
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

pub fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
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

pub fn mutate(mut v: Value, mutations: &[(usize, Mutation)]) -> Value {
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
pub fn arb_arg(name: &str, kind: Arg) -> BoxedStrategy<Option<Value>> {
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
pub fn arb_args(args: &'static [(&'static str, Arg)]) -> BoxedStrategy<Map<String, Value>> {
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
pub const FILE: &str = "@file";

/// An alliance file for `alliance_import`: a valid one, mutated, or arbitrary JSON.
pub fn arb_import_file() -> BoxedStrategy<Map<String, Value>> {
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
/// What `backup_choose_file` is given: a list of damage operations on a real backup
/// (none: the backup as it is).
pub fn arb_backup_damage() -> BoxedStrategy<Map<String, Value>> {
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
