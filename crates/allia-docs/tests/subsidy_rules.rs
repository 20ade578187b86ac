//! The public-subsidy clauses and the checks around the signature, on a tester's alliance
//! files (`tests/data/cases/trial9-*.json`), read back from the PDF with pdftotext:
//! - the 23 000 € clause follows the cautious reading of décret n° 2001-495, article 1
//!   (« montant annuel ») with loi n° 2000-321, article 9-1 (money or in kind): money
//!   without dates counts whole, a dated schedule its busiest twelve months, a public
//!   funder's valued contributions in kind with its money;
//! - the Contrat d’engagement républicain follows a public actor's subsidy, whatever its
//!   role;
//! - a lead abroad with no court set leaves the court blank, with an « À vérifier » item;
//! - an implausible signature date raises an « À vérifier » item.

use std::path::Path;
use std::process::Command;

use allia_core::alliance_file::{read_alliance_file, Importable};
use allia_core::{AllianceFile, DocumentKind, DocumentSettings};
use allia_docs::render::{options, render, Format};
use allia_docs::templates::{build, DocumentOptions};
use chrono::NaiveDate;

fn case(name: &str) -> AllianceFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/cases")
        .join(format!("trial9-{name}.json"));
    let bytes = std::fs::read(&path).expect("sample file");
    // As `allia render --input` reads it: format 2, validated like an import.
    read_alliance_file(&bytes)
        .expect("an alliance file")
        .validated_for_import()
        .expect("a valid alliance file")
        .render_input()
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("date")
}

fn convention() -> DocumentOptions {
    let settings = DocumentSettings {
        title: "Convention de partenariat".into(),
        ..DocumentSettings::default()
    };
    options(
        DocumentKind::PartnershipAgreement,
        &settings,
        1,
        date(2026, 11, 30),
    )
}

/// The PDF read back with pdftotext, lines joined with spaces and no-break spaces
/// made plain.
fn pdf_text(file: &AllianceFile, options: &DocumentOptions) -> String {
    let bytes = render(file, options, Format::Pdf).expect("renders").bytes;
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("convention.pdf");
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
        .replace("-\n", "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn has_23000_clause(text: &str) -> bool {
    text.contains("Cadre légal de la subvention")
}

#[test]
fn money_paid_at_signature_or_on_receipts_counts_whole() {
    // 40 000 € « versée à la signature » over 24 months: not spread over the term.
    let text = pdf_text(&case("b-commune-40k-2ans-sans-echeancier"), &convention());
    assert!(
        text.contains("une subvention de 40 000,00 €, versée à la signature"),
        "{text}"
    );
    assert!(has_23000_clause(&text), "{text}");
    assert!(
        text.contains(
            "La subvention accordée par la Commune, d’un montant de 40 000,00 €, dépasse le \
             seuil de 23 000,00 € que le décret n° 2001-495 du 6 juin 2001 fixe pour le \
             montant annuel d’une subvention."
        ),
        "{text}"
    );
    // 30 000 € at signature over 18 months.
    let text = pdf_text(&case("b4-commune-30k-18mois"), &convention());
    assert!(
        has_23000_clause(&text) && text.contains("d’un montant de 30 000,00 €, dépasse le seuil"),
        "{text}"
    );
    // 40 000 € « sur justificatifs » over 24 months.
    let text = pdf_text(
        &case("b10-commune-40k-2ans-sur-justificatifs"),
        &convention(),
    );
    assert!(
        has_23000_clause(&text) && text.contains("d’un montant de 40 000,00 €, dépasse le seuil"),
        "{text}"
    );
}

#[test]
fn a_schedule_counts_the_busiest_twelve_months() {
    // 20 000 € on 15 December 2025 and 20 000 € on 15 January 2026: one month apart,
    // in two calendar years.
    let text = pdf_text(&case("b16-commune-40k-dec-jan"), &convention());
    assert!(has_23000_clause(&text), "{text}");
    assert!(
        text.contains("d’un montant de 40 000,00 €, dépasse le seuil de 23 000,00 €"),
        "{text}"
    );
    // 15 000 € in January and 15 000 € in December 2027 of a 40 000 €… here 30 000 €.
    let text = pdf_text(&case("b5-commune-30k-2ans-meme-annee"), &convention());
    assert!(has_23000_clause(&text), "{text}");
    // 20 000 € on 15 January 2027 and 20 000 € on 15 January 2028: a year apart.
    let text = pdf_text(&case("b2-commune-40k-2ans-echeancier"), &convention());
    assert!(!has_23000_clause(&text), "{text}");
    // 10 000 € a year for three years.
    let text = pdf_text(&case("b15-commune-30k-3ans-3x10k"), &convention());
    assert!(!has_23000_clause(&text), "{text}");
}

#[test]
fn a_communes_contribution_in_kind_is_a_subsidy() {
    let text = pdf_text(&case("b13-commune-30k-en-nature"), &convention());
    assert!(has_23000_clause(&text), "{text}");
    assert!(
        text.contains(
            "La subvention accordée par la Commune, d’un montant de 30 000,00 €, apportée en \
             nature, dépasse le seuil de 23 000,00 €"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "Les contributions en nature d’une autorité publique sont des subventions \
             (article 9-1 de la loi n° 2000-321 du 12 avril 2000)."
        ),
        "{text}"
    );
    assert!(text.contains("Contrat d’engagement républicain"), "{text}");
    // No money: no blank for a financial contribution, no bank transfer.
    assert!(
        !text.contains("le montant de la contribution financière"),
        "{text}"
    );
    assert!(
        !text.contains("Les versements sont faits par virement"),
        "{text}"
    );
    assert!(
        text.contains("la Commune : mise à disposition d’un local"),
        "{text}"
    );
    // A commune's cost sharing is not a subsidy.
    let text = pdf_text(&case("b14-commune-cotisation-30k"), &convention());
    assert!(!has_23000_clause(&text), "{text}");
}

#[test]
fn the_republican_commitment_follows_the_subsidy_not_the_role() {
    // A commune set as « Membre » granting 30 000 €.
    let text = pdf_text(&case("b18-commune-membre-30k"), &convention());
    assert!(has_23000_clause(&text), "{text}");
    assert!(text.contains("Contrat d’engagement républicain"), "{text}");
    assert!(text.contains("prévoit un soutien de la Commune"), "{text}");
    // Still there for a commune set as « Financeur ».
    let text = pdf_text(&case("a-commune-30k-1an"), &convention());
    assert!(text.contains("Contrat d’engagement républicain"), "{text}");
    // The same commune as a member granting nothing: no CER.
    let mut file = case("b18-commune-membre-30k");
    file.commitments.clear();
    let doc = build(&file, &convention()).expect("builds");
    let clauses: Vec<&str> = doc.spans.iter().map(|s| s.clause_id.as_str()).collect();
    assert!(clauses.contains(&"litiges"), "{clauses:?}");
    assert!(!clauses.contains(&"engagement_republicain"), "{clauses:?}");
}

#[test]
fn a_lead_abroad_without_a_court_leaves_it_blank() {
    let file = case("f12-belge-chef-de-file");
    let text = pdf_text(&file, &convention());
    assert!(
        text.contains("le litige est porté devant [à compléter : tribunal compétent]"),
        "{text}"
    );
    assert!(!text.contains("dans le ressort duquel"), "{text}");
    let built = build(&file, &convention()).expect("builds");
    let check = built
        .checks
        .iter()
        .find(|c| c.message.contains("siège hors de France"))
        .expect("a check about the court");
    assert!(
        check.message.contains("tribunal compétent"),
        "{}",
        check.message
    );
    assert_eq!(check.clause_id(), Some("litiges"));
    // The charte names no court: no check there.
    let mut charte = convention();
    charte.kind = DocumentKind::PartnershipCharter;
    let built = build(&file, &charte).expect("builds");
    assert!(!built
        .checks
        .iter()
        .any(|c| c.message.contains("siège hors de France")));
    // A court set in the terms is printed.
    let mut set = file.clone();
    set.alliance.terms.court = Some("Tribunal judiciaire de Lille".into());
    let text = pdf_text(&set, &convention());
    assert!(
        text.contains("porté devant le tribunal judiciaire de Lille"),
        "{text}"
    );
    let built = build(&set, &convention()).expect("builds");
    assert!(!built
        .checks
        .iter()
        .any(|c| c.message.contains("siège hors de France")));
}

fn signature_checks(file: &AllianceFile, signed: NaiveDate) -> Vec<String> {
    let mut options = convention();
    options.signature_date = Some(signed);
    build(file, &options)
        .expect("builds")
        .checks
        .into_iter()
        .map(|c| c.message.replace(['\u{a0}', '\u{202f}'], " "))
        .filter(|m| m.starts_with("La date de signature"))
        .collect()
}

#[test]
fn an_implausible_signature_date_is_flagged() {
    // 12 months from 1 December 2025: it ends on 30 November 2026.
    let file = case("a-commune-30k-1an");
    let after = signature_checks(&file, date(2027, 1, 5));
    assert_eq!(after.len(), 1, "{after:?}");
    assert!(
        after[0]
            .contains("(5 janvier 2027) tombe après la fin de la convention (30 novembre 2026)"),
        "{after:?}"
    );
    assert!(signature_checks(&file, date(2026, 11, 30)).is_empty());
    assert!(signature_checks(&file, date(2025, 11, 20)).is_empty());
    // More than a year before the start, and before 2000.
    let old = signature_checks(&file, date(1900, 1, 1));
    assert_eq!(old.len(), 2, "{old:?}");
    assert!(
        old[0].contains("précède de plus d’un an le début de l’alliance"),
        "{old:?}"
    );
    assert!(old[1].contains("antérieure à 2000"), "{old:?}");
    let early = signature_checks(&file, date(2024, 11, 1));
    assert_eq!(early.len(), 1, "{early:?}");
    // More than five years after the document's creation (30 November 2026), and after
    // the end of the term.
    let far = signature_checks(&file, date(2032, 1, 1));
    assert_eq!(far.len(), 2, "{far:?}");
    assert!(far[1].contains("à plus de 5 ans d’aujourd’hui"), "{far:?}");
    // Without a duration, only the dates themselves are checked.
    let mut open = file.clone();
    open.alliance.terms.duration_months = None;
    assert!(signature_checks(&open, date(2030, 1, 1)).is_empty());
    // And the PDF still prints the date as set.
    let mut options = convention();
    options.signature_date = Some(date(2027, 1, 5));
    assert!(pdf_text(&file, &options).contains("le 5 janvier 2027"));
}
