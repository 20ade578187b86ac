//! Units and figures of the objectives and the indicators, written and compared the
//! French way: « 1 250,5 bénéficiaires », « 15 % », « 30 juin 2026 »; « % », « pourcent »
//! and « pour cent » are one unit.

use chrono::{Datelike, NaiveDate};

use crate::text::collation_key;

/// Narrow no-break space (U+202F): between groups of three digits and before « % » or « € ».
const NNBSP: char = '\u{202f}';
/// No-break space (U+00A0): between a figure and a unit written in words.
const NBSP: char = '\u{a0}';

/// The minus sign (U+2212) before a negative figure: French typography writes it, not the
/// hyphen.
pub const MINUS: char = '\u{2212}';

/// Decimals [`format_figure`] keeps at most.
pub const FIGURE_DECIMALS: u32 = 2;

/// A figure written the French way: groups of three digits separated by a narrow no-break
/// space (U+202F), a decimal comma, at most [`FIGURE_DECIMALS`] decimals with the trailing
/// zeros dropped (1250.5 → « 1 250,5 », 15.0 → « 15 », 0.333… → « 0,33 »), any magnitude, the minus sign « − » (U+2212, French
/// typography; never the ASCII hyphen) before a negative figure, never « −0 ». A value that is not finite (which no validated record
/// holds) is written « — ».
pub fn format_figure(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    // Rounded once by the standard formatting (exact decimal rounding of the binary
    // value), whatever the magnitude.
    let text = format!("{:.*}", FIGURE_DECIMALS as usize, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let fraction = fraction.trim_end_matches('0');
    let zero = fraction.is_empty() && whole.chars().all(|c| c == '0');
    let mut out = String::with_capacity(text.len() + 8);
    if value < 0.0 && !zero {
        out.push(MINUS);
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(NNBSP);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// Whether `unit` is « % » (or « pourcent », « pour cent », « pourcentage », any case or
/// accents, spaces around).
pub fn is_percent(unit: &str) -> bool {
    canonical_unit(unit) == "%"
}

/// A figure with its unit: « 15 % » and « 1 250 € » with a narrow no-break space (U+202F),
/// « 40 bénéficiaires » with a no-break space (U+00A0), the figure alone without a unit.
pub fn format_quantity(value: f64, unit: &str) -> String {
    let figure = format_figure(value);
    let unit = unit.trim();
    if unit.is_empty() {
        figure
    } else if is_percent(unit) {
        format!("{figure}{NNBSP}%")
    } else if unit == "€" {
        format!("{figure}{NNBSP}€")
    } else {
        format!("{figure}{NBSP}{unit}")
    }
}

/// A share written as a percentage, rounded to the unit: 0.625 → « 63 % ».
pub fn format_share(share: f64) -> String {
    format!("{}{NNBSP}%", format_figure((share * 100.0).round()))
}

/// A day written the French way: « 1er décembre 2025 », « 30 juin 2026 ».
pub fn format_date(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let day = date.day();
    let month = MONTHS[date.month0() as usize];
    if day == 1 {
        format!("1er{NBSP}{month} {}", date.year())
    } else {
        format!("{day}{NBSP}{month} {}", date.year())
    }
}

/// The form two units are compared in: « % » for every way of writing a percentage, « € »
/// for euros, otherwise the collation key ([`collation_key`]: case, accents and
/// punctuation set aside), or the trimmed text when it has no letter or digit.
fn canonical_unit(unit: &str) -> String {
    let trimmed = unit.trim();
    let key = collation_key(trimmed);
    match key.as_str() {
        "pourcent" | "pour cent" | "pourcents" | "pourcentage" | "pourcentages" => {
            return "%".to_string()
        }
        "euro" | "euros" | "eur" => return "€".to_string(),
        _ => {}
    }
    if trimmed == "%" || trimmed == "€" {
        return trimmed.to_string();
    }
    if key.is_empty() {
        trimmed.to_string()
    } else {
        key
    }
}

/// Whether `a` and `b` name the same unit: compared without case, accents, punctuation or
/// the spaces around (« Bénéficiaires » = « beneficiaires »), « % » = « pourcent » =
/// « pour cent », « € » = « euros », and a word = its plural in « s » (« bénévole » =
/// « bénévoles »). Used wherever a figure typed or imported in some unit meets an
/// indicator (a measurement's import, a target).
pub fn same_unit(a: &str, b: &str) -> bool {
    let (a, b) = (canonical_unit(a), canonical_unit(b));
    if a == b {
        return true;
    }
    let plural_of = |one: &str, other: &str| {
        one.len() > 1 && other.strip_suffix('s') == Some(one) && !one.ends_with('s')
    };
    plural_of(&a, &b) || plural_of(&b, &a)
}

/// The French message when a figure's unit is not its indicator's: « L’unité « € » ne
/// correspond pas à celle de l’indicateur (« % »). »
pub fn unit_mismatch_message(expected: &str, got: &str) -> String {
    let got = got.trim();
    let expected = expected.trim();
    if got.is_empty() {
        format!("Unité manquante\u{a0}: l’indicateur se mesure en «\u{a0}{expected}\u{a0}».")
    } else {
        format!(
            "L’unité «\u{a0}{got}\u{a0}» ne correspond pas à celle de l’indicateur («\u{a0}{expected}\u{a0}»)."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_the_french_way() {
        assert_eq!(format_figure(15.0), "15");
        assert_eq!(format_figure(1250.5), "1\u{202f}250,5");
        assert_eq!(format_figure(1_234_567.891), "1\u{202f}234\u{202f}567,89");
        assert_eq!(format_figure(0.333_333), "0,33");
        assert_eq!(format_figure(0.996), "1");
        assert_eq!(
            format_figure(1e20),
            "100\u{202f}000\u{202f}000\u{202f}000\u{202f}000\u{202f}000\u{202f}000"
        );
        assert_eq!(format_figure(-12.25), "\u{2212}12,25");
        assert_eq!(format_figure(-1250.5), "\u{2212}1\u{202f}250,5");
        assert!(!format_figure(-3.0).contains('-'), "never the hyphen");
        assert_eq!(format_figure(-0.001), "0", "never « −0 »");
        assert_eq!(format_figure(0.0), "0");
        assert_eq!(format_figure(f64::NAN), "—");
        assert_eq!(format_figure(f64::INFINITY), "—");
    }

    #[test]
    fn quantities_carry_their_unit_with_the_right_space() {
        assert_eq!(format_quantity(15.0, "%"), "15\u{202f}%");
        assert_eq!(format_quantity(15.0, " pour cent "), "15\u{202f}%");
        assert_eq!(format_quantity(1250.0, "€"), "1\u{202f}250\u{202f}€");
        assert_eq!(
            format_quantity(40.0, "bénéficiaires"),
            "40\u{a0}bénéficiaires"
        );
        assert_eq!(format_quantity(3.5, ""), "3,5");
        assert_eq!(format_share(0.625), "63\u{202f}%");
        assert_eq!(format_share(-1.6), "\u{2212}160\u{202f}%");
        assert_eq!(format_quantity(-40.0, "€"), "\u{2212}40\u{202f}€");
    }

    #[test]
    fn dates_are_written_the_french_way() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a valid day");
        assert_eq!(format_date(d(2025, 12, 1)), "1er\u{a0}décembre 2025");
        assert_eq!(format_date(d(2026, 6, 30)), "30\u{a0}juin 2026");
        assert_eq!(format_date(d(2026, 8, 15)), "15\u{a0}août 2026");
    }

    #[test]
    fn same_unit_sets_aside_case_accents_spaces_and_ways_of_writing_a_percentage() {
        assert!(same_unit("%", "%"));
        assert!(same_unit("%", " pourcent"));
        assert!(same_unit("Pour cent", "%"));
        assert!(same_unit("pourcentage", "POUR CENT"));
        assert!(same_unit("€", "euros"));
        assert!(same_unit("Bénéficiaires", " beneficiaires "));
        assert!(same_unit("bénévole", "bénévoles"));
        assert!(same_unit("", "  "));
    }

    #[test]
    fn unit_mismatch_rejected() {
        assert!(!same_unit("%", "€"));
        assert!(!same_unit("%", "points"));
        assert!(!same_unit("bénéficiaires", "associations"));
        assert!(!same_unit("heures", "jours"));
        assert!(!same_unit("%", ""));
        assert!(!same_unit("s", "ss"), "a plural needs a word");
        assert_eq!(
            unit_mismatch_message("%", "€"),
            "L’unité «\u{a0}€\u{a0}» ne correspond pas à celle de l’indicateur («\u{a0}%\u{a0}»)."
        );
        assert_eq!(
            unit_mismatch_message("bénéficiaires", " "),
            "Unité manquante\u{a0}: l’indicateur se mesure en «\u{a0}bénéficiaires\u{a0}»."
        );
    }
}
