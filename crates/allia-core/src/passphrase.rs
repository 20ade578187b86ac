//! The rule for a vault passphrase: long enough and hard to guess. The strength
//! indicator and the refusal use the same assessment, so they never disagree.

use serde::{Deserialize, Serialize};

use crate::validation::{french_count, ValidationErrors};

pub const MIN_CHARS: usize = 10;
/// Longest passphrase accepted, in characters: far beyond any real one, and a bound on
/// what key derivation and the strength assessment are given.
pub const MAX_CHARS: usize = 1024;
/// How many leading characters the strength estimate looks at: zxcvbn's cost grows
/// faster than the length, and it reads no further itself.
const SCORED_CHARS: usize = 100;
/// zxcvbn score (0–4) a passphrase must reach.
pub const MIN_SCORE: u8 = 3;

/// How strong a passphrase is, for the indicator and the refusal message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PassphraseAssessment {
    /// 0 (très faible) to 4 (excellente).
    pub score: u8,
    pub label: String,
    pub acceptable: bool,
    /// Why it is refused, or a hint to make it stronger.
    pub message: Option<String>,
}

/// Scores a passphrase (zxcvbn, on its first 100 characters) and says whether the
/// vault accepts it: at least [`MIN_CHARS`] and at most [`MAX_CHARS`] characters, and
/// a score of at least [`MIN_SCORE`]. Cheap on any input: linear in its length.
pub fn assess_passphrase(passphrase: &str) -> PassphraseAssessment {
    let chars = passphrase.chars().count();
    let score: u8 = if passphrase.is_empty() {
        0
    } else if chars > SCORED_CHARS {
        let scored: String = passphrase.chars().take(SCORED_CHARS).collect();
        zxcvbn::zxcvbn(&scored, &[]).score().into()
    } else {
        zxcvbn::zxcvbn(passphrase, &[]).score().into()
    };
    let label = match score {
        0 => "Très faible",
        1 => "Faible",
        2 => "Moyenne",
        3 => "Bonne",
        _ => "Excellente",
    };
    let message = if chars < MIN_CHARS {
        Some(format!(
            "Au moins {MIN_CHARS} caractères ({chars} pour l’instant). Une courte phrase de plusieurs mots est facile à retenir."
        ))
    } else if chars > MAX_CHARS {
        Some(format!(
            "Phrase de passe trop longue\u{a0}: {} caractères au plus ({} saisis).",
            french_count(MAX_CHARS),
            french_count(chars)
        ))
    } else if score < MIN_SCORE {
        Some(
            "Trop facile à deviner\u{a0}: ajoutez des mots peu courants, ou allongez la phrase."
                .to_string(),
        )
    } else {
        None
    };
    PassphraseAssessment {
        score,
        label: label.into(),
        acceptable: message.is_none(),
        message,
    }
}

/// Checks a new passphrase and its confirmation before a vault is created or re-keyed.
pub fn check_new_passphrase(passphrase: &str, confirmation: &str) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let assessment = assess_passphrase(passphrase);
    if let Some(message) = assessment.message {
        errors.push("passphrase", message);
    } else if passphrase.chars().any(char::is_control) {
        // A tab or a line break typed in a terminal cannot be typed again in the app.
        errors.push(
            "passphrase",
            "La phrase de passe ne peut pas contenir de tabulation, de retour à la ligne ni d’autre caractère de contrôle.",
        );
    }
    if passphrase != confirmation {
        errors.push(
            "confirmation",
            "Les deux phrases de passe ne sont pas identiques.",
        );
    }
    errors.into_result(())
}

/// Checks a passphrase change before anything is derived: the current passphrase is
/// given, the new one differs from it (as typed; the vault compares Unicode forms when it
/// unwraps), and the new one passes [`check_new_passphrase`]. Errors name the fields
/// `current`, `passphrase` and `confirmation`.
pub fn check_passphrase_change(
    current: &str,
    passphrase: &str,
    confirmation: &str,
) -> Result<(), ValidationErrors> {
    let mut errors = match check_new_passphrase(passphrase, confirmation) {
        Ok(()) => ValidationErrors::default(),
        Err(errors) => errors,
    };
    if current.is_empty() {
        errors.push("current", "Saisissez votre phrase de passe actuelle.");
    } else if current == passphrase {
        errors.push(
            "passphrase",
            "Choisissez une nouvelle phrase de passe, différente de l’actuelle.",
        );
    }
    errors.into_result(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused() {
        let pass = "girafe violette\tsous la pluie de Lyon";
        let err = check_new_passphrase(pass, pass).expect_err("tab");
        assert_eq!(err.0[0].field, "passphrase");
        assert!(err.0[0].message.contains("caractère de contrôle"));
    }

    #[test]
    fn short_passphrase_is_refused_with_the_count() {
        let a = assess_passphrase("Xq9!zr");
        assert!(!a.acceptable);
        assert_eq!(
            a.message.as_deref(),
            Some("Au moins 10 caractères (6 pour l’instant). Une courte phrase de plusieurs mots est facile à retenir.")
        );
    }

    #[test]
    fn common_long_passphrase_is_weak() {
        let a = assess_passphrase("password123");
        assert!(!a.acceptable);
        assert!(a.score < MIN_SCORE);
        assert_eq!(
            a.message.as_deref(),
            Some("Trop facile à deviner : ajoutez des mots peu courants, ou allongez la phrase.")
        );
    }

    #[test]
    fn a_few_uncommon_words_are_accepted() {
        let a = assess_passphrase("girafe violette sous la pluie de Lyon");
        assert!(a.acceptable, "{a:?}");
        assert!(a.score >= 3);
        assert!(a.message.is_none());
    }

    #[test]
    fn accents_count_as_one_character() {
        assert_eq!(
            assess_passphrase("éééééééé")
                .message
                .as_deref()
                .map(|m| m.contains("(8 pour")),
            Some(true)
        );
    }

    #[test]
    fn confirmation_must_match() {
        let err = check_new_passphrase("girafe violette sous la pluie", "girafe violette")
            .expect_err("mismatch");
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].field, "confirmation");
        assert_eq!(
            err.0[0].message,
            "Les deux phrases de passe ne sont pas identiques."
        );
        let err = check_new_passphrase("court", "court").expect_err("short");
        assert_eq!(err.0[0].field, "passphrase");
        assert!(check_new_passphrase(
            "girafe violette sous la pluie",
            "girafe violette sous la pluie"
        )
        .is_ok());
    }

    #[test]
    fn too_long_passphrase_is_refused_with_the_count() {
        let at_cap = "girafe violette sous la pluie de Lyon ".repeat(30);
        let at_cap: String = at_cap.chars().take(MAX_CHARS).collect();
        assert!(assess_passphrase(&at_cap).acceptable);
        let over = format!("{at_cap}x");
        let a = assess_passphrase(&over);
        assert!(!a.acceptable);
        assert_eq!(
            a.message.as_deref(),
            Some("Phrase de passe trop longue\u{a0}: 1\u{202f}024 caractères au plus (1\u{202f}025 saisis).")
        );
        let err = check_new_passphrase(&over, &over).expect_err("too long");
        assert_eq!(err.0[0].field, "passphrase");
    }

    #[test]
    fn a_huge_passphrase_is_assessed_quickly() {
        let huge = "é9!".repeat(1_000_000);
        let started = std::time::Instant::now();
        let a = assess_passphrase(&huge);
        assert!(!a.acceptable);
        assert!(a
            .message
            .as_deref()
            .is_some_and(|m| m.contains("3\u{202f}000\u{202f}000 saisis")));
        // Generous for a debug build on a busy machine; unbounded scoring takes minutes.
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn empty_passphrase() {
        let a = assess_passphrase("");
        assert_eq!(a.score, 0);
        assert_eq!(a.label, "Très faible");
        assert!(!a.acceptable);
    }

    #[test]
    fn a_change_needs_the_current_passphrase_and_a_different_one() {
        let new = "girafe violette sous la pluie de Lyon";
        let err = check_passphrase_change("", new, new).expect_err("empty current");
        assert_eq!(err.0[0].field, "current");
        assert_eq!(
            err.0[0].message,
            "Saisissez votre phrase de passe actuelle."
        );
        let err = check_passphrase_change(new, new, new).expect_err("same");
        assert_eq!(err.0[0].field, "passphrase");
        assert!(err.0[0].message.contains("différente de l’actuelle"));
        assert!(check_passphrase_change("ancienne phrase du coffre", new, new).is_ok());
        let err = check_passphrase_change("ancienne", new, "autre").expect_err("confirmation");
        assert_eq!(err.0[0].field, "confirmation");
    }
}
