//! `allia demo --indicators N --months M` at the terminal: an alliance whose evaluation
//! has N indicators measured each month for M months, stored through the vault, the same
//! figures at every run, with French refusals and help.

use std::path::Path;

mod common;
use common::{allia, path, stderr, stdout};

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

fn len(value: &serde_json::Value) -> usize {
    value.as_array().map_or(0, Vec::len)
}

#[test]
fn demo_indicators_makes_a_large_evaluation_the_same_each_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vault = dir.path().join("coffre");
    assert!(allia(&["init", "--vault", path(&vault)]).status.success());
    let mut files = Vec::new();
    for run in 0..2 {
        let out = allia(&[
            "demo",
            "--vault",
            path(&vault),
            "--indicators",
            "12",
            "--months",
            "24",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let printed = stdout(&out);
        let (id, name) = printed.trim().split_once('\t').expect("id and name");
        assert_eq!(
            name,
            "Évaluation à grande échelle (12\u{a0}indicateurs × 24\u{a0}mois)"
        );
        let file = export(
            &vault,
            id,
            &dir.path().join(format!("evaluation-{run}.json")),
        );
        let evaluation = &file["evaluation"];
        assert_eq!(len(&evaluation["indicators"]), 12);
        assert_eq!(len(&evaluation["measurements"]), 12 * 24);
        assert_eq!(len(&file["objectives"]["strategic"]), 2);
        let last = evaluation["measurements"]
            .as_array()
            .and_then(|m| m.last())
            .expect("a measurement");
        assert_eq!(last["date"], "2026-11-30");
        files.push(file);
    }
    // The same indicators and figures at every run (ids and dates aside).
    let shape = |file: &serde_json::Value| -> Vec<String> {
        let evaluation = &file["evaluation"];
        let names = evaluation["indicators"]
            .as_array()
            .expect("indicators")
            .iter()
            .map(|i| format!("{} {} {}", i["name"], i["aggregation"], i["targetValue"]));
        let values = evaluation["measurements"]
            .as_array()
            .expect("measurements")
            .iter()
            .map(|m| format!("{} {} {}", m["date"], m["value"], m["numerator"]));
        names.chain(values).collect()
    };
    assert_eq!(shape(&files[0]), shape(&files[1]));
    let aggregations: std::collections::HashSet<String> = files[0]["evaluation"]["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| i["aggregation"].to_string())
        .collect();
    assert_eq!(aggregations.len(), 4, "{aggregations:?}");

    let out = allia(&["demo", "--vault", path(&vault), "--indicators", "0"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Le nombre d’indicateurs va de 1 à 1000"),
        "{}",
        stderr(&out)
    );
    let out = allia(&[
        "demo",
        "--vault",
        path(&vault),
        "--indicators",
        "3",
        "--months",
        "121",
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Le nombre de mois va de 1 à 120"),
        "{}",
        stderr(&out)
    );
    // Months alone, or with --scale, are refused before the vault is opened.
    let out = allia(&["demo", "--vault", path(&vault), "--months", "12"]);
    assert!(!out.status.success());
    let out = allia(&[
        "demo",
        "--vault",
        path(&vault),
        "--scale",
        "30",
        "--indicators",
        "5",
    ]);
    assert!(!out.status.success());

    let help = allia(&["demo", "--help"]);
    let text = stdout(&help);
    assert!(text.contains("--indicators"), "{text}");
    assert!(text.contains("évaluation à grande échelle"), "{text}");
}
