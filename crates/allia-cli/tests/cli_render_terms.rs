//! `allia render` with the signature details of a convention: `--place`, `--date`,
//! `--copies` and `--court` reach the PDF over what the file or the vault says, a wrong
//! value is one French line; and `render --input` refuses exactly what `import` refuses,
//! with the same message and exit code (sample rw-16b of ../shared/cases).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::{allia, path, stderr, stdout};

/// The PDF's text on one line: every run of spaces (no-break ones included) and line
/// breaks becomes one space, apostrophes typographic.
fn flat_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([path(pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext refused {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .replace('\'', "’")
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A vault with the demo alliance, and that alliance exported to a file.
struct Demo {
    vault: PathBuf,
    id: String,
    file: PathBuf,
}

fn demo(dir: &Path) -> Demo {
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
    Demo { vault, id, file }
}

/// The demo's alliance file with `change` applied to its JSON, written next to it.
fn changed_file(demo: &Demo, name: &str, change: impl FnOnce(&mut serde_json::Value)) -> PathBuf {
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&demo.file).expect("read")).expect("json");
    change(&mut value);
    let to = demo.file.with_file_name(name);
    std::fs::write(
        &to,
        serde_json::to_string_pretty(&value).expect("write json"),
    )
    .expect("write");
    to
}

#[test]
fn place_date_and_copies_from_the_command_line_are_printed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = demo(dir.path());
    // The file says Tours on 1 June 2027 in 2 originals: the flags win.
    let file = changed_file(&demo, "avec-conditions.json", |v| {
        v["alliance"]["terms"] = serde_json::json!({
            "durationMonths": 36,
            "signaturePlace": "Tours",
            "signatureDate": "2027-06-01",
            "copies": 2
        });
    });
    let pdf = dir.path().join("convention.pdf");
    let out = allia(&[
        "render",
        "--input",
        path(&file),
        "--document",
        "convention",
        "--place",
        "Lyon",
        "--date",
        "2027-03-03",
        "--copies",
        "4",
        "--court",
        "tribunal judiciaire de Lyon",
        "--out",
        path(&pdf),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = flat_text(&pdf);
    assert!(
        text.contains("Fait à Lyon, le 3 mars 2027, en 4 exemplaires originaux."),
        "{text}"
    );
    assert!(!text.contains("Fait à Tours"), "{text}");
    assert!(text.contains("tribunal judiciaire de Lyon"), "{text}");
    assert!(!text.contains("tribunal judiciaire de Tours"), "{text}");

    // From the vault too (the stored alliance has no terms).
    let docx_free = dir.path().join("depuis-le-coffre.pdf");
    let out = allia(&[
        "render",
        "--vault",
        path(&demo.vault),
        "--alliance",
        &demo.id,
        "--document",
        "charte",
        "--place",
        "Saint-Étienne",
        "--date",
        "2027-12-01",
        "--out",
        path(&docx_free),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = flat_text(&docx_free);
    assert!(
        text.contains("Fait à Saint-Étienne, le 1er décembre 2027"),
        "{text}"
    );
}

#[test]
fn the_alliance_terms_are_printed_from_the_file_and_from_the_vault() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = demo(dir.path());
    let file = changed_file(&demo, "avec-conditions.json", |v| {
        v["alliance"]["terms"] = serde_json::json!({
            "durationMonths": 36,
            "tacitRenewal": true,
            "noticeMonths": 3,
            "signaturePlace": "Tours",
            "signatureDate": "2027-06-01",
            "copies": 2,
            "court": "tribunal judiciaire de Tours"
        });
    });
    let from_file = dir.path().join("depuis-le-fichier.pdf");
    let out = allia(&[
        "render",
        "--input",
        path(&file),
        "--document",
        "convention",
        "--out",
        path(&from_file),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    // Imported, the terms are in the vault, and render from there the same way.
    // The demo's own export (same alliance id): imported as a copy.
    let out = allia(&[
        "import",
        "--vault",
        path(&demo.vault),
        "--input",
        path(&file),
        "--copy",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let imported = stdout(&out)
        .split('\t')
        .next()
        .unwrap_or_default()
        .to_string();
    let from_vault = dir.path().join("depuis-le-coffre.pdf");
    let out = allia(&[
        "render",
        "--vault",
        path(&demo.vault),
        "--alliance",
        &imported,
        "--document",
        "convention",
        "--out",
        path(&from_vault),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    for pdf in [&from_file, &from_vault] {
        let text = flat_text(pdf);
        assert!(
            text.contains("Fait à Tours, le 1er juin 2027, en 2 exemplaires originaux."),
            "{}: {text}",
            pdf.display()
        );
        assert!(
            text.contains("tribunal judiciaire de Tours"),
            "{}",
            pdf.display()
        );
    }
}

#[test]
fn wrong_signature_flags_are_one_french_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = demo(dir.path());
    let pdf = dir.path().join("x.pdf");
    let render = |extra: &[&str]| {
        let mut args = vec![
            "render",
            "--input",
            path(&demo.file),
            "--document",
            "convention",
            "--out",
            path(&pdf),
        ];
        args.extend_from_slice(extra);
        allia(&args)
    };

    let out = render(&["--date", "2027-02-30"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "allia : --date\u{a0}: « 2027-02-30 » n’est pas une date (AAAA-MM-JJ, par exemple 2027-03-03)."
    );
    let out = render(&["--date", "3 mars 2027"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("« 3 mars 2027 » n’est pas une date"));

    let out = render(&["--date", "0207-03-03", "--copies", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--date\u{a0}: Cette date de signature semble erronée"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("--copies\u{a0}: Indiquez entre 1 et 50 exemplaires originaux."),
        "{}",
        stderr(&out)
    );
    let long_place = "L".repeat(101);
    let out = render(&["--place", &long_place]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--place\u{a0}: Ce texte est trop long"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists(), "nothing written on a refusal");

    // Not a number at all: a usage mistake, as for --version.
    let out = render(&["--copies", "deux"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("valeur invalide pour --copies"),
        "{}",
        stderr(&out)
    );
}

/// Runs `import` then `render --input` on the same file; both outputs.
fn import_and_render(demo: &Demo, file: &Path) -> (Output, Output) {
    // Files made from the demo's own export: imported as a copy when valid.
    let imported = allia(&[
        "import",
        "--vault",
        path(&demo.vault),
        "--input",
        path(file),
        "--copy",
    ]);
    let pdf = file.with_extension("pdf");
    let rendered = allia(&[
        "render",
        "--input",
        path(file),
        "--document",
        "convention",
        "--out",
        path(&pdf),
    ]);
    assert_eq!(
        pdf.exists(),
        rendered.status.success(),
        "a PDF only when render succeeds"
    );
    (imported, rendered)
}

#[test]
fn render_input_refuses_what_import_refuses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = demo(dir.path());

    // rw-16b: a format-1 shape labelled format 2 (no ids).
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases/rw-16b-format2.json");
    let (imported, rendered) = import_and_render(&demo, &sample);
    assert_eq!(imported.status.code(), Some(1), "{}", stderr(&imported));
    assert_eq!(rendered.status.code(), imported.status.code());
    assert_eq!(stderr(&rendered), stderr(&imported));
    assert!(
        stderr(&rendered).contains("champ « id » manquant"),
        "{}",
        stderr(&rendered)
    );

    // Terms that contradict each other, and a wrong SIRET: every problem, in French.
    let wrong = changed_file(&demo, "conditions-impossibles.json", |v| {
        v["alliance"]["terms"] = serde_json::json!({ "durationMonths": 6, "noticeMonths": 12 });
        v["partners"][2]["organisation"]["siret"] = serde_json::json!("123");
    });
    let (imported, rendered) = import_and_render(&demo, &wrong);
    assert_eq!(imported.status.code(), Some(1), "{}", stderr(&imported));
    assert_eq!(rendered.status.code(), imported.status.code());
    assert_eq!(stderr(&rendered), stderr(&imported));
    let message = stderr(&rendered);
    assert!(
        message.contains(
            "alliance, préavis\u{a0}: Le préavis doit être plus court que la durée de la convention (6\u{a0}mois)."
        ),
        "{message}"
    );
    assert!(message.contains("partenaire 3, SIRET\u{a0}: "), "{message}");
    assert!(!message.contains("partners."), "{message}");
    assert!(!message.contains("terms."), "{message}");

    // The file's own association (its profile) is checked like a partner.
    let profile = changed_file(&demo, "profil-faux.json", |v| {
        v["profile"] = serde_json::json!({
            "name": "Association Alpha", "siret": "12345678901234", "rna": "X12",
            "postalCode": "380", "bank": { "iban": "NOT AN IBAN AT ALL" } });
    });
    let (imported, rendered) = import_and_render(&demo, &profile);
    assert_eq!(imported.status.code(), Some(1), "{}", stderr(&imported));
    assert_eq!(rendered.status.code(), imported.status.code());
    assert_eq!(stderr(&rendered), stderr(&imported));
    let message = stderr(&rendered);
    for label in [
        "profil, SIRET\u{a0}: ",
        "profil, numéro RNA\u{a0}: ",
        "profil, code postal\u{a0}: ",
        "profil, IBAN\u{a0}: ",
    ] {
        assert!(message.contains(label), "{label} in {message}");
    }
    assert!(!message.contains("profile."), "{message}");

    // What import accepts renders.
    let fine = changed_file(&demo, "conditions.json", |v| {
        v["alliance"]["terms"] = serde_json::json!({ "durationMonths": 24, "noticeMonths": 2 });
    });
    let (imported, rendered) = import_and_render(&demo, &fine);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(rendered.status.success(), "{}", stderr(&rendered));
}
