//! Where a version of a document stands, and the rules that move it (issue 8: a
//! contract is protected by its status).

use serde::{Deserialize, Serialize};

/// Where a version of a document stands. A version is frozen once it leaves draft.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    #[default]
    Draft,
    InReview,
    ReadyToSign,
    Signed,
}

impl DocumentStatus {
    pub const ALL: [DocumentStatus; 4] =
        [Self::Draft, Self::InReview, Self::ReadyToSign, Self::Signed];

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Brouillon",
            Self::InReview => "En relecture",
            Self::ReadyToSign => "Prêt à signer",
            Self::Signed => "Signé",
        }
    }

    /// Whether the version's content is fixed (anything but a draft): a change to its
    /// settings starts a new draft version instead.
    pub fn is_frozen(self) -> bool {
        self != Self::Draft
    }

    /// The status that follows in the guide's order (Brouillon → En relecture → Prêt à
    /// signer → Signé), the one step the builder offers; `None` once signed.
    pub fn next(self) -> Option<DocumentStatus> {
        match self {
            Self::Draft => Some(Self::InReview),
            Self::InReview => Some(Self::ReadyToSign),
            Self::ReadyToSign => Some(Self::Signed),
            Self::Signed => None,
        }
    }

    /// A version only moves forward (steps may be skipped); going back to draft means
    /// starting a new version.
    pub fn can_move_to(self, next: DocumentStatus) -> bool {
        (next as u8) > (self as u8)
    }

    /// [`DocumentStatus::can_move_to`] as a refusal to show.
    ///
    /// # Errors
    /// [`DocumentRefusal::Backwards`] when `next` is not after `self`.
    pub fn check_move_to(self, next: DocumentStatus) -> Result<(), DocumentRefusal> {
        if self.can_move_to(next) {
            Ok(())
        } else {
            Err(DocumentRefusal::Backwards)
        }
    }

    /// Whether moving from `self` to `next` makes the version « Prêt à signer » for the
    /// first time (or skips that step on the way to « Signé »): the move the readiness
    /// rule of [`DocumentStatus::check_ready_to_sign`] guards.
    pub fn reaches_ready_to_sign(self, next: DocumentStatus) -> bool {
        (self as u8) < (Self::ReadyToSign as u8) && (next as u8) >= (Self::ReadyToSign as u8)
    }

    /// Whether moving to `next` needs the person to confirm first: the move reaches
    /// « Prêt à signer » while the text still holds `blanks` « [à compléter] » passages
    /// or `to_check` « À vérifier » items (issue 8: a contract is not offered for
    /// signature with gaps unless someone decided so, knowingly).
    pub fn needs_ready_confirmation(
        self,
        next: DocumentStatus,
        blanks: usize,
        to_check: usize,
    ) -> bool {
        self.reaches_ready_to_sign(next) && (blanks > 0 || to_check > 0)
    }

    /// [`DocumentStatus::needs_ready_confirmation`] as a refusal: the move is allowed
    /// when nothing is left to fill or check, or when the call carries the person's
    /// explicit confirmation (`confirmed`), given after seeing the list.
    ///
    /// # Errors
    /// [`DocumentRefusal::Unfinished`] with the counts when a confirmation is needed and
    /// missing.
    pub fn check_ready_to_sign(
        self,
        next: DocumentStatus,
        blanks: usize,
        to_check: usize,
        confirmed: bool,
    ) -> Result<(), DocumentRefusal> {
        if confirmed || !self.needs_ready_confirmation(next, blanks, to_check) {
            Ok(())
        } else {
            Err(DocumentRefusal::Unfinished { blanks, to_check })
        }
    }

    /// Whether parties can record (or correct) their signature on a version in this
    /// status: only while it is « Prêt à signer ». Once « Signé » the signatures are
    /// read-only (issue 8: a signed contract is protected); a change means a new version.
    pub fn accepts_signatures(self) -> bool {
        self == Self::ReadyToSign
    }

    /// [`DocumentStatus::accepts_signatures`] as a refusal to show.
    ///
    /// # Errors
    /// [`DocumentRefusal::NotReadyToSign`] before the version is ready to sign;
    /// [`DocumentRefusal::SignaturesClosed`] once it is signed.
    pub fn check_accepts_signatures(self) -> Result<(), DocumentRefusal> {
        match self {
            Self::ReadyToSign => Ok(()),
            Self::Signed => Err(DocumentRefusal::SignaturesClosed),
            Self::Draft | Self::InReview => Err(DocumentRefusal::NotReadyToSign),
        }
    }
}

/// Whether a party, as the document prints it, is still a placeholder rather than an
/// identity: the templates (allia-docs) print a missing name in square brackets, such
/// as « [Votre association : complétez le profil] » or « [à compléter] ». Such a party
/// cannot sign, and a document that prints one cannot be « Signé ».
pub fn is_placeholder_party(party: &str) -> bool {
    let party = party.trim();
    party.is_empty() || (party.starts_with('[') && party.ends_with(']'))
}

/// A change the current state of a document does not allow: a precondition, not bad
/// input (the same request is fine on a document in another state). `Display` is the
/// French sentence shown to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DocumentRefusal {
    /// A status at or before the current one.
    #[error("Une version ne revient pas en arrière\u{a0}: modifiez le document pour en créer une nouvelle.")]
    Backwards,
    /// A signature on a version that is not ready to sign yet.
    #[error("Les signatures s’enregistrent sur une version «\u{a0}prêt à signer\u{a0}».")]
    NotReadyToSign,
    /// A signature recorded or changed on a version already « Signé ».
    #[error("Ce document est signé\u{a0}: ses signatures ne se modifient plus. Pour changer le texte ou les signatures, modifiez le document\u{a0}: une nouvelle version sera créée.")]
    SignaturesClosed,
    /// A signature for a party whose identity is still a placeholder (the association's
    /// profile is incomplete): see [`is_placeholder_party`].
    #[error("Complétez d’abord le profil de votre association\u{a0}: une partie sans nom ne peut pas signer.")]
    PlaceholderParty,
    /// Back to « Brouillon » once a party has signed (or the version is signed).
    #[error("Une version qui porte déjà une signature ne revient pas au brouillon\u{a0}: modifiez le document pour en créer une nouvelle.")]
    AlreadySigned,
    /// A print kept for a version that is a draft, or that was taken back to draft and
    /// frozen again since the print was made (allia-store's `keep_version_print`).
    #[error("Cette version n’est plus figée telle qu’elle a été imprimée\u{a0}: exportez-la de nouveau.")]
    NotFrozen,
    /// « Signé » while a party the document prints has no recorded signature.
    #[error("Le document ne peut être marqué signé qu’une fois la signature de chaque partie enregistrée (signataire et date).")]
    Unsigned,
    /// « Prêt à signer » while the text still has blanks or items to check, without the
    /// person's confirmation.
    #[error("{}", unfinished_message(*blanks, *to_check))]
    Unfinished {
        /// « [à compléter] » passages left in the text.
        blanks: usize,
        /// « À vérifier » items left.
        to_check: usize,
    },
}

/// The French sentence of [`DocumentRefusal::Unfinished`], with its counts.
fn unfinished_message(blanks: usize, to_check: usize) -> String {
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1\u{a0}{one}"),
        n => format!("{n}\u{a0}{many}"),
    };
    let mut left = Vec::new();
    if blanks > 0 {
        left.push(count(
            blanks,
            "passage «\u{a0}[à compléter]\u{a0}»",
            "passages «\u{a0}[à compléter]\u{a0}»",
        ));
    }
    if to_check > 0 {
        left.push(count(
            to_check,
            "point «\u{a0}À vérifier\u{a0}»",
            "points «\u{a0}À vérifier\u{a0}»",
        ));
    }
    format!(
        "Il reste {} dans ce document\u{a0}: complétez-les, ou confirmez que le document est prêt à signer tel quel.",
        left.join(" et ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_to_sign_with_gaps_needs_a_confirmation() {
        use DocumentStatus::*;
        // Nothing left: no confirmation needed, whatever the step.
        assert!(!InReview.needs_ready_confirmation(ReadyToSign, 0, 0));
        assert_eq!(
            InReview.check_ready_to_sign(ReadyToSign, 0, 0, false),
            Ok(())
        );
        // A blank or an item to check: refused without the confirmation, allowed with it.
        assert!(InReview.needs_ready_confirmation(ReadyToSign, 1, 0));
        assert!(InReview.needs_ready_confirmation(ReadyToSign, 0, 2));
        assert_eq!(
            InReview.check_ready_to_sign(ReadyToSign, 2, 1, false),
            Err(DocumentRefusal::Unfinished {
                blanks: 2,
                to_check: 1
            })
        );
        assert_eq!(
            InReview.check_ready_to_sign(ReadyToSign, 2, 1, true),
            Ok(())
        );
        // Skipping « Prêt à signer » on the way to « Signé » is guarded the same way.
        assert!(Draft.needs_ready_confirmation(Signed, 1, 0));
        assert_eq!(
            Draft.check_ready_to_sign(Signed, 1, 0, false),
            Err(DocumentRefusal::Unfinished {
                blanks: 1,
                to_check: 0
            })
        );
        // Moves that do not reach « Prêt à signer » are not concerned.
        assert!(!Draft.needs_ready_confirmation(InReview, 3, 3));
        assert!(!ReadyToSign.needs_ready_confirmation(Signed, 3, 3));
        assert_eq!(ReadyToSign.check_ready_to_sign(Signed, 3, 3, false), Ok(()));
    }

    #[test]
    fn unfinished_refusal_counts_what_is_left_in_french() {
        let one = DocumentRefusal::Unfinished {
            blanks: 1,
            to_check: 0,
        }
        .to_string();
        assert!(
            one.starts_with(
                "Il reste 1\u{a0}passage «\u{a0}[à compléter]\u{a0}» dans ce document\u{a0}:"
            ),
            "{one}"
        );
        let both = DocumentRefusal::Unfinished {
            blanks: 2,
            to_check: 3,
        }
        .to_string();
        assert!(
            both.contains("2\u{a0}passages «\u{a0}[à compléter]\u{a0}» et 3\u{a0}points «\u{a0}À vérifier\u{a0}»"),
            "{both}"
        );
        assert!(both.contains("confirmez"), "{both}");
    }

    #[test]
    fn statuses_move_forward_only() {
        use DocumentStatus::*;
        let labels: Vec<_> = DocumentStatus::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(
            labels,
            vec!["Brouillon", "En relecture", "Prêt à signer", "Signé"]
        );
        assert!(Draft.can_move_to(InReview));
        assert!(Draft.can_move_to(Signed));
        assert!(!InReview.can_move_to(Draft));
        assert!(!Signed.can_move_to(Signed));
        assert!(!Draft.is_frozen());
        assert!(InReview.is_frozen());
        assert_eq!(Draft.check_move_to(InReview), Ok(()));
        assert_eq!(Signed.check_move_to(Draft), Err(DocumentRefusal::Backwards));
        assert_eq!(
            DocumentRefusal::Backwards.to_string(),
            "Une version ne revient pas en arrière\u{a0}: modifiez le document pour en créer une nouvelle."
        );
    }

    #[test]
    fn next_walks_the_order_once() {
        use DocumentStatus::*;
        let mut walked = vec![Draft];
        while let Some(next) = walked.last().and_then(|s| s.next()) {
            assert!(walked.last().is_some_and(|s| s.can_move_to(next)));
            walked.push(next);
        }
        assert_eq!(walked, DocumentStatus::ALL.to_vec());
    }

    #[test]
    fn signatures_once_ready_to_sign() {
        use DocumentStatus::*;
        let accepting: Vec<_> = DocumentStatus::ALL
            .into_iter()
            .filter(|s| s.accepts_signatures())
            .collect();
        assert_eq!(accepting, vec![ReadyToSign]);
        assert_eq!(ReadyToSign.check_accepts_signatures(), Ok(()));
        assert_eq!(
            InReview.check_accepts_signatures(),
            Err(DocumentRefusal::NotReadyToSign)
        );
        // Once signed, the signatures are read-only: a change means a new version.
        assert_eq!(
            Signed.check_accepts_signatures(),
            Err(DocumentRefusal::SignaturesClosed)
        );
        assert_eq!(
            DocumentRefusal::SignaturesClosed.to_string(),
            "Ce document est signé\u{a0}: ses signatures ne se modifient plus. Pour changer le texte ou les signatures, modifiez le document\u{a0}: une nouvelle version sera créée."
        );
        assert_eq!(
            DocumentRefusal::NotReadyToSign.to_string(),
            "Les signatures s’enregistrent sur une version «\u{a0}prêt à signer\u{a0}»."
        );
    }

    #[test]
    fn placeholder_parties_are_recognised() {
        assert!(is_placeholder_party(
            "[Votre association : complétez le profil]"
        ));
        assert!(is_placeholder_party("[à compléter]"));
        assert!(is_placeholder_party("  "));
        assert!(!is_placeholder_party("Maison des Solidarités"));
        assert!(!is_placeholder_party("Association [Tours] Solidaire"));
    }
}
