//! Tests of the unprintable characters: each named with its field (partners, clauses,
//! contributions, settings), listed once, and a property test over random names.

use super::*;
use crate::templates::{build, OrganisationField};
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
            &format!("Engagements du partenaire 2 ({partner}), apport en nature 2, description"),
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
