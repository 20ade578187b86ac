//! Where the relation with an actor stands (DOMAIN.md `ActorPipelineStatus`, guide step 3
//! « Choisir les bons partenaires »): Identifié → Contacté → En discussion → Retenu →
//! Engagé, or Écarté with a reason; and the moves allowed between these statuses.
//!
//! The rule, from the guide (« une sélection rigoureuse des partenaires, qui réduit
//! progressivement le champ des possibles »):
//! - **forward by one step or more**: the register records where a relation stands, and
//!   an actor is often entered late (a funder already met is « En discussion » on the
//!   day it is typed; today's partners arrive « Engagé »);
//! - **back by one step only**: a relation cools one stage at a time (a discussion that
//!   stalls goes back to « Contacté »), and a one-step correction undoes a slip; a larger
//!   fall is a decision, which is what « Écarté » with its reason records, so that the
//!   narrowing the guide asks for stays written down;
//! - **« Écarté » from any status, with a reason** (the guide: identify « les points de
//!   friction éventuels »; the reason says which one settled it);
//! - **from « Écarté » back to « Identifié » only**: a dismissed actor reconsidered must
//!   be contacted and tested again from the start; its reason is then cleared.
//!
//! Reaching « Engagé » makes an actor a partner, and a partner has a role in the
//! alliance that someone must choose: the store reaches it only through its promotion
//! (`Store::promote_actor`, with the role), never through a plain move. The pure rule
//! below still says « Engagé » is reachable forward (the promotion applies it); the
//! status menu offers [`ActorPipelineStatus::menu_moves`], which leaves it out, and
//! [`ActorPipelineStatus::can_promote`] says when the promotion is offered instead.
//!
//! Leaving « Engagé » makes a partner an actor again: the store refuses it while the
//! actor is a party to a contract that is no longer a draft (issue 11, item 6); the
//! pure rule here does not know contracts.

use serde::{Deserialize, Serialize};

use crate::validation::{multiline_text, ValidationErrors};

/// Longest reason for dismissing an actor, in characters.
pub const DISMISSAL_REASON_MAX: usize = 1000;

/// The status of the relation with an actor (DOMAIN.md « Statut d’un acteur »). A
/// partner is an actor « Engagé ».
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum ActorPipelineStatus {
    #[default]
    Identified,
    Contacted,
    InDiscussion,
    Retained,
    Engaged,
    Dismissed,
}

impl ActorPipelineStatus {
    /// The funnel's order, « Écarté » last.
    pub const ALL: [ActorPipelineStatus; 6] = [
        Self::Identified,
        Self::Contacted,
        Self::InDiscussion,
        Self::Retained,
        Self::Engaged,
        Self::Dismissed,
    ];

    /// DOMAIN.md's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Identified => "Identifié",
            Self::Contacted => "Contacté",
            Self::InDiscussion => "En discussion",
            Self::Retained => "Retenu",
            Self::Engaged => "Engagé",
            Self::Dismissed => "Écarté",
        }
    }

    /// What the status means, shown as help.
    pub fn help(self) -> &'static str {
        match self {
            Self::Identified => "Repéré sur la cartographie, pas encore contacté.",
            Self::Contacted => "Un premier contact a eu lieu.",
            Self::InDiscussion => {
                "Des échanges autour du projet testent la proximité relationnelle."
            }
            Self::Retained => {
                "Sélectionné sur les critères\u{a0}: il fait partie de la liste restreinte."
            }
            Self::Engaged => "Engagé dans l’alliance\u{a0}: c’est un partenaire.",
            Self::Dismissed => "Écarté de la sélection, avec son motif.",
        }
    }

    /// The step in the funnel, 0 (Identifié) to 4 (Engagé); `None` for « Écarté », which
    /// is beside the funnel, not on it.
    pub fn step(self) -> Option<u8> {
        match self {
            Self::Identified => Some(0),
            Self::Contacted => Some(1),
            Self::InDiscussion => Some(2),
            Self::Retained => Some(3),
            Self::Engaged => Some(4),
            Self::Dismissed => None,
        }
    }

    /// Whether the move from `self` to `to` is allowed (see the module's rule); staying
    /// on the same status is allowed (nothing moves, a dismissal's reason may be edited).
    pub fn can_move_to(self, to: ActorPipelineStatus) -> bool {
        if self == to {
            return true;
        }
        match (self.step(), to.step()) {
            (Some(_), None) => true,
            (None, _) => to == Self::Identified,
            (Some(from), Some(to)) => to > from || to + 1 == from,
        }
    }

    /// The statuses `self` may move to, in [`ActorPipelineStatus::ALL`]'s order, itself
    /// excluded: what the status menu offers.
    pub fn allowed_moves(self) -> Vec<ActorPipelineStatus> {
        Self::ALL
            .into_iter()
            .filter(|&to| to != self && self.can_move_to(to))
            .collect()
    }

    /// What the status menu offers: [`ActorPipelineStatus::allowed_moves`] without
    /// « Engagé », which is reached only by promoting the actor with its role
    /// ([`ActorPipelineStatus::can_promote`]).
    pub fn menu_moves(self) -> Vec<ActorPipelineStatus> {
        self.allowed_moves()
            .into_iter()
            .filter(|&to| to != Self::Engaged)
            .collect()
    }

    /// Whether an actor at this status may be promoted to partner (« Engagé » with the
    /// role chosen): from every step of the funnel, « Identifié » to « Retenu », not
    /// from « Écarté » (reconsidered, it starts again from « Identifié ») and not when it
    /// is « Engagé » already. Source: guide step 3 « Choisir les bons partenaires », a
    /// selection that « réduit progressivement le champ des possibles »; the narrowing
    /// is what « Écarté » with its reason records, while the statuses before « Retenu »
    /// only say where the relation stood when it was typed (a partner known for years is
    /// often entered the day it joins), so the promotion does not demand the shortlist.
    pub fn can_promote(self) -> bool {
        self != Self::Engaged && self.can_move_to(Self::Engaged)
    }

    /// Why a plain move (`Store::move_actor`) from `self` to `to` is refused, in French;
    /// `None` when allowed: [`ActorPipelineStatus::refusal`], and « Engagé » from any
    /// other status, which asks for the promotion and its role.
    pub fn move_refusal(self, to: ActorPipelineStatus) -> Option<String> {
        if to == Self::Engaged && self != Self::Engaged && self.can_move_to(to) {
            return Some(PROMOTE_TO_ENGAGE.to_string());
        }
        self.refusal(to)
    }

    /// Why the move from `self` to `to` is refused, in French; `None` when it is allowed.
    pub fn refusal(self, to: ActorPipelineStatus) -> Option<String> {
        if self.can_move_to(to) {
            return None;
        }
        Some(if self == Self::Dismissed {
            format!(
                "Un acteur écarté repart de «\u{a0}{}\u{a0}»\u{a0}: la relation est à reprendre depuis le début.",
                Self::Identified.label()
            )
        } else {
            let previous = Self::ALL
                .into_iter()
                .find(|s| s.step().map(|x| x + 1) == self.step())
                .unwrap_or(Self::Identified);
            format!(
                "Depuis «\u{a0}{}\u{a0}», le statut ne recule que d’une étape, vers «\u{a0}{}\u{a0}»\u{a0}; pour écarter cet acteur, choisissez «\u{a0}{}\u{a0}» avec son motif.",
                self.label(),
                previous.label(),
                Self::Dismissed.label()
            )
        })
    }
}

/// Why a plain move to « Engagé » is refused: a partner's role must be chosen.
pub const PROMOTE_TO_ENGAGE: &str = "Pour engager cet acteur, utilisez «\u{a0}Promouvoir en partenaire\u{a0}» et choisissez son rôle dans l’alliance.";

/// The status of one actor and, when it is « Écarté », why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ActorPipeline {
    pub status: ActorPipelineStatus,
    /// Written when, and only when, the status is « Écarté »: cleaned multi-line text,
    /// at most [`DISMISSAL_REASON_MAX`] characters.
    #[serde(default)]
    pub dismissal_reason: Option<String>,
}

impl ActorPipeline {
    /// « Engagé », without reason: a partner's pipeline, and the default of data written
    /// before the actor register.
    pub fn engaged() -> ActorPipeline {
        ActorPipeline {
            status: ActorPipelineStatus::Engaged,
            dismissal_reason: None,
        }
    }

    /// Whether this is [`ActorPipeline::engaged`] (a partner's: not written in files).
    pub fn is_engaged(&self) -> bool {
        *self == ActorPipeline::engaged()
    }

    /// The pipeline after moving to `to`. `reason` is read only when `to` is « Écarté »
    /// (cleaned with [`crate::text::clean_multiline`], trimmed, required); any other
    /// status clears the reason.
    ///
    /// # Errors
    /// French field errors: on `status` when the move is not allowed
    /// ([`ActorPipelineStatus::refusal`]); on `dismissalReason` when the reason is
    /// missing, too long or holds a control character.
    pub fn moved(
        &self,
        to: ActorPipelineStatus,
        reason: Option<&str>,
    ) -> Result<ActorPipeline, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if let Some(message) = self.status.refusal(to) {
            errors.push("status", message);
            return Err(errors);
        }
        let dismissal_reason = (to == ActorPipelineStatus::Dismissed).then(|| {
            multiline_text(
                &mut errors,
                "dismissalReason",
                reason.unwrap_or(""),
                Some("le motif pour lequel cet acteur est écarté"),
                DISMISSAL_REASON_MAX,
            )
        });
        errors.into_result(ActorPipeline {
            status: to,
            dismissal_reason,
        })
    }

    /// [`ActorPipeline::moved`] for a plain move (the status menu, `Store::move_actor`):
    /// « Engagé » is refused from any other status, it takes the promotion and its role
    /// ([`ActorPipelineStatus::move_refusal`]).
    ///
    /// # Errors
    /// As [`ActorPipeline::moved`]; on `status` with [`PROMOTE_TO_ENGAGE`] for « Engagé ».
    pub fn moved_from_menu(
        &self,
        to: ActorPipelineStatus,
        reason: Option<&str>,
    ) -> Result<ActorPipeline, ValidationErrors> {
        if let Some(message) = self.status.move_refusal(to) {
            let mut errors = ValidationErrors::default();
            errors.push("status", message);
            return Err(errors);
        }
        self.moved(to, reason)
    }

    /// Checks a pipeline read as a whole (an alliance file, a stored row): a reason when
    /// « Écarté », none otherwise (a stray one is dropped), the reason cleaned.
    ///
    /// # Errors
    /// As [`ActorPipeline::moved`] for the reason.
    pub fn validated(&self) -> Result<ActorPipeline, ValidationErrors> {
        ActorPipeline {
            status: self.status,
            dismissal_reason: None,
        }
        .moved(self.status, self.dismissal_reason.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::ActorPipelineStatus as S;
    use super::*;

    #[test]
    fn labels_are_domain_md_s() {
        let labels: Vec<_> = S::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(
            labels,
            [
                "Identifié",
                "Contacté",
                "En discussion",
                "Retenu",
                "Engagé",
                "Écarté"
            ]
        );
        assert_eq!(
            serde_json::to_string(&S::InDiscussion).expect("valid"),
            "\"in_discussion\""
        );
    }

    #[test]
    fn the_whole_move_table() {
        use S::*;
        let allowed = |from: S| from.allowed_moves();
        assert_eq!(
            allowed(Identified),
            [Contacted, InDiscussion, Retained, Engaged, Dismissed]
        );
        assert_eq!(
            allowed(Contacted),
            [Identified, InDiscussion, Retained, Engaged, Dismissed]
        );
        assert_eq!(
            allowed(InDiscussion),
            [Contacted, Retained, Engaged, Dismissed]
        );
        assert_eq!(allowed(Retained), [InDiscussion, Engaged, Dismissed]);
        assert_eq!(allowed(Engaged), [Retained, Dismissed]);
        assert_eq!(allowed(Dismissed), [Identified]);
        for s in S::ALL {
            assert!(s.can_move_to(s), "{s:?} stays");
            assert_eq!(s.refusal(s), None);
        }
    }

    #[test]
    fn the_menu_never_offers_engaged_the_promotion_does() {
        use S::*;
        assert_eq!(
            Identified.menu_moves(),
            [Contacted, InDiscussion, Retained, Dismissed]
        );
        assert_eq!(Retained.menu_moves(), [InDiscussion, Dismissed]);
        assert_eq!(Engaged.menu_moves(), [Retained, Dismissed]);
        assert_eq!(Dismissed.menu_moves(), [Identified]);
        for s in S::ALL {
            assert!(!s.menu_moves().contains(&Engaged), "{s:?}");
        }
        let promotable: Vec<_> = S::ALL.into_iter().filter(|s| s.can_promote()).collect();
        assert_eq!(promotable, [Identified, Contacted, InDiscussion, Retained]);

        assert_eq!(
            Identified.move_refusal(Engaged).as_deref(),
            Some(PROMOTE_TO_ENGAGE)
        );
        assert_eq!(Engaged.move_refusal(Engaged), None, "staying moves nothing");
        assert_eq!(Dismissed.move_refusal(Engaged), Dismissed.refusal(Engaged));
        assert_eq!(Retained.move_refusal(Dismissed), None);
        let err = ActorPipeline::default()
            .moved_from_menu(Engaged, None)
            .expect_err("refused");
        assert_eq!(err.0[0].field, "status");
        assert!(err.0[0]
            .message
            .contains("«\u{a0}Promouvoir en partenaire\u{a0}»"));
        assert_eq!(
            ActorPipeline::default()
                .moved_from_menu(Retained, None)
                .expect("valid")
                .status,
            Retained
        );
    }

    #[test]
    fn refusals_say_where_the_status_may_go() {
        assert_eq!(
            S::Engaged.refusal(S::Contacted).expect("valid"),
            "Depuis «\u{a0}Engagé\u{a0}», le statut ne recule que d’une étape, vers «\u{a0}Retenu\u{a0}»\u{a0}; pour écarter cet acteur, choisissez «\u{a0}Écarté\u{a0}» avec son motif."
        );
        assert_eq!(
            S::Dismissed.refusal(S::Retained).expect("valid"),
            "Un acteur écarté repart de «\u{a0}Identifié\u{a0}»\u{a0}: la relation est à reprendre depuis le début."
        );
        let err = ActorPipeline::default()
            .moved(S::Retained, None)
            .expect("valid")
            .moved(S::Identified, None)
            .expect_err("refused");
        assert_eq!(err.0[0].field, "status");
    }

    #[test]
    fn dismissing_needs_a_reason_and_reopening_clears_it() {
        let p = ActorPipeline {
            status: S::InDiscussion,
            dismissal_reason: None,
        };
        let err = p.moved(S::Dismissed, Some("  \n ")).expect_err("refused");
        assert_eq!(err.0[0].field, "dismissalReason");
        assert_eq!(
            err.0[0].message,
            "Indiquez le motif pour lequel cet acteur est écarté."
        );
        assert!(p.moved(S::Dismissed, None).is_err());

        let dismissed = p
            .moved(
                S::Dismissed,
                Some(" Calendrier incompatible\u{200b}\r\navec le nôtre. "),
            )
            .expect("valid");
        assert_eq!(
            dismissed.dismissal_reason.as_deref(),
            Some("Calendrier incompatible\navec le nôtre.")
        );
        let edited = dismissed
            .moved(S::Dismissed, Some("Projet concurrent."))
            .expect("valid");
        assert_eq!(
            edited.dismissal_reason.as_deref(),
            Some("Projet concurrent.")
        );

        let reopened = edited.moved(S::Identified, Some("ignoré")).expect("valid");
        assert_eq!(reopened, ActorPipeline::default());

        let long = "x".repeat(DISMISSAL_REASON_MAX + 1);
        assert!(p.moved(S::Dismissed, Some(&long)).is_err());
        assert!(p.moved(S::Dismissed, Some("a\u{7}b")).is_err());
    }

    #[test]
    fn a_stored_pipeline_is_checked_as_a_whole() {
        let stray = ActorPipeline {
            status: S::Engaged,
            dismissal_reason: Some("ancien motif".into()),
        };
        assert_eq!(stray.validated().expect("valid").dismissal_reason, None);
        let missing = ActorPipeline {
            status: S::Dismissed,
            dismissal_reason: None,
        };
        assert_eq!(
            missing.validated().expect_err("refused").0[0].field,
            "dismissalReason"
        );
    }
}
