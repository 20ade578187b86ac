//! The model advisor's answers from the command line: the demo alliance's answers are in
//! its export, and an import into another vault gives them back, the same record (id,
//! dates, answers) in the second export.

mod common;
use common::{allia, demo_vault, path, stderr};

fn export(vault: &std::path::Path, id: &str, file: &std::path::Path) -> serde_json::Value {
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

#[test]
fn export_then_import_gives_back_the_answers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, id) = demo_vault(dir.path());
    let first = export(&vault, &id, &dir.path().join("premier.json"));
    let advisor = &first["modelAdvisor"];
    assert_eq!(advisor["answers"]["partnerCount"], 4);
    assert_eq!(advisor["answers"]["expectedDuration"], "lasting");
    assert_eq!(advisor["answers"]["companyContributions"][0], "skills");

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
    let second = export(&other, &id, &dir.path().join("second.json"));
    assert_eq!(second["modelAdvisor"], first["modelAdvisor"]);
}
