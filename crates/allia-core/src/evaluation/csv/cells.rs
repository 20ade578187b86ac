//! One cell at a time: the bytes of a file decoded to text, the separator guessed from
//! the header, numbers and dates written and read the French way, and the guard against
//! a text a spreadsheet would run as a formula.

use chrono::NaiveDate;

/// The UTF-8 byte-order mark the export starts with: without it, Excel reads a CSV in
/// the system's code page and shows « Ã© » for « é ».
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of a file: UTF-8 with or without its byte-order mark; UTF-16 with its mark
/// (Excel's « Texte Unicode »); otherwise Windows-1252, what French Excel's « CSV
/// (séparateur : point-virgule) » writes.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let utf16 = |rest: &[u8], little: bool| {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|pair| match (pair, little) {
                ([a, b], true) => u16::from_le_bytes([*a, *b]),
                ([a, b], false) => u16::from_be_bytes([*a, *b]),
                _ => 0xFFFD,
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false);
    }
    bytes.iter().map(|&b| windows_1252(b)).collect()
}

/// One byte of Windows-1252: Latin-1 but for 0x80–0x9F (« € », « ’ », « œ »…); the five
/// bytes it leaves undefined become U+FFFD.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The separator of a file, guessed from its first line outside quotes: « ; » (what the
/// export and French spreadsheets write), « , » or a tab, whichever occurs most; « ; »
/// when none does.
pub fn sniff_separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let mut best = (0, b';');
    for (count, separator) in counts.into_iter().zip([b';', b',', b'\t']) {
        if count > best.0 {
            best = (count, separator);
        }
    }
    best.1
}

/// A figure with a decimal comma and no thousands separator (« 1234,5 », « -3 »), which
/// French Excel and LibreOffice read as a number: Rust's shortest text that reads back
/// as the same `f64`, so an export read again gives the same figures. Three decimals
/// after one to three digits get a fourth, « 0 » (« 1,2340 »): [`parse_number`] refuses
/// « 1,234 » as ambiguous.
pub fn format_number(value: f64) -> String {
    if value == 0.0 {
        return "0".to_string();
    }
    let text = format!("{value}").replace('.', ",");
    let digits = text.trim_start_matches('-');
    match digits.split_once(',') {
        Some((whole, decimals))
            if decimals.len() == 3 && whole.len() <= 3 && !whole.starts_with('0') =>
        {
            format!("{text}0")
        }
        _ => text,
    }
}

/// A figure Allia computed (an indicator's current total or rate) as [`format_number`]
/// writes it, rounded first to twelve significant digits: the sums' binary residue
/// (« 6,3999999999999995 ») is not a figure anyone typed. For the indicators table, which
/// is read, never imported; measurements keep their exact figures.
pub fn format_computed(value: f64) -> String {
    let rounded = format!("{value:.11e}").parse::<f64>().unwrap_or(value);
    format_number(rounded)
}

/// « 15/01/2026 ».
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Why a cell is not read as a number ([`parse_number`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberRefusal {
    NotANumber,
    /// « 1,234 » or « 1.234 »: a thousand or one and a bit, nobody can tell (the rule
    /// of `money::parse_euros`).
    Ambiguous,
    /// « 1,234.5 »: commas grouping thousands, the English way.
    MixedSeparators,
}

impl NumberRefusal {
    /// The French message for the cell.
    pub fn message(self, cell: &str) -> String {
        match self {
            Self::NotANumber => format!(
                "«\u{a0}{cell}\u{a0}» n’est pas un nombre. Écrivez par exemple 1250 ou 12,5."
            ),
            Self::Ambiguous => ambiguity_message(cell),
            Self::MixedSeparators => format!(
                "«\u{a0}{cell}\u{a0}»\u{a0}: séparateurs mélangés. Séparez les milliers par une espace \
                 et les décimales par une virgule, par exemple 1\u{202f}234,5."
            ),
        }
    }
}

/// The advice for an ambiguous cell, with the two figures it may mean written so that
/// they are not: « « 1.500 » est ambigu : écrivez 1500 si ce sont des milliers, ou 1,5
/// si ce sont des décimales. ». The decimal reading loses its trailing zeros (« 1,5 »,
/// « 1 » for « 1.000 »); when three decimals remain it gets a fourth, « 0 » (« 1,2340 »),
/// as [`format_number`] writes it. Its own wording, not `money::parse_euros`' (amounts in
/// euros have cents).
fn ambiguity_message(cell: &str) -> String {
    let trimmed = cell.trim();
    let (sign, body) = match trimmed.chars().next() {
        Some(c @ ('-' | '\u{2212}')) => (c.to_string(), trimmed[c.len_utf8()..].trim_start()),
        Some('+') => (String::new(), trimmed[1..].trim_start()),
        _ => (String::new(), trimmed),
    };
    let advice = body.split_once([',', '.']).map(|(whole, decimals)| {
        let thousands = format!("{sign}{whole}{decimals}");
        let kept = decimals.trim_end_matches('0');
        let decimal = match kept.len() {
            0 => format!("{sign}{whole}"),
            3 => format!("{sign}{whole},{kept}0"),
            _ => format!("{sign}{whole},{kept}"),
        };
        (thousands, decimal)
    });
    match advice {
        Some((thousands, decimal)) => format!(
            "«\u{a0}{cell}\u{a0}» est ambigu\u{a0}: écrivez {thousands} si ce sont des milliers, \
             ou {decimal} si ce sont des décimales."
        ),
        None => format!(
            "«\u{a0}{cell}\u{a0}» est ambigu\u{a0}: écrivez les milliers sans séparateur et les \
             décimales après une virgule."
        ),
    }
}

/// The longest cell read as a number, in characters: beyond, it is refused. Long enough
/// for any figure [`format_number`] writes (the smallest `f64` takes 326 characters).
const NUMBER_TEXT_MAX: usize = 400;

/// A number as a spreadsheet writes it or a person types it: `Ok(None)` when empty.
///
/// Spaces of any kind group thousands (« 1 234,5 »), as may dots before a decimal comma
/// (« 1.234,5 ») or alone in groups of three (« 1.234.567 »); the decimal separator is a
/// comma or a dot (« 12,5 », « 12.5 »); a leading « - », « − » or « + » gives the sign.
///
/// # Errors
/// [`NumberRefusal::Ambiguous`] for one separator followed by exactly three digits after
/// one to three digits not starting with 0 (« 1,234 », « 12.500 »: as `money::parse_euros`
/// refuses « 1,234 »); [`NumberRefusal::MixedSeparators`] for commas grouping thousands
/// (« 1,234.5 »); [`NumberRefusal::NotANumber`] for the rest (letters, « 1e5 », « 12, »).
pub fn parse_number(cell: &str) -> Result<Option<f64>, NumberRefusal> {
    use NumberRefusal::{Ambiguous, MixedSeparators, NotANumber};
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    if cell.chars().count() > NUMBER_TEXT_MAX {
        return Err(NotANumber);
    }
    let (negative, body) = match cell.chars().next() {
        Some(c @ ('-' | '\u{2212}' | '+')) => (c != '+', cell[c.len_utf8()..].trim_start()),
        _ => (false, cell),
    };
    // Every kind of space becomes « ' », the one thousands mark besides the dot.
    let body: String = body
        .chars()
        .map(|c| if c.is_whitespace() { '\'' } else { c })
        .collect();
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | '\'');
    if body.is_empty() || !body.chars().all(allowed) {
        return Err(NotANumber);
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let (whole, decimals) = match (commas, dots) {
        (0, 0) => (body.as_str(), None),
        // One separator: the decimal one, unless three digits follow one to three that
        // could be a group of thousands.
        (1, 0) | (0, 1) => {
            let (whole, decimals) = body.split_once([',', '.']).unwrap_or_default();
            if decimals.len() == 3
                && digits(whole)
                && whole.len() <= 3
                && !whole.starts_with('0')
                && digits(decimals)
            {
                return Err(Ambiguous);
            }
            (whole, Some(decimals))
        }
        // « 1.234.567 »: dots grouping thousands.
        (0, _) => (body.as_str(), None),
        // « 1.234,5 »: dots grouping thousands, a decimal comma after them.
        (1, _) if body.rfind(',') > body.rfind('.') => {
            let (whole, decimals) = body.split_once(',').unwrap_or_default();
            (whole, Some(decimals))
        }
        // « 1,234.5 », « 1,234,567 »: commas grouping thousands, the English way.
        _ => {
            let whole = body.rsplit_once('.').map_or(body.as_str(), |(w, _)| w);
            let first = whole.split(',').next().unwrap_or_default();
            let english = digits(first)
                && first.len() <= 3
                && whole.split(',').skip(1).all(|g| g.len() == 3 && digits(g));
            return Err(if english { MixedSeparators } else { NotANumber });
        }
    };
    let whole = thousands(whole).ok_or(NotANumber)?;
    let plain = match decimals {
        Some(decimals) if digits(decimals) => format!("{whole}.{decimals}"),
        Some(_) => return Err(NotANumber),
        None => whole,
    };
    let value: f64 = plain.parse().map_err(|_| NotANumber)?;
    Ok(Some(if negative { -value } else { value }))
}

/// The digits of a whole part whose thousands may be grouped by one kind of mark (« ' »,
/// standing for any space, or « . »): a first group of one to three digits, not starting
/// with 0, then groups of three.
fn thousands(whole: &str) -> Option<String> {
    let marks: Vec<char> = whole.chars().filter(|c| !c.is_ascii_digit()).collect();
    let Some(&mark) = marks.first() else {
        return (!whole.is_empty()).then(|| whole.to_string());
    };
    if marks.iter().any(|&m| m != mark) {
        return None;
    }
    let mut groups = whole.split(mark);
    let first = groups.next()?;
    let grouped =
        (1..=3).contains(&first.len()) && !first.starts_with('0') && groups.all(|g| g.len() == 3);
    grouped.then(|| whole.replace(mark, ""))
}

/// Why a cell is not read as a date ([`parse_date`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRefusal {
    /// Not JJ/MM/AAAA nor AAAA-MM-JJ.
    NotADate,
    /// « 31/02/2026 ».
    NoSuchDay,
}

impl DateRefusal {
    /// The French message for the cell.
    pub fn message(self, cell: &str) -> String {
        match self {
            Self::NotADate => format!(
                "«\u{a0}{cell}\u{a0}» n’est pas une date. Écrivez-la JJ/MM/AAAA, par exemple 15/01/2026."
            ),
            Self::NoSuchDay => format!("«\u{a0}{cell}\u{a0}»\u{a0}: ce jour n’existe pas."),
        }
    }
}

/// A date written JJ/MM/AAAA (one-digit day or month allowed, « 5/1/2026 », as
/// spreadsheets write them), JJ/MM/AA (a two-digit year is of the 2000s: LibreOffice and
/// Excel save a French date cell as « 31/12/25 » in a CSV, and a measurement of the
/// 1900s has no place in an alliance's evaluation) or AAAA-MM-JJ (ISO 8601); `Ok(None)`
/// when empty. A time after
/// the date (« 15/01/2026 00:00:00 », a spreadsheet's date-time cell) is allowed when it
/// is midnight.
pub fn parse_date(cell: &str) -> Result<Option<NaiveDate>, DateRefusal> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    let day_part = match cell.split_once([' ', 'T']) {
        Some((day, time)) if matches!(time.trim(), "00:00" | "00:00:00") => day,
        Some(_) => return Err(DateRefusal::NotADate),
        None => cell,
    };
    let numbers = |parts: Vec<&str>, sizes: [std::ops::RangeInclusive<usize>; 3]| {
        if parts.len() != 3 {
            return None;
        }
        let mut values = [0u32; 3];
        for ((part, size), value) in parts.iter().zip(sizes).zip(values.iter_mut()) {
            if !size.contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            *value = part.parse().ok()?;
        }
        Some(values)
    };
    let (day, month, year) = if day_part.contains('/') {
        let parts: Vec<&str> = day_part.split('/').collect();
        if let Some([day, month, year]) = numbers(parts.clone(), [1..=2, 1..=2, 2..=2]) {
            (day, month, 2000 + year)
        } else {
            let [day, month, year] =
                numbers(parts, [1..=2, 1..=2, 4..=4]).ok_or(DateRefusal::NotADate)?;
            (day, month, year)
        }
    } else {
        let parts: Vec<&str> = day_part.split('-').collect();
        let [year, month, day] =
            numbers(parts, [4..=4, 2..=2, 2..=2]).ok_or(DateRefusal::NotADate)?;
        (day, month, year)
    };
    let year = i32::try_from(year).map_err(|_| DateRefusal::NotADate)?;
    NaiveDate::from_ymd_opt(year, month, day)
        .map(Some)
        .ok_or(DateRefusal::NoSuchDay)
}

/// Whether a spreadsheet would take `text` for a formula: it starts with « = », « + »,
/// « - », « @ », a tab or a carriage return (OWASP, « CSV Injection »), or it is such a
/// text already guarded by one « ' ».
fn formula_risk(text: &str) -> bool {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => true,
        Some('\'') => formula_risk(&text[1..]),
        _ => false,
    }
}

/// A text cell as written: one « ' » before a text a spreadsheet would run as a formula
/// (« =SOMME(A1) », « -10 % selon l’enquête »), the usual guard — Excel and LibreOffice
/// then show it as text, and a file opened from an alliance partner cannot run anything.
/// Figures are written by [`format_number`] and never guarded.
pub fn guard_text(text: &str) -> String {
    if formula_risk(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The text of a cell as [`guard_text`] wrote it: its guard removed.
pub fn unguard_text(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_risk(rest) => rest,
        _ => cell,
    }
}
