use super::*;

fn draft(name: &str, weight: u32) -> CriterionDraft {
    CriterionDraft {
        name: name.into(),
        weight,
    }
}

#[test]
fn the_five_default_criteria_in_the_guide_s_words() {
    let defaults = default_criteria();
    let names: Vec<&str> = defaults.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Compatibilité stratégique",
            "Capacité opérationnelle",
            "Complémentarité des compétences",
            "Ancrage territorial",
            "Proximité relationnelle"
        ]
    );
    let weights: Vec<u32> = defaults.iter().map(|c| c.weight).collect();
    assert_eq!(weights, [2, 2, 1, 1, 1]);
    assert_eq!(defaults[0].id, "strategic_fit");
    assert_eq!(validate_criteria(&defaults).expect("valid"), defaults);
}

#[test]
fn adding_cleans_the_name_and_refuses_a_name_already_used() {
    let defaults = default_criteria();
    let next = add_criterion(
        &defaults,
        "new-1",
        &draft("  Expérience\u{200b} du public ", 3),
    )
    .expect("valid");
    assert_eq!(next.len(), 6);
    assert_eq!(
        next[5],
        Criterion {
            id: "new-1".into(),
            name: "Expérience du public".into(),
            weight: 3
        }
    );
    let err =
        add_criterion(&defaults, "new-2", &draft("ANCRAGE  territorial", 1)).expect_err("refused");
    assert_eq!(err.0[0].field, "name");
    assert_eq!(
        err.0[0].message,
        "Un critère porte déjà ce nom\u{a0}: «\u{a0}Ancrage territorial\u{a0}»."
    );
    let err = add_criterion(&defaults, "new-3", &draft(" ", 101)).expect_err("refused");
    let found: Vec<(&str, &str)> = err
        .0
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("name", "Indiquez le nom du critère."),
            (
                "weight",
                "Le poids va de 0 (le critère ne compte pas) à 100."
            )
        ]
    );
    let err = add_criterion(&defaults, "strategic_fit", &draft("Autre", 1)).expect_err("refused");
    assert_eq!(err.0[0].field, "id");
}

#[test]
fn at_most_twenty_criteria() {
    let mut criteria = Vec::new();
    for i in 0..CRITERIA_MAX {
        criteria = add_criterion(
            &criteria,
            &format!("c{i}"),
            &draft(&format!("Critère {i}"), 100),
        )
        .expect("valid");
    }
    let err = add_criterion(&criteria, "one-more", &draft("Encore un", 1)).expect_err("refused");
    assert_eq!(err.0[0].field, "criteria");
    assert_eq!(
        err.0[0].message,
        "Trop de critères\u{a0}: 20 au plus (21 en tout)."
    );
}

#[test]
fn renaming_and_reweighting_keep_the_id_and_the_place() {
    let defaults = default_criteria();
    // Its own name in another case is not a clash.
    let next = update_criterion(
        &defaults,
        "territorial_roots",
        &draft("ancrage TERRITORIAL", 0),
    )
    .expect("valid");
    assert_eq!(next[3].id, "territorial_roots");
    assert_eq!(next[3].name, "ancrage TERRITORIAL");
    assert_eq!(next[3].weight, 0);
    assert_eq!(next.len(), 5);
    let err = update_criterion(
        &defaults,
        "territorial_roots",
        &draft("Proximité relationnelle", 1),
    )
    .expect_err("refused");
    assert_eq!(err.0[0].field, "name");
    let err = update_criterion(&defaults, "gone", &draft("X", 1)).expect_err("refused");
    assert_eq!(err.0[0].field, "id");
}

#[test]
fn removing_keeps_at_least_one_criterion() {
    let defaults = default_criteria();
    let next = remove_criterion(&defaults, "strategic_fit").expect("valid");
    assert_eq!(next.len(), 4);
    assert!(next.iter().all(|c| c.id != "strategic_fit"));
    assert_eq!(
        remove_criterion(&defaults, "gone").expect_err("refused").0[0].field,
        "id"
    );
    let one = vec![defaults[0].clone()];
    let err = remove_criterion(&one, "strategic_fit").expect_err("refused");
    assert_eq!(err.0[0].field, "criteria");
    assert!(err.0[0].message.starts_with("Gardez au moins un critère"));
}

#[test]
fn a_list_read_at_once_is_checked_line_by_line() {
    let mut list = default_criteria();
    list[1].id = "strategic_fit".into();
    list[2].name = "COMPATIBILITE strategique".into();
    list[3].weight = 500;
    let err = validate_criteria(&list).expect_err("refused");
    let fields: Vec<&str> = err.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["criteria.2.id", "criteria.3.name", "criteria.4.weight"]
    );
    assert_eq!(validate_criteria(&[]).expect("valid"), []);
}
