//! The fields of two records compared: each record flattened to its leaves, the changed
//! ones kept (empty values alike are no change), each named and shown in French.

use serde_json::{Map, Value};

use super::FieldChange;

/// Fields that are never differences: when records were written (each vault dates its
/// own writes), the id (the match itself), who produced the file, and a frozen
/// version's printed PDF (bytes no preview can show; a frozen version is never rewritten).
const NOT_COMPARED: [&str; 6] = [
    "id",
    "createdAt",
    "updatedAt",
    "ownAssociation",
    "frozenAt",
    "printedPdf",
];

/// Which kind of record a field belongs to, for its French name.
#[derive(Clone, Copy)]
pub(super) enum Record {
    Alliance,
    Partner,
    Commitments,
    Version,
}

pub(super) fn is_empty_value(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.iter().all(is_empty_value),
        Value::Object(o) => o.values().all(is_empty_value),
        Value::Bool(b) => !b,
        Value::Number(_) => false,
    }
}

/// The leaves of a record: objects are walked into (`terms.durationMonths`), arrays of
/// records by position from 1 (`financial.1.amountCents`); an array of texts (keywords)
/// is one value.
fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, Value)>) {
    let join = |key: &str| {
        if prefix.is_empty() {
            key.to_string()
        } else {
            format!("{prefix}.{key}")
        }
    };
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if NOT_COMPARED.contains(&key.as_str()) {
                    continue;
                }
                if key == "snapshot" {
                    // A frozen version's data is compared whole: its inner fields mean
                    // nothing in the preview.
                    out.push((join(key), inner.clone()));
                    continue;
                }
                flatten(&join(key), inner, out);
            }
        }
        Value::Array(items) if items.iter().any(|i| i.is_object() || i.is_array()) => {
            for (index, inner) in items.iter().enumerate() {
                flatten(&join(&(index + 1).to_string()), inner, out);
            }
        }
        leaf => out.push((prefix.to_string(), leaf.clone())),
    }
}

pub(super) fn field_changes(
    old: &Map<String, Value>,
    new: &Map<String, Value>,
    record: Record,
) -> Vec<FieldChange> {
    let mut olds = Vec::new();
    flatten("", &Value::Object(old.clone()), &mut olds);
    let mut news = Vec::new();
    flatten("", &Value::Object(new.clone()), &mut news);
    let mut changes = Vec::new();
    let find = |list: &[(String, Value)], field: &str| {
        list.iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.clone())
            .unwrap_or(Value::Null)
    };
    let mut fields: Vec<&String> = news.iter().map(|(f, _)| f).collect();
    for (field, _) in &olds {
        if !fields.contains(&field) {
            fields.push(field);
        }
    }
    for field in fields {
        let before = find(&olds, field);
        let after = find(&news, field);
        // Absent, null, "", [] and false are all « empty »: a file that writes one for
        // the other changes nothing.
        if before == after || (is_empty_value(&before) && is_empty_value(&after)) {
            continue;
        }
        changes.push(FieldChange {
            label: field_label(record, field),
            old: shown_value(field, &before),
            new: shown_value(field, &after),
            field: field.clone(),
        });
    }
    changes
}

/// A value as the preview shows it: texts as they are, yes/no, amounts in euros,
/// closed lists by their French label; `None` when empty.
fn shown_value(field: &str, value: &Value) -> Option<String> {
    if is_empty_value(value) && !matches!(value, Value::Bool(_)) {
        return None;
    }
    let last = field.rsplit('.').next().unwrap_or(field);
    let label = |v: &Value| -> Option<String> {
        let v = v.clone();
        Some(match last {
            "actorType" => serde_json::from_value::<crate::ActorType>(v)
                .ok()?
                .label()
                .to_string(),
            "role" => serde_json::from_value::<crate::PartnerRole>(v)
                .ok()?
                .label()
                .to_string(),
            "nature" => serde_json::from_value::<crate::ContributionNature>(v)
                .ok()?
                .label()
                .to_string(),
            "status" if field.starts_with("pipeline") => {
                serde_json::from_value::<crate::ActorPipelineStatus>(v)
                    .ok()?
                    .label()
                    .to_string()
            }
            "category" => serde_json::from_value::<crate::MapCategory>(v)
                .ok()?
                .label()
                .to_string(),
            "status" => match serde_json::from_value::<crate::AllianceStatus>(v.clone()) {
                Ok(s) => s.label().to_string(),
                Err(_) => serde_json::from_value::<crate::DocumentStatus>(v)
                    .ok()?
                    .label()
                    .to_string(),
            },
            "kind" if field.contains("schedule") => {
                serde_json::from_value::<crate::PaymentScheduleKind>(v)
                    .ok()?
                    .label()
                    .to_string()
            }
            _ => return None,
        })
    };
    if let Some(text) = label(value) {
        return Some(text);
    }
    Some(match value {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "oui".to_string(),
        Value::Bool(false) => "non".to_string(),
        Value::Number(n) if last.ends_with("Cents") => n
            .as_i64()
            .map_or_else(|| n.to_string(), crate::money::format_euros),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(_) => "données".to_string(),
        Value::Null => return None,
    })
}

/// The French name of a field (its path in the record).
fn field_label(record: Record, field: &str) -> String {
    let segments: Vec<&str> = field.split('.').collect();
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < segments.len() {
        let segment = segments[index];
        let next = segments.get(index + 1).copied();
        // Two-segment names first (foreignRegistration.number, bank.iban…).
        if let Some(next) = next {
            if let Some(label) = segment_label(record, &format!("{segment}.{next}")) {
                parts.push(label.to_string());
                index += 2;
                continue;
            }
        }
        match (segment_label(record, segment), next) {
            (Some(label), Some(n)) if n.parse::<usize>().is_ok() => {
                parts.push(format!("{label} {n}"));
                index += 2;
                continue;
            }
            (Some(label), _) => parts.push(label.to_string()),
            (None, _)
                if segment == "organisation"
                    || segment == "settings"
                    || segment == "terms"
                    || segment == "draft" => {}
            (None, _) => parts.push(segment.to_string()),
        }
        index += 1;
    }
    let mut label = parts.join(", ");
    if label.is_empty() {
        label = field.to_string();
    }
    label
}

fn segment_label(record: Record, segment: &str) -> Option<&'static str> {
    let common = match segment {
        "name" => "nom",
        "acronym" => "sigle",
        "legalForm" => "forme juridique",
        "rna" => "numéro RNA",
        "siret" => "SIRET",
        "street" => "rue",
        "postalCode" => "code postal",
        "city" => "ville",
        "representativeName" => "nom du représentant",
        "representativeRole" => "fonction du représentant",
        "email" => "adresse e-mail",
        "phone" => "téléphone",
        "country" => "pays",
        "foreignRegistration.number" => "numéro d’immatriculation",
        "foreignRegistration.register" => "registre d’immatriculation",
        "localRegister.court" => "tribunal du registre des associations",
        "localRegister.volume" => "volume du registre des associations",
        "localRegister.folio" => "folio du registre des associations",
        "bank.iban" => "IBAN",
        "bank.bic" => "BIC",
        "bank" => "coordonnées bancaires",
        "bank.holder" => "titulaire du compte",
        "designation" => "désignation",
        "designation.shortName" => "nom court",
        "designation.article" => "article",
        "designation.gender" => "genre",
        "designation.number" => "nombre",
        _ => "",
    };
    if !common.is_empty() {
        return Some(common);
    }
    if matches!(record, Record::Partner) {
        if let Some(label) = crate::alliance_file::actor_field_label(segment) {
            return Some(label);
        }
    }
    Some(match (record, segment) {
        (Record::Alliance, "purpose") => "objet",
        (Record::Alliance, "territory") => "territoire",
        (Record::Alliance, "startDate") => "date de début",
        (Record::Alliance, "status") => "statut",
        (Record::Alliance, "durationMonths") => "durée (mois)",
        (Record::Alliance, "tacitRenewal") => "reconduction tacite",
        (Record::Alliance, "noticeMonths") => "préavis (mois)",
        (Record::Alliance, "signaturePlace") => "lieu de signature",
        (Record::Alliance, "signatureDate") => "date de signature",
        (Record::Alliance, "copies") => "nombre d’exemplaires originaux",
        (Record::Alliance, "court") => "tribunal compétent",
        (Record::Partner, "actorType") => "type d’acteur",
        (Record::Partner, "role") => "rôle dans l’alliance",
        (Record::Partner, "resources") => "ressources apportées",
        (Record::Partner, "resourceTags") => "mots-clés",
        (Record::Commitments, "financial") => "contribution financière",
        (Record::Commitments, "inKind") => "apport en nature",
        (Record::Commitments, "amountCents") => "montant",
        (Record::Commitments, "valueCents") => "valeur",
        (Record::Commitments, "nature") => "nature",
        (Record::Commitments, "schedule") => "échéancier",
        (Record::Commitments, "kind") => "modalité",
        (Record::Commitments, "instalments") => "échéance",
        (Record::Commitments, "date") => "date",
        (Record::Commitments, "description") => "description",
        (Record::Commitments, "budgetLine") => "ligne budgétaire",
        (Record::Version, "status") => "statut",
        (Record::Version, "number") => "numéro",
        (Record::Version, "title") => "titre",
        (Record::Version, "overrides") => "clause modifiée",
        (Record::Version, "clauseId") => "clause",
        (Record::Version, "enabled") => "incluse",
        (Record::Version, "text") => "texte",
        (Record::Version, "place") => "lieu de signature",
        (Record::Version, "signatureDate") => "date de signature",
        (Record::Version, "copies") => "nombre d’exemplaires originaux",
        (Record::Version, "initials") => "paraphes",
        (Record::Version, "annexes") => "annexe ajoutée",
        (Record::Version, "signatures") => "signature",
        (Record::Version, "party") => "partie",
        (Record::Version, "signatory") => "signataire",
        (Record::Version, "signedOn") => "date",
        (Record::Version, "snapshot") => "données figées",
        _ => return None,
    })
}
