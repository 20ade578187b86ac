//! The export: measurements and indicators written for a French spreadsheet, and read back.

use super::*;

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
