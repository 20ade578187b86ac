//! What the reader says about files that are not alliance files, or not quite: every
//! record that does not fit the shape listed with its place and path, an empty file, a
//! UTF-16 file (decoded and read), a file in Latin-1, a binary file, JSON that is not an
//! object, and a date of the right form that names no day.

use allia_core::{read_alliance_file, AllianceFileError, FileContent};
use serde_json::Value;

/// A valid format-2 file (a copy of allia-store's golden export).
fn valid() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/read_errors/valid-v2.json");
    serde_json::from_slice(&std::fs::read(path).expect("sample")).expect("json")
}

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec_pretty(value).expect("json")
}

fn reason(bytes: &[u8]) -> String {
    match read_alliance_file(bytes) {
        Err(AllianceFileError::NotAllianceFile { reason }) => reason,
        other => panic!("expected a refusal saying what to do, got {other:?}"),
    }
}

#[test]
fn the_sample_reads() {
    let read = read_alliance_file(&bytes(&valid())).expect("valid");
    assert_eq!(read.content.format(), 2);
    assert!(read.unknown_fields.is_empty());
}

#[test]
fn every_record_that_does_not_fit_is_listed_with_its_place_and_path() {
    let mut file = valid();
    file["alliance"]["startDate"] = "01/12/2025".into();
    file["partners"][1]["organisation"]["name"] = 42.into();
    file["partners"][2]["role"] = "chef".into();
    let err = read_alliance_file(&bytes(&file)).expect_err("three problems");
    let AllianceFileError::Shape { problems } = &err else {
        panic!("expected every problem, got {err:?}");
    };
    assert_eq!(
        problems,
        &vec![
            "alliance, date de début\u{a0}: date attendue au format AAAA-MM-JJ (par exemple 2025-12-01) (alliance.startDate)".to_string(),
            "partenaire 2, nom\u{a0}: valeur d’un type inattendu (texte attendu) (partners.2.organisation.name)".to_string(),
            "partenaire 3, rôle dans l’alliance\u{a0}: valeur « chef » inconnue (partners.3.role)".to_string(),
        ]
    );
    // The app's error notice shows the first line, then each problem as an item.
    let sentence = err.to_string();
    let lines: Vec<&str> = sentence.lines().collect();
    assert_eq!(
        lines[0],
        "Ce fichier n’est pas un fichier d’alliance Allia valide (3 problèmes)\u{a0}:"
    );
    assert_eq!(&lines[1..], problems.as_slice());
    assert_eq!(err.problem().lines().count(), 3);
}

#[test]
fn a_version_of_a_document_and_a_commitment_are_named_too() {
    let mut file = valid();
    let documents = file["documents"].as_array().map_or(0, Vec::len);
    let commitments = file["commitments"].as_array().map_or(0, Vec::len);
    assert!(documents > 0 && commitments > 0, "the sample has both");
    file["commitments"][0]["createdAt"] = "hier".into();
    file["documents"][0]["versions"][0]["number"] = "un".into();
    let err = read_alliance_file(&bytes(&file)).expect_err("two problems");
    let AllianceFileError::Shape { problems } = &err else {
        panic!("expected every problem, got {err:?}");
    };
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("engagements, entrée 1\u{a0}: date et heure attendues"),
        "{problems:?}"
    );
    assert!(
        problems[0].ends_with("(commitments.1.createdAt)"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with("document 1, version 1\u{a0}: "),
        "{problems:?}"
    );
    assert!(
        problems[1].ends_with("(documents.1.versions.1.number)"),
        "{problems:?}"
    );
}

#[test]
fn one_misshapen_value_keeps_its_line_and_column() {
    let mut file = valid();
    file["partners"][0]["role"] = "chef".into();
    match read_alliance_file(&bytes(&file)) {
        Err(AllianceFileError::Malformed { problem, line, .. }) => {
            assert_eq!(
                problem,
                "partenaire 1, rôle dans l’alliance\u{a0}: valeur « chef » inconnue (partners.1.role)"
            );
            assert!(line > 1);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn an_impossible_date_says_it_does_not_exist() {
    let mut file = valid();
    file["alliance"]["startDate"] = "2025-13-45".into();
    match read_alliance_file(&bytes(&file)) {
        Err(AllianceFileError::Malformed { problem, .. }) => assert_eq!(
            problem,
            "alliance, date de début\u{a0}: date inexistante\u{a0}: 2025-13-45 (mois 13) (alliance.startDate)"
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
    file["alliance"]["startDate"] = "2025-02-30".into();
    match read_alliance_file(&bytes(&file)) {
        Err(AllianceFileError::Malformed { problem, .. }) => assert_eq!(
            problem,
            "alliance, date de début\u{a0}: date inexistante\u{a0}: 2025-02-30 (jour 30) (alliance.startDate)"
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn an_empty_file_is_said_empty() {
    let empty = "Le fichier est vide\u{a0}: ce n’est pas un fichier d’alliance.";
    assert_eq!(reason(b""), empty);
    assert_eq!(reason(b" \n\r\n"), empty);
    assert_eq!(reason(b"\xEF\xBB\xBF"), empty);
}

#[test]
fn utf16_with_its_byte_order_mark_is_read() {
    let text = String::from_utf8(bytes(&valid())).expect("utf-8");
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let utf8 = read_alliance_file(text.as_bytes()).expect("utf-8");
    for encoded in [le, be] {
        let read = read_alliance_file(&encoded).expect("utf-16");
        assert!(matches!(read.content, FileContent::V2(_)));
        assert_eq!(read, utf8);
    }
}

#[test]
fn latin1_is_refused_with_the_place_of_the_first_unreadable_byte() {
    let text = String::from_utf8(bytes(&valid())).expect("utf-8");
    let latin1: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    // The first non-ASCII character of the sample, in Latin-1.
    let (line, before) = text
        .lines()
        .enumerate()
        .find_map(|(n, l)| l.find(|c: char| !c.is_ascii()).map(|at| (n + 1, &l[..at])))
        .expect("an accent");
    assert_eq!(
        reason(&latin1),
        format!(
            "Ce fichier n’est pas encodé en UTF-8 (octet illisible ligne {line}, colonne {})\u{a0}: enregistrez-le en UTF-8 depuis votre éditeur.",
            before.chars().count() + 1
        )
    );
}

#[test]
fn a_binary_file_is_said_binary() {
    let binary = "Ce fichier n’est pas un fichier d’alliance (contenu binaire).";
    assert_eq!(reason(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), binary);
    assert_eq!(reason(b"%PDF-1.7\n\x00\x01\x02"), binary);
}

#[test]
fn json_that_is_not_an_object_says_what_is_expected() {
    let expected = "Ce fichier JSON n’est pas un fichier d’alliance\u{a0}: un objet { … } avec « format », « alliance » et « partners » est attendu.";
    for text in ["[1,2,3]", "42", "\"alliance\"", "null", "true"] {
        assert_eq!(reason(text.as_bytes()), expected, "{text}");
    }
}

#[test]
fn a_number_with_decimals_where_a_whole_one_is_expected_says_so() {
    let mut file = valid();
    file["commitments"][0]["draft"]["inKind"][0]["valueCents"] = serde_json::json!(3_000_000.5);
    file["alliance"]["terms"] = serde_json::json!({ "durationMonths": 12.5 });
    let err = read_alliance_file(&bytes(&file)).expect_err("two problems");
    let AllianceFileError::Shape { problems } = &err else {
        panic!("expected every problem, got {err:?}");
    };
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].contains(
            "12.5 n’est pas un nombre entier\u{a0}: écrivez-le sans décimale (alliance.terms.durationMonths)"
        ),
        "{problems:?}"
    );
    assert!(
        problems[1].contains(
            "3000000.5 n’est pas un nombre entier\u{a0}: les montants s’écrivent en centimes, \
             sans décimale (30\u{202f}000,50\u{a0}€ s’écrit 3000050) (commitments.1.draft.inKind.0.valueCents)"
        ),
        "{problems:?}"
    );
    assert!(!problems.iter().any(|p| p.contains("type inattendu")));
}
