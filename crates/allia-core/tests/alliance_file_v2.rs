//! The alliance file of format 2 and the reading of both formats, on the samples of
//! `tests/data/cases` (copies of ../shared/cases): format 1 → 2 conversion with ids derived from the content
//! and the producing association marked by format 1's rule, a byte-order mark, unknown
//! fields listed with their place, a date in the wrong form named with the form
//! expected, a format-2 file without ids refused, and format 2 read back as written.

use std::collections::HashSet;

use allia_core::validation::is_record_id;
use allia_core::{
    read_alliance_file, AllianceFileError, AllianceFileV2, ClauseOverride, DocumentKind,
    DocumentSettings, DocumentStatus, FileContent, FileDocument, FileParty, FileSettings,
    FileSignature, FileVersion, Importable, PartySignature, Snapshot,
};
use chrono::{NaiveDate, TimeZone, Utc};

fn case(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cases")
        .join(name);
    std::fs::read(path).expect("sample")
}

fn converted(name: &str) -> AllianceFileV2 {
    let read = read_alliance_file(&case(name)).expect("reads");
    assert!(
        matches!(read.content, FileContent::V1(_)),
        "{name}: format 1"
    );
    read.validated_for_import().expect("imports").file
}

/// Every id of a file, in order.
fn ids(file: &AllianceFileV2) -> Vec<String> {
    let mut ids = vec![file.alliance.id.clone()];
    ids.extend(file.partners.iter().map(|p| p.id.clone()));
    ids.extend(file.commitments.iter().map(|c| c.id.clone()));
    for d in &file.documents {
        ids.push(d.id.clone());
        for v in &d.versions {
            ids.push(v.id.clone());
            ids.extend(v.settings.overrides.iter().map(|o| o.id.clone()));
            ids.extend(v.signatures.iter().map(|s| s.id.clone()));
        }
    }
    ids
}

#[test]
fn format_1_samples_convert_with_ids_derived_from_their_content() {
    for name in [
        "rw-01-laposte-siege.json",
        "rw-04-homonymes.json",
        "rw-05-bom.json",
        "rw-06-nfd.json",
    ] {
        let file = converted(name);
        assert_eq!(file.format, 2, "{name}");
        let ids = ids(&file);
        assert!(ids.iter().all(|id| is_record_id(id)), "{name}: {ids:?}");
        assert_eq!(
            ids.iter().collect::<HashSet<_>>().len(),
            ids.len(),
            "{name}: distinct"
        );
        // Converted again: the same ids (derived from the file's content), so that
        // what a review shows is what the import applies.
        let again = converted(name);
        assert_eq!(self::ids(&again), ids, "{name}");
        assert_eq!(again.alliance.draft(), file.alliance.draft(), "{name}");
    }
    // Another file, other ids.
    let a = converted("rw-01-laposte-siege.json");
    let b = converted("rw-04-homonymes.json");
    assert_ne!(a.alliance.id, b.alliance.id);
    assert!(ids(&a).iter().all(|id| !ids(&b).contains(id)));
}

#[test]
fn the_producing_association_is_marked_by_format_1_rule_only() {
    // Homonyms: the partner « Comité des fêtes » has another RNA number than the
    // profile « Comité des fêtes »: two organisations, nothing marked.
    let homonyms = converted("rw-04-homonymes.json");
    assert!(homonyms.partners.iter().all(|p| !p.own_association));
    // A decomposed (NFD) copy of the profile's name, no identifier on either side that
    // differs: it is the producing association, and the only one marked.
    let nfd = converted("rw-06-nfd.json");
    let marked: Vec<usize> = nfd
        .partners
        .iter()
        .enumerate()
        .filter(|(_, p)| p.own_association)
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(marked, vec![7]);
    assert_eq!(
        nfd.partners[6].organisation.name, "Les Amis de l’Écluse de Sèvres",
        "validated: NFC"
    );
    // Other partners, with identifiers of their own: none.
    assert!(converted("rw-01-laposte-siege.json")
        .partners
        .iter()
        .all(|p| !p.own_association));
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let bytes = case("rw-05-bom.json");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "the sample keeps its BOM"
    );
    let read = read_alliance_file(&bytes).expect("read despite the BOM");
    assert!(read.unknown_fields.is_empty());
    let without = read_alliance_file(&bytes[3..]).expect("without");
    assert_eq!(read.content, without.content);
}

#[test]
fn unknown_fields_are_listed_with_their_place() {
    let read = read_alliance_file(&case("rw-16-champs-inconnus.json")).expect("reads");
    let found: Vec<(&str, &str)> = read
        .unknown_fields
        .iter()
        .map(|f| (f.path.as_str(), f.place.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("alliance.durationMonths", "alliance, durationMonths"),
            (
                "partners.2.contributionCents",
                "partenaire 2, contributionCents"
            ),
        ]
    );
    assert_eq!(
        read.unknown_fields[1].described(),
        "champ inconnu\u{a0}: partenaire 2, contributionCents (partners.2.contributionCents)"
    );
    // What is known is validated as usual once they are dropped: here the partner
    // with an unknown field is Belgian with a French RNA number, refused on its own.
    let errors = read
        .validated_for_import()
        .expect_err("RNA of a Belgian partner");
    let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["partners.2.rna"]);
}

#[test]
fn a_format_1_shape_labelled_format_2_is_refused() {
    // Every record without its id is named, with its path.
    match read_alliance_file(&case("rw-16b-format2.json")) {
        Err(AllianceFileError::Shape { problems }) => {
            assert_eq!(problems.len(), 6, "{problems:?}");
            assert_eq!(
                problems[0],
                "alliance\u{a0}: champ « id » manquant (alliance)"
            );
            assert_eq!(
                problems[2],
                "partenaire 2\u{a0}: champ « id » manquant (partners.2)"
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_date_in_the_wrong_form_says_the_form_expected() {
    let text = String::from_utf8(case("rw-05-bom.json")).expect("utf-8");
    let wrong = text.replace("\"2025-12-01\"", "\"01/12/2025\"");
    match read_alliance_file(wrong.as_bytes()) {
        Err(AllianceFileError::Malformed { problem, line, .. }) => {
            assert_eq!(
                problem,
                "alliance, date de début\u{a0}: date attendue au format AAAA-MM-JJ (par exemple 2025-12-01) (alliance.startDate)"
            );
            assert_eq!(line, 21);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // Not a date field: the general reason.
    let wrong = text.replace(
        "\"territory\": \"Val de Brenne (Indre-et-Loire)\"",
        "\"territory\": 3",
    );
    match read_alliance_file(wrong.as_bytes()) {
        Err(AllianceFileError::Malformed { problem, .. }) => {
            assert_eq!(
                problem,
                "alliance, territoire\u{a0}: valeur d’un type inattendu (texte attendu) (alliance.territory)"
            )
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn an_unknown_format_number_is_refused_in_french() {
    let text = String::from_utf8(case("rw-01-laposte-siege.json")).expect("utf-8");
    let newer = text.replacen("\"format\": 1", "\"format\": 3", 1);
    let err = read_alliance_file(newer.as_bytes()).expect_err("format 3");
    assert_eq!(err, AllianceFileError::UnknownFormat { format: 3 });
    assert_eq!(
        err.to_string(),
        "Ce fichier d’alliance est au format 3, que cette version d’Allia ne sait pas lire (formats 1 et 2)\u{a0}: mettez Allia à jour."
    );
}

fn at(day: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, day, 9, 30, 0)
        .single()
        .expect("date")
}

/// A converted sample with a commitment and a convention of two versions: the first
/// signed (snapshot, a signature, a clause change), the second a draft.
fn rich() -> AllianceFileV2 {
    let mut file = converted("rw-05-bom.json");
    let data = allia_core::ImportedAlliance { file: file.clone() }.render_input();
    let settings = DocumentSettings {
        title: "Convention de partenariat".into(),
        overrides: vec![ClauseOverride {
            clause_id: "resiliation".into(),
            enabled: Some(false),
            text: None,
        }],
        ..Default::default()
    };
    let mut ids = (1..).map(|n| format!("00000000-0000-4000-8000-{n:012}"));
    let mut next = || ids.next().expect("id");
    let signed = FileVersion {
        id: next(),
        number: 1,
        status: DocumentStatus::Signed,
        created_at: at(1),
        settings: FileSettings::new(settings.clone(), |_| next()),
        signatures: vec![FileSignature::new(
            next(),
            PartySignature {
                party: "Les Ateliers du Coteau".into(),
                signatory: "Odile Marchand".into(),
                signed_on: NaiveDate::from_ymd_opt(2026, 12, 2).expect("date"),
            },
        )],
        frozen_at: Some(at(2)),
        snapshot: Some(Snapshot::of(&data)),
        printed_pdf: None,
    };
    let draft = FileVersion {
        id: next(),
        number: 2,
        status: DocumentStatus::Draft,
        created_at: at(3),
        settings: FileSettings::new(settings, |_| next()),
        signatures: Vec::new(),
        frozen_at: None,
        snapshot: None,
        printed_pdf: None,
    };
    file.documents.push(FileDocument {
        id: next(),
        created_at: at(1),
        updated_at: at(3),
        kind: DocumentKind::PartnershipAgreement,
        versions: vec![signed, draft],
    });
    file.commitments.push(allia_core::FileCommitment {
        id: next(),
        created_at: at(1),
        updated_at: at(1),
        party: FileParty::PartnerId(file.partners[1].id.clone()),
        draft: allia_core::CommitmentsDraft::default(),
    });
    file
}

#[test]
fn format_2_reads_back_as_written_and_keeps_every_id() {
    let file = rich();
    let json = file.to_json_string().expect("json");
    assert!(
        json.starts_with("{\n  \"format\": 2,\n  \"createdAt\": "),
        "{json}"
    );
    assert!(json.contains("\"partnerId\": "));
    assert!(json.contains("\"ownAssociation\": false"));
    assert!(json.contains("\"snapshotVersion\": "));
    let read = read_alliance_file(json.as_bytes()).expect("reads back");
    assert!(read.unknown_fields.is_empty(), "{:?}", read.unknown_fields);
    assert_eq!(read.content, FileContent::V2(Box::new(file.clone())));
    let imported = read.validated_for_import().expect("valid");
    assert_eq!(ids(&imported.file), ids(&file));
    assert_eq!(
        imported.file.documents[0].versions[0],
        file.documents[0].versions[0]
    );
}

fn fields(file: &AllianceFileV2) -> Vec<String> {
    match file.validated_for_import() {
        Ok(_) => Vec::new(),
        Err(errors) => errors.0.into_iter().map(|e| e.field).collect(),
    }
}

#[test]
fn format_2_validation_checks_ids_parties_and_versions() {
    let good = rich();
    assert!(fields(&good).is_empty());

    let mut bad = good.clone();
    bad.partners[2].id = bad.partners[1].id.clone();
    bad.alliance.id = "ALLIANCE".into();
    assert_eq!(fields(&bad), vec!["alliance.id", "partners.3.id"]);

    let mut dangling = good.clone();
    dangling.commitments[0].party =
        FileParty::PartnerId("ffffffff-ffff-4fff-bfff-ffffffffffff".into());
    assert_eq!(fields(&dangling), vec!["commitments.1.party"]);

    let mut versions = good.clone();
    versions.documents[0].versions[0].status = DocumentStatus::Draft;
    versions.documents[0].versions[1].number = 3;
    assert_eq!(
        fields(&versions),
        vec![
            "documents.1.versions.1.status",
            "documents.1.versions.1.signatures",
            "documents.1.versions.2.number"
        ]
    );

    let mut two_own = good;
    two_own.partners[0].own_association = true;
    two_own.partners[3].own_association = true;
    assert_eq!(fields(&two_own), vec!["partners.4.ownAssociation"]);
}

#[test]
fn unknown_fields_inside_documents_are_named_too() {
    let json = rich().to_json_string().expect("json").replacen(
        "\"title\": \"Convention de partenariat\",",
        "\"title\": \"Convention de partenariat\", \"watermark\": true,",
        1,
    );
    let read = read_alliance_file(json.as_bytes()).expect("reads");
    let found: Vec<(&str, &str)> = read
        .unknown_fields
        .iter()
        .map(|f| (f.path.as_str(), f.place.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![(
            "documents.1.versions.1.settings.watermark",
            "document 1, version 1, settings.watermark"
        )]
    );
}
