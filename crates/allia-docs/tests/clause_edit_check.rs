//! An edited clause text is checked before it is saved (`check_clause_edit`): a text the
//! document cannot render is refused with a French reason naming the clause, and every
//! model text passes.

#[path = "common/templates_fixture.rs"]
mod fixture;

use allia_core::DocumentKind;
use allia_docs::templates::{check_clause_edit, clauses, is_model_text, TemplateError};
use fixture::{file, options};

fn refusal(kind: DocumentKind, clause_id: &str, text: &str) -> String {
    match check_clause_edit(&file(true), &options(kind), clause_id, text) {
        Err(TemplateError::ClauseText {
            clause_id: id,
            edited,
            message,
            ..
        }) => {
            assert_eq!(id, clause_id);
            assert!(edited, "the edit is blamed, not the model");
            message
        }
        other => panic!("expected a refusal of « {text} », got {other:?}"),
    }
}

#[test]
fn every_model_text_passes_the_check() {
    for kind in DocumentKind::ALL {
        for clause in clauses(&file(true), &options(kind)).expect("clauses") {
            assert_eq!(
                check_clause_edit(&file(true), &options(kind), &clause.id, &clause.model_text),
                Ok(()),
                "{kind:?} / {}",
                clause.id
            );
            assert!(is_model_text(kind, &clause.id, &clause.model_text));
            assert!(!is_model_text(
                kind,
                &clause.id,
                &format!("{} ", clause.model_text)
            ));
            // Without the public funder, conditional texts take their other branch.
            assert_eq!(
                check_clause_edit(&file(false), &options(kind), &clause.id, &clause.model_text),
                Ok(())
            );
        }
    }
}

#[test]
fn plain_text_blanks_and_moved_fields_pass() {
    let kind = DocumentKind::PartnershipCharter;
    for text in [
        "Un texte sans donnée.",
        "{{ blank(\"la durée\") }} puis l'alliance « {{ alliance.name }} ».",
        "{% if alliance.territory %} sur leur territoire, {{ alliance.territory }}{% endif %} {{ alliance.name }}",
        "Voir l'article {{ ref(\"suivi\") }}.",
        "Date : {{ blank() }}.",
        // Braces typed as text, written the editor's way.
        "Tapez {{ \"{\" }}{ 7 * 6 }} ou {{ \"{\" }}% for %} : c'est du texte.",
        "{{ \"{\" }}",
    ] {
        assert_eq!(
            check_clause_edit(&file(true), &options(kind), "preambule", text),
            Ok(())
        );
    }
    // An optional clause is checked as if it were included.
    assert_eq!(
        check_clause_edit(
            &file(true),
            &options(kind),
            "adhesion",
            "{{ alliance.name }}"
        ),
        Ok(())
    );
}

#[test]
fn a_broken_tag_is_refused_with_a_french_reason_and_no_template_code() {
    let kind = DocumentKind::PartnershipCharter;
    let message = refusal(kind, "preambule", "L'alliance « {{ alliance.name } ».");
    assert!(
        message.starts_with(
            "Le texte modifié de la clause «\u{a0}Préambule\u{a0}» contient une erreur"
        ),
        "{message}"
    );
    assert!(message.contains("accolades"), "{message}");
    assert!(
        !message.contains("{{") && !message.contains("{%"),
        "{message}"
    );
    let message = refusal(kind, "preambule", "{% if alliance.territory %}sans fin");
    assert!(message.contains("contient une erreur"), "{message}");
    // An `optional` clause that is left out is still checked.
    refusal(kind, "adhesion", "{{ alliance.name");
}

#[test]
fn an_unknown_field_is_refused_even_in_a_branch_the_data_skips() {
    let kind = DocumentKind::PartnershipAgreement;
    let message = refusal(
        kind,
        "objet",
        "{% if false %}{{ alliance.nme }}{% endif %}Texte.",
    );
    assert!(
        message.contains("que l’éditeur ne sait pas afficher"),
        "{message}"
    );
    assert!(!message.contains("alliance.nme"), "{message}");
    refusal(kind, "objet", "{{ inconnu }}");
    refusal(kind, "objet", "{{ nope('x') }}");
}

/// What the clause editor cannot show is refused, with a plain French reason that quotes no
/// code (no field path, no line number), so a stored text is always one the editor shows.
#[test]
fn template_code_the_editor_cannot_produce_is_refused() {
    let kind = DocumentKind::PartnershipCharter;
    for text in [
        "{{ alliance.name | upper }}",
        "{{ 7 * 6 }}",
        "{% for x in [1, 2] %}{{ x }}{% endfor %}",
        "Texte {# une note #} fin.",
        "{{ alliance.name ~ \"!\" }}",
        "{% if alliance.territory %}Sur {{ alliance.territory }}.{% endif %}",
        "{{alliance.name}}",
        "Ligne 1\nLigne 2\n{% set foo = 1 %}\n\n\n\n{{ foo.bar }}",
    ] {
        let message = refusal(kind, "preambule", text);
        assert!(
            message.contains("que l’éditeur ne sait pas afficher"),
            "{text}: {message}"
        );
        for code in ["{", "}", "ligne", "foo", "alliance.", "upper", "|"] {
            assert!(!message.contains(code), "{text}: « {code} » in {message}");
        }
        assert!(
            message.contains("Rétablissez le texte du modèle"),
            "{message}"
        );
    }
    // A field or a blank inserted by the editor, and a model's chip moved to another clause
    // of the same document, are the editor's own.
    for text in [
        "{{ alliance.purpose }} et {{ blank() }}",
        "Fin {% if alliance.start_date %}du {{ alliance.start_date }}{% else %}de sa signature{% endif %}.",
    ] {
        assert_eq!(
            check_clause_edit(&file(true), &options(kind), "preambule", text),
            Ok(()),
            "{text}"
        );
    }
}

/// Item 3 of the new-user trial: a clause saved empty printed a heading with nothing under it.
#[test]
fn an_empty_text_is_refused_with_what_to_do() {
    let kind = DocumentKind::PartnershipCharter;
    for text in ["", "  \n\n ", "****"] {
        assert_eq!(
            refusal(kind, "preambule", text),
            "Cette clause est obligatoire\u{a0}: écrivez son texte, ou rétablissez le texte du modèle."
        );
    }
    let message = refusal(kind, "adhesion", "");
    assert!(
        message.contains("décochez «\u{a0}Inclure cette clause\u{a0}»"),
        "{message}"
    );
}

#[test]
fn the_model_text_with_french_typography_is_no_edit() {
    let kind = DocumentKind::PartnershipCharter;
    let clause = clauses(&file(true), &options(kind))
        .expect("clauses")
        .into_iter()
        .find(|c| c.id == "preambule")
        .expect("préambule");
    let typographic = clause
        .model_text
        .replace('\'', "’")
        .replace(" :", "\u{a0}:");
    assert_ne!(typographic, clause.model_text);
    assert!(is_model_text(kind, "preambule", &typographic));
    assert!(!is_model_text(
        kind,
        "preambule",
        &typographic.replace("ensemble", "seuls")
    ));
}

#[test]
fn a_text_that_fails_with_the_data_is_refused() {
    // `party` exists only in per-party clauses and loops.
    let message = refusal(
        DocumentKind::PartnershipCharter,
        "preambule",
        "{{ party.name }}",
    );
    assert!(message.contains("Préambule"), "{message}");
}

#[test]
fn an_unknown_clause_is_refused() {
    assert!(matches!(
        check_clause_edit(
            &file(true),
            &options(DocumentKind::PartnershipCharter),
            "nexiste_pas",
            "x"
        ),
        Err(TemplateError::UnknownClause { .. })
    ));
}

/// What the editor stores for text typed with braces, stars and an HTML entity prints exactly
/// as typed: nothing typed runs as code (new-user trial, items 1, 2 and 8).
#[test]
fn typed_code_and_markup_print_as_typed() {
    let kind = DocumentKind::PartnershipCharter;
    // As clause-chips.ts writes « Code {{ 7 * 6 }} {% for %} {# n #} **seul &amp; 100 %} ».
    let stored = "Code {{ \"{\" }}{ 7 \\* 6 }} {{ \"{\" }}% for %} {{ \"{\" }}# n #} \\*\\*seul &amp; 100 %}\nfin";
    assert_eq!(
        check_clause_edit(&file(true), &options(kind), "preambule", stored),
        Ok(())
    );
    let mut opts = options(kind);
    opts.overrides = vec![allia_core::ClauseOverride {
        clause_id: "preambule".into(),
        enabled: None,
        text: Some(stored.into()),
    }];
    let built = allia_docs::templates::build(&file(true), &opts).expect("builds");
    let printed: String = built
        .document
        .blocks
        .iter()
        .map(|b| b.text())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        printed.contains("Code {{ 7 * 6 }} {% for %} {# n #} **seul &amp; 100\u{202f}%} fin"),
        "{printed}"
    );
}
