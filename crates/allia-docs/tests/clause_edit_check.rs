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
        "{% if alliance.territory %}Sur {{ alliance.territory }}.{% endif %} {{ alliance.name }}",
        "Voir l'article {{ ref(\"suivi\") }}.",
        "Date : {{ blank() }}.",
        "",
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
    assert!(message.contains("donnée inconnue"), "{message}");
    assert!(message.contains("alliance.nme"), "{message}");
    refusal(kind, "objet", "{{ inconnu }}");
    refusal(kind, "objet", "{{ nope('x') }}");
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
