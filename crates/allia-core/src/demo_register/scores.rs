//! The candidates' scores on the default selection criteria.

use super::{
    BANQUE, BENEVOLAT, COLLECTIF, COMMUNAUTE, CRESS, DDETS, DEPARTEMENT, DLA, GROUPEMENT, JOURNAL,
    UNIVERSITE,
};
use crate::demo::DemoScore;

/// The candidates' scores (every actor neither engaged nor set aside) on the five
/// default criteria, in their order (compatibilité stratégique ×2, capacité
/// opérationnelle ×2, complémentarité des compétences, ancrage territorial, proximité
/// relationnelle): the département and the DLA tie, the others all differ.
pub(crate) fn scores() -> Vec<DemoScore> {
    const SLUGS: [&str; 5] = [
        "strategic_fit",
        "operational_capacity",
        "skills_complementarity",
        "territorial_roots",
        "relational_proximity",
    ];
    [
        (COMMUNAUTE, [5, 4, 3, 5, 4]),
        (GROUPEMENT, [4, 4, 5, 3, 4]),
        (DEPARTEMENT, [4, 5, 3, 4, 2]),
        (DLA, [5, 3, 4, 3, 4]),
        (BANQUE, [3, 3, 2, 2, 3]),
        (DDETS, [3, 2, 2, 3, 1]),
        (CRESS, [4, 2, 4, 2, 3]),
        (UNIVERSITE, [2, 1, 4, 2, 1]),
        (COLLECTIF, [4, 1, 2, 5, 3]),
        (BENEVOLAT, [3, 2, 3, 3, 2]),
        (JOURNAL, [1, 1, 3, 3, 2]),
    ]
    .into_iter()
    .flat_map(|(actor, scores)| {
        SLUGS
            .into_iter()
            .zip(scores)
            .map(move |(criterion, score)| DemoScore {
                actor,
                criterion,
                score,
            })
    })
    .collect()
}
