//! Everything a contract needs about one alliance, and the alliance file that partners
//! exchange (JSON).
//!
//! - [`AllianceFile`]: the alliance's data as the document templates read it and a frozen
//!   version keeps it (the profile, the alliance, its partners, the commitments naming
//!   their partner by position); also the shape of the alliance file of format 1.
//! - [`AllianceFileV2`] (`v2`): the alliance file of format 2, what export writes: every
//!   record with its stable id and dates, the documents with their versions, signatures
//!   and clause changes.
//! - `read`: every reader of an alliance file (the app's import, the command line's
//!   `import`, `render --input` and `validate`) goes through [`read_alliance_file`]: one
//!   size cap, a byte-order mark skipped, serde_json's nesting limit, the unknown fields
//!   listed with their place, the same French explanation of what is wrong (errors in
//!   `errors`). A key given twice in one object is refused as malformed.
//! - `v1`: format 1 → 2 (ids derived from the content, the producing association marked by format 1's rule).
//! - `validation`: [`Importable::validated_for_import`], the one check before an import
//!   or a render, whatever the format; `import`: [`ImportedAlliance`], what is stored.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::alliance::AllianceDraft;
use crate::commitment::CommitmentsDraft;
use crate::organisation::Organisation;
use crate::partner::PartnerDraft;

mod actors;
mod diagnostic;
mod errors;
mod evaluation;
mod import;
mod model_advisor;
mod objectives;
mod print;
mod project_dossier;
mod read;
mod v1;
mod v2;
mod validation;

pub use actors::{
    actor_field_label, actor_record_place, FileCriterion, FileExchange, FileInteraction, FileScore,
    ALLIANCE_FILE_MAX_EXCHANGES, ALLIANCE_FILE_MAX_INTERACTIONS, ALLIANCE_FILE_MAX_SCORES,
};
pub use diagnostic::{FileDiagnostic, FileDiagnosticNeeds, FileSwotItem};
pub use errors::{json_problem, AllianceFileError};
pub use evaluation::{
    evaluation_record_place, FileEvaluation, FileEvaluationFrame, FileGapAnalysis, FileIndicator,
    FileMeasurement, ALLIANCE_FILE_MAX_GAP_ANALYSES, ALLIANCE_FILE_MAX_INDICATORS,
    ALLIANCE_FILE_MAX_MEASUREMENTS,
};
pub use import::{sender_partner_id, ImportedAlliance};
pub use model_advisor::FileModelAdvisor;
pub use objectives::{
    FileObjectives, FileObjectivesFrame, FileOperationalObjective, FileStrategicGap,
    FileStrategicObjective, ObjectivesRecords, ALLIANCE_FILE_MAX_OPERATIONAL_OBJECTIVES,
    ALLIANCE_FILE_MAX_STRATEGIC_GAPS,
};
pub use print::{sha256_hex, short_fingerprint};
pub use project_dossier::{FileFigure, FileProjectDossier};
pub use read::{read_alliance_file, FileContent, ReadFile, UnknownField};
pub use v1::is_producing_association;
pub use v2::{
    AllianceFileV2, FileAlliance, FileCommitment, FileDocument, FileOverride, FilePartner,
    FileParty, FilePrint, FileSettings, FileSignature, FileVersion,
};
pub use validation::{Importable, ALLIANCE_FILE_MAX_DOCUMENTS, ALLIANCE_FILE_MAX_VERSIONS};

/// Version of the alliance file format that export writes (format 1 still reads).
pub const ALLIANCE_FILE_FORMAT: u32 = 2;

/// Largest alliance file read, in bytes (20 Mio): a real one is a few kilobytes. Readers
/// read at most one byte more than this, so a huge file is never loaded whole.
pub const ALLIANCE_FILE_MAX_BYTES: usize = 20 * 1024 * 1024;

/// Most partners one alliance file may bring.
pub const ALLIANCE_FILE_MAX_PARTNERS: usize = 500;

/// The alliance's data as the document templates read it and a frozen version's
/// snapshot keeps it; on disk, the alliance file of format 1 (`format` is 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AllianceFile {
    pub format: u32,
    /// The association that produced the file (first party of its contracts).
    #[serde(default)]
    pub profile: Option<Organisation>,
    pub alliance: AllianceDraft,
    pub partners: Vec<PartnerDraft>,
    /// What each party commits (money, schedule, contributions in kind): at most one
    /// entry per party. Absent or empty when none is recorded (files written before
    /// commitments existed); not written when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<FileCommitments>,
}

/// The party an entry of `commitments` belongs to. In JSON: `"association"` or
/// `{ "partner": 3 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum CommitmentParty {
    /// The association whose file it is, first party of the contracts (the file's
    /// `profile`). Once imported: the importing vault's own association when it is the
    /// same organisation (or the file has no profile), else the sender as a partner
    /// ([`ImportedAlliance::for_vault`]).
    Association,
    /// A partner, by its position in `partners`, counted from 1.
    Partner(u32),
}

/// One party's commitments as the alliance file carries them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileCommitments {
    /// The record's id in the vault that wrote the file (informative: an import gives a
    /// new one). May be absent in a file written by hand.
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    pub party: CommitmentParty,
    pub draft: CommitmentsDraft,
}

impl AllianceFile {
    /// Parses the format-1 shape alone (tests, fixtures, the templates' data written as
    /// JSON). Refuses more than [`ALLIANCE_FILE_MAX_BYTES`] before parsing, skips a
    /// leading UTF-8 byte-order mark. Files that partners exchange are read by
    /// [`read_alliance_file`], which knows both formats and lists unknown fields.
    pub fn from_json_slice(bytes: &[u8]) -> Result<AllianceFile, AllianceFileError> {
        if bytes.len() > ALLIANCE_FILE_MAX_BYTES {
            return Err(AllianceFileError::TooLarge { bytes: bytes.len() });
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        serde_json::from_slice(bytes).map_err(|e| AllianceFileError::Malformed {
            line: e.line(),
            column: e.column(),
            problem: json_problem(&e),
        })
    }

    /// Writes the data as JSON, the way every alliance file is written
    /// ([`AllianceFileV2::to_json_string`]).
    ///
    /// # Errors
    /// Only if serde_json refuses a value; the types give it none to refuse.
    pub fn to_json_string(&self) -> Result<String, serde_json::Error> {
        pretty(self)
    }
}

impl AllianceFileV2 {
    /// Writes an alliance file, as every writer does (the app's export, the command
    /// line): pretty-printed JSON with two-space indents, ending with a newline, in UTF-8
    /// without a byte-order mark. [`read_alliance_file`] reads it back.
    ///
    /// # Errors
    /// Only if serde_json refuses a value; the file's types give it none to refuse.
    pub fn to_json_string(&self) -> Result<String, serde_json::Error> {
        pretty(self)
    }
}

fn pretty<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    let mut json = serde_json::to_string_pretty(value)?;
    json.push('\n');
    Ok(json)
}

/// Whether two organisations are the same one, by registration numbers only (issue 10,
/// item 3: identities are explicit, never inferred from names): the same SIREN (the
/// first 9 digits of a SIREN or SIRET: two establishments of one SIREN are one
/// organisation), else the same RNA number. Two different numbers of the same kind
/// make two organisations; with no number of a kind in common they are NOT the same,
/// whatever their names (homonyms stay two parties; the app asks about lookalikes with
/// [`crate::identity::suspicion`] instead). Expects validated (normalised) organisations.
pub fn same_organisation(a: &Organisation, b: &Organisation) -> bool {
    if let (Some(x), Some(y)) = (siren(a), siren(b)) {
        return x == y;
    }
    matches!((rna(a), rna(b)), (Some(x), Some(y)) if x == y)
}

/// The SIREN of an organisation: the first 9 digits of its SIREN or SIRET, `None` with
/// fewer than 9 digits.
pub(crate) fn siren(o: &Organisation) -> Option<String> {
    o.siret
        .as_deref()
        .map(|s| {
            s.chars()
                .filter(char::is_ascii_digit)
                .take(9)
                .collect::<String>()
        })
        .filter(|s| s.len() == 9)
}

/// The RNA number of an organisation, upper case and trimmed, `None` when empty.
pub(crate) fn rna(o: &Organisation) -> Option<String> {
    o.rna
        .as_deref()
        .map(|r| r.trim().to_uppercase())
        .filter(|r| !r.is_empty())
}

#[cfg(test)]
mod tests;
