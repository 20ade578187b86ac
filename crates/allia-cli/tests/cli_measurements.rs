//! `allia measurements-export` and `allia measurements-import` on a real vault holding the
//! demo alliance: the export is the app's file byte for byte and reads back as already
//! recorded; new lines are previewed, checked with `--dry-run`, then imported; a file with
//! bad lines lists each with its line and column and imports nothing; a missing file, a
//! wrong passphrase or an unknown alliance is a French error, never a panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use allia_core::evaluation::csv::{export_indicators, export_measurements, ExportNames};
use allia_core::evaluation::EvaluationOverview;

mod common;
use common::{allia, demo_vault, path, stderr, stdout, PASS};

const NBSP: char = '\u{a0}';

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The evaluation overview of `alliance` read from the vault as the app reads it, and
/// the two files the app's « Exporter … (CSV) » writes from it (measurements, indicators).
fn app_files(vault: &Path, alliance: &str) -> (EvaluationOverview, Vec<u8>, Vec<u8>) {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let open = allia_store::Vault::unlock(vault, PASS)
            .await
            .expect("unlock");
        let store = open.store();
        let today = today();
        let overview = store
            .evaluation_overview(alliance, today)
            .await
            .expect("overview");
        let objectives = store
            .objectives_overview(alliance, today)
            .await
            .expect("objectives");
        let partners = store.partners(alliance).await.expect("partners");
        let measurements = export_measurements(&overview.indicators);
        let indicators = export_indicators(
            &overview.indicators,
            &ExportNames::new(&objectives, &partners),
            today,
        );
        open.close().await;
        (overview, measurements, indicators)
    })
}

fn export(vault: &Path, alliance: &str, out: &Path) -> Output {
    allia(&[
        "measurements-export",
        "--vault",
        path(vault),
        "--alliance",
        alliance,
        "--out",
        path(out),
    ])
}

fn import(vault: &Path, alliance: &str, file: &Path, dry_run: bool) -> Output {
    let mut args = vec![
        "measurements-import",
        "--vault",
        path(vault),
        "--alliance",
        alliance,
        "--input",
        path(file),
    ];
    if dry_run {
        args.push("--dry-run");
    }
    allia(&args)
}

/// The measurements file as it is now, exported by the command line to a new file.
fn exported(vault: &Path, alliance: &str, dir: &Path, name: &str) -> Vec<u8> {
    let out: PathBuf = dir.join(name);
    let run = export(vault, alliance, &out);
    assert!(run.status.success(), "{}", stderr(&run));
    std::fs::read(&out).expect("read the export")
}

fn no_panic(out: &Output) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{err}");
}

/// A file of measurements as a person types it in a spreadsheet: « ; », CRLF, no mark.
fn write_csv(path: &Path, lines: &[&str]) {
    std::fs::write(path, lines.join("\r\n") + "\r\n").expect("write csv");
}

#[test]
fn the_export_is_the_apps_file_and_reads_back_as_already_recorded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let (overview, app_measurements, app_indicators) = app_files(&vault, &id);
    let measurement_count: usize = overview
        .indicators
        .iter()
        .map(|v| v.measurements.len())
        .sum();
    assert!(measurement_count > 50, "{measurement_count}");

    let csv = dir.path().join("mesures.csv");
    let out = export(&vault, &id, &csv);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&csv).expect("read");
    assert_eq!(bytes, app_measurements, "the app's measurements file");
    assert!(bytes.starts_with(b"\xEF\xBB\xBFIndicateur;Identifiant de l"));
    assert!(stdout(&out).contains(&format!(
        "{measurement_count} mesures de {} indicateurs",
        overview.indicators.len()
    )));

    // An existing file is refused, as `allia export` refuses one, unless --force.
    let out = export(&vault, &id, &csv);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("existe déjà"), "{}", stderr(&out));
    no_panic(&out);

    // By its name (any case, without accents) as well as by its id; the indicators table.
    let table = dir.path().join("indicateurs.csv");
    let out = allia(&[
        "measurements-export",
        "--vault",
        path(&vault),
        "--alliance",
        "SERVICE PARTAGE DU VAL DE BRENNE",
        "--out",
        path(&table),
        "--indicators",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&table).expect("read"), app_indicators);

    // Read back: every line is a measurement the alliance has, nothing new to import.
    let out = import(&vault, &id, &csv, true);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "{measurement_count} lignes de mesures pour {} indicateurs",
            overview.indicators.len()
        )),
        "{text}"
    );
    for view in &overview.indicators {
        assert!(
            text.contains(&format!("«{NBSP}{}{NBSP}»", view.indicator.draft.name)),
            "{text}"
        );
    }
    assert!(
        text.contains(&format!(
            "0 mesure serait importée ({measurement_count} déjà enregistrées"
        )),
        "{text}"
    );
    let out = import(&vault, &id, &csv, false);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Aucune mesure nouvelle"));
    assert_eq!(exported(&vault, &id, dir.path(), "apres.csv"), bytes);
}

#[test]
fn new_lines_are_previewed_checked_then_imported_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let (overview, before, _) = app_files(&vault, &id);
    let today = today();
    let hours = "Heures de travail assurées par le service partagé";
    let meetings = "Réunions du comité de pilotage tenues";
    for name in [hours, meetings] {
        let view = overview
            .indicators
            .iter()
            .find(|v| v.indicator.draft.name == name)
            .expect("a demo indicator");
        assert!(
            view.measurements.iter().all(|m| m.draft.date != today),
            "no measurement of « {name} » today yet"
        );
    }
    let day = today.format("%d/%m/%Y").to_string();
    let file = dir.path().join("nouvelles.csv");
    write_csv(
        &file,
        &[
            "Indicateur;Date;Valeur;Commentaire;Notes",
            &format!("{hours};{day};152,5;Relevé du tableur;à vérifier"),
            &format!("{meetings};{day};1;;"),
        ],
    );

    let out = import(&vault, &id, &file, true);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("2 lignes de mesures pour 2 indicateurs"),
        "{text}"
    );
    assert!(text.contains(&format!("«{NBSP}{hours}{NBSP}»{NBSP}: 1 mesure")));
    assert!(text.contains(&format!("Colonnes ignorées{NBSP}: Notes.")));
    assert!(text.contains("2 mesures seraient importées"), "{text}");
    assert_eq!(
        exported(&vault, &id, dir.path(), "essai.csv"),
        before,
        "--dry-run writes nothing"
    );

    // By its name; then the lines are in the vault, and in its export.
    let out = import(&vault, "Service partagé du Val de Brenne", &file, false);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "2 mesures importées dans «{NBSP}Service partagé du Val de Brenne{NBSP}»"
        )),
        "{}",
        stdout(&out)
    );
    let (after, after_bytes, _) = app_files(&vault, &id);
    let count = |o: &EvaluationOverview| -> usize {
        o.indicators.iter().map(|v| v.measurements.len()).sum()
    };
    assert_eq!(count(&after), count(&overview) + 2);
    let added = after
        .indicators
        .iter()
        .find(|v| v.indicator.draft.name == hours)
        .and_then(|v| v.measurements.iter().find(|m| m.draft.date == today))
        .expect("imported");
    assert_eq!(added.draft.value, 152.5);
    assert_eq!(added.draft.comment.as_deref(), Some("Relevé du tableur"));
    let text = String::from_utf8(exported(&vault, &id, dir.path(), "apres.csv")).expect("utf-8");
    assert_eq!(text.as_bytes(), after_bytes.as_slice());
    assert!(
        text.contains(&format!(";{day};152,5;;;Relevé du tableur;")),
        "{text}"
    );

    // The same file again adds nothing: its lines are recorded now.
    let out = import(&vault, &id, &file, false);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Aucune mesure nouvelle à importer (2 déjà enregistrées"));
    assert_eq!(count(&app_files(&vault, &id).0), count(&overview) + 2);
}

#[test]
fn a_file_with_bad_lines_lists_them_all_and_imports_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let before = exported(&vault, &id, dir.path(), "avant.csv");
    let day = today().format("%d/%m/%Y").to_string();
    let hours = "Heures de travail assurées par le service partagé";
    let file = dir.path().join("erreurs.csv");
    write_csv(
        &file,
        &[
            "Indicateur;Date;Valeur",
            // A good line: not imported either, the file is all or nothing.
            &format!("{hours};{day};150"),
            &format!("{hours};31/13/2026;150"),
            &format!("Réunions du comité de pilotage tenues;{day};beaucoup"),
            &format!("Indicateur fantôme;{day};3"),
        ],
    );
    for dry_run in [true, false] {
        let out = import(&vault, &id, &file, dry_run);
        assert!(!out.status.success(), "{}", stdout(&out));
        no_panic(&out);
        let err = stderr(&out);
        for expected in [
            format!("Ligne 3, colonne «{NBSP}Date{NBSP}»{NBSP}: «{NBSP}31/13/2026{NBSP}»"),
            format!("Ligne 4, colonne «{NBSP}Valeur{NBSP}»{NBSP}: «{NBSP}beaucoup{NBSP}» n’est pas un nombre"),
            format!("Ligne 5, colonne «{NBSP}Indicateur{NBSP}»{NBSP}: Indicateur inconnu"),
            format!("aucune mesure importée{NBSP}: le fichier a 3 erreurs"),
        ] {
            assert!(err.contains(&expected), "« {expected} » in:\n{err}");
        }
        assert!(!err.contains("Ligne 2"), "{err}");
        // The preview still says what the file holds, with the wrong lines marked.
        let text = stdout(&out);
        assert!(
            text.contains("4 lignes de mesures pour 3 indicateurs"),
            "{text}"
        );
        assert!(text.contains("2 mesures (dont 1 en erreur)"), "{text}");
    }
    assert_eq!(
        exported(&vault, &id, dir.path(), "apres.csv"),
        before,
        "nothing imported"
    );

    // Many bad lines: the first hundred are listed, then how many more, and the total.
    let many = dir.path().join("beaucoup.csv");
    let mut lines = vec!["Indicateur;Date;Valeur".to_string()];
    lines.extend((0..150).map(|_| format!("Indicateur fantôme;{day};3")));
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    write_csv(&many, &refs);
    let out = import(&vault, &id, &many, true);
    assert!(!out.status.success());
    no_panic(&out);
    let err = stderr(&out);
    assert_eq!(err.matches("Indicateur inconnu").count(), 100, "{err}");
    assert!(
        err.contains("Ligne 101,") && !err.contains("Ligne 102,"),
        "{err}"
    );
    assert!(err.contains("… et 50 autres erreurs."), "{err}");
    assert!(err.contains("le fichier a 150 erreurs"), "{err}");

    // The indicators table is not a file of measurements: its missing columns are said.
    let table = dir.path().join("indicateurs.csv");
    let out = allia(&[
        "measurements-export",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--out",
        path(&table),
        "--indicators",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = import(&vault, &id, &table, false);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(&format!(
            "Ligne 1{NBSP}: Il manque la colonne «{NBSP}Date{NBSP}»"
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_files_wrong_passphrase_and_unknown_alliance_are_french_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let csv = dir.path().join("mesures.csv");
    let run = export(&vault, &id, &csv);
    assert!(run.status.success(), "{}", stderr(&run));

    let missing = dir.path().join("absent.csv");
    let out = import(&vault, &id, &missing, false);
    assert!(!out.status.success());
    no_panic(&out);
    assert!(
        stderr(&out).contains(&format!("Fichier introuvable{NBSP}:")),
        "{}",
        stderr(&out)
    );

    let out = import(&vault, &id, dir.path(), true);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("est un dossier, pas un fichier"));

    let wrong = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_allia"))
            .args(args)
            .env("ALLIA_PASSPHRASE", "une autre phrase de passe")
            .output()
            .expect("run allia")
    };
    for out in [
        wrong(&[
            "measurements-import",
            "--vault",
            path(&vault),
            "--alliance",
            &id,
            "--input",
            path(&csv),
        ]),
        wrong(&[
            "measurements-export",
            "--vault",
            path(&vault),
            "--alliance",
            &id,
            "--out",
            path(&dir.path().join("autre.csv")),
        ]),
    ] {
        assert!(!out.status.success());
        no_panic(&out);
        assert!(
            stderr(&out).contains("Phrase de passe incorrecte"),
            "{}",
            stderr(&out)
        );
    }
    assert!(!dir.path().join("autre.csv").exists());

    let out = import(&vault, "Alliance inconnue", &csv, true);
    assert!(!out.status.success());
    no_panic(&out);
    assert!(
        stderr(&out).contains(&format!(
            "aucune alliance de ce coffre n’a l’identifiant ou le nom «{NBSP}Alliance inconnue{NBSP}»"
        )),
        "{}",
        stderr(&out)
    );

    let out = export(
        &dir.path().join("pas-de-coffre"),
        &id,
        &dir.path().join("x.csv"),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("aucun coffre"), "{}", stderr(&out));

    let out = export(&vault, &id, &dir.path().join("absent").join("mesures.csv"));
    assert!(!out.status.success());
    no_panic(&out);
    assert!(stderr(&out).contains("n’existe pas"), "{}", stderr(&out));
}
