//! The actor register at the terminal: `allia export` then `allia import` of the demo
//! alliance gives back every actor (not only the partners) with its status and map
//! fields, and every link, exchange, criterion and score, the second export equal to the
//! first; `allia demo --scale N` makes a large alliance, the same at every run.

use std::path::Path;

mod common;
use common::{allia, demo_vault, path, stderr, stdout};

fn export(vault: &Path, id: &str, file: &Path) -> serde_json::Value {
    let out = allia(&[
        "export",
        "--vault",
        path(vault),
        "--alliance",
        id,
        "--out",
        path(file),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&std::fs::read_to_string(file).expect("exported")).expect("json")
}

fn len(value: &serde_json::Value, key: &str) -> usize {
    value[key].as_array().map_or(0, Vec::len)
}

#[test]
fn export_then_import_of_the_demo_gives_back_every_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let first = export(&vault, &id, &dir.path().join("premier.json"));
    assert_eq!(len(&first, "partners"), 17);
    let statuses: Vec<&str> = first["partners"]
        .as_array()
        .expect("partners")
        .iter()
        .filter_map(|p| p["pipeline"]["status"].as_str())
        .collect();
    for status in [
        "identified",
        "contacted",
        "in_discussion",
        "retained",
        "dismissed",
    ] {
        assert!(statuses.contains(&status), "{status}: {statuses:?}");
    }
    assert!(len(&first, "interactions") >= 10);
    assert!(len(&first, "exchanges") >= 1);
    assert_eq!(len(&first, "criteria"), 5);
    assert_eq!(len(&first, "scores"), 55);

    let other = dir.path().join("autre-coffre");
    assert!(allia(&["init", "--vault", path(&other)]).status.success());
    let out = allia(&[
        "import",
        "--vault",
        path(&other),
        "--input",
        path(&dir.path().join("premier.json")),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut second = export(&other, &id, &dir.path().join("second.json"));
    // Only the time the file was written differs.
    second["createdAt"] = first["createdAt"].clone();
    assert_eq!(second, first);

    // A convention rendered from the file has the partners as parties, not every actor.
    let pdf = dir.path().join("convention.pdf");
    let out = allia(&[
        "render",
        "--input",
        path(&dir.path().join("premier.json")),
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
    assert!(text.contains("Sport et Insertion"), "{text}");
    assert!(!text.contains("Crédit Coopératif"), "{text}");
    assert!(!text.contains("Brenne Expertise"), "{text}");
}

#[test]
fn demo_scale_makes_a_large_alliance_the_same_each_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = dir.path().join("coffre");
    assert!(allia(&["init", "--vault", path(&vault)]).status.success());
    let mut files = Vec::new();
    for run in 0..2 {
        let out = allia(&["demo", "--vault", path(&vault), "--scale", "30"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let printed = stdout(&out);
        let (id, name) = printed.trim().split_once('\t').expect("id and name");
        assert_eq!(
            name,
            "Alliance de démonstration à grande échelle (30 acteurs)"
        );
        let file = export(&vault, id, &dir.path().join(format!("grande-{run}.json")));
        assert_eq!(len(&file, "partners"), 30);
        assert_eq!(len(&file, "interactions"), 100);
        assert_eq!(len(&file, "criteria"), 5);
        assert!(len(&file, "scores") > 0);
        files.push(file);
    }
    // Seeded: the same actors and levels (ids and dates aside).
    let shape = |file: &serde_json::Value| -> Vec<(String, String)> {
        file["partners"]
            .as_array()
            .expect("partners")
            .iter()
            .map(|p| {
                (
                    p["organisation"]["name"].to_string(),
                    p["assessment"].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(shape(&files[0]), shape(&files[1]));

    let out = allia(&["demo", "--vault", path(&vault), "--scale", "0"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Le nombre d’acteurs va de 1 à 500"),
        "{}",
        stderr(&out)
    );
}
