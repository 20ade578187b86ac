//! The alliance file at the terminal: export writes format 2; `allia validate` prints
//! every problem with its place and path and fails when there is one; unknown fields
//! (sample rw-16) are refused by `import` and `render --input` alike, each named, until
//! `--ignore-unknown`; a byte-order mark (rw-05) reads; a date typed 01/12/2025 says the
//! form expected; a format-1 shape labelled format 2 (rw-16b) gets the same answer from
//! `import` and `render --input`.

use std::path::{Path, PathBuf};

mod common;
use common::{allia, path, stderr, stdout};

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cases")
        .join(name)
}

fn new_vault(dir: &Path) -> String {
    let vault = dir.join("coffre");
    let out = allia(&["init", "--vault", path(&vault)]);
    assert!(out.status.success(), "{}", stderr(&out));
    path(&vault).to_string()
}

fn import(vault: &str, file: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["import", "--vault", vault, "--input", path(file)];
    args.extend_from_slice(extra);
    allia(&args)
}

fn render(file: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "render",
        "--input",
        path(file),
        "--document",
        "convention",
        "--out",
        path(out),
    ];
    args.extend_from_slice(extra);
    allia(&args)
}

#[test]
fn export_writes_format_2_with_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = common::demo_vault(dir.path());
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
    assert!(
        json.starts_with("{\n  \"format\": 2,\n  \"createdAt\": \""),
        "{json}"
    );
    assert!(json.contains(&format!("\"id\": \"{id}\"")));
    let out = allia(&["validate", path(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        format!(
            "{}\u{a0}: fichier d’alliance valide (format 2).",
            path(&file)
        )
    );
}

#[test]
fn validate_prints_every_problem_with_its_path() {
    let out = allia(&["validate", path(&case("rw-16-champs-inconnus.json"))]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let printed = stdout(&out);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(
        lines,
        vec![
            "champ inconnu\u{a0}: alliance, durationMonths (alliance.durationMonths)",
            "champ inconnu\u{a0}: partenaire 2, contributionCents (partners.2.contributionCents)",
            "partenaire 2, numéro RNA\u{a0}: Le numéro RNA ne concerne que les associations établies en France\u{a0}: videz ce champ, ou choisissez le pays «\u{a0}France\u{a0}». (partners.2.rna)",
        ],
        "{printed}"
    );
    assert!(stderr(&out).contains("3 problèmes"), "{}", stderr(&out));

    // A valid format-1 file (with a byte-order mark): valid, no problem.
    let out = allia(&["validate", path(&case("rw-05-bom.json"))]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("fichier d’alliance valide (format 1)"));

    // A file that cannot be read: its one reading error.
    let out = allia(&["validate", path(&case("rw-16b-format2.json"))]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("champ « id » manquant"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_fields_are_refused_until_ignore_unknown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = new_vault(dir.path());
    let sample = case("rw-16-champs-inconnus.json");
    let imported = import(&vault, &sample, &[]);
    assert_eq!(imported.status.code(), Some(1));
    let message = stderr(&imported);
    for expected in [
        "contient 2 champs que cette version d’Allia ne connaît pas",
        "champ inconnu\u{a0}: alliance, durationMonths (alliance.durationMonths)",
        "champ inconnu\u{a0}: partenaire 2, contributionCents (partners.2.contributionCents)",
        "Relancez avec --ignore-unknown pour continuer sans eux",
        // The file's other problem in the same output: the fields are not all.
        "partenaire 2, numéro RNA\u{a0}: Le numéro RNA ne concerne que les associations établies en France",
    ] {
        assert!(message.contains(expected), "{expected} in {message}");
    }
    // render --input: the same check, the same answer.
    let rendered = render(&sample, &dir.path().join("x.pdf"), &[]);
    assert_eq!(rendered.status.code(), imported.status.code());
    assert_eq!(stderr(&rendered), message);

    // --ignore-unknown: the two fields are dropped (said on stderr) and the file is
    // checked as usual; this sample's Belgian partner keeps a French RNA number.
    let out = import(&vault, &sample, &["--ignore-unknown"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("allia : ignoré, champ inconnu\u{a0}: alliance, durationMonths"));
    assert!(
        stderr(&out).contains("partenaire 2, numéro RNA"),
        "{}",
        stderr(&out)
    );

    // The same unknown fields on a partner without that problem: imported.
    let text = std::fs::read_to_string(&sample).expect("sample");
    let fixed = dir.path().join("sans-pays.json");
    std::fs::write(
        &fixed,
        text.replace("\"country\": \"BE\"", "\"country\": \"FR\""),
    )
    .expect("write");
    assert!(!import(&vault, &fixed, &[]).status.success());
    let out = import(&vault, &fixed, &["--ignore-unknown"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Service partagé du Val de Brenne"));
    let out = render(&fixed, &dir.path().join("y.pdf"), &["--ignore-unknown"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_date_in_the_wrong_form_says_the_form_expected() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = new_vault(dir.path());
    let text = std::fs::read_to_string(case("rw-05-bom.json")).expect("sample");
    let wrong = dir.path().join("date.json");
    std::fs::write(&wrong, text.replace("\"2025-12-01\"", "\"01/12/2025\"")).expect("write");
    let out = import(&vault, &wrong, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        format!(
            "allia : {} n’est pas un fichier d’alliance valide (ligne 21, colonne 29\u{a0}: alliance, date de début\u{a0}: date attendue au format AAAA-MM-JJ (par exemple 2025-12-01) (alliance.startDate)).",
            path(&wrong)
        )
    );
    // With its byte-order mark and the right date: imported.
    let out = import(&vault, &case("rw-05-bom.json"), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_format_1_shape_labelled_format_2_gets_one_answer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = new_vault(dir.path());
    let sample = case("rw-16b-format2.json");
    let imported = import(&vault, &sample, &[]);
    let rendered = render(&sample, &dir.path().join("x.pdf"), &[]);
    assert_eq!(imported.status.code(), Some(1));
    assert_eq!(rendered.status.code(), imported.status.code());
    assert_eq!(stderr(&rendered), stderr(&imported));
    assert!(
        stderr(&imported).contains("champ « id » manquant"),
        "{}",
        stderr(&imported)
    );
}

/// The vault at `vault` (passphrase [`common::PASS`]), unlocked for `run`.
fn with_store<T>(vault: &str, run: impl AsyncFnOnce(&allia_store::Store) -> T) -> T {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let open = allia_store::Vault::unlock(Path::new(vault), common::PASS)
            .await
            .expect("unlock");
        let result = run(open.store()).await;
        open.close().await;
        result
    })
}

#[test]
fn a_vault_without_profile_imports_the_sender_as_a_partner() {
    // The sender: « Comité des fêtes » (Saunay), 5 000 € of its own in the alliance.
    let dir = tempfile::tempdir().expect("tempdir");
    let (theirs, _) = common::demo_vault(&dir.path().join("theirs"));
    let theirs = path(&theirs).to_string();
    let comite = allia_core::Organisation {
        name: "Comité des fêtes".into(),
        rna: Some("W372000001".into()),
        city: Some("Saunay".into()),
        representative_name: Some("Jeanne Martin".into()),
        representative_role: Some("Présidente".into()),
        ..Default::default()
    };
    let gives = allia_core::CommitmentsDraft {
        financial: vec![allia_core::FinancialContribution {
            nature: allia_core::ContributionNature::Subsidy,
            amount_cents: 500_000,
            schedule: allia_core::PaymentSchedule::AtSignature,
            budget_line: None,
        }],
        in_kind: Vec::new(),
    };
    let file = dir.path().join("alliance.json");
    let json = with_store(&theirs, async |store| {
        store.save_profile(&comite).await.expect("profile");
        let id = store.alliances().await.expect("list")[0].id.clone();
        store
            .set_commitments(&id, None, &gives)
            .await
            .expect("commitments");
        store
            .export_alliance_file(&id)
            .await
            .expect("export")
            .to_json_string()
            .expect("json")
    });
    std::fs::write(&file, json).expect("write");

    // A vault with no profile yet imports it: the comité is a partner with its 5 000 €.
    let ours = new_vault(dir.path());
    let out = import(&ours, &file, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (alliance, sender, commitments) = with_store(&ours, async |store| {
        let alliance = store.alliances().await.expect("list")[0].id.clone();
        let partners = store.partners(&alliance).await.expect("partners");
        let sender = partners
            .into_iter()
            .find(|p| p.draft.organisation.name == "Comité des fêtes")
            .expect("the sender is a partner");
        let commitments = store.commitments(&alliance).await.expect("commitments");
        (alliance, sender, commitments)
    });
    assert!(!sender.draft.own_association);
    let its: Vec<_> = commitments
        .iter()
        .filter(|c| c.partner_id.as_deref() == Some(sender.id.as_str()))
        .collect();
    assert_eq!(its.len(), 1, "{commitments:?}");
    assert_eq!(its[0].draft, gives);
    assert!(
        commitments.iter().all(|c| c.partner_id.is_some()),
        "nothing credited to an association not yet described: {commitments:?}"
    );

    // The convention names the comité's representative among the parties.
    let pdf = dir.path().join("convention.pdf");
    let out = allia(&[
        "render",
        "--vault",
        &ours,
        "--alliance",
        &alliance,
        "--document",
        "convention",
        "--out",
        path(&pdf),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::process::Command::new("pdftotext")
        .args([path(&pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', " ");
    assert!(text.contains("Jeanne Martin"), "{text}");
    // Its 5 000 € are its own, not the (undescribed) importing association's.
    assert!(
        text.contains("le Comité des fêtes\u{a0}: une subvention de 5\u{202f}000,00\u{a0}€")
            || text.contains("le Comité des fêtes : une subvention de 5 000,00 €"),
        "{text}"
    );
}
