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
//!
//! The parts: the differences and their French lines here; [`records`], the records
//! matched by id; [`fields`], the fields compared, named and shown.

use serde::Serialize;
use serde_json::{Map, Value};

use fields::{field_changes, Record};
use records::{diff_commitments, diff_documents, diff_partners, text_of};
use sections::diff_sections;

mod fields;
mod records;
mod sections;

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

/// One of the file's optional sections (`diagnostic`, `projectDossier`,
/// `modelAdvisor`) that differs from the vault's: an update replaces the vault's whole
/// by the file's. A file without the section leaves the vault's as it is (not listed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SectionChange {
    /// The section's key in the file: `diagnostic`, `projectDossier` or `modelAdvisor`.
    pub section: String,
    /// Its French name (« Diagnostic interne », « Dossier de présentation », « Modèle de
    /// partenariat »).
    pub label: String,
    /// What differs, in French: « modifié (besoins, matrice : 1 élément ajouté) ».
    pub summary: String,
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
    /// The optional sections (diagnostic, dossier, advisor) the file changes.
    pub sections: Vec<SectionChange>,
}

/// The reason a frozen version's change is not applied, by its status in the vault.
pub const IGNORED_SIGNED: &str = "ignorée\u{a0}: version signée";
/// The reason for a version in review or ready to sign (frozen, not signed).
pub const IGNORED_FROZEN: &str = "ignorée\u{a0}: version figée";

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
            && self.sections.is_empty()
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
        diff.sections = diff_sections(stored, incoming);
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
        for section in &self.sections {
            lines.push(format!("{}\u{a0}: {}", section.label, section.summary));
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

#[cfg(test)]
mod tests;
