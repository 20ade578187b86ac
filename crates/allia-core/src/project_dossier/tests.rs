use super::*;

fn figure() -> FigureDraft {
    FigureDraft {
        label: " Familles monoparentales ".into(),
        value: "1 250".into(),
        unit: Some("familles".into()),
        year: 2021,
        source_kind: FigureSourceKind::Insee,
        source: "INSEE, recensement de la population".into(),
        link: Some("https://www.insee.fr/fr/statistiques".into()),
    }
}

fn fields(e: &ValidationErrors) -> Vec<&str> {
    e.0.iter().map(|e| e.field.as_str()).collect()
}

#[test]
fn french_numbers_become_canonical_decimals() {
    for (input, canonical) in [
        ("12,5", "12.5"),
        ("1 250", "1250"),
        ("1\u{202f}250,75", "1250.75"),
        ("1\u{a0}250", "1250"),
        ("12.5", "12.5"),
        ("1.125", "1.125"),
        ("1.250.000", "1250000"),
        ("1.250,5", "1250.5"),
        ("0,50", "0.5"),
        ("-3,20", "-3.2"),
        ("−4", "-4"),
        ("+7", "7"),
        ("-0,0", "0"),
        ("007", "7"),
        ("12'500", "12500"),
        ("0", "0"),
    ] {
        assert_eq!(parse_decimal(input).as_deref(), Ok(canonical), "{input}");
        // The canonical form reads back as itself.
        assert_eq!(
            parse_decimal(canonical).as_deref(),
            Ok(canonical),
            "{canonical}"
        );
    }
}

#[test]
fn unreadable_or_ambiguous_numbers_are_refused_in_french() {
    for input in [
        "", "  ", "douze", "12 %", "12,", ",5", "1,2,3", "1.2.3", "1,5.2", "12e3", "--1",
        "1.25.000",
    ] {
        let err = parse_decimal(input).expect_err(input);
        assert!(
            err.contains('«') || err.starts_with("Indiquez"),
            "{input}: {err}"
        );
    }
    let err = parse_decimal("30.000").expect_err("ambiguous");
    assert!(err.contains("ambigu"), "{err}");
    assert!(err.contains("30\u{202f}000"), "{err}");
    assert!(parse_decimal("1234567890123456").is_err());
    assert!(parse_decimal("123456789012345").is_ok());
    assert!(parse_decimal("0,1234567").is_err());
    assert!(parse_decimal("0,123456").is_ok());
}

#[test]
fn canonical_decimals_print_the_french_way() {
    assert_eq!(format_french_decimal("1250.5"), "1\u{202f}250,5");
    assert_eq!(format_french_decimal("12"), "12");
    assert_eq!(
        format_french_decimal("-1234567"),
        "-1\u{202f}234\u{202f}567"
    );
    assert_eq!(format_french_decimal("0.25"), "0,25");
    assert_eq!(format_french_decimal("n/a"), "n/a");
}

#[test]
fn a_figure_is_cleaned_and_its_value_kept_exactly() {
    let f = figure().validated().expect("valid");
    assert_eq!(f.label, "Familles monoparentales");
    assert_eq!(f.value, "1250");
    assert_eq!(f.validated().expect("again"), f, "validation is idempotent");
}

#[test]
fn every_problem_of_a_figure_is_reported_at_once() {
    let f = FigureDraft {
        label: "  ".into(),
        value: "beaucoup".into(),
        unit: Some("x".repeat(FIGURE_UNIT_MAX + 1)),
        year: 21,
        source_kind: FigureSourceKind::Other,
        source: "".into(),
        link: Some("www.insee.fr".into()),
    };
    let e = f.validated().expect_err("invalid");
    assert_eq!(
        fields(&e),
        vec!["label", "value", "unit", "year", "source", "link"]
    );
    assert!(e.0[3].message.contains("1900"));
    assert!(e.0[4].message.contains("source"));
}

#[test]
fn years_outside_the_sensible_range_are_refused() {
    for (year, ok) in [
        (1899, false),
        (1900, true),
        (2026, true),
        (2100, true),
        (2101, false),
        (20211, false),
    ] {
        let mut f = figure();
        f.year = year;
        assert_eq!(f.validated().is_ok(), ok, "{year}");
    }
}

#[test]
fn links_are_web_addresses() {
    for ok in [
        "https://www.insee.fr/fr/statistiques/2011101?geo=COM-59350",
        "http://data.lille.fr",
        "HTTPS://Example.org:8080/a#b",
        "https://[2001:db8::1]/x",
        "https://données.gouv.fr",
    ] {
        assert!(is_web_link(ok), "{ok}");
    }
    for bad in [
        "ftp://insee.fr",
        "javascript:alert(1)",
        "https://",
        "https:// insee.fr",
        "https://user:pw@insee.fr",
        "https://insee..fr",
        "https://insee.fr:port",
        "insee.fr",
        "file:///etc/passwd",
    ] {
        assert!(!is_web_link(bad), "{bad}");
    }
    let mut f = figure();
    f.link = Some("  ".into());
    assert_eq!(f.validated().expect("empty link").link, None);
}

#[test]
fn dossier_texts_are_cleaned_multiline_and_empty_means_none() {
    let t = DossierTexts {
        social_need: Some("  Ligne 1\r\nLigne 2  ".into()),
        collective_response: Some("   ".into()),
        argument: None,
        key_actors: Some("Les familles\u{7}".into()),
    };
    let e = t.validated().expect_err("control character");
    assert_eq!(fields(&e), vec!["keyActors"]);
    let t = DossierTexts {
        key_actors: Some("Les familles".into()),
        ..t
    }
    .validated()
    .expect("valid");
    assert_eq!(t.social_need.as_deref(), Some("Ligne 1\nLigne 2"));
    assert_eq!(t.collective_response, None);
    assert!(!t.is_empty());
    assert!(DossierTexts::default().is_empty());
    let long = DossierTexts {
        argument: Some("a".repeat(DOSSIER_TEXT_MAX + 1)),
        ..DossierTexts::default()
    };
    assert_eq!(
        fields(&long.validated().expect_err("long")),
        vec!["argument"]
    );
}

#[test]
fn source_kinds_have_their_french_labels() {
    let labels: Vec<_> = FigureSourceKind::ALL.iter().map(|k| k.label()).collect();
    assert_eq!(
        labels,
        ["INSEE", "Données ouvertes", "Enquête propre", "Autre"]
    );
    assert_eq!(
        serde_json::to_string(&FigureSourceKind::OwnSurvey).expect("json"),
        "\"own_survey\""
    );
}

#[test]
fn a_reorder_must_name_every_figure_once() {
    let current = ["a", "b", "c"];
    assert_eq!(
        reorder_problem(&current, &["c".into(), "a".into(), "b".into()]),
        None
    );
    assert!(reorder_problem(&current, &["a".into(), "b".into()]).is_some());
    assert!(reorder_problem(&current, &["a".into(), "a".into(), "b".into()]).is_some());
}

#[test]
fn the_demo_dossier_is_valid_with_sourced_figures() {
    let (texts, figures) = demo_dossier();
    assert!(texts.validated().expect("texts").social_need.is_some());
    assert!(figures.len() >= 4);
    for f in &figures {
        let v = f.validated().expect("figure");
        assert_eq!(&v, f, "already canonical: {}", f.label);
        assert!(!v.source.is_empty());
    }
}

/// Every French message of the dossier's and the diagnostic's validation ends with
/// exactly one period and does not repeat its first word (« Indiquez Indiquez … .. »
/// came from passing a whole sentence where a noun phrase was expected).
#[test]
fn dossier_and_diagnostic_messages_are_well_formed_sentences() {
    use crate::diagnostic::{
        DiagnosticNeedsDraft, SwotItemDraft, SwotQuadrant, NEEDS_TEXT_MAX, SWOT_TEXT_MAX,
    };
    let long = |n: usize| "x".repeat(n + 1);
    let mut messages: Vec<String> = Vec::new();
    for f in [
        FigureDraft {
            label: " ".into(),
            value: "".into(),
            unit: None,
            year: 0,
            source_kind: FigureSourceKind::Other,
            source: "".into(),
            link: Some("ftp://x".into()),
        },
        FigureDraft {
            label: long(FIGURE_LABEL_MAX),
            value: "1,2,3".into(),
            unit: Some(long(FIGURE_UNIT_MAX)),
            year: 3000,
            source_kind: FigureSourceKind::OwnSurvey,
            source: long(FIGURE_SOURCE_MAX),
            link: Some(long(FIGURE_LINK_MAX)),
        },
        FigureDraft {
            value: "1234567890123456789".into(),
            ..figure()
        },
        FigureDraft {
            value: "1,123456789".into(),
            label: "a\u{0}b".into(),
            ..figure()
        },
    ] {
        let e = f.validated().expect_err("invalid");
        messages.extend(e.0.into_iter().map(|e| e.message));
    }
    let texts = DossierTexts {
        social_need: Some(long(DOSSIER_TEXT_MAX)),
        collective_response: Some(long(DOSSIER_TEXT_MAX)),
        argument: Some(long(DOSSIER_TEXT_MAX)),
        key_actors: Some(long(DOSSIER_TEXT_MAX)),
    };
    messages.extend(
        texts
            .validated()
            .expect_err("too long")
            .0
            .into_iter()
            .map(|e| e.message),
    );
    let needs = DiagnosticNeedsDraft {
        strategic_priorities: Some(long(NEEDS_TEXT_MAX)),
        alliance_expectations: Some("a\u{7}b".into()),
        participation_mode: Some(long(NEEDS_TEXT_MAX)),
    };
    messages.extend(
        needs
            .validated()
            .expect_err("invalid")
            .0
            .into_iter()
            .map(|e| e.message),
    );
    for item in [
        SwotItemDraft {
            quadrant: SwotQuadrant::Weaknesses,
            text: " ".into(),
            importance: 0,
        },
        SwotItemDraft {
            quadrant: SwotQuadrant::Threats,
            text: long(SWOT_TEXT_MAX),
            importance: 4,
        },
    ] {
        let e = item.validated().expect_err("invalid");
        messages.extend(e.0.into_iter().map(|e| e.message));
    }
    for quadrant in SwotQuadrant::ALL {
        messages.push(crate::validation::too_many_message(
            &format!("éléments «\u{a0}{}\u{a0}»", quadrant.label()),
            12,
            14,
        ));
    }
    messages.push(crate::validation::too_many_message(
        "chiffres clés",
        100,
        101,
    ));
    assert!(messages.len() >= 20, "{messages:?}");
    for m in &messages {
        assert!(
            m.ends_with('.') && !m.ends_with(".."),
            "one final period: {m}"
        );
        let words: Vec<&str> = m.split_whitespace().take(2).collect();
        assert!(
            words.len() < 2 || words[0] != words[1],
            "first word doubled: {m}"
        );
        assert!(!m.contains("Trop de é"), "elided: {m}");
    }
    assert!(messages.contains(
        &"Indiquez la source du chiffre\u{a0}: un financeur voudra la vérifier.".to_string()
    ));
    assert!(messages.contains(&"Indiquez ce que mesure ce chiffre.".to_string()));
    assert!(messages.contains(
        &"Trop d’éléments «\u{a0}Faiblesses\u{a0}»\u{a0}: 12 au plus (14 en tout).".to_string()
    ));
}
