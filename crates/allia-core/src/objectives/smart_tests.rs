use chrono::NaiveDate;

use super::*;
use crate::objectives::kinds::{CooperationDimension, SmartCriterion as C};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid day")
}

const GUIDE_WORDING: &str = "Réduire de 15 % les coûts administratifs des 5 associations membres de l’alliance avant juillet 2026 en mutualisant les fonctions comptabilité, RH et communication via la création d’un service partagé opérationnel au 1er décembre 2025";

fn partner(n: u8) -> String {
    format!("00000000-0000-4000-8000-0000000000{n:02}")
}

/// The guide's example entered with its fields (section 4).
fn guide_example() -> OperationalObjectiveDraft {
    OperationalObjectiveDraft {
        strategic_objective_id: "10000000-0000-4000-8000-000000000001".into(),
        wording: GUIDE_WORDING.into(),
        dimension: CooperationDimension::Pooling,
        custom_dimension: None,
        partner_ids: (1..=5).map(partner).collect(),
        baseline_value: None,
        target_value: Some(15.0),
        unit: Some("%".into()),
        scope: Some("les 5 associations membres".into()),
        owner_partner_id: Some(partner(1)),
        owner_person: None,
        start_date: Some(day(2025, 12, 1)),
        due_date: Some(day(2026, 6, 30)),
    }
}

fn today() -> NaiveDate {
    day(2025, 11, 15)
}

fn reason(check: &SmartCheck, c: C) -> String {
    check
        .letter(c)
        .and_then(|l| l.reason.clone())
        .unwrap_or_default()
}

/// Asserts exactly `failing` fail, each with a reason starting with its label, and the
/// others pass without one.
fn assert_fails(draft: &OperationalObjectiveDraft, today: NaiveDate, failing: &[C]) -> SmartCheck {
    let check = check_smart(draft, today);
    assert_eq!(check.failing(), failing, "{:#?}", check.letters);
    assert_eq!(check.passed, failing.is_empty());
    assert_eq!(
        check
            .letters
            .iter()
            .map(|l| l.criterion)
            .collect::<Vec<_>>(),
        C::ALL,
        "always the five letters in order"
    );
    for letter in &check.letters {
        match &letter.reason {
            Some(r) => {
                assert!(!letter.passed);
                assert!(
                    r.starts_with(&format!("{}\u{a0}: ", letter.criterion.label())),
                    "{r}"
                );
            }
            None => assert!(letter.passed),
        }
    }
    check
}

#[test]
fn the_guides_example_passes_all_five_letters() {
    assert_fails(&guide_example(), today(), &[]);
    // With a before → after too.
    let mut d = guide_example();
    d.baseline_value = Some(100.0);
    d.target_value = Some(85.0);
    assert_fails(&d, today(), &[]);
}

#[test]
fn without_its_due_date_the_guides_example_fails_t_alone() {
    let mut d = guide_example();
    d.due_date = None;
    let check = assert_fails(&d, today(), &[C::TimeBound]);
    assert_eq!(
        reason(&check, C::TimeBound),
        "Temporellement défini\u{a0}: pas d’échéance."
    );
}

#[test]
fn without_its_target_the_guides_example_fails_m_alone() {
    let mut d = guide_example();
    d.target_value = None;
    let check = assert_fails(&d, today(), &[C::Measurable]);
    assert!(
        reason(&check, C::Measurable).starts_with("Mesurable\u{a0}: aucune valeur cible chiffrée")
    );
}

#[test]
fn s_fails_alone_on_a_wording_without_action_verb() {
    let mut d = guide_example();
    d.wording = "Réduction de 15 % des coûts administratifs des 5 associations membres".into();
    let check = assert_fails(&d, today(), &[C::Specific]);
    assert!(reason(&check, C::Specific).contains("aucun verbe d’action"));
}

#[test]
fn s_fails_alone_on_a_wording_too_short() {
    let mut d = guide_example();
    d.wording = "Réduire les coûts".into();
    let check = assert_fails(&d, today(), &[C::Specific]);
    assert_eq!(
        reason(&check, C::Specific),
        "Spécifique\u{a0}: formulation trop courte (3 mots)\u{a0}: précisez quoi, pour qui et comment."
    );
}

#[test]
fn s_fails_alone_without_scope_nor_partners() {
    let mut d = guide_example();
    d.scope = None;
    d.partner_ids.clear();
    let check = assert_fails(&d, today(), &[C::Specific]);
    assert!(reason(&check, C::Specific).contains("ni périmètre ni partenaire"));
    // Either one is enough.
    d.scope = Some("les 5 associations membres".into());
    assert_fails(&d, today(), &[]);
    d.scope = Some("  ".into());
    d.partner_ids = vec![partner(2)];
    assert_fails(&d, today(), &[]);
}

#[test]
fn m_fails_alone_on_a_figure_without_unit() {
    for unit in [None, Some(String::new()), Some("  ".to_string())] {
        let mut d = guide_example();
        d.unit = unit;
        let check = assert_fails(&d, today(), &[C::Measurable]);
        assert!(reason(&check, C::Measurable).contains("pas d’unité"));
    }
}

#[test]
fn m_fails_alone_on_a_target_equal_to_its_baseline() {
    let mut d = guide_example();
    d.baseline_value = Some(15.0);
    let check = assert_fails(&d, today(), &[C::Measurable]);
    assert_eq!(
        reason(&check, C::Measurable),
        "Mesurable\u{a0}: la cible (15\u{202f}%) est égale à la valeur de départ\u{a0}: rien ne change."
    );
}

#[test]
fn a_fails_alone_without_a_partner_responsible() {
    for owner in [None, Some(String::new())] {
        let mut d = guide_example();
        d.owner_partner_id = owner;
        // A person alone does not answer for the alliance.
        d.owner_person = Some("Claire Martin".into());
        let check = assert_fails(&d, today(), &[C::Achievable]);
        assert_eq!(
            reason(&check, C::Achievable),
            "Atteignable\u{a0}: aucun partenaire responsable."
        );
    }
}

#[test]
fn a_fails_alone_on_a_decrease_of_more_than_100_percent() {
    let mut d = guide_example();
    d.wording = d.wording.replace("15 %", "150 %");
    d.target_value = Some(150.0);
    let check = assert_fails(&d, today(), &[C::Achievable]);
    assert!(reason(&check, C::Achievable).contains("150\u{202f}%"));
    // 100 % is the limit, still possible on its face.
    d.target_value = Some(100.0);
    assert_fails(&d, today(), &[]);
    // Unit written in words, the same rule.
    d.target_value = Some(120.0);
    d.unit = Some("Pour cent".into());
    assert_fails(&d, today(), &[C::Achievable]);
    // An increase of 150 % is possible.
    let mut up = guide_example();
    up.wording = "Augmenter de 150 % le nombre de bénévoles formés des 5 associations".into();
    up.target_value = Some(150.0);
    assert_fails(&up, today(), &[]);
}

#[test]
fn r_fails_alone_on_a_deadline_already_past() {
    let d = guide_example();
    let check = assert_fails(&d, day(2026, 7, 1), &[C::Realistic]);
    assert_eq!(
        reason(&check, C::Realistic),
        "Réaliste\u{a0}: échéance déjà passée (le 30\u{a0}juin 2026)."
    );
    // The due day itself is not past.
    assert_fails(&d, day(2026, 6, 30), &[]);
}

#[test]
fn r_fails_alone_on_a_deployment_shorter_than_a_month() {
    let mut d = guide_example();
    d.start_date = Some(day(2026, 6, 10));
    let check = assert_fails(&d, today(), &[C::Realistic]);
    assert_eq!(
        reason(&check, C::Realistic),
        "Réaliste\u{a0}: moins d’un mois entre le début et l’échéance (20\u{a0}jours)."
    );
    // Thirty days is a month.
    d.start_date = Some(day(2026, 5, 31));
    assert_fails(&d, today(), &[]);
    // Without a start date, the span is not judged, and nearing the due date is fine.
    d.start_date = None;
    assert_fails(&d, day(2026, 6, 25), &[]);
}

#[test]
fn r_fails_alone_on_a_deadline_more_than_ten_years_away() {
    let mut d = guide_example();
    let start = d.start_date;
    d.due_date = Some(day(2099, 12, 31));
    let check = assert_fails(&d, today(), &[C::Realistic]);
    assert_eq!(
        reason(&check, C::Realistic),
        format!(
            "Réaliste\u{a0}: échéance à plus de 10\u{a0}ans {} (le 31\u{a0}décembre 2099)\u{a0}: un objectif opérationnel se tient en quelques années.",
            if start.is_some() { "du début" } else { "d’aujourd’hui" }
        )
    );
    // Without a start date, counted from today.
    d.start_date = None;
    let check = assert_fails(&d, today(), &[C::Realistic]);
    assert!(reason(&check, C::Realistic).contains("d’aujourd’hui"));
    // Ten years to the day is still realistic; a day more is not.
    d.start_date = Some(day(2026, 1, 1));
    d.due_date = Some(day(2036, 1, 1));
    assert_fails(&d, today(), &[]);
    d.due_date = Some(day(2036, 1, 2));
    assert_fails(&d, today(), &[C::Realistic]);
}

#[test]
fn t_fails_alone_without_due_date_and_r_is_not_judged_then() {
    let mut d = guide_example();
    d.due_date = None;
    d.start_date = Some(day(2020, 1, 1));
    assert_fails(&d, today(), &[C::TimeBound]);
}

#[test]
fn vague_verbs_without_a_figure_fail_s_with_the_verb_named() {
    for (wording, verb) in [
        (
            "Améliorer la communication entre les associations membres de l’alliance",
            "améliorer",
        ),
        (
            "FAVORISER les échanges de pratiques entre les salariés des associations",
            "favoriser",
        ),
        (
            "Développer les actions communes des associations du territoire",
            "développer",
        ),
        (
            "Renforcer la coopération entre les cinq associations membres",
            "renforcer",
        ),
        (
            "Sensibiliser les habitants du quartier au tri des déchets",
            "sensibiliser",
        ),
        (
            "Accompagner les bénévoles des associations dans leurs missions",
            "accompagner",
        ),
        (
            "D’ici l’été, renforcer les liens entre les associations membres",
            "renforcer",
        ),
    ] {
        let mut d = guide_example();
        d.wording = wording.into();
        d.target_value = None;
        let check = assert_fails(&d, today(), &[C::Specific, C::Measurable]);
        assert!(
            reason(&check, C::Specific).contains(&format!("«\u{a0}{verb}\u{a0}» est vague")),
            "{wording}: {}",
            reason(&check, C::Specific)
        );
    }
}

#[test]
fn a_vague_verb_with_a_figure_is_specific() {
    // A figure in the wording…
    let mut d = guide_example();
    d.wording = "Améliorer de 20 % la satisfaction des bénéficiaires des 5 associations".into();
    assert_fails(&d, today(), &[]);
    d.target_value = None;
    assert_fails(&d, today(), &[C::Measurable]);
    // … or a target value.
    let mut d = guide_example();
    d.wording = "Améliorer la satisfaction des bénéficiaires des associations membres".into();
    d.target_value = Some(80.0);
    assert_fails(&d, today(), &[]);
}

#[test]
fn case_and_accents_do_not_change_the_verdict() {
    let mut d = guide_example();
    d.wording = GUIDE_WORDING.to_uppercase();
    assert_fails(&d, today(), &[]);
    d.wording = "REDUIRE de 15 % les couts administratifs des 5 associations membres".into();
    assert_fails(&d, today(), &[]);
    d.wording = "ameliorer la qualite de l’accueil des personnes dans les associations".into();
    d.target_value = None;
    let check = assert_fails(&d, today(), &[C::Specific, C::Measurable]);
    assert!(reason(&check, C::Specific).contains("«\u{a0}ameliorer\u{a0}»"));
}

#[test]
fn a_time_phrase_may_open_the_wording() {
    let mut d = guide_example();
    d.wording =
        "D’ici juillet 2026, réduire de 15 % les coûts administratifs des 5 associations".into();
    assert_fails(&d, today(), &[]);
}

#[test]
fn another_infinitive_opening_the_wording_is_an_action_verb() {
    let mut d = guide_example();
    d.wording = "Numériser les archives comptables des 5 associations membres avant juin".into();
    assert_fails(&d, today(), &[]);
    // A noun ending like a verb is not one.
    d.wording = "Partenaire de référence pour les 5 associations membres du réseau".into();
    assert_fails(&d, today(), &[C::Specific]);
}

#[test]
fn an_empty_draft_fails_every_letter_but_r() {
    let d = OperationalObjectiveDraft::default();
    let check = assert_fails(
        &d,
        today(),
        &[C::Specific, C::Measurable, C::Achievable, C::TimeBound],
    );
    assert_eq!(
        reason(&check, C::Specific),
        "Spécifique\u{a0}: la formulation est vide."
    );
}

#[test]
fn a_draft_past_and_without_figure_fails_several_letters_each_with_its_reason() {
    let mut d = guide_example();
    d.target_value = None;
    d.owner_partner_id = None;
    let check = assert_fails(
        &d,
        day(2027, 1, 1),
        &[C::Measurable, C::Achievable, C::Realistic],
    );
    assert!(reason(&check, C::Realistic).contains("déjà passée"));
}

#[test]
fn a_before_after_target_going_down_in_percent_is_not_a_decrease_size() {
    // « Ramener le taux d’absentéisme de 12 % à 8 % »: the target is a level, not a cut.
    let mut d = guide_example();
    d.wording =
        "Réduire le taux d’absentéisme des salariés des 5 associations de 12 % à 8 %".into();
    d.baseline_value = Some(12.0);
    d.target_value = Some(8.0);
    assert_fails(&d, today(), &[]);
}

#[test]
fn every_rule_has_its_french_help_and_the_limits_are_stated() {
    for c in C::ALL {
        assert!(!smart_rule(c).is_empty());
    }
    assert!(SMART_LIMITS.contains("forme"));
    assert!(SMART_LIMITS.contains("pas la pertinence"));
    assert!(
        !SMART_LIMITS.contains(" :"),
        "no breaking space before a colon"
    );
}

mod properties {
    use allia_test_support::arb_text;
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Any wording, unit and scope, any figures and dates: five letters in order,
        /// a reason exactly when a letter fails, starting with its label.
        #[test]
        fn any_draft_gets_five_letters_with_their_reasons(
            wording in arb_text(),
            unit in prop::option::of(arb_text()),
            scope in prop::option::of(arb_text()),
            target in prop::option::of(prop::num::f64::ANY),
            baseline in prop::option::of(prop::num::f64::ANY),
            start in prop::option::of(-2_000_i64..2_000),
            due in prop::option::of(-2_000_i64..2_000),
        ) {
            let base = day(2026, 1, 1);
            let d = OperationalObjectiveDraft {
                wording,
                unit,
                scope,
                target_value: target,
                baseline_value: baseline,
                start_date: start.map(|n| base + chrono::Duration::days(n)),
                due_date: due.map(|n| base + chrono::Duration::days(n)),
                ..guide_example()
            };
            let check = check_smart(&d, base);
            prop_assert_eq!(
                check.letters.iter().map(|l| l.criterion).collect::<Vec<_>>(),
                C::ALL.to_vec()
            );
            for l in &check.letters {
                prop_assert_eq!(l.passed, l.reason.is_none());
                if let Some(r) = &l.reason {
                    prop_assert!(r.starts_with(l.criterion.label()));
                    prop_assert!(!r.contains("NaN"));
                }
            }
            prop_assert_eq!(check.passed, check.letters.iter().all(|l| l.passed));
        }
    }
}
