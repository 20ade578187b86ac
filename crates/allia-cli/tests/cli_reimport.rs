//! Re-importing an alliance file from the command line: `allia diff` lists the
//! differences in French, `allia import` refuses a file whose alliance is already in the
//! vault unless `--update` or `--copy` says what to do (and prints the differences),
//! `--update` keeps one alliance, `--copy` makes a second one.

use serde_json::Value;

mod common;
use common::{allia, demo_vault, path, stderr, stdout};

fn alliance_count(vault: &str) -> usize {
    let out = allia(&["list", "--vault", vault]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
}

#[test]
fn a_file_already_in_the_vault_is_updated_or_copied_never_duplicated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let vault = path(&vault).to_string();
    let file = dir.path().join("alliance.json");
    let out = allia(&[
        "export",
        "--vault",
        &vault,
        "--alliance",
        &id,
        "--out",
        path(&file),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    // The partner's version: a new name, a partner's city changed, a partner added.
    let mut json: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("json");
    json["alliance"]["name"] = Value::from("Service partagé 2027");
    let first = json["partners"][0]["organisation"]["name"]
        .as_str()
        .expect("name")
        .to_string();
    json["partners"][0]["organisation"]["city"] = Value::from("Argenton-sur-Creuse");
    let mut added = json["partners"][0].clone();
    added["id"] = Value::from("0b7e5a4c-3f1d-4e2a-9c8b-1a2b3c4d5e6f");
    added["organisation"] =
        serde_json::json!({ "name": "Ressourcerie du Blanc", "city": "Le Blanc" });
    added["ownAssociation"] = Value::from(false);
    json["partners"]
        .as_array_mut()
        .expect("partners")
        .push(added);
    std::fs::write(&file, serde_json::to_string_pretty(&json).expect("json")).expect("write");

    // diff: the differences in French, nothing written.
    let out = allia(&["diff", path(&file), "--vault", &vault, "--alliance", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Alliance, champs modifiés\u{a0}:"), "{text}");
    assert!(
        text.contains("    nom\u{a0}: «\u{a0}")
            && text.contains("→ «\u{a0}Service partagé 2027\u{a0}»"),
        "{text}"
    );
    assert!(
        text.contains("Partenaire ajouté\u{a0}: Ressourcerie du Blanc"),
        "{text}"
    );
    assert!(
        text.contains(&format!("Partenaire modifié\u{a0}: {first}")),
        "{text}"
    );
    assert!(
        text.contains("    ville\u{a0}:") && text.contains("«\u{a0}Argenton-sur-Creuse\u{a0}»"),
        "{text}"
    );
    assert_eq!(alliance_count(&vault), 1);

    // import without --update or --copy: refused, both ways named, the differences shown.
    let out = allia(&["import", "--vault", &vault, "--input", path(&file)]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("est déjà dans le coffre"), "{err}");
    assert!(err.contains("--update") && err.contains("--copy"), "{err}");
    assert!(
        err.contains("Partenaire ajouté\u{a0}: Ressourcerie du Blanc"),
        "{err}"
    );
    assert_eq!(alliance_count(&vault), 1, "nothing imported");

    // --update: one alliance, with the file's data.
    let out = allia(&[
        "import",
        "--vault",
        &vault,
        "--input",
        path(&file),
        "--update",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with(&format!("{id}\tService partagé 2027")));
    assert!(
        stderr(&out).contains("Alliance mise à jour"),
        "{}",
        stderr(&out)
    );
    assert_eq!(alliance_count(&vault), 1);
    let listed = stdout(&allia(&["list", "--vault", &vault]));
    assert!(listed.contains("Service partagé 2027"), "{listed}");
    let out = allia(&["diff", path(&file), "--vault", &vault, "--alliance", &id]);
    assert!(
        stdout(&out).contains("Aucune différence avec l’alliance du coffre."),
        "{}",
        stdout(&out)
    );

    // --copy: a second alliance, under another id.
    let out = allia(&[
        "import",
        "--vault",
        &vault,
        "--input",
        path(&file),
        "--copy",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).starts_with(&id));
    assert_eq!(alliance_count(&vault), 2);

    // Both flags at once: a usage mistake.
    let out = allia(&[
        "import",
        "--vault",
        &vault,
        "--input",
        path(&file),
        "--update",
        "--copy",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

/// Sets the association's profile of the vault `vault`, through the store.
fn set_profile(runtime: &tokio::runtime::Runtime, vault: &str, profile: &allia_core::Organisation) {
    runtime.block_on(async {
        let open = allia_store::Vault::unlock(std::path::Path::new(vault), common::PASS)
            .await
            .expect("unlock");
        open.store().save_profile(profile).await.expect("profile");
        open.close().await;
    });
}

/// The names of the partners of `alliance` in the vault `vault`, read through the store.
fn partner_names(runtime: &tokio::runtime::Runtime, vault: &str, alliance: &str) -> Vec<String> {
    runtime.block_on(async {
        let open = allia_store::Vault::unlock(std::path::Path::new(vault), common::PASS)
            .await
            .expect("unlock");
        let names = open
            .store()
            .partners(alliance)
            .await
            .expect("partners")
            .into_iter()
            .map(|p| p.draft.organisation.name)
            .collect();
        open.close().await;
        names
    })
}

#[test]
fn a_sender_named_like_this_association_is_warned_about_and_kept_apart() {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let theirs_dir = tempfile::tempdir().expect("tempdir");
    let (theirs, id) = demo_vault(theirs_dir.path());
    let theirs = path(&theirs).to_string();
    let ours_dir = tempfile::tempdir().expect("tempdir");
    let ours = ours_dir.path().join("coffre");
    let ours = path(&ours).to_string();
    let out = allia(&["init", "--vault", &ours]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Homonyms in one town, neither with a SIREN or an RNA number.
    let comite = allia_core::Organisation {
        name: "Comité des fêtes".into(),
        city: Some("Saunay".into()),
        ..Default::default()
    };
    set_profile(&runtime, &theirs, &comite);
    set_profile(&runtime, &ours, &comite);

    let file = theirs_dir.path().join("alliance.json");
    let export = |theirs: &str| {
        let out = allia(&[
            "export",
            "--vault",
            theirs,
            "--alliance",
            &id,
            "--out",
            path(&file),
            // The same file again after a change: replacing it is intended.
            "--force",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    };
    export(&theirs);
    let listed = partner_names(&runtime, &theirs, &id).len();
    let out = allia(&["import", "--vault", &ours, "--input", path(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "le partenaire «\u{a0}Comité des fêtes\u{a0}» ressemble à votre association (même nom et même commune)\u{a0}: il est importé comme une organisation distincte."
        ),
        "{}",
        stderr(&out)
    );
    let names = partner_names(&runtime, &ours, &id);
    assert_eq!(
        names.len(),
        listed + 1,
        "the sender is a partner: {names:?}"
    );
    assert_eq!(names.iter().filter(|n| *n == "Comité des fêtes").count(), 1);

    // The same sender's file again, as an update: the same partner, not a second one.
    export(&theirs);
    let out = allia(&[
        "import",
        "--vault",
        &ours,
        "--input",
        path(&file),
        "--update",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = partner_names(&runtime, &ours, &id);
    assert_eq!(again, names);
}

/// The file's diagnostic, dossier and model advisor: `allia diff` lists each changed
/// section in one line, `import --update` applies them (trial 11, finding 1).
#[test]
fn diff_lists_and_update_applies_the_diagnostic_dossier_and_advisor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let vault = path(&vault).to_string();
    let file = dir.path().join("alliance.json");
    let export = |to: &std::path::Path| {
        let out = allia(&[
            "export",
            "--vault",
            &vault,
            "--alliance",
            &id,
            "--out",
            path(to),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let json: Value =
            serde_json::from_str(&std::fs::read_to_string(to).expect("read")).expect("json");
        json
    };
    let mut json = export(&file);
    json["diagnostic"]["needs"]["strategicPriorities"] = Value::from("Ouvrir le samedi");
    json["diagnostic"]["items"][0]["text"] = Value::from("Bénévoles formés");
    json["projectDossier"]["socialNeed"] = Value::from("Isolement des aînés");
    json["modelAdvisor"]["answers"]["partnerCount"] = Value::from(7);
    std::fs::write(&file, serde_json::to_string_pretty(&json).expect("json")).expect("write");

    let out = allia(&["diff", path(&file), "--vault", &vault, "--alliance", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines = [
        "Diagnostic interne\u{a0}: modifié (besoins, matrice\u{a0}: 1 élément modifié)",
        "Dossier de présentation\u{a0}: modifié (textes)",
        "Modèle de partenariat\u{a0}: modifié (réponses)",
    ];
    for line in lines {
        assert!(text.contains(line), "{line} in {text}");
    }

    let out = allia(&[
        "import",
        "--vault",
        &vault,
        "--input",
        path(&file),
        "--update",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = stderr(&out);
    for line in lines {
        assert!(summary.contains(line), "{line} in {summary}");
    }
    let after = export(&dir.path().join("after.json"));
    assert_eq!(
        after["diagnostic"]["needs"]["strategicPriorities"],
        "Ouvrir le samedi"
    );
    assert_eq!(
        after["diagnostic"]["items"][0]["id"],
        json["diagnostic"]["items"][0]["id"]
    );
    assert_eq!(after["diagnostic"]["items"][0]["text"], "Bénévoles formés");
    assert_eq!(after["projectDossier"]["socialNeed"], "Isolement des aînés");
    assert_eq!(after["modelAdvisor"]["answers"]["partnerCount"], 7);
    let out = allia(&["diff", path(&file), "--vault", &vault, "--alliance", &id]);
    assert!(
        stdout(&out).contains("Aucune différence avec l’alliance du coffre."),
        "{}",
        stdout(&out)
    );
}
