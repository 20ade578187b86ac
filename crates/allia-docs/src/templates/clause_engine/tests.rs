//! Tests of the clause engine: cross-references, helpers and escaping, grammar, annexes,
//! line breaks around tags, strict names and syntax errors.

use super::*;
use minijinja::context;

fn engine() -> ClauseEngine {
    let mut targets = HashMap::new();
    targets.insert("objet".to_string(), RefTarget::Article(2));
    targets.insert(
        "preambule".to_string(),
        RefTarget::Section("Préambule".into()),
    );
    targets.insert(
        "pi".to_string(),
        RefTarget::Removed("Propriété intellectuelle".into()),
    );
    ClauseEngine::new(targets)
}

#[test]
fn references() {
    let r = engine();
    let out = r
        .render(
            "art. {{ ref('objet') }}, {{ ref('preambule') }}, {{ ref('pi') }}, {{ ref('x') }}",
            &context! {},
        )
        .expect("renders");
    assert_eq!(
        out,
        "art. 2, préambule, [article supprimé : propriété intellectuelle], [article inconnu : x]"
    );
    assert_eq!(
        r.take_issues(),
        vec![
            Issue::Removed {
                title: "Propriété intellectuelle".into()
            },
            Issue::Unknown { id: "x".into() }
        ]
    );
    assert!(r.take_issues().is_empty());
    let out = r
        .render(
            "{{ has('objet') }} {{ has('pi') }} {{ has('x') }}",
            &context! {},
        )
        .expect("renders");
    assert_eq!(out, "True False False");
}

#[test]
fn helpers_and_escaping() {
    let r = engine();
    let ctx = context! { name => "*Étoile*", none => Value::from(()), tags => vec!["a", "b", "c"] };
    let out = r
        .render(
            "{{ name }}|{{ none }}|{{ tags | list_fr }}|{{ 125000 | amount }}|\
             {{ '2025-12-01' | date }}|{{ 'fin' | sentence }}|{{ blank('la durée') }}",
            &ctx,
        )
        .expect("renders");
    assert_eq!(
        out,
        "\\*Étoile\\*||a, b et c|1\u{202f}250,00\u{202f}€|1er décembre 2025|fin.|[à compléter : la durée]"
    );
    assert_eq!(
        r.take_issues(),
        vec![Issue::Blank {
            label: "la durée".into()
        }]
    );
}

#[test]
fn grammar_helpers_agree_contract_and_quote() {
    let r = engine();
    let departement = context! {
        designated_name => "le Département d’Indre-et-Loire",
        gender => "masculine",
        number => "singular",
    };
    let amis = context! {
        designated_name => "Les Amis du Quartier",
        gender => "masculine",
        number => "plural",
    };
    let universite = context! {
        designated_name => "l’Université de Tours",
        gender => "feminine",
        number => "singular",
    };
    let commune = context! {
        name => "Commune de Tours",
        designated_name => "la Commune de Tours",
        gender => "feminine",
        number => "singular",
    };
    let ctx = context! {
        d => departement,
        a => amis,
        u => universite,
        parties => vec![commune],
        funders => vec!["Commune de Tours", "OQM"],
    };
    let out = r
        .render(
            "{{ d | agree('représenté') }}, {{ u | agree('dénommé') }}, {{ a | agree('représenté') }}|\
             {{ d | pronoun }}, {{ u | pronoun }}, {{ a | pronoun }}|\
             {{ d | of }}, {{ u | to }}, {{ 'OQM' | of }}, {{ 'le Département' | to }}|\
             {{ [d, u, a] | of_list }}|{{ funders | of_list }}|{{ funders | names }}|\
             {{ 'l’Université' | upper_first }}|{{ 'Fondation « S & N »' | quoted }}",
            &ctx,
        )
        .expect("renders");
    assert_eq!(
        out,
        "représenté, dénommée, représentés|celui-ci, celle-ci, ceux-ci|\
         du Département d’Indre-et-Loire, à l’Université de Tours, d’OQM, au Département|\
         du Département d’Indre-et-Loire, de l’Université de Tours et des Amis du Quartier|\
         de la Commune de Tours et d’OQM|la Commune de Tours et OQM|L’Université|« Fondation “S & N” »"
    );
    let err = r
        .render("{{ 'texte' | agree('représenté') }}", &ctx)
        .expect_err("not a party");
    assert_eq!(err.kind(), ErrorKind::InvalidOperation);
}

#[test]
fn annexes_are_numbered_from_the_context() {
    let r = engine();
    let ctx = context! { annexes => vec![context! { id => "financial", number => 1 }] };
    let out = r
        .render(
            "{{ annex('financial') }}|{{ has_annex('financial') }}|{{ has_annex('schedule') }}|{{ annex('schedule') }}",
            &ctx,
        )
        .expect("renders");
    assert_eq!(
        out,
        "l’annexe\u{a0}1|True|False|[annexe absente : schedule]"
    );
    assert_eq!(
        r.take_issues(),
        vec![Issue::MissingAnnex {
            id: "schedule".into()
        }]
    );
}

#[test]
fn the_lower_first_filter_keeps_acronyms() {
    let r = engine();
    let out = r
        .render(
            "{{ 'Réduire les coûts' | lower_first }}, {{ 'CAF de Tours' | lower_first }}",
            &context! {},
        )
        .expect("renders");
    assert_eq!(out, "réduire les coûts, CAF de Tours");
}

#[test]
fn inline_tags_keep_their_line_break() {
    let r = engine();
    let src = "A{% if true %}.{% endif %}\n\n{% if false %}\nX\n{% endif %}\nB\n{% for i in [1, 2] %}\n- {{ i }}\n{% endfor %}\nC";
    let out = r.render(src, &context! {}).expect("renders");
    assert_eq!(out, "A.\n\nB\n- 1\n- 2\nC");
    assert_eq!(
        r.render("100 %}\nfin", &context! {}).expect("renders"),
        "100 %}\nfin"
    );
    assert!(only_tags("  {% if a %}{% endif %} "));
    assert!(!only_tags("x {% endif %}"));
    assert!(!only_tags("{% x"));
}

#[test]
fn strict_and_syntax_errors() {
    let r = engine();
    let err = r
        .render("{{ missing.field }}", &context! {})
        .expect_err("undefined");
    assert_eq!(err.kind(), ErrorKind::UndefinedError);
    let err = r.render("{% if %}", &context! {}).expect_err("syntax");
    assert_eq!(err.kind(), ErrorKind::SyntaxError);
    assert!(r.check("{{ a").is_err());
    assert!(r.render("{{ '13/99' | date }}", &context! {}).is_err());
}
