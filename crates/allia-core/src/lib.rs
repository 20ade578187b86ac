//! Allia's domain: the organisations, alliances and partners an association works with,
//! the guide's closed lists with their French labels, and every validation rule.
//! Pure: no I/O, no async, no storage or UI concerns.

pub mod actors;
pub mod alliance;
pub mod alliance_diff;
pub mod alliance_file;
pub mod catalog;
pub mod commitment;
pub mod demo;
pub mod designation;
pub mod diagnostic;
pub mod document;
pub mod evaluation;
pub mod form_draft;
pub mod identifiers;
pub mod identity;
pub mod import_review;
pub mod model_advisor;
pub mod money;
pub mod objectives;
pub mod organisation;
pub mod partner;
pub mod passphrase;
pub mod progress;
pub mod project_dossier;
pub mod settings;
pub mod snapshot;
pub mod text;
pub mod validation;

pub use actors::{
    rank_candidates, ActorAssessmentDraft, ActorPipeline, ActorPipelineStatus, CandidateScores,
    Criterion, CriterionDraft, ExchangeEntryDraft, ExchangeKind, InteractionDraft, InteractionKind,
    Level, LevelScale, MapCategory, MapQuadrant, RankedCandidate,
};
pub use alliance::{AgreementTerms, Alliance, AllianceDraft, AllianceStatus};
pub use alliance_diff::AllianceDiff;
pub use alliance_file::{
    read_alliance_file, same_organisation, AllianceFile, AllianceFileError, AllianceFileV2,
    CommitmentParty, FileAlliance, FileCommitment, FileCommitments, FileContent, FileDocument,
    FileOverride, FilePartner, FileParty, FilePrint, FileSettings, FileSignature, FileVersion,
    Importable, ImportedAlliance, ReadFile, UnknownField, ALLIANCE_FILE_FORMAT,
    ALLIANCE_FILE_MAX_BYTES, ALLIANCE_FILE_MAX_PARTNERS,
};
pub use catalog::{Catalog, Choice};
pub use commitment::{
    even_split, is_public_funder, propose_instalments, CommitmentsDraft, ContributionNature,
    FinancialContribution, InKindContribution, Instalment, PartyCommitments, PaymentSchedule,
    PaymentScheduleKind,
};
pub use designation::{Article, Designation, Gender, GrammaticalNumber};
pub use diagnostic::{
    Diagnostic, DiagnosticNeeds, DiagnosticNeedsDraft, SwotItem, SwotItemDraft, SwotQuadrant,
};
pub use document::{
    ClauseChange, ClauseOverride, ContractDocument, DocumentKind, DocumentRefusal,
    DocumentSettings, DocumentStatus, DocumentVersion, PartySignature, SignatureDraft, UserAnnex,
};
pub use form_draft::{FormDraft, FormDraftKey, FORM_DRAFT_MAX_BYTES};
pub use identity::{lookalikes, suspicion, Lookalike, Suspicion, SuspicionReason};
pub use import_review::{ImportChoices, ImportMode, ImportReview, OwnLookalike};
pub use model_advisor::{
    recommend, AdvisorAnswers, CompanyContribution, CompanyPartnershipKind, CooperationForm,
    ExpectedDuration, ModelAdvisor, Recommendation,
};
pub use organisation::{
    AssociationProfile, BankDetails, ForeignRegistration, LocalRegister, Organisation,
};
pub use partner::{ActorType, Partner, PartnerDraft, PartnerRole};
pub use passphrase::{assess_passphrase, PassphraseAssessment};
pub use project_dossier::{
    DossierContent, DossierFigure, DossierTexts, FigureDraft, FigureSourceKind, ProjectDossier,
};
pub use settings::{Settings, TEXT_SCALE_DEFAULT_PERCENT, TEXT_SCALE_STEPS};
pub use snapshot::{Snapshot, SnapshotV1, SNAPSHOT_VERSION};
pub use validation::{FieldError, ValidationErrors};
