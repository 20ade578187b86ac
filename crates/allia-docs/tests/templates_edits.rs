//! Edited clauses, errors, typography and robustness of the templates.

#[path = "common/templates_fixture.rs"]
mod fixture;

use allia_core::{ClauseOverride, DocumentKind, Organisation, PartnerDraft};
use allia_docs::model::{Block, Run};
use allia_docs::templates::{build, clauses, TemplateError};
use fixture::{articles, file, full_text, options};

fn edit(id: &str, text: &str) -> ClauseOverride {
    ClauseOverride {
        clause_id: id.into(),
        enabled: None,
        text: Some(text.into()),
    }
}

fn article_body(doc: &allia_docs::model::Document, title: &str) -> Vec<Block> {
    let start = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Article { title: t, .. } if t == title))
        .expect("article present");
    doc.blocks[start + 1..]
        .iter()
        .take_while(|b| !matches!(b, Block::Article { .. } | Block::Signatures(_)))
        .cloned()
        .collect()
}

#[test]
fn an_edit_replaces_the_model_text_and_reset_restores_it() {
    let file = file(false);
    let mut opts = options(DocumentKind::PartnershipAgreement);
    let model = build(&file, &opts).expect("builds").document;
    let model_body = article_body(&model, "Résiliation");

    opts.overrides = vec![edit(
        "resiliation",
        "Préavis de **six mois** pour {{ parties[0].short_name }}.\n\n- un point\n- un autre",
    )];
    let edited = build(&file, &opts).expect("builds").document;
    let body = article_body(&edited, "Résiliation");
    assert_eq!(body.len(), 2);
    let Block::Paragraph(p) = &body[0] else {
        panic!("paragraph");
    };
    assert_eq!(
        p.runs,
        vec![
            Run::plain("Préavis de "),
            Run::bold("six mois"),
            Run::plain(" pour LAQ.")
        ]
    );
    assert!(matches!(&body[1], Block::List(l) if l.items.len() == 2));
    assert_eq!(articles(&edited), articles(&model));

    let views = clauses(&file, &opts).expect("lists");
    let view = views
        .iter()
        .find(|v| v.id == "resiliation")
        .expect("listed");
    assert!(view.edited);
    assert!(view.text.starts_with("Préavis de **six mois**"));
    assert!(view.model_text.starts_with("Chaque Partie peut se retirer"));
    assert_eq!(view.number.as_deref(), Some("13"));

    opts.overrides.clear();
    let reset = build(&file, &opts).expect("builds").document;
    assert_eq!(article_body(&reset, "Résiliation"), model_body);
    let views = clauses(&file, &opts).expect("lists");
    let view = views
        .iter()
        .find(|v| v.id == "resiliation")
        .expect("listed");
    assert!(!view.edited);
    assert_eq!(view.text, view.model_text);
}

#[test]
fn an_edit_with_a_template_error_names_the_clause_in_french() {
    let file = file(false);
    let mut opts = options(DocumentKind::PartnershipAgreement);
    opts.overrides = vec![edit("resiliation", "Préavis\n{% if %} de trois mois")];
    let err = build(&file, &opts).expect_err("syntax error");
    assert_eq!(err.code(), "clause_text");
    assert_eq!(err.clause_id(), Some("resiliation"));
    let message = err.to_string();
    assert!(
        message.starts_with("Le texte modifié de la clause «\u{a0}Résiliation\u{a0}»"),
        "{message}"
    );
    assert!(
        !message.contains("ligne"),
        "no line of code named: {message}"
    );
    assert!(
        message.contains("rétablissez le texte du modèle"),
        "{message}"
    );
    assert!(matches!(
        err,
        TemplateError::ClauseText { edited: true, .. }
    ));

    // The builder can still list the clauses to fix or reset the edit.
    let views = clauses(&file, &opts).expect("lists despite the error");
    assert!(views.iter().any(|v| v.id == "resiliation" && v.edited));

    opts.overrides = vec![edit("objet", "{{ alliance.nom }}")];
    let err = build(&file, &opts).expect_err("unknown field");
    assert!(err.to_string().contains("«\u{a0}Objet\u{a0}»"));
    assert!(err.to_string().contains("un champ inséré n’existe pas"));

    opts.overrides = vec![edit("engagements", "{{ party.name }} {{ x(")];
    let err = build(&file, &opts).expect_err("per-party edit");
    assert_eq!(err.clause_id(), Some("engagements"));
}

#[test]
fn unknown_overrides_and_missing_names_are_reported() {
    let mut opts = options(DocumentKind::PartnershipCharter);
    opts.overrides = vec![edit("resiliation", "x")];
    let err = build(&file(false), &opts).expect_err("unknown clause");
    assert_eq!(err.code(), "unknown_clause");
    assert!(err.to_string().contains("«\u{a0}resiliation\u{a0}»"));
    assert!(err.to_string().contains("Charte partenariale"));
    assert!(clauses(&file(false), &opts).is_err());

    let mut f = file(false);
    f.alliance.name = "  ".into();
    let err = build(&f, &options(DocumentKind::PartnershipCharter)).expect_err("no name");
    assert_eq!(err, TemplateError::MissingAllianceName);
    assert_eq!(
        err.to_string(),
        "Indiquez le nom de l’alliance avant de préparer un document."
    );
}

#[test]
fn a_missing_profile_gives_a_placeholder_party_and_a_warning() {
    let mut f = file(false);
    f.profile = None;
    let built = build(&f, &options(DocumentKind::PartnershipAgreement)).expect("builds");
    let text = full_text(&built.document);
    assert!(text.contains("[Votre association\u{a0}: complétez le profil]"));
    assert!(built
        .warnings
        .iter()
        .any(|w| w.contains("profil de votre association")));
    assert_eq!(built.document.metadata.author, "");
    let Some(Block::Signatures(s)) = built.document.blocks.last() else {
        panic!("signatures");
    };
    assert!(
        s.sentence.starts_with("Fait à ……………………, le "),
        "{}",
        s.sentence
    );
    assert_eq!(s.signatories().count(), 6);
}

#[test]
fn french_typography_in_the_output_runs() {
    let mut f = file(false);
    f.partners[1].organisation.name = "L'Écho \"solidaire\"".into();
    let built = build(&f, &options(DocumentKind::PartnershipAgreement)).expect("builds");
    let text = full_text(&built.document);
    assert!(text.contains("Il a été convenu ce qui suit\u{a0}:"));
    assert!(text.contains("ci-après dénommée «\u{a0}LAQ\u{a0}»"));
    assert!(text.contains("prend effet le 1er\u{a0}décembre\u{a0}2025."));
    assert!(text.contains("Réduire de 15\u{202f}% les coûts"));
    assert!(text.contains("L’Écho «\u{a0}solidaire\u{a0}»"));
    assert!(text.contains("Engagements de l’Écho") || text.contains("Engagements de L’Écho"));
    assert!(!text.contains(" :"), "no breakable space before a colon");
    assert!(!text.contains(" ;"));
    assert!(!text.contains("'"));
    let bad: Vec<&str> = text.lines().filter(|l| l.contains("« ")).collect();
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn inserted_data_never_becomes_markup() {
    let mut f = file(false);
    f.partners[0].organisation.name = "**Étoile** *du* \\ {{ nord }}".into();
    f.partners[0].organisation.acronym = Some("- ET".into());
    let built = build(&f, &options(DocumentKind::PartnershipAgreement)).expect("builds");
    let text = full_text(&built.document);
    assert!(text.contains("**Étoile** *du* \\ {{ nord }}"));
    assert!(text.contains("- ET s’engage en outre à"));
}

fn odd_names() -> Vec<String> {
    vec![
        String::new(),
        " ".into(),
        "x".repeat(5000),
        "é".repeat(5000),
        "🤝 Alliance 🌱 des 👩‍👩‍👧 familles".into(),
        "{{ party.name }} {% if %}".into(),
        "***".into(),
        "\\".into(),
        "- ".into(),
        "« » : ; ! ? ' \" \"".into(),
        "ligne\nsuivante\r\n\tfin\u{0007}".into(),
        "\u{202e}inversé".into(),
    ]
}

#[test]
fn odd_inputs_never_panic() {
    for name in odd_names() {
        let mut f = file(true);
        f.alliance.name = if name.trim().is_empty() {
            "A".into()
        } else {
            name.clone()
        };
        f.alliance.purpose = Some(name.clone());
        f.alliance.territory = Some(name.clone());
        if let Some(profile) = f.profile.as_mut() {
            profile.name = name.clone();
            profile.acronym = Some(name.clone());
            profile.city = Some(name.clone());
        }
        f.partners.push(PartnerDraft {
            organisation: Organisation {
                name: name.clone(),
                siret: Some(name.clone()),
                rna: Some(name.clone()),
                representative_role: Some(name.clone()),
                ..Organisation::default()
            },
            resources: Some(name.clone()),
            resource_tags: vec![name.clone(), String::new()],
            ..PartnerDraft::default()
        });
        for kind in DocumentKind::ALL {
            let mut opts = options(kind);
            opts.title = name.clone();
            opts.place = Some(name.clone());
            opts.copies = Some(0);
            let built = build(&f, &opts).expect("odd data still builds");
            assert!(!built.document.blocks.is_empty());
            assert!(!built.document.metadata.title.is_empty());
            // Odd edited texts are errors or text, never panics.
            let first = clauses(&f, &opts).expect("lists")[0].id.clone();
            opts.overrides = vec![edit(&first, &name)];
            let _ = build(&f, &opts);
        }
        let mut empty = f.clone();
        empty.profile = None;
        empty.partners.clear();
        for kind in DocumentKind::ALL {
            assert!(build(&empty, &options(kind)).is_ok());
        }
    }
}

#[test]
fn blanks_and_checks_are_located_in_their_clause() {
    let file = file(false);
    let mut opts = options(DocumentKind::PartnershipAgreement);
    let complete = build(&file, &opts).expect("builds");
    // Every included clause has a span, in order, starting on its heading.
    assert!(!complete.spans.is_empty());
    assert!(complete.spans.windows(2).all(|w| w[0].end <= w[1].start));
    let resiliation = complete
        .spans
        .iter()
        .find(|span| span.clause_id == "resiliation")
        .expect("resiliation printed");
    assert!(matches!(
        &complete.document.blocks[resiliation.start],
        Block::Article { title, .. } if title == "Résiliation"
    ));
    assert_eq!(complete.checks.len(), complete.warnings.len());

    opts.overrides = vec![edit(
        "resiliation",
        "Préavis de {{ blank(\"la durée du préavis\") }}, envoyé à {{ blank() }}.",
    )];
    let built = build(&file, &opts).expect("builds");
    let blanks = built.blanks();
    assert_eq!(
        blanks
            .iter()
            .find(|b| b.clause_id.as_deref() == Some("resiliation"))
            .map(|b| b.count),
        Some(2),
        "{blanks:?}"
    );
    let check = built
        .checks
        .iter()
        .find(|c| c.message.contains("la durée du préavis"))
        .expect("the labelled blank is to check");
    assert_eq!(check.clause_id(), Some("resiliation"));
    let messages: Vec<&String> = built.checks.iter().map(|c| &c.message).collect();
    assert_eq!(messages, built.warnings.iter().collect::<Vec<_>>());
}
