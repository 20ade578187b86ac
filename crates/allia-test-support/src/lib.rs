//! Generators of hostile input shared by the fuzz tests: the alliance-file import
//! (`crates/allia-store/tests/import_fuzz.rs`) and the IPC command arguments
//! (`src-tauri/tests/command_inputs/`). A dev-dependency only; never part of the app.
//!
//! Each test passes its own vocabulary: the JSON keys its inputs use (so generated
//! objects often look like real ones) and a few valid tokens (enum texts, dates).

use proptest::prelude::*;
use serde_json::Value;

/// Characters that break naive text handling: controls, NUL, invisible and direction
/// marks, lone combining marks, right-to-left letters, emoji, JSON and template syntax.
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
    '[',
    '%',
    '@',
];

/// Lengths around the app's caps (200 and 1 024 characters, 5 000, 20 000) and beyond.
const LENGTHS: &[usize] = &[1, 199, 200, 201, 1_025, 5_001, 20_001, 100_000];

/// Any text: arbitrary Unicode, plausible French words, runs of [`SPECIAL`] characters,
/// or one of them repeated to a length around a cap.
pub fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "[a-zA-Zéèàç0-9 '’@.-]{0,40}",
        2 => prop::collection::vec(prop::sample::select(SPECIAL), 0..24)
            .prop_map(|v| v.into_iter().collect::<String>()),
        1 => (prop::sample::select(SPECIAL), prop::sample::select(LENGTHS))
            .prop_map(|(c, n)| std::iter::repeat_n(c, n).collect::<String>()),
    ]
}

/// An object key: mostly one of `keys`, sometimes any text.
pub fn arb_key(keys: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(keys).prop_map(str::to_string),
        1 => arb_text(),
    ]
}

/// Any JSON value, up to five levels deep, with keys from `keys` and, among the texts,
/// the valid `tokens`.
pub fn arb_json(
    keys: &'static [&'static str],
    tokens: &'static [&'static str],
) -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        arb_text().prop_map(Value::String),
        prop::sample::select(tokens).prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(5, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((arb_key(keys), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
    .boxed()
}

/// One change to a JSON value, applied by [`mutate`] at a node it designates.
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

/// A mutation and the node it applies to (an index taken modulo the node count).
pub fn arb_mutation(
    keys: &'static [&'static str],
    tokens: &'static [&'static str],
) -> impl Strategy<Value = (usize, Mutation)> {
    let m = prop_oneof![
        6 => arb_text().prop_map(Mutation::Text),
        3 => arb_json(keys, tokens).prop_map(Mutation::Replace),
        2 => Just(Mutation::RemoveKey),
        1 => (arb_key(keys), arb_json(keys, tokens)).prop_map(|(k, v)| Mutation::AddKey(k, v)),
        1 => Just(Mutation::DuplicateItem),
        1 => Just(Mutation::WrapInArray),
    ];
    (any::<usize>(), m)
}

/// The JSON pointers of every node of `v` below `here`, parents first.
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

/// `v` with each mutation applied in turn, at the node its index designates.
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_node_has_a_pointer_parents_first() {
        let mut all = Vec::new();
        pointers(&json!({"a": [1, {"b/c": 2}]}), String::new(), &mut all);
        assert_eq!(all, ["", "/a", "/a/0", "/a/1", "/a/1/b~1c"]);
    }

    #[test]
    fn mutations_change_the_designated_node() {
        let v = json!({"name": "Val", "tags": ["a"]});
        let named = mutate(v.clone(), &[(1, Mutation::Text("Brenne".into()))]);
        assert_eq!(named["name"], "Brenne");
        let wrapped = mutate(v.clone(), &[(2, Mutation::WrapInArray)]);
        assert_eq!(wrapped["tags"], json!([["a"]]));
        let doubled = mutate(v, &[(2, Mutation::DuplicateItem)]);
        assert_eq!(doubled["tags"], json!(["a", "a"]));
    }
}
