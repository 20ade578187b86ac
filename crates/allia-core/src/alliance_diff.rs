//! What re-importing an alliance file would change (issue 10, item 5 « Mise à jour à la
//! réimportation »): the alliance as this vault stores it (exported to format 2) against
//! an incoming format-2 file of the same alliance id.
//!
//! Records are matched by id, never by name: partners by `id`, documents by `id`, their
//! versions by `id` (or by `number` when a version carries no id), commitments by the
//! party they belong to (`"association"` or the partner's id). A version that is frozen in
//! the vault (anything but « Brouillon ») is never altered: a file that changes its
//! content gets the change listed as ignored ([`VersionChange::ignored`]) and the update
//! leaves it as it is.
//!
//! The comparison works on the files' JSON (camelCase, as written by
//! [`crate::AllianceFile::to_json_string`]), so that every field the format carries is
//! compared, including ones added later, without a list to keep in step. Dates of
//! creation and change, and `ownAssociation` (which says who produced the file, so it
//! differs between two vaults' files of one alliance), are not differences.

use serde::Serialize;
use serde_json::{Map, Value};

/// One field whose value differs, old → new, for the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    /// Its path inside the record, as the file writes it (`organisation.siret`,
    /// `terms.durationMonths`, `financial.1.amountCents` with positions from 1).
    pub field: String,
    /// Its French name (« SIRET », « durée », « contribution financière 1, montant »).
    pub label: String,
    /// The value stored in the vault, in French (`None`: empty).
    pub old: Option<String>,
    /// The value in the file, in French (`None`: empty).
    pub new: Option<String>,
}

/// A record named in the preview: its id and how a person recognises it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RecordName {
    pub id: String,
    /// Its name (a partner's organisation name, a document's title or kind).
    pub name: String,
}

/// A partner present on both sides whose fields differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PartnerChange {
    pub id: String,
    /// The name in the file (the name it will have).
    pub name: String,
    pub fields: Vec<FieldChange>,
}

/// What happens to one party's commitments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum CommitmentChangeKind {
    Added,
    Changed,
    Removed,
}

/// One party's commitments that differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CommitmentChange {
    /// `"association"`, or the partner's id.
    pub party: String,
    /// The party's name (« l’association » for the association).
    pub party_name: String,
    pub kind: CommitmentChangeKind,
    /// For a change, each field that differs.
    pub fields: Vec<FieldChange>,
}

/// A version of a document that the file adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VersionAdded {
    pub document_id: String,
    pub document_name: String,
    pub number: u32,
    /// Its status, in French (« Brouillon », « Signé »…).
    pub status: String,
}

/// A version present on both sides whose content differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct VersionChange {
    pub document_id: String,
    pub document_name: String,
    pub number: u32,
    pub fields: Vec<FieldChange>,
    /// `Some(reason)` when the version is frozen in this vault, so the change is not
    /// applied: « ignorée : version signée » (or « … version figée » for a version in
    /// review or ready to sign). `None`: a draft, updated from the file.
    pub ignored: Option<String>,
}

/// Every difference between the stored alliance and the incoming file, in the order
/// the preview shows them. Empty lists when nothing differs ([`AllianceDiff::is_empty`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AllianceDiff {
    /// The alliance's id (the same on both sides).
    pub alliance_id: String,
    /// The alliance's name in the vault.
    pub alliance_name: String,
    /// The alliance's own fields (name, purpose, terms…).
    pub alliance_fields: Vec<FieldChange>,
    pub partners_added: Vec<RecordName>,
    pub partners_changed: Vec<PartnerChange>,
    pub partners_removed: Vec<RecordName>,
    pub commitments: Vec<CommitmentChange>,
    pub documents_added: Vec<RecordName>,
    /// Versions added to documents both sides have.
    pub versions_added: Vec<VersionAdded>,
    /// Versions both sides have whose content differs (applied when a draft, else
    /// ignored).
    pub versions_changed: Vec<VersionChange>,
    /// Documents of the vault the file does not have: an update keeps them.
    pub documents_kept: Vec<RecordName>,
}

/// The reason a frozen version's change is not applied, by its status in the vault.
pub const IGNORED_SIGNED: &str = "ignorée\u{a0}: version signée";
/// The reason for a version in review or ready to sign (frozen, not signed).
pub const IGNORED_FROZEN: &str = "ignorée\u{a0}: version figée";

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

impl AllianceDiff {
    /// Whether the file changes nothing that an update would apply or report.
    pub fn is_empty(&self) -> bool {
        self.alliance_fields.is_empty()
            && self.partners_added.is_empty()
            && self.partners_changed.is_empty()
            && self.partners_removed.is_empty()
            && self.commitments.is_empty()
            && self.documents_added.is_empty()
            && self.versions_added.is_empty()
            && self.versions_changed.is_empty()
    }

    /// The differences between `stored` (this vault's alliance exported to format 2) and
    /// `incoming` (a format-2 file of the same alliance, as this vault would store it),
    /// both as JSON values of the alliance file. Pure and total: a missing or
    /// ill-shaped part counts as empty (the caller validated the file before).
    pub fn between_json(stored: &Value, incoming: &Value) -> AllianceDiff {
        let empty = Map::new();
        let stored_alliance = stored
            .get("alliance")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let incoming_alliance = incoming
            .get("alliance")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let mut diff = AllianceDiff {
            alliance_id: text_of(stored_alliance.get("id")),
            alliance_name: text_of(stored_alliance.get("name")),
            alliance_fields: field_changes(stored_alliance, incoming_alliance, Record::Alliance),
            ..AllianceDiff::default()
        };
        diff_partners(&mut diff, stored, incoming);
        diff_commitments(&mut diff, stored, incoming);
        diff_documents(&mut diff, stored, incoming);
        diff
    }

    /// Every difference as lines of French text, for the command line (`allia diff`,
    /// `allia import` refusing without `--update` or `--copy`). « Aucune différence. »
    /// when there is none.
    pub fn french_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if self.is_empty() {
            lines.push("Aucune différence avec l’alliance du coffre.".to_string());
        }
        let field_line = |f: &FieldChange| {
            format!(
                "    {}\u{a0}: {} → {}",
                f.label,
                shown(f.old.as_deref()),
                shown(f.new.as_deref())
            )
        };
        if !self.alliance_fields.is_empty() {
            lines.push("Alliance, champs modifiés\u{a0}:".to_string());
            lines.extend(self.alliance_fields.iter().map(field_line));
        }
        for p in &self.partners_added {
            lines.push(format!("Partenaire ajouté\u{a0}: {}", p.name));
        }
        for p in &self.partners_changed {
            lines.push(format!("Partenaire modifié\u{a0}: {}", p.name));
            lines.extend(p.fields.iter().map(field_line));
        }
        for p in &self.partners_removed {
            lines.push(format!("Partenaire retiré\u{a0}: {}", p.name));
        }
        for c in &self.commitments {
            let what = match c.kind {
                CommitmentChangeKind::Added => "ajoutés",
                CommitmentChangeKind::Changed => "modifiés",
                CommitmentChangeKind::Removed => "retirés",
            };
            lines.push(format!("Engagements de {} {what}", c.party_name));
            lines.extend(c.fields.iter().map(field_line));
        }
        for d in &self.documents_added {
            lines.push(format!("Document ajouté\u{a0}: {}", d.name));
        }
        for v in &self.versions_added {
            lines.push(format!(
                "Nouvelle version\u{a0}: {}, version {} ({})",
                v.document_name, v.number, v.status
            ));
        }
        for v in &self.versions_changed {
            match &v.ignored {
                Some(reason) => lines.push(format!(
                    "Version modifiée\u{a0}: {}, version {} — {reason}",
                    v.document_name, v.number
                )),
                None => lines.push(format!(
                    "Version modifiée\u{a0}: {}, version {}",
                    v.document_name, v.number
                )),
            }
            lines.extend(v.fields.iter().map(field_line));
        }
        for d in &self.documents_kept {
            lines.push(format!(
                "Document absent du fichier, conservé\u{a0}: {}",
                d.name
            ));
        }
        lines
    }
}

fn shown(value: Option<&str>) -> String {
    match value {
        Some(v) => format!("«\u{a0}{v}\u{a0}»"),
        None => "(vide)".to_string(),
    }
}

/// Which kind of record a field belongs to, for its French name.
#[derive(Clone, Copy)]
enum Record {
    Alliance,
    Partner,
    Commitments,
    Version,
}

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn text_of(value: Option<&Value>) -> String {
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

fn diff_partners(diff: &mut AllianceDiff, stored: &Value, incoming: &Value) {
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
                    old.as_object().unwrap_or(&empty),
                    new.as_object().unwrap_or(&empty),
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

fn diff_commitments(diff: &mut AllianceDiff, stored: &Value, incoming: &Value) {
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

fn diff_documents(diff: &mut AllianceDiff, stored: &Value, incoming: &Value) {
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

fn is_empty_value(value: &Value) -> bool {
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

fn field_changes(
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

#[cfg(test)]
#[path = "alliance_diff_tests.rs"]
mod tests;
