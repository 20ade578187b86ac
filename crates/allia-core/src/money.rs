//! Amounts of money, written the French way. Every amount of the app is an integer number
//! of euro cents (`i64`): no floating point ever touches money, so sums are exact.

/// Narrow no-break space (U+202F): between groups of three digits and before « € ».
const NNBSP: char = '\u{202f}';

/// « 12 500,00 € » from an amount in cents: groups of three digits separated by a
/// narrow no-break space (U+202F), a decimal comma, always two decimals, a narrow
/// no-break space before « € » (so the amount never breaks across lines). Negative
/// amounts start with the minus sign « − » (U+2212, French typography), not the hyphen.
pub fn format_euros(cents: i64) -> String {
    let sign = if cents < 0 { "\u{2212}" } else { "" };
    let abs = cents.unsigned_abs();
    format!(
        "{sign}{},{:02}{NNBSP}€",
        group_thousands(abs / 100),
        abs % 100
    )
}

/// « 1 250 000 », U+202F between groups of three digits.
pub fn group_thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut grouped = String::with_capacity(digits.len() + 8);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(NNBSP);
        }
        grouped.push(digit);
    }
    grouped
}

/// The largest amount [`parse_euros`] reads, in cents: 2^53 − 1, the largest integer a
/// JavaScript number holds exactly, so the screens' copy reads the same texts (the
/// vault's cap, `commitment::AMOUNT_MAX_CENTS`, is far lower and is checked apart).
pub const READ_MAX_CENTS: i64 = 9_007_199_254_740_991;

/// Why a typed amount is not read ([`parse_euros`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountRefusal {
    /// Not an amount in euros at all (letters, misplaced separators, more than two
    /// decimals after a separator that cannot group thousands).
    NotAnAmount,
    /// Three digits after a comma (« 1,234 »), or a leading zero before a group of three
    /// (« 0.500 »): thousands or cents, nobody can tell.
    Ambiguous,
    /// Separators used both ways: a dot grouping thousands and a dot before cents
    /// (« 1.234.5 »), commas grouping thousands (« 1,234.56 », the English way),
    /// dots and apostrophes mixed.
    MixedSeparators,
}

impl AmountRefusal {
    /// The code the screens' copy and the samples use (`not_an_amount`, `ambiguous`,
    /// `mixed_separators`).
    pub fn code(self) -> &'static str {
        match self {
            Self::NotAnAmount => "not_an_amount",
            Self::Ambiguous => "ambiguous",
            Self::MixedSeparators => "mixed_separators",
        }
    }

    /// The French message shown at the field.
    pub fn message(self) -> &'static str {
        match self {
            Self::NotAnAmount => {
                "Saisissez un montant en euros, par exemple 12\u{202f}500 ou 12\u{202f}500,50."
            }
            Self::Ambiguous => {
                "Montant ambigu\u{a0}: trois chiffres après la virgule ou le point peuvent être \
                 des milliers ou des centimes. Écrivez 1\u{202f}234 pour des milliers, 1,23 pour \
                 des centimes."
            }
            Self::MixedSeparators => {
                "Séparateurs mélangés\u{a0}: séparez les milliers par un espace ou un point et \
                 les centimes par une virgule, par exemple 1\u{202f}234,56."
            }
        }
    }

    /// Every refusal, for the samples pinned to the screens.
    pub const ALL: [AmountRefusal; 3] = [Self::NotAnAmount, Self::Ambiguous, Self::MixedSeparators];
}

/// Cents from an amount as people type or paste it: `Ok(None)` when empty.
///
/// - Spaces of any kind (U+0020, U+00A0, U+202F…) are ignored; a final « € » is allowed;
///   a leading « - » or « − » (U+2212) makes it negative (whether a negative amount is acceptable is the
///   caller's rule).
/// - Thousands may be grouped by a dot or an apostrophe (« 30.000 », « 1.234,56 »,
///   « 1'234.50 », as Belgian, German and Swiss sources write them): a dot followed by
///   exactly three digits groups thousands; the groups after the first have three digits.
/// - Cents follow a comma, or a dot followed by one or two digits (« 12.5 », « 12.50 »).
///
/// # Errors
/// [`AmountRefusal::Ambiguous`] for « 1,234 » or « 0.500 » (thousands or cents?),
/// [`AmountRefusal::MixedSeparators`] for « 1,234.56 » or « 1.234.5 »,
/// [`AmountRefusal::NotAnAmount`] for the rest (letters, « 12, », « ,5 », more than
/// [`READ_MAX_CENTS`]).
pub fn parse_euros(text: &str) -> Result<Option<i64>, AmountRefusal> {
    use AmountRefusal::{Ambiguous, MixedSeparators, NotAnAmount};
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.strip_suffix('€').unwrap_or(&compact);
    if compact.is_empty() {
        return Ok(None);
    }
    // A leading hyphen, or the minus sign U+2212 as amounts are written (and pasted back).
    let (negative, body) = match compact.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, compact),
    };
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | '’');
    if body.is_empty() || !body.chars().all(allowed) {
        return Err(NotAnAmount);
    }
    let digits = |s: &str, sizes: std::ops::RangeInclusive<usize>| {
        sizes.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let (whole, decimals) = match body.split_once(',') {
        Some((whole, decimals)) => {
            if decimals.contains(['.', '\'', '’']) || decimals.contains(',') {
                // « 1,234.56 », « 1,234,567 »: commas grouping thousands.
                let english = decimals.split([',', '.']).all(|group| digits(group, 1..=3));
                return Err(if english && digits(whole, 1..=3) {
                    MixedSeparators
                } else {
                    NotAnAmount
                });
            }
            if digits(decimals, 3..=3) {
                return Err(Ambiguous);
            }
            if !digits(decimals, 1..=2) {
                return Err(NotAnAmount);
            }
            (whole, decimals)
        }
        None => match body.rsplit_once('.') {
            Some((before, after)) if digits(after, 1..=2) => {
                if before.contains('.') {
                    // « 1.234.5 »: the dot groups thousands and marks cents.
                    return Err(MixedSeparators);
                }
                (before, after)
            }
            Some((_, after)) if digits(after, 3..=3) => (body, ""),
            Some(_) => return Err(NotAnAmount),
            None => (body, ""),
        },
    };
    let whole_digits = grouped_digits(whole)?;
    let cents_text = format!("{decimals:0<2}");
    let whole_value: i64 = whole_digits.parse().map_err(|_| NotAnAmount)?;
    let cents_value: i64 = cents_text.parse().map_err(|_| NotAnAmount)?;
    let cents = whole_value
        .checked_mul(100)
        .and_then(|c| c.checked_add(cents_value))
        .filter(|c| *c <= READ_MAX_CENTS)
        .ok_or(NotAnAmount)?;
    Ok(Some(if negative { -cents } else { cents }))
}

/// The digits of the whole part, its group separators (one kind: dots or apostrophes)
/// checked: a first group of one to three digits, not starting with 0, then groups of
/// three.
fn grouped_digits(whole: &str) -> Result<String, AmountRefusal> {
    let dots = whole.contains('.');
    let apostrophes = whole.contains(['\'', '’']);
    if dots && apostrophes {
        return Err(AmountRefusal::MixedSeparators);
    }
    if !dots && !apostrophes {
        // Longer than any amount read: refused rather than overflowing.
        return if !whole.is_empty() && whole.len() <= 18 {
            Ok(whole.to_string())
        } else {
            Err(AmountRefusal::NotAnAmount)
        };
    }
    let groups: Vec<&str> = whole.split(['.', '\'', '’']).collect();
    let sized = |g: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit())
    };
    let (first, rest) = groups.split_first().ok_or(AmountRefusal::NotAnAmount)?;
    if !sized(first, 1..=3) || !rest.iter().all(|g| sized(g, 3..=3)) || groups.len() > 6 {
        return Err(AmountRefusal::NotAnAmount);
    }
    if first.starts_with('0') {
        // « 0.500 »: half a euro written with three decimals, or five hundred?
        return Err(AmountRefusal::Ambiguous);
    }
    Ok(groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_amounts_are_read_to_the_cent() {
        for (text, cents) in [
            ("12 500", 1_250_000),
            ("12 500,50", 1_250_050),
            ("12\u{202f}500,5", 1_250_050),
            ("12\u{a0}500.05 €", 1_250_005),
            ("0,01", 1),
            ("30000", 3_000_000),
            ("-5", -500),
            ("12.5", 1_250),
            ("12.50", 1_250),
            ("30.000", 3_000_000),
            ("30.000 €", 3_000_000),
            ("1.234,56", 123_456),
            ("1.000.000", 100_000_000),
            ("1.000.000,5", 100_000_050),
            ("1'234.50", 123_450),
            ("1’234,50", 123_450),
            ("12'500", 1_250_000),
            ("0.5", 50),
        ] {
            assert_eq!(parse_euros(text), Ok(Some(cents)), "{text}");
        }
        assert_eq!(parse_euros("  "), Ok(None));
        assert_eq!(parse_euros("€"), Ok(None));
    }

    #[test]
    fn ambiguous_and_mixed_forms_are_refused_with_their_reason() {
        use AmountRefusal::*;
        for (text, refusal) in [
            ("12,345", Ambiguous),
            ("1,234", Ambiguous),
            ("0.500", Ambiguous),
            ("0,500", Ambiguous),
            ("1,234.56", MixedSeparators),
            ("1,234,567", MixedSeparators),
            ("1.234.5", MixedSeparators),
            ("1'234.567", MixedSeparators),
            ("douze", NotAnAmount),
            ("12,", NotAnAmount),
            (",5", NotAnAmount),
            (".5", NotAnAmount),
            ("12.", NotAnAmount),
            ("1e5", NotAnAmount),
            ("12 500 €€", NotAnAmount),
            ("1.2345", NotAnAmount),
            ("12.34.567", NotAnAmount),
            ("1234.567", NotAnAmount),
            ("1.234,567", Ambiguous),
            ("-", NotAnAmount),
            ("99999999999999999999", NotAnAmount),
            ("90.071.992.547.409,92", NotAnAmount),
        ] {
            assert_eq!(parse_euros(text), Err(refusal), "{text}");
        }
        for refusal in AmountRefusal::ALL {
            assert!(refusal.message().ends_with('.'));
        }
    }

    #[test]
    fn the_largest_amount_read_is_a_safe_javascript_integer() {
        assert_eq!(
            parse_euros("90 071 992 547 409,91"),
            Ok(Some(READ_MAX_CENTS))
        );
    }

    #[test]
    fn amounts_are_written_the_french_way() {
        assert_eq!(format_euros(0), "0,00\u{202f}€");
        assert_eq!(format_euros(5), "0,05\u{202f}€");
        assert_eq!(format_euros(50_000), "500,00\u{202f}€");
        assert_eq!(format_euros(1_250_050), "12\u{202f}500,50\u{202f}€");
        assert_eq!(
            format_euros(10_000_000_000),
            "100\u{202f}000\u{202f}000,00\u{202f}€"
        );
        assert_eq!(format_euros(-12_345), "\u{2212}123,45\u{202f}€");
        assert!(!format_euros(-1).contains('-'), "never the hyphen");
        assert_eq!(parse_euros("\u{2212}123,45\u{202f}€"), Ok(Some(-12_345)));
        assert_eq!(
            format_euros(i64::MIN),
            "\u{2212}92\u{202f}233\u{202f}720\u{202f}368\u{202f}547\u{202f}758,08\u{202f}€"
        );
    }
}
