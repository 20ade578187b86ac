//! Deleting an objective: the question when it has indicators, and their three fates
//! (refused, deleted, moved), never orphans.

use super::*;

/// An alliance with two strategic objectives: the first with two operational ones,
/// indicators on the first strategic objective, on each of its operational ones (one
/// with a measurement) and on the second strategic objective.
struct Tree {
    s1: StrategicObjective,
    s2: StrategicObjective,
    o1: OperationalObjective,
    o2: OperationalObjective,
    o3: OperationalObjective,
}

async fn tree(store: &Store, alliance: &str, partners: &[String]) -> Tree {
    let s1 = store
        .add_strategic_objective(alliance, &strategic("Mutualiser"))
        .await
        .expect("s1");
    let s2 = store
        .add_strategic_objective(alliance, &strategic("Communiquer"))
        .await
        .expect("s2");
    let o1 = store
        .add_operational_objective(alliance, &operational(&s1.id, &[&partners[0]], "O1"))
        .await
        .expect("o1");
    let o2 = store
        .add_operational_objective(alliance, &operational(&s1.id, &[&partners[1]], "O2"))
        .await
        .expect("o2");
    let o3 = store
        .add_operational_objective(alliance, &operational(&s2.id, &[&partners[1]], "O3"))
        .await
        .expect("o3");
    for (objective, name) in [
        (strategic_ref(&s1), "Coûts administratifs"),
        (operational_ref(&o1), "Fonctions mutualisées"),
        (operational_ref(&o2), "Heures de formation"),
        (strategic_ref(&s2), "Articles publiés"),
    ] {
        let added = store
            .add_indicator(alliance, &indicator(objective, name))
            .await
            .expect("indicator");
        if name == "Fonctions mutualisées" {
            store
                .add_measurement(
                    alliance,
                    &MeasurementDraft {
                        indicator_id: added.id.clone(),
                        date: date(2026, 1, 1),
                        value: 95.0,
                        numerator: None,
                        denominator: None,
                        comment: None,
                        source: None,
                    },
                )
                .await
                .expect("measurement");
        }
    }
    Tree { s1, s2, o1, o2, o3 }
}

/// Indicator names by the objective they measure, from the evaluation's overview.
async fn indicators_by_objective(store: &Store, alliance: &str) -> Vec<(String, String, usize)> {
    let mut all: Vec<(String, String, usize)> = store
        .evaluation_overview(alliance, today())
        .await
        .expect("evaluation")
        .indicators
        .into_iter()
        .map(|v| {
            (
                v.indicator.draft.objective.id.clone(),
                v.indicator.draft.name.clone(),
                v.measurements.len(),
            )
        })
        .collect();
    all.sort();
    all
}

#[tokio::test]
async fn deleting_an_objective_with_indicators_asks_then_deletes_or_moves_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance, partners) = two_partners(dir.path()).await;
    let store = vault.store();
    let t = tree(store, &alliance.id, &partners).await;

    // Refuse: the message says how many (the strategic one's own and its operational ones').
    let message = match store
        .delete_objective(&alliance.id, &strategic_ref(&t.s1), &IndicatorFate::Refuse)
        .await
    {
        Err(StoreError::Refused(message)) => message,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert!(message.contains("3\u{a0}indicateurs"), "{message}");
    let message = match store
        .delete_objective(
            &alliance.id,
            &operational_ref(&t.o2),
            &IndicatorFate::Refuse,
        )
        .await
    {
        Err(StoreError::Refused(message)) => message,
        other => panic!("expected a refusal, got {other:?}"),
    };
    assert!(message.contains("1\u{a0}indicateur\u{a0}:"), "{message}");
    // Nothing changed.
    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    assert_eq!(overview.strategic[0].indicator_count, 1);
    assert_eq!(overview.strategic[0].operational.len(), 2);
    assert_eq!(overview.strategic[0].operational[0].indicator_count, 1);

    // Moving to an objective deleted at the same time is refused, on `fate`.
    for target in [strategic_ref(&t.s1), operational_ref(&t.o1)] {
        let (field, message) = common::field_error(
            store
                .delete_objective(
                    &alliance.id,
                    &strategic_ref(&t.s1),
                    &IndicatorFate::MoveTo(target),
                )
                .await
                .expect_err("move to a doomed objective"),
        );
        assert_eq!(field, "fate");
        assert!(message.contains("supprimé en même temps"), "{message}");
    }
    // … and to one that does not exist.
    let (field, _) = common::field_error(
        store
            .delete_objective(
                &alliance.id,
                &strategic_ref(&t.s1),
                &IndicatorFate::MoveTo(ObjectiveRef {
                    level: ObjectiveLevel::Operational,
                    id: "00000000-0000-4000-8000-000000000000".into(),
                }),
            )
            .await
            .expect_err("move to nowhere"),
    );
    assert_eq!(field, "fate");

    // MoveTo: the first strategic objective and its two operational ones go; their three
    // indicators (and the measurement) now measure O3.
    store
        .delete_objective(
            &alliance.id,
            &strategic_ref(&t.s1),
            &IndicatorFate::MoveTo(operational_ref(&t.o3)),
        )
        .await
        .expect("delete s1, move");
    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    assert_eq!(overview.strategic.len(), 1);
    assert_eq!(overview.strategic[0].objective.id, t.s2.id);
    assert_eq!(overview.strategic[0].objective.position, 0);
    assert_eq!(overview.strategic[0].operational[0].indicator_count, 3);
    let moved = indicators_by_objective(store, &alliance.id).await;
    let expected: Vec<(String, String, usize)> = vec![
        (t.o3.id.clone(), "Coûts administratifs".into(), 0),
        (t.o3.id.clone(), "Fonctions mutualisées".into(), 1),
        (t.o3.id.clone(), "Heures de formation".into(), 0),
        (t.s2.id.clone(), "Articles publiés".into(), 0),
    ];
    let mut expected = expected;
    expected.sort();
    assert_eq!(moved, expected);
    assert!(matches!(
        store
            .update_operational_objective(&t.o1.id, &t.o1.draft)
            .await,
        Err(StoreError::NotFound(Entity::OperationalObjective))
    ));

    // Delete: O3 goes with its three indicators and their measurement; the strategic
    // objective's own indicator stays.
    store
        .delete_objective(
            &alliance.id,
            &operational_ref(&t.o3),
            &IndicatorFate::Delete,
        )
        .await
        .expect("delete o3 and its indicators");
    let left = indicators_by_objective(store, &alliance.id).await;
    assert_eq!(left, vec![(t.s2.id.clone(), "Articles publiés".into(), 0)]);
    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    assert!(overview.strategic[0].operational.is_empty());
    assert_eq!(overview.strategic[0].indicator_count, 1);
    vault.close().await;
}

#[tokio::test]
async fn an_operational_objective_deleted_moves_its_indicators_to_its_parent_and_closes_the_gap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance, partners) = two_partners(dir.path()).await;
    let store = vault.store();
    let t = tree(store, &alliance.id, &partners).await;
    store
        .delete_objective(
            &alliance.id,
            &operational_ref(&t.o1),
            &IndicatorFate::MoveTo(strategic_ref(&t.s1)),
        )
        .await
        .expect("delete o1");
    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    let first = &overview.strategic[0];
    assert_eq!(first.indicator_count, 2);
    assert_eq!(first.operational.len(), 1);
    assert_eq!(first.operational[0].objective.id, t.o2.id);
    assert_eq!(first.operational[0].objective.position, 0);
    // A deletion without indicators needs no choice.
    store
        .delete_objective(
            &alliance.id,
            &operational_ref(&t.o3),
            &IndicatorFate::Refuse,
        )
        .await
        .expect("delete o3");
    vault.close().await;
}
