//! `allia validate` on a file whose values do not fit the shape in several records:
//! every problem printed, each with its place and its path, and a failing exit code;
//! a file that is not an alliance file at all says what to do.

use std::path::{Path, PathBuf};

mod common;
use common::{allia, path, stderr};

/// Exports the demo alliance of a new vault under `dir`, as JSON.
fn exported(dir: &Path) -> (PathBuf, serde_json::Value) {
    let (vault, id) = common::demo_vault(dir);
    let file = dir.join("alliance.json");
    let out = allia(&[
        "export",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--out",
        path(&file),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value = serde_json::from_slice(&std::fs::read(&file).expect("export")).expect("json");
    (file, value)
}

#[test]
fn validate_prints_every_shape_problem_with_its_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, mut value) = exported(dir.path());
    assert!(value["partners"].as_array().map_or(0, Vec::len) >= 3);
    value["alliance"]["startDate"] = "01/12/2025".into();
    value["partners"][1]["organisation"]["name"] = 42.into();
    value["partners"][2]["role"] = "chef".into();
    std::fs::write(&file, serde_json::to_vec_pretty(&value).expect("json")).expect("write");

    let out = allia(&["validate", path(&file)]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("(3 problèmes)"), "{err}");
    for line in [
        "  alliance, date de début\u{a0}: date attendue au format AAAA-MM-JJ (par exemple 2025-12-01) (alliance.startDate)",
        "  partenaire 2, nom\u{a0}: valeur d’un type inattendu (texte attendu) (partners.2.organisation.name)",
        "  partenaire 3, rôle dans l’alliance\u{a0}: valeur « chef » inconnue (partners.3.role)",
    ] {
        assert!(err.lines().any(|l| l == line), "missing {line:?} in:\n{err}");
    }
}

#[test]
fn validate_says_what_to_do_with_a_file_that_is_not_an_alliance_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "vide.json",
            b"",
            "Le fichier est vide\u{a0}: ce n’est pas un fichier d’alliance.",
        ),
        (
            "liste.json",
            b"[1, 2, 3]",
            "un objet { … } avec « format », « alliance » et « partners » est attendu.",
        ),
        (
            "latin1.json",
            b"{\"format\": 2, \"alliance\": {\"name\": \"F\xEAte\"}}",
            "Ce fichier n’est pas encodé en UTF-8 (octet illisible ligne 1, colonne 38)\u{a0}: enregistrez-le en UTF-8 depuis votre éditeur.",
        ),
    ];
    for (name, content, expected) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, content).expect("write");
        let out = allia(&["validate", path(&file)]);
        assert!(!out.status.success(), "{name}");
        let err = stderr(&out);
        assert!(err.contains(expected), "{name}: {err}");
    }
}

#[test]
fn validate_reads_a_utf16_file_as_powershell_writes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (file, value) = exported(dir.path());
    let text = serde_json::to_string_pretty(&value).expect("json");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&file, utf16).expect("write");
    let out = allia(&["validate", path(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
}
