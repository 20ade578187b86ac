//! The demo alliance's evaluation (issue 12, item 9; guide section 4, « Évaluation
//! continue de l’impact »): three AVISE purposes and the guide's evaluative questions,
//! eleven indicators across the four levels (moyens, activités, résultats, impacts) using
//! every aggregation — among them the guide's administrative costs falling by 15 %, a
//! « lower is better » indicator — each measured at fixed dates (month ends from December
//! 2025 to November 2026 for most), some on track and some late under the status rule,
//! four of them key indicators; and two gap analyses with their factors and decision.
//!
//! Objectives are named by their place in `objectives::demo::demo_objectives()`: a
//! strategic objective by its index, an operational one by its index in the overview's
//! order (0 the guide's SMART example, 1 the common payroll, 2 the newsletter, 3 the
//! 120 people supported, 4 the workshops, 5 the multi-year funding, 6 the steering
//! committee). Partners by their index in `demo::demo_alliance().partners` (0 Maison des
//! Solidarités, 1 Jardins partagés, 2 Culture pour tous, 3 Aide à domicile rurale,
//! 4 Sport et Insertion). The store gives the ids.

use chrono::NaiveDate;

use super::kinds::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, EvaluationPurpose, GapDecision,
    IndicatorAggregation, IndicatorDirection, IndicatorLevel,
};
use super::records::{EvaluationFrameDraft, GapAnalysisDraft, IndicatorDraft, MeasurementDraft};
use crate::objectives::ObjectiveRef;

/// An objective of the demo by its place (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoObjective {
    /// The strategic objective at this index.
    Strategic(usize),
    /// The operational objective at this index in the overview's order.
    Operational(usize),
}

/// An indicator of the demo: its draft without ids (`objective.id` empty,
/// `owner_partner_id` `None`), its objective and responsible partner by place, and its
/// measurements (`indicator_id` empty), by date.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoIndicator {
    pub objective: DemoObjective,
    pub owner: Option<usize>,
    pub draft: IndicatorDraft,
    pub measurements: Vec<MeasurementDraft>,
}

/// A gap analysis of the demo: its draft without ids, its objective by place.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoGapAnalysis {
    pub objective: DemoObjective,
    pub draft: GapAnalysisDraft,
}

/// The demo's evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoEvaluation {
    pub frame: EvaluationFrameDraft,
    /// In their order.
    pub indicators: Vec<DemoIndicator>,
    pub gap_analyses: Vec<DemoGapAnalysis>,
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The last day of each month from December 2025 to November 2026: the dates of the
/// demo's monthly measurements.
pub fn demo_months() -> Vec<NaiveDate> {
    (0..12)
        .map(|i| {
            let (y, m) = if i == 0 { (2025, 12) } else { (2026, i) };
            let next = if m == 12 {
                day(y + 1, 1, 1)
            } else {
                day(y, m + 1, 1)
            };
            next.pred_opt().unwrap_or(next)
        })
        .collect()
}

fn measured(date: NaiveDate, value: f64) -> MeasurementDraft {
    MeasurementDraft {
        indicator_id: String::new(),
        date,
        value,
        numerator: None,
        denominator: None,
        comment: None,
        source: None,
    }
}

fn monthly(values: &[f64]) -> Vec<MeasurementDraft> {
    demo_months()
        .into_iter()
        .zip(values)
        .map(|(date, value)| measured(date, *value))
        .collect()
}

/// What differs from one indicator to the next; the rest is the demo's usual.
struct Spec {
    objective: DemoObjective,
    owner: usize,
    name: &'static str,
    level: IndicatorLevel,
    unit: &'static str,
    direction: IndicatorDirection,
    aggregation: IndicatorAggregation,
    baseline: (f64, NaiveDate),
    target: (f64, NaiveDate),
    frequency: CollectionFrequency,
    source: (DataSourceKind, &'static str),
    method: AnalysisMethod,
    key: bool,
}

fn indicator(spec: Spec, measurements: Vec<MeasurementDraft>) -> DemoIndicator {
    DemoIndicator {
        objective: spec.objective,
        owner: Some(spec.owner),
        draft: IndicatorDraft {
            objective: ObjectiveRef::default(),
            name: spec.name.into(),
            level: spec.level,
            unit: spec.unit.into(),
            direction: spec.direction,
            aggregation: spec.aggregation,
            baseline_value: spec.baseline.0,
            baseline_date: spec.baseline.1,
            target_value: spec.target.0,
            target_date: spec.target.1,
            frequency: spec.frequency,
            owner_partner_id: None,
            owner_person: None,
            data_source: spec.source.0,
            source_reference: Some(spec.source.1.into()),
            method: spec.method,
            key_indicator: spec.key,
        },
        measurements,
    }
}

/// The demo's evaluation (see the module's documentation).
pub fn demo_evaluation() -> DemoEvaluation {
    use AnalysisMethod::*;
    use CollectionFrequency::*;
    use DataSourceKind::*;
    use DemoObjective::*;
    use IndicatorAggregation::*;
    use IndicatorDirection::*;
    use IndicatorLevel::*;
    let start = day(2025, 12, 1);

    // The guide's example: administrative costs down 15 % by July 2026. Late: the common
    // payroll is not deployed yet (the gap analysis says so).
    let mut costs = indicator(
        Spec {
            objective: Operational(0),
            owner: 0,
            name: "Coûts administratifs des 5 associations (12 mois glissants)",
            level: Results,
            unit: "€",
            direction: LowerIsBetter,
            aggregation: Cumulative,
            baseline: (186_000.0, start),
            target: (158_100.0, day(2026, 6, 30)),
            frequency: Monthly,
            source: (
                MemberSystems,
                "Comptabilités des 5 associations, grand livre du service partagé",
            ),
            method: Quantitative,
            key: true,
        },
        monthly(&[
            185_200.0, 183_000.0, 180_400.0, 178_100.0, 175_900.0, 174_000.0, 172_600.0, 171_000.0,
            169_800.0, 168_900.0, 167_800.0, 166_900.0,
        ]),
    );
    costs.draft.owner_person = Some("Claire Moreau".into());
    if let Some(m) = costs.measurements.get_mut(4) {
        m.comment = Some("Départ de la chargée de communication mutualisée.".into());
    }

    let hours = indicator(
        Spec {
            objective: Operational(0),
            owner: 0,
            name: "Heures de travail assurées par le service partagé",
            level: Means,
            unit: "heures",
            direction: HigherIsBetter,
            aggregation: PerPeriod,
            baseline: (0.0, start),
            target: (1_800.0, day(2026, 11, 30)),
            frequency: Monthly,
            source: (MemberSystems, "Relevés d’heures du service partagé"),
            method: Quantitative,
            key: false,
        },
        monthly(&[
            120.0, 135.0, 140.0, 150.0, 150.0, 155.0, 145.0, 130.0, 150.0, 160.0, 185.0, 190.0,
        ]),
    );

    let members = indicator(
        Spec {
            objective: Strategic(0),
            owner: 0,
            name: "Associations membres utilisant le service partagé",
            level: Means,
            unit: "associations",
            direction: HigherIsBetter,
            aggregation: Cumulative,
            baseline: (0.0, start),
            target: (5.0, day(2026, 6, 30)),
            frequency: Monthly,
            source: (MemberSystems, "Conventions d’adhésion au service partagé"),
            method: Quantitative,
            key: false,
        },
        monthly(&[1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0]),
    );

    let payroll = indicator(
        Spec {
            objective: Operational(1),
            owner: 3,
            name: "Associations passées au logiciel de paie commun",
            level: Means,
            unit: "associations",
            direction: HigherIsBetter,
            aggregation: Cumulative,
            baseline: (0.0, day(2026, 9, 1)),
            target: (5.0, day(2027, 3, 31)),
            frequency: Monthly,
            source: (MemberSystems, "Logiciel de paie, liste des établissements"),
            method: Quantitative,
            key: false,
        },
        demo_months()
            .into_iter()
            .skip(9)
            .zip([1.0, 2.0, 2.0])
            .map(|(date, value)| measured(date, value))
            .collect(),
    );

    let newsletter = indicator(
        Spec {
            objective: Operational(2),
            owner: 2,
            name: "Foyers destinataires de la lettre d’information commune",
            level: Activities,
            unit: "foyers",
            direction: HigherIsBetter,
            aggregation: Cumulative,
            baseline: (0.0, day(2026, 10, 1)),
            target: (2_000.0, day(2027, 12, 31)),
            frequency: Quarterly,
            source: (MemberSystems, "Fichier de diffusion de la lettre"),
            method: Quantitative,
            key: false,
        },
        vec![
            measured(day(2026, 10, 31), 600.0),
            measured(day(2026, 11, 30), 650.0),
        ],
    );

    let mut people = indicator(
        Spec {
            objective: Operational(3),
            owner: 3,
            name: "Habitants isolés accompagnés dans le parcours commun",
            level: Results,
            unit: "habitants",
            direction: HigherIsBetter,
            aggregation: Cumulative,
            baseline: (40.0, start),
            target: (120.0, day(2027, 12, 31)),
            frequency: Monthly,
            source: (MemberSystems, "Fichier commun des personnes accompagnées"),
            method: Quantitative,
            key: true,
        },
        monthly(&[
            42.0, 45.0, 48.0, 52.0, 55.0, 58.0, 61.0, 63.0, 68.0, 72.0, 76.0, 80.0,
        ]),
    );
    people.draft.owner_person = Some("Sophie Garnier".into());

    // A rate: the satisfied over the people asked each month, summed, never the monthly
    // rates averaged.
    let answers: [(f64, f64); 12] = [
        (8.0, 10.0),
        (9.0, 11.0),
        (10.0, 12.0),
        (10.0, 12.0),
        (11.0, 13.0),
        (12.0, 14.0),
        (12.0, 15.0),
        (10.0, 12.0),
        (13.0, 15.0),
        (14.0, 17.0),
        (15.0, 18.0),
        (16.0, 19.0),
    ];
    let satisfaction = indicator(
        Spec {
            objective: Operational(3),
            owner: 3,
            name: "Personnes accompagnées satisfaites du parcours",
            level: Results,
            unit: "%",
            direction: HigherIsBetter,
            aggregation: Rate,
            baseline: (70.0, start),
            target: (85.0, day(2026, 12, 31)),
            frequency: Monthly,
            source: (
                BeneficiarySurvey,
                "Questionnaire de satisfaction remis à chaque bilan",
            ),
            method: Mixed,
            key: true,
        },
        demo_months()
            .into_iter()
            .zip(answers)
            .map(|(date, (n, d))| MeasurementDraft {
                numerator: Some(n),
                denominator: Some(d),
                ..measured(date, 100.0 * n / d)
            })
            .collect(),
    );

    let sessions = indicator(
        Spec {
            objective: Operational(4),
            owner: 1,
            name: "Séances d’ateliers intergénérationnels réalisées",
            level: Activities,
            unit: "séances",
            direction: HigherIsBetter,
            aggregation: PerPeriod,
            baseline: (0.0, start),
            target: (150.0, day(2027, 5, 31)),
            frequency: Monthly,
            source: (DirectObservation, "Feuilles de présence des ateliers"),
            method: Quantitative,
            key: false,
        },
        monthly(&[2.0, 4.0, 6.0, 8.0, 8.0, 8.0, 10.0, 6.0, 4.0, 8.0, 8.0, 8.0]),
    );

    // An impact, lower is better, averaged over the interviews.
    let isolation = indicator(
        Spec {
            objective: Strategic(1),
            owner: 3,
            name: "Sentiment d’isolement déclaré par les personnes accompagnées",
            level: Impacts,
            unit: "points sur 10",
            direction: LowerIsBetter,
            aggregation: Average,
            baseline: (6.8, start),
            target: (5.5, day(2027, 12, 31)),
            frequency: Monthly,
            source: (
                QualitativeInterview,
                "Entretiens de bilan à 3 mois, échelle d’isolement de 0 à 10",
            ),
            method: Mixed,
            key: false,
        },
        monthly(&[6.8, 6.7, 6.6, 6.6, 6.5, 6.4, 6.4, 6.3, 6.2, 6.2, 6.1, 6.0]),
    );

    let funding = indicator(
        Spec {
            objective: Operational(5),
            owner: 0,
            name: "Financements pluriannuels communs obtenus",
            level: Results,
            unit: "€",
            direction: HigherIsBetter,
            aggregation: Cumulative,
            baseline: (0.0, start),
            target: (60_000.0, day(2027, 12, 31)),
            frequency: Monthly,
            source: (MemberSystems, "Conventions de financement signées"),
            method: Quantitative,
            key: true,
        },
        monthly(&[
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 10_000.0, 10_000.0, 10_000.0, 25_000.0, 25_000.0,
            25_000.0,
        ]),
    );

    let committee = indicator(
        Spec {
            objective: Operational(6),
            owner: 4,
            name: "Réunions du comité de pilotage tenues",
            level: Activities,
            unit: "réunions",
            direction: HigherIsBetter,
            aggregation: PerPeriod,
            baseline: (0.0, start),
            target: (4.0, day(2026, 11, 30)),
            frequency: Quarterly,
            source: (DirectObservation, "Comptes rendus du comité de pilotage"),
            method: Qualitative,
            key: false,
        },
        [day(2026, 2, 28), day(2026, 6, 30), day(2026, 10, 31)]
            .into_iter()
            .map(|date| measured(date, 1.0))
            .collect(),
    );

    DemoEvaluation {
        frame: EvaluationFrameDraft {
            purposes: vec![
                EvaluationPurpose::Track,
                EvaluationPurpose::Understand,
                EvaluationPurpose::Value,
            ],
            questions: vec![
                "L’alliance atteint-elle ses objectifs\u{a0}?".into(),
                "Les activités produisent-elles les effets attendus\u{a0}?".into(),
                "Le service partagé réduit-il durablement les coûts administratifs des associations\u{a0}?".into(),
            ],
        },
        indicators: vec![
            costs,
            hours,
            members,
            payroll,
            newsletter,
            people,
            satisfaction,
            sessions,
            isolation,
            funding,
            committee,
        ],
        gap_analyses: vec![
            DemoGapAnalysis {
                objective: Operational(0),
                draft: GapAnalysisDraft {
                    objective: ObjectiveRef::default(),
                    date: day(2026, 7, 15),
                    positive_factors: vec![
                        "Les 5 associations utilisent le service partagé depuis juin 2026".into(),
                        "La comptabilité mutualisée a réduit les honoraires d’expertise comptable".into(),
                    ],
                    negative_factors: vec![
                        "Le logiciel de paie commun n’est pas encore déployé\u{a0}: chaque association paie encore son prestataire".into(),
                        "Départ de la chargée de communication mutualisée en avril 2026".into(),
                    ],
                    decision: GapDecision::AdjustAction,
                    decision_note: Some(
                        "Déployer la paie commune d’ici mars 2027 (objectif opérationnel dédié) et recruter une chargée de communication à mi-temps partagée.\nNouvelle mesure des coûts en décembre 2026."
                            .into(),
                    ),
                },
            },
            DemoGapAnalysis {
                objective: Strategic(1),
                draft: GapAnalysisDraft {
                    objective: ObjectiveRef::default(),
                    date: day(2026, 10, 20),
                    positive_factors: vec![
                        "Le fichier commun évite les doubles visites à domicile".into(),
                        "Les ateliers de jardinage attirent des habitants que les associations ne voyaient pas".into(),
                    ],
                    negative_factors: vec![
                        "Moins de séances en été faute de bénévoles".into(),
                    ],
                    decision: GapDecision::Continue,
                    decision_note: Some(
                        "Garder le rythme et préparer un planning d’été avec les bénévoles de Sport et Insertion."
                            .into(),
                    ),
                },
            },
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::{indicator_progress, IndicatorStatus};

    fn with_ids(indicator: &DemoIndicator) -> IndicatorDraft {
        let mut draft = indicator.draft.clone();
        draft.objective.id = "00000000-0000-4000-8000-000000000000".into();
        draft.owner_partner_id = indicator
            .owner
            .map(|_| "00000000-0000-4000-8000-000000000001".to_string());
        draft
    }

    #[test]
    fn every_record_is_valid_and_the_demo_covers_what_the_issue_asks() {
        let demo = demo_evaluation();
        demo.frame.validated().expect("frame");
        assert_eq!(demo.frame.questions.len(), 3);
        assert!(demo.indicators.len() >= 8);
        for level in IndicatorLevel::ALL {
            assert!(
                demo.indicators.iter().any(|i| i.draft.level == *level),
                "{level:?}"
            );
        }
        for aggregation in IndicatorAggregation::ALL {
            assert!(
                demo.indicators
                    .iter()
                    .any(|i| i.draft.aggregation == *aggregation),
                "{aggregation:?}"
            );
        }
        assert!(demo
            .indicators
            .iter()
            .any(|i| i.draft.direction == IndicatorDirection::LowerIsBetter));
        let keys = demo
            .indicators
            .iter()
            .filter(|i| i.draft.key_indicator)
            .count();
        assert!((3..=4).contains(&keys), "{keys}");
        let months = demo_months();
        assert_eq!(months.first(), Some(&day(2025, 12, 31)));
        assert_eq!(months.get(2), Some(&day(2026, 2, 28)));
        assert_eq!(months.last(), Some(&day(2026, 11, 30)));
        let year = demo
            .indicators
            .iter()
            .filter(|i| i.measurements.len() == 12)
            .count();
        assert!(year >= 8, "{year} indicators measured monthly for a year");
        for indicator in &demo.indicators {
            let draft = with_ids(indicator)
                .validated()
                .expect(&indicator.draft.name);
            assert!(indicator.owner.is_some_and(|p| p < 5));
            match indicator.objective {
                DemoObjective::Strategic(i) => assert!(i < 3),
                DemoObjective::Operational(i) => assert!(i < 7),
            }
            for m in &indicator.measurements {
                let mut m = m.clone();
                m.indicator_id = "00000000-0000-4000-8000-000000000002".into();
                let valid = m.validated(draft.aggregation).expect(&draft.name);
                assert!((valid.value - m.value).abs() < 1e-9, "{}", draft.name);
            }
        }
        for gap in &demo.gap_analyses {
            let mut draft = gap.draft.clone();
            draft.objective.id = "00000000-0000-4000-8000-000000000000".into();
            draft.validated().expect("gap analysis");
        }
        assert!(demo
            .gap_analyses
            .iter()
            .any(|g| !g.draft.positive_factors.is_empty() && !g.draft.negative_factors.is_empty()));
    }

    #[test]
    fn some_indicators_are_on_track_and_some_late_on_the_first_of_december_2026() {
        let demo = demo_evaluation();
        let today = day(2026, 12, 1);
        let statuses: Vec<(String, IndicatorStatus)> = demo
            .indicators
            .iter()
            .map(|i| {
                (
                    i.draft.name.clone(),
                    indicator_progress(&with_ids(i), &i.measurements, today).status,
                )
            })
            .collect();
        let count = |s: IndicatorStatus| statuses.iter().filter(|(_, x)| *x == s).count();
        assert!(count(IndicatorStatus::OnTrack) >= 4, "{statuses:#?}");
        assert!(count(IndicatorStatus::Late) >= 1, "{statuses:#?}");
        assert!(count(IndicatorStatus::Watch) >= 1, "{statuses:#?}");
        assert_eq!(count(IndicatorStatus::NotMeasured), 0, "{statuses:#?}");
        // The guide's example is the late one its gap analysis explains.
        assert_eq!(statuses[0].1, IndicatorStatus::Late, "{statuses:#?}");
    }
}
