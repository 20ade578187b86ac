//! The alliance file of format 2, as partners exchange it: every record carries the
//! stable id it has in the vault that wrote it, with its creation and change dates, and
//! the alliance's documents travel with their versions, signatures and clause changes.
//!
//! The shape (docs/formats.md): `{ "format": 2, "createdAt", "profile", "alliance",
//! "partners", "commitments", "documents" }`, then the optional sections of issue 11
//! (`diagnostic`, `projectDossier`, `modelAdvisor`) and the actor register's records
//! (`interactions`, `exchanges`, `criteria`, `scores`; `partners` holds every actor,
//! engaged or not). The alliance and each partner carry their
//! draft's fields next to `id`, `createdAt` and `updatedAt`; a commitment keeps its
//! `draft` apart and names its party by partner id (`{ "partnerId": "…" }`) or
//! `"association"` (the file's `profile`).
//!
//! The types spell every field out instead of flattening the drafts: serde's `flatten`
//! would hide unknown fields and lose the line and column of a wrong value. The
//! conversions below destructure the drafts whole, so a field added to a draft does not
//! compile until it travels here too.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::actors::{ActorAssessmentDraft, ActorPipeline};
use crate::alliance::{AgreementTerms, AllianceDraft, AllianceStatus};
use crate::commitment::CommitmentsDraft;
use crate::document::{
    ClauseOverride, DocumentKind, DocumentSettings, DocumentStatus, PartySignature, UserAnnex,
};
use crate::organisation::Organisation;
use crate::partner::{ActorType, PartnerDraft, PartnerRole};
use crate::snapshot::Snapshot;

/// An alliance file of format 2 (`format` is [`super::ALLIANCE_FILE_FORMAT`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct AllianceFileV2 {
    pub format: u32,
    /// When the file was written.
    pub created_at: DateTime<Utc>,
    /// The association that produced the file: the first party of its contracts, the
    /// `"association"` of `commitments`. `null` when that vault had no profile yet.
    #[serde(default)]
    pub profile: Option<Organisation>,
    pub alliance: FileAlliance,
    pub partners: Vec<FilePartner>,
    /// At most one entry per party; not written when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commitments: Vec<FileCommitment>,
    /// The alliance's documents with all their versions; not written when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<FileDocument>,
    /// The association's internal diagnostic (needs, MOFF / SWOT items); not written
    /// when there is none. Added with issue 11: older files have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnostic: Option<super::diagnostic::FileDiagnostic>,
    /// The dossier de présentation of the project (texts and key figures); not written
    /// when there is none. Added with issue 11: older files have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_dossier: Option<super::project_dossier::FileProjectDossier>,
    /// The model advisor's answers (guide section 2); not written when there are none.
    /// Added with issue 11: older files have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_advisor: Option<super::model_advisor::FileModelAdvisor>,
    /// The typed links between actors (the register's network); not written when
    /// empty. Added with issue 11: older files have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interactions: Vec<super::actors::FileInteraction>,
    /// The proximity log, every actor's exchanges; not written when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exchanges: Vec<super::actors::FileExchange>,
    /// The scoring matrix's criteria; not written when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<super::actors::FileCriterion>,
    /// The candidates' scores on the criteria; not written when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<super::actors::FileScore>,
    /// The objectives (guide section 4): vision and priority criteria, strategic
    /// objectives, strategic gaps, operational objectives with their partners; not
    /// written when there are none. Added with issue 12: older files have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objectives: Option<super::objectives::FileObjectives>,
    /// The impact evaluation (guide section 4): frame, indicators, measurements, gap
    /// analyses; not written when there is none. Added with issue 12: older files have
    /// none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<super::evaluation::FileEvaluation>,
}

/// The alliance: its id and dates, then the fields of [`AllianceDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileAlliance {
    /// Its id in the vault that wrote the file (a UUID): a later import of a file with
    /// the same id is the same alliance.
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub name: String,
    #[serde(default)]
    pub purpose: Option<String>,
    #[serde(default)]
    pub territory: Option<String>,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    pub status: AllianceStatus,
    #[serde(default, skip_serializing_if = "AgreementTerms::is_unset")]
    pub terms: AgreementTerms,
}

impl FileAlliance {
    /// The alliance of a file, from a stored alliance's id, dates and draft.
    pub fn new(
        id: String,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        draft: AllianceDraft,
    ) -> FileAlliance {
        let AllianceDraft {
            name,
            purpose,
            territory,
            start_date,
            status,
            terms,
        } = draft;
        FileAlliance {
            id,
            created_at,
            updated_at,
            name,
            purpose,
            territory,
            start_date,
            status,
            terms,
        }
    }

    /// The fields the user edits.
    pub fn draft(&self) -> AllianceDraft {
        let FileAlliance {
            id: _,
            created_at: _,
            updated_at: _,
            name,
            purpose,
            territory,
            start_date,
            status,
            terms,
        } = self.clone();
        AllianceDraft {
            name,
            purpose,
            territory,
            start_date,
            status,
            terms,
        }
    }

    /// The same alliance with `draft`'s fields (id and dates kept).
    pub fn with_draft(&self, draft: AllianceDraft) -> FileAlliance {
        FileAlliance::new(self.id.clone(), self.created_at, self.updated_at, draft)
    }
}

/// A partner: its id and dates, whether it is the producing association, then the
/// fields of [`PartnerDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FilePartner {
    /// Its id in the vault that wrote the file (a UUID).
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// This partner IS the association that produced the file (its `profile`): an
    /// explicit link, never inferred from names ([`PartnerDraft::own_association`]).
    /// At most one partner carries it.
    #[serde(default)]
    pub own_association: bool,
    pub organisation: Organisation,
    pub actor_type: ActorType,
    pub role: PartnerRole,
    #[serde(default)]
    pub resources: Option<String>,
    #[serde(default)]
    pub resource_tags: Vec<String>,
    /// The actor's status (absent: « Engagé », a partner, as in files written before the
    /// actor register; [`PartnerDraft::pipeline`]).
    #[serde(
        default = "ActorPipeline::engaged",
        skip_serializing_if = "ActorPipeline::is_engaged"
    )]
    pub pipeline: ActorPipeline,
    /// The cartography's fields, when described ([`PartnerDraft::assessment`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<ActorAssessmentDraft>,
}

impl FilePartner {
    /// The partner of a file, from a stored partner's id, dates and draft.
    pub fn new(
        id: String,
        created_at: DateTime<Utc>,
        updated_at: DateTime<Utc>,
        draft: PartnerDraft,
    ) -> FilePartner {
        let PartnerDraft {
            organisation,
            actor_type,
            role,
            resources,
            resource_tags,
            own_association,
            pipeline,
            assessment,
        } = draft;
        FilePartner {
            id,
            created_at,
            updated_at,
            own_association,
            organisation,
            actor_type,
            role,
            resources,
            resource_tags,
            pipeline,
            assessment,
        }
    }

    /// The fields the user edits (with the own-association link).
    pub fn draft(&self) -> PartnerDraft {
        let FilePartner {
            id: _,
            created_at: _,
            updated_at: _,
            own_association,
            organisation,
            actor_type,
            role,
            resources,
            resource_tags,
            pipeline,
            assessment,
        } = self.clone();
        PartnerDraft {
            organisation,
            actor_type,
            role,
            resources,
            resource_tags,
            own_association,
            pipeline,
            assessment,
        }
    }

    /// The same partner with `draft`'s fields (id and dates kept).
    pub fn with_draft(&self, draft: PartnerDraft) -> FilePartner {
        FilePartner::new(self.id.clone(), self.created_at, self.updated_at, draft)
    }
}

/// The party an entry of `commitments` belongs to. In JSON: `"association"` or
/// `{ "partnerId": "<uuid>" }`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum FileParty {
    /// The association that produced the file (its `profile`).
    Association,
    /// A partner of the file, by its `id`.
    PartnerId(String),
}

/// One party's commitments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileCommitment {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub party: FileParty,
    pub draft: CommitmentsDraft,
}

/// A contract document of the alliance with every version it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileDocument {
    pub id: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub kind: DocumentKind,
    /// Oldest first, numbered from 1 without gaps; only the last may be a draft.
    pub versions: Vec<FileVersion>,
}

/// One version of a document. A frozen one (in review, ready to sign, signed) carries
/// the snapshot of the alliance data it was frozen with, so it renders the same
/// wherever it is imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileVersion {
    pub id: String,
    pub number: u32,
    pub status: DocumentStatus,
    pub created_at: DateTime<Utc>,
    pub settings: FileSettings,
    #[serde(default)]
    pub signatures: Vec<FileSignature>,
    #[serde(default)]
    pub frozen_at: Option<DateTime<Utc>>,
    /// The alliance data a frozen version was frozen with (a versioned snapshot, as the
    /// vault stores it: `snapshotVersion`, then the data); absent for a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<serde_json::Value>"))]
    pub snapshot: Option<Snapshot>,
    /// The PDF a frozen version printed when it was frozen (with the files attached to
    /// its annexes), byte for byte: what was signed. Absent for a draft and for a
    /// version its vault never printed (frozen before Allia kept prints).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_pdf: Option<FilePrint>,
}

/// The exact bytes of a printed document, in an alliance file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FilePrint {
    /// SHA-256 of the bytes, 64 lower-case hexadecimal digits: an import refuses bytes
    /// that do not match it.
    pub sha256: String,
    /// The bytes in standard Base64 (RFC 4648, section 4, with padding).
    pub base64: String,
    /// The Allia version that printed it (« 0.1.0 »), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
}

/// What the person set on a version ([`DocumentSettings`]), each clause change with
/// its id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileSettings {
    pub title: String,
    #[serde(default)]
    pub overrides: Vec<FileOverride>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub signature_date: Option<NaiveDate>,
    #[serde(default)]
    pub copies: Option<u32>,
    #[serde(default)]
    pub initials: bool,
    /// The annexes the user added, by title. Their attached PDF files stay in the vault
    /// that wrote the file: an import keeps the titles, without files.
    #[serde(default)]
    pub annexes: Vec<UserAnnex>,
}

impl FileSettings {
    /// The settings of a file, each clause change given its id by `override_id`
    /// (called with the change's clause id).
    pub fn new(settings: DocumentSettings, mut override_id: impl FnMut(&str) -> String) -> Self {
        let DocumentSettings {
            title,
            overrides,
            place,
            signature_date,
            copies,
            initials,
            annexes,
        } = settings;
        FileSettings {
            title,
            overrides: overrides
                .into_iter()
                .map(|o| {
                    let ClauseOverride {
                        clause_id,
                        enabled,
                        text,
                    } = o;
                    FileOverride {
                        id: override_id(&clause_id),
                        clause_id,
                        enabled,
                        text,
                    }
                })
                .collect(),
            place,
            signature_date,
            copies,
            initials,
            annexes,
        }
    }

    /// The settings as the vault stores them (the ids apart: [`FileSettings::override_ids`]).
    pub fn settings(&self) -> DocumentSettings {
        let FileSettings {
            title,
            overrides,
            place,
            signature_date,
            copies,
            initials,
            annexes,
        } = self.clone();
        DocumentSettings {
            title,
            overrides: overrides
                .into_iter()
                .map(|o| ClauseOverride {
                    clause_id: o.clause_id,
                    enabled: o.enabled,
                    text: o.text,
                })
                .collect(),
            place,
            signature_date,
            copies,
            initials,
            annexes,
        }
    }

    /// Each clause change's id, by clause id (one change per clause).
    pub fn override_ids(&self) -> Vec<(String, String)> {
        self.overrides
            .iter()
            .map(|o| (o.clause_id.clone(), o.id.clone()))
            .collect()
    }
}

/// A change to one clause of the model ([`ClauseOverride`]) with its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileOverride {
    pub id: String,
    pub clause_id: String,
    #[serde(default)]
    pub enabled: Option<bool>,
    #[serde(default)]
    pub text: Option<String>,
}

/// A party's signature of a version ([`PartySignature`]) with its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FileSignature {
    pub id: String,
    /// The party's name as printed in the document.
    pub party: String,
    pub signatory: String,
    pub signed_on: NaiveDate,
}

impl FileSignature {
    /// A stored signature with its id.
    pub fn new(id: String, signature: PartySignature) -> FileSignature {
        let PartySignature {
            party,
            signatory,
            signed_on,
        } = signature;
        FileSignature {
            id,
            party,
            signatory,
            signed_on,
        }
    }

    /// The signature as the vault stores it (its id apart).
    pub fn signature(&self) -> PartySignature {
        PartySignature {
            party: self.party.clone(),
            signatory: self.signatory.clone(),
            signed_on: self.signed_on,
        }
    }
}
