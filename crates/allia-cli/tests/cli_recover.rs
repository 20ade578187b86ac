//! The vault's ways out on the command line, on real vaults: `allia recover` with the
//! printed kit after the key file is lost, automatic backups after a change, the
//! refusals of `allia backup`, a restore onto a new computer, and no question asked
//! when there is no vault to open.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const PASS: &str = "girafe violette sous la pluie de Lyon";
const NEW_PASS: &str = "phrase de test très solide 2026";

/// `allia` with the given variables only (no passphrase unless given) and no stdin:
/// a command that asked a question it should not would fail to read it.
fn allia_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_allia"));
    command
        .args(args)
        .env_remove("ALLIA_PASSPHRASE")
        .env_remove("ALLIA_RECOVERY_KEY")
        .stdin(Stdio::null());
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("run allia")
}

fn allia(args: &[&str]) -> Output {
    allia_with(args, &[("ALLIA_PASSPHRASE", PASS)])
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// A vault with the demo alliance; returns its folder and the recovery key.
fn demo_vault(parent: &Path, name: &str) -> (PathBuf, String) {
    let vault = parent.join(name);
    let created = allia(&["init", "--vault", path(&vault)]);
    assert!(created.status.success(), "{}", err(&created));
    let key = out(&created).lines().last().unwrap_or_default().to_string();
    let demo = allia(&["demo", "--vault", path(&vault)]);
    assert!(demo.status.success(), "{}", err(&demo));
    (vault, key)
}

fn automatic_backups(vault: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(vault.join("backups"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".allia-sauvegarde"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn recover_with_the_kit_after_the_key_file_is_lost() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, key) = demo_vault(dir.path(), "coffre");
    std::fs::remove_file(vault.join("allia.vault.keys")).expect("delete keys");

    // Unlocking says what happened and the way out, without asking the passphrase.
    let listed = allia_with(&["list", "--vault", path(&vault)], &[]);
    assert!(!listed.status.success());
    assert!(
        err(&listed).contains("allia.vault.keys) est introuvable"),
        "{}",
        err(&listed)
    );
    assert!(
        err(&listed).contains(&format!("(allia recover --vault {})", path(&vault))),
        "{}",
        err(&listed)
    );

    // A wrong key, then a weak new passphrase: refused in French, nothing written.
    let wrong = allia_with(
        &["recover", "--vault", path(&vault)],
        &[
            ("ALLIA_RECOVERY_KEY", "AAAA-BBBB"),
            ("ALLIA_PASSPHRASE", NEW_PASS),
        ],
    );
    assert!(!wrong.status.success());
    assert!(
        err(&wrong).contains("Clé de récupération mal saisie"),
        "{}",
        err(&wrong)
    );
    let weak = allia_with(
        &["recover", "--vault", path(&vault)],
        &[("ALLIA_RECOVERY_KEY", &key), ("ALLIA_PASSPHRASE", "court")],
    );
    assert!(!weak.status.success());
    assert!(
        err(&weak).starts_with("allia : phrase de passe\u{a0}: Au moins 10 caractères"),
        "{}",
        err(&weak)
    );
    assert!(!vault.join("allia.vault.keys").exists());

    let recovered = allia_with(
        &["recover", "--vault", path(&vault)],
        &[("ALLIA_RECOVERY_KEY", &key), ("ALLIA_PASSPHRASE", NEW_PASS)],
    );
    assert!(recovered.status.success(), "{}", err(&recovered));
    assert_eq!(
        out(&recovered).trim(),
        "Coffre rouvert avec le kit de récupération\u{a0}: la nouvelle phrase de passe est enregistrée."
    );
    assert!(vault.join("allia.vault.keys").is_file());

    // The new passphrase opens the vault and its data is all there.
    let listed = allia_with(
        &["list", "--vault", path(&vault)],
        &[("ALLIA_PASSPHRASE", NEW_PASS)],
    );
    assert!(listed.status.success(), "{}", err(&listed));
    assert!(out(&listed).contains("Service partagé du Val de Brenne"));

    // With the key file present, the kit still resets a forgotten passphrase.
    let again = allia_with(
        &["recover", "--vault", path(&vault)],
        &[("ALLIA_RECOVERY_KEY", &key), ("ALLIA_PASSPHRASE", PASS)],
    );
    assert!(again.status.success(), "{}", err(&again));
    assert!(allia(&["list", "--vault", path(&vault)]).status.success());
}

#[test]
fn a_change_leaves_an_automatic_backup_and_a_reading_does_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = demo_vault(dir.path(), "coffre");
    let after_demo = automatic_backups(&vault);
    assert_eq!(after_demo.len(), 1, "{after_demo:?}");
    assert!(after_demo[0].contains("fermeture"), "{after_demo:?}");

    for read_only in ["list", "check"] {
        let o = allia(&[read_only, "--vault", path(&vault)]);
        assert!(o.status.success(), "{read_only}: {}", err(&o));
    }
    assert_eq!(automatic_backups(&vault), after_demo);

    // An import changes the vault: one more backup, which holds both alliances.
    let id = out(&allia(&["list", "--vault", path(&vault)]))
        .split('\t')
        .next()
        .unwrap_or_default()
        .to_string();
    let file = dir.path().join("alliance.json");
    let exported = allia(&[
        "export",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--out",
        path(&file),
    ]);
    assert!(exported.status.success(), "{}", err(&exported));
    assert_eq!(automatic_backups(&vault), after_demo);
    // Its own export (the alliance's id is already here): imported as a copy.
    let imported = allia(&[
        "import",
        "--vault",
        path(&vault),
        "--input",
        path(&file),
        "--copy",
    ]);
    assert!(imported.status.success(), "{}", err(&imported));
    assert!(err(&imported).is_empty(), "{}", err(&imported));
    let backups = automatic_backups(&vault);
    assert!(backups.len() >= 2, "{backups:?}");

    // The newest automatic backup restores to the two alliances.
    let newest = backups
        .iter()
        .map(|n| vault.join("backups").join(n))
        .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        .expect("a backup");
    let elsewhere = dir.path().join("ailleurs");
    let restored = allia(&[
        "restore",
        "--vault",
        path(&elsewhere),
        "--input",
        path(&newest),
        "--oui",
    ]);
    assert!(restored.status.success(), "{}", err(&restored));
    assert!(
        out(&restored).contains("Elle contient 2 alliance(s)"),
        "{}",
        out(&restored)
    );
}

#[test]
fn backup_refuses_an_existing_file_the_vault_folder_and_a_missing_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, _) = demo_vault(dir.path(), "coffre");
    let vault_file = vault.join("allia.vault");
    let before = std::fs::read(&vault_file).expect("vault");

    // Each refusal comes before the passphrase is asked (none is given here).
    let existing = dir.path().join("deja.allia-sauvegarde");
    std::fs::write(&existing, "à garder").expect("write");
    let o = allia_with(
        &["backup", "--vault", path(&vault), "--out", path(&existing)],
        &[],
    );
    assert!(!o.status.success());
    assert_eq!(
        err(&o).trim(),
        format!(
            "allia : {} existe déjà\u{a0}: choisissez un autre nom.",
            path(&existing)
        )
    );
    assert_eq!(
        std::fs::read_to_string(&existing).expect("kept"),
        "à garder"
    );

    for inside in [
        vault_file.clone(),
        vault.join("copie.allia-sauvegarde"),
        vault.join("backups").join("a-moi.allia-sauvegarde"),
    ] {
        let o = allia_with(
            &["backup", "--vault", path(&vault), "--out", path(&inside)],
            &[],
        );
        assert!(!o.status.success(), "{}", inside.display());
        assert!(
            err(&o).contains(
                "Enregistrez la sauvegarde ailleurs que dans le dossier du coffre (une clé USB, un autre disque)."
            ),
            "{}",
            err(&o)
        );
    }
    assert_eq!(std::fs::read(&vault_file).expect("vault"), before);

    let missing = dir.path().join("cle-usb").join("lundi.allia-sauvegarde");
    let o = allia_with(
        &["backup", "--vault", path(&vault), "--out", path(&missing)],
        &[],
    );
    assert!(!o.status.success());
    assert!(
        err(&o).contains(&format!(
            "le dossier {} n’existe pas",
            path(&dir.path().join("cle-usb"))
        )),
        "{}",
        err(&o)
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("lecture-seule");
        std::fs::create_dir(&locked).expect("mkdir");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).expect("chmod");
        // root writes anywhere, even there; /sys refuses it too (Linux).
        let unwritable = [locked.clone(), PathBuf::from("/sys")]
            .into_iter()
            .find(|folder| std::fs::write(folder.join("essai-allia"), b"x").is_err());
        let _ = std::fs::remove_file(locked.join("essai-allia"));
        if let Some(folder) = unwritable {
            let target = folder.join("lundi.allia-sauvegarde");
            let o = allia_with(
                &["backup", "--vault", path(&vault), "--out", path(&target)],
                &[],
            );
            assert!(!o.status.success());
            assert!(
                err(&o).contains(&format!(
                    "impossible d’écrire dans le dossier {} (accès refusé)",
                    path(&folder)
                )),
                "{}",
                err(&o)
            );
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    }

    // A good target still works.
    let good = dir.path().join("lundi.allia-sauvegarde");
    let o = allia(&["backup", "--vault", path(&vault), "--out", path(&good)]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(good.is_file());
}

#[test]
fn restore_onto_a_new_computer_and_from_another_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, key) = demo_vault(dir.path(), "coffre");
    let file = dir.path().join("lundi.allia-sauvegarde");
    assert!(
        allia(&["backup", "--vault", path(&vault), "--out", path(&file)])
            .status
            .success()
    );

    // A folder that does not exist yet: created, restored, said plainly.
    let new_computer = dir.path().join("nouvel-ordinateur").join("allia");
    let o = allia(&[
        "restore",
        "--vault",
        path(&new_computer),
        "--input",
        path(&file),
        "--oui",
    ]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains(&format!(
            "Sauvegarde restaurée dans {}.",
            path(&new_computer)
        )),
        "{}",
        out(&o)
    );
    assert!(!out(&o).contains("gardé dans"), "{}", out(&o));
    assert!(!out(&o).contains("vient d’un autre coffre"), "{}", out(&o));
    let listed = allia(&["list", "--vault", path(&new_computer)]);
    assert!(listed.status.success(), "{}", err(&listed));
    assert!(out(&listed).contains("Service partagé du Val de Brenne"));
    // The restored vault keeps the kit of the vault it came from.
    std::fs::remove_file(new_computer.join("allia.vault.keys")).expect("delete keys");
    let recovered = allia_with(
        &["recover", "--vault", path(&new_computer)],
        &[("ALLIA_RECOVERY_KEY", &key), ("ALLIA_PASSPHRASE", NEW_PASS)],
    );
    assert!(recovered.status.success(), "{}", err(&recovered));

    // Over another vault: the preview warns whose passphrase will open it.
    let (other, _) = demo_vault(dir.path(), "autre");
    let o = allia(&[
        "restore",
        "--vault",
        path(&other),
        "--input",
        path(&file),
        "--oui",
    ]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains(
            "Cette sauvegarde vient d’un autre coffre\u{a0}: après la restauration, il s’ouvrira avec la phrase de passe (ou la clé de récupération) de ce coffre-là."
        ),
        "{}",
        out(&o)
    );
    assert!(
        out(&o).contains(&format!(
            "Le coffre tel qu’il était avant a été gardé dans {}",
            path(&other.join("backups"))
        )),
        "{}",
        out(&o)
    );

    // Over the same vault, no such warning.
    let o = allia(&[
        "restore",
        "--vault",
        path(&vault),
        "--input",
        path(&file),
        "--oui",
    ]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(!out(&o).contains("autre coffre"), "{}", out(&o));
}

#[test]
fn no_question_is_asked_when_there_is_no_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nowhere = dir.path().join("rien");
    let expected = format!(
        "allia : aucun coffre dans {}\u{a0}: créez-en un avec allia init.",
        path(&nowhere)
    );
    let file = dir.path().join("x.json");
    let target = dir.path().join("x.allia-sauvegarde");
    for args in [
        vec!["demo", "--vault", path(&nowhere)],
        vec!["list", "--vault", path(&nowhere)],
        vec!["check", "--vault", path(&nowhere)],
        vec!["recover", "--vault", path(&nowhere)],
        vec!["backup", "--vault", path(&nowhere), "--out", path(&target)],
        vec![
            "export",
            "--vault",
            path(&nowhere),
            "--alliance",
            "a",
            "--out",
            path(&file),
        ],
        vec![
            "render",
            "--vault",
            path(&nowhere),
            "--alliance",
            "a",
            "--document",
            "charte",
            "--out",
            path(&dir.path().join("x.pdf")),
        ],
    ] {
        let o = allia_with(&args, &[]);
        assert!(!o.status.success(), "{args:?}");
        assert_eq!(err(&o).trim(), expected, "{args:?}");
    }
    assert!(!nowhere.exists());
}

#[test]
fn new_kit_replaces_the_old_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = dir.path().join("coffre");
    let out = Command::new(env!("CARGO_BIN_EXE_allia"))
        .args(["init", "--vault", vault.to_str().expect("utf-8")])
        .env("ALLIA_PASSPHRASE", NEW_KIT_PASS)
        .output()
        .expect("init");
    assert!(out.status.success());
    let old = String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_allia"))
        .args(["new-kit", "--vault", vault.to_str().expect("utf-8")])
        .env("ALLIA_PASSPHRASE", NEW_KIT_PASS)
        .output()
        .expect("new-kit");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("l’ancien n’ouvre plus le coffre"),
        "{stdout}"
    );
    let new = stdout.lines().last().unwrap_or_default().to_string();
    assert_eq!(new.split('-').count(), 13);
    assert_ne!(new, old);
    let recover = |key: &str| {
        Command::new(env!("CARGO_BIN_EXE_allia"))
            .args(["recover", "--vault", vault.to_str().expect("utf-8")])
            .env("ALLIA_PASSPHRASE", NEW_KIT_PASS)
            .env("ALLIA_RECOVERY_KEY", key)
            .output()
            .expect("recover")
    };
    let out = recover(&old);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("ne correspond pas"));
    assert!(recover(&new).status.success());
}

const NEW_KIT_PASS: &str = "girafe violette sous la pluie de Lyon";
