//! The recovery kit read back with poppler's tools: one A4 page, the key exactly as the
//! app shows it, the date, the association and the instructions.

#[path = "common/pdf_tools.rs"]
mod pdf_tools;

use std::path::{Path, PathBuf};

use allia_core::organisation::NAME_MAX;
use allia_docs::kit::{self, KitContent};
use chrono::NaiveDate;
use pdf_tools::{tool, write};

/// Crockford's base 32, as the vault writes recovery keys.
const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A key shaped like the vault's: 52 characters in 13 dash-joined groups of 4, from a
/// seeded generator so a failure can be replayed.
fn recovery_key(seed: u64) -> String {
    let mut state = seed;
    let chars: Vec<char> = (0..52)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            char::from(ALPHABET[(state >> 59) as usize])
        })
        .collect();
    chars
        .chunks(4)
        .map(|g| g.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

fn created() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date")
}

/// Renders the kit into `dir`; with ALLIA_SAMPLE_DIR set, also keeps a copy to look at.
fn render(dir: &Path, name: &str, content: &KitContent<'_>) -> PathBuf {
    write(dir, name, &kit::render_pdf(content).expect("render kit"))
}

fn text(path: &Path) -> String {
    pdf_tools::text(path, &["-layout"])
}

/// Text with every kind of space and every hyphen removed: line breaks, justification
/// and hyphenation then cannot hide a sentence.
fn squashed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// The extracted words, spaces of every kind as separators.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Asserts the key's 13 groups are extracted once, in order, as whole words, each
/// printed row of five groups on one line.
fn assert_key_extracted(extracted: &str, key: &str) {
    let groups: Vec<String> = key.split('-').map(str::to_string).collect();
    assert_eq!(groups.len(), 13);
    let found = words(extracted)
        .windows(groups.len())
        .filter(|window| *window == groups.as_slice())
        .count();
    assert_eq!(
        found, 1,
        "the key {key} is not extracted exactly once:\n{extracted}"
    );
    for row in groups.chunks(5) {
        assert!(
            extracted.lines().any(|line| words(line) == row),
            "row {row:?} not on one line:\n{extracted}"
        );
    }
}

fn pages_and_size(path: &Path) -> (usize, String) {
    let info = tool("pdfinfo", &[], path);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("page size")
        .trim()
        .to_string();
    (pages, size)
}

#[test]
fn the_kit_is_one_a4_page_with_the_key_the_date_and_the_instructions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = recovery_key(7);
    let path = render(
        dir.path(),
        "kit-de-recuperation.pdf",
        &KitContent {
            recovery_key: &key,
            created: created(),
            association: Some("Les Amis du Quartier"),
        },
    );

    let (pages, size) = pages_and_size(&path);
    assert_eq!(pages, 1);
    assert_eq!(size, "595.28 x 841.89 pts (A4)");

    let extracted = text(&path);
    assert_key_extracted(&extracted, &key);
    let flat = squashed(&extracted);
    for expected in [
        "Kit de récupération Allia",
        "Les Amis du Quartier",
        "Créé le 26 novembre 2026.",
        "Votre clé de récupération : des chiffres et des majuscules, sans I, L, O ni U.",
        // What the key is and what it opens.
        "Elle remplace la phrase de passe du coffre Allia de l’association. Elle l’ouvre :",
        "quand la phrase de passe a été oubliée",
        "quand le fichier « allia.vault.keys » a été perdu ou endommagé",
        "cette clé et le fichier du coffre suffisent",
        "pour ouvrir une sauvegarde du coffre (« Restaurer depuis… », dans les Paramètres)",
        // How to use it.
        "Sur l’écran de déverrouillage, cliquez sur « Phrase de passe oubliée ? ».",
        "Tapez la clé ci-dessus.",
        "Choisissez une nouvelle phrase de passe : le coffre s’ouvre.",
        // Where to keep it.
        "Imprimez cette page et rangez-la dans un classeur fermé, loin de l’ordinateur.",
        "Ne l’envoyez jamais par e-mail",
        "Attention : quiconque possède cette clé et le fichier du coffre peut lire les données de l’association.",
        // To fill in by hand.
        "Fait le",
        "Rangé où :",
        "Kit de récupération Allia — confidentiel — Page 1 / 1",
    ] {
        assert!(
            flat.contains(&squashed(expected)),
            "« {expected} » missing from:\n{extracted}"
        );
    }

    let info = tool("pdfinfo", &[], &path);
    assert!(
        info.contains("Title:           Kit de récupération Allia"),
        "{info}"
    );
    assert!(
        !info.contains(&key[..9]),
        "the key must not be in the metadata"
    );
}

#[test]
fn the_widest_key_and_the_longest_association_name_still_fit_one_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The widest letters of the alphabet in every group.
    let key = ["WWWW", "MMMM", "WMWM", "MWMW"]
        .iter()
        .cycle()
        .take(13)
        .copied()
        .collect::<Vec<_>>()
        .join("-");
    // As long as the profile allows (allia_core::organisation::NAME_MAX characters).
    let words = "Association intercommunale pour le développement des solidarités ";
    let association: String = words.chars().cycle().take(NAME_MAX).collect();
    let path = render(
        dir.path(),
        "kit-large.pdf",
        &KitContent {
            recovery_key: &key,
            created: NaiveDate::from_ymd_opt(2027, 3, 1).expect("date"),
            association: Some(&association),
        },
    );
    assert_eq!(pages_and_size(&path).0, 1);
    let extracted = text(&path);
    assert_key_extracted(&extracted, &key);
    let flat = squashed(&extracted);
    assert!(flat.contains(&squashed("Créé le 1er mars 2027.")));
    assert!(flat.contains(&squashed("Rangé où :")));
}

#[test]
fn without_an_association_the_kit_names_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = recovery_key(3);
    let path = render(
        dir.path(),
        "kit-sans-association.pdf",
        &KitContent {
            recovery_key: &key,
            created: created(),
            association: None,
        },
    );
    let extracted = text(&path);
    assert_key_extracted(&extracted, &key);
    let title_lines: Vec<&str> = extracted
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(2)
        .collect();
    assert_eq!(
        title_lines,
        [
            "Kit de récupération Allia",
            "Créé le 26 novembre 2026. Document confidentiel, à imprimer et à ranger en lieu sûr."
        ]
    );
    assert!(tool("pdfinfo", &[], &path).contains("Author:          Allia"));
}

#[test]
fn the_same_kit_renders_to_the_same_bytes_and_another_key_differs() {
    let a = recovery_key(1);
    let b = recovery_key(2);
    let content = |key| KitContent {
        recovery_key: key,
        created: created(),
        association: None,
    };
    let first = kit::render_pdf(&content(&a)).expect("render");
    assert_eq!(first, kit::render_pdf(&content(&a)).expect("render"));
    assert_ne!(first, kit::render_pdf(&content(&b)).expect("render"));
}
