//! The closed lists of « Formaliser et mesurer l’action » (guide section 4) on the
//! objectives' side: the five letters of SMART (DOMAIN.md, `SmartCriterion`), the
//! dimensions of the cooperation an operational objective serves, and the two levels an
//! indicator or a gap analysis may hang on. Labels are written once here.

use serde::{Deserialize, Serialize};

/// The five letters of the SMART method (guide section 4, « Formuler des objectifs
/// opérationnels SMART »), in their order.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SmartCriterion {
    #[default]
    Specific,
    Measurable,
    Achievable,
    Realistic,
    TimeBound,
}

impl SmartCriterion {
    /// S, M, A, R, T.
    pub const ALL: [SmartCriterion; 5] = [
        Self::Specific,
        Self::Measurable,
        Self::Achievable,
        Self::Realistic,
        Self::TimeBound,
    ];

    /// DOMAIN.md's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Specific => "Spécifique",
            Self::Measurable => "Mesurable",
            Self::Achievable => "Atteignable",
            Self::Realistic => "Réaliste",
            Self::TimeBound => "Temporellement défini",
        }
    }

    /// The letter shown in the SMART panel.
    pub fn letter(self) -> char {
        match self {
            Self::Specific => 'S',
            Self::Measurable => 'M',
            Self::Achievable => 'A',
            Self::Realistic => 'R',
            Self::TimeBound => 'T',
        }
    }
}

/// The dimension of the cooperation an operational objective serves (guide section 4:
/// « déclinés en objectifs opérationnels pour chaque dimension de la coopération »). The
/// four the guide's strategies name, or one the alliance names itself (`Other`, with its
/// name in `OperationalObjectiveDraft::custom_dimension`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum CooperationDimension {
    #[default]
    Pooling,
    JointActivity,
    Funding,
    Communication,
    Other,
}

impl CooperationDimension {
    /// The order of the lists.
    pub const ALL: [CooperationDimension; 5] = [
        Self::Pooling,
        Self::JointActivity,
        Self::Funding,
        Self::Communication,
        Self::Other,
    ];

    /// The label; `Other` is shown by its own name where one is written.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pooling => "Mutualisation",
            Self::JointActivity => "Activité commune",
            Self::Funding => "Financement",
            Self::Communication => "Communication",
            Self::Other => "Autre dimension",
        }
    }
}

/// Whether an objective is strategic or operational.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveLevel {
    Strategic,
    #[default]
    Operational,
}

impl ObjectiveLevel {
    /// The order of the lists.
    pub const ALL: [ObjectiveLevel; 2] = [Self::Strategic, Self::Operational];

    /// The label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Strategic => "Objectif stratégique",
            Self::Operational => "Objectif opérationnel",
        }
    }
}

/// One objective of the alliance, strategic or operational, as an indicator or a gap
/// analysis names it: `{ "level": "operational", "id": "<uuid>" }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ObjectiveRef {
    pub level: ObjectiveLevel,
    pub id: String,
}
