//! `allia render` names on stderr every character the PDF cannot print, with the field it
//! was typed in and its code, and still writes the file with exit code 0 (issue 10:
//! never a silent « ? »; sample rw-07 of ../shared/cases, copied into tests/data/cases).

use std::path::{Path, PathBuf};

mod common;
use common::{allia, path, stderr, stdout};

const CASE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/cases/rw-07-emoji-ecritures.json"
);

/// An Egyptian hieroglyph: no font of the PDF's chain is expected to have it.
const HIEROGLYPH: char = '\u{13000}';

fn case() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(CASE).expect("read the case")).expect("json")
}

fn write(dir: &Path, name: &str, value: &serde_json::Value) -> PathBuf {
    let to = dir.join(name);
    std::fs::write(&to, serde_json::to_string_pretty(value).expect("json")).expect("write");
    to
}

/// The line `allia render` prints for a character of a field.
fn item(field: &str, c: char) -> String {
    format!(
        "allia : à vérifier : {field}\u{a0}: le caractère «\u{a0}{c}\u{a0}» (U+{:04X}) ne peut \
         pas être imprimé dans le PDF, où il serait remplacé par un carré (aucune de ses polices ne \
         le contient). Remplacez-le ou transcrivez-le.",
        u32::from(c)
    )
}

/// The partners' names and representatives as the convention prints them, with the
/// place an item gives them: (« Partenaire 7 (…), nom du représentant », text).
fn partner_fields(file: &serde_json::Value) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    let partners = file["partners"].as_array().expect("partners");
    for (index, partner) in partners.iter().enumerate() {
        let organisation = &partner["organisation"];
        let name = organisation["name"].as_str().unwrap_or_default();
        let record = format!("Partenaire {} ({name})", index + 1);
        fields.push((format!("{record}, nom"), name.to_string()));
        if let Some(representative) = organisation["representativeName"].as_str() {
            fields.push((
                format!("{record}, nom du représentant"),
                representative.to_string(),
            ));
        }
    }
    fields
}

fn render_input(input: &Path, out: &Path) -> std::process::Output {
    allia(&[
        "render",
        "--input",
        path(input),
        "--document",
        "convention",
        "--out",
        path(out),
    ])
}

#[test]
fn every_character_the_pdf_lacks_is_named_on_stderr_and_the_pdf_is_still_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("convention.pdf");
    let rendered = render_input(Path::new(CASE), &out);
    let err = stderr(&rendered);
    // Warnings do not fail the command: the file is written, exit code 0.
    assert_eq!(rendered.status.code(), Some(0), "{err}");
    assert!(std::fs::metadata(&out).expect("written").len() > 0);
    assert!(stdout(&rendered).contains("convention.pdf"));

    let mut fields_named = 0;
    for (field, text) in partner_fields(&case()) {
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars() {
            if allia_docs::pdf::printable(c) {
                // A character some font draws is never reported.
                assert!(
                    !err.contains(&format!("«\u{a0}{c}\u{a0}»")),
                    "{c} is printable: {err}"
                );
            } else if !missing.contains(&c) {
                missing.push(c);
            }
        }
        if missing.is_empty() {
            continue;
        }
        // One line per field, naming its characters with their codes.
        let prefix = format!("allia : à vérifier : {field}\u{a0}:");
        let lines: Vec<&str> = err.lines().filter(|l| l.starts_with(&prefix)).collect();
        assert_eq!(lines.len(), 1, "{field}: {err}");
        fields_named += 1;
        if let [c] = missing.as_slice() {
            assert_eq!(lines[0], item(&field, *c));
            continue;
        }
        assert!(
            lines[0].contains(&format!(
                "{} caractères ne peuvent pas être imprimés dans le PDF",
                missing.len()
            )),
            "{}",
            lines[0]
        );
        for c in missing.iter().take(allia_docs::unprintable::LISTED) {
            assert!(
                lines[0].contains(&format!("«\u{a0}{c}\u{a0}» U+{:04X}", u32::from(*c))),
                "{c}: {}",
                lines[0]
            );
        }
    }
    // Each field once: no line is repeated.
    let about_characters: Vec<&str> = err.lines().filter(|l| l.contains("dans le PDF")).collect();
    let distinct: std::collections::BTreeSet<&str> = about_characters.iter().copied().collect();
    assert_eq!(about_characters.len(), distinct.len(), "{err}");
    assert!(about_characters.len() >= fields_named, "{err}");
}

#[test]
fn a_character_outside_every_font_is_named_from_a_file_and_from_the_vault() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut file = case();
    let representative = format!("Li Wei {HIEROGLYPH}");
    file["partners"][6]["organisation"]["representativeName"] = representative.clone().into();
    let input = write(dir.path(), "alliance.json", &file);
    let field =
        "Partenaire 7 (Association franco-chinoise d’entraide 华人互助会), nom du représentant";

    let out = dir.path().join("depuis-le-fichier.pdf");
    let rendered = render_input(&input, &out);
    assert_eq!(rendered.status.code(), Some(0), "{}", stderr(&rendered));
    assert!(out.exists());
    assert!(
        stderr(&rendered)
            .lines()
            .any(|l| l == item(field, HIEROGLYPH)),
        "{}",
        stderr(&rendered)
    );

    // The same item when the alliance is rendered from the vault it was imported into.
    let vault = dir.path().join("coffre");
    let init = allia(&["init", "--vault", path(&vault)]);
    assert!(init.status.success(), "{}", stderr(&init));
    let imported = allia(&["import", "--vault", path(&vault), "--input", path(&input)]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let listed = allia(&["list", "--vault", path(&vault)]);
    let id = stdout(&listed)
        .lines()
        .find(|l| l.contains("Service partagé du Val de Brenne"))
        .and_then(|l| l.split('\t').next())
        .unwrap_or_default()
        .to_string();
    assert!(!id.is_empty(), "{}", stdout(&listed));
    let out = dir.path().join("depuis-le-coffre.pdf");
    let rendered = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--document",
        "convention",
        "--out",
        path(&out),
    ]);
    assert_eq!(rendered.status.code(), Some(0), "{}", stderr(&rendered));
    assert!(out.exists());
    let err = stderr(&rendered);
    let line = err
        .lines()
        .find(|l| l.contains("U+13000"))
        .unwrap_or_else(|| panic!("no item for U+13000: {err}"));
    // In the vault the partners are in the store's order: the place names the partner.
    assert!(
        line.contains("Association franco-chinoise d’entraide 华人互助会), nom du représentant"),
        "{line}"
    );
}
