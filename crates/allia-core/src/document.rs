//! The contract documents an alliance signs (step 4 of the guide, « Formaliser
//! contractuellement »), and the data a document adds to the alliance's own.

use serde::{Deserialize, Serialize};

/// The guide's three contractual documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
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

/// A change the user made to one clause of a document model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClauseOverride {
    /// The clause's stable identity in the model (e.g. « resiliation »).
    pub clause_id: String,
    /// `Some(false)` leaves an optional clause out; `None` keeps the model's default.
    pub enabled: Option<bool>,
    /// Replacement text (same placeholders as the model); `None` keeps the model text.
    pub text: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
