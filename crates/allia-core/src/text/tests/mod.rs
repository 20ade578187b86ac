//! Tests of the text rules themselves: composition, invisible and control characters,
//! spaces, line breaks and the collation key. What every validated path of the domain
//! does with text is in `validated.rs`.

use proptest::prelude::*;
use unicode_normalization::{is_nfc, UnicodeNormalization};

use super::*;

fn nfd(s: &str) -> String {
    s.nfd().collect()
}

#[test]
fn decomposed_accents_come_out_composed() {
    let typed = nfd("Hélène de Sèvres, Œuvre à Besançon");
    assert_ne!(typed, "Hélène de Sèvres, Œuvre à Besançon");
    for cleaned in [clean("name", &typed), clean_multiline("purpose", &typed)] {
        assert_eq!(cleaned.as_deref(), Ok("Hélène de Sèvres, Œuvre à Besançon"));
    }
}

#[test]
fn invisible_characters_are_removed_and_joiners_kept() {
    for (typed, kept) in [
        ("\u{feff}Comité des fêtes", "Comité des fêtes"),
        ("Comi\u{200b}té", "Comité"),
        ("Hé\u{ad}lène", "Hélène"),
        ("mot\u{2060}joint", "motjoint"),
        // The zero-width space between a letter and its accent no longer keeps them apart.
        ("Se\u{200b}\u{300}vres", "Sèvres"),
        // A right-to-left override cannot reorder a name.
        ("Li \u{202e}ieW\u{202c}", "Li ieW"),
        ("\u{2067}مريم\u{2069}", "مريم"),
        // Kept: emoji sequences, Persian non-joiner, direction marks.
        ("Équipe 👩\u{200d}💻", "Équipe 👩\u{200d}💻"),
        ("می\u{200c}خواهم", "می\u{200c}خواهم"),
        ("Café\u{200e}", "Café\u{200e}"),
    ] {
        assert_eq!(clean("name", typed).as_deref(), Ok(kept), "{typed:?}");
    }
}

#[test]
fn typographic_spaces_are_kept_and_odd_spaces_folded() {
    for (typed, kept) in [
        ("«\u{a0}Oui\u{a0}»", "«\u{a0}Oui\u{a0}»"),
        ("12\u{202f}500\u{a0}€", "12\u{202f}500\u{a0}€"),
        ("Val\u{2003}de\u{2009}Brenne", "Val de Brenne"),
        ("Val\u{3000}de\u{205f}Brenne", "Val de Brenne"),
        ("12\u{2007}500", "12\u{a0}500"),
    ] {
        assert_eq!(clean("name", typed).as_deref(), Ok(kept), "{typed:?}");
    }
}

#[test]
fn line_breaks_and_tabs_are_kept_only_in_multi_line_fields() {
    let typed = "Ligne 1\r\nLigne 2\rLigne 3\u{2028}Ligne 4\u{2029}\tFin";
    assert_eq!(
        clean_multiline("purpose", typed).as_deref(),
        Ok("Ligne 1\nLigne 2\nLigne 3\nLigne 4\n\tFin")
    );
    assert_eq!(
        clean("name", typed).as_deref(),
        Ok("Ligne 1 Ligne 2 Ligne 3 Ligne 4  Fin")
    );
}

#[test]
fn control_characters_are_refused_with_their_code_and_place() {
    for (typed, message) in [
        (
            "Comité des fêtes\u{7}",
            "Caractère de contrôle invisible (U+0007) dans ce texte, après «\u{a0}Comité des fêtes\u{a0}»\u{a0}: retirez-le.",
        ),
        (
            "\u{1b}[31mRouge",
            "Caractère de contrôle invisible (U+001B) au début de ce texte\u{a0}: retirez-le.",
        ),
        (
            "Une association au nom bien trop long pour\u{0}",
            "Caractère de contrôle invisible (U+0000) dans ce texte, après «\u{a0}…bien trop long pour\u{a0}»\u{a0}: retirez-le.",
        ),
        (
            "Se\u{300}vres\u{7f}",
            "Caractère de contrôle invisible (U+007F) dans ce texte, après «\u{a0}Sèvres\u{a0}»\u{a0}: retirez-le.",
        ),
        (
            "a\u{9b}b",
            "Caractère de contrôle invisible (U+009B) dans ce texte, après «\u{a0}a\u{a0}»\u{a0}: retirez-le.",
        ),
    ] {
        let error = clean("name", typed).expect_err(typed);
        assert_eq!(error.field, "name");
        assert_eq!(error.message, message, "{typed:?}");
    }
    let error = clean_multiline("purpose", "Première ligne\n\u{8}suite").expect_err("backspace");
    assert_eq!(error.field, "purpose");
    assert_eq!(
        error.message,
        "Caractère de contrôle invisible (U+0008) au début d’une ligne de ce texte\u{a0}: retirez-le."
    );
}

#[test]
fn collation_ignores_case_accents_ligatures_and_punctuation() {
    for (a, b) in [
        ("MAISON DES SOLIDARITES", "Maison des Solidarités"),
        ("Œuvre", "oeuvre"),
        ("Æther", "aether"),
        ("Straße", "STRASSE"),
        ("Comité des fêtes", "comite  des-fetes !"),
        ("l’Écluse", "L'ecluse"),
        ("Saint-Étienne", "saint etienne"),
        ("Ｌａｖａｌ", "laval"),
        ("ﬁlature", "filature"),
        ("Łódź", "lodz"),
        ("Hélène", &nfd("HÉLÈNE")),
        ("Hé\u{ad}lène", "helene"),
        ("ΣΟΦΟΣ", "σοφοσ"),
    ] {
        assert_eq!(collation_key(a), collation_key(b), "{a} / {b}");
        assert!(same_collated(a, b), "{a} / {b}");
    }
    assert_eq!(
        collation_key("  MAISON des Solidarités — Val-de-Brenne ! "),
        "maison des solidarites val de brenne"
    );
    assert_eq!(collation_key("Œuvre"), "oeuvre");
    assert_eq!(collation_key("Repair Café ☕ du Val"), "repair cafe du val");
    assert_eq!(collation_key("한국"), "한국");
    assert_eq!(collation_key("…"), "");
    assert!(!same_collated("…", "!"));
    assert!(!same_collated(
        "Comité des fêtes",
        "Comité des fêtes de Saunay"
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever is typed, a cleaned text is NFC and holds no control character but a
    /// tab or a line break (and those only in a multi-line field); cleaning it again
    /// changes nothing.
    #[test]
    fn cleaned_text_is_nfc_without_controls(typed in allia_test_support::arb_text()) {
        if let Ok(one_line) = clean("name", &typed) {
            prop_assert!(is_nfc(&one_line));
            prop_assert!(!one_line.chars().any(char::is_control), "{one_line:?}");
            prop_assert_eq!(clean("name", &one_line), Ok(one_line.clone()));
        }
        if let Ok(lines) = clean_multiline("purpose", &typed) {
            prop_assert!(is_nfc(&lines));
            prop_assert!(!lines.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            prop_assert!(!lines.contains('\r'));
            prop_assert_eq!(clean_multiline("purpose", &lines), Ok(lines.clone()));
        }
        // Refused only for a control character.
        if clean_multiline("purpose", &typed).is_err() {
            prop_assert!(typed.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')));
        }
    }

    /// The key is stable: applied to its own output it gives the same key.
    #[test]
    fn collation_key_is_idempotent(typed in allia_test_support::arb_text()) {
        let key = collation_key(&typed);
        prop_assert_eq!(collation_key(&key), key.clone());
        prop_assert_eq!(key.trim(), key.as_str());
        prop_assert!(!key.contains("  "));
    }
}

mod validated;
