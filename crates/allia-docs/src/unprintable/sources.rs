//! Where the text of a document comes from: each input field that can reach it (the
//! profile, the partners' organisations, the alliance and its terms, the commitments,
//! the document's own settings), with its place as the person reads it (« Partenaire 3
//! (Repair Café du Val), nom du représentant ») and the form field to open.

use allia_core::{AllianceFile, CommitmentParty, Organisation};

use super::unprintable_chars;
use crate::templates::{CheckTarget, DocumentOptions, OrganisationField};

/// One text that reaches a document, with where it was typed.
pub(super) struct Source<'a> {
    pub(super) field: String,
    pub(super) text: &'a str,
    pub(super) target: Option<CheckTarget>,
}

/// An organisation's text fields, as (path in the form, value, field to focus).
fn organisation_fields(o: &Organisation) -> Vec<(&'static str, &str, Option<OrganisationField>)> {
    let mut fields = vec![("name", o.name.as_str(), Some(OrganisationField::Name))];
    let optional = [
        ("acronym", &o.acronym, None),
        ("legalForm", &o.legal_form, None),
        ("rna", &o.rna, None),
        ("siret", &o.siret, None),
        ("street", &o.street, None),
        ("postalCode", &o.postal_code, None),
        ("city", &o.city, None),
        (
            "representativeName",
            &o.representative_name,
            Some(OrganisationField::RepresentativeName),
        ),
        ("representativeRole", &o.representative_role, None),
        ("email", &o.email, None),
        ("phone", &o.phone, None),
        ("country", &o.country, None),
    ];
    for (path, value, focus) in optional {
        if let Some(value) = value {
            fields.push((path, value.as_str(), focus));
        }
    }
    if let Some(d) = &o.designation {
        fields.push(("designation.shortName", d.short_name.as_str(), None));
    }
    if let Some(r) = &o.foreign_registration {
        fields.push(("foreignRegistration.register", r.register.as_str(), None));
        fields.push(("foreignRegistration.number", r.number.as_str(), None));
    }
    if let Some(r) = &o.local_register {
        fields.push(("localRegister.court", r.court.as_str(), None));
        fields.push(("localRegister.volume", r.volume.as_str(), None));
        fields.push(("localRegister.folio", r.folio.as_str(), None));
    }
    if let Some(b) = &o.bank {
        fields.push(("bank.iban", b.iban.as_str(), None));
        if let Some(bic) = &b.bic {
            fields.push(("bank.bic", bic.as_str(), None));
        }
    }
    fields
}

/// The label of the app's forms for a field (« nom du représentant »), through
/// [`allia_core::validation::field_place`]'s wording (« alliance, nom du représentant »
/// without its place); `None` for a field that rule does not name.
fn label(record: &str, path: &str) -> Option<String> {
    let place = allia_core::validation::field_place(&format!("{record}.{path}"))?;
    place.split_once(", ").map(|(_, label)| label.to_string())
}

/// « Partenaire 3 (Repair Café du Val), nom du représentant », or the place alone when
/// the field has no label.
fn place(record: &str, record_path: &str, path: &str) -> String {
    match label(record_path, path) {
        Some(label) => format!("{record}, {label}"),
        None => record.to_string(),
    }
}

/// The record's name in a place: « Partenaire 3 (Repair Café du Val) ».
fn named(what: &str, name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        what.to_string()
    } else {
        format!("{what} ({name})")
    }
}

/// The inputs of the alliance file that can reach a document.
pub(super) fn file_sources(file: &AllianceFile) -> Vec<Source<'_>> {
    let mut sources = Vec::new();
    if let Some(profile) = &file.profile {
        let record = named("Profil de l’association", &profile.name);
        for (path, text, focus) in organisation_fields(profile) {
            sources.push(Source {
                field: place(&record, "profile", path),
                text,
                target: Some(CheckTarget::Profile(focus)),
            });
        }
    }
    let alliance = &file.alliance;
    let terms = &alliance.terms;
    let alliance_fields = [
        ("name", Some(&alliance.name)),
        ("purpose", alliance.purpose.as_ref()),
        ("territory", alliance.territory.as_ref()),
        ("terms.signaturePlace", terms.signature_place.as_ref()),
        ("terms.court", terms.court.as_ref()),
    ];
    for (path, text) in alliance_fields {
        if let Some(text) = text {
            sources.push(Source {
                field: place("Alliance", "alliance", path),
                text,
                target: None,
            });
        }
    }
    for (index, partner) in file.partners.iter().enumerate() {
        let number = index + 1;
        let record = named(&format!("Partenaire {number}"), &partner.organisation.name);
        let partner_path = format!("partners.{number}");
        let target = |field| Some(CheckTarget::Partner { index, field });
        for (path, text, focus) in organisation_fields(&partner.organisation) {
            sources.push(Source {
                field: place(&record, &partner_path, path),
                text,
                target: target(focus),
            });
        }
        if let Some(text) = &partner.resources {
            sources.push(Source {
                field: place(&record, &partner_path, "resources"),
                text,
                target: target(None),
            });
        }
        for text in &partner.resource_tags {
            sources.push(Source {
                field: place(&record, &partner_path, "resourceTags"),
                text,
                target: target(None),
            });
        }
    }
    for entry in &file.commitments {
        let (record, target) = match entry.party {
            // Edited in « Partenaires », with no form of its own to link to.
            CommitmentParty::Association => ("Engagements de l’association".to_string(), None),
            CommitmentParty::Partner(number) => {
                let index = usize::try_from(number)
                    .unwrap_or(usize::MAX)
                    .wrapping_sub(1);
                let name = file
                    .partners
                    .get(index)
                    .map(|p| p.organisation.name.as_str())
                    .unwrap_or("");
                (
                    named(&format!("Engagements du partenaire {number}"), name),
                    file.partners
                        .get(index)
                        .map(|_| CheckTarget::Partner { index, field: None }),
                )
            }
        };
        for (n, financial) in entry.draft.financial.iter().enumerate() {
            if let Some(text) = &financial.budget_line {
                sources.push(Source {
                    field: format!(
                        "{record}, contribution financière {}, ligne budgétaire",
                        n + 1
                    ),
                    text,
                    target: target.clone(),
                });
            }
        }
        for (n, in_kind) in entry.draft.in_kind.iter().enumerate() {
            sources.push(Source {
                field: format!("{record}, apport en nature {}, description", n + 1),
                text: &in_kind.description,
                target: target.clone(),
            });
        }
    }
    sources
}

/// The document's own settings that print: its title, the texts of the clauses the
/// person edited (with the clause's title, looked up only when needed), the added
/// annexes' titles and the place of signature.
pub(super) fn settings_sources<'a>(
    file: Option<&AllianceFile>,
    options: &'a DocumentOptions,
) -> Vec<Source<'a>> {
    let mut sources = vec![Source {
        field: "Document, titre".into(),
        text: &options.title,
        target: None,
    }];
    if let Some(place) = &options.place {
        sources.push(Source {
            field: "Document, lieu de signature".into(),
            text: place,
            target: None,
        });
    }
    let edited: Vec<_> = options
        .overrides
        .iter()
        .filter_map(|o| o.text.as_deref().map(|text| (o.clause_id.as_str(), text)))
        .filter(|(_, text)| !unprintable_chars(text).is_empty())
        .collect();
    let titles = match (file, edited.is_empty()) {
        (Some(file), false) => crate::templates::clauses(file, options).unwrap_or_default(),
        _ => Vec::new(),
    };
    for (clause_id, text) in edited {
        let title = titles
            .iter()
            .find(|c| c.id == clause_id)
            .map(|c| c.title.as_str())
            .unwrap_or(clause_id);
        sources.push(Source {
            field: format!("Document, texte modifié de «\u{a0}{title}\u{a0}»"),
            text,
            target: Some(CheckTarget::Clause(clause_id.to_string())),
        });
    }
    for (n, annex) in options.annexes.iter().enumerate() {
        sources.push(Source {
            field: format!("Document, titre de l’annexe ajoutée {}", n + 1),
            text: &annex.title,
            target: None,
        });
    }
    sources
}
