//! `allia export --encrypt` and the commands reading an encrypted alliance file: the
//! file is an age file (armored) that `import` and `render --input` open with
//! `ALLIA_IMPORT_PASSPHRASE`; a wrong passphrase fails in French and leaves the vault
//! and the file as they were.

use std::path::Path;
use std::process::{Command, Output};

mod common;

use common::{demo_vault, path, stderr, stdout, PASS};

const FILE_PASS: &str = "cerf-volant orange au-dessus de Tours";

/// Runs `allia` with the vault's passphrase and the extra variables `env`.
fn allia_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_allia"));
    command.args(args).env("ALLIA_PASSPHRASE", PASS);
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run allia")
}

fn new_vault(dir: &Path) -> String {
    let vault = dir.join("coffre-b");
    let out = allia_with(&["init", "--vault", path(&vault)], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    path(&vault).to_string()
}

fn alliance_list(vault: &str) -> String {
    let out = allia_with(&["list", "--vault", vault], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn an_encrypted_export_imports_with_its_passphrase_and_a_wrong_one_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let file = dir.path().join("brenne.alliance.age");
    let out = allia_with(
        &[
            "export",
            "--vault",
            path(&vault),
            "--alliance",
            &id,
            "--out",
            path(&file),
            "--encrypt",
        ],
        &[("ALLIA_EXPORT_PASSPHRASE", FILE_PASS)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains(
        "par un autre canal (téléphone, SMS), jamais dans le même e-mail que le fichier"
    ));
    let written = std::fs::read(&file).expect("written");
    assert!(written.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"));
    assert!(!String::from_utf8_lossy(&written).contains("Brenne"));

    let other = new_vault(dir.path());
    let before = alliance_list(&other);
    let out = allia_with(
        &["import", "--vault", &other, "--input", path(&file)],
        &[(
            "ALLIA_IMPORT_PASSPHRASE",
            "cerf-volant orange au-dessus de Blois",
        )],
    );
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim(),
        "allia : Phrase de passe incorrecte pour ce fichier chiffré."
    );
    assert_eq!(alliance_list(&other), before);
    assert_eq!(std::fs::read(&file).expect("read again"), written);

    let out = allia_with(
        &["import", "--vault", &other, "--input", path(&file)],
        &[("ALLIA_IMPORT_PASSPHRASE", FILE_PASS)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Brenne"), "{}", stdout(&out));
    assert!(alliance_list(&other).contains("Brenne"));

    // render --input reads the same way.
    let pdf = dir.path().join("convention.pdf");
    let out = allia_with(
        &[
            "render",
            "--input",
            path(&file),
            "--document",
            "convention",
            "--out",
            path(&pdf),
        ],
        &[("ALLIA_IMPORT_PASSPHRASE", FILE_PASS)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
}

#[test]
fn a_weak_export_passphrase_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let file = dir.path().join("faible.alliance.age");
    let out = allia_with(
        &[
            "export",
            "--vault",
            path(&vault),
            "--alliance",
            &id,
            "--out",
            path(&file),
            "--encrypt",
        ],
        &[("ALLIA_EXPORT_PASSPHRASE", "brenne")],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).starts_with("allia : phrase de passe\u{a0}: Au moins 10 caractères"),
        "{}",
        stderr(&out)
    );
    assert!(!file.exists());
}

#[test]
fn a_damaged_encrypted_file_is_refused_in_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let other = new_vault(dir.path());
    let file = dir.path().join("coupé.alliance.age");
    std::fs::write(
        &file,
        "-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IHNjcnlwdCBh\n",
    )
    .expect("write");
    let out = allia_with(
        &["import", "--vault", &other, "--input", path(&file)],
        &[("ALLIA_IMPORT_PASSPHRASE", FILE_PASS)],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Ce fichier chiffré est endommagé ou incomplet"),
        "{}",
        stderr(&out)
    );
    assert_eq!(alliance_list(&other), "");
}
