//! The records of two files matched by id: partners, commitments (by party), documents
//! and their versions (a frozen version's change listed as ignored).

use serde_json::{Map, Value};

use super::fields::{field_changes, is_empty_value, Record};
use super::{
    AllianceDiff, CommitmentChange, CommitmentChangeKind, PartnerChange, RecordName, VersionAdded,
    VersionChange, IGNORED_FROZEN, IGNORED_SIGNED,
};

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

pub(super) fn text_of(value: Option<&Value>) -> String {
    value
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn id_of(value: &Value) -> Option<&str> {
    value.get("id").and_then(Value::as_str)
}

fn partner_name(partner: &Value) -> String {
    partner
        .get("organisation")
        .and_then(|o| o.get("name"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// A partner as compared: a file does not write the pipeline of an engaged actor, so
/// an absent one is « Engagé » (a move from or to it then shows both statuses).
fn with_pipeline(partner: &Map<String, Value>) -> Map<String, Value> {
    let mut partner = partner.clone();
    if partner.get("pipeline").is_none_or(Value::is_null) {
        partner.insert(
            "pipeline".to_string(),
            serde_json::json!({ "status": "engaged" }),
        );
    }
    partner
}

pub(super) fn diff_partners(diff: &mut AllianceDiff, stored: &Value, incoming: &Value) {
    let stored_partners = array(stored, "partners");
    let incoming_partners = array(incoming, "partners");
    let empty = Map::new();
    for new in incoming_partners {
        let Some(id) = id_of(new) else { continue };
        match stored_partners.iter().find(|p| id_of(p) == Some(id)) {
            None => diff.partners_added.push(RecordName {
                id: id.to_string(),
                name: partner_name(new),
            }),
            Some(old) => {
                let fields = field_changes(
                    &with_pipeline(old.as_object().unwrap_or(&empty)),
                    &with_pipeline(new.as_object().unwrap_or(&empty)),
                    Record::Partner,
                );
                if !fields.is_empty() {
                    diff.partners_changed.push(PartnerChange {
                        id: id.to_string(),
                        name: partner_name(new),
                        fields,
                    });
                }
            }
        }
    }
    for old in stored_partners {
        let Some(id) = id_of(old) else { continue };
        if !incoming_partners.iter().any(|p| id_of(p) == Some(id)) {
            diff.partners_removed.push(RecordName {
                id: id.to_string(),
                name: partner_name(old),
            });
        }
    }
}

/// The party a commitments entry belongs to: `"association"` or the partner's id.
fn party_key(entry: &Value) -> Option<String> {
    match entry.get("party")? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o
            .get("partnerId")
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    }
}

fn party_name(key: &str, stored: &Value, incoming: &Value) -> String {
    if key == "association" {
        return "l’association".to_string();
    }
    array(incoming, "partners")
        .iter()
        .chain(array(stored, "partners"))
        .find(|p| id_of(p) == Some(key))
        .map(partner_name)
        .unwrap_or_else(|| key.to_string())
}

pub(super) fn diff_commitments(diff: &mut AllianceDiff, stored: &Value, incoming: &Value) {
    let empty = Map::new();
    let draft_of = |entry: &Value| entry.get("draft").and_then(Value::as_object).cloned();
    let olds = array(stored, "commitments");
    let news = array(incoming, "commitments");
    for new in news {
        let Some(key) = party_key(new) else { continue };
        let new_draft = draft_of(new).unwrap_or_default();
        match olds.iter().find(|o| party_key(o).as_deref() == Some(&key)) {
            None => {
                if !is_empty_value(&Value::Object(new_draft.clone())) {
                    diff.commitments.push(CommitmentChange {
                        party_name: party_name(&key, stored, incoming),
                        party: key,
                        kind: CommitmentChangeKind::Added,
                        fields: field_changes(&empty, &new_draft, Record::Commitments),
                    });
                }
            }
            Some(old) => {
                let old_draft = draft_of(old).unwrap_or_default();
                let fields = field_changes(&old_draft, &new_draft, Record::Commitments);
                if !fields.is_empty() {
                    diff.commitments.push(CommitmentChange {
                        party_name: party_name(&key, stored, incoming),
                        party: key,
                        kind: CommitmentChangeKind::Changed,
                        fields,
                    });
                }
            }
        }
    }
    for old in olds {
        let Some(key) = party_key(old) else { continue };
        // A removed partner's commitments go with it: listed once, as the partner.
        let partner_removed = diff.partners_removed.iter().any(|p| p.id == key);
        if !partner_removed && !news.iter().any(|n| party_key(n).as_deref() == Some(&key)) {
            diff.commitments.push(CommitmentChange {
                party_name: party_name(&key, stored, incoming),
                party: key,
                kind: CommitmentChangeKind::Removed,
                fields: Vec::new(),
            });
        }
    }
}

fn document_name(document: &Value) -> String {
    let title = array(document, "versions")
        .iter()
        .filter_map(|v| v.get("settings")?.get("title")?.as_str())
        .rfind(|t| !t.trim().is_empty());
    if let Some(title) = title {
        return title.to_string();
    }
    document
        .get("kind")
        .cloned()
        .and_then(|k| serde_json::from_value::<crate::DocumentKind>(k).ok())
        .map(|k| k.label().to_string())
        .unwrap_or_else(|| "Document".to_string())
}

fn version_number(version: &Value) -> u32 {
    version
        .get("number")
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(0)
}

fn version_status(version: &Value) -> Option<crate::DocumentStatus> {
    version
        .get("status")
        .cloned()
        .and_then(|s| serde_json::from_value(s).ok())
}

/// The same version on the other side: by id when both carry one, else by number.
fn same_version<'a>(versions: &'a [Value], version: &Value) -> Option<&'a Value> {
    match id_of(version) {
        Some(id) => versions.iter().find(|v| id_of(v) == Some(id)),
        None => versions
            .iter()
            .find(|v| version_number(v) == version_number(version)),
    }
}

pub(super) fn diff_documents(diff: &mut AllianceDiff, stored: &Value, incoming: &Value) {
    let olds = array(stored, "documents");
    let news = array(incoming, "documents");
    let empty = Map::new();
    for new in news {
        let Some(id) = id_of(new) else { continue };
        let Some(old) = olds.iter().find(|d| id_of(d) == Some(id)) else {
            diff.documents_added.push(RecordName {
                id: id.to_string(),
                name: document_name(new),
            });
            continue;
        };
        let name = document_name(old);
        let old_versions = array(old, "versions");
        for version in array(new, "versions") {
            let number = version_number(version);
            match same_version(old_versions, version) {
                None => diff.versions_added.push(VersionAdded {
                    document_id: id.to_string(),
                    document_name: name.clone(),
                    number,
                    status: version_status(version)
                        .unwrap_or_default()
                        .label()
                        .to_string(),
                }),
                Some(old_version) => {
                    let fields = field_changes(
                        old_version.as_object().unwrap_or(&empty),
                        version.as_object().unwrap_or(&empty),
                        Record::Version,
                    );
                    if fields.is_empty() {
                        continue;
                    }
                    let ignored = match version_status(old_version).unwrap_or_default() {
                        crate::DocumentStatus::Draft => None,
                        crate::DocumentStatus::Signed => Some(IGNORED_SIGNED.to_string()),
                        _ => Some(IGNORED_FROZEN.to_string()),
                    };
                    diff.versions_changed.push(VersionChange {
                        document_id: id.to_string(),
                        document_name: name.clone(),
                        number: version_number(old_version),
                        fields,
                        ignored,
                    });
                }
            }
        }
    }
    for old in olds {
        let Some(id) = id_of(old) else { continue };
        if !news.iter().any(|d| id_of(d) == Some(id)) {
            diff.documents_kept.push(RecordName {
                id: id.to_string(),
                name: document_name(old),
            });
        }
    }
}
