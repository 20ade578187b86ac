//! Parties are built from the explicit « own association » link, never from names
//! (issue 10, item 3). rw-04 (`tests/data/cases/`): the user's « Comité des fêtes »
//! (Saunay, RNA W372011111, Gisèle Royer) and a partner « Comité des fêtes »
//! (Villedômer, RNA W372022222, Patrick Texier) are two parties of every document.

use std::path::Path;
use std::process::Command;

use allia_core::{AllianceFile, DocumentKind, DocumentSettings};
use allia_docs::render::{options, render, Format};
use allia_docs::templates::{DocumentContext, DocumentOptions};
use chrono::NaiveDate;

fn rw04() -> AllianceFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases/rw-04-homonymes.json");
    let bytes = std::fs::read(path).expect("sample file");
    AllianceFile::from_json_slice(&bytes).expect("an alliance file")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
}

fn document_options(kind: DocumentKind) -> DocumentOptions {
    let settings = DocumentSettings {
        title: kind.label().to_string(),
        ..DocumentSettings::default()
    };
    options(kind, &settings, 1, today())
}

/// The PDF of `kind` read back with pdftotext, lines joined with spaces and
/// non-breaking spaces made plain.
fn pdf_text(file: &AllianceFile, kind: DocumentKind) -> String {
    let bytes = render(file, &document_options(kind), Format::Pdf)
        .expect("renders")
        .bytes;
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("doc.pdf");
    std::fs::write(&pdf, bytes).expect("write pdf");
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("poppler-utils installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn rw04_homonyms_are_two_parties_in_every_document() {
    let file = rw04();
    for kind in DocumentKind::ALL {
        let (context, _) = DocumentContext::from_file(&file, &document_options(kind));
        let names: Vec<&str> = context.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(context.parties.len(), 7, "{kind:?}: {names:?}");
        assert_eq!(
            names.iter().filter(|n| **n == "Comité des fêtes").count(),
            2,
            "{kind:?}: {names:?}"
        );
    }
}

#[test]
fn rw04_convention_names_both_representatives_and_both_signatures() {
    let text = pdf_text(&rw04(), DocumentKind::PartnershipAgreement);
    for who in ["Gisèle Royer", "Patrick Texier"] {
        // Named among the parties, then again in the signature block.
        assert!(
            text.matches(who).count() >= 2,
            "{who} must appear as a representative and a signatory:\n{text}"
        );
    }
    assert!(text.contains("Villedômer"), "{text}");
    assert!(text.contains("W372022222"), "{text}");
    assert!(text.contains("W372011111"), "{text}");
    // The partner's resources stay its own.
    assert!(text.contains("barnum"), "{text}");
}

#[test]
fn the_linked_partner_is_the_first_party_whatever_its_name() {
    let mut file = rw04();
    let (before, _) =
        DocumentContext::from_file(&file, &document_options(DocumentKind::PartnershipAgreement));
    // The user says the Villedômer committee is their own association: the link wins
    // over the name and the numbers, the partner is no longer a party of its own.
    let last = file.partners.len() - 1;
    file.partners[last].own_association = true;
    let (after, _) =
        DocumentContext::from_file(&file, &document_options(DocumentKind::PartnershipAgreement));
    assert_eq!(after.parties.len(), before.parties.len() - 1);
    assert_eq!(after.parties[0].name, "Comité des fêtes");
    assert_eq!(
        after
            .parties
            .iter()
            .filter(|p| p.name == "Comité des fêtes")
            .count(),
        1
    );
    // Linked to a partner with another name, the same: no name is compared.
    let mut file = rw04();
    file.partners[0].own_association = true;
    let (linked, _) =
        DocumentContext::from_file(&file, &document_options(DocumentKind::PartnershipAgreement));
    assert_eq!(linked.parties.len(), 6);
    assert_eq!(linked.parties[0].name, "Comité des fêtes");
    assert!(linked
        .parties
        .iter()
        .all(|p| p.name != "Maison des Solidarités du Val de Brenne"));
}
