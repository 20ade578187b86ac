//! The demo's eleven indicators, each with its measurements (see [`super`]'s
//! documentation for the objectives and partners they name).

use chrono::NaiveDate;

use crate::evaluation::kinds::{
    AnalysisMethod, CollectionFrequency, DataSourceKind, IndicatorAggregation, IndicatorDirection,
    IndicatorLevel,
};
use crate::evaluation::records::{IndicatorDraft, MeasurementDraft};
use crate::objectives::ObjectiveRef;

use super::{day, demo_months, DemoIndicator, DemoObjective};

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

/// The demo's indicators, in their order.
pub(super) fn demo_indicators() -> Vec<DemoIndicator> {
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
    vec![
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
    ]
}
