use chrono::{TimeZone, Utc};

use super::*;
use crate::actors::Criterion;
use crate::objectives::records::{default_priority_criteria, StrategicObjectiveDraft};

fn objective(n: u32, title: &str, scores: &[(&str, u8)]) -> StrategicObjective {
    let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    StrategicObjective {
        id: format!("30000000-0000-4000-8000-0000000000{n:02}"),
        alliance_id: "40000000-0000-4000-8000-000000000001".into(),
        position: n,
        created_at: at,
        updated_at: at,
        draft: StrategicObjectiveDraft {
            title: title.into(),
            priority_scores: scores.iter().map(|&(c, s)| (c.to_string(), s)).collect(),
            ..StrategicObjectiveDraft::default()
        },
    }
}

/// The four default criteria, all scored `s`.
fn all(s: u8) -> Vec<(&'static str, u8)> {
    vec![
        ("need_urgency", s),
        ("collective_value", s),
        ("feasibility", s),
        ("partner_buy_in", s),
    ]
}

fn summary(r: &PriorityRanking) -> Vec<(&str, u32, u32, bool)> {
    r.ranking
        .iter()
        .map(|l| (l.name.as_str(), l.rank, l.score_x100, l.tied))
        .collect()
}

fn frame(criteria: Vec<Criterion>) -> ObjectivesFrameDraft {
    ObjectivesFrameDraft {
        priority_criteria: criteria,
        ..ObjectivesFrameDraft::default()
    }
}

fn criterion(id: &str, name: &str, weight: u32) -> Criterion {
    Criterion {
        id: id.into(),
        name: name.into(),
        weight,
    }
}

#[test]
fn objectives_are_ranked_best_first_on_the_default_criteria() {
    let objectives = [
        objective(0, "Mutualiser les fonctions support", &all(3)),
        objective(1, "Lancer une activité commune", &all(5)),
        objective(2, "Diversifier les financements", &all(1)),
    ];
    let r = rank_strategic_objectives(&ObjectivesFrameDraft::default(), &objectives);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(
        summary(&r),
        [
            ("Lancer une activité commune", 1, 10_000, false),
            ("Mutualiser les fonctions support", 2, 6_000, false),
            ("Diversifier les financements", 3, 2_000, false),
        ]
    );
    assert_eq!(default_priority_criteria().len(), 4);
}

#[test]
fn ties_share_a_rank_and_the_next_rank_skips() {
    let objectives = [
        objective(0, "Bêta", &all(4)),
        objective(1, "alpha", &all(4)),
        objective(2, "Gamma", &all(2)),
    ];
    let r = rank_strategic_objectives(&ObjectivesFrameDraft::default(), &objectives);
    // Equal scores: by name (case and accents aside), both rank 1, then 3.
    assert_eq!(
        summary(&r),
        [
            ("alpha", 1, 8_000, true),
            ("Bêta", 1, 8_000, true),
            ("Gamma", 3, 4_000, false),
        ]
    );
}

#[test]
fn weights_change_the_order() {
    let criteria = vec![
        criterion("urgency", "Urgence du besoin", 3),
        criterion("feasibility", "Faisabilité", 1),
    ];
    let urgent = objective(0, "Urgent", &[("urgency", 5), ("feasibility", 1)]);
    let easy = objective(1, "Facile", &[("urgency", 1), ("feasibility", 5)]);
    let r = rank_strategic_objectives(&frame(criteria.clone()), &[easy.clone(), urgent.clone()]);
    // Urgent: (3×5 + 1×1) / (5×4) = 80 %; Facile: (3×1 + 1×5) / 20 = 40 %.
    assert_eq!(
        summary(&r),
        [("Urgent", 1, 8_000, false), ("Facile", 2, 4_000, false)]
    );
    let mut swapped = criteria;
    swapped[0].weight = 1;
    swapped[1].weight = 3;
    let r = rank_strategic_objectives(&frame(swapped), &[urgent, easy]);
    assert_eq!(
        summary(&r),
        [("Facile", 1, 8_000, false), ("Urgent", 2, 4_000, false)]
    );
}

#[test]
fn a_criterion_of_weight_zero_needs_no_score() {
    let criteria = vec![
        criterion("urgency", "Urgence du besoin", 1),
        criterion("later", "Critère écarté", 0),
    ];
    let r = rank_strategic_objectives(&frame(criteria), &[objective(0, "Seul", &[("urgency", 2)])]);
    assert!(r.problems.is_empty());
    assert_eq!(summary(&r), [("Seul", 1, 4_000, false)]);
}

#[test]
fn missing_scores_leave_the_objective_out_and_name_it() {
    let objectives = [
        objective(0, "Noté", &all(3)),
        objective(
            1,
            "À moitié noté",
            &[("need_urgency", 4), ("feasibility", 2)],
        ),
        objective(2, "Pas noté", &[]),
    ];
    let r = rank_strategic_objectives(&ObjectivesFrameDraft::default(), &objectives);
    assert_eq!(summary(&r), [("Noté", 1, 6_000, false)]);
    let messages: Vec<(&str, &str)> = r
        .problems
        .iter()
        .map(|p| (p.field.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(messages.len(), 2 + 4);
    assert_eq!(
        messages[0],
        (
            "scores.30000000-0000-4000-8000-000000000001.collective_value",
            "L’objectif «\u{a0}À moitié noté\u{a0}» n’est pas encore noté sur «\u{a0}Valeur ajoutée collective\u{a0}»\u{a0}: il n’est pas classé."
        )
    );
    assert!(messages[2]
        .0
        .starts_with("scores.30000000-0000-4000-8000-000000000002."));
}

#[test]
fn a_score_out_of_range_is_named() {
    let mut scores = all(3);
    scores[0].1 = 9;
    let r = rank_strategic_objectives(
        &ObjectivesFrameDraft::default(),
        &[objective(0, "Trop", &scores)],
    );
    assert!(r.ranking.is_empty());
    assert_eq!(
        r.problems[0].message,
        "La note de «\u{a0}Trop\u{a0}» pour «\u{a0}Urgence du besoin\u{a0}» va de 0 à 5\u{a0}; 9 n’en fait pas partie."
    );
}

#[test]
fn the_criteria_problems_speak_of_objectives_not_candidates() {
    let objectives = [objective(0, "Un objectif", &all(3))];
    let none = rank_strategic_objectives(&frame(vec![]), &objectives);
    let zero = rank_strategic_objectives(
        &frame(vec![criterion("a", "A", 0), criterion("b", "B", 0)]),
        &objectives,
    );
    for r in [&none, &zero] {
        assert!(r.ranking.is_empty());
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].field, "priorityCriteria");
        assert!(r.problems[0].message.contains("objectifs stratégiques"));
        assert!(!r.problems[0].message.contains("candidat"));
    }
    assert_eq!(
        none.problems[0].message,
        "Ajoutez au moins un critère pour classer les objectifs stratégiques."
    );
}

#[test]
fn no_objective_is_an_empty_ranking_without_problems() {
    let r = rank_strategic_objectives(&ObjectivesFrameDraft::default(), &[]);
    assert!(r.ranking.is_empty() && r.problems.is_empty());
}
