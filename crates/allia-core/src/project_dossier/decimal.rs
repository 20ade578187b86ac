//! Decimal numbers of the dossier's figures, kept exactly: read from French input into a
//! canonical decimal string, never through a float, and written back the French way.

/// Most digits before the decimal separator.
const INTEGER_DIGITS_MAX: usize = 15;
/// Most digits after the decimal separator.
const FRACTION_DIGITS_MAX: usize = 6;

/// Reads a number as a person types it in French and returns its canonical form: digits,
/// a dot before the decimals, no grouping, no leading zeros, no trailing decimal zeros,
/// a « - » for a negative number (« 12,5 » → « 12.5 », « 1 250 » → « 1250 »,
/// « -0,50 » → « -0.5 », « 0,0 » → « 0 »).
///
/// Accepted: a comma or a single dot before the decimals; thousands grouped by spaces
/// (ordinary, no-break or narrow no-break), apostrophes, or dots when the number has
/// several dots or a dot and a comma (« 1.250.000 », « 1.250,5 »); a leading « + » or
/// « - » (or « − »). A canonical string reads back as itself.
///
/// # Errors
/// A French message: empty input, letters or other signs, misplaced separators, more
/// than 15 digits before the separator or 6 after it, and « 30.000 » or « 2.500 » (a
/// single dot, three digits, a final zero: thousands or decimals?).
pub fn parse_decimal(input: &str) -> Result<String, String> {
    let compact: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’'))
        .collect();
    if compact.is_empty() {
        return Err("Indiquez la valeur du chiffre (par exemple «\u{a0}1\u{202f}250\u{a0}» ou «\u{a0}12,5\u{a0}»).".into());
    }
    let not_a_number = || {
        format!(
            "«\u{a0}{}\u{a0}» n’est pas un nombre\u{a0}: écrivez par exemple «\u{a0}1\u{202f}250\u{a0}» ou «\u{a0}12,5\u{a0}», l’unité dans son propre champ.",
            input.trim()
        )
    };
    let (negative, body) = match compact.chars().next() {
        Some(c @ ('-' | '−')) => (true, &compact[c.len_utf8()..]),
        Some('+') => (false, &compact[1..]),
        _ => (false, compact.as_str()),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(not_a_number());
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let (integer, fraction): (String, &str) = match (commas, dots) {
        (0, 0) => (body.to_string(), ""),
        (1, 0) => {
            let (i, f) = body.split_once(',').ok_or_else(not_a_number)?;
            (i.to_string(), f)
        }
        (0, 1) => {
            let (i, f) = body.split_once('.').ok_or_else(not_a_number)?;
            if f.len() == 3 && f.ends_with('0') {
                return Err(format!(
                    "«\u{a0}{}\u{a0}» est ambigu\u{a0}: écrivez «\u{a0}{i}\u{202f}{f}\u{a0}» pour des milliers, ou «\u{a0}{i},{f}\u{a0}» pour des décimales.",
                    input.trim()
                ));
            }
            (i.to_string(), f)
        }
        // Dots group thousands: « 1.250.000 », « 1.250,5 ».
        (0, _) | (1, _) => {
            let (grouped, f) = match body.split_once(',') {
                Some((g, f)) => (g, f),
                None => (body, ""),
            };
            let mut groups = grouped.split('.');
            let first = groups.next().unwrap_or("");
            if first.is_empty() || first.len() > 3 || groups.clone().any(|g| g.len() != 3) {
                return Err(not_a_number());
            }
            (grouped.replace('.', ""), f)
        }
        _ => return Err(not_a_number()),
    };
    if integer.is_empty()
        || body.starts_with(['.', ','])
        || body.ends_with(['.', ','])
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(not_a_number());
    }
    let integer = integer.trim_start_matches('0');
    let integer = if integer.is_empty() { "0" } else { integer };
    let fraction = fraction.trim_end_matches('0');
    if integer.len() > INTEGER_DIGITS_MAX {
        return Err(format!(
            "Ce nombre est trop grand\u{a0}: {INTEGER_DIGITS_MAX} chiffres au plus avant la virgule."
        ));
    }
    if fraction.len() > FRACTION_DIGITS_MAX {
        return Err(format!(
            "Trop de décimales\u{a0}: {FRACTION_DIGITS_MAX} au plus après la virgule."
        ));
    }
    let zero = integer == "0" && fraction.is_empty();
    let mut out = String::with_capacity(integer.len() + fraction.len() + 2);
    if negative && !zero {
        out.push('-');
    }
    out.push_str(integer);
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    Ok(out)
}

/// Writes a canonical decimal ([`parse_decimal`]'s output) the French way: thousands
/// grouped by a narrow no-break space, a comma before the decimals, « − » not needed
/// (a hyphen-minus is kept): « 1250.5 » → « 1 250,5 ». Anything else is returned as is.
pub fn format_french_decimal(canonical: &str) -> String {
    let (negative, body) = match canonical.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, canonical),
    };
    let (integer, fraction) = body.split_once('.').unwrap_or((body, ""));
    if integer.is_empty() || !integer.bytes().all(|b| b.is_ascii_digit()) {
        return canonical.to_string();
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    for (i, c) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    out
}
