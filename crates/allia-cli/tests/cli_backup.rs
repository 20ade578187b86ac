//! `allia backup`, `allia restore`, `allia check` on real vaults: a backup taken, the
//! vault changed, the backup restored after its preview; a damaged vault reported.

use std::path::Path;
use std::process::{Command, Output};

const PASS: &str = "girafe violette sous la pluie de Lyon";

fn allia(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_allia"))
        .args(args)
        .env("ALLIA_PASSPHRASE", PASS)
        .output()
        .expect("run allia")
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

#[test]
fn backup_change_restore_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = dir.path().join("coffre");
    assert!(allia(&["init", "--vault", path(&vault)]).status.success());
    assert!(allia(&["demo", "--vault", path(&vault)]).status.success());

    let out = allia(&["check", "--vault", path(&vault)]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("Coffre intact"), "{stdout}");

    let file = dir.path().join("lundi.allia-sauvegarde");
    let out = allia(&["backup", "--vault", path(&vault), "--out", path(&file)]);
    assert!(out.status.success(), "{}", text(&out).1);
    assert!(file.is_file());

    // A second alliance after the backup (the demo loads once per vault: imported)…
    let second = dir.path().join("albatros.json");
    std::fs::write(
        &second,
        r#"{ "format": 1, "profile": null,
             "alliance": { "name": "Alliance Albatros", "purpose": null, "territory": null, "startDate": null, "status": "active" },
             "partners": [] }"#,
    )
    .expect("write");
    let out = allia(&["import", "--vault", path(&vault), "--input", path(&second)]);
    assert!(out.status.success(), "{}", text(&out).1);
    let listed = text(&allia(&["list", "--vault", path(&vault)])).0;
    assert_eq!(listed.lines().count(), 2);

    // …is gone after the restore, whose preview names what the backup holds.
    let out = allia(&[
        "restore",
        "--vault",
        path(&vault),
        "--input",
        path(&file),
        "--oui",
    ]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("Elle contient 1 alliance(s), 5 partenaire(s)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Service partagé du Val de Brenne"),
        "{stdout}"
    );
    assert!(stdout.contains("Sauvegarde restaurée"), "{stdout}");
    let listed = text(&allia(&["list", "--vault", path(&vault)])).0;
    assert_eq!(listed.lines().count(), 1, "{listed}");

    // Without a terminal and without --oui nothing is replaced.
    let out = allia(&["restore", "--vault", path(&vault), "--input", path(&file)]);
    assert!(!out.status.success());
    assert!(text(&out).1.contains("--oui"), "{}", text(&out).1);

    // Not a backup: one line of French.
    let other = dir.path().join("notes.txt");
    std::fs::write(&other, "bonjour").expect("write");
    let out = allia(&[
        "restore",
        "--vault",
        path(&vault),
        "--input",
        path(&other),
        "--oui",
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out).1.contains("n’est pas une sauvegarde Allia"),
        "{}",
        text(&out).1
    );
}

#[test]
fn check_reports_a_damaged_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = dir.path().join("coffre");
    assert!(allia(&["init", "--vault", path(&vault)]).status.success());
    assert!(allia(&["demo", "--vault", path(&vault)]).status.success());
    let db = vault.join("allia.vault");
    let mut bytes = std::fs::read(&db).expect("db");
    let at = bytes.len() - 1000;
    bytes[at] ^= 0x10;
    std::fs::write(&db, &bytes).expect("flip");
    let out = allia(&["check", "--vault", path(&vault)]);
    assert!(!out.status.success());
    assert!(
        text(&out).1.contains("Le coffre est endommagé"),
        "{}",
        text(&out).1
    );
    // An emptied file is damage too, never a new empty vault.
    std::fs::write(&db, b"").expect("empty");
    let out = allia(&["list", "--vault", path(&vault)]);
    assert!(!out.status.success());
    assert!(text(&out).1.contains("Le coffre est endommagé"));
    assert_eq!(std::fs::metadata(&db).expect("meta").len(), 0);
}
