//! The actors' map (guide step 3, « Cartographier les acteurs du territoire »: « son
//! niveau d'influence ou son pouvoir de nuisance », and what it expects): three scales
//! from 1 to 5, and the rule that places an actor in one of four quadrants by influence
//! × interest (DOMAIN.md « Quadrants de la carte des acteurs »).
//!
//! The boundary: a level of **3 or more is « fort »**, 1 and 2 are « faible »
//! ([`STRONG_FROM`]). The middle of the scale counts as strong because missing an actor
//! that matters costs more than watching one too closely: the guide asks to map
//! influence *or* nuisance so that no actor able to help or harm the project is
//! overlooked. On a chart the dividing lines are drawn at 2.5 ([`QUADRANT_DIVIDER`]), so
//! a point never sits on a line.

use serde::{Deserialize, Serialize};

use crate::validation::FieldError;

/// The lowest and highest level of every scale.
pub const LEVEL_MIN: u8 = 1;
pub const LEVEL_MAX: u8 = 5;
/// The first level that counts as « fort » on the map.
pub const STRONG_FROM: u8 = 3;
/// Where a chart draws the quadrants' dividing lines, in level units: between the last
/// weak level (2) and the first strong one (3).
pub const QUADRANT_DIVIDER: f64 = 2.5;

/// A level on one of the map's scales: 1 (très faible) to 5 (très fort). Built only
/// through [`Level::new`] (or serde, which uses it), so a `Level` is always in range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    /// The level `value`.
    ///
    /// # Errors
    /// [`LevelOutOfRange`] when `value` is not 1 to 5; its message is French.
    pub fn new(value: u8) -> Result<Level, LevelOutOfRange> {
        if (LEVEL_MIN..=LEVEL_MAX).contains(&value) {
            Ok(Level(value))
        } else {
            Err(LevelOutOfRange(value))
        }
    }

    /// The level as a number, 1 to 5.
    pub fn get(self) -> u8 {
        self.0
    }

    /// Whether the level counts as « fort » on the map (3 or more, [`STRONG_FROM`]).
    pub fn is_strong(self) -> bool {
        self.0 >= STRONG_FROM
    }

    /// The level in words, so that a chart never rests on colour or size alone:
    /// « Très faible », « Faible », « Moyen », « Fort », « Très fort ».
    pub fn label(self) -> &'static str {
        match self.0 {
            1 => "Très faible",
            2 => "Faible",
            3 => "Moyen",
            4 => "Fort",
            _ => "Très fort",
        }
    }

    /// Every level, 1 to 5.
    pub fn all() -> [Level; 5] {
        [Level(1), Level(2), Level(3), Level(4), Level(5)]
    }
}

impl TryFrom<u8> for Level {
    type Error = LevelOutOfRange;
    fn try_from(value: u8) -> Result<Level, LevelOutOfRange> {
        Level::new(value)
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

/// A level outside 1–5 (the number given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Un niveau va de 1 (très faible) à 5 (très fort)\u{a0}; {0} n’en fait pas partie.")]
pub struct LevelOutOfRange(pub u8);

/// The three scales an actor is placed on (guide step 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum LevelScale {
    Influence,
    Nuisance,
    Interest,
}

impl LevelScale {
    pub const ALL: [LevelScale; 3] = [Self::Influence, Self::Nuisance, Self::Interest];

    /// The label of the scale, as the issue and the guide name it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Influence => "Niveau d’influence",
            Self::Nuisance => "Pouvoir de nuisance",
            Self::Interest => "Intérêt / alignement",
        }
    }

    /// What to weigh when choosing the level, shown as help.
    pub fn help(self) -> &'static str {
        match self {
            Self::Influence => {
                "Sa capacité à peser sur le projet et sur les autres acteurs du territoire."
            }
            Self::Nuisance => "Sa capacité à freiner ou à empêcher le projet s’il s’y oppose.",
            Self::Interest => "Combien le projet rejoint ses attentes et ses motivations.",
        }
    }

    /// The field an actor's level on this scale is written in (the UI's camelCase name).
    pub fn field(self) -> &'static str {
        match self {
            Self::Influence => "influence",
            Self::Nuisance => "nuisance",
            Self::Interest => "interest",
        }
    }

    /// Reads a level typed for this scale: `None` stays unknown (an actor not yet
    /// assessed); a number outside 1–5 is a French error on [`LevelScale::field`] that
    /// names the scale.
    ///
    /// # Errors
    /// « Le niveau d’influence va de 1 (très faible) à 5 (très fort) ; 7 n’en fait pas
    /// partie. »
    pub fn level(self, value: Option<u8>) -> Result<Option<Level>, FieldError> {
        value
            .map(|v| {
                Level::new(v).map_err(|_| FieldError {
                    field: self.field().to_string(),
                    message: format!(
                        "{} va de 1 (très faible) à 5 (très fort)\u{a0}; {v} n’en fait pas partie.",
                        self.subject()
                    ),
                })
            })
            .transpose()
    }

    /// The scale as the subject of a sentence.
    fn subject(self) -> &'static str {
        match self {
            Self::Influence => "Le niveau d’influence",
            Self::Nuisance => "Le pouvoir de nuisance",
            Self::Interest => "L’intérêt",
        }
    }
}

/// The four quadrants of the actors' map (DOMAIN.md), by influence × interest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum MapQuadrant {
    /// Strong influence, strong interest.
    AssociateClosely,
    /// Strong influence, weak interest.
    KeepSatisfied,
    /// Weak influence, strong interest.
    KeepInformed,
    /// Weak influence, weak interest.
    Monitor,
}

impl MapQuadrant {
    /// Reading order of the map: top right, top left, bottom right, bottom left.
    pub const ALL: [MapQuadrant; 4] = [
        Self::AssociateClosely,
        Self::KeepSatisfied,
        Self::KeepInformed,
        Self::Monitor,
    ];

    /// Where an actor stands: `None` when its influence or its interest is not assessed
    /// yet (the map lists it apart rather than guessing). Strong is [`STRONG_FROM`] or
    /// more on each axis.
    pub fn place(influence: Option<Level>, interest: Option<Level>) -> Option<MapQuadrant> {
        let (influence, interest) = (influence?, interest?);
        Some(match (influence.is_strong(), interest.is_strong()) {
            (true, true) => Self::AssociateClosely,
            (true, false) => Self::KeepSatisfied,
            (false, true) => Self::KeepInformed,
            (false, false) => Self::Monitor,
        })
    }

    /// DOMAIN.md's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::AssociateClosely => "Associer étroitement",
            Self::KeepSatisfied => "Satisfaire",
            Self::KeepInformed => "Informer",
            Self::Monitor => "Surveiller",
        }
    }

    /// What the quadrant means and what to do with its actors, shown as help.
    pub fn help(self) -> &'static str {
        match self {
            Self::AssociateClosely => "Influence forte, intérêt fort\u{a0}: associez-les aux décisions et aux échanges réguliers.",
            Self::KeepSatisfied => "Influence forte, intérêt faible\u{a0}: répondez à leurs attentes sans les solliciter à l’excès.",
            Self::KeepInformed => "Influence faible, intérêt fort\u{a0}: tenez-les informés, ils peuvent devenir des relais.",
            Self::Monitor => "Influence faible, intérêt faible\u{a0}: suivez leur évolution avec peu d’efforts.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(n: u8) -> Level {
        Level::new(n).expect("valid")
    }

    #[test]
    fn a_level_is_one_to_five() {
        assert_eq!(Level::new(0), Err(LevelOutOfRange(0)));
        assert_eq!(Level::new(6), Err(LevelOutOfRange(6)));
        assert_eq!(
            LevelOutOfRange(6).to_string(),
            "Un niveau va de 1 (très faible) à 5 (très fort)\u{a0}; 6 n’en fait pas partie."
        );
        let labels: Vec<_> = Level::all().iter().map(|l| l.label()).collect();
        assert_eq!(
            labels,
            ["Très faible", "Faible", "Moyen", "Fort", "Très fort"]
        );
        assert_eq!(
            Level::all().map(u8::from),
            [1, 2, 3, 4, 5],
            "every level from 1 to 5"
        );
    }

    #[test]
    fn a_level_reads_from_json_only_in_range() {
        assert_eq!(serde_json::from_str::<Level>("4").expect("valid"), level(4));
        assert_eq!(serde_json::to_string(&level(4)).expect("valid"), "4");
        let err = serde_json::from_str::<Level>("9")
            .expect_err("refused")
            .to_string();
        assert!(err.contains("9 n’en fait pas partie"), "{err}");
        assert!(serde_json::from_str::<Level>("0").is_err());
        assert!(serde_json::from_str::<Level>("-1").is_err());
    }

    #[test]
    fn a_typed_level_names_its_scale() {
        assert_eq!(LevelScale::Influence.level(None), Ok(None));
        assert_eq!(LevelScale::Nuisance.level(Some(5)), Ok(Some(level(5))));
        let err = LevelScale::Interest.level(Some(0)).expect_err("refused");
        assert_eq!(err.field, "interest");
        assert_eq!(
            err.message,
            "L’intérêt va de 1 (très faible) à 5 (très fort)\u{a0}; 0 n’en fait pas partie."
        );
        let err = LevelScale::Influence.level(Some(6)).expect_err("refused");
        assert_eq!(err.field, "influence");
        assert!(err.message.starts_with("Le niveau d’influence va de 1"));
    }

    /// Every cell of the 5 × 5 grid, written out: rows are influence 5 (top) to 1,
    /// columns interest 1 to 5. S = Satisfaire, A = Associer étroitement,
    /// W = Surveiller, I = Informer.
    #[test]
    fn every_cell_of_the_grid() {
        let grid = [
            "SSAAA", // influence 5
            "SSAAA", // influence 4
            "SSAAA", // influence 3: the middle counts as strong
            "WWIII", // influence 2
            "WWIII", // influence 1
        ];
        for (row, line) in grid.iter().enumerate() {
            let influence = 5 - row as u8;
            for (col, code) in line.chars().enumerate() {
                let interest = col as u8 + 1;
                let expected = match code {
                    'A' => MapQuadrant::AssociateClosely,
                    'S' => MapQuadrant::KeepSatisfied,
                    'I' => MapQuadrant::KeepInformed,
                    _ => MapQuadrant::Monitor,
                };
                assert_eq!(
                    MapQuadrant::place(Some(level(influence)), Some(level(interest))),
                    Some(expected),
                    "influence {influence}, interest {interest}"
                );
            }
        }
    }

    #[test]
    fn the_boundary_is_between_two_and_three_on_both_axes() {
        let q = |i, j| MapQuadrant::place(Some(level(i)), Some(level(j)));
        assert_eq!(q(2, 2), Some(MapQuadrant::Monitor));
        assert_eq!(q(3, 2), Some(MapQuadrant::KeepSatisfied));
        assert_eq!(q(2, 3), Some(MapQuadrant::KeepInformed));
        assert_eq!(q(3, 3), Some(MapQuadrant::AssociateClosely));
        assert!(QUADRANT_DIVIDER > 2.0 && QUADRANT_DIVIDER < f64::from(STRONG_FROM));
    }

    #[test]
    fn a_missing_level_gives_no_quadrant() {
        assert_eq!(MapQuadrant::place(None, Some(level(5))), None);
        assert_eq!(MapQuadrant::place(Some(level(5)), None), None);
        assert_eq!(MapQuadrant::place(None, None), None);
    }

    #[test]
    fn quadrant_labels_are_domain_md_s() {
        let labels: Vec<_> = MapQuadrant::ALL.iter().map(|q| q.label()).collect();
        assert_eq!(
            labels,
            [
                "Associer étroitement",
                "Satisfaire",
                "Informer",
                "Surveiller"
            ]
        );
    }
}
