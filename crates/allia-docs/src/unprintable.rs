//! Characters the PDF cannot print, each named with the field it was typed in (issue 10:
//! « every character prints, or the user is told before signing »; never a silent « ? »).
//!
//! The PDF typesetter says which characters a font of its chain can draw
//! ([`crate::pdf::printable`]). A character that none can is found in the built
//! document's text, then traced back to the inputs that carry it: the association's
//! profile, each partner's organisation, the alliance and its terms, the commitments and
//! the document's own settings (title, edited clause texts, added annexes, place of
//! signature). Each field gives one « À vérifier » item listing its characters, appended to
//! [`Built::checks`] by [`crate::templates::build`], so the builder, the confirmation
//! before « Prêt à signer » (allia-core counts the items) and `allia render` (stderr)
//! all show the same list. A character found in the document but in no field (which the
//! templates never print on their own) is still named, as « Texte du document ».
//!
//! The DOCX keeps every character (Word and LibreOffice fall back on the system's fonts):
//! the items are about the PDF.

use std::collections::BTreeSet;

use allia_core::{AllianceFile, CommitmentParty, Organisation};

use crate::model::Document;
use crate::templates::{Built, Check, CheckTarget, DocumentOptions, OrganisationField};

/// How many characters an item lists by name before « et N autres »: a name in a script
/// the PDF lacks has one item, not one per character, and the item stays short enough
/// for the builder's list.
pub const LISTED: usize = 8;

/// The characters of a field that no font of the PDF can draw: one item per field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unprintable {
    /// Where they were typed, in French, with the record named: « Partenaire 3 (Li Wei
    /// 李伟), nom du représentant », « Alliance, objet », « Document, titre ». The
    /// field's label is the one of the app's forms
    /// ([`allia_core::validation::field_place`]).
    pub field: String,
    /// The field's unprintable characters, each once, in order of first use; never empty.
    pub characters: Vec<char>,
    /// Where the builder links to fix it (a partner's panel, the profile, a clause);
    /// `None` when the field has no such place (the alliance, the document's settings).
    pub target: Option<CheckTarget>,
}

impl Unprintable {
    fn new(field: &str, characters: Vec<char>, target: Option<CheckTarget>) -> Self {
        Unprintable {
            field: field.to_string(),
            characters,
            target,
        }
    }

    /// The characters' code points as Unicode writes them (« U+674E »), in the same order.
    pub fn codes(&self) -> Vec<String> {
        self.characters.iter().map(|&c| code_point(c)).collect()
    }

    /// The « À vérifier » sentence, in French. One character: « Partenaire 3 (Li Wei
    /// 李伟), nom du représentant : le caractère « 李 » (U+674E) ne peut pas être imprimé
    /// dans le PDF, où il serait remplacé par un carré (aucune de ses polices ne le
    /// contient). Remplacez-le ou transcrivez-le. » Several: « … : 7 caractères ne
    /// peuvent pas être imprimés dans le PDF (« क » U+0915, « ि » U+093F, … et 2
    /// autres) : ils seraient remplacés par des carrés (aucune de ses polices ne les
    /// contient). Remplacez-les ou transcrivez-les. », at most [`LISTED`] named.
    pub fn message(&self) -> String {
        if let [c] = self.characters.as_slice() {
            return format!(
                "{}\u{a0}: le caractère «\u{a0}{}\u{a0}» ({}) ne peut pas être imprimé dans le PDF, \
                 où il serait remplacé par un carré (aucune de ses polices ne le contient). \
                 Remplacez-le ou transcrivez-le.",
                self.field,
                c,
                code_point(*c)
            );
        }
        let mut listed = self
            .characters
            .iter()
            .take(LISTED)
            .map(|&c| format!("«\u{a0}{c}\u{a0}» {}", code_point(c)))
            .collect::<Vec<_>>()
            .join(", ");
        let more = self.characters.len().saturating_sub(LISTED);
        match more {
            0 => {}
            1 => listed.push_str(" et 1 autre"),
            n => listed.push_str(&format!(" et {n} autres")),
        }
        format!(
            "{}\u{a0}: {} caractères ne peuvent pas être imprimés dans le PDF ({listed})\u{a0}: \
             ils seraient remplacés par des carrés (aucune de ses polices ne les contient). \
             Remplacez-les ou transcrivez-les.",
            self.field,
            self.characters.len()
        )
    }

    /// The item as a check of a built document.
    pub fn check(&self) -> Check {
        Check {
            message: self.message(),
            target: self.target.clone(),
        }
    }
}

/// « U+674E », « U+13000 »: at least four hexadecimal digits, upper case.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Whether the PDF prints `c`. ASCII is always printed (or, for controls, deliberately
/// dropped): skipping it keeps a Latin document's check to a few lookups.
fn printable(c: char) -> bool {
    c.is_ascii() || crate::pdf::printable(c)
}

/// The characters of `text` the PDF cannot print, each once, in order of first use.
fn unprintable_chars(text: &str) -> Vec<char> {
    let mut seen = BTreeSet::new();
    text.chars()
        .filter(|&c| !printable(c) && seen.insert(c))
        .collect()
}

/// One text that reaches a document, with where it was typed.
struct Source<'a> {
    field: String,
    text: &'a str,
    target: Option<CheckTarget>,
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
fn file_sources(file: &AllianceFile) -> Vec<Source<'_>> {
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
fn settings_sources<'a>(
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

/// Every character of the inputs (`file` and the document's `options`) that the PDF
/// cannot print, one item per field (its characters in order of first use), in the order
/// of the fields. This does not look at whether the field is printed by this kind of
/// document: see [`in_document`] for that.
pub fn in_inputs(file: &AllianceFile, options: &DocumentOptions) -> Vec<Unprintable> {
    let mut sources = file_sources(file);
    sources.extend(settings_sources(Some(file), options));
    items(&sources, None)
}

/// The items of `sources` for the characters in `only` (all when `None`): one per field,
/// a field fed by several sources (a partner's tags) gathering their characters.
fn items(sources: &[Source<'_>], only: Option<&BTreeSet<char>>) -> Vec<Unprintable> {
    let mut result: Vec<Unprintable> = Vec::new();
    for source in sources {
        let found: Vec<char> = unprintable_chars(source.text)
            .into_iter()
            .filter(|c| only.is_none_or(|only| only.contains(c)))
            .collect();
        if found.is_empty() {
            continue;
        }
        match result.iter_mut().find(|u| u.field == source.field) {
            Some(item) => {
                for c in found {
                    if !item.characters.contains(&c) {
                        item.characters.push(c);
                    }
                }
            }
            None => result.push(Unprintable::new(
                &source.field,
                found,
                source.target.clone(),
            )),
        }
    }
    result
}

/// Everything the PDF of `document` draws as text: its blocks, running header and
/// footer title.
fn printed_text(document: &Document) -> String {
    let mut text: Vec<String> = document.blocks.iter().map(|b| b.text()).collect();
    text.extend(document.header.clone());
    text.push(document.footer_title.clone());
    text.join("\n")
}

/// The characters the PDF of `document` cannot print, each named with the field of
/// `file` or `options` it comes from: one item per field holding a character the
/// document prints, listing those characters. The characters of the document found in no
/// field give one item « Texte du document » (`file` is `None` for a document built
/// from a context, whose fields are not known here).
pub fn in_document(
    file: Option<&AllianceFile>,
    options: &DocumentOptions,
    document: &Document,
) -> Vec<Unprintable> {
    let printed: BTreeSet<char> = unprintable_chars(&printed_text(document))
        .into_iter()
        .collect();
    if printed.is_empty() {
        return Vec::new();
    }
    let mut sources = file.map(file_sources).unwrap_or_default();
    sources.extend(settings_sources(file, options));
    let mut found = items(&sources, Some(&printed));
    let named: BTreeSet<char> = found
        .iter()
        .flat_map(|u| u.characters.iter().copied())
        .collect();
    let unnamed: Vec<char> = printed.difference(&named).copied().collect();
    if !unnamed.is_empty() {
        found.push(Unprintable::new("Texte du document", unnamed, None));
    }
    found
}

/// Appends the document's unprintable characters to its « À vérifier » items (checks and
/// warnings alike, in the same order).
pub(crate) fn add_checks(
    built: &mut Built,
    file: Option<&AllianceFile>,
    options: &DocumentOptions,
) {
    for item in in_document(file, options, &built.document) {
        let check = item.check();
        if !built.warnings.contains(&check.message) {
            built.warnings.push(check.message.clone());
            built.checks.push(check);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::build;
    use allia_core::DocumentKind;

    /// A character no font of the chain is expected to cover: an Egyptian hieroglyph.
    const HIEROGLYPH: char = '\u{13000}';

    fn options() -> DocumentOptions {
        DocumentOptions::new(
            DocumentKind::PartnershipAgreement,
            "Convention",
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
        )
    }

    /// The demo alliance, its first member as the producing association.
    fn demo_file() -> AllianceFile {
        let demo = allia_core::demo::demo_alliance();
        AllianceFile {
            format: allia_core::ALLIANCE_FILE_FORMAT,
            profile: Some(demo.partners[0].organisation.clone()),
            alliance: demo.alliance,
            partners: demo.partners[1..].to_vec(),
            commitments: Vec::new(),
        }
    }

    /// The demo alliance with its third partner's representative renamed.
    fn file_with_representative(name: &str) -> AllianceFile {
        let mut file = demo_file();
        file.partners[2].organisation.representative_name = Some(name.into());
        file
    }

    #[test]
    fn code_points_are_written_as_unicode_does() {
        assert_eq!(code_point('李'), "U+674E");
        assert_eq!(code_point(HIEROGLYPH), "U+13000");
        assert_eq!(code_point('é'), "U+00E9");
    }

    #[test]
    fn a_partner_representative_with_a_missing_glyph_is_named_with_its_field() {
        assert!(!crate::pdf::printable(HIEROGLYPH));
        let file = file_with_representative(&format!("Li Wei {HIEROGLYPH}"));
        let partner = file.partners[2].organisation.name.clone();
        let built = build(&file, &options()).expect("built");
        let field = format!("Partenaire 3 ({partner}), nom du représentant");
        let item = Unprintable::new(
            &field,
            vec![HIEROGLYPH],
            Some(CheckTarget::Partner {
                index: 2,
                field: Some(OrganisationField::RepresentativeName),
            }),
        );
        assert_eq!(item.codes(), ["U+13000"]);
        assert!(built.checks.contains(&item.check()), "{:#?}", built.checks);
        assert!(built.warnings.contains(&format!(
            "{field}\u{a0}: le caractère «\u{a0}{HIEROGLYPH}\u{a0}» (U+13000) ne peut pas être \
             imprimé dans le PDF, où il serait remplacé par un carré (aucune de ses polices ne le \
             contient). Remplacez-le ou transcrivez-le."
        )));
        // Checks and warnings stay the same list.
        assert_eq!(built.checks.len(), built.warnings.len());
    }

    #[test]
    fn a_chinese_name_is_printed_or_named() {
        let file = file_with_representative("Li Wei 李伟");
        let built = build(&file, &options()).expect("built");
        let partner = &file.partners[2].organisation.name;
        for (c, code) in [('李', "U+674E"), ('伟', "U+4F1F")] {
            let named = built.warnings.iter().any(|w| {
                w.starts_with(&format!(
                    "Partenaire 3 ({partner}), nom du représentant\u{a0}:"
                )) && w.contains(&format!("«\u{a0}{c}\u{a0}»"))
                    && w.contains(code)
            });
            // Either a font of the chain draws it, or the builder names it.
            assert_ne!(
                crate::pdf::printable(c),
                named,
                "{c}: {:#?}",
                built.warnings
            );
        }
    }

    #[test]
    fn an_edited_clause_links_to_its_clause() {
        let file = demo_file();
        let mut options = options();
        let clause = crate::templates::clauses(&file, &options)
            .expect("clauses")
            .into_iter()
            .find(|c| c.id == "objet")
            .expect("objet");
        options.overrides.push(allia_core::ClauseOverride {
            clause_id: clause.id.clone(),
            enabled: None,
            text: Some(format!("{} \u{13004}", clause.model_text)),
        });
        let built = build(&file, &options).expect("built");
        let check = built
            .checks
            .iter()
            .find(|c| c.message.contains("U+13004"))
            .expect("named");
        assert_eq!(check.target, Some(CheckTarget::Clause("objet".into())));
        assert!(check.message.starts_with(&format!(
            "Document, texte modifié de «\u{a0}{}\u{a0}»\u{a0}:",
            clause.title
        )));
    }

    /// A name mixing scripts the chain covers and scripts it does not (Linear B, Egyptian
    /// hieroglyphs, Tibetan, Ethiopic, Cherokee…).
    fn name() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let scripts = prop_oneof![
            proptest::char::range('a', 'z'),
            proptest::char::range('\u{00C0}', '\u{024F}'),
            proptest::char::range('\u{0370}', '\u{052F}'),
            proptest::char::range('\u{0600}', '\u{06FF}'),
            proptest::char::range('\u{0F00}', '\u{0FFF}'),
            proptest::char::range('\u{1200}', '\u{13FF}'),
            proptest::char::range('\u{4E00}', '\u{9FFF}'),
            proptest::char::range('\u{1F300}', '\u{1FAFF}'),
            proptest::char::range('\u{10000}', '\u{100FA}'),
            proptest::char::range('\u{13000}', '\u{1342E}'),
        ];
        proptest::collection::vec(scripts, 1..12)
            .prop_map(|chars| format!("X {}", chars.into_iter().collect::<String>()))
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 24, ..Default::default() })]

        /// Issue 10: every character of a printed field either prints (a font of the
        /// chain has it: `pdf::printable`, whose extraction the PDF tests check) or is
        /// named, with its field and code, among the document's « À vérifier » items.
        #[test]
        fn every_character_prints_or_is_named(name in name(), representative in name()) {
            let mut file = demo_file();
            file.partners[1].organisation.name = name.clone();
            file.partners[1].organisation.representative_name = Some(representative.clone());
            let built = build(&file, &options()).expect("built");
            let record = format!("Partenaire 2 ({})", name.trim());
            let found = in_document(Some(&file), &options(), &built.document);
            for (field, text) in [
                (format!("{record}, nom"), &name),
                (format!("{record}, nom du représentant"), &representative),
            ] {
                let expected = unprintable_chars(text);
                for c in text.chars().filter(|&c| !crate::pdf::printable(c)) {
                    proptest::prop_assert!(expected.contains(&c), "{}", code_point(c));
                }
                if expected.is_empty() {
                    continue;
                }
                // One item for the field, holding all of its characters…
                let items: Vec<&Unprintable> = found.iter().filter(|u| u.field == field).collect();
                proptest::prop_assert_eq!(items.len(), 1, "{:#?}", found);
                proptest::prop_assert_eq!(&items[0].characters, &expected);
                let message = items[0].message();
                proptest::prop_assert!(built.warnings.contains(&message), "{:#?}", built.warnings);
                // …whose sentence names the field and each character with its code (the
                // first ones, then how many more).
                proptest::prop_assert!(message.starts_with(&format!("{field}\u{a0}:")), "{}", message);
                for &c in expected.iter().take(LISTED) {
                    proptest::prop_assert!(message.contains(&format!("«\u{a0}{c}\u{a0}»")), "{}", message);
                    proptest::prop_assert!(message.contains(&code_point(c)), "{}", message);
                }
                match expected.len().saturating_sub(LISTED) {
                    0 => proptest::prop_assert!(!message.contains(" autre"), "{}", message),
                    1 => proptest::prop_assert!(message.contains(" et 1 autre)"), "{}", message),
                    n => proptest::prop_assert!(message.contains(&format!(" et {n} autres)")), "{}", message),
                }
            }
            // And nothing printable is named.
            for item in &found {
                for &c in &item.characters {
                    proptest::prop_assert!(!crate::pdf::printable(c), "{}", code_point(c));
                }
            }
        }
    }

    #[test]
    fn a_contribution_in_kind_is_named_with_its_party() {
        let mut file = demo_file();
        let entry: allia_core::FileCommitments = serde_json::from_value(serde_json::json!({
            "party": { "partner": 2 },
            "draft": { "inKind": [
                { "description": "Prêt de salle", "valueCents": 0 },
                { "description": "Atelier \u{13005}", "valueCents": 0 }
            ] }
        }))
        .expect("commitments");
        file.commitments.push(entry);
        let partner = file.partners[1].organisation.name.clone();
        let found = in_inputs(&file, &options());
        assert_eq!(
            found,
            [Unprintable::new(
                &format!(
                    "Engagements du partenaire 2 ({partner}), apport en nature 2, description"
                ),
                vec!['\u{13005}'],
                Some(CheckTarget::Partner {
                    index: 1,
                    field: None
                }),
            )]
        );
    }

    #[test]
    fn one_item_per_field_each_character_once() {
        let file = file_with_representative(&format!("{HIEROGLYPH}{HIEROGLYPH} \u{13001}"));
        let found = in_inputs(&file, &options());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].codes(), ["U+13000", "U+13001"]);
        let partner = &file.partners[2].organisation.name;
        assert_eq!(
            found[0].message(),
            format!(
                "Partenaire 3 ({partner}), nom du représentant\u{a0}: 2 caractères ne peuvent pas \
                 être imprimés dans le PDF («\u{a0}{HIEROGLYPH}\u{a0}» U+13000, «\u{a0}\u{13001}\u{a0}» \
                 U+13001)\u{a0}: ils seraient remplacés par des carrés (aucune de ses polices ne les \
                 contient). Remplacez-les ou transcrivez-les."
            )
        );
    }

    #[test]
    fn a_long_name_in_a_missing_script_is_one_item_listing_eight_then_a_count() {
        let name: String = ('\u{13000}'..='\u{13009}').collect();
        let file = file_with_representative(&name);
        let built = build(&file, &options()).expect("built");
        let about: Vec<&String> = built
            .warnings
            .iter()
            .filter(|w| w.contains("dans le PDF"))
            .collect();
        assert_eq!(about.len(), 1, "{about:#?}");
        let message = about[0];
        assert!(
            message.contains("10 caractères ne peuvent pas être imprimés"),
            "{message}"
        );
        assert!(
            message.contains("«\u{a0}\u{13007}\u{a0}» U+13007 et 2 autres)"),
            "{message}"
        );
        assert!(!message.contains("U+13008"), "{message}");
        // One more than the list gives the singular count.
        let name: String = ('\u{13000}'..='\u{13008}').collect();
        let found = in_inputs(&file_with_representative(&name), &options());
        assert!(
            found[0].message().contains("U+13007 et 1 autre)"),
            "{found:#?}"
        );
    }

    #[test]
    fn a_hindi_name_is_at_most_one_item() {
        // Whatever the font chain covers of Devanagari, the name gives at most one item.
        let file = file_with_representative("राजेश कुमार");
        let built = build(&file, &options()).expect("built");
        let about = built
            .warnings
            .iter()
            .filter(|w| w.contains("dans le PDF"))
            .count();
        let missing = "राजेश कुमार".chars().any(|c| !crate::pdf::printable(c));
        assert_eq!(about, usize::from(missing), "{:#?}", built.warnings);
    }

    #[test]
    fn a_latin_document_has_no_item() {
        let file = demo_file();
        let built = build(&file, &options()).expect("built");
        let about_characters = built
            .warnings
            .iter()
            .filter(|w| w.contains("dans le PDF"))
            .count();
        assert_eq!(about_characters, 0, "{:#?}", built.warnings);
        assert!(in_inputs(&file, &options()).is_empty());
    }

    #[test]
    fn a_field_the_document_does_not_print_gives_no_item() {
        let mut file = demo_file();
        // E-mail addresses are not printed in the convention.
        file.partners[0].organisation.email = Some(format!("{HIEROGLYPH}@example.org"));
        assert_eq!(in_inputs(&file, &options()).len(), 1);
        let built = build(&file, &options()).expect("built");
        assert!(!built.warnings.iter().any(|w| w.contains("U+13000")));
    }

    #[test]
    fn edited_clause_texts_annex_titles_and_the_title_are_named() {
        let file = demo_file();
        let mut options = options();
        options.title = format!("Convention {HIEROGLYPH}");
        options.annexes.push(allia_core::UserAnnex {
            id: "a1".into(),
            title: "Statuts \u{13002}".into(),
            file_name: None,
        });
        let built = build(&file, &options).expect("built");
        let fields: Vec<&str> = built
            .warnings
            .iter()
            .filter(|w| w.contains("le caractère"))
            .map(|w| w.split('\u{a0}').next().unwrap_or(""))
            .collect();
        assert_eq!(
            fields,
            ["Document, titre", "Document, titre de l’annexe ajoutée 1"]
        );
    }

    #[test]
    fn a_character_in_no_field_is_still_named() {
        let file = demo_file();
        let mut built = build(&file, &options()).expect("built");
        built.document.blocks.push(crate::model::Block::Section {
            text: "\u{13003}".into(),
        });
        let found = in_document(Some(&file), &options(), &built.document);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field, "Texte du document");
        assert_eq!(found[0].codes(), ["U+13003"]);
    }
}
