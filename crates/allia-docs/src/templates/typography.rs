//! French typography: amounts, dates, and the spacing rules applied to every rendered
//! clause (template text and inserted data alike).

use chrono::{NaiveDate, NaiveDateTime};

/// No-break space: before « : ; ! ? », inside « », after « n° ».
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space: thousands separator, before « € » and « % ».
pub const NNBSP: char = '\u{202f}';

/// « 1 250,00 € » from an amount in cents (U+202F as thousands separator and before €).
pub fn format_amount(cents: i64) -> String {
    allia_core::money::format_euros(cents)
}

/// « 23 000 € » from an amount in cents, the cents left out (for round thresholds).
pub fn format_whole_euros(cents: i64) -> String {
    let sign = if cents < 0 { "\u{2212}" } else { "" };
    format!(
        "{sign}{}{NNBSP}€",
        allia_core::money::group_thousands(cents.unsigned_abs() / 100)
    )
}

/// « 1er décembre 2025 ».
pub fn format_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    // French writes the first day of a month as an ordinal: « 1er décembre 2025 ».
    let pattern = if date.day() == 1 {
        "1er %B %Y"
    } else {
        "%-d %B %Y"
    };
    date.format_localized(pattern, chrono::Locale::fr_FR)
        .to_string()
}

/// « 1er décembre 2025 à 9 h 05 »: a local date and time as the app and the command line
/// show them (the hour without a leading zero, no-break spaces so the time never wraps).
/// The screens' copy of this rule is pinned to it by `ui/src/lib/api/french-dates.json`.
pub fn format_date_time(at: NaiveDateTime) -> String {
    use chrono::Timelike;
    format!(
        "{} à{NBSP}{}{NBSP}h{NBSP}{:02}",
        format_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// « 14 832 569 00012 »-style grouping of a SIREN (3-3-3) or SIRET (3-3-3-5), with
/// no-break spaces so the number never splits across lines.
pub fn format_siret(number: &str) -> String {
    let digits: Vec<char> = number.chars().collect();
    if !(digits.len() == 9 || digits.len() == 14) || !digits.iter().all(char::is_ascii_digit) {
        return number.to_string();
    }
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i == 3 || i == 6 || i == 9 {
            out.push(NBSP);
        }
        out.push(*c);
    }
    out
}

/// Joins words the French way: « a », « a et b », « a, b et c ».
pub fn join_fr(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

/// The text with its first letter in lower case, to continue a sentence (« Préambule » →
/// « préambule », « Association loi 1901 » → « association loi 1901 »), unless it starts
/// with an acronym (« GIP », « CAF de Tours »: a capital followed by another) or is a
/// single character.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// Makes a free text end like a sentence (adds a final period when it has none).
pub fn sentence(text: &str) -> String {
    let trimmed = text.trim();
    match trimmed.chars().last() {
        None => String::new(),
        Some('.' | '!' | '?' | '…' | ':' | ';') => trimmed.to_string(),
        Some(_) => format!("{trimmed}."),
    }
}

/// Whether `text` ends with `&` and a name or number (`&amp`, `&#38`, `&#x26`): what an
/// HTML character reference has before its `;`.
fn ends_with_entity_name(text: &str) -> bool {
    let name_len = text
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .count();
    name_len > 0 && text[..text.len() - name_len].ends_with('&')
}

fn is_space(c: char) -> bool {
    c == ' ' || c == NBSP || c == NNBSP || c == '\t'
}

/// Drops the spaces at the end of `out` and reports whether there were any.
fn trim_trailing_spaces(out: &mut String) -> bool {
    let mut trimmed = false;
    while out.chars().last().is_some_and(is_space) {
        out.pop();
        trimmed = true;
    }
    trimmed
}

/// Applies French typography to a rendered text: typographic apostrophes, « » with
/// no-break spaces inside, no-break spaces before « : ; ! ? », narrow no-break spaces
/// between a number and « € » or « % », « n° » tied to its number, paired straight
/// double quotes turned into « ». Line breaks are kept as they are.
pub fn fix_typography(text: &str) -> String {
    let pair_quotes = text.matches('"').count().is_multiple_of(2);
    let chars: Vec<char> = text.replace("...", "…").chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut quote_open = false;
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let c = match c {
            '\'' => '’',
            '"' if pair_quotes => {
                quote_open = !quote_open;
                if quote_open {
                    '«'
                } else {
                    '»'
                }
            }
            other => other,
        };
        match c {
            // An HTML character reference typed or pasted (`&amp;`) is shown as written:
            // its `;` is not a punctuation mark, so it gets no space.
            ';' if ends_with_entity_name(&out) => out.push(c),
            ':' | ';' | '!' | '?' => {
                let prev = out.chars().last();
                let had_space = trim_trailing_spaces(&mut out);
                let tie = prev.is_some_and(|p| {
                    is_space(p) || p.is_alphanumeric() || matches!(p, '»' | ')' | '*' | '’')
                });
                let ends_word = next.is_none_or(|n| n.is_whitespace() || matches!(n, '*' | '»'));
                if !out.is_empty() && !out.ends_with('\n') && (had_space || (tie && ends_word)) {
                    out.push(NBSP);
                }
                out.push(c);
            }
            '»' => {
                trim_trailing_spaces(&mut out);
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push(NBSP);
                }
                out.push(c);
            }
            '€' | '%' => {
                let had_space = trim_trailing_spaces(&mut out);
                let after_number = out.chars().last().is_some_and(|p| p.is_ascii_digit());
                if after_number {
                    out.push(NNBSP);
                } else if had_space {
                    out.push(' ');
                }
                out.push(c);
            }
            ' ' if out.ends_with('«') || out.ends_with("n°") => out.push(NBSP),
            c if is_space(c) && out.ends_with('«') => out.push(NBSP),
            _ => {
                out.push(c);
                if c == '«' && next.is_some_and(|n| !is_space(n) && n != '\n') {
                    out.push(NBSP);
                }
            }
        }
    }
    tie_numbers(&out)
}

/// French month names, as [`format_date`] writes them.
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

/// Ties what must not be split at a line end, wherever the text comes from (a template,
/// a date, what the user typed): the groups of a number (« 12 500 » → U+202F between
/// groups of three digits), a number and the word it counts or measures (« 1 200 heures »,
/// « 2 ans », « 1er décembre » → U+00A0), a month and its year (« décembre 2025 ») and
/// « h » and its minutes (« 9 h 05 »). Only breakable spaces (U+0020) change; the PDF
/// typesetter and Word keep U+00A0 and U+202F on one line (French typographic usage, as
/// in the Lexique des règles typographiques en usage à l’Imprimerie nationale).
pub fn tie_numbers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            if let Some(tie) = tie_before(&out, &chars[i + 1..]) {
                out.push(tie);
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Whether a space (between `before` and `after`) must not break, and what replaces it.
fn tie_before(before: &str, after: &[char]) -> Option<char> {
    let breaks = |c: char| c == ' ' || c == '\n' || c == '\t';
    // The word just before, up to a breakable space or an earlier tie (U+00A0); its
    // opening punctuation and markup left aside.
    let word = before.rsplit(|c| breaks(c) || c == NBSP).next()?;
    let word = word.trim_start_matches(['(', '[', '«', '*', '_', '-', '+', '−', '“']);
    let next = *after.first()?;
    let digits_after = after.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits_after == 3 && is_group_head(word) {
        return Some(NNBSP);
    }
    if next.is_alphabetic() && (is_number(word) || is_ordinal(word)) {
        return Some(NBSP);
    }
    if next.is_ascii_digit() {
        let lower = word.to_lowercase();
        if MONTHS.contains(&lower.as_str()) {
            return Some(NBSP);
        }
        // « 9 h 05 »: « h » already tied to its hour.
        if word == "h" && before.ends_with(&format!("{NBSP}h")) {
            let hour = before[..before.len() - 1 - NBSP.len_utf8()]
                .rsplit(|c| breaks(c) || c == NBSP)
                .next()
                .unwrap_or_default();
            if !hour.is_empty() && hour.chars().all(|c| c.is_ascii_digit()) {
                return Some(NBSP);
            }
        }
    }
    None
}

/// « 12 », « 1 200 »: digits in groups (U+202F between them), the first of one to three
/// digits and the others of three: what a further group of three may follow.
fn is_group_head(word: &str) -> bool {
    let mut groups = word.split(NNBSP);
    let first = groups.next().unwrap_or_default();
    let digits = |g: &str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    digits(first) && first.len() <= 3 && groups.all(|g| digits(g) && g.len() == 3)
}

/// « 12 », « 1 200 », « 2,5 », « 14,00 »: a number, grouped or with decimals.
fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word.ends_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | NNBSP))
}

/// « 1er », « 1re », « 2e », « 3ème », « 1ers »: an ordinal in figures.
fn is_ordinal(word: &str) -> bool {
    let suffix = word.trim_start_matches(|c: char| c.is_ascii_digit());
    suffix.len() < word.len()
        && matches!(
            suffix,
            "er" | "ers" | "re" | "res" | "e" | "es" | "ème" | "èmes" | "ᵉ" | "ᵉʳ"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(format_amount(125_000), "1\u{202f}250,00\u{202f}€");
        assert_eq!(format_amount(0), "0,00\u{202f}€");
        assert_eq!(format_amount(5), "0,05\u{202f}€");
        assert_eq!(
            format_amount(230_000_000),
            "2\u{202f}300\u{202f}000,00\u{202f}€"
        );
        assert_eq!(format_amount(-99_950), "\u{2212}999,50\u{202f}€");
        assert!(format_amount(i64::MIN).ends_with('€'));
        assert!(format_amount(i64::MAX).starts_with("92\u{202f}233"));
        assert_eq!(format_whole_euros(2_300_000), "23\u{202f}000\u{202f}€");
        assert_eq!(format_whole_euros(-100), "\u{2212}1\u{202f}€");
    }

    #[test]
    fn lower_first_keeps_acronyms() {
        assert_eq!(lower_first("Association loi 1901"), "association loi 1901");
        assert_eq!(lower_first("Préambule"), "préambule");
        assert_eq!(lower_first("Élan solidaire"), "élan solidaire");
        assert_eq!(lower_first("GIP"), "GIP");
        assert_eq!(lower_first("CAF de Tours"), "CAF de Tours");
        assert_eq!(lower_first("ÉTAT"), "ÉTAT");
        assert_eq!(lower_first("A"), "A");
        assert_eq!(lower_first("1er"), "1er");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2025, 12, 1).expect("date");
        assert_eq!(format_date(d), "1er décembre 2025");
        let d = NaiveDate::from_ymd_opt(2026, 8, 15).expect("date");
        assert_eq!(format_date(d), "15 août 2026");
    }

    #[test]
    fn siret_grouping() {
        assert_eq!(
            format_siret("80012345700015"),
            "800\u{a0}123\u{a0}457\u{a0}00015"
        );
        assert_eq!(format_siret("732829320"), "732\u{a0}829\u{a0}320");
        assert_eq!(format_siret("12AB"), "12AB");
    }

    #[test]
    fn french_lists_and_sentences() {
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(join_fr(&items), "a, b et c");
        assert_eq!(join_fr(&items[..1]), "a");
        assert_eq!(join_fr(&[]), "");
        assert_eq!(sentence(" Des salles "), "Des salles.");
        assert_eq!(sentence("Fini."), "Fini.");
        assert_eq!(sentence(""), "");
    }

    #[test]
    fn spaces_before_high_punctuation() {
        assert_eq!(fix_typography("Objet : ceci"), "Objet\u{a0}: ceci");
        assert_eq!(fix_typography("Objet: ceci"), "Objet\u{a0}: ceci");
        assert_eq!(fix_typography("Vraiment ?"), "Vraiment\u{a0}?");
        assert_eq!(fix_typography("a ; b !"), "a\u{a0}; b\u{a0}!");
        assert_eq!(fix_typography("**Nom** :"), "**Nom**\u{a0}:");
        // Times and addresses keep their colon.
        assert_eq!(fix_typography("à 12:30"), "à 12:30");
        assert_eq!(fix_typography("https://exemple.fr"), "https://exemple.fr");
        assert_eq!(
            fix_typography("- item :\n: début"),
            "- item\u{a0}:\n: début"
        );
    }

    #[test]
    fn guillemets_apostrophes_and_quotes() {
        assert_eq!(fix_typography("« MSVB »"), "«\u{a0}MSVB\u{a0}»");
        assert_eq!(fix_typography("«MSVB»"), "«\u{a0}MSVB\u{a0}»");
        assert_eq!(fix_typography("l'article"), "l’article");
        assert_eq!(fix_typography("dit \"oui\""), "dit «\u{a0}oui\u{a0}»");
        assert_eq!(fix_typography("12\" écran"), "12\" écran");
        assert_eq!(fix_typography("etc..."), "etc…");
    }

    #[test]
    fn html_entities_are_left_as_written() {
        assert_eq!(fix_typography("Dupont &amp; fils"), "Dupont &amp; fils");
        assert_eq!(fix_typography("&#38; et &#x26;"), "&#38; et &#x26;");
        assert_eq!(fix_typography("A&B;"), "A&B;");
        // A real semicolon after a word or a lone « & » keeps its no-break space.
        assert_eq!(fix_typography("amp ; & ; x&"), "amp\u{a0}; &\u{a0}; x&");
        assert_eq!(fix_typography("fin;"), "fin\u{a0};");
    }

    #[test]
    fn number_groups_units_and_dates_do_not_break() {
        let (nb, nn) = (NBSP, NNBSP);
        assert_eq!(
            fix_typography("de 12 500 € sur 2 ans"),
            format!("de 12{nn}500{nn}€ sur 2{nb}ans")
        );
        assert_eq!(
            fix_typography("1 200 heures"),
            format!("1{nn}200{nb}heures")
        );
        assert_eq!(
            fix_typography("1 250 000,50 €"),
            format!("1{nn}250{nn}000,50{nn}€")
        );
        assert_eq!(fix_typography("à 14 400 €."), format!("à 14{nn}400{nn}€."));
        assert_eq!(
            fix_typography("le 1er décembre 2025."),
            format!("le 1er{nb}décembre{nb}2025.")
        );
        assert_eq!(
            fix_typography("15 août 2026"),
            format!("15{nb}août{nb}2026")
        );
        assert_eq!(fix_typography("à 9 h 05"), format!("à 9{nb}h{nb}05"));
        assert_eq!(fix_typography("(12 mois)"), format!("(12{nb}mois)"));
        assert_eq!(
            fix_typography("**12 500 €**"),
            format!("**12{nn}500{nn}€**")
        );
        // Not a group: a year then a count, a phone number, a code with letters.
        assert_eq!(
            fix_typography("en 2025 300 personnes"),
            format!("en 2025 300{nb}personnes")
        );
        assert_eq!(fix_typography("02 47 00 00 00"), "02 47 00 00 00");
        assert_eq!(fix_typography("W372001234 au"), "W372001234 au");
        assert_eq!(fix_typography("article 3. Les"), "article 3. Les");
        assert_eq!(fix_typography("h 05"), "h 05");
        // Already tied text is left as it is.
        let tied = fix_typography("le 1er décembre 2025 : 12 500 €");
        assert_eq!(fix_typography(&tied), tied);
    }

    #[test]
    fn units_and_numero() {
        assert_eq!(fix_typography("15 %"), "15\u{202f}%");
        assert_eq!(fix_typography("15%"), "15\u{202f}%");
        assert_eq!(fix_typography("100 €"), "100\u{202f}€");
        assert_eq!(fix_typography("n° 2000-321"), "n°\u{a0}2000-321");
        assert_eq!(fix_typography(""), "");
        assert_eq!(fix_typography(": ; ! ?"), ":\u{a0};\u{a0}!\u{a0}?");
    }
}
