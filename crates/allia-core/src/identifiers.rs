//! French organisation identifiers: RNA (répertoire national des associations),
//! SIREN (9 digits) and SIRET (14 digits), both protected by a Luhn checksum.

/// SIREN of La Poste: its establishments' SIRET numbers use a different checksum.
const LA_POSTE_SIREN: &str = "356000000";

/// Normalises an RNA number (trim, upper case, no spaces) and checks its shape:
/// « W » followed by 9 characters, digits except a Corsican department (2A, 2B).
pub fn normalize_rna(input: &str) -> Result<String, &'static str> {
    let rna: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let rest = rna.strip_prefix('W').ok_or(
        "Le numéro RNA commence par la lettre W, suivie de 9 chiffres (exemple : W751234567).",
    )?;
    let chars: Vec<char> = rest.chars().collect();
    let corsica = chars.len() == 9 && chars[0] == '2' && matches!(chars[1], 'A' | 'B');
    let digits_ok = chars
        .iter()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || (corsica && i == 1));
    if chars.len() != 9 || !digits_ok {
        return Err(
            "Le numéro RNA doit comporter la lettre W suivie de 9 chiffres (exemple : W751234567).",
        );
    }
    Ok(rna)
}

/// Normalises a SIREN (9 digits) or SIRET (14 digits), ignoring spaces, and checks
/// its Luhn key.
pub fn normalize_siren_or_siret(input: &str) -> Result<String, &'static str> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err("Le SIREN ou le SIRET ne contient que des chiffres (9 pour le SIREN, 14 pour le SIRET).");
    }
    match digits.len() {
        9 => {
            if luhn_valid(&digits) {
                Ok(digits)
            } else {
                Err("Ce numéro SIREN n’est pas valide : vérifiez les 9 chiffres (la clé de contrôle ne correspond pas).")
            }
        }
        14 => {
            let siren = &digits[..9];
            let valid = if siren == LA_POSTE_SIREN {
                digit_sum(&digits).is_multiple_of(5)
            } else {
                luhn_valid(siren) && luhn_valid(&digits)
            };
            if valid {
                Ok(digits)
            } else {
                Err("Ce numéro SIRET n’est pas valide : vérifiez les 14 chiffres (la clé de contrôle ne correspond pas).")
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
    }

    #[test]
    fn rna_refuses_bad_shapes_in_french() {
        for bad in [
            "751234567",
            "W75123456",
            "W7512345678",
            "W75123456X",
            "X751234567",
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
    fn la_poste_establishments_use_their_own_rule() {
        // Digit sum 30: a multiple of 5.
        assert!(normalize_siren_or_siret("35600000049201").is_ok());
        assert!(normalize_siren_or_siret("35600000049202").is_err());
    }
}
