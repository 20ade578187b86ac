//! The closed lists the UI offers, with their French labels and help, taken from the
//! enums so a label is written once.

use serde::{Deserialize, Serialize};

use crate::alliance::AllianceStatus;
use crate::document::{DocumentKind, DocumentStatus};
use crate::organisation::LEGAL_FORM_SUGGESTIONS;
use crate::partner::{ActorType, PartnerRole};

/// One option of a closed list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Choice<T> {
    pub value: T,
    pub label: String,
    pub help: Option<String>,
}

/// Every list the screens built so far need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    pub actor_types: Vec<Choice<ActorType>>,
    pub partner_roles: Vec<Choice<PartnerRole>>,
    pub alliance_statuses: Vec<Choice<AllianceStatus>>,
    pub document_kinds: Vec<Choice<DocumentKind>>,
    pub document_statuses: Vec<Choice<DocumentStatus>>,
    pub legal_forms: Vec<String>,
}

impl Catalog {
    pub fn build() -> Catalog {
        Catalog {
            actor_types: ActorType::ALL
                .iter()
                .map(|&a| Choice {
                    value: a,
                    label: a.label().into(),
                    help: Some(a.contribution().into()),
                })
                .collect(),
            partner_roles: PartnerRole::ALL
                .iter()
                .map(|&r| Choice {
                    value: r,
                    label: r.label().into(),
                    help: Some(r.description().into()),
                })
                .collect(),
            alliance_statuses: AllianceStatus::ALL
                .iter()
                .map(|&s| Choice {
                    value: s,
                    label: s.label().into(),
                    help: None,
                })
                .collect(),
            document_kinds: DocumentKind::ALL
                .iter()
                .map(|&k| Choice {
                    value: k,
                    label: k.label().into(),
                    help: Some(k.purpose().into()),
                })
                .collect(),
            document_statuses: DocumentStatus::ALL
                .iter()
                .map(|&s| Choice {
                    value: s,
                    label: s.label().into(),
                    help: None,
                })
                .collect(),
            legal_forms: LEGAL_FORM_SUGGESTIONS
                .iter()
                .map(|s| s.to_string())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_lists_every_option_once() {
        let c = Catalog::build();
        assert_eq!(c.actor_types.len(), 9);
        assert_eq!(c.partner_roles.len(), 4);
        assert_eq!(c.alliance_statuses.len(), 3);
        assert_eq!(c.document_kinds[2].label, "Accord de consortium");
        assert_eq!(c.document_statuses[2].label, "Prêt à signer");
        assert_eq!(c.actor_types[1].label, "Collectivité territoriale");
        assert_eq!(c.partner_roles[0].label, "Chef de file");
        assert!(c.legal_forms.contains(&"Association loi 1901".to_string()));
    }
}
