//! A partner registered outside France is named with its register in words that read
//! correctly whatever the register: « immatriculée sous le n° 0456.789.123 auprès de la
//! BCE », « … au registre du commerce du canton de Genève », « … (Handelsregister) ».
//! Read back from the PDF with pdftotext.

#[path = "common/templates_fixture.rs"]
mod fixture;

#[path = "common/docx_support.rs"]
mod docx_support;

use allia_core::{
    ActorType, AllianceFile, DocumentKind, ForeignRegistration, Organisation, PartnerDraft,
    PartnerRole,
};
use allia_docs::render::{render, Format};
use allia_docs::templates::build;
use fixture::{file, options};

/// The demo alliance with a foreign association registered by `register` under `number`.
fn with_foreign(country: &str, register: &str, number: &str) -> AllianceFile {
    let mut f = file(false);
    f.partners.push(PartnerDraft {
        organisation: Organisation {
            name: "Maison du Hainaut solidaire".into(),
            legal_form: Some("ASBL".into()),
            street: Some("Rue de la Tannerie 18".into()),
            postal_code: Some("7500".into()),
            city: Some("Tournai".into()),
            country: Some(country.into()),
            foreign_registration: Some(ForeignRegistration {
                register: register.into(),
                number: number.into(),
            }),
            representative_name: Some("Marc Delvaux".into()),
            ..Organisation::default()
        },
        actor_type: ActorType::Association,
        role: PartnerRole::Member,
        resources: None,
        resource_tags: Vec::new(),
        own_association: false,
        ..PartnerDraft::default()
    });
    f
}

/// Every kind of space and the hyphens removed: line breaks cannot hide a phrase.
fn squashed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !['-', '\u{ad}'].contains(c))
        .collect()
}

#[test]
fn each_register_reads_as_french_in_the_identity_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (country, register, number, phrase) in [
        (
            "Belgique",
            "BCE",
            "0456.789.123",
            "immatriculée sous le n° 0456.789.123 auprès de la BCE, dont le siège",
        ),
        (
            "Suisse",
            "Registre du commerce du canton de Genève",
            "CHE-123.456.789",
            "immatriculée sous le n° CHE-123.456.789 au registre du commerce du canton de Genève, dont",
        ),
        (
            "Allemagne",
            "Handelsregister",
            "VR 12345",
            "immatriculée sous le n° VR 12345 (Handelsregister), dont le siège",
        ),
        (
            "Luxembourg",
            "RCS Luxembourg",
            "F 1234",
            "immatriculée sous le n° F 1234 au RCS Luxembourg, dont le siège",
        ),
    ] {
        let f = with_foreign(country, register, number);
        let options = options(DocumentKind::PartnershipAgreement);
        let doc = build(&f, &options).expect("builds").document;
        let text = fixture::full_text(&doc);
        assert!(!text.contains("auprès de BCE"), "{register}");
        assert!(!text.contains("auprès de Registre"), "{register}");
        let bytes = render(&f, &options, Format::Pdf).expect("renders").bytes;
        let path = docx_support::write(dir.path(), "convention.pdf", &bytes);
        let pdf = docx_support::pdf_text(&path);
        assert!(
            squashed(&pdf).contains(&squashed(phrase)),
            "{register}: « {phrase} » missing in\n{pdf}"
        );
    }
}
