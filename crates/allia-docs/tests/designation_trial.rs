//! Designations as a tester stored them (`tests/data/cases/trial9-g2-designations-explicites.json`),
//! read back from the PDF with pdftotext:
//! - an article chosen before a name that already starts with one never doubles it
//!   (« Les Les Compagnons », « Engagements des Les Restos »), whether the import drops
//!   it or the stored choice reaches the renderer as it is;
//! - « le » and « la » are elided before a vowel or a mute h (« l’Atelier », « de
//!   l’Atelier »);
//! - verbs agree with a plural party (« les Compagnons contribuent », « s’engagent »,
//!   « Leurs apports ») in the convention, the charte and the consortium agreement.

use std::path::Path;
use std::process::Command;

use allia_core::alliance_file::{read_alliance_file, Importable};
use allia_core::designation::{Article, Designation, Gender, GrammaticalNumber};
use allia_core::{AllianceFile, DocumentKind, DocumentSettings};
use allia_docs::render::{options, render, Format};
use chrono::NaiveDate;

/// The tester's file as `allia render --input` reads it: validated like an import.
fn imported() -> AllianceFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cases/trial9-g2-designations-explicites.json");
    let bytes = std::fs::read(&path).expect("sample file");
    read_alliance_file(&bytes)
        .expect("an alliance file")
        .validated_for_import()
        .expect("a valid alliance file: a doubled article is dropped, not refused")
        .render_input()
}

/// The same with the doubled articles put back, as an older vault could hold them.
fn as_stored() -> AllianceFile {
    let mut file = imported();
    for partner in &mut file.partners {
        let name = partner.organisation.name.clone();
        if let Some(d) = partner.organisation.designation.as_mut() {
            if name.starts_with("Les ") {
                d.article = Article::Les;
            }
        }
    }
    file
}

/// One line of pdftotext's reading of the document, no-break spaces made plain.
fn pdf_text(file: &AllianceFile, kind: DocumentKind) -> String {
    let settings = DocumentSettings {
        title: kind.label().to_string(),
        ..DocumentSettings::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let bytes = render(file, &options(kind, &settings, 1, today), Format::Pdf)
        .expect("renders")
        .bytes;
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("document.pdf");
    std::fs::write(&pdf, bytes).expect("write pdf");
    let out = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("poppler-utils installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .replace(['\u{a0}', '\u{202f}', '\n', '\u{c}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_import_drops_an_article_that_doubles_the_name() {
    let file = imported();
    let compagnons = file
        .partners
        .iter()
        .find(|p| p.organisation.name == "Les Compagnons bâtisseurs")
        .and_then(|p| p.organisation.designation.clone())
        .expect("designation");
    assert_eq!(compagnons.article, Article::None);
    assert_eq!(compagnons.number, GrammaticalNumber::Plural);
    // The form refuses the same choice with a field message.
    let err = Designation {
        article: Article::Les,
        ..compagnons
    }
    .validated_for("Les Compagnons bâtisseurs")
    .expect_err("refused in the form");
    assert_eq!(err.0[0].field, "article");
}

#[test]
fn no_doubled_article_and_elision_in_the_convention() {
    for (how, file) in [("imported", imported()), ("stored", as_stored())] {
        let text = pdf_text(&file, DocumentKind::PartnershipAgreement);
        for wrong in [
            "Les Les",
            "les Les",
            "des Les",
            "Le Atelier",
            "du Atelier",
            "la Harmonie",
        ] {
            assert!(!text.contains(wrong), "{how}: « {wrong} » in\n{text}");
        }
        for phrase in [
            "Les Compagnons bâtisseurs, dont le siège est situé à Château-Renault, représentés",
            "Engagements des Compagnons bâtisseurs",
            "Engagements des Restos du Cœur",
            "Engagements des Amies",
            "L’Atelier sans article, dont le siège",
            "Engagements de l’Atelier sans article",
            "Engagements de l’Harmonie municipale",
        ] {
            assert!(
                text.contains(phrase),
                "{how}: « {phrase} » missing in\n{text}"
            );
        }
    }
}

#[test]
fn verbs_agree_with_a_plural_party_in_the_convention() {
    let text = pdf_text(&imported(), DocumentKind::PartnershipAgreement);
    for phrase in [
        "les Compagnons contribuent à la réalisation",
        "Les Compagnons s’engagent en outre à",
        "les Amies contribuent à la réalisation",
        "Les Amies s’engagent en outre à",
        "les Restos contribuent",
        "pouvant affecter leurs engagements",
    ] {
        assert!(text.contains(phrase), "« {phrase} » missing in\n{text}");
    }
    for wrong in [
        "les Compagnons contribue ",
        "Les Compagnons s’engage ",
        "les Amies contribue ",
        "Les Amies s’engage ",
    ] {
        assert!(!text.contains(wrong), "« {wrong} » in\n{text}");
    }
    // A singular party keeps the singular.
    assert!(text.contains("JPB contribue à la réalisation"), "{text}");
    assert!(text.contains("JPB s’engage en outre à"), "{text}");
}

#[test]
fn a_plural_party_reads_right_in_the_charte_and_the_consortium() {
    let file = imported();
    let charte = pdf_text(&file, DocumentKind::PartnershipCharter);
    assert!(
        charte.contains(
            "Les Compagnons bâtisseurs, dont le siège est situé à Château-Renault, représentés"
        ),
        "{charte}"
    );
    assert!(!charte.contains("Les Les"), "{charte}");
    let consortium = pdf_text(&file, DocumentKind::ConsortiumAgreement);
    for phrase in [
        "Apports des Compagnons bâtisseurs",
        "Apports des Amies",
        "Apports de l’Atelier sans article",
        "ci-après dénommés « les Compagnons »",
    ] {
        assert!(
            consortium.contains(phrase),
            "« {phrase} » missing in\n{consortium}"
        );
    }
    for wrong in [
        "Les Les",
        "des Les",
        "Les Compagnons apporte ",
        "Les Amies apporte ",
        "Le Atelier",
    ] {
        assert!(!consortium.contains(wrong), "« {wrong} » in\n{consortium}");
    }
    assert!(
        consortium.contains("Les Compagnons apportent au Projet")
            || consortium.contains("Apports des Compagnons bâtisseurs Leurs apports au Projet"),
        "{consortium}"
    );
    // Singular agreement is kept where the party is singular.
    let gender = file
        .partners
        .iter()
        .find(|p| p.organisation.name == "Les Amies")
        .and_then(|p| p.organisation.designation.as_ref())
        .map(|d| d.gender);
    assert_eq!(gender, Some(Gender::Feminine));
}
