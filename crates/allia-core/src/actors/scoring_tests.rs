use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::actors::criteria::default_criteria;

fn criterion(id: &str, name: &str, weight: u32) -> Criterion {
    Criterion {
        id: id.into(),
        name: name.into(),
        weight,
    }
}

fn candidate(id: &str, name: &str, scores: &[(&str, u8)]) -> CandidateScores {
    CandidateScores {
        id: id.into(),
        name: name.into(),
        scores: scores.iter().map(|&(c, s)| (c.to_string(), s)).collect(),
    }
}

/// (name, rank, score_x100, tied) of each line, in order.
fn summary(ranking: &[RankedCandidate]) -> Vec<(&str, u32, u32, bool)> {
    ranking
        .iter()
        .map(|r| (r.name.as_str(), r.rank, r.score_x100, r.tied))
        .collect()
}

#[test]
fn one_criterion_gives_the_score_as_a_share_of_five() {
    let criteria = [criterion("c", "Ancrage territorial", 3)];
    let candidates = [
        candidate("a", "Asso A", &[("c", 5)]),
        candidate("b", "Asso B", &[("c", 3)]),
        candidate("z", "Asso Z", &[("c", 0)]),
    ];
    let ranking = rank_candidates(&criteria, &candidates).expect("valid");
    assert_eq!(
        summary(&ranking),
        [
            ("Asso A", 1, 10_000, false),
            ("Asso B", 2, 6_000, false),
            ("Asso Z", 3, 0, false)
        ]
    );
}

#[test]
fn the_default_weights_make_a_weighted_score() {
    // Weights 2, 2, 1, 1, 1; scores 5, 4, 3, 2, 1: Σ w·s = 10 + 8 + 3 + 2 + 1 = 24 out
    // of 5 × 7 = 35, so 68.571 428… → 68,57.
    let criteria = default_criteria();
    let scores: Vec<(&str, u8)> = criteria
        .iter()
        .zip([5, 4, 3, 2, 1])
        .map(|(c, s)| (c.id.as_str(), s))
        .collect();
    let ranking = rank_candidates(&criteria, &[candidate("a", "Asso", &scores)]).expect("valid");
    assert_eq!(ranking[0].score_x100, 6_857);
    assert_eq!(format_score(ranking[0].score_x100), "68,57");
}

#[test]
fn a_half_hundredth_rounds_up_for_display_only() {
    // Weights 31 and 1: denominator 5 × 32 = 160. Σ w·s = 31 is 1 937.5 hundredths,
    // shown 1 938; Σ w·s = 32 is 2 000 exactly.
    let criteria = [criterion("h", "Lourd", 31), criterion("l", "Léger", 1)];
    let ranking = rank_candidates(
        &criteria,
        &[
            candidate("a", "A", &[("h", 1), ("l", 0)]),
            candidate("b", "B", &[("h", 1), ("l", 1)]),
        ],
    )
    .expect("valid");
    assert_eq!(
        summary(&ranking),
        [("B", 1, 2_000, false), ("A", 2, 1_938, false)]
    );
}

#[test]
fn equal_scores_share_a_rank_and_the_next_rank_skips() {
    let criteria = [criterion("c", "Critère", 1)];
    let candidates = [
        candidate("4", "Quatrième", &[("c", 2)]),
        candidate("2", "Zèbre", &[("c", 4)]),
        candidate("1", "Premier", &[("c", 5)]),
        candidate("3", "abeille", &[("c", 4)]),
        candidate("5", "Été", &[("c", 4)]),
    ];
    let ranking = rank_candidates(&criteria, &candidates).expect("valid");
    // Among the three at 80: « abeille », « Été », « Zèbre » by collation key (a plain
    // byte order would put « Zèbre » before « abeille » and « Été » last).
    assert_eq!(
        summary(&ranking),
        [
            ("Premier", 1, 10_000, false),
            ("abeille", 2, 8_000, true),
            ("Été", 2, 8_000, true),
            ("Zèbre", 2, 8_000, true),
            ("Quatrième", 5, 4_000, false),
        ]
    );
}

#[test]
fn the_example_one_two_two_four() {
    let criteria = [criterion("c", "Critère", 2)];
    let ranking = rank_candidates(
        &criteria,
        &[
            candidate("a", "A", &[("c", 5)]),
            candidate("b", "B", &[("c", 3)]),
            candidate("c", "C", &[("c", 3)]),
            candidate("d", "D", &[("c", 1)]),
        ],
    )
    .expect("valid");
    let ranks: Vec<u32> = ranking.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, [1, 2, 2, 4]);
}

#[test]
fn equal_names_are_ordered_by_id_whatever_the_input_order() {
    let criteria = [criterion("c", "Critère", 1)];
    let a = candidate("id-b", "Maison des Solidarités", &[("c", 3)]);
    let b = candidate("id-a", "MAISON DES SOLIDARITES", &[("c", 3)]);
    for input in [[a.clone(), b.clone()], [b.clone(), a.clone()]] {
        let ids: Vec<String> = rank_candidates(&criteria, &input)
            .expect("valid")
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["id-a", "id-b"]);
    }
}

#[test]
fn all_zero_weights_and_no_criterion_are_french_errors() {
    let zero = [criterion("a", "A", 0), criterion("b", "B", 0)];
    let err =
        rank_candidates(&zero, &[candidate("x", "X", &[("a", 5), ("b", 5)])]).expect_err("refused");
    assert_eq!(err.0.len(), 1);
    assert_eq!(err.0[0].field, "criteria");
    assert_eq!(
        err.0[0].message,
        "Tous les critères ont un poids nul\u{a0}: donnez un poids d’au moins 1 à l’un d’eux pour classer les candidats."
    );
    // Even with no candidate: the matrix says so before anyone is scored.
    assert!(rank_candidates(&zero, &[]).is_err());
    let err = rank_candidates(&[], &[]).expect_err("refused");
    assert_eq!(
        err.0[0].message,
        "Ajoutez au moins un critère pour classer les candidats."
    );
}

#[test]
fn every_missing_score_is_named_with_its_candidate_and_criterion() {
    let criteria = [
        criterion("fit", "Compatibilité stratégique", 2),
        criterion("roots", "Ancrage territorial", 1),
    ];
    let err = rank_candidates(
        &criteria,
        &[
            candidate("a", "Les Jardins partagés", &[("fit", 4)]),
            candidate("b", "Ville de Lyon", &[("fit", 4), ("roots", 5)]),
            candidate("c", "Emmaüs", &[]),
        ],
    )
    .expect_err("refused");
    let found: Vec<(&str, &str)> = err
        .0
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "scores.a.roots",
                "Il manque la note de «\u{a0}Les Jardins partagés\u{a0}» pour «\u{a0}Ancrage territorial\u{a0}»."
            ),
            (
                "scores.c.fit",
                "Il manque la note de «\u{a0}Emmaüs\u{a0}» pour «\u{a0}Compatibilité stratégique\u{a0}»."
            ),
            (
                "scores.c.roots",
                "Il manque la note de «\u{a0}Emmaüs\u{a0}» pour «\u{a0}Ancrage territorial\u{a0}»."
            ),
        ]
    );
}

#[test]
fn a_criterion_of_weight_zero_needs_no_score_and_does_not_count() {
    let criteria = [
        criterion("fit", "Compatibilité", 1),
        criterion("off", "Hors jeu", 0),
    ];
    let ranking = rank_candidates(
        &criteria,
        &[
            candidate("a", "A", &[("fit", 4)]),
            candidate("b", "B", &[("fit", 4), ("off", 5)]),
        ],
    )
    .expect("valid");
    assert_eq!(
        summary(&ranking),
        [("A", 1, 8_000, true), ("B", 1, 8_000, true)]
    );
}

#[test]
fn a_score_over_five_is_refused_and_a_stale_one_ignored() {
    let criteria = [criterion("fit", "Compatibilité", 1)];
    let err =
        rank_candidates(&criteria, &[candidate("a", "A", &[("fit", 6)])]).expect_err("refused");
    assert_eq!(err.0[0].field, "scores.a.fit");
    assert_eq!(
        err.0[0].message,
        "La note de «\u{a0}A\u{a0}» pour «\u{a0}Compatibilité\u{a0}» va de 0 à 5\u{a0}; 6 n’en fait pas partie."
    );
    let ranking = rank_candidates(
        &criteria,
        &[candidate("a", "A", &[("fit", 2), ("removed", 9)])],
    )
    .expect("valid");
    assert_eq!(ranking[0].score_x100, 4_000);
}

#[test]
fn no_candidate_gives_an_empty_ranking() {
    assert_eq!(
        rank_candidates(&default_criteria(), &[]).expect("valid"),
        []
    );
}

#[test]
fn scores_read_the_french_way() {
    assert_eq!(format_score(0), "0,00");
    assert_eq!(format_score(5), "0,05");
    assert_eq!(format_score(6_667), "66,67");
    assert_eq!(format_score(10_000), "100,00");
}

proptest! {
    /// Within the caps (20 criteria, weights ≤ 100), two candidates with different exact
    /// scores never display the same score, and the displayed order follows the exact one.
    #[test]
    fn displayed_ties_are_exact_ties(
        rows in prop::collection::vec((0u32..=100, 0u8..=5, 0u8..=5), 1..=20)
    ) {
        prop_assume!(rows.iter().any(|r| r.0 > 0));
        let criteria: Vec<Criterion> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| criterion(&format!("c{i}"), &format!("Critère {i}"), r.0))
            .collect();
        let scores = |pick: fn(&(u32, u8, u8)) -> u8| -> BTreeMap<String, u8> {
            rows.iter().enumerate().map(|(i, r)| (format!("c{i}"), pick(r))).collect()
        };
        let a = CandidateScores { id: "a".into(), name: "A".into(), scores: scores(|r| r.1) };
        let b = CandidateScores { id: "b".into(), name: "B".into(), scores: scores(|r| r.2) };
        let exact = |c: &CandidateScores| -> u64 {
            criteria.iter().map(|k| u64::from(k.weight) * u64::from(c.scores[&k.id])).sum()
        };
        let ranking = rank_candidates(&criteria, &[a.clone(), b.clone()]).expect("valid");
        let shown = |id: &str| ranking.iter().find(|r| r.id == id).expect("valid").score_x100;
        prop_assert_eq!(exact(&a) == exact(&b), shown("a") == shown("b"));
        prop_assert_eq!(exact(&a) > exact(&b), shown("a") > shown("b"));
        prop_assert!(shown("a") <= 10_000 && shown("b") <= 10_000);
    }
}
