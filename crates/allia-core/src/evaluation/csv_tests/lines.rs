//! Each line checked: its errors reported with line and column, and nothing imported while one remains.

use super::*;

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
    // A bad line among them: the length is still the one error said.
    lines[2] = "Bénévoles formés;;;31/02/2026;1;;;;".to_string();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let import = parse_measurements(&file(&refs), &indicators(), NaiveDate::MAX);
    assert_eq!(import.rows.len(), IMPORT_ROWS_MAX);
    assert_eq!(places(&import), vec![(IMPORT_ROWS_MAX as u32 + 2, None)]);
    assert!(import.errors[0].message.contains("20\u{202f}000"));
    assert_eq!(import.drafts, vec![]);
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
