//! Paths given on the command line: a missing file, a folder instead of a file, and an
//! export over an existing file are refused with a French sentence (no « os error »
//! from the system), and `export --force` replaces the file.

use std::path::Path;

mod common;
use common::{allia, demo_vault, path, stderr};

/// The command failed with one French line and no English from the system.
fn refused_in_french(output: &std::process::Output, expected: &str) {
    let err = stderr(output);
    assert!(!output.status.success(), "{err}");
    assert!(err.contains(expected), "{err}");
    assert!(!err.contains("os error"), "{err}");
    assert!(!err.contains("No such file"), "{err}");
    assert!(!err.contains("Is a directory"), "{err}");
}

#[test]
fn import_of_a_missing_file_or_a_folder_says_so_in_french() {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = dir.path().join("coffre");
    let missing = dir.path().join("absent.json");
    let imported = allia(&["import", "--vault", path(&vault), "--input", path(&missing)]);
    refused_in_french(
        &imported,
        &format!("Fichier introuvable\u{a0}: {}", missing.display()),
    );

    let imported = allia(&[
        "import",
        "--vault",
        path(&vault),
        "--input",
        path(dir.path()),
    ]);
    refused_in_french(
        &imported,
        &format!("{} est un dossier, pas un fichier", dir.path().display()),
    );

    let validated = allia(&["validate", path(&missing)]);
    refused_in_french(&validated, "Fichier introuvable");

    // A backup to restore, likewise.
    let restored = allia(&[
        "restore",
        "--vault",
        path(&vault),
        "--input",
        path(&missing),
        "--oui",
    ]);
    refused_in_french(
        &restored,
        &format!("Fichier introuvable\u{a0}: {}", missing.display()),
    );
    let restored = allia(&[
        "restore",
        "--vault",
        path(&vault),
        "--input",
        path(dir.path()),
        "--oui",
    ]);
    refused_in_french(&restored, "est un dossier, pas un fichier");
    assert!(!vault.exists(), "nothing created");
}

fn export(vault: &Path, id: &str, out: &Path, force: bool) -> std::process::Output {
    let mut args = vec![
        "export",
        "--vault",
        path(vault),
        "--alliance",
        id,
        "--out",
        path(out),
    ];
    if force {
        args.push("--force");
    }
    allia(&args)
}

#[test]
fn export_refuses_an_existing_file_unless_forced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, id) = demo_vault(dir.path());
    let out = dir.path().join("alliance.json");
    std::fs::write(&out, "mes notes").expect("write");

    let refused = export(&vault, &id, &out, false);
    refused_in_french(
        &refused,
        &format!(
            "{} existe déjà\u{a0}: choisissez un autre nom, ou relancez avec --force pour le remplacer.",
            out.display()
        ),
    );
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "mes notes",
        "the file is untouched"
    );

    let forced = export(&vault, &id, &out, true);
    assert!(forced.status.success(), "{}", stderr(&forced));
    let json = std::fs::read_to_string(&out).expect("read");
    assert!(allia_core::read_alliance_file(json.as_bytes()).is_ok());

    // A folder is never written over, even with --force.
    let folder = export(&vault, &id, dir.path(), true);
    refused_in_french(&folder, "est un dossier, pas un fichier");
}

#[test]
fn a_file_written_into_a_missing_folder_names_the_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, id) = demo_vault(dir.path());
    let folder = dir.path().join("absent");
    for name in ["rapport.docx", "rapport.pdf"] {
        let out = folder.join(name);
        let rendered = allia(&[
            "render",
            "--vault",
            path(&vault),
            "--alliance",
            &id,
            "--document",
            "evaluation",
            "--out",
            path(&out),
        ]);
        refused_in_french(
            &rendered,
            &format!(
                "le dossier {} n’existe pas\u{a0}: créez-le ou choisissez un autre dossier.",
                folder.display()
            ),
        );
    }
    let exported = export(&vault, &id, &folder.join("alliance.json"), false);
    refused_in_french(&exported, "le dossier");
    assert!(!folder.exists(), "nothing created");
}

#[test]
fn an_alliance_is_named_by_its_id_or_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, id) = demo_vault(dir.path());
    // Case, accents and spaces as typed in a hurry.
    let typed = "service partage du val de brenne";
    let by_name = dir.path().join("par-nom.json");
    let out = allia(&[
        "export",
        "--vault",
        path(&vault),
        "--alliance",
        typed,
        "--out",
        path(&by_name),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let by_id = dir.path().join("par-id.json");
    assert!(export(&vault, &id, &by_id, false).status.success());
    let alliance_id = |p: &Path| {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(p).expect("read")).expect("JSON");
        json["alliance"]["id"].as_str().map(str::to_string)
    };
    assert_eq!(alliance_id(&by_name), Some(id.clone()));
    assert_eq!(alliance_id(&by_id), Some(id.clone()));

    let report = dir.path().join("rapport.pdf");
    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        typed,
        "--document",
        "evaluation",
        "--out",
        path(&report),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let convention = dir.path().join("convention.pdf");
    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        typed,
        "--document",
        "convention",
        "--out",
        path(&convention),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    let unknown = export(
        &vault,
        "Alliance inconnue",
        &dir.path().join("x.json"),
        false,
    );
    refused_in_french(
        &unknown,
        "aucune alliance de ce coffre n’a l’identifiant ou le nom «\u{a0}Alliance inconnue\u{a0}»",
    );
}
