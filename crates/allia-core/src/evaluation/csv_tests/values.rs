//! One cell read: figures without guessing, day-first dates, texts a spreadsheet would run.

use super::*;

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
    // What Allia computed loses its binary residue; a measurement keeps every digit.
    assert_eq!(format_computed(6.3999999999999995), "6,4");
    assert_eq!(format_computed(250.0 / 3.0), "83,3333333333");
    assert_eq!(format_computed(1e-9), "0,000000001");
    assert_eq!(format_computed(-0.1 - 0.2), "-0,3");
    assert_eq!(format_computed(1_234.5), "1234,5");
    assert_eq!(format_number(6.3999999999999995), "6,3999999999999995");
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
        // As LibreOffice and Excel save a French date cell in a CSV.
        ("31/12/25", day(2025, 12, 31)),
        ("5/1/26", day(2026, 1, 5)),
    ] {
        assert_eq!(parse_date(cell), Ok(Some(date)), "{cell}");
    }
    assert_eq!(parse_date(""), Ok(None));
    for (cell, refusal) in [
        ("29/02/26", DateRefusal::NoSuchDay),
        ("15/01/026", DateRefusal::NotADate),
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
