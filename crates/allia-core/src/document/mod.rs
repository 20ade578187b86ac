//! The contract documents an alliance signs (step 4 of the guide, « Formaliser
//! contractuellement »), and the data a document adds to the alliance's own.
//!
//! `status`: where a version stands and the rules that move it; `settings`: what the
//! person sets on a document (clause changes included); `signature`: the parties' signatures.

mod settings;
mod signature;
mod status;

pub use settings::{
    ClauseChange, ClauseOverride, DocumentSettings, UserAnnex, MAX_CLAUSE_TEXT, MAX_OVERRIDES,
    MAX_SIGNATURES,
};
pub use signature::{PartySignature, SignatureDraft};
pub use status::{is_placeholder_party, DocumentRefusal, DocumentStatus};

use serde::{Deserialize, Serialize};

/// The guide's three contractual documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    PartnershipAgreement,
    PartnershipCharter,
    ConsortiumAgreement,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 3] = [
        Self::PartnershipAgreement,
        Self::PartnershipCharter,
        Self::ConsortiumAgreement,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::PartnershipAgreement => "Convention de partenariat",
            Self::PartnershipCharter => "Charte partenariale",
            Self::ConsortiumAgreement => "Accord de consortium",
        }
    }

    /// What the document is for, in the guide's words.
    pub fn purpose(self) -> &'static str {
        match self {
            Self::PartnershipAgreement => "Fixe les engagements stratégiques et opérationnels des partenaires.",
            Self::PartnershipCharter => "Pose le cadre éthique et déontologique de la coopération.",
            Self::ConsortiumAgreement => {
                "Organise la gouvernance collective, le calendrier et les modalités financières du consortium."
            }
        }
    }

    /// Short name used on the command line (`allia render --document …`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::PartnershipAgreement => "convention",
            Self::PartnershipCharter => "charte",
            Self::ConsortiumAgreement => "consortium",
        }
    }

    pub fn from_cli_name(name: &str) -> Option<DocumentKind> {
        Self::ALL.into_iter().find(|k| k.cli_name() == name)
    }
}

/// A stored document of an alliance, with its current (latest) version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ContractDocument {
    pub id: String,
    pub alliance_id: String,
    pub kind: DocumentKind,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    pub current: DocumentVersion,
    /// What the builder offers next: [`DocumentStatus::next`] of the current version.
    /// This and the two fields below are derived from `current.status` by
    /// [`ContractDocument::new`], so the UI reads the rules instead of repeating them.
    pub next_status: Option<DocumentStatus>,
    /// Whether signatures can be recorded: [`DocumentStatus::accepts_signatures`].
    pub can_sign: bool,
    /// Whether the current version is frozen ([`DocumentStatus::is_frozen`]): a change
    /// then starts version `current.number + 1`.
    pub frozen: bool,
    /// Whether « Revenir au brouillon » is offered: [`DocumentVersion::check_return_to_draft`].
    pub can_return_to_draft: bool,
}

impl ContractDocument {
    /// A document with its current version, and the status rules that version obeys.
    pub fn new(
        id: String,
        alliance_id: String,
        kind: DocumentKind,
        created_at: chrono::DateTime<chrono::Utc>,
        updated_at: chrono::DateTime<chrono::Utc>,
        current: DocumentVersion,
    ) -> ContractDocument {
        let status = current.status;
        let can_return_to_draft = current.check_return_to_draft().is_ok();
        ContractDocument {
            id,
            alliance_id,
            kind,
            created_at,
            updated_at,
            current,
            next_status: status.next(),
            can_sign: status.accepts_signatures(),
            frozen: status.is_frozen(),
            can_return_to_draft,
        }
    }
}

/// One version of a document. Once frozen it keeps a snapshot of the alliance data it
/// was made from, so its PDF can be produced again identically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DocumentVersion {
    pub number: u32,
    pub status: DocumentStatus,
    pub settings: DocumentSettings,
    pub signatures: Vec<PartySignature>,
    pub frozen_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The alliance data the version was frozen with (none while a draft). Stays in
    /// the store: it never crosses IPC.
    #[serde(skip)]
    pub snapshot: Option<crate::AllianceFile>,
}

impl DocumentVersion {
    /// A version in review or ready to sign goes back to « Brouillon » (and follows the
    /// alliance's data again) while nobody has signed it; a draft has nowhere to go back
    /// to, and a signature is kept only by making a new version.
    ///
    /// # Errors
    /// [`DocumentRefusal::Backwards`] from a draft; [`DocumentRefusal::AlreadySigned`]
    /// once signed or once a signature is recorded.
    pub fn check_return_to_draft(&self) -> Result<(), DocumentRefusal> {
        match self.status {
            DocumentStatus::Draft => Err(DocumentRefusal::Backwards),
            DocumentStatus::Signed => Err(DocumentRefusal::AlreadySigned),
            DocumentStatus::InReview | DocumentStatus::ReadyToSign => {
                if self.signatures.is_empty() {
                    Ok(())
                } else {
                    Err(DocumentRefusal::AlreadySigned)
                }
            }
        }
    }

    /// « Signé » needs a recorded signature (a signatory and a date, which
    /// [`PartySignature`] always carries) from every party the document prints
    /// (`parties`: the organisations of its signature block, as the templates word them).
    ///
    /// A party that is still a placeholder ([`is_placeholder_party`]) never counts as
    /// signed: the document is not « Signé » with « [à compléter] » in it. The named
    /// parties' missing signatures are reported first, then the placeholder.
    ///
    /// # Errors
    /// [`DocumentRefusal::Unsigned`] when a named party has not signed;
    /// [`DocumentRefusal::PlaceholderParty`] when a party is a placeholder.
    pub fn check_signed_by(&self, parties: &[String]) -> Result<(), DocumentRefusal> {
        let (placeholders, named): (Vec<&String>, Vec<&String>) =
            parties.iter().partition(|p| is_placeholder_party(p));
        let signed = |party: &&String| self.signatures.iter().any(|s| &s.party == *party);
        if !named.iter().all(signed) {
            Err(DocumentRefusal::Unsigned)
        } else if !placeholders.is_empty() {
            Err(DocumentRefusal::PlaceholderParty)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_only_once_every_party_has_signed() {
        let signature = |party: &str| PartySignature {
            party: party.into(),
            signatory: "Claire Martin".into(),
            signed_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
        };
        let mut version = DocumentVersion {
            number: 1,
            status: DocumentStatus::ReadyToSign,
            settings: DocumentSettings::default(),
            signatures: vec![signature("Maison des Solidarités")],
            frozen_at: None,
            snapshot: None,
        };
        let parties = vec![
            "Maison des Solidarités".to_string(),
            "Commune de Tours".to_string(),
        ];
        assert_eq!(
            version.check_signed_by(&parties),
            Err(DocumentRefusal::Unsigned)
        );
        version.signatures.push(signature("Commune de Tours"));
        assert_eq!(version.check_signed_by(&parties), Ok(()));
        // A placeholder party (incomplete profile) keeps the document from « Signé »,
        // even with a signature recorded under that name.
        let placeholder = "[Votre association : complétez le profil]".to_string();
        version.signatures.push(signature(&placeholder));
        assert_eq!(
            version.check_signed_by(&[placeholder.clone(), "Commune de Tours".to_string()]),
            Err(DocumentRefusal::PlaceholderParty)
        );
        // A named party's missing signature is said first.
        assert_eq!(
            version.check_signed_by(&[placeholder, "Mairie de Brenne".to_string()]),
            Err(DocumentRefusal::Unsigned)
        );
    }

    #[test]
    fn back_to_draft_only_while_nobody_has_signed() {
        let version = |status, signed: bool| DocumentVersion {
            number: 1,
            status,
            settings: DocumentSettings::default(),
            signatures: if signed {
                vec![PartySignature {
                    party: "Maison des Solidarités".into(),
                    signatory: "Claire Martin".into(),
                    signed_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("date"),
                }]
            } else {
                Vec::new()
            },
            frozen_at: None,
            snapshot: None,
        };
        use DocumentStatus::*;
        assert_eq!(version(InReview, false).check_return_to_draft(), Ok(()));
        assert_eq!(version(ReadyToSign, false).check_return_to_draft(), Ok(()));
        assert_eq!(
            version(ReadyToSign, true).check_return_to_draft(),
            Err(DocumentRefusal::AlreadySigned)
        );
        assert_eq!(
            version(Signed, true).check_return_to_draft(),
            Err(DocumentRefusal::AlreadySigned)
        );
        assert_eq!(
            version(Draft, false).check_return_to_draft(),
            Err(DocumentRefusal::Backwards)
        );
    }

    #[test]
    fn labels_and_cli_names() {
        let labels: Vec<_> = DocumentKind::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(
            labels,
            vec![
                "Convention de partenariat",
                "Charte partenariale",
                "Accord de consortium"
            ]
        );
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::from_cli_name(kind.cli_name()), Some(kind));
        }
        assert_eq!(DocumentKind::from_cli_name("contrat"), None);
    }

    #[test]
    fn a_document_carries_its_status_rules() {
        let at = chrono::DateTime::<chrono::Utc>::default();
        let document = |status| {
            ContractDocument::new(
                "d".into(),
                "a".into(),
                DocumentKind::PartnershipCharter,
                at,
                at,
                DocumentVersion {
                    number: 1,
                    status,
                    settings: DocumentSettings::default(),
                    signatures: Vec::new(),
                    frozen_at: None,
                    snapshot: None,
                },
            )
        };
        let draft = document(DocumentStatus::Draft);
        assert_eq!(draft.next_status, Some(DocumentStatus::InReview));
        assert!(!draft.can_sign && !draft.frozen);
        let ready = document(DocumentStatus::ReadyToSign);
        assert_eq!(ready.next_status, Some(DocumentStatus::Signed));
        assert!(ready.can_sign && ready.frozen);
        let signed = document(DocumentStatus::Signed);
        assert_eq!(signed.next_status, None);
        let json = serde_json::to_value(&signed).expect("json");
        assert_eq!(json["nextStatus"], serde_json::Value::Null);
        // Signed: the signatures are read-only.
        assert_eq!(json["canSign"], false);
        assert_eq!(json["frozen"], true);
    }
}
