//! A typed, directed link between two actors of the register (guide step 3: « ses
//! interactions possibles avec les autres membres de l’alliance »), with a note; the
//! rules a link obeys whatever stores it: two different actors, and one link per kind
//! between the same two actors (both directions being one link for a symmetric kind).

use serde::{Deserialize, Serialize};

use super::kinds::InteractionKind;
use crate::validation::{optional_multiline_text, ValidationErrors};

/// Longest note on a link, in characters.
pub const INTERACTION_NOTE_MAX: usize = 1000;

/// What the user edits about one link: « `from` <kind> `to` ».
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InteractionDraft {
    /// The id of the actor the sentence starts with (« la Région » finance …).
    pub from_actor_id: String,
    /// The id of the other actor.
    pub to_actor_id: String,
    pub kind: InteractionKind,
    /// Optional, multi-line, at most [`INTERACTION_NOTE_MAX`] characters.
    #[serde(default)]
    pub note: Option<String>,
}

impl InteractionDraft {
    /// The draft with its note cleaned ([`crate::text::clean_multiline`], trimmed, empty
    /// made `None`).
    ///
    /// # Errors
    /// French field errors on `fromActorId` / `toActorId` (an actor missing) or
    /// `toActorId` (the same actor at both ends), and on `note`.
    pub fn validated(&self) -> Result<InteractionDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let (from, to) = (self.from_actor_id.trim(), self.to_actor_id.trim());
        if from.is_empty() {
            errors.push("fromActorId", "Choisissez le premier acteur du lien.");
        }
        if to.is_empty() {
            errors.push("toActorId", "Choisissez le second acteur du lien.");
        } else if to == from {
            errors.push(
                "toActorId",
                "Un lien relie deux acteurs différents\u{a0}: choisissez un autre acteur.",
            );
        }
        let note = optional_multiline_text(&mut errors, "note", &self.note, INTERACTION_NOTE_MAX);
        errors.into_result(InteractionDraft {
            from_actor_id: from.to_string(),
            to_actor_id: to.to_string(),
            kind: self.kind,
            note,
        })
    }

    /// Whether `other` is the same link (same kind between the same actors, in the same
    /// direction, or in either direction for a symmetric kind): the store keeps one.
    pub fn is_same_link(&self, other: &InteractionDraft) -> bool {
        if self.kind != other.kind {
            return false;
        }
        let same =
            self.from_actor_id == other.from_actor_id && self.to_actor_id == other.to_actor_id;
        let reversed =
            self.from_actor_id == other.to_actor_id && self.to_actor_id == other.from_actor_id;
        same || (reversed && self.kind.is_symmetric())
    }
}

/// Why a link is refused when it exists already, naming both actors: « Ce lien existe
/// déjà : « A » finance « B ». »
pub fn duplicate_link_message(kind: InteractionKind, from_name: &str, to_name: &str) -> String {
    format!(
        "Ce lien existe déjà\u{a0}: {}.",
        kind.sentence(from_name, to_name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(from: &str, kind: InteractionKind, to: &str) -> InteractionDraft {
        InteractionDraft {
            from_actor_id: from.into(),
            to_actor_id: to.into(),
            kind,
            note: None,
        }
    }

    #[test]
    fn a_link_joins_two_different_actors() {
        let err = link("a", InteractionKind::Advises, "a")
            .validated()
            .expect_err("refused");
        assert_eq!(err.0[0].field, "toActorId");
        assert_eq!(
            err.0[0].message,
            "Un lien relie deux acteurs différents\u{a0}: choisissez un autre acteur."
        );
        let err = link(" ", InteractionKind::Advises, "")
            .validated()
            .expect_err("refused");
        let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["fromActorId", "toActorId"]);
    }

    #[test]
    fn the_note_is_cleaned() {
        let ok = InteractionDraft {
            note: Some(" Subvention annuelle\r\ndepuis 2019 ".into()),
            ..link("a", InteractionKind::Finances, "b")
        }
        .validated()
        .expect("valid");
        assert_eq!(ok.note.as_deref(), Some("Subvention annuelle\ndepuis 2019"));
        let blank = InteractionDraft {
            note: Some(" \n ".into()),
            ..link("a", InteractionKind::Finances, "b")
        }
        .validated()
        .expect("valid");
        assert_eq!(blank.note, None);
        let long = InteractionDraft {
            note: Some("x".repeat(INTERACTION_NOTE_MAX + 1)),
            ..link("a", InteractionKind::Finances, "b")
        };
        assert_eq!(long.validated().expect_err("refused").0[0].field, "note");
    }

    #[test]
    fn a_symmetric_link_and_its_reverse_are_one_link() {
        use InteractionKind::*;
        assert!(link("a", CooperatesWith, "b").is_same_link(&link("b", CooperatesWith, "a")));
        assert!(link("a", CompetesWith, "b").is_same_link(&link("b", CompetesWith, "a")));
        assert!(!link("a", Finances, "b").is_same_link(&link("b", Finances, "a")));
        assert!(link("a", Finances, "b").is_same_link(&link("a", Finances, "b")));
        assert!(!link("a", Finances, "b").is_same_link(&link("a", Advises, "b")));
        assert!(!link("a", IsMemberOf, "b").is_same_link(&link("a", IsMemberOf, "c")));
        assert_eq!(
            duplicate_link_message(Finances, "Région", "Les Jardins"),
            "Ce lien existe déjà\u{a0}: «\u{a0}Région\u{a0}» finance «\u{a0}Les Jardins\u{a0}»."
        );
    }
}
