//! The tests of the diagnostic's rules: the quadrants' labels, the drafts' validation, the
//! reorder rule, the demo content.

use super::*;

fn place(id: &str, quadrant: SwotQuadrant, position: u32) -> SwotPlace {
    SwotPlace {
        id: id.into(),
        quadrant,
        position,
    }
}

fn sample() -> Vec<SwotPlace> {
    use SwotQuadrant::*;
    vec![
        place("a", Strengths, 0),
        place("b", Strengths, 1),
        place("c", Strengths, 2),
        place("d", Threats, 0),
    ]
}

fn ids_of(places: &[SwotPlace], q: SwotQuadrant) -> Vec<(String, u32)> {
    places
        .iter()
        .filter(|p| p.quadrant == q)
        .map(|p| (p.id.clone(), p.position))
        .collect()
}

#[test]
fn moving_within_a_quadrant_keeps_positions_dense() {
    let out = move_item(&sample(), "c", SwotQuadrant::Strengths, 0).expect("accepted");
    assert_eq!(
        ids_of(&out, SwotQuadrant::Strengths),
        vec![("c".into(), 0), ("a".into(), 1), ("b".into(), 2)]
    );
    let out = move_item(&sample(), "a", SwotQuadrant::Strengths, 1).expect("accepted");
    assert_eq!(
        ids_of(&out, SwotQuadrant::Strengths),
        vec![("b".into(), 0), ("a".into(), 1), ("c".into(), 2)]
    );
}

#[test]
fn moving_between_quadrants_closes_the_gap_and_opens_a_place() {
    let out = move_item(&sample(), "b", SwotQuadrant::Threats, 0).expect("accepted");
    assert_eq!(
        ids_of(&out, SwotQuadrant::Strengths),
        vec![("a".into(), 0), ("c".into(), 1)]
    );
    assert_eq!(
        ids_of(&out, SwotQuadrant::Threats),
        vec![("b".into(), 0), ("d".into(), 1)]
    );
    assert_eq!(out.len(), 4);
}

#[test]
fn an_index_past_the_end_puts_the_item_last_even_in_an_empty_quadrant() {
    let out = move_item(&sample(), "a", SwotQuadrant::Strengths, 99).expect("accepted");
    assert_eq!(
        ids_of(&out, SwotQuadrant::Strengths),
        vec![("b".into(), 0), ("c".into(), 1), ("a".into(), 2)]
    );
    let out = move_item(&sample(), "d", SwotQuadrant::Opportunities, 5).expect("accepted");
    assert_eq!(
        ids_of(&out, SwotQuadrant::Opportunities),
        vec![("d".into(), 0)]
    );
    assert!(ids_of(&out, SwotQuadrant::Threats).is_empty());
}

#[test]
fn gaps_in_stored_positions_are_closed() {
    use SwotQuadrant::*;
    let items = vec![place("a", Weaknesses, 3), place("b", Weaknesses, 7)];
    let out = move_item(&items, "b", Weaknesses, 0).expect("accepted");
    assert_eq!(
        ids_of(&out, Weaknesses),
        vec![("b".into(), 0), ("a".into(), 1)]
    );
    assert_eq!(
        ids_of(&compact(&items), Weaknesses),
        vec![("a".into(), 0), ("b".into(), 1)]
    );
}

#[test]
fn an_unknown_item_or_a_full_quadrant_is_refused() {
    assert_eq!(
        move_item(&sample(), "zz", SwotQuadrant::Strengths, 0),
        Err(SwotMoveError::UnknownItem)
    );
    let full: Vec<SwotPlace> = (0..SWOT_ITEMS_PER_QUADRANT_MAX)
        .map(|i| place(&format!("f{i}"), SwotQuadrant::Threats, i as u32))
        .chain([place("x", SwotQuadrant::Strengths, 0)])
        .collect();
    assert!(matches!(
        move_item(&full, "x", SwotQuadrant::Threats, 0),
        Err(SwotMoveError::QuadrantFull { .. })
    ));
    // Within the full quadrant itself a move is fine.
    assert!(move_item(&full, "f3", SwotQuadrant::Threats, 0).is_ok());
}

#[test]
fn an_item_needs_a_short_text_and_an_importance_from_1_to_3() {
    let ok = SwotItemDraft {
        quadrant: SwotQuadrant::Opportunities,
        text: "  Appel à projets\u{a0}FDVA\n2027 ".into(),
        importance: 3,
    }
    .validated()
    .expect("accepted");
    assert_eq!(ok.text, "Appel à projets\u{a0}FDVA 2027");
    let err = SwotItemDraft {
        quadrant: SwotQuadrant::Threats,
        text: " ".into(),
        importance: 0,
    }
    .validated()
    .expect_err("refused");
    let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, vec!["text", "importance"]);
    assert_eq!(err.0[0].message, "Indiquez le texte de l’élément.");
    let long = SwotItemDraft {
        text: "x".repeat(SWOT_TEXT_MAX + 1),
        ..SwotItemDraft::default()
    }
    .validated()
    .expect_err("refused");
    assert!(long.0[0].message.contains("caractères"), "{long:?}");
}

#[test]
fn needs_keep_their_line_breaks_and_refuse_control_characters() {
    let ok = DiagnosticNeedsDraft {
        strategic_priorities: Some("Ligne 1\r\nLigne 2".into()),
        alliance_expectations: Some("   ".into()),
        participation_mode: None,
    }
    .validated()
    .expect("accepted");
    assert_eq!(ok.strategic_priorities.as_deref(), Some("Ligne 1\nLigne 2"));
    assert_eq!(ok.alliance_expectations, None);
    let err = DiagnosticNeedsDraft {
        participation_mode: Some("a\u{7}b".into()),
        ..Default::default()
    }
    .validated()
    .expect_err("refused");
    assert_eq!(err.0[0].field, "participationMode");
    assert!(err.0[0].message.contains("U+0007"));
}

#[test]
fn quadrants_carry_domain_labels_and_sides() {
    let labels: Vec<&str> = SwotQuadrant::ALL.iter().map(|q| q.label()).collect();
    assert_eq!(labels, ["Forces", "Faiblesses", "Opportunités", "Menaces"]);
    assert!(SwotQuadrant::Weaknesses.is_internal());
    assert_eq!(SwotQuadrant::Threats.side_label(), "Externe");
    assert_eq!(importance_label(3), "Majeure");
}

#[test]
fn the_demo_diagnostic_is_valid_and_fills_every_quadrant() {
    let (needs, items) = demo_diagnostic();
    assert!(needs.validated().is_ok());
    for q in SwotQuadrant::ALL {
        let n = items.iter().filter(|i| i.quadrant == q).count();
        assert!((3..=4).contains(&n), "{q:?}: {n}");
    }
    for i in &items {
        assert_eq!(i.validated().as_ref(), Ok(i));
    }
}
