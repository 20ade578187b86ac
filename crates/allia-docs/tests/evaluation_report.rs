//! The evaluation report read back with poppler and lopdf: every section, indicator,
//! status and decision printed; one chart per key indicator, drawn as vector paths (no
//! image), with French axis labels, whole on its page; charts with no, one, equal,
//! negative or 3 600 values render.

#[path = "common/pdf_tools.rs"]
mod pdf_tools;

use std::time::Instant;

use allia_core::evaluation::{
    indicator_progress, EvaluationFrameDraft, EvaluationOverview, EvaluationPurpose, GapAnalysis,
    GapAnalysisDraft, GapDecision, Indicator, IndicatorAggregation, IndicatorDirection,
    IndicatorDraft, IndicatorLevel, IndicatorStatus, IndicatorView, Measurement, MeasurementDraft,
};
use allia_core::objectives::{
    ObjectiveLevel, ObjectiveRef, ObjectivesFrameDraft, ObjectivesOverview, OperationalObjective,
    OperationalObjectiveDraft, OperationalObjectiveView, PriorityRanking, SmartCheck,
    StrategicObjective, StrategicObjectiveDraft, StrategicObjectiveView,
};
use allia_docs::chart::{Chart, ChartPoint, ChartSeries, DateRule, LineStyle, MarkerShape};
use allia_docs::evaluation::{self, render_evaluation_report, EvaluationReportInput};
use allia_docs::model::{Block, Document, Metadata, Paragraph};
use chrono::{Months, NaiveDate, Utc};
use pdf_tools::{text, tool, write};

const ALLIANCE: &str = "Alliance solidaire du Val de Brenne";
const S1: &str = "00000000-0000-4000-8000-000000000001";
const S2: &str = "00000000-0000-4000-8000-000000000002";
const O1: &str = "00000000-0000-4000-8000-000000000011";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn today() -> NaiveDate {
    day(2026, 12, 1)
}

fn strategic(
    id: &str,
    position: u32,
    title: &str,
    operational: Vec<OperationalObjectiveView>,
) -> StrategicObjectiveView {
    let now = Utc::now();
    StrategicObjectiveView {
        objective: StrategicObjective {
            id: id.into(),
            alliance_id: "a".into(),
            position,
            created_at: now,
            updated_at: now,
            draft: StrategicObjectiveDraft {
                title: title.into(),
                ..StrategicObjectiveDraft::default()
            },
        },
        gaps: Vec::new(),
        operational,
        indicator_count: 0,
    }
}

fn operational(id: &str, wording: &str) -> OperationalObjectiveView {
    let now = Utc::now();
    OperationalObjectiveView {
        objective: OperationalObjective {
            id: id.into(),
            alliance_id: "a".into(),
            position: 0,
            created_at: now,
            updated_at: now,
            draft: OperationalObjectiveDraft {
                strategic_objective_id: S1.into(),
                wording: wording.into(),
                ..OperationalObjectiveDraft::default()
            },
        },
        smart: SmartCheck {
            letters: Vec::new(),
            passed: false,
        },
        indicator_count: 0,
    }
}

fn objectives() -> ObjectivesOverview {
    ObjectivesOverview {
        frame: ObjectivesFrameDraft::default(),
        strategic: vec![
            strategic(
                S1,
                0,
                "Mutualiser les fonctions support des associations membres",
                vec![operational(
                    O1,
                    "Créer un service comptable partagé au 1er mars 2026",
                )],
            ),
            strategic(
                S2,
                1,
                "Renforcer l’accompagnement des bénéficiaires du territoire",
                Vec::new(),
            ),
        ],
        priority: PriorityRanking {
            ranking: Vec::new(),
            problems: Vec::new(),
        },
    }
}

/// An indicator with its measurements and its progress as of [`today`].
fn view(n: u32, draft: IndicatorDraft, measurements: Vec<MeasurementDraft>) -> IndicatorView {
    let now = Utc::now();
    let id = format!("00000000-0000-4000-8000-0000000001{n:02}");
    let measurements: Vec<MeasurementDraft> = measurements
        .into_iter()
        .map(|m| MeasurementDraft {
            indicator_id: id.clone(),
            ..m
        })
        .collect();
    let progress = indicator_progress(&draft, &measurements, today());
    let series = allia_core::evaluation::combined_series(&draft, &measurements, today());
    IndicatorView {
        indicator: Indicator {
            id: id.clone(),
            alliance_id: "a".into(),
            position: n,
            created_at: now,
            updated_at: now,
            draft,
        },
        measurements: measurements
            .into_iter()
            .enumerate()
            .map(|(k, draft)| Measurement {
                id: format!("{id}-{k}"),
                alliance_id: "a".into(),
                created_at: now,
                updated_at: now,
                draft,
            })
            .collect(),
        progress,
        series,
    }
}

fn measure(date: NaiveDate, value: f64) -> MeasurementDraft {
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

/// Monthly measurements from January 2026, `count` of them, the k-th worth `value(k)`.
fn monthly(count: u32, value: impl Fn(u32) -> f64) -> Vec<MeasurementDraft> {
    (0..count)
        .map(|k| measure(day(2026, 1, 28) + Months::new(k), value(k)))
        .collect()
}

fn indicator(name: &str, objective: (ObjectiveLevel, &str), key: bool) -> IndicatorDraft {
    IndicatorDraft {
        objective: ObjectiveRef {
            level: objective.0,
            id: objective.1.into(),
        },
        name: name.into(),
        key_indicator: key,
        baseline_date: day(2026, 1, 1),
        target_date: day(2026, 12, 31),
        ..IndicatorDraft::default()
    }
}

fn indicators() -> Vec<IndicatorView> {
    let costs = IndicatorDraft {
        level: IndicatorLevel::Results,
        unit: "€".into(),
        direction: IndicatorDirection::LowerIsBetter,
        aggregation: IndicatorAggregation::Cumulative,
        baseline_value: 120_000.0,
        target_value: 102_000.0,
        ..indicator(
            "Coûts administratifs des associations membres",
            (ObjectiveLevel::Operational, O1),
            true,
        )
    };
    let people = IndicatorDraft {
        level: IndicatorLevel::Activities,
        unit: "bénéficiaires".into(),
        aggregation: IndicatorAggregation::PerPeriod,
        baseline_value: 0.0,
        target_value: 600.0,
        ..indicator(
            "Bénéficiaires accompagnés",
            (ObjectiveLevel::Strategic, S2),
            true,
        )
    };
    let satisfaction = IndicatorDraft {
        level: IndicatorLevel::Impacts,
        unit: "%".into(),
        aggregation: IndicatorAggregation::Rate,
        baseline_value: 60.0,
        target_value: 80.0,
        ..indicator(
            "Taux de satisfaction des bénéficiaires",
            (ObjectiveLevel::Strategic, S2),
            false,
        )
    };
    let volunteers = IndicatorDraft {
        level: IndicatorLevel::Means,
        unit: "bénévoles".into(),
        baseline_value: 10.0,
        target_value: 40.0,
        ..indicator(
            "Bénévoles formés à l’accueil",
            (ObjectiveLevel::Strategic, S1),
            false,
        )
    };
    let survey = |date: NaiveDate, yes: f64, asked: f64| MeasurementDraft {
        numerator: Some(yes),
        denominator: Some(asked),
        ..measure(date, 100.0 * yes / asked)
    };
    vec![
        view(
            0,
            costs,
            monthly(11, |k| 120_000.0 - 1_700.0 * f64::from(k + 1)),
        ),
        view(1, people, monthly(11, |k| 22.0 + f64::from(k % 3))),
        view(
            2,
            satisfaction,
            vec![
                survey(day(2026, 3, 31), 62.0, 100.0),
                survey(day(2026, 6, 30), 140.0, 200.0),
                survey(day(2026, 9, 30), 110.0, 150.0),
            ],
        ),
        view(3, volunteers, Vec::new()),
    ]
}

fn analysis(
    n: u32,
    objective: (ObjectiveLevel, &str),
    date: NaiveDate,
    positive: &[&str],
    negative: &[&str],
    decision: GapDecision,
    note: Option<&str>,
) -> GapAnalysis {
    let now = Utc::now();
    GapAnalysis {
        id: format!("00000000-0000-4000-8000-0000000002{n:02}"),
        alliance_id: "a".into(),
        created_at: now,
        updated_at: now,
        draft: GapAnalysisDraft {
            objective: ObjectiveRef {
                level: objective.0,
                id: objective.1.into(),
            },
            date,
            positive_factors: positive.iter().map(|s| s.to_string()).collect(),
            negative_factors: negative.iter().map(|s| s.to_string()).collect(),
            decision,
            decision_note: note.map(str::to_string),
        },
    }
}

fn input() -> EvaluationReportInput {
    EvaluationReportInput {
        alliance: ALLIANCE.into(),
        association: Some("Maison des Solidarités".into()),
        today: today(),
        evaluation: EvaluationOverview {
            frame: EvaluationFrameDraft {
                purposes: vec![EvaluationPurpose::Track, EvaluationPurpose::Value],
                questions: vec![
                    "L’alliance atteint-elle ses objectifs ?".into(),
                    "Les bénéficiaires perçoivent-ils un changement durable ?".into(),
                ],
            },
            indicators: indicators(),
            gap_analyses: vec![
                analysis(
                    0,
                    (ObjectiveLevel::Strategic, S2),
                    day(2026, 11, 20),
                    &["Orientation par la Mission locale"],
                    &["Départ de deux bénévoles référents", "Local fermé en août"],
                    GapDecision::AdjustAction,
                    Some("Ouvrir une seconde permanence le mercredi.\nRecruter deux bénévoles."),
                ),
                analysis(
                    1,
                    (ObjectiveLevel::Operational, O1),
                    day(2026, 10, 2),
                    &["Logiciel comptable commun déployé"],
                    &[],
                    GapDecision::ReviseTarget,
                    None,
                ),
                analysis(
                    2,
                    (ObjectiveLevel::Strategic, S1),
                    day(2026, 6, 15),
                    &[],
                    &[],
                    GapDecision::Continue,
                    None,
                ),
            ],
        },
        objectives: objectives(),
    }
}

/// pdftotext's text with no-break spaces as spaces and each run of spaces as one.
fn flat(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each page's text, flattened.
fn pages(path: &std::path::Path) -> Vec<String> {
    text(path, &[])
        .split('\u{c}')
        .map(flat)
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn the_report_prints_every_indicator_status_and_decision() {
    let input = input();
    let bytes = render_evaluation_report(&input).expect("pdf");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "evaluation.pdf", &bytes);
    let all = flat(&text(&path, &[]));
    for expected in [
        "Rapport d’évaluation",
        ALLIANCE,
        "le 1er décembre 2026",
        "Finalités de l’évaluation",
        "Suivre :",
        "Produire de l’information régulière",
        "Valoriser :",
        "Questions évaluatives",
        "L’alliance atteint-elle ses objectifs ?",
        "Indicateurs",
        "Dernière valeur",
        "Indicateurs clés",
        "Analyse des écarts et décisions",
        "Mutualiser les fonctions support des associations membres",
        "Créer un service comptable partagé",
        "Renforcer l’accompagnement des bénéficiaires",
        "Analyse du 20 novembre 2026",
        "Analyse du 2 octobre 2026",
        "Analyse du 15 juin 2026",
        "Départ de deux bénévoles référents",
        "Orientation par la Mission locale",
        "Ouvrir une seconde permanence le mercredi.",
        "Facteurs négatifs : aucun noté.",
        "120 000",
        "102 000",
    ] {
        assert!(all.contains(expected), "« {expected} » in:\n{all}");
    }
    for view in &input.evaluation.indicators {
        let name = &view.indicator.draft.name;
        assert!(all.contains(name.as_str()), "« {name} » in:\n{all}");
        let status = view.progress.status.label();
        assert!(all.contains(status), "« {status} » ({name}) in:\n{all}");
        assert!(all.contains(view.indicator.draft.level.label()));
    }
    // The fixture covers the statuses the rule gives it, more than one of them.
    let statuses: std::collections::BTreeSet<IndicatorStatus> = input
        .evaluation
        .indicators
        .iter()
        .map(|v| v.progress.status)
        .collect();
    assert!(statuses.len() >= 3, "{statuses:?}");
    assert!(statuses.contains(&IndicatorStatus::NotMeasured));
    for decision in GapDecision::ALL {
        assert!(
            all.contains(&format!("Décision : {}", decision.label())),
            "« {} » in:\n{all}",
            decision.label()
        );
    }
    // Objectives in their order: the first strategic objective's analysis, then its
    // operational objective's, then the second strategic objective's.
    let gaps = &all[all
        .find("Analyse des écarts et décisions")
        .expect("section")..];
    let at = |s: &str| gaps.find(s).unwrap_or_else(|| panic!("« {s} »"));
    assert!(at("Analyse du 15 juin 2026") < at("Analyse du 2 octobre 2026"));
    assert!(at("Analyse du 2 octobre 2026") < at("Analyse du 20 novembre 2026"));
}

#[test]
fn each_key_indicator_has_its_chart_whole_on_one_page_in_vector_graphics() {
    let input = input();
    let bytes = render_evaluation_report(&input).expect("pdf");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "evaluation-charts.pdf", &bytes);
    let pages = pages(&path);
    let keys: Vec<&IndicatorView> = input
        .evaluation
        .indicators
        .iter()
        .filter(|v| v.indicator.draft.key_indicator)
        .collect();
    assert_eq!(keys.len(), 2);
    let mut chart_pages = Vec::new();
    for view in keys {
        let name = &view.indicator.draft.name;
        // The chart's page: the one with its title and its legend.
        let page = pages
            .iter()
            .position(|p| {
                p.contains(name.as_str())
                    && p.contains("Trajectoire prévue")
                    && p.contains("Valeurs mesurées")
            })
            .unwrap_or_else(|| panic!("a page with the chart of « {name} »: {pages:#?}"));
        let text = &pages[page];
        for label in [
            "Valeur de référence",
            "Cible",
            "Date du rapport (1er décembre 2026)",
            "Objectif mesuré :",
        ] {
            assert!(text.contains(label), "« {label} » on page {page}: {text}");
        }
        // The status explained under the chart, on its page.
        let status = format!("Statut : {}.", view.progress.status.label());
        assert!(
            text.contains(&status),
            "« {status} » on page {page}: {text}"
        );
        for month in [
            "janv. 2026",
            "mars 2026",
            "mai 2026",
            "juil. 2026",
            "sept. 2026",
            "nov. 2026",
        ] {
            assert!(text.contains(month), "« {month} » on page {page}: {text}");
        }
        chart_pages.push(page);
    }
    // The costs' axis in euros with French grouping, no decimal point.
    let costs = &pages[chart_pages[0]];
    assert!(
        costs.contains("120 000") && costs.contains("105 000"),
        "{costs}"
    );

    let pdf = lopdf::Document::load_mem(&bytes).expect("lopdf");
    let page_ids: Vec<_> = pdf.get_pages().into_values().collect();
    for &page in &chart_pages {
        let id = page_ids[page];
        let content = pdf.get_and_decode_page_content(id).expect("content");
        let count = |op: &str| {
            content
                .operations
                .iter()
                .filter(|o| o.operator == op)
                .count()
        };
        assert!(count("l") > 20, "line segments on page {page}");
        assert!(count("c") >= 4 * 11, "the discs' curves on page {page}");
        assert!(count("f") + count("B") > 11, "filled marks on page {page}");
        assert!(count("d") >= 2, "a dashed and a dotted line on page {page}");
        assert_eq!(count("Do"), 0, "no image drawn on page {page}");
        // Black and greys only: the series differ by their lines and marks.
        let colours =
            count("rg") + count("RG") + count("k") + count("K") + count("sc") + count("SC");
        assert_eq!(colours, 0, "no colour on page {page}");
        assert!(count("g") + count("G") > 0, "greys set on page {page}");
        let (resources, _) = pdf.get_page_resources(id).expect("resources");
        let xobjects = resources.and_then(|r| r.get(b"XObject").ok());
        assert!(xobjects.is_none(), "no XObject on page {page}");
    }
}

/// A document of `before` paragraphs then `chart`.
fn chart_document(before: usize, chart: Chart) -> Document {
    let mut blocks: Vec<Block> = (0..before)
        .map(|k| {
            Block::Paragraph(Paragraph::plain(format!(
                "Paragraphe {k} qui occupe la page avant le graphique, assez long pour prendre une ligne entière ou presque."
            )))
        })
        .collect();
    blocks.push(Block::Chart(chart));
    blocks.push(Block::Paragraph(Paragraph::plain("Après le graphique.")));
    Document {
        metadata: Metadata {
            title: "Graphique".into(),
            author: "Allia".into(),
            subject: String::new(),
            keywords: Vec::new(),
            creation_date: today(),
            language: "fr-FR".into(),
        },
        header: None,
        footer_title: "Graphique".into(),
        blocks,
        initials: false,
    }
}

fn series(
    label: &str,
    line: LineStyle,
    marker: MarkerShape,
    points: Vec<(NaiveDate, f64)>,
) -> ChartSeries {
    ChartSeries {
        label: label.into(),
        line,
        marker,
        points: points
            .into_iter()
            .map(|(date, value)| ChartPoint { date, value })
            .collect(),
    }
}

fn simple_chart(points: Vec<(NaiveDate, f64)>) -> Chart {
    Chart {
        title: "Indicateur de test".into(),
        unit: "unités".into(),
        series: vec![series(
            "Valeurs mesurées",
            LineStyle::Solid,
            MarkerShape::Circle,
            points,
        )],
        date_rule: Some(DateRule {
            date: today(),
            label: "Date du rapport".into(),
        }),
        notes: vec![vec![allia_docs::model::Run::plain(
            "Ce que montre le graphique, sous sa légende.",
        )]],
    }
}

#[test]
fn a_chart_is_never_split_across_pages() {
    let points = (0..12)
        .map(|k| (day(2026, 1, 15) + Months::new(k), f64::from(k) * 2.5))
        .collect::<Vec<_>>();
    for before in [30, 36, 40, 44] {
        let doc = chart_document(before, simple_chart(points.clone()));
        let bytes = allia_docs::pdf::shared()
            .expect("typesetter")
            .render(&doc)
            .expect("pdf");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = write(dir.path(), &format!("split-{before}.pdf"), &bytes);
        let pages = pages(&path);
        let title = pages.iter().position(|p| p.contains("Indicateur de test"));
        let legend = pages.iter().position(|p| p.contains("Valeurs mesurées"));
        let axis = pages.iter().position(|p| p.contains("nov. 2026"));
        assert!(title.is_some());
        assert_eq!(title, legend, "{before} paragraphs before: {pages:#?}");
        assert_eq!(title, axis, "{before} paragraphs before: {pages:#?}");
        let note = pages
            .iter()
            .position(|p| p.contains("Ce que montre le graphique, sous sa légende."));
        assert_eq!(title, note, "{before} paragraphs before: {pages:#?}");
    }
}

#[test]
fn charts_with_few_equal_negative_or_many_values_render() {
    let dir = tempfile::tempdir().expect("tempdir");
    let render = |name: &str, chart: Chart| {
        let doc = chart_document(0, chart);
        let bytes = allia_docs::pdf::shared()
            .expect("typesetter")
            .render(&doc)
            .expect("pdf");
        let path = write(dir.path(), name, &bytes);
        flat(&text(&path, &[]))
    };
    // No value at all: the frame, the legend left without the empty series.
    let none = render("none.pdf", simple_chart(Vec::new()));
    assert!(none.contains("Indicateur de test"), "{none}");
    // One value.
    let one = render("one.pdf", simple_chart(vec![(day(2026, 3, 10), 7.0)]));
    assert!(one.contains("avr. 2026") && one.contains("7"), "{one}");
    // One value and no date rule: a month around it.
    let mut alone = simple_chart(vec![(day(2026, 3, 10), 7.0)]);
    alone.date_rule = None;
    let alone = render("alone.pdf", alone);
    assert!(alone.contains("mars 2026"), "{alone}");
    assert!(!alone.contains("Date du rapport"), "{alone}");
    // Equal values.
    let flat_line = render(
        "equal.pdf",
        simple_chart(vec![(day(2026, 1, 1), 5.0), (day(2026, 6, 1), 5.0)]),
    );
    assert!(flat_line.contains("5"), "{flat_line}");
    // Negative values: « −20 » on the axis (the minus sign U+2212), with a decimal comma
    // where the step asks.
    let negative = render(
        "negative.pdf",
        simple_chart(vec![
            (day(2026, 1, 1), -18.5),
            (day(2026, 4, 1), -2.25),
            (day(2026, 8, 1), 3.0),
        ]),
    );
    assert!(negative.contains("\u{2212}20"), "{negative}");
    // A value that is not a number is left out, not drawn.
    let nan = render(
        "nan.pdf",
        simple_chart(vec![(day(2026, 1, 1), f64::NAN), (day(2026, 2, 1), 1.5)]),
    );
    assert!(nan.contains("1,5"), "{nan}");
    // 3 600 points (five years of measurements of 60 indicators, on one chart): drawn
    // thinned, fast, on one page.
    let many: Vec<(NaiveDate, f64)> = (0..3600)
        .map(|k| {
            (
                day(2021, 1, 1) + chrono::Days::new(k / 2),
                100.0 + (k % 97) as f64 - (k % 13) as f64,
            )
        })
        .collect();
    let start = Instant::now();
    let doc = chart_document(0, simple_chart(many));
    let bytes = allia_docs::pdf::shared()
        .expect("typesetter")
        .render(&doc)
        .expect("pdf");
    let took = start.elapsed();
    assert!(took.as_secs_f64() < 3.0, "3 600 points took {took:?}");
    let path = write(dir.path(), "many.pdf", &bytes);
    let info = tool("pdfinfo", &[], &path);
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["Pages:", "1"]),
        "{info}"
    );
    let many = flat(&text(&path, &[]));
    assert!(
        many.contains("janv. 2022") || many.contains("janv. 2023"),
        "{many}"
    );
}

#[test]
fn the_report_of_a_key_indicator_without_measurements_still_has_its_chart() {
    let mut input = input();
    for view in &mut input.evaluation.indicators {
        view.indicator.draft.key_indicator = true;
    }
    let bytes = render_evaluation_report(&input).expect("pdf");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "all-keys.pdf", &bytes);
    let all = flat(&text(&path, &[]));
    assert_eq!(all.matches("Trajectoire prévue").count(), 4, "{all}");
    assert!(all.contains("Pas encore mesuré"));
}

#[test]
fn an_empty_evaluation_says_what_is_missing() {
    let input = EvaluationReportInput {
        alliance: "Alliance vide".into(),
        association: None,
        today: today(),
        evaluation: EvaluationOverview {
            frame: EvaluationFrameDraft::default(),
            indicators: Vec::new(),
            gap_analyses: Vec::new(),
        },
        objectives: ObjectivesOverview {
            frame: ObjectivesFrameDraft::default(),
            strategic: Vec::new(),
            priority: PriorityRanking {
                ranking: Vec::new(),
                problems: Vec::new(),
            },
        },
    };
    let bytes = render_evaluation_report(&input).expect("pdf");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "empty.pdf", &bytes);
    let all = flat(&text(&path, &[]));
    for expected in [
        evaluation::wording::NO_PURPOSE,
        evaluation::wording::NO_QUESTION,
        evaluation::wording::NO_INDICATOR,
        evaluation::wording::NO_GAP_ANALYSIS,
    ] {
        assert!(all.contains(&flat(expected)), "« {expected} » in:\n{all}");
    }
    assert!(all.contains(&flat(evaluation::wording::NO_KEY_INDICATOR)));
}

#[test]
fn the_docx_prints_a_chart_as_its_title_and_a_pointer_to_the_pdf() {
    let doc = chart_document(1, simple_chart(vec![(day(2026, 3, 10), 7.0)]));
    let bytes = allia_docs::docx::render(&doc).expect("docx");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("chart.docx");
    std::fs::write(&path, bytes).expect("write docx");
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())",
        ])
        .arg(&path)
        .output()
        .expect("python3");
    assert!(out.status.success());
    let xml = String::from_utf8(out.stdout).expect("utf-8");
    assert!(xml.contains("Indicateur de test"), "{xml}");
    assert!(xml.contains("Ce que montre le graphique"), "{xml}");
    assert!(
        xml.contains(allia_docs::chart::DOCX_PLACEHOLDER),
        "« {} » in {xml}",
        allia_docs::chart::DOCX_PLACEHOLDER
    );
}

/// A value as charts may meet it: ordinary, huge, negative, or not a number at all.
fn any_value() -> impl proptest::strategy::Strategy<Value = f64> {
    use proptest::prelude::*;
    prop_oneof![
        8 => -1.0e6..1.0e6f64,
        2 => -1.0e12..1.0e12f64,
        1 => Just(0.0),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::MAX),
        1 => Just(-f64::MAX),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    /// Whatever its series hold (none, one point, equal, huge or non-finite values, dates
    /// across a century), a chart is laid out on one page without a panic.
    #[test]
    fn any_chart_renders_on_one_page(
        series in proptest::collection::vec(
            proptest::collection::vec((0u32..40_000, any_value()), 0..40),
            0..5,
        ),
        rule in proptest::option::of(0u32..40_000),
    ) {
        let start = day(1990, 1, 1);
        let styles = [
            (LineStyle::Solid, MarkerShape::Circle),
            (LineStyle::Dashed, MarkerShape::None),
            (LineStyle::None, MarkerShape::Square),
            (LineStyle::Dotted, MarkerShape::Triangle),
        ];
        let chart = Chart {
            title: "Indicateur au hasard".into(),
            unit: "unités".into(),
            series: series
                .into_iter()
                .enumerate()
                .map(|(k, points)| {
                    let (line, marker) = styles[k % styles.len()];
                    ChartSeries {
                        label: format!("Série {k}"),
                        line,
                        marker,
                        points: points
                            .into_iter()
                            .map(|(days, value)| ChartPoint {
                                date: start + chrono::Days::new(u64::from(days)),
                                value,
                            })
                            .collect(),
                    }
                })
                .collect(),
            date_rule: rule.map(|days| DateRule {
                date: start + chrono::Days::new(u64::from(days)),
                label: "Date du rapport".into(),
            }),
            notes: Vec::new(),
        };
        let doc = chart_document(0, chart);
        let typesetter = allia_docs::pdf::shared().expect("typesetter");
        proptest::prop_assert_eq!(typesetter.pages_scaled(&doc, 1.0), 1);
        let bytes = typesetter.render(&doc).expect("pdf");
        proptest::prop_assert!(bytes.starts_with(b"%PDF"));
    }
}
