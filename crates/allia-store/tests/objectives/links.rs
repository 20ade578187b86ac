//! Objectives and partners, and their order: a deleted partner takes its links and gaps,
//! strategic objectives move with dense positions, and the demo alliance's objectives.

use super::*;

#[tokio::test]
async fn a_deleted_partner_takes_its_links_and_gaps_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance, partners) = two_partners(dir.path()).await;
    let store = vault.store();
    let s1 = store
        .add_strategic_objective(&alliance.id, &strategic("Mutualiser"))
        .await
        .expect("s1");
    let both = store
        .add_operational_objective(
            &alliance.id,
            &operational(&s1.id, &[&partners[0], &partners[1]], "Pour les deux"),
        )
        .await
        .expect("both");
    let mut owned = operational(&s1.id, &[&partners[0]], "Piloté par le second");
    owned.owner_partner_id = Some(partners[1].clone());
    let owned = store
        .add_operational_objective(&alliance.id, &owned)
        .await
        .expect("owned");
    store
        .add_strategic_gap(
            &alliance.id,
            &StrategicGapDraft {
                strategic_objective_id: s1.id.clone(),
                partner_id: partners[1].clone(),
                description: "Autre vision".into(),
            },
        )
        .await
        .expect("gap");

    store
        .delete_partner(&partners[1])
        .await
        .expect("delete partner");
    let overview = store
        .objectives_overview(&alliance.id, today())
        .await
        .expect("overview");
    let view = &overview.strategic[0];
    assert!(view.gaps.is_empty());
    assert_eq!(view.operational[0].objective.id, both.id);
    assert_eq!(
        view.operational[0].objective.draft.partner_ids,
        vec![partners[0].clone()]
    );
    assert_eq!(view.operational[1].objective.id, owned.id);
    assert_eq!(view.operational[1].objective.draft.owner_partner_id, None);
    vault.close().await;
}

async fn titles(store: &Store, alliance: &str) -> Vec<(String, u32)> {
    store
        .objectives_overview(alliance, today())
        .await
        .expect("overview")
        .strategic
        .into_iter()
        .map(|s| (s.objective.draft.title, s.objective.position))
        .collect()
}

#[tokio::test]
async fn strategic_objectives_move_with_dense_positions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, alliance, _) = two_partners(dir.path()).await;
    let store = vault.store();
    let mut ids = Vec::new();
    for title in ["A", "B", "C", "D"] {
        ids.push(
            store
                .add_strategic_objective(&alliance.id, &strategic(title))
                .await
                .expect("add")
                .id,
        );
    }
    store
        .move_strategic_objective(&ids[3], 0)
        .await
        .expect("D first");
    store
        .move_strategic_objective(&ids[0], 2)
        .await
        .expect("A third");
    let expected: Vec<(String, u32)> = [("D", 0), ("B", 1), ("A", 2), ("C", 3)]
        .into_iter()
        .map(|(t, p)| (t.to_string(), p))
        .collect();
    assert_eq!(titles(store, &alliance.id).await, expected);
    // Past the end means last.
    store
        .move_strategic_objective(&ids[3], 99)
        .await
        .expect("D last");
    let expected: Vec<(String, u32)> = [("B", 0), ("A", 1), ("C", 2), ("D", 3)]
        .into_iter()
        .map(|(t, p)| (t.to_string(), p))
        .collect();
    assert_eq!(titles(store, &alliance.id).await, expected);
    // A deletion closes the gap.
    store
        .delete_objective(
            &alliance.id,
            &ObjectiveRef {
                level: ObjectiveLevel::Strategic,
                id: ids[0].clone(),
            },
            &IndicatorFate::Refuse,
        )
        .await
        .expect("delete A");
    let expected: Vec<(String, u32)> = [("B", 0), ("C", 1), ("D", 2)]
        .into_iter()
        .map(|(t, p)| (t.to_string(), p))
        .collect();
    assert_eq!(titles(store, &alliance.id).await, expected);
    vault.close().await;
}

#[tokio::test]
async fn the_demo_alliance_has_the_guides_smart_example_and_objectives_across_its_partners() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (vault, demo) = common::vault_with_demo(dir.path()).await;
    let store = vault.store();
    let overview = store
        .objectives_overview(&demo.id, today())
        .await
        .expect("overview");
    assert_eq!(overview.frame.horizon_year, Some(2030));
    assert!(overview.frame.vision.is_some());
    assert_eq!(overview.strategic.len(), 3);
    assert!(overview
        .strategic
        .iter()
        .all(|s| !s.objective.draft.expected_impacts.is_empty()));
    // Every strategic objective scored on the four criteria: a full ranking.
    assert_eq!(overview.priority.ranking.len(), 3);
    let operational: Vec<&OperationalObjective> = overview
        .strategic
        .iter()
        .flat_map(|s| s.operational.iter().map(|v| &v.objective))
        .collect();
    assert_eq!(operational.len(), 7);
    assert_eq!(
        overview
            .strategic
            .iter()
            .map(|s| s.gaps.len())
            .sum::<usize>(),
        2
    );
    let example = operational[0];
    assert!(example
        .draft
        .wording
        .starts_with("Réduire de 15\u{a0}% les coûts administratifs"));
    assert_eq!(example.draft.target_value, Some(15.0));
    assert_eq!(example.draft.unit.as_deref(), Some("%"));
    assert_eq!(example.draft.start_date, Some(date(2025, 12, 1)));
    assert_eq!(example.draft.due_date, Some(date(2026, 6, 30)));
    let partners = store.partners(&demo.id).await.expect("partners");
    assert_eq!(example.draft.partner_ids.len(), 5);
    assert_eq!(
        example.draft.partner_ids,
        partners.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
    );
    // Before its deadline, the example passes the five letters.
    assert!(overview.strategic[0].operational[0].smart.passed);
    // Every partner is concerned by at least one operational objective.
    for p in &partners {
        assert!(operational
            .iter()
            .any(|o| o.draft.partner_ids.contains(&p.id)));
    }
    // Loading the demo again adds nothing.
    store.load_demo().await.expect("again");
    let again = store
        .objectives_overview(&demo.id, today())
        .await
        .expect("overview again");
    assert_eq!(again.strategic.len(), 3);
    vault.close().await;
}
