//! The `allia` binary, run as a script would: real vaults in temp dirs, real files.

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

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

#[test]
fn init_demo_list_export_import() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = dir.path().join("coffre");
    let out = allia(&["init", "--vault", path(&vault)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Clé de récupération"));
    let key_line = stdout(&out).lines().last().unwrap_or_default().to_string();
    assert_eq!(
        key_line.split('-').count(),
        13,
        "recovery key printed: {key_line}"
    );

    let out = allia(&["demo", "--vault", path(&vault)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out)
        .split('\t')
        .next()
        .unwrap_or_default()
        .to_string();

    let out = allia(&["list", "--vault", path(&vault)]);
    assert!(stdout(&out).contains(&id));
    assert!(stdout(&out).contains("Service partagé du Val de Brenne\tActive\t5 partenaire(s)"));

    let file = dir.path().join("alliance.json");
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
    let json = std::fs::read_to_string(&file).expect("exported");
    assert!(json.contains("Maison des Solidarités du Val de Brenne"));

    let out = allia(&["import", "--vault", path(&vault), "--input", path(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = allia(&["list", "--vault", path(&vault)]);
    assert_eq!(stdout(&out).lines().count(), 2);
}

#[test]
fn bad_input_gives_one_french_line_and_a_failure_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = dir.path().join("coffre");
    assert!(allia(&["init", "--vault", path(&vault)]).status.success());

    let broken = dir.path().join("casse.json");
    std::fs::write(&broken, "{ \"format\": 1, ").expect("write");
    let out = allia(&["import", "--vault", path(&vault), "--input", path(&broken)]);
    assert!(!out.status.success());
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("n’est pas un fichier d’alliance valide"),
        "{}",
        stderr(&out)
    );

    let incomplete = dir.path().join("incomplet.json");
    std::fs::write(
        &incomplete,
        r#"{ "format": 1, "profile": null, "partners": [] }"#,
    )
    .expect("write");
    let out = allia(&[
        "import",
        "--vault",
        path(&vault),
        "--input",
        path(&incomplete),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("champ « alliance » manquant"),
        "{}",
        stderr(&out)
    );

    let invalid = dir.path().join("invalide.json");
    std::fs::write(
        &invalid,
        r#"{ "format": 1, "profile": null,
             "alliance": { "name": "", "purpose": null, "territory": null, "startDate": null, "status": "active" },
             "partners": [] }"#,
    )
    .expect("write");
    let out = allia(&["import", "--vault", path(&vault), "--input", path(&invalid)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("alliance.name : Indiquez le nom de l’alliance."),
        "{}",
        stderr(&out)
    );

    let out = allia(&[
        "export",
        "--vault",
        path(&vault),
        "--alliance",
        "inconnue",
        "--out",
        "x.json",
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Cette alliance n’existe pas"),
        "{}",
        stderr(&out)
    );

    let out = allia(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("allia : commande inconnue"),
        "{}",
        stderr(&out)
    );

    let out = allia(&["list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("il manque un argument obligatoire"),
        "{}",
        stderr(&out)
    );

    let out = Command::new(env!("CARGO_BIN_EXE_allia"))
        .args(["list", "--vault", path(&vault)])
        .env("ALLIA_PASSPHRASE", "pas la bonne phrase")
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert_eq!(stderr(&out).trim(), "allia : Phrase de passe incorrecte.");
}

/// docs/schema/alliance.schema.json is generated; this fails when it is stale.
/// `UPDATE_SCHEMA=1 cargo test -p allia-cli --test cli` rewrites it.
#[test]
fn published_schema_is_up_to_date() {
    let published =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema/alliance.schema.json");
    let out = allia(&["schema"]);
    assert!(out.status.success());
    let fresh = stdout(&out);
    assert!(fresh.contains("\"title\": \"AllianceFile\""));
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(published.parent().expect("parent")).expect("mkdir");
        std::fs::write(&published, &fresh).expect("write schema");
        return;
    }
    let current = std::fs::read_to_string(&published).unwrap_or_default();
    assert!(
        current == fresh,
        "docs/schema/alliance.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test -p allia-cli --test cli` and commit it"
    );
}
