//! The `allia` binary, run as a script would: real vaults in temp dirs, real files.

use std::path::Path;
use std::process::Command;

mod common;
use common::{allia, demo_vault, path, stderr, stdout, PASS};

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
    // Written by the app's codec: the file reads back and writes to the same bytes.
    let parsed = allia_core::read_alliance_file(json.as_bytes()).expect("parses");
    let allia_core::FileContent::V2(parsed) = parsed.content else {
        panic!("export writes format 2");
    };
    assert_eq!(parsed.to_json_string().expect("writes"), json);
    assert!(json.ends_with("}\n"));

    // The alliance is already in this vault: imported as a copy.
    let out = allia(&[
        "import",
        "--vault",
        path(&vault),
        "--input",
        path(&file),
        "--copy",
    ]);
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
        stderr(&out).contains("alliance, nom\u{a0}: Indiquez le nom de l’alliance."),
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
        stderr(&out).contains("aucune alliance de ce coffre n’a l’identifiant ou le nom"),
        "{}",
        stderr(&out)
    );

    let out = allia(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(
            "allia : commande inconnue : frobnicate (commandes : init, demo, recover,"
        ),
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
    assert!(fresh.contains("\"title\": \"AllianceFileV2\""));
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

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", path(pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext refused {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn page_count(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(path(pdf))
        .output()
        .expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| {
            l.strip_prefix("Pages:")
                .map(|n| n.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0)
}

/// Text without spaces of any kind, hyphenation breaks or apostrophe variants.
fn normalise(text: &str) -> String {
    text.replace("-\n", "")
        .replace('’', "'")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect()
}

#[test]
fn render_the_three_documents_from_an_alliance_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let file = dir.path().join("alliance.json");
    assert!(allia(&[
        "export",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--out",
        path(&file)
    ])
    .status
    .success());

    for (document, title) in [
        ("convention", "Convention de partenariat"),
        ("charte", "Charte partenariale"),
        ("consortium", "Accord de consortium"),
    ] {
        let pdf = dir.path().join(format!("{document}.pdf"));
        let out = allia(&[
            "render",
            "--input",
            path(&file),
            "--document",
            document,
            "--out",
            path(&pdf),
        ]);
        assert!(out.status.success(), "{document}: {}", stderr(&out));
        let text = pdftotext(&pdf);
        assert!(text.contains(title), "{document}");
        for party in [
            "Maison des Solidarités du Val de Brenne",
            "Sport et Insertion Brenne",
        ] {
            assert!(text.contains(party), "{document}: {party}");
        }
        assert!(text.contains("Page 1 / "), "{document}");
        let pages = page_count(&pdf);
        assert!(
            text.contains(&format!("Page {pages} / {pages}")),
            "{document}: last page footer"
        );
        for party in [
            "Les Jardins partagés de Brenne",
            "Culture pour tous en Val de Brenne",
            "Aide à domicile rurale du Val",
        ] {
            assert!(text.contains(party), "{document}: {party}");
        }
        // Every clause in the document shows its title (line breaks and apostrophes aside).
        let alliance_file: allia_core::AllianceFile =
            serde_json::from_str(&std::fs::read_to_string(&file).expect("json")).expect("parse");
        let kind = allia_core::DocumentKind::from_cli_name(document).expect("kind");
        let options =
            allia_docs::templates::DocumentOptions::new(kind, title, chrono::NaiveDate::MIN);
        let flat = normalise(&text);
        for clause in allia_docs::templates::clauses(&alliance_file, &options).expect("clauses") {
            if clause.number.is_some() {
                assert!(
                    flat.contains(&normalise(&clause.title)),
                    "{document}: « {} »",
                    clause.title
                );
            }
        }
        // The profile is not filled in: the command says what to check.
        assert!(
            stderr(&out).contains("à vérifier"),
            "{document}: {}",
            stderr(&out)
        );

        let docx = dir.path().join(format!("{document}.docx"));
        let out = allia(&[
            "render",
            "--input",
            path(&file),
            "--document",
            document,
            "--out",
            path(&docx),
        ]);
        assert!(out.status.success(), "{document}: {}", stderr(&out));
        let bytes = std::fs::read(&docx).expect("docx written");
        assert!(bytes.starts_with(b"PK"), "a DOCX is a zip");
    }
}

#[test]
fn render_refuses_bad_requests_in_one_french_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let pdf = dir.path().join("x.pdf");
    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--document",
        "contrat",
        "--out",
        path(&pdf),
    ]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim(),
        "allia : document inconnu : « contrat » (convention, charte ou consortium)."
    );

    let odt = dir.path().join("x.odt");
    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--document",
        "charte",
        "--out",
        path(&odt),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("doit finir par .pdf ou .docx"),
        "{}",
        stderr(&out)
    );

    let out = allia(&["render", "--document", "charte", "--out", path(&pdf)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("indiquez --input FICHIER, ou --vault DIR et --alliance ID"),
        "{}",
        stderr(&out)
    );

    let out = allia(&[
        "render",
        "--vault",
        path(&vault),
        "--alliance",
        &id,
        "--document",
        "charte",
        "--version",
        "3",
        "--out",
        path(&pdf),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("pas encore de charte partenariale enregistrée"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_frozen_version_renders_to_the_same_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let open = allia_store::Vault::unlock(&vault, PASS)
            .await
            .expect("unlock");
        let settings = allia_core::DocumentSettings {
            title: "Convention 2026".into(),
            ..Default::default()
        };
        let doc = open
            .store()
            .create_document(
                &id,
                allia_core::DocumentKind::PartnershipAgreement,
                &settings,
            )
            .await
            .expect("document");
        open.store()
            .set_document_status(&doc.id, allia_core::DocumentStatus::InReview)
            .await
            .expect("freeze");
        open.close().await;
    });
    let first = dir.path().join("v1-a.pdf");
    let second = dir.path().join("v1-b.pdf");
    for out_file in [&first, &second] {
        let out = allia(&[
            "render",
            "--vault",
            path(&vault),
            "--alliance",
            &id,
            "--document",
            "convention",
            "--version",
            "1",
            "--out",
            path(out_file),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let a = std::fs::read(&first).expect("first");
    assert_eq!(a, std::fs::read(&second).expect("second"), "byte for byte");
    assert!(pdftotext(&first).contains("Convention 2026 — Page 1 / "));
}
