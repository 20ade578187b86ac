//! French grammar around the parties' names, read back from the rendered files: each
//! party is named with its article and agreed with (« le Département …, représenté par
//! …, ci-après dénommé « le Département » », « Engagements du Département », « de
//! l’Université »), the identity line says « situé à Château-Renault » when only the city
//! is known, and the DOCX says the same as the PDF.
//!
//! The sample `tests/data/cases/rw-15-accords-masculins.json` (from the shared set of
//! real-world faults) has masculine bodies: a département, a CCAS and a fonds de
//! dotation; the tests add a university.

#[path = "common/templates_fixture.rs"]
mod fixture;
#[path = "common/docx_support.rs"]
mod support;

use std::path::Path;
use std::process::Command;

use allia_core::{
    ActorType, AllianceFile, DocumentKind, DocumentSettings, Organisation, PartnerDraft,
    PartnerRole,
};
use allia_docs::render::{options, render, Format};
use chrono::NaiveDate;
use support::{checked_text, write};

fn case(name: &str) -> AllianceFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cases")
        .join(name);
    let bytes = std::fs::read(&path).expect("sample file");
    AllianceFile::from_json_slice(&bytes).expect("a format-1 alliance file")
}

/// rw-15 with a university among the partners (an elided feminine name).
fn masculine_bodies() -> AllianceFile {
    let mut file = case("rw-15-accords-masculins.json");
    file.partners.push(PartnerDraft {
        organisation: Organisation {
            name: "Université de Tours".into(),
            legal_form: Some("Établissement public".into()),
            street: Some("60 rue du Plat d’Étain".into()),
            postal_code: Some("37000".into()),
            city: Some("Tours".into()),
            representative_name: Some("Arnaud Giacometti".into()),
            representative_role: Some("Président".into()),
            ..Organisation::default()
        },
        actor_type: ActorType::Academic,
        role: PartnerRole::Member,
        resources: Some("Un laboratoire pour l’évaluation du projet.".into()),
        resource_tags: vec!["évaluation".into()],
        own_association: false,
        ..PartnerDraft::default()
    });
    file
}

/// The document as `allia render` makes it, in `format`.
fn rendered(file: &AllianceFile, kind: DocumentKind, format: Format) -> Vec<u8> {
    let settings = DocumentSettings {
        title: kind.label().to_string(),
        ..DocumentSettings::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    render(file, &options(kind, &settings, 1, today), format)
        .expect("renders")
        .bytes
}

/// One line of text: line breaks, no-break spaces and runs of spaces as one space, so a
/// phrase reads the same wherever the lines break.
fn flat(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}', '\n', '\u{c}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What pdftotext reads in `pdf`, in reading order (without `-layout`, a word hyphenated
/// at a line end comes back whole).
fn pdf_words(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("poppler-utils installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// The plain text of the PDF and of the DOCX of one document.
fn texts(file: &AllianceFile, kind: DocumentKind) -> [(&'static str, String); 2] {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(
        dir.path(),
        "grammar.pdf",
        &rendered(file, kind, Format::Pdf),
    );
    let docx = write(
        dir.path(),
        "grammar.docx",
        &rendered(file, kind, Format::Docx),
    );
    [
        ("PDF", flat(&pdf_words(&pdf))),
        ("DOCX", flat(&checked_text(&docx))),
    ]
}

/// The text of one party's identification paragraph, from its name to « ci-après … ».
fn identification<'a>(text: &'a str, starts: &str) -> &'a str {
    let from = text
        .find(starts)
        .unwrap_or_else(|| panic!("« {starts} » in {text}"));
    let rest = &text[from..];
    let end = rest.find('»').map_or(rest.len(), |i| i + '»'.len_utf8());
    &rest[..end]
}

#[test]
fn masculine_bodies_are_agreed_and_contracted_in_the_convention() {
    let file = masculine_bodies();
    for (format, text) in texts(&file, DocumentKind::PartnershipAgreement) {
        for phrase in [
            "Engagements du Département d’Indre-et-Loire",
            "Le Département d’Indre-et-Loire, dont le siège est situé Place de la Préfecture, \
             37000 Tours, représenté par Jean-Marc Aubry",
            "ci-après dénommé « le Département »",
            "Le Département s’engage en outre à",
            "Engagements du Centre communal d’action sociale de Château-Renault",
            "dont le siège est situé à Château-Renault, représenté par Annie Lory",
            "ci-après dénommé « le CCAS »",
            "Le Fonds de dotation Terre de Brenne, dont le siège est situé à Saunay, représenté",
            "Engagements de l’Université de Tours",
            "ci-après dénommée « l’Université »",
            "un soutien du Département d’Indre-et-Loire. Or toute association",
            "Engagements des Ateliers du Coteau",
            "Engagements de la Maison des Solidarités du Val de Brenne",
            // Free text after a colon starts like the generated text after it.
            "Ses apports : verse une subvention de fonctionnement.",
            "Ses domaines d’intervention : financement.",
        ] {
            assert!(text.contains(phrase), "{format}: « {phrase} » in {text}");
        }
        assert!(!text.contains("Ses apports : Verse"), "{format}: {text}");
        // A legal form the name already says is not repeated; the postal code is not put
        // after « à ».
        for wrong in [
            "Loire, département,",
            "Brenne, fonds de dotation,",
            "situé à 37110",
            "situé Château-Renault",
            "Engagements de Département",
            "soutien de Département",
        ] {
            assert!(!text.contains(wrong), "{format}: « {wrong} » in {text}");
        }
        for masculine in [
            "Le Département d’Indre-et-Loire,",
            "Le Centre communal d’action sociale",
            "Le Fonds de dotation Terre de Brenne,",
        ] {
            let paragraph = identification(&text, masculine);
            assert!(
                !paragraph.contains("représentée") && !paragraph.contains("dénommée"),
                "{format}: a masculine party agreed in the feminine: {paragraph}"
            );
        }
        let university = identification(&text, "L’Université de Tours,");
        assert!(
            university.contains("représentée par Arnaud Giacometti"),
            "{format}: {university}"
        );
    }
}

#[test]
fn the_charter_and_the_consortium_name_the_parties_the_same_way() {
    let file = masculine_bodies();
    for (format, text) in texts(&file, DocumentKind::PartnershipCharter) {
        for phrase in [
            "Le Département d’Indre-et-Loire, dont le siège est situé",
            "Le Département d’Indre-et-Loire, d’une part, et les associations signataires, \
             d’autre part, inscrivent",
        ] {
            assert!(
                text.contains(phrase),
                "charte {format}: « {phrase} » in {text}"
            );
        }
    }
    for (format, text) in texts(&file, DocumentKind::ConsortiumAgreement) {
        for phrase in [
            "ci-après dénommé « le Département »",
            "Apports du Département d’Indre-et-Loire",
            "Le Département apporte au Projet",
            "Le Projet reçoit le soutien du Département d’Indre-et-Loire.",
            "Les Partenaires désignent la Maison des Solidarités du Val de Brenne (« la MSVB ») \
             comme Coordinateur",
        ] {
            assert!(
                text.contains(phrase),
                "consortium {format}: « {phrase} » in {text}"
            );
        }
    }
}

#[test]
fn the_demo_alliance_names_its_partners_with_their_article() {
    let file = fixture::file(true);
    for (format, text) in texts(&file, DocumentKind::PartnershipAgreement) {
        assert!(
            !text.contains("Engagements de Maison des Solidarités"),
            "{format}: {text}"
        );
        for phrase in [
            "Engagements de la Maison des Solidarités du Val de Brenne",
            "ci-après dénommée « la MSVB »",
            "La MSVB s’engage en outre à",
            "Engagements des Amis du Quartier",
            "Les Amis du Quartier, association loi 1901, inscrite au répertoire national",
            "ci-après dénommée « LAQ »",
            "Engagements de la Commune de Château-Renault",
            "un soutien de la Commune de Château-Renault",
            "Engagements d’Aide à domicile rurale du Val",
        ] {
            assert!(text.contains(phrase), "{format}: « {phrase} » in {text}");
        }
    }
}

#[test]
fn a_lead_named_by_its_name_alone_is_not_repeated_in_brackets() {
    let mut file = masculine_bodies();
    for partner in &mut file.partners {
        if partner.role == PartnerRole::Lead {
            partner.organisation.acronym = None;
            partner.organisation.name = "Emmaüs Touraine".into();
        }
    }
    for (format, text) in texts(&file, DocumentKind::ConsortiumAgreement) {
        assert!(
            text.contains("Les Partenaires désignent Emmaüs Touraine comme Coordinateur"),
            "{format}: {text}"
        );
    }
}

#[test]
fn a_name_with_quotes_is_quoted_with_english_quotes_inside_guillemets() {
    let mut file = masculine_bodies();
    file.partners.push(PartnerDraft {
        organisation: Organisation {
            name: "Fondation « Solidarités & Numérique »".into(),
            acronym: None,
            city: Some("Paris".into()),
            representative_name: Some("Léa Martin".into()),
            designation: Some(allia_core::Designation {
                article: allia_core::Article::La,
                gender: allia_core::Gender::Feminine,
                number: allia_core::GrammaticalNumber::Singular,
                short_name: "Fondation « Solidarités & Numérique »".into(),
            }),
            ..Organisation::default()
        },
        actor_type: ActorType::Foundation,
        role: PartnerRole::Member,
        resources: None,
        resource_tags: Vec::new(),
        own_association: false,
        ..PartnerDraft::default()
    });
    for (format, text) in texts(&file, DocumentKind::PartnershipAgreement) {
        assert!(
            text.contains("ci-après dénommée « Fondation “Solidarités & Numérique” »"),
            "{format}: {text}"
        );
        assert!(!text.contains("« Fondation « "), "{format}: {text}");
    }
}

/// Names that carry their own article: one body, singular, its article lower-cased and
/// contracted inside a sentence; a short name's article kept with it on the line.
#[test]
fn names_with_their_own_article_read_as_one_body_inside_sentences() {
    let mut file = fixture::file(true);
    let mut renamed = 0;
    for partner in &mut file.partners {
        if partner.organisation.name.starts_with("Commune") {
            partner.organisation.name = "L’Hôpital Nord-Ouest".into();
            partner.organisation.acronym = None;
            partner.organisation.designation = None;
            renamed += 1;
        } else if partner.organisation.name.starts_with("Aide à domicile") {
            partner.organisation.name = "Les Restos du Cœur".into();
            partner.organisation.acronym = None;
            partner.organisation.designation = None;
            partner.actor_type = ActorType::Association;
            renamed += 1;
        }
    }
    assert_eq!(renamed, 2, "the demo alliance has the two partners renamed");
    for (format, text) in texts(&file, DocumentKind::PartnershipAgreement) {
        for phrase in [
            "Engagements de l’Hôpital Nord-Ouest",
            "Engagements des Restos du Cœur",
            "Les Restos du Cœur, association",
            "ci-après dénommée « les Restos du Cœur »",
        ] {
            assert!(text.contains(phrase), "{format}: « {phrase} » in {text}");
        }
        for wrong in [
            "de L’Hôpital",
            "de Les Restos",
            "dénommés « Les Restos",
            "représentés par",
        ] {
            assert!(!text.contains(wrong), "{format}: « {wrong} » in {text}");
        }
    }
    // The short name's article is bound to it by a no-break space in the DOCX.
    let dir = tempfile::tempdir().expect("tempdir");
    let docx = write(
        dir.path(),
        "nbsp.docx",
        &rendered(&file, DocumentKind::PartnershipAgreement, Format::Docx),
    );
    let raw = checked_text(&docx);
    assert!(raw.contains("la\u{a0}MSVB"), "{raw}");
    assert!(!raw.contains("la MSVB"), "{raw}");
}
