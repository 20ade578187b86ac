use chrono::{NaiveDate, TimeZone, Utc};

use super::cells::{
    decode, format_number, guard_text, parse_date, parse_number, unguard_text, DateRefusal,
    NumberRefusal,
};
use super::*;
use crate::evaluation::{
    Indicator, IndicatorAggregation, IndicatorDirection, IndicatorDraft, IndicatorView,
    Measurement, MeasurementDraft,
};
use crate::objectives::{ObjectiveLevel, ObjectiveRef};

const ALLIANCE: &str = "00000000-0000-4000-8000-000000000001";
const OBJECTIVE: &str = "00000000-0000-4000-8000-0000000000a1";
const VOLUNTEERS: &str = "00000000-0000-4000-8000-000000000011";
const COSTS: &str = "00000000-0000-4000-8000-000000000012";
const RETURN_RATE: &str = "00000000-0000-4000-8000-000000000013";

/// The day the files are read: after every measurement of the tests.
const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 1) {
    Some(day) => day,
    None => NaiveDate::MIN,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn indicator(
    id: &str,
    position: u32,
    name: &str,
    unit: &str,
    aggregation: IndicatorAggregation,
) -> Indicator {
    let falling = id == COSTS;
    let at = Utc
        .with_ymd_and_hms(2026, 1, 1, 9, 0, 0)
        .single()
        .expect("time");
    Indicator {
        id: id.to_string(),
        alliance_id: ALLIANCE.to_string(),
        position,
        created_at: at,
        updated_at: at,
        draft: IndicatorDraft {
            objective: ObjectiveRef {
                level: ObjectiveLevel::Operational,
                id: OBJECTIVE.to_string(),
            },
            name: name.to_string(),
            unit: unit.to_string(),
            aggregation,
            direction: if falling {
                IndicatorDirection::LowerIsBetter
            } else {
                IndicatorDirection::HigherIsBetter
            },
            baseline_value: if falling { 100_000.0 } else { 0.0 },
            baseline_date: day(2025, 12, 1),
            target_value: if falling { 85_000.0 } else { 60.0 },
            target_date: day(2026, 12, 1),
            owner_partner_id: Some("00000000-0000-4000-8000-0000000000b1".to_string()),
            owner_person: Some("Marie Dupont".to_string()),
            source_reference: Some("=HYPERLINK(\"http://x\")".to_string()),
            ..IndicatorDraft::default()
        },
    }
}

fn indicators() -> Vec<Indicator> {
    vec![
        indicator(
            VOLUNTEERS,
            0,
            "Bénévoles formés",
            "personnes",
            IndicatorAggregation::PerPeriod,
        ),
        indicator(
            COSTS,
            1,
            "Coûts administratifs",
            "€",
            IndicatorAggregation::Cumulative,
        ),
        indicator(
            RETURN_RATE,
            2,
            "Taux de retour; enquête",
            "%",
            IndicatorAggregation::Rate,
        ),
    ]
}

fn measurement(n: u32, draft: MeasurementDraft) -> Measurement {
    let at = Utc
        .with_ymd_and_hms(2026, 2, 1, 9, 0, n)
        .single()
        .expect("time");
    Measurement {
        id: format!("00000000-0000-4000-8000-{n:012}"),
        alliance_id: ALLIANCE.to_string(),
        created_at: at,
        updated_at: at,
        draft,
    }
}

fn draft(indicator: &str, date: NaiveDate, value: f64) -> MeasurementDraft {
    MeasurementDraft {
        indicator_id: indicator.to_string(),
        date,
        value,
        numerator: None,
        denominator: None,
        comment: None,
        source: None,
    }
}

/// Measurements whose texts and figures test the writing: « ; », quotes and a line
/// break in a comment, texts a spreadsheet would run, three decimals, negative and tiny
/// figures, a rate.
fn measurements() -> Vec<MeasurementDraft> {
    vec![
        MeasurementDraft {
            comment: Some("Session « accueil »; 2 groupes\nsuite \"prévue\"".to_string()),
            source: Some("Feuille d’émargement".to_string()),
            ..draft(VOLUNTEERS, day(2026, 1, 15), 12.0)
        },
        MeasurementDraft {
            comment: Some("=SOMME(A1:A3)".to_string()),
            source: Some("-10 % selon l’enquête".to_string()),
            ..draft(VOLUNTEERS, day(2026, 2, 15), 1.234)
        },
        MeasurementDraft {
            comment: Some("'=déjà protégé".to_string()),
            source: Some("@référence".to_string()),
            ..draft(VOLUNTEERS, day(2026, 3, 15), 0.1)
        },
        draft(COSTS, day(2026, 1, 31), 98765.4321),
        draft(COSTS, day(2026, 2, 28), -3.5),
        draft(COSTS, day(2026, 3, 31), 1e-9),
        MeasurementDraft {
            numerator: Some(2.0),
            denominator: Some(3.0),
            ..draft(RETURN_RATE, day(2026, 6, 30), 200.0 / 3.0)
        },
    ]
}

fn views(indicators: &[Indicator], drafts: &[MeasurementDraft]) -> Vec<IndicatorView> {
    indicators
        .iter()
        .map(|indicator| {
            let mine: Vec<MeasurementDraft> = drafts
                .iter()
                .filter(|m| m.indicator_id == indicator.id)
                .cloned()
                .collect();
            IndicatorView {
                indicator: indicator.clone(),
                measurements: mine
                    .iter()
                    .enumerate()
                    .map(|(n, d)| measurement(n as u32 + 1, d.clone()))
                    .collect(),
                progress: crate::evaluation::indicator_progress(
                    &indicator.draft,
                    &mine,
                    day(2026, 7, 1),
                ),
                series: crate::evaluation::combined_series(
                    &indicator.draft,
                    &mine,
                    day(2026, 7, 1),
                ),
            }
        })
        .collect()
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// « Ligne 3, Date » for each error, to compare at a glance.
fn places(import: &MeasurementsImport) -> Vec<(u32, Option<String>)> {
    import
        .errors
        .iter()
        .map(|e| (e.line, e.column.clone()))
        .collect()
}

#[test]
fn measurements_are_written_for_a_french_spreadsheet() {
    let bytes = export_measurements(&views(&indicators(), &measurements()));
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "byte-order mark");
    let text = text_of(&bytes[3..]);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Indicateur;Identifiant de l’indicateur;Unité;Date;Valeur;Numérateur;Dénominateur;Commentaire;Source"
    );
    assert_eq!(
        lines[1],
        format!("Bénévoles formés;{VOLUNTEERS};personnes;15/01/2026;12;;;\"Session « accueil »; 2 groupes\nsuite \"\"prévue\"\"\";Feuille d’émargement")
    );
    assert_eq!(
        lines[2],
        format!("Bénévoles formés;{VOLUNTEERS};personnes;15/02/2026;1,2340;;;'=SOMME(A1:A3);'-10 % selon l’enquête")
    );
    assert_eq!(
        lines[3],
        format!(
            "Bénévoles formés;{VOLUNTEERS};personnes;15/03/2026;0,1;;;''=déjà protégé;'@référence"
        )
    );
    assert!(
        lines[4].contains(";31/01/2026;98765,4321;;;;"),
        "{}",
        lines[4]
    );
    assert!(lines[5].contains(";28/02/2026;-3,5;;;;"), "{}", lines[5]);
    assert!(
        lines[6].contains(";31/03/2026;0,000000001;;;;"),
        "{}",
        lines[6]
    );
    assert_eq!(
        lines[7],
        format!("\"Taux de retour; enquête\";{RETURN_RATE};%;30/06/2026;66,66666666666667;2;3;;")
    );
    assert_eq!(lines[8], "", "the last line ends with CRLF");
    assert_eq!(lines.len(), 9);
}

#[test]
fn exported_measurements_import_back_the_same() {
    let indicators = indicators();
    let original = measurements();
    let bytes = export_measurements(&views(&indicators, &original));
    let import = parse_measurements(&bytes, &indicators, TODAY);
    assert_eq!(import.errors, vec![]);
    assert_eq!(import.drafts, original);
    assert_eq!(import.rows.len(), original.len());
    assert_eq!(import.rows[0].line, 2);
    // The comment's line break makes the next measurement start on line 4.
    assert_eq!(import.rows[1].line, 4);
    assert_eq!(import.rows[1].comment, "=SOMME(A1:A3)");
    assert_eq!(import.rows[6].indicator, "Taux de retour; enquête");
    assert!(import.rows.iter().all(|r| !r.has_error));
}

#[test]
fn an_export_completed_in_a_spreadsheet_imports_only_its_new_lines() {
    let indicators = indicators();
    let views = views(&indicators, &measurements());
    let recorded: Vec<Measurement> = views.iter().flat_map(|v| v.measurements.clone()).collect();
    let mut text = text_of(&export_measurements(&views));
    text.push_str("Bénévoles formés;;personnes;15/04/2026;7;;;;\r\n");
    let import = parse_new_measurements(text.as_bytes(), &indicators, &recorded, TODAY);
    assert_eq!(import.errors, vec![]);
    assert_eq!(
        import.drafts,
        vec![draft(VOLUNTEERS, day(2026, 4, 15), 7.0)]
    );
    assert_eq!(import.rows.len(), recorded.len() + 1);
    assert_eq!(
        import.rows.iter().filter(|r| r.already_recorded).count(),
        recorded.len()
    );

    // Saved by a spreadsheet that keeps 15 significant digits: still recognised.
    let thirds = self::views(
        &indicators,
        &[draft(VOLUNTEERS, day(2026, 5, 15), 2.0 / 3.0)],
    );
    let thirds_recorded: Vec<Measurement> =
        thirds.iter().flat_map(|v| v.measurements.clone()).collect();
    let written = text_of(&export_measurements(&thirds));
    assert!(written.contains(";0,6666666666666666;"), "{written}");
    let rounded = written.replace(";0,6666666666666666;", ";0,666666666666667;");
    let import = parse_new_measurements(rounded.as_bytes(), &indicators, &thirds_recorded, TODAY);
    assert_eq!((import.errors.len(), import.drafts.len()), (0, 0));
    assert!(import.rows[0].already_recorded);

    // Imported twice: nothing new, nothing wrong.
    let again = parse_new_measurements(&export_measurements(&views), &indicators, &recorded, TODAY);
    assert_eq!((again.errors.len(), again.drafts.len()), (0, 0));

    // Another figure on a day that has one is refused: an import never replaces.
    let changed = format!("{HEADER}\nBénévoles formés;;personnes;15/01/2026;13;;;;\n");
    let import = parse_new_measurements(changed.as_bytes(), &indicators, &recorded, TODAY);
    assert_eq!(import.drafts, vec![]);
    assert_eq!(places(&import), vec![(2, Some("Date".to_string()))]);
    assert!(
        import.errors[0].message.starts_with(
            "«\u{a0}Bénévoles formés\u{a0}» a déjà une autre mesure au 15/01/2026 (valeur 12)"
        ),
        "{}",
        import.errors[0].message
    );
}

const HEADER: &str = "Indicateur;Identifiant de l’indicateur;Unité;Date;Valeur;Numérateur;Dénominateur;Commentaire;Source";

fn file(lines: &[&str]) -> Vec<u8> {
    let mut text = String::from("\u{feff}");
    text.push_str(&lines.join("\n"));
    text.push('\n');
    text.into_bytes()
}

#[test]
fn each_malformed_line_is_reported_with_its_line_and_column_and_nothing_imports() {
    let indicators = indicators();
    let cases: Vec<(&str, String, Option<&str>, &str)> = vec![
        (
            "bad date",
            "Bénévoles formés;;personnes;31/02/2026;3;;;;".into(),
            Some("Date"),
            "ce jour n’existe pas",
        ),
        (
            "not a date",
            "Bénévoles formés;;personnes;février;3;;;;".into(),
            Some("Date"),
            "n’est pas une date",
        ),
        (
            "short year",
            "Bénévoles formés;;personnes;15/01/26;3;;;;".into(),
            Some("Date"),
            "quatre chiffres",
        ),
        (
            "no date",
            "Bénévoles formés;;personnes;;3;;;;".into(),
            Some("Date"),
            "Indiquez la date",
        ),
        (
            "text in a number",
            "Bénévoles formés;;personnes;15/01/2026;douze;;;;".into(),
            Some("Valeur"),
            "n’est pas un nombre",
        ),
        (
            "ambiguous",
            "Bénévoles formés;;personnes;15/01/2026;1,234;;;;".into(),
            Some("Valeur"),
            "ambigu",
        ),
        (
            "english",
            "Bénévoles formés;;personnes;15/01/2026;1,234.5;;;;".into(),
            Some("Valeur"),
            "séparateurs mélangés",
        ),
        (
            "no value",
            "Bénévoles formés;;personnes;15/01/2026;;;;;".into(),
            Some("Valeur"),
            "Indiquez la valeur",
        ),
        (
            "too few cells",
            "Bénévoles formés;;personnes;15/01/2026;3".into(),
            None,
            "a 5 cellules, la première ligne en nomme 9",
        ),
        (
            "too many cells",
            "Bénévoles formés;;personnes;15/01/2026;3;;;;;x".into(),
            None,
            "a 10 cellules",
        ),
        (
            "unknown indicator",
            "Bénévoles recrutés;;personnes;15/01/2026;3;;;;".into(),
            Some("Indicateur"),
            "Indicateur inconnu",
        ),
        (
            "unknown id",
            format!(";{COSTS}0;€;15/01/2026;3;;;;"),
            Some("Identifiant de l’indicateur"),
            "Aucun indicateur",
        ),
        (
            "id of another",
            format!("Bénévoles formés;{COSTS};€;15/01/2026;3;;;;"),
            Some("Indicateur"),
            "désigne l’indicateur «\u{a0}Coûts administratifs\u{a0}»",
        ),
        (
            "no indicator",
            ";;personnes;15/01/2026;3;;;;".into(),
            Some("Indicateur"),
            "Indiquez l’indicateur",
        ),
        (
            "unit",
            "Bénévoles formés;;€;15/01/2026;3;;;;".into(),
            Some("Unité"),
            "ne correspond pas",
        ),
        (
            "rate without denominator",
            "Taux de retour; enquête;;%;15/01/2026;50;1;;;".into(),
            None,
            "",
        ),
        (
            "rate without denominator, quoted",
            "\"Taux de retour; enquête\";;%;15/01/2026;50;1;;;".into(),
            Some("Dénominateur"),
            "dénominateur",
        ),
        (
            "rate off its figures",
            "\"Taux de retour; enquête\";;%;15/01/2026;50;1;3;;".into(),
            Some("Valeur"),
            "33,33",
        ),
        (
            "rate with zero",
            "\"Taux de retour; enquête\";;%;15/01/2026;;1;0;;".into(),
            Some("Dénominateur"),
            "supérieur à 0",
        ),
        (
            "not a rate",
            "Bénévoles formés;;personnes;15/01/2026;3;1;2;;".into(),
            Some("Numérateur"),
            "n’est pas un taux",
        ),
        (
            "implausible date",
            "Bénévoles formés;;personnes;15/01/1850;3;;;;".into(),
            Some("Date"),
            "invalide",
        ),
        (
            "control character",
            "Bénévoles formés;;personnes;15/01/2026;3;;;a\u{7}b;".into(),
            Some("Commentaire"),
            "U+0007",
        ),
    ];
    for (name, line, column, message) in cases {
        let bytes = file(&[
            HEADER,
            "Bénévoles formés;;personnes;01/01/2026;1;;;;",
            &line,
        ]);
        let import = parse_measurements(&bytes, &indicators, TODAY);
        assert_eq!(import.drafts, vec![], "{name}: nothing importable");
        assert!(!import.errors.is_empty(), "{name}: an error");
        for error in &import.errors {
            assert_eq!(error.line, 3, "{name}: {error:?}");
        }
        if message.is_empty() {
            continue;
        }
        let error = &import.errors[0];
        assert_eq!(error.column.as_deref(), column, "{name}: {error:?}");
        assert!(error.message.contains(message), "{name}: {}", error.message);
        assert!(
            import.rows.iter().any(|r| r.line == 3 && r.has_error),
            "{name}"
        );
        assert!(
            import.rows.iter().any(|r| r.line == 2 && !r.has_error),
            "{name}"
        );
    }
}

#[test]
fn errors_on_several_lines_are_all_listed_in_order() {
    let bytes = file(&[
        HEADER,
        "Bénévoles formés;;personnes;15/01/2026;douze;;;;",
        "Bénévoles formés;;personnes;15/02/2026;4;;;;",
        "",
        "Inconnu;;personnes;30/02/2026;4;;;;",
        "Bénévoles formés;;personnes;15/02/2026;5;;;;",
    ]);
    let import = parse_measurements(&bytes, &indicators(), TODAY);
    assert_eq!(
        places(&import),
        vec![
            (2, Some("Valeur".to_string())),
            (5, Some("Indicateur".to_string())),
            (5, Some("Date".to_string())),
            (6, Some("Date".to_string())),
        ]
    );
    assert!(import.errors[3]
        .message
        .starts_with("La ligne 3 donne déjà une mesure"));
    assert_eq!(import.rows.len(), 4, "the empty line is no row");
    assert_eq!(import.drafts, vec![]);
}

#[test]
fn the_header_is_checked_first() {
    let indicators = indicators();
    let empty = parse_measurements(b"", &indicators, TODAY);
    assert_eq!(places(&empty), vec![(1, None)]);
    assert!(empty.errors[0].message.starts_with("Le fichier est vide"));

    let import = parse_measurements(
        &file(&["Indicateur;Jour;Valeur;Valeur", "x;y;z;w"]),
        &indicators,
        TODAY,
    );
    assert_eq!(
        places(&import),
        vec![(1, Some("Valeur".to_string())), (1, None)]
    );
    assert_eq!(
        import.errors[1].message,
        "Il manque la colonne «\u{a0}Date\u{a0}»."
    );
    // « Jour » is not refused, only ignored: the missing « Date » is the error.
    assert_eq!(import.ignored_columns, vec!["Jour".to_string()]);
    assert!(import.rows.is_empty());

    let no_indicator =
        parse_measurements(&file(&["Date;Valeur", "15/01/2026;3"]), &indicators, TODAY);
    assert_eq!(places(&no_indicator), vec![(1, None)]);
}

#[test]
fn columns_the_import_does_not_know_are_ignored_and_named() {
    // A « Notes » column added in a spreadsheet (twice, and one without a name): the
    // file imports, its cells are not read, the preview names the column once.
    let indicators = indicators();
    let import = parse_measurements(
        &file(&[
            "Notes;Indicateur;Date;Valeur;Notes;;Commentaire",
            "à revoir;Bénévoles formés;15/01/2026;12;=A1;x;Session de janvier",
            ";Coûts administratifs;05/02/2026;1234,5;;;",
        ]),
        &indicators,
        TODAY,
    );
    assert_eq!(import.errors, vec![]);
    assert_eq!(import.ignored_columns, vec!["Notes".to_string()]);
    assert_eq!(
        import.drafts,
        vec![
            MeasurementDraft {
                comment: Some("Session de janvier".to_string()),
                ..draft(VOLUNTEERS, day(2026, 1, 15), 12.0)
            },
            draft(COSTS, day(2026, 2, 5), 1234.5),
        ]
    );
    assert_eq!(import.rows[0].comment, "Session de janvier");

    // Every column known: nothing ignored.
    let known = parse_measurements(
        &file(&["Indicateur;Date;Valeur", "Bénévoles formés;15/01/2026;12"]),
        &indicators,
        TODAY,
    );
    assert_eq!(known.errors, vec![]);
    assert!(known.ignored_columns.is_empty());

    // A required column missing is still an error, unknown columns or not.
    let no_value = parse_measurements(
        &file(&["Indicateur;Date;Notes", "Bénévoles formés;15/01/2026;12"]),
        &indicators,
        TODAY,
    );
    assert_eq!(places(&no_value), vec![(1, None)]);
    assert_eq!(
        no_value.errors[0].message,
        "Il manque la colonne «\u{a0}Valeur\u{a0}»."
    );
    assert_eq!(no_value.ignored_columns, vec!["Notes".to_string()]);
    assert_eq!(no_value.drafts, vec![]);
}

#[test]
fn a_file_typed_by_hand_is_read_in_its_own_way() {
    // Commas between cells, decimal points, ISO dates, columns in another order and
    // named loosely, the indicator by its name in other letters, no byte-order mark.
    let text = "date,VALEUR,indicateur,Unite,numerateur,denominateur\n\
                2026-01-15,12.5,benevoles formes,Personnes,,\n\
                5/2/2026,\"1 234,5\",COÛTS ADMINISTRATIFS,euros,,\n\
                2026-06-30,,taux de retour; enquête,pourcent,3,4\n";
    let import = parse_measurements(text.as_bytes(), &indicators(), TODAY);
    assert_eq!(import.errors, vec![]);
    assert_eq!(
        import.drafts,
        vec![
            draft(VOLUNTEERS, day(2026, 1, 15), 12.5),
            draft(COSTS, day(2026, 2, 5), 1234.5),
            MeasurementDraft {
                numerator: Some(3.0),
                denominator: Some(4.0),
                ..draft(RETURN_RATE, day(2026, 6, 30), 75.0)
            },
        ]
    );
    assert_eq!(import.rows[0].indicator, "Bénévoles formés");
}

#[test]
fn windows_1252_and_utf_16_files_are_read() {
    let indicators = indicators();
    // What French Excel's « CSV (séparateur : point-virgule) » writes: Windows-1252.
    let mut bytes = b"Indicateur;Unit\xe9;Date;Valeur;Commentaire\r\n".to_vec();
    bytes.extend_from_slice(
        b"B\xe9n\xe9voles form\xe9s;personnes;15/01/2026;3;l\x92accueil \x80\r\n",
    );
    let import = parse_measurements(&bytes, &indicators, TODAY);
    assert_eq!(import.errors, vec![]);
    assert_eq!(import.drafts[0].comment.as_deref(), Some("l’accueil €"));

    let text = "Indicateur\tDate\tValeur\r\nBénévoles formés\t15/01/2026\t3\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let import = parse_measurements(&utf16, &indicators, TODAY);
    assert_eq!(import.errors, vec![]);
    assert_eq!(
        import.drafts,
        vec![draft(VOLUNTEERS, day(2026, 1, 15), 3.0)]
    );
    assert_eq!(decode(b"\xEF\xBB\xBFabc"), "abc");
}

#[test]
fn two_indicators_of_one_name_need_the_id() {
    let mut indicators = indicators();
    let mut twin = indicator(
        "00000000-0000-4000-8000-000000000014",
        3,
        "Bénévoles  FORMÉS",
        "personnes",
        IndicatorAggregation::PerPeriod,
    );
    twin.draft.name = "Bénévoles  FORMÉS".to_string();
    indicators.push(twin);
    let import = parse_measurements(
        &file(&[HEADER, "Bénévoles formés;;personnes;15/01/2026;3;;;;"]),
        &indicators,
        TODAY,
    );
    assert!(import.errors[0]
        .message
        .starts_with("Plusieurs indicateurs"));
    let by_id = format!("Bénévoles formés;{VOLUNTEERS};personnes;15/01/2026;3;;;;");
    let import = parse_measurements(&file(&[HEADER, &by_id]), &indicators, TODAY);
    assert_eq!(import.errors, vec![]);
    assert_eq!(import.drafts.len(), 1);
}

#[test]
fn too_many_lines_are_refused() {
    let mut lines = vec![HEADER.to_string()];
    for n in 0..=IMPORT_ROWS_MAX {
        // A day each from the baseline date on, read as of a far day: every line is valid.
        let date = day(2025, 12, 1) + chrono::Days::new(n as u64);
        lines.push(format!(
            "Bénévoles formés;;;{};1;;;;",
            date.format("%d/%m/%Y")
        ));
    }
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let import = parse_measurements(&file(&refs), &indicators(), NaiveDate::MAX);
    assert_eq!(import.rows.len(), IMPORT_ROWS_MAX);
    assert_eq!(places(&import), vec![(IMPORT_ROWS_MAX as u32 + 2, None)]);
    assert!(import.errors[0].message.contains("20\u{202f}000"));
    assert_eq!(import.drafts, vec![]);
}

#[test]
fn numbers_are_read_without_guessing() {
    for (cell, value) in [
        ("12", 12.0),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("-3,25", -3.25),
        ("\u{2212}3", -3.0),
        ("+ 4", 4.0),
        ("0,125", 0.125),
        ("0.500", 0.5),
        ("1234,567", 1234.567),
        ("1 234,567", 1234.567),
        ("1\u{202f}234\u{a0}567", 1_234_567.0),
        ("1.234,5", 1234.5),
        ("1.234.567", 1_234_567.0),
        ("1'234.5", 1234.5),
        ("1,2340", 1.234),
        ("  7 ", 7.0),
    ] {
        assert_eq!(parse_number(cell), Ok(Some(value)), "{cell}");
    }
    assert_eq!(parse_number(" "), Ok(None));
    for (cell, refusal) in [
        ("1,234", NumberRefusal::Ambiguous),
        ("12.500", NumberRefusal::Ambiguous),
        ("-1,234", NumberRefusal::Ambiguous),
        ("1,234.5", NumberRefusal::MixedSeparators),
        ("1,234,567", NumberRefusal::MixedSeparators),
        ("douze", NumberRefusal::NotANumber),
        ("1e5", NumberRefusal::NotANumber),
        ("12,", NumberRefusal::NotANumber),
        (",5", NumberRefusal::NotANumber),
        ("1 2", NumberRefusal::NotANumber),
        ("1 234.567.8", NumberRefusal::NotANumber),
        ("0.123.456", NumberRefusal::NotANumber),
        ("12 %", NumberRefusal::NotANumber),
        ("--5", NumberRefusal::NotANumber),
        ("NaN", NumberRefusal::NotANumber),
        ("inf", NumberRefusal::NotANumber),
    ] {
        assert_eq!(parse_number(cell), Err(refusal), "{cell}");
    }
    for value in [
        0.1,
        1.234,
        -999.999,
        123.456,
        1e-300,
        f64::MIN_POSITIVE / 1e10,
        9_007_199_254_740_993.0,
        1e12,
        2.0 / 3.0,
    ] {
        let written = format_number(value);
        assert_eq!(parse_number(&written), Ok(Some(value)), "{written}");
    }
    assert_eq!(format_number(-0.0), "0");
}

#[test]
fn an_ambiguous_figure_is_explained_with_the_figure_typed() {
    // One separator and one digit: a decimal, whichever the separator.
    assert_eq!(parse_number("1.5"), Ok(Some(1.5)));
    assert_eq!(parse_number("1,5"), Ok(Some(1.5)));
    let message = |cell: &str| match parse_number(cell) {
        Err(refusal) => refusal.message(cell),
        Ok(value) => format!("read as {value:?}"),
    };
    assert_eq!(
        message("1.500"),
        "«\u{a0}1.500\u{a0}» est ambigu\u{a0}: écrivez 1500 si ce sont des milliers, \
         ou 1,5 si ce sont des décimales."
    );
    for (cell, thousands, decimal, values) in [
        ("1,234", "1234", "1,2340", (1234.0, 1.234)),
        ("1.000", "1000", "1", (1000.0, 1.0)),
        ("12.500", "12500", "12,5", (12500.0, 12.5)),
        ("-1,230", "-1230", "-1,23", (-1230.0, -1.23)),
        (
            "\u{2212}3.400",
            "\u{2212}3400",
            "\u{2212}3,4",
            (-3400.0, -3.4),
        ),
    ] {
        let text = message(cell);
        assert!(
            text.contains(&format!(
                "écrivez {thousands} si ce sont des milliers, ou {decimal} si ce sont des décimales."
            )),
            "{text}"
        );
        // Both pieces of advice read back as they say, without ambiguity.
        assert_eq!(parse_number(thousands), Ok(Some(values.0)), "{cell}");
        assert_eq!(parse_number(decimal), Ok(Some(values.1)), "{cell}");
    }
}

#[test]
fn dates_are_read_day_first() {
    for (cell, date) in [
        ("15/01/2026", day(2026, 1, 15)),
        ("5/1/2026", day(2026, 1, 5)),
        ("2026-01-15", day(2026, 1, 15)),
        ("15/01/2026 00:00:00", day(2026, 1, 15)),
        ("29/02/2028", day(2028, 2, 29)),
    ] {
        assert_eq!(parse_date(cell), Ok(Some(date)), "{cell}");
    }
    assert_eq!(parse_date(""), Ok(None));
    for (cell, refusal) in [
        ("15/01/26", DateRefusal::ShortYear),
        ("29/02/2026", DateRefusal::NoSuchDay),
        ("15/13/2026", DateRefusal::NoSuchDay),
        ("2026/01/15", DateRefusal::NotADate),
        ("15-01-2026", DateRefusal::NotADate),
        ("15/01/2026 12:30", DateRefusal::NotADate),
        ("15 janvier 2026", DateRefusal::NotADate),
        ("+15/01/2026", DateRefusal::NotADate),
    ] {
        assert_eq!(parse_date(cell), Err(refusal), "{cell}");
    }
}

#[test]
fn texts_a_spreadsheet_would_run_are_guarded() {
    for (text, written) in [
        ("=1+1", "'=1+1"),
        ("+33 6", "'+33 6"),
        ("-5 %", "'-5 %"),
        ("@SOMME", "'@SOMME"),
        ("'=x", "''=x"),
        ("'abc", "'abc"),
        ("Réunion", "Réunion"),
        ("", ""),
    ] {
        assert_eq!(guard_text(text), written, "{text}");
        assert_eq!(unguard_text(written), text, "{written}");
    }
}

#[test]
fn the_indicators_table_names_what_ids_stand_for() {
    let indicators = indicators();
    let mut names = ExportNames::default();
    names.objectives.insert(
        OBJECTIVE.to_string(),
        "Réduire de 15 % les coûts".to_string(),
    );
    names.partners.insert(
        "00000000-0000-4000-8000-0000000000b1".to_string(),
        "Association Lien".to_string(),
    );
    let bytes = export_indicators(
        &views(&indicators, &measurements()),
        &names,
        day(2026, 7, 1),
    );
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = text_of(&bytes[3..]);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], INDICATOR_COLUMNS.join(";"));
    assert_eq!(lines.len(), indicators.len() + 2);
    let cells: Vec<&str> = lines[2].split(';').collect();
    assert_eq!(cells.len(), INDICATOR_COLUMNS.len(), "{}", lines[2]);
    let progress = crate::evaluation::indicator_progress(
        &indicators[1].draft,
        &measurements()
            .into_iter()
            .filter(|m| m.indicator_id == COSTS)
            .collect::<Vec<_>>(),
        day(2026, 7, 1),
    );
    let expected = [
        "Coûts administratifs",
        COSTS,
        "Réduire de 15 % les coûts",
        "Activités",
        "€",
        "À la baisse (plus c’est bas, mieux c’est)",
        "Cumulé (la dernière valeur est le total)",
        "100000",
        "01/12/2025",
        "85000",
        "01/12/2026",
        &progress
            .current_value
            .map(format_number)
            .unwrap_or_default(),
        &progress
            .current_date
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_default(),
        progress.status.label(),
        "Mensuelle",
        "Association Lien — Marie Dupont",
        "Système d’information des membres",
        "'=HYPERLINK(\"\"http://x\"\")",
        "Quantitative",
    ];
    // The reference holds quotes: the cell is quoted, its quotes doubled.
    let expected: Vec<String> = expected
        .iter()
        .map(|c| {
            if c.contains('"') {
                format!("\"{c}\"")
            } else {
                c.to_string()
            }
        })
        .collect();
    assert_eq!(cells, expected);
    assert!(lines[3].starts_with("\"Taux de retour; enquête\";"));
}

/// A spreadsheet saved by LibreOffice: the test writes a flat OpenDocument spreadsheet
/// (dates as date cells shown JJ/MM/AAAA, figures as number cells in French), has
/// LibreOffice make it an .ods, then save that as CSV twice — with « ; » in UTF-8 as a
/// French user would, and with LibreOffice's defaults (« , », Latin-1) — and imports both.
#[test]
fn a_file_saved_by_libreoffice_imports() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|name| {
        std::process::Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success())
    }) else {
        eprintln!(
            "SKIPPED a_file_saved_by_libreoffice_imports: LibreOffice (soffice) is not \
             installed; `cargo xtask test` installs libreoffice-calc-nogui."
        );
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let fods = dir.path().join("mesures.fods");
    std::fs::write(&fods, flat_ods()).expect("write .fods");
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let convert = |input: &std::path::Path, to: &str, out: &str| {
        let out_dir = dir.path().join(out);
        let run = std::process::Command::new(soffice)
            .args([&profile, "--headless", "--convert-to", to, "--outdir"])
            .arg(&out_dir)
            .arg(input)
            .output()
            .expect("soffice runs");
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let stem = input.file_stem().expect("stem");
        let extension = to.split(':').next().expect("extension");
        let path = out_dir.join(stem).with_extension(extension);
        assert!(
            path.exists(),
            "LibreOffice wrote no {} (is LibreOffice Calc installed? `cargo xtask test` \
             installs libreoffice-calc-nogui): {:?}",
            path.display(),
            run
        );
        path
    };
    let ods = convert(&fods, "ods", "ods");
    // 59 = « ; », 34 = « " », 76 = UTF-8, 1 = from line 1; the export's tokens 7–9:
    // text cells not all quoted, (import-only token), cells saved as shown.
    let french = convert(
        &ods,
        "csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,true",
        "french",
    );
    let default = convert(&ods, "csv", "default");
    let expected = vec![
        MeasurementDraft {
            comment: Some("Un; deux \"trois\"".to_string()),
            ..draft(VOLUNTEERS, day(2026, 1, 15), 1234.5)
        },
        draft(VOLUNTEERS, day(2026, 2, 3), 12.0),
        MeasurementDraft {
            numerator: Some(3.0),
            denominator: Some(8.0),
            ..draft(RETURN_RATE, day(2026, 3, 31), 37.5)
        },
    ];
    for csv in [french, default] {
        let bytes = std::fs::read(&csv).expect("read the CSV");
        let import = parse_measurements(&bytes, &indicators(), TODAY);
        assert_eq!(
            import.errors,
            vec![],
            "{}: {}",
            csv.display(),
            String::from_utf8_lossy(&bytes)
        );
        assert_eq!(import.drafts, expected, "{}", csv.display());
    }
}

/// The spreadsheet of [`a_file_saved_by_libreoffice_imports`], in flat ODF XML.
fn flat_ods() -> String {
    let text = |t: &str| {
        format!("<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>")
    };
    let date = |iso: &str, shown: &str| {
        format!("<table:table-cell table:style-name=\"cdate\" office:value-type=\"date\" office:date-value=\"{iso}\"><text:p>{shown}</text:p></table:table-cell>")
    };
    let number = |value: &str, shown: &str| {
        format!("<table:table-cell table:style-name=\"cnum\" office:value-type=\"float\" office:value=\"{value}\"><text:p>{shown}</text:p></table:table-cell>")
    };
    let empty = "<table:table-cell/>".to_string();
    let rows: Vec<Vec<String>> = vec![
        [
            "Indicateur",
            "Unité",
            "Date",
            "Valeur",
            "Numérateur",
            "Dénominateur",
            "Commentaire",
        ]
        .iter()
        .map(|h| text(h))
        .collect(),
        vec![
            text("Bénévoles formés"),
            text("personnes"),
            date("2026-01-15", "15/01/2026"),
            number("1234.5", "1234,5"),
            empty.clone(),
            empty.clone(),
            text("Un; deux &quot;trois&quot;"),
        ],
        vec![
            text("Bénévoles formés"),
            text("personnes"),
            date("2026-02-03", "03/02/2026"),
            number("12", "12"),
        ],
        vec![
            text("Taux de retour; enquête"),
            text("%"),
            date("2026-03-31", "31/03/2026"),
            number("37.5", "37,5"),
            number("3", "3"),
            number("8", "8"),
        ],
    ];
    let body: String = rows
        .iter()
        .map(|cells| format!("<table:table-row>{}</table:table-row>", cells.concat()))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="Ndate" number:language="fr" number:country="FR"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<number:number-style style:name="Nnum" number:language="fr" number:country="FR"><number:number number:min-integer-digits="1" number:decimal-places="4" number:min-decimal-places="0"/></number:number-style>
<style:style style:name="cdate" style:family="table-cell" style:data-style-name="Ndate"/>
<style:style style:name="cnum" style:family="table-cell" style:data-style-name="Nnum"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="Mesures">{body}</table:table></office:spreadsheet></office:body></office:document>
"#
    )
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Whatever the bytes: no panic, every error on a line of the file, and nothing to
    /// import as soon as there is one error.
    #[test]
    fn any_file_is_read_without_panic_and_imports_nothing_when_wrong(
        lines in proptest::collection::vec(
            proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex("[0-9 ,.;\"'=+-/]{0,12}").expect("regex"),
                    proptest::string::string_regex("[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}").expect("regex"),
                    proptest::prelude::Just("Bénévoles formés".to_string()),
                    proptest::prelude::Just(VOLUNTEERS.to_string()),
                    proptest::prelude::any::<String>(),
                ],
                0..10,
            ),
            0..8,
        ),
        separator in proptest::prop_oneof![
            proptest::prelude::Just(";"),
            proptest::prelude::Just(","),
            proptest::prelude::Just("\t"),
        ],
        header in proptest::prelude::any::<bool>(),
        raw in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
    ) {
        let indicators = indicators();
        let mut text = if header { format!("{}\r\n", HEADER.replace(';', separator)) } else { String::new() };
        for cells in &lines {
            text.push_str(&cells.join(separator));
            text.push('\n');
        }
        let total_lines = u32::try_from(text.matches(['\n', '\r']).count() + 1).unwrap_or(u32::MAX);
        for bytes in [text.into_bytes(), raw] {
            let import = parse_measurements(&bytes, &indicators, TODAY);
            if !import.errors.is_empty() {
                proptest::prop_assert!(import.drafts.is_empty());
            }
            for error in &import.errors {
                proptest::prop_assert!(error.line >= 1);
                proptest::prop_assert!(!error.message.is_empty());
            }
            if import.errors.is_empty() {
                proptest::prop_assert_eq!(import.drafts.len(), import.rows.len());
            }
            proptest::prop_assert!(import.rows.iter().all(|r| r.line <= total_lines.max(64)));
        }
    }
}

#[test]
fn a_line_dated_in_the_future_or_before_the_baseline_or_a_rate_above_100_percent_is_refused() {
    let indicators = indicators();
    let bytes = file(&[
        HEADER,
        "Bénévoles formés;;personnes;15/01/2026;1;;;;",
        "Bénévoles formés;;personnes;15/11/2025;1;;;;",
        "Bénévoles formés;;personnes;02/12/2026;1;;;;",
        "\"Taux de retour; enquête\";;%;15/01/2026;120;6;5;;",
    ]);
    let import = parse_measurements(&bytes, &indicators, TODAY);
    assert_eq!(import.drafts, vec![], "nothing imported");
    let errors: Vec<(u32, Option<&str>, &str)> = import
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_deref(), e.message.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (
                3,
                Some("Date"),
                "La date de la mesure (15\u{a0}novembre 2025) précède la date de référence de l’indicateur (1er\u{a0}décembre 2025)\u{a0}: elle ne compterait pas dans son avancement."
            ),
            (
                4,
                Some("Date"),
                "La date de la mesure est dans le futur (2\u{a0}décembre 2026)\u{a0}: une mesure relève ce qui a eu lieu, au plus tard aujourd’hui (1er\u{a0}décembre 2026)."
            ),
            (
                5,
                Some("Numérateur"),
                "Le numérateur d’un taux ne peut pas dépasser son dénominateur\u{a0}: un taux en % d’un tout ne dépasse pas 100\u{a0}%."
            ),
        ]
    );
    // The day itself is not the future.
    let today = file(&[HEADER, "Bénévoles formés;;personnes;01/12/2026;1;;;;"]);
    assert_eq!(
        parse_measurements(&today, &indicators, TODAY).drafts.len(),
        1
    );
}
