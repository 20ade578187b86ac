//! What the cartography records about one actor beyond its organisation fields (guide
//! step 3, « Cartographier les acteurs du territoire en identifiant pour chaque acteur
//! potentiel ses attentes et motivations, son niveau d'influence ou son pouvoir de
//! nuisance, son périmètre d'intervention et ses interactions possibles avec les autres
//! membres de l’alliance, les synergies possibles avec le projet »). The interactions are
//! links of their own ([`super::interaction`]).

use serde::{Deserialize, Serialize};

use super::kinds::MapCategory;
use super::map::{Level, LevelScale, MapQuadrant};
use crate::validation::{optional_multiline_text, ValidationErrors};

/// Longest of the assessment's texts, in characters.
pub const ASSESSMENT_TEXT_MAX: usize = 5000;

/// The map's fields of one actor. Every field but the category may stay empty: an actor
/// is often entered before it is known well.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ActorAssessmentDraft {
    pub category: MapCategory,
    /// Attentes et motivations.
    #[serde(default)]
    pub expectations: Option<String>,
    /// Niveau d’influence, 1 to 5 ([`Level`]); `None` when not assessed.
    #[serde(default)]
    pub influence: Option<u8>,
    /// Pouvoir de nuisance, 1 to 5; `None` when not assessed.
    #[serde(default)]
    pub nuisance: Option<u8>,
    /// Intérêt / alignement, 1 to 5; `None` when not assessed.
    #[serde(default)]
    pub interest: Option<u8>,
    /// Périmètre d’intervention.
    #[serde(default)]
    pub scope: Option<String>,
    /// Synergies possibles avec le projet.
    #[serde(default)]
    pub synergies: Option<String>,
}

impl ActorAssessmentDraft {
    /// The draft with its texts cleaned ([`crate::text::clean_multiline`], trimmed, empty
    /// made `None`) and its levels checked. Levels are kept as numbers here so that a
    /// level out of range is a French error on its own field rather than a refused input.
    ///
    /// # Errors
    /// French field errors on `expectations`, `scope`, `synergies` (too long, a control
    /// character) and `influence`, `nuisance`, `interest` (outside 1–5, naming the scale:
    /// [`LevelScale::level`]).
    pub fn validated(&self) -> Result<ActorAssessmentDraft, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let expectations = optional_multiline_text(
            &mut errors,
            "expectations",
            &self.expectations,
            ASSESSMENT_TEXT_MAX,
        );
        for (scale, value) in [
            (LevelScale::Influence, self.influence),
            (LevelScale::Nuisance, self.nuisance),
            (LevelScale::Interest, self.interest),
        ] {
            if let Err(e) = scale.level(value) {
                errors.0.push(e);
            }
        }
        let scope = optional_multiline_text(&mut errors, "scope", &self.scope, ASSESSMENT_TEXT_MAX);
        let synergies = optional_multiline_text(
            &mut errors,
            "synergies",
            &self.synergies,
            ASSESSMENT_TEXT_MAX,
        );
        errors.into_result(ActorAssessmentDraft {
            category: self.category,
            expectations,
            influence: self.influence,
            nuisance: self.nuisance,
            interest: self.interest,
            scope,
            synergies,
        })
    }

    /// The actor's level on `scale`, `None` when not assessed or out of range.
    pub fn level(&self, scale: LevelScale) -> Option<Level> {
        let value = match scale {
            LevelScale::Influence => self.influence,
            LevelScale::Nuisance => self.nuisance,
            LevelScale::Interest => self.interest,
        };
        value.and_then(|v| Level::new(v).ok())
    }

    /// Where the actor stands on the map ([`MapQuadrant::place`]): `None` until both its
    /// influence and its interest are assessed.
    pub fn quadrant(&self) -> Option<MapQuadrant> {
        MapQuadrant::place(
            self.level(LevelScale::Influence),
            self.level(LevelScale::Interest),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_assessment_is_cleaned_and_placed() {
        let draft = ActorAssessmentDraft {
            category: MapCategory::LocalAuthorities,
            expectations: Some(" Réduire l’isolement\r\ndes aînés ".into()),
            influence: Some(4),
            nuisance: Some(2),
            interest: Some(3),
            scope: Some("  ".into()),
            synergies: None,
        };
        let ok = draft.validated().expect("valid");
        assert_eq!(
            ok.expectations.as_deref(),
            Some("Réduire l’isolement\ndes aînés")
        );
        assert_eq!(ok.scope, None);
        assert_eq!(ok.quadrant(), Some(MapQuadrant::AssociateClosely));
        assert_eq!(ok.level(LevelScale::Nuisance).map(Level::get), Some(2));
    }

    #[test]
    fn levels_out_of_range_are_named_by_their_scale() {
        let draft = ActorAssessmentDraft {
            influence: Some(0),
            nuisance: Some(6),
            interest: Some(5),
            ..Default::default()
        };
        let err = draft.validated().expect_err("refused");
        let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["influence", "nuisance"]);
        assert!(err.0[1]
            .message
            .starts_with("Le pouvoir de nuisance va de 1"));
        assert_eq!(draft.quadrant(), None, "an invalid level places nowhere");
    }

    #[test]
    fn an_actor_not_yet_assessed_has_no_quadrant() {
        let draft = ActorAssessmentDraft {
            influence: Some(5),
            ..Default::default()
        };
        assert_eq!(draft.validated().expect("valid").quadrant(), None);
        let json = r#"{"category":"media"}"#;
        let read: ActorAssessmentDraft = serde_json::from_str(json).expect("valid");
        assert_eq!(read.category, MapCategory::Media);
        assert_eq!(read.influence, None);
    }
}
