//! Amounts of money, written the French way. Every amount of the app is an integer number
//! of euro cents (`i64`): no floating point ever touches money, so sums are exact.

/// Narrow no-break space (U+202F): between groups of three digits and before « € ».
const NNBSP: char = '\u{202f}';

/// « 12 500,00 € » from an amount in cents: groups of three digits separated by a
/// narrow no-break space (U+202F), a decimal comma, always two decimals, a narrow
/// no-break space before « € » (so the amount never breaks across lines). Negative
/// amounts start with « - ».
pub fn format_euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(format_euros(-12_345), "-123,45\u{202f}€");
        assert_eq!(
            format_euros(i64::MIN),
            "-92\u{202f}233\u{202f}720\u{202f}368\u{202f}547\u{202f}758,08\u{202f}€"
        );
    }
}
