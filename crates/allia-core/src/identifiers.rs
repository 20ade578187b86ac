//! Identifiers of organisations and bank accounts, checked the way the registries that
//! issue them define them:
//!
//! - RNA (répertoire national des associations, arrêté du 14 octobre 2009): « W » and
//!   9 characters; the first three name the greffe des associations (department code,
//!   Corsica 2A/2B, overseas 97x or « 9 » + letter), then digits.
//! - SIREN (9 digits) and SIRET (14 digits, INSEE): a Luhn key; La Poste's establishments
//!   (SIREN 356 000 000) may instead follow La Poste's own rule, a digit sum that is a
//!   multiple of 5.
//! - IBAN (ISO 13616): country, two check digits, mod-97 = 1, the country's length.
//! - BIC (ISO 9362): 8 or 11 characters.
//!
//! Every number is accepted with the separators people type or paste (spaces, no-break
//! spaces, dots, dashes) and returned in one canonical form.

/// SIREN of La Poste: its establishments' SIRET numbers may use a different checksum.
const LA_POSTE_SIREN: &str = "356000000";

/// Removes the separators people type or paste inside a number: every kind of space
/// (including U+00A0 and U+202F), dots and dashes (hyphen-minus, hyphen, en dash).
pub fn strip_separators(input: &str) -> String {
    input
        .chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '.' | '-' | '\u{2010}' | '\u{2011}' | '\u{2013}')
        })
        .collect()
}

/// Normalises an RNA number (separators removed, upper case) and checks its shape:
/// « W », a greffe code of three characters, then 6 digits. The greffe code starts with
/// the department: two digits (« 75 »), « 2A » or « 2B » (Corsica), or « 9 » and a
/// letter (overseas greffes). Older numbers of the Waldec directory were requalified as
/// RNA numbers and have this same shape.
pub fn normalize_rna(input: &str) -> Result<String, &'static str> {
    let rna = strip_separators(input).to_uppercase();
    let rest = rna.strip_prefix('W').ok_or(
        "Le numéro RNA commence par la lettre W, suivie de 9 chiffres (exemple\u{a0}: W751234567).",
    )?;
    let chars: Vec<char> = rest.chars().collect();
    let department_ok = match chars.as_slice() {
        [a, b, ..] if a.is_ascii_digit() && b.is_ascii_digit() => true,
        ['2', 'A' | 'B', ..] => true,
        ['9', b, ..] => b.is_ascii_uppercase(),
        _ => false,
    };
    let digits_ok = chars.len() == 9 && chars[2..].iter().all(char::is_ascii_digit);
    if !department_ok || !digits_ok {
        return Err(
            "Le numéro RNA doit comporter la lettre W suivie de 9 chiffres (exemple\u{a0}: W751234567).",
        );
    }
    Ok(rna)
}

/// Normalises a SIREN (9 digits) or SIRET (14 digits), separators removed, and checks
/// its key: Luhn on the SIREN and on the whole SIRET; for La Poste's establishments
/// (SIREN 356 000 000), either the Luhn key (e.g. its head office 356 000 000 00048) or
/// La Poste's rule, the sum of the 14 digits a multiple of 5.
pub fn normalize_siren_or_siret(input: &str) -> Result<String, &'static str> {
    let digits = strip_separators(input);
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err("Le SIREN ou le SIRET ne contient que des chiffres (9 pour le SIREN, 14 pour le SIRET).");
    }
    match digits.len() {
        9 => {
            if luhn_valid(&digits) {
                Ok(digits)
            } else {
                Err("Ce numéro SIREN n’est pas valide\u{a0}: vérifiez les 9 chiffres (la clé de contrôle ne correspond pas).")
            }
        }
        14 => {
            let siren = &digits[..9];
            let luhn = luhn_valid(siren) && luhn_valid(&digits);
            let la_poste = siren == LA_POSTE_SIREN && digit_sum(&digits).is_multiple_of(5);
            if luhn || la_poste {
                Ok(digits)
            } else {
                Err("Ce numéro SIRET n’est pas valide\u{a0}: vérifiez les 14 chiffres (la clé de contrôle ne correspond pas).")
            }
        }
        _ => Err("Le SIREN compte 9 chiffres et le SIRET 14 chiffres."),
    }
}

/// Luhn check on a string of ASCII digits.
pub fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(d) = c.to_digit(10) else {
            return false;
        };
        sum += if i % 2 == 1 {
            let doubled = d * 2;
            if doubled > 9 {
                doubled - 9
            } else {
                doubled
            }
        } else {
            d
        };
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

fn digit_sum(digits: &str) -> u32 {
    digits.chars().filter_map(|c| c.to_digit(10)).sum()
}

/// Length of the IBAN of the countries Allia's users meet most (ISO 13616 registry);
/// any other country's IBAN must have between [`IBAN_MIN`] and [`IBAN_MAX`] characters.
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("FR", 27),
    ("MC", 27),
    ("BE", 16),
    ("DE", 22),
    ("LU", 20),
    ("CH", 21),
    ("ES", 24),
    ("IT", 27),
    ("NL", 18),
    ("PT", 25),
    ("AT", 20),
    ("AD", 24),
    ("GB", 22),
    ("IE", 22),
];
/// The country codes of the IBAN registry (ISO 13616, SWIFT's IBAN Registry, release
/// 2024): an IBAN starting with any other two letters cannot exist. France's overseas
/// departments and territories use « FR ».
const IBAN_COUNTRIES: &[&str] = &[
    "AD", "AE", "AL", "AT", "AZ", "BA", "BE", "BG", "BH", "BI", "BR", "BY", "CH", "CR", "CY", "CZ",
    "DE", "DJ", "DK", "DO", "EE", "EG", "ES", "FI", "FK", "FO", "FR", "GB", "GE", "GI", "GL", "GR",
    "GT", "HN", "HR", "HU", "IE", "IL", "IQ", "IS", "IT", "JO", "KW", "KZ", "LB", "LC", "LI", "LT",
    "LU", "LV", "LY", "MC", "MD", "ME", "MK", "MN", "MR", "MT", "MU", "NI", "NL", "NO", "OM", "PK",
    "PL", "PS", "PT", "QA", "RO", "RS", "RU", "SA", "SC", "SD", "SE", "SI", "SK", "SM", "SO", "ST",
    "SV", "TL", "TN", "TR", "UA", "VA", "VG", "XK", "YE",
];
/// Shortest IBAN of the registry, in characters.
pub const IBAN_MIN: usize = 15;
/// Longest IBAN allowed by ISO 13616, in characters.
pub const IBAN_MAX: usize = 34;

/// Normalises an IBAN (separators removed, upper case) and checks it: two letters of
/// the country, two check digits, letters and digits only, the country's length, and
/// the ISO 13616 / ISO 7064 mod-97 check (the number with its first four characters
/// moved to the end, letters as 10…35, leaves 1 when divided by 97).
pub fn normalize_iban(input: &str) -> Result<String, String> {
    let iban = strip_separators(input).to_uppercase();
    if !iban.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err("Un IBAN ne contient que des lettres et des chiffres (exemple\u{a0}: FR76 3000 6000 0112 3456 7890 189).".into());
    }
    let bytes = iban.as_bytes();
    let shape_ok = bytes.len() >= 4
        && bytes[..2].iter().all(u8::is_ascii_uppercase)
        && bytes[2..4].iter().all(u8::is_ascii_digit);
    if !shape_ok {
        return Err("Un IBAN commence par le code du pays (2 lettres) et 2 chiffres de contrôle (exemple\u{a0}: FR76 3000 6000 0112 3456 7890 189).".into());
    }
    let country = &iban[..2];
    if !IBAN_COUNTRIES.contains(&country) {
        return Err(format!(
            "Un IBAN commence par le code de son pays\u{a0}; «\u{a0}{country}\u{a0}» n’est le code \
             d’aucun pays qui emploie l’IBAN. Vérifiez les deux premières lettres (FR pour la \
             France)."
        ));
    }
    let count = iban.len();
    match IBAN_LENGTHS.iter().find(|(c, _)| *c == country) {
        Some((_, len)) if count != *len => {
            return Err(format!(
                "Un IBAN commençant par {country} compte {len} caractères ({count} saisis)."
            ));
        }
        None if !(IBAN_MIN..=IBAN_MAX).contains(&count) => {
            return Err(format!(
                "Un IBAN compte de {IBAN_MIN} à {IBAN_MAX} caractères ({count} saisis)."
            ));
        }
        _ => {}
    }
    if iban_mod97(&iban) != 1 {
        return Err("Cet IBAN n’est pas valide\u{a0}: la clé de contrôle ne correspond pas. Vérifiez chaque caractère.".into());
    }
    Ok(iban)
}

/// The ISO 7064 mod-97 remainder of an upper-case alphanumeric IBAN.
fn iban_mod97(iban: &str) -> u32 {
    let (head, tail) = iban.split_at(4.min(iban.len()));
    let mut remainder = 0u32;
    for c in tail.chars().chain(head.chars()) {
        let value = match c.to_digit(36) {
            Some(v) => v,
            None => return 0,
        };
        // A letter counts as two digits (A = 10 … Z = 35).
        remainder = if value >= 10 {
            (remainder * 100 + value) % 97
        } else {
            (remainder * 10 + value) % 97
        };
    }
    remainder
}

/// An IBAN (already normalised) as people read and print it: groups of four characters
/// separated by no-break spaces (U+00A0), so that a line never ends inside it
/// (« FR76 3000 6000 0112 3456 7890 189 »).
pub fn format_iban(iban: &str) -> String {
    let mut out = String::with_capacity(iban.len() + iban.len() / 4 * 2);
    for (i, c) in iban.chars().filter(|c| !c.is_whitespace()).enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// Normalises a BIC (separators removed, upper case) and checks its ISO 9362 shape:
/// 4 letters or digits (the institution), 2 letters (the country), 2 letters or digits
/// (the location), then optionally 3 letters or digits (the branch): 8 or 11 characters.
pub fn normalize_bic(input: &str) -> Result<String, &'static str> {
    let bic = strip_separators(input).to_uppercase();
    let b = bic.as_bytes();
    let ok = matches!(b.len(), 8 | 11)
        && b.iter().all(u8::is_ascii_alphanumeric)
        && b[4..6].iter().all(u8::is_ascii_uppercase);
    if ok {
        Ok(bic)
    } else {
        Err("Le BIC compte 8 ou 11 lettres et chiffres, dont le code du pays en 5e et 6e position (exemple\u{a0}: BNPAFRPPXXX).")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rna_accepts_w_and_nine_digits() {
        assert_eq!(normalize_rna("W751234567").as_deref(), Ok("W751234567"));
        assert_eq!(
            normalize_rna(" w 751 234 567 ").as_deref(),
            Ok("W751234567")
        );
        assert_eq!(normalize_rna("W2A1234567").as_deref(), Ok("W2A1234567"));
        assert_eq!(normalize_rna("w2b2001234").as_deref(), Ok("W2B2001234"));
    }

    #[test]
    fn rna_accepts_overseas_greffes_and_pasted_separators() {
        // Overseas departments: 97x, all digits, or « 9 » and a letter.
        assert_eq!(normalize_rna("W974001234").as_deref(), Ok("W974001234"));
        assert_eq!(normalize_rna("W9R2001234").as_deref(), Ok("W9R2001234"));
        assert_eq!(normalize_rna("W9M1000456").as_deref(), Ok("W9M1000456"));
        // As pasted from a receipt or a web page.
        for typed in [
            "W75.123.4567",
            "W-751-234-567",
            "W\u{a0}751\u{a0}234\u{a0}567",
            "W\u{202f}751\u{202f}234\u{202f}567",
        ] {
            assert_eq!(normalize_rna(typed).as_deref(), Ok("W751234567"), "{typed}");
        }
    }

    #[test]
    fn rna_refuses_bad_shapes_in_french() {
        for bad in [
            "751234567",
            "W75123456",
            "W7512345678",
            "W75123456X",
            "X751234567",
            "W2C1234567",
            "WA21234567",
            "W9R200123A",
            "W99",
            "",
        ] {
            let err = normalize_rna(bad).expect_err(bad);
            assert!(err.contains("W"), "{bad}: {err}");
            assert!(err.contains("9 chiffres"), "{bad}: {err}");
        }
    }

    #[test]
    fn luhn_known_values() {
        assert!(luhn_valid("732829320"));
        assert!(luhn_valid("73282932000074"));
        assert!(!luhn_valid("732829321"));
        assert!(!luhn_valid(""));
        assert!(!luhn_valid("12a"));
    }

    #[test]
    fn siren_and_siret_checksums() {
        assert_eq!(
            normalize_siren_or_siret("732 829 320").as_deref(),
            Ok("732829320")
        );
        assert_eq!(
            normalize_siren_or_siret("732 829 320 00074").as_deref(),
            Ok("73282932000074")
        );
        let err = normalize_siren_or_siret("732829321").expect_err("bad siren");
        assert!(err.contains("SIREN n’est pas valide"), "{err}");
        let err = normalize_siren_or_siret("73282932000075").expect_err("bad siret");
        assert!(err.contains("SIRET n’est pas valide"), "{err}");
        let err = normalize_siren_or_siret("1234").expect_err("length");
        assert_eq!(err, "Le SIREN compte 9 chiffres et le SIRET 14 chiffres.");
        let err = normalize_siren_or_siret("73282932A").expect_err("letters");
        assert!(err.contains("que des chiffres"), "{err}");
    }

    #[test]
    fn siret_is_accepted_with_the_separators_people_paste() {
        // As written on invoices and web pages.
        for typed in [
            "329 338 883 00153",
            "329.338.883.00153",
            "329-338-883-00153",
            "329\u{a0}338\u{a0}883\u{a0}00153",
            "329\u{202f}338\u{202f}883\u{202f}00153",
            " 32933888300153 ",
        ] {
            assert_eq!(
                normalize_siren_or_siret(typed).as_deref(),
                Ok("32933888300153"),
                "{typed:?}"
            );
        }
        assert_eq!(
            normalize_siren_or_siret("329.338.883 00153").as_deref(),
            Ok("32933888300153")
        );
        assert_eq!(
            normalize_siren_or_siret("329.338.883").as_deref(),
            Ok("329338883")
        );
    }

    #[test]
    fn la_poste_head_office_passes_with_its_luhn_key() {
        assert!(luhn_valid("35600000000048"));
        assert_eq!(
            normalize_siren_or_siret("356 000 000 00048").as_deref(),
            Ok("35600000000048")
        );
        assert_eq!(
            normalize_siren_or_siret("356000000").as_deref(),
            Ok("356000000")
        );
    }

    #[test]
    fn la_poste_establishments_may_use_their_own_rule() {
        // Digit sum 25: a multiple of 5, while the Luhn key does not hold.
        assert!(!luhn_valid("35600000052603"));
        assert_eq!(
            normalize_siren_or_siret("356 000 000 52603").as_deref(),
            Ok("35600000052603")
        );
        // Digit sum 30 and a valid Luhn key: either rule is enough.
        assert!(normalize_siren_or_siret("35600000049201").is_ok());
        // Neither rule.
        assert!(!luhn_valid("35600000049202"));
        assert!(normalize_siren_or_siret("35600000049202").is_err());
        // The digit-sum rule is La Poste's alone: another SIREN with a sum of 30 fails.
        assert!(!luhn_valid("73282932000040"));
        assert!(normalize_siren_or_siret("73282932000040").is_err());
    }

    #[test]
    fn iban_mod97_with_the_countries_lengths() {
        assert_eq!(
            normalize_iban("FR76 3000 6000 0112 3456 7890 189").as_deref(),
            Ok("FR7630006000011234567890189")
        );
        assert_eq!(
            normalize_iban("fr76\u{a0}3000\u{a0}6000\u{a0}0112\u{a0}3456\u{a0}7890\u{a0}189")
                .as_deref(),
            Ok("FR7630006000011234567890189")
        );
        // Belgium (16), Germany (22), Switzerland (21), Luxembourg (20), Spain (24),
        // Italy (27), Monaco (27): the registry's examples.
        for (typed, stored) in [
            ("BE68 5390 0754 7034", "BE68539007547034"),
            ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
            ("CH93 0076 2011 6238 5295 7", "CH9300762011623852957"),
            ("LU28 0019 4006 4475 0000", "LU280019400644750000"),
            ("ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332"),
            (
                "IT60 X054 2811 1010 0000 0123 456",
                "IT60X0542811101000000123456",
            ),
            (
                "MC58 1122 2000 0101 2345 6789 030",
                "MC5811222000010123456789030",
            ),
            ("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"),
        ] {
            assert_eq!(normalize_iban(typed).as_deref(), Ok(stored), "{typed}");
        }
    }

    #[test]
    fn iban_errors_say_what_is_wrong() {
        let wrong_key = normalize_iban("FR76 3000 6000 0112 3456 7890 188").expect_err("key");
        assert!(wrong_key.contains("clé de contrôle"), "{wrong_key}");
        let swapped = normalize_iban("BE68 5390 0754 7043").expect_err("swapped");
        assert!(swapped.contains("clé de contrôle"), "{swapped}");
        let short = normalize_iban("FR76 3000 6000 0112 3456 7890 18").expect_err("short");
        assert_eq!(
            short,
            "Un IBAN commençant par FR compte 27 caractères (26 saisis)."
        );
        let other = normalize_iban("NO12 3456").expect_err("other country, short");
        assert_eq!(other, "Un IBAN compte de 15 à 34 caractères (8 saisis).");
        // A country code no IBAN has: said before the key, which cannot be right either.
        let unknown = normalize_iban("XX82 3000 6000 0112 3456 7890 189").expect_err("XX");
        assert_eq!(
            unknown,
            "Un IBAN commence par le code de son pays\u{a0}; «\u{a0}XX\u{a0}» n’est le code \
             d’aucun pays qui emploie l’IBAN. Vérifiez les deux premières lettres (FR pour la \
             France)."
        );
        // Every registry country is accepted with its own key (Norway's shortest IBAN).
        assert_eq!(
            normalize_iban("NO93 8601 1117 947").as_deref(),
            Ok("NO9386011117947")
        );
        let shape = normalize_iban("3000 6000 0112").expect_err("no country");
        assert!(shape.contains("code du pays"), "{shape}");
        let symbol = normalize_iban("FR76*3000").expect_err("symbol");
        assert!(
            symbol.contains("que des lettres et des chiffres"),
            "{symbol}"
        );
        assert!(normalize_iban("").is_err());
    }

    #[test]
    fn iban_is_printed_by_groups_of_four_that_never_break() {
        assert_eq!(
            format_iban("FR7630006000011234567890189"),
            "FR76\u{a0}3000\u{a0}6000\u{a0}0112\u{a0}3456\u{a0}7890\u{a0}189"
        );
        assert_eq!(
            format_iban("BE68539007547034"),
            "BE68\u{a0}5390\u{a0}0754\u{a0}7034"
        );
        assert_eq!(format_iban(""), "");
    }

    #[test]
    fn bic_has_8_or_11_characters() {
        assert_eq!(normalize_bic("bnpa fr pp").as_deref(), Ok("BNPAFRPP"));
        assert_eq!(normalize_bic("BNPAFRPPXXX").as_deref(), Ok("BNPAFRPPXXX"));
        assert_eq!(normalize_bic("GEBABEBB").as_deref(), Ok("GEBABEBB"));
        for bad in [
            "BNPAFRP",
            "BNPAFRPPXX",
            "BNPA12PP",
            "BNPA-FR-PP-XXX-1",
            "BNPAFRP*",
        ] {
            let err = normalize_bic(bad).expect_err(bad);
            assert!(err.contains("8 ou 11"), "{bad}: {err}");
        }
    }
}
