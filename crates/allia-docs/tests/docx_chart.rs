//! A chart in the DOCX carries its data: under its title, a Word table of its values (one
//! row per date « JJ/MM/AAAA », one column per series, numbers the French way with the
//! chart's unit, an empty cell where a series has no point), the italic line sending to
//! the PDF for the drawing, then its notes; without any value, the line alone. Read back
//! from `word/document.xml` (python3's zipfile and minidom) and through LibreOffice
//! (DOCX → PDF → pdftotext).

#[path = "common/docx_support.rs"]
mod support;

use allia_docs::chart::{
    Chart, ChartPoint, ChartSeries, LineStyle, MarkerShape, DOCX_NO_VALUES, DOCX_PLACEHOLDER,
};
use allia_docs::docx::render;
use allia_docs::model::{Block, Document, Metadata, Paragraph, Run};
use chrono::NaiveDate;
use serde_json::Value;
use support::{pdf_text, python, soffice_to_pdf, write};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn series(
    label: &str,
    line: LineStyle,
    marker: MarkerShape,
    points: &[(NaiveDate, f64)],
) -> ChartSeries {
    ChartSeries {
        label: label.into(),
        line,
        marker,
        points: points
            .iter()
            .map(|&(date, value)| ChartPoint { date, value })
            .collect(),
    }
}

/// Three series in euros: the baseline on 1 January, measures in March and June (one
/// negative, one not a number in September, which no row shows), the target on
/// 31 December; each date has a single series' point, so every row has empty cells.
fn chart() -> Chart {
    Chart {
        title: "Solde des actions communes".into(),
        unit: "€".into(),
        series: vec![
            series(
                "Valeur de référence",
                LineStyle::None,
                MarkerShape::Square,
                &[(day(2025, 1, 1), 1250.5)],
            ),
            series(
                "Mesures",
                LineStyle::Solid,
                MarkerShape::Circle,
                &[
                    (day(2025, 6, 15), -12.5),
                    (day(2025, 3, 15), 1320.254),
                    (day(2025, 9, 30), f64::NAN),
                ],
            ),
            series(
                "Cible",
                LineStyle::None,
                MarkerShape::Triangle,
                &[(day(2025, 12, 31), 2000.0)],
            ),
        ],
        date_rule: None,
        notes: vec![vec![
            Run::bold("Statut\u{a0}: "),
            Run::plain("en bonne voie."),
        ]],
    }
}

/// A chart whose series hold no point (a new indicator).
fn empty_chart() -> Chart {
    Chart {
        title: "Indicateur sans mesure".into(),
        unit: "bénéficiaires".into(),
        series: vec![series(
            "Mesures",
            LineStyle::Solid,
            MarkerShape::Circle,
            &[],
        )],
        date_rule: None,
        notes: vec![vec![Run::plain("Aucune mesure encore.")]],
    }
}

fn document(charts: Vec<Chart>) -> Document {
    let mut blocks = vec![Block::Paragraph(Paragraph::plain("Avant les graphiques."))];
    blocks.extend(charts.into_iter().map(Block::Chart));
    blocks.push(Block::Paragraph(Paragraph::plain("Après les graphiques.")));
    Document {
        metadata: Metadata {
            title: "Rapport d’évaluation".into(),
            author: "Allia".into(),
            subject: String::new(),
            keywords: Vec::new(),
            creation_date: day(2026, 12, 1),
            language: "fr-FR".into(),
        },
        header: None,
        footer_title: "Rapport d’évaluation".into(),
        blocks,
        initials: false,
    }
}

/// The body of `word/document.xml` in order: `{"p": text, "italic": bool, "keep": bool}`
/// (keep with next) for a
/// paragraph, `{"table": [[cell text]], "header": [bool], "cant_split": [bool]}` for a
/// table (a line break in a cell read as « \n »).
fn body(docx: &std::path::Path) -> Vec<Value> {
    let out = python(
        r#"
import sys, json, zipfile, xml.dom.minidom as m
d = m.parseString(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))
body = d.getElementsByTagName('w:body')[0]
def text(node):
    out = []
    for n in node.getElementsByTagName('*'):
        if n.tagName == 'w:t' and n.firstChild:
            out.append(n.firstChild.data)
        elif n.tagName == 'w:br':
            out.append('\n')
    return ''.join(out)
items = []
for child in body.childNodes:
    if child.nodeType != child.ELEMENT_NODE:
        continue
    if child.tagName == 'w:p':
        italic = bool(child.getElementsByTagName('w:i'))
        keep = bool(child.getElementsByTagName('w:keepNext'))
        items.append({'p': text(child), 'italic': italic, 'keep': keep})
    elif child.tagName == 'w:tbl':
        rows = [r for r in child.childNodes if r.nodeType == r.ELEMENT_NODE and r.tagName == 'w:tr']
        items.append({
            'table': [[text(c) for c in r.getElementsByTagName('w:tc')] for r in rows],
            'header': [bool(r.getElementsByTagName('w:tblHeader')) for r in rows],
            'cant_split': [bool(r.getElementsByTagName('w:cantSplit')) for r in rows],
        })
sys.stdout.write(json.dumps(items))
"#,
        &[docx.to_str().expect("utf-8 path")],
    );
    serde_json::from_str(&out).expect("json")
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().expect("string").to_owned())
        .collect()
}

#[test]
fn a_chart_becomes_its_title_a_table_of_its_values_the_line_and_its_notes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = render(&document(vec![chart()])).expect("render");
    let docx = write(dir.path(), "chart.docx", &bytes);
    let body = body(&docx);
    let title = body
        .iter()
        .position(|item| item["p"] == "Solde des actions communes")
        .expect("the chart's title");

    let table = &body[title + 1];
    let rows: Vec<Vec<String>> = table["table"]
        .as_array()
        .expect("a table right after the title")
        .iter()
        .map(strings)
        .collect();
    assert_eq!(
        rows,
        vec![
            vec!["Date", "Valeur de référence", "Mesures", "Cible"],
            vec!["01/01/2025", "1\u{202f}250,5\u{202f}€", "", ""],
            vec!["15/03/2025", "", "1\u{202f}320,25\u{202f}€", ""],
            vec!["15/06/2025", "", "\u{2212}12,5\u{202f}€", ""],
            vec!["31/12/2025", "", "", "2\u{202f}000\u{202f}€"],
        ],
        "one row per date, earliest first; the September point, not a number, has none"
    );
    // The header row repeats on every page; no row splits across pages.
    assert_eq!(
        table["header"],
        serde_json::json!([true, false, false, false, false])
    );
    assert_eq!(
        table["cant_split"],
        serde_json::json!([true, true, true, true, true])
    );

    assert_eq!(body[title + 2]["p"], DOCX_PLACEHOLDER);
    assert_eq!(body[title + 2]["italic"], true, "the line is in italics");
    assert!(
        DOCX_PLACEHOLDER.contains("version PDF\u{202f}; ses valeurs"),
        "a narrow no-break space before the semicolon"
    );
    assert_eq!(body[title + 3]["p"], "Statut\u{a0}: en bonne voie.");
    // The title keeps with the table, the line with the notes under it.
    assert_eq!(body[title]["keep"], true);
    assert_eq!(body[title + 2]["keep"], true);
    assert_eq!(body[title + 3]["keep"], false);
    assert_eq!(body[title + 4]["p"], "Après les graphiques.");
}

#[test]
fn a_chart_without_values_gets_the_line_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = render(&document(vec![empty_chart()])).expect("render");
    let docx = write(dir.path(), "empty-chart.docx", &bytes);
    let body = body(&docx);
    assert!(
        body.iter().all(|item| item.get("table").is_none()),
        "no table: {body:?}"
    );
    let title = body
        .iter()
        .position(|item| item["p"] == "Indicateur sans mesure")
        .expect("the chart's title");
    assert_eq!(body[title + 1]["p"], DOCX_NO_VALUES);
    assert_eq!(body[title + 1]["italic"], true);
    assert_eq!(body[title + 2]["p"], "Aucune mesure encore.");
}

#[test]
fn a_series_with_several_points_at_one_date_lists_them_in_its_cell() {
    let mut chart = chart();
    chart.unit = "%".into();
    chart.series[2].points.push(ChartPoint {
        date: day(2025, 12, 31),
        value: 0.333,
    });
    let rows = allia_docs::chart::Chart::rows(&chart);
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[3].values, vec![vec![], vec![], vec![2000.0, 0.333]]);

    let dir = tempfile::tempdir().expect("tempdir");
    let docx = write(
        dir.path(),
        "several.docx",
        &render(&document(vec![chart])).expect("render"),
    );
    let body = body(&docx);
    let table = body
        .iter()
        .find_map(|item| item.get("table"))
        .expect("a table");
    assert_eq!(
        strings(&table[4]),
        vec!["31/12/2025", "", "", "2\u{202f}000\u{202f}%\n0,33\u{202f}%"]
    );
}

/// LibreOffice reads the table: its headers, dates and French figures reach the PDF, then
/// the line.
#[test]
fn libreoffice_prints_the_chart_values() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = render(&document(vec![chart(), empty_chart()])).expect("render");
    let pdf = soffice_to_pdf(dir.path(), &write(dir.path(), "chart-lo.docx", &bytes));
    // pdftotext may print no-break spaces as plain ones; the line may wrap.
    let text = pdf_text(&pdf).replace(['\u{a0}', '\u{202f}'], " ");
    for needle in [
        "Valeur de référence",
        "Mesures",
        "Cible",
        "01/01/2025",
        "31/12/2025",
        "1 250,5 €",
        "1 320,25 €",
        "\u{2212}12,5 €",
        "2 000 €",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [DOCX_PLACEHOLDER, DOCX_NO_VALUES] {
        let line = line.replace(['\u{a0}', '\u{202f}'], " ");
        assert!(words.contains(&line), "missing {line:?} in\n{words}");
    }
    let table = words
        .find("Date Valeur de référence")
        .expect("the header row");
    let placeholder = words.find("Le graphique figure").expect("the line");
    assert!(table < placeholder, "the table comes before the line");
}
