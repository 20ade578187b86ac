//! The file as a whole: its header, unknown columns, encodings, and files typed by hand or saved by LibreOffice.

use super::*;

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

/// A spreadsheet saved by LibreOffice: the test writes a flat OpenDocument spreadsheet
/// (dates as date cells shown JJ/MM/AAAA, figures as number cells in French), has
/// LibreOffice make it an .ods, then save that as CSV twice — with « ; » in UTF-8 as a
/// French user would, and with LibreOffice's defaults (« , », Latin-1) — and imports both.
/// LibreOffice's program, when installed (`cargo xtask test` installs
/// libreoffice-calc-nogui); `None` says why the test is skipped.
fn soffice(test: &str) -> Option<&'static str> {
    let found = ["soffice", "libreoffice"].into_iter().find(|name| {
        std::process::Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success())
    });
    if found.is_none() {
        eprintln!(
            "SKIPPED {test}: LibreOffice (soffice) is not installed; `cargo xtask test` \
             installs libreoffice-calc-nogui."
        );
    }
    found
}

/// `input` converted by LibreOffice `to` a format (a filter with its options) into the
/// folder `out` of `dir`, with a profile of its own in `dir`; the file written. `read_as`
/// is the filter `input` is opened with (a CSV's separator, encoding and language).
fn convert(
    soffice: &str,
    dir: &std::path::Path,
    (input, read_as): (&std::path::Path, Option<&str>),
    to: &str,
    out: &str,
) -> std::path::PathBuf {
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let out_dir = dir.join(out);
    let mut command = std::process::Command::new(soffice);
    command.args([&profile, "--headless"]);
    if let Some(filter) = read_as {
        command.arg(format!("--infilter={filter}"));
    }
    let run = command
        .args(["--convert-to", to, "--outdir"])
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
}

#[test]
fn a_file_saved_by_libreoffice_imports() {
    let Some(soffice) = soffice("a_file_saved_by_libreoffice_imports") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let fods = dir.path().join("mesures.fods");
    std::fs::write(&fods, flat_ods()).expect("write .fods");
    let convert = |input: &std::path::Path, to: &str, out: &str| {
        convert(soffice, dir.path(), (input, None), to, out)
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

/// The round trip a volunteer makes: the export opened in LibreOffice Calc (French),
/// lines added, saved again as CSV. Calc reads the dates as dates and writes them back
/// the French short way, « 15/01/26 »: they import as the same days.
#[test]
fn an_export_opened_and_saved_again_by_libreoffice_imports() {
    let Some(soffice) = soffice("an_export_opened_and_saved_again_by_libreoffice_imports") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    // A French user's LibreOffice: its locale, in the profile, sets how cells are written.
    let user = dir.path().join("profile").join("user");
    std::fs::create_dir_all(&user).expect("profile folder");
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>fr-FR</value></prop></item>
</oor:items>
"#,
    )
    .expect("write the profile's locale");
    let csv = dir.path().join("mesures.csv");
    let typed = "Indicateur;Unité;Date;Valeur;Numérateur;Dénominateur;Commentaire\r\n\
                 Bénévoles formés;personnes;15/01/2026;1234,5;;;Un; deux\r\n\
                 Bénévoles formés;personnes;03/02/2026;12;;;\r\n";
    // The comment holds a « ; »: quoted as the export quotes it.
    let typed = typed.replace("Un; deux", "\"Un; deux\"");
    std::fs::write(&csv, format!("\u{feff}{typed}")).expect("write the CSV");
    // Opened as a French user opens it (« ; », UTF-8, French locale 1036), then saved.
    let ods = convert(
        soffice,
        dir.path(),
        (&csv, Some("Text - txt - csv (StarCalc):59,34,76,1,,1036")),
        "ods",
        "ods",
    );
    let saved = convert(
        soffice,
        dir.path(),
        (&ods, None),
        "csv:Text - txt - csv (StarCalc):59,34,76,1,,1036",
        "saved",
    );
    let bytes = std::fs::read(&saved).expect("read the CSV");
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains(";15/01/26;1234,5;"),
        "Calc writes the short French date and the decimal comma: {text}"
    );
    let import = parse_measurements(&bytes, &indicators(), TODAY);
    assert_eq!(import.errors, vec![], "{text}");
    assert_eq!(
        import.drafts,
        vec![
            MeasurementDraft {
                comment: Some("Un; deux".to_string()),
                ..draft(VOLUNTEERS, day(2026, 1, 15), 1234.5)
            },
            draft(VOLUNTEERS, day(2026, 2, 3), 12.0),
        ],
        "{}",
        String::from_utf8_lossy(&bytes)
    );
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
