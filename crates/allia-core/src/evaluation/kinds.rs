//! The closed lists of the impact evaluation (guide section 4, « Évaluation continue de
//! l’impact », DOMAIN.md): the AVISE purposes, the indicators' levels, data sources and
//! analysis methods, and what the app adds to make indicators computable: their
//! direction, how their periods combine, how often they are collected, their status and
//! the decisions of a gap analysis. Labels are written once here.

use serde::{Deserialize, Serialize};

macro_rules! closed_list {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $label:expr ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the order of the lists.
            pub const ALL: &'static [$name] = &[$( $name::$variant ),+];

            /// The French label (DOMAIN.md's where it names one).
            pub fn label(self) -> &'static str {
                match self {
                    $( $name::$variant => $label ),+
                }
            }
        }
    };
}

closed_list! {
    /// The four purposes of an evaluation according to the AVISE (guide section 4).
    EvaluationPurpose {
        #[default]
        Track => "Suivre",
        Understand => "Comprendre",
        Prove => "Prouver",
        Value => "Valoriser",
    }
}

impl EvaluationPurpose {
    /// The guide's sentence for the purpose.
    pub fn description(self) -> &'static str {
        match self {
            Self::Track => {
                "Produire de l’information régulière sur les résultats attendus de votre action."
            }
            Self::Understand => {
                "Comprendre le changement observé et les facteurs explicatifs potentiels."
            }
            Self::Prove => "Prouver que le changement est attribuable à votre action.",
            Self::Value => "Donner une valeur au changement suscité par votre action.",
        }
    }
}

closed_list! {
    /// What an indicator measures (guide section 4: « les moyens mis en œuvre, les
    /// activités réalisées, les résultats (changements à court terme), les impacts
    /// (transformations durables) »).
    IndicatorLevel {
        Means => "Moyens",
        #[default]
        Activities => "Activités",
        Results => "Résultats",
        Impacts => "Impacts",
    }
}

impl IndicatorLevel {
    /// The guide's gloss, shown as help.
    pub fn description(self) -> &'static str {
        match self {
            Self::Means => "Les moyens mis en œuvre.",
            Self::Activities => "Les activités réalisées.",
            Self::Results => "Les changements à court terme.",
            Self::Impacts => "Les transformations durables.",
        }
    }
}

closed_list! {
    /// Where an indicator's data comes from (guide section 4, « L’identification des
    /// sources de données »).
    DataSourceKind {
        #[default]
        MemberSystems => "Système d’information des membres",
        BeneficiarySurvey => "Enquête bénéficiaires",
        QualitativeInterview => "Entretien qualitatif",
        DirectObservation => "Observation directe",
        PublicData => "Données publiques (INSEE, open data territorial)",
    }
}

closed_list! {
    /// The method of analysis (guide section 4, « qualitative, quantitative, mixte »).
    AnalysisMethod {
        Qualitative => "Qualitative",
        #[default]
        Quantitative => "Quantitative",
        Mixed => "Mixte",
    }
}

closed_list! {
    /// Which way is better.
    IndicatorDirection {
        #[default]
        HigherIsBetter => "À la hausse (plus c’est haut, mieux c’est)",
        LowerIsBetter => "À la baisse (plus c’est bas, mieux c’est)",
    }
}

closed_list! {
    /// How an indicator's periods combine into the value compared with its target.
    IndicatorAggregation {
        /// Each measurement is the running total: the latest value is the total.
        #[default]
        Cumulative => "Cumulé (la dernière valeur est le total)",
        /// Each measurement counts one period: the values are summed.
        PerPeriod => "Par période (les valeurs s’additionnent)",
        /// A rate: numerators and denominators are summed, never the rates averaged.
        Rate => "Taux (numérateurs et dénominateurs additionnés)",
        /// The mean of the measurements.
        Average => "Moyenne des mesures",
    }
}

closed_list! {
    /// How often an indicator is collected.
    CollectionFrequency {
        #[default]
        Monthly => "Mensuelle",
        Quarterly => "Trimestrielle",
        HalfYearly => "Semestrielle",
        Yearly => "Annuelle",
        OneOff => "Ponctuelle",
    }
}

closed_list! {
    /// Where an indicator stands against its trajectory (the rule: `progress.rs`).
    IndicatorStatus {
        OnTrack => "En bonne voie",
        Watch => "À surveiller",
        Late => "En retard",
        #[default]
        NotMeasured => "Pas encore mesuré",
        /// Measured or not, its progress cannot be computed: its target equals its
        /// baseline (data from before validation refused it, or imported).
        NotAssessable => "Non évaluable",
    }
}

closed_list! {
    /// The decision a gap analysis ends with (guide section 4, « L’intégration des
    /// résultats de l’évaluation au pilotage stratégique »).
    GapDecision {
        AdjustAction => "Ajuster l’action",
        ReviseTarget => "Revoir la cible",
        #[default]
        Continue => "Poursuivre",
    }
}
