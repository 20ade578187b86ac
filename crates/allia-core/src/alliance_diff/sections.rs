//! The alliance file's optional sections (`diagnostic`, `projectDossier`,
//! `modelAdvisor`, and the actor register's lists `interactions`, `exchanges`,
//! `criteria`, `scores`), each compared whole and summed up in one French line. A file
//! without a section (or with `null`, or an empty list, which files do not write) changes
//! nothing: an update keeps the vault's. Dates of creation and change are not
//! differences, as for the other records.

use serde_json::{Map, Value};

use super::SectionChange;

/// A section's parts that differ, stored side then the file's side.
type Parts = fn(&Map<String, Value>, &Map<String, Value>) -> Vec<String>;

/// The keys of a record that are not compared.
const DATES: [&str; 2] = ["createdAt", "updatedAt"];

/// The sections `incoming` carries that differ from `stored`'s, in the file's order.
pub(super) fn diff_sections(stored: &Value, incoming: &Value) -> Vec<SectionChange> {
    let mut changes = Vec::new();
    if let Some(summary) = section_summary(stored, incoming, "diagnostic", diagnostic_parts) {
        changes.push(SectionChange {
            section: "diagnostic".to_string(),
            label: "Diagnostic interne".to_string(),
            summary,
        });
    }
    if let Some(summary) = section_summary(stored, incoming, "projectDossier", dossier_parts) {
        changes.push(SectionChange {
            section: "projectDossier".to_string(),
            label: "Dossier de présentation".to_string(),
            summary,
        });
    }
    if let Some(summary) = section_summary(stored, incoming, "modelAdvisor", advisor_parts) {
        changes.push(SectionChange {
            section: "modelAdvisor".to_string(),
            label: "Modèle de partenariat".to_string(),
            summary,
        });
    }
    if let Some(summary) = section_summary(stored, incoming, "objectives", objectives_parts) {
        changes.push(SectionChange {
            section: "objectives".to_string(),
            label: "Objectifs".to_string(),
            summary,
        });
    }
    if let Some(summary) = section_summary(stored, incoming, "evaluation", evaluation_parts) {
        changes.push(SectionChange {
            section: "evaluation".to_string(),
            label: "Évaluation".to_string(),
            summary,
        });
    }
    for (key, label, noun, feminine) in [
        ("interactions", "Liens entre acteurs", "lien", false),
        ("exchanges", "Journal des échanges", "échange", false),
        ("criteria", "Critères de sélection", "critère", false),
        ("scores", "Notes des candidats", "note", true),
    ] {
        let Some(new) = incoming.get(key).filter(|v| !is_empty_list(v)) else {
            continue;
        };
        if let Some(summary) = gendered_list_changes(stored.get(key), Some(new), noun, feminine) {
            changes.push(SectionChange {
                section: key.to_string(),
                label: label.to_string(),
                summary: format!("modifié ({summary})"),
            });
        }
    }
    changes
}

fn is_empty_list(value: &Value) -> bool {
    value.is_null() || value.as_array().is_some_and(Vec::is_empty)
}

/// `None` when the file has no such section or it equals the stored one; else what
/// differs (« modifié (besoins, matrice : 1 élément ajouté) »).
fn section_summary(stored: &Value, incoming: &Value, key: &str, parts: Parts) -> Option<String> {
    let empty = Map::new();
    let new = incoming.get(key).and_then(Value::as_object)?;
    let old = stored.get(key).and_then(Value::as_object).unwrap_or(&empty);
    let parts = parts(old, new);
    if parts.is_empty() {
        return None;
    }
    Some(format!("modifié ({})", parts.join(", ")))
}

fn diagnostic_parts(old: &Map<String, Value>, new: &Map<String, Value>) -> Vec<String> {
    let mut parts = Vec::new();
    if !same_record(old.get("needs"), new.get("needs")) {
        parts.push("besoins".to_string());
    }
    if let Some(items) = list_changes(old.get("items"), new.get("items"), "élément") {
        parts.push(format!("matrice\u{a0}: {items}"));
    }
    parts
}

/// The evaluation is merged by id (an update keeps the vault's records the file lacks):
/// only what the file adds or changes counts.
fn evaluation_parts(old: &Map<String, Value>, new: &Map<String, Value>) -> Vec<String> {
    let mut parts = Vec::new();
    if new.get("frame").is_some_and(|f| !f.is_null())
        && !same_record(old.get("frame"), new.get("frame"))
    {
        parts.push("finalités et questions".to_string());
    }
    for (key, label, noun, feminine) in [
        ("indicators", "indicateurs", "indicateur", false),
        ("measurements", "mesures", "mesure", true),
        ("gapAnalyses", "analyses des écarts", "analyse", true),
    ] {
        let new_list = new.get(key);
        let ids: std::collections::HashSet<&str> = new_list
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(|v| v.get("id")?.as_str()).collect())
            .unwrap_or_default();
        let kept = Value::Array(
            old.get(key)
                .and_then(Value::as_array)
                .map(|l| {
                    l.iter()
                        .filter(|v| {
                            v.get("id")
                                .and_then(Value::as_str)
                                .is_some_and(|id| ids.contains(id))
                        })
                        .cloned()
                        .collect()
                })
                .unwrap_or_default(),
        );
        if let Some(summary) = gendered_list_changes(Some(&kept), new_list, noun, feminine) {
            parts.push(format!("{label}\u{a0}: {summary}"));
        }
    }
    parts
}

/// The objectives are merged by id (an update keeps the vault's records the file lacks):
/// only what the file adds or changes counts.
fn objectives_parts(old: &Map<String, Value>, new: &Map<String, Value>) -> Vec<String> {
    let mut parts = Vec::new();
    if new.get("frame").is_some_and(|f| !f.is_null())
        && !same_record(old.get("frame"), new.get("frame"))
    {
        parts.push("vision et critères".to_string());
    }
    for (key, label, noun, feminine) in [
        ("strategic", "objectifs stratégiques", "objectif", false),
        ("gaps", "écarts stratégiques", "écart", false),
        ("operational", "objectifs opérationnels", "objectif", false),
    ] {
        let new_list = new.get(key);
        let ids: std::collections::HashSet<&str> = new_list
            .and_then(Value::as_array)
            .map(|l| l.iter().filter_map(|v| v.get("id")?.as_str()).collect())
            .unwrap_or_default();
        let kept = Value::Array(
            old.get(key)
                .and_then(Value::as_array)
                .map(|l| {
                    l.iter()
                        .filter(|v| {
                            v.get("id")
                                .and_then(Value::as_str)
                                .is_some_and(|id| ids.contains(id))
                        })
                        .cloned()
                        .collect()
                })
                .unwrap_or_default(),
        );
        if let Some(summary) = gendered_list_changes(Some(&kept), new_list, noun, feminine) {
            parts.push(format!("{label}\u{a0}: {summary}"));
        }
    }
    parts
}

fn dossier_parts(old: &Map<String, Value>, new: &Map<String, Value>) -> Vec<String> {
    let mut parts = Vec::new();
    let texts = ["socialNeed", "collectiveResponse", "argument", "keyActors"];
    if texts.iter().any(|t| !same_value(old.get(*t), new.get(*t))) {
        parts.push("textes".to_string());
    }
    if let Some(figures) = list_changes(old.get("figures"), new.get("figures"), "chiffre") {
        parts.push(format!("chiffres clés\u{a0}: {figures}"));
    }
    parts
}

fn advisor_parts(old: &Map<String, Value>, new: &Map<String, Value>) -> Vec<String> {
    if same_value(old.get("answers"), new.get("answers")) {
        Vec::new()
    } else {
        vec!["réponses".to_string()]
    }
}

/// Two values alike, a missing one counting as `null`, and an empty object as `null`
/// (a section's answers with nothing set).
fn same_value(old: Option<&Value>, new: Option<&Value>) -> bool {
    normalised(old) == normalised(new)
}

fn normalised(value: Option<&Value>) -> Value {
    match value {
        None => Value::Null,
        Some(Value::Object(map)) => Value::Object(
            map.iter()
                .filter(|(k, v)| !v.is_null() && !DATES.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), normalised(Some(v))))
                .collect(),
        ),
        Some(Value::Array(items)) => {
            Value::Array(items.iter().map(|v| normalised(Some(v))).collect())
        }
        Some(v) => v.clone(),
    }
}

/// One record (the needs) alike on both sides, dates and id aside (a vault that writes
/// its needs first gives them its own id).
fn same_record(old: Option<&Value>, new: Option<&Value>) -> bool {
    let without_id = |v: Option<&Value>| match normalised(v) {
        Value::Object(mut map) => {
            map.remove("id");
            if map.is_empty() {
                Value::Null
            } else {
                Value::Object(map)
            }
        }
        other => other,
    };
    without_id(old) == without_id(new)
}

/// The records of a list matched by id: « 1 élément ajouté, 2 modifiés, 1 retiré »;
/// `None` when alike.
fn list_changes(old: Option<&Value>, new: Option<&Value>, noun: &str) -> Option<String> {
    gendered_list_changes(old, new, noun, false)
}

/// [`list_changes`] for a noun of either gender (« 2 notes ajoutées »).
fn gendered_list_changes(
    old: Option<&Value>,
    new: Option<&Value>,
    noun: &str,
    feminine: bool,
) -> Option<String> {
    let none = Vec::new();
    let old = old.and_then(Value::as_array).unwrap_or(&none);
    let new = new.and_then(Value::as_array).unwrap_or(&none);
    let id = |v: &Value| v.get("id").and_then(Value::as_str).map(str::to_string);
    let find = |list: &[Value], wanted: &Option<String>| {
        list.iter()
            .find(|v| id(v) == *wanted && wanted.is_some())
            .cloned()
    };
    let mut added = 0usize;
    let mut changed = 0usize;
    for record in new {
        match find(old, &id(record)) {
            None => added += 1,
            Some(before) if normalised(Some(&before)) != normalised(Some(record)) => {
                changed += 1;
            }
            Some(_) => {}
        }
    }
    let removed = old
        .iter()
        .filter(|record| find(new, &id(record)).is_none())
        .count();
    let mut parts = Vec::new();
    let e = if feminine { "e" } else { "" };
    let counted = |count: usize, word: &str| {
        let s = if count > 1 { "s" } else { "" };
        format!("{count} {word}{e}{s}")
    };
    if added > 0 {
        parts.push(counted(added, "ajouté"));
    }
    if changed > 0 {
        parts.push(counted(changed, "modifié"));
    }
    if removed > 0 {
        parts.push(counted(removed, "retiré"));
    }
    let first = parts.first_mut()?;
    // The noun goes with the first count only: « 2 éléments ajoutés, 1 modifié ».
    let (count, rest) = first.split_once(' ').unwrap_or((first.as_str(), ""));
    let total = count.parse::<usize>().unwrap_or(1);
    let s = if total > 1 { "s" } else { "" };
    *first = format!("{count} {noun}{s} {rest}");
    Some(parts.join(", "))
}
