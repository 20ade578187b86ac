//! Whether an actor is a party to a contract that is no longer a draft, and what to say
//! when that refuses a change (issue 11, item 6: deleting an actor « is refused while it
//! is a partner named in a non-draft contract, with a French message that says which »;
//! leaving « Engagé » is refused the same way).
//!
//! A frozen version keeps the partners it was frozen with (its snapshot), without their
//! ids: the snapshot is the document's data, as printed. The actor is found in it as a
//! person would: the association itself by its explicit link, another organisation by
//! its registration numbers ([`crate::same_organisation`]) or by its name (case and
//! accents set aside), and only if it existed when the version was frozen and is a
//! partner now (moving a party out of « Engagé » being refused, a party stays one).

use chrono::{DateTime, Utc};

use crate::document::DocumentStatus;
use crate::partner::{is_partner, Partner};
use crate::text::collation_key;
use crate::{same_organisation, AllianceFile};

/// Whether `actor` is one of the partners of `snapshot`, the data a version was frozen
/// with at `frozen_at` (see the module's rule).
pub fn is_named_in(actor: &Partner, snapshot: &AllianceFile, frozen_at: DateTime<Utc>) -> bool {
    if !is_partner(&actor.draft) || actor.created_at > frozen_at {
        return false;
    }
    let org = &actor.draft.organisation;
    let key = collation_key(&org.name);
    snapshot.partners.iter().any(|p| {
        (actor.draft.own_association && p.own_association)
            || same_organisation(org, &p.organisation)
            || (!key.is_empty() && collation_key(&p.organisation.name) == key)
    })
}

/// What was refused because of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartyRefusal {
    /// Deleting the actor.
    Delete,
    /// Moving it out of « Engagé ».
    LeaveEngaged,
}

/// The French message of a refusal: « « Maison des Solidarités » est partie au contrat
/// « Convention de mutualisation 2027 » (version 2, signée) : … », saying what to do
/// (nothing for a signed version, which keeps its parties; for a version in review or
/// ready to sign, take it back to draft first).
pub fn party_refusal_message(
    actor_name: &str,
    document_title: &str,
    version: u32,
    status: DocumentStatus,
    refused: PartyRefusal,
) -> String {
    let state = match status {
        DocumentStatus::Draft => "brouillon",
        DocumentStatus::InReview => "en relecture",
        DocumentStatus::ReadyToSign => "prête à signer",
        DocumentStatus::Signed => "signée",
    };
    let what = match refused {
        PartyRefusal::Delete => "cet acteur ne peut pas être supprimé",
        PartyRefusal::LeaveEngaged => {
            "cet acteur reste «\u{a0}Engagé\u{a0}» et ne peut pas changer de statut"
        }
    };
    let hint = if status == DocumentStatus::Signed {
        "un contrat signé garde ses parties."
    } else {
        "ramenez d’abord cette version au brouillon (Documents) si ses parties doivent changer."
    };
    format!(
        "«\u{a0}{actor_name}\u{a0}» est partie au contrat «\u{a0}{document_title}\u{a0}» (version {version}, {state})\u{a0}: {what}\u{a0}; {hint}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::{ActorPipeline, ActorPipelineStatus};
    use crate::{AllianceDraft, PartnerDraft};

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("date")
            .with_timezone(&Utc)
    }

    fn actor(name: &str, created: &str) -> Partner {
        let mut draft = PartnerDraft::default();
        draft.organisation.name = name.into();
        Partner {
            id: "x".into(),
            alliance_id: "a".into(),
            created_at: at(created),
            updated_at: at(created),
            draft,
        }
    }

    fn snapshot(names: &[&str]) -> AllianceFile {
        AllianceFile {
            format: 1,
            profile: None,
            alliance: AllianceDraft::default(),
            partners: names
                .iter()
                .map(|n| {
                    let mut d = PartnerDraft::default();
                    d.organisation.name = (*n).into();
                    d
                })
                .collect(),
            commitments: Vec::new(),
        }
    }

    #[test]
    fn a_partner_is_found_by_name_if_it_existed_when_frozen() {
        let frozen = at("2026-11-20T10:00:00Z");
        let s = snapshot(&["Maison des Solidarités", "Commune"]);
        let a = actor("MAISON DES SOLIDARITES", "2026-11-01T10:00:00Z");
        assert!(is_named_in(&a, &s, frozen));
        let later = actor("Commune", "2026-11-21T10:00:00Z");
        assert!(!is_named_in(&later, &s, frozen), "added after the freeze");
        let mut identified = actor("Commune", "2026-11-01T10:00:00Z");
        identified.draft.pipeline = ActorPipeline {
            status: ActorPipelineStatus::Identified,
            dismissal_reason: None,
        };
        assert!(!is_named_in(&identified, &s, frozen), "not a partner");
        assert!(!is_named_in(
            &actor("Autre", "2026-11-01T10:00:00Z"),
            &s,
            frozen
        ));
    }

    #[test]
    fn the_message_names_the_document_and_its_version() {
        let m = party_refusal_message(
            "Commune",
            "Convention 2027",
            2,
            DocumentStatus::Signed,
            PartyRefusal::Delete,
        );
        assert_eq!(
            m,
            "«\u{a0}Commune\u{a0}» est partie au contrat «\u{a0}Convention 2027\u{a0}» (version 2, signée)\u{a0}: cet acteur ne peut pas être supprimé\u{a0}; un contrat signé garde ses parties."
        );
        let m = party_refusal_message(
            "Commune",
            "Charte",
            1,
            DocumentStatus::InReview,
            PartyRefusal::LeaveEngaged,
        );
        assert!(m.contains("(version 1, en relecture)"), "{m}");
        assert!(
            m.contains("ramenez d’abord cette version au brouillon"),
            "{m}"
        );
    }
}
