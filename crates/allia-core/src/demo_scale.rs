//! A large demo alliance for trying the register at scale (issue 11, « Scale »: 300
//! actors and 1 000 interactions): `allia demo --scale N` and the store's load benchmark.
//! Deterministic: the same `actors` and `seed` give the same alliance, so two runs and
//! two machines measure the same data.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};

use super::{
    ActorAssessmentDraft, ActorPipeline, ActorPipelineStatus, ActorType, DemoAlliance,
    DemoExchange, DemoInteraction, DemoScore, ExchangeEntryDraft, ExchangeKind, InteractionKind,
    MapCategory, Organisation, PartnerDraft, PartnerRole,
};
use crate::alliance::{AllianceDraft, AllianceStatus};
use crate::partner::is_partner;

/// The number of actors `allia demo --scale` makes when none is given.
pub const SCALE_DEFAULT_ACTORS: usize = 300;

/// Interactions per actor: 10 for 3, so 1 000 for 300 actors.
fn interaction_target(actors: usize) -> usize {
    actors * 10 / 3
}

/// A small deterministic generator (SplitMix64): enough to spread levels and links,
/// and no dependency.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number from 0 to `n - 1` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn level(&mut self) -> u8 {
        // 1 to 5.
        [1, 2, 3, 4, 5][self.below(5)]
    }
}

const TOWNS: [&str; 20] = [
    "Château-Renault",
    "Auzouer-en-Touraine",
    "Villedômer",
    "Saunay",
    "Neuillé-le-Lierre",
    "Crotelles",
    "Le Boulay",
    "Morand",
    "Dame-Marie-les-Bois",
    "Autrèche",
    "Saint-Laurent-en-Gâtines",
    "Monthodon",
    "Nouzilly",
    "Montreuil-en-Touraine",
    "Reugny",
    "Neuville-sur-Brenne",
    "Les Hermites",
    "Saint-Nicolas-des-Motets",
    "Amboise",
    "Tours",
];

/// How an actor of `category` is named, its kind, at `town`.
fn named(category: MapCategory, town: &str, draw: &mut Draw) -> (String, ActorType) {
    let pick = |draw: &mut Draw, names: &[&str]| names[draw.below(names.len())].to_string();
    match category {
        MapCategory::State => (
            format!(
                "{} ({town})",
                pick(
                    draw,
                    &[
                        "Antenne de la DDETS",
                        "Service de l’État",
                        "Sous-préfecture"
                    ]
                )
            ),
            ActorType::State,
        ),
        MapCategory::LocalAuthorities => (format!("Mairie de {town}"), ActorType::LocalAuthority),
        MapCategory::ProfessionalBodies => (
            format!(
                "{} de {town}",
                pick(
                    draw,
                    &[
                        "Union des commerçants",
                        "Chambre des métiers, antenne",
                        "Ordre local"
                    ]
                )
            ),
            ActorType::AssociationNetwork,
        ),
        MapCategory::Research => (
            format!(
                "{} ({town})",
                pick(
                    draw,
                    &[
                        "Laboratoire de sociologie rurale",
                        "Lycée agricole",
                        "Institut de formation"
                    ]
                )
            ),
            ActorType::Academic,
        ),
        MapCategory::Companies => (
            format!(
                "{} de {town}",
                pick(
                    draw,
                    &[
                        "Boulangerie",
                        "Garage",
                        "Menuiserie",
                        "Supérette",
                        "Imprimerie"
                    ]
                )
            ),
            ActorType::Company,
        ),
        MapCategory::SocialEconomy => (
            format!(
                "{} de {town}",
                pick(
                    draw,
                    &[
                        "Ressourcerie",
                        "Épicerie solidaire",
                        "Comité des fêtes",
                        "Foyer rural",
                        "Amicale laïque"
                    ]
                )
            ),
            ActorType::Association,
        ),
        MapCategory::TargetBeneficiaries => (
            format!(
                "{} de {town}",
                pick(
                    draw,
                    &[
                        "Collectif des parents",
                        "Club des aînés",
                        "Conseil des jeunes"
                    ]
                )
            ),
            ActorType::Citizens,
        ),
        MapCategory::OtherCivilSociety => (
            format!(
                "{} de {town}",
                pick(
                    draw,
                    &[
                        "Association sportive",
                        "Chorale",
                        "Société de chasse",
                        "Amis du patrimoine"
                    ]
                )
            ),
            ActorType::Association,
        ),
        MapCategory::Media => (
            format!(
                "{} ({town})",
                pick(
                    draw,
                    &[
                        "Radio locale",
                        "Journal municipal",
                        "Correspondant de presse"
                    ]
                )
            ),
            ActorType::Company,
        ),
    }
}

/// The pipeline statuses, spread: more actors identified than engaged, a few set aside.
const STATUSES: [ActorPipelineStatus; 20] = {
    use ActorPipelineStatus::*;
    [
        Identified,
        Identified,
        Identified,
        Identified,
        Identified,
        Identified,
        Contacted,
        Contacted,
        Contacted,
        Contacted,
        InDiscussion,
        InDiscussion,
        InDiscussion,
        Retained,
        Retained,
        Engaged,
        Engaged,
        Engaged,
        Engaged,
        Dismissed,
    ]
};

const SLUGS: [&str; 5] = [
    "strategic_fit",
    "operational_capacity",
    "skills_complementarity",
    "territorial_roots",
    "relational_proximity",
];

/// An alliance of `actors` actors (at least 1), every cartography category and status
/// represented once there are enough, levels drawn from 1 to 5, about 3.3 interactions
/// per actor (1 000 for 300; fewer when so few actors cannot make that many distinct
/// links), an exchange for one actor in three, and scores on the five default criteria
/// for every candidate (neither « Engagé » nor « Écarté »). The same `actors` and `seed`
/// give the same alliance.
pub fn scaled_demo(actors: usize, seed: u64) -> DemoAlliance {
    let actors = actors.max(1);
    let mut draw = Draw(seed);
    let mut names: HashSet<String> = HashSet::new();
    let partners: Vec<PartnerDraft> = (0..actors)
        .map(|i| {
            let category = MapCategory::ALL[i % MapCategory::ALL.len()];
            let town = TOWNS[draw.below(TOWNS.len())];
            let (mut name, actor_type) = named(category, town, &mut draw);
            if !names.insert(name.clone()) {
                name = format!("{name} {}", i + 1);
                names.insert(name.clone());
            }
            let status = STATUSES[(i * 7 + draw.below(3)) % STATUSES.len()];
            PartnerDraft {
                organisation: Organisation {
                    name,
                    city: Some(town.to_string()),
                    ..Organisation::default()
                },
                actor_type,
                role: if i == 0 {
                    PartnerRole::Lead
                } else {
                    PartnerRole::Member
                },
                resources: None,
                resource_tags: Vec::new(),
                own_association: false,
                pipeline: ActorPipeline {
                    status,
                    dismissal_reason: (status == ActorPipelineStatus::Dismissed)
                        .then(|| "Hors du périmètre du projet pour l’instant.".to_string()),
                },
                assessment: Some(ActorAssessmentDraft {
                    category,
                    expectations: None,
                    influence: Some(draw.level()),
                    nuisance: Some(draw.level()),
                    interest: Some(draw.level()),
                    scope: None,
                    synergies: None,
                }),
            }
        })
        .collect();

    let target = interaction_target(actors);
    let mut links: HashSet<(InteractionKind, usize, usize)> = HashSet::new();
    let mut interactions: Vec<DemoInteraction> = Vec::with_capacity(target);
    let mut attempts = 0usize;
    while interactions.len() < target && attempts < target * 20 + 100 {
        attempts += 1;
        let (from, to) = (draw.below(actors), draw.below(actors));
        let kind = InteractionKind::ALL[draw.below(InteractionKind::ALL.len())];
        if from == to {
            continue;
        }
        let key = if kind.is_symmetric() {
            (kind, from.min(to), from.max(to))
        } else {
            (kind, from, to)
        };
        if links.insert(key) {
            interactions.push(DemoInteraction {
                from,
                to,
                kind,
                note: None,
            });
        }
    }

    let first_day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    let exchanges: Vec<DemoExchange> = (0..actors)
        .step_by(3)
        .map(|actor| DemoExchange {
            actor,
            draft: ExchangeEntryDraft {
                date: first_day
                    .checked_add_days(Days::new(draw.below(280) as u64))
                    .unwrap_or(first_day),
                kind: ExchangeKind::ALL[draw.below(ExchangeKind::ALL.len())],
                notes: Some("Échange sur le projet de service partagé.".to_string()),
                friction_points: if draw.below(4) == 0 {
                    vec!["Calendrier à préciser".to_string()]
                } else {
                    Vec::new()
                },
            },
        })
        .collect();

    let scores: Vec<DemoScore> = partners
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            !matches!(
                p.pipeline.status,
                ActorPipelineStatus::Engaged | ActorPipelineStatus::Dismissed
            )
        })
        .flat_map(|(actor, _)| {
            SLUGS
                .iter()
                .map(|criterion| (actor, *criterion))
                .collect::<Vec<_>>()
        })
        .map(|(actor, criterion)| DemoScore {
            actor,
            criterion,
            score: u8::try_from(draw.below(6)).unwrap_or(0),
        })
        .collect();

    // The partners first, as [`DemoAlliance::actors`] lists them: every position moves
    // with its actor.
    let order: Vec<usize> = (0..actors)
        .filter(|&i| is_partner(&partners[i]))
        .chain((0..actors).filter(|&i| !is_partner(&partners[i])))
        .collect();
    let mut moved = vec![0; actors];
    for (new, &old) in order.iter().enumerate() {
        moved[old] = new;
    }
    let interactions = interactions
        .into_iter()
        .map(|i| DemoInteraction {
            from: moved[i.from],
            to: moved[i.to],
            ..i
        })
        .collect();
    let exchanges = exchanges
        .into_iter()
        .map(|e: DemoExchange| DemoExchange {
            actor: moved[e.actor],
            ..e
        })
        .collect();
    let scores = scores
        .into_iter()
        .map(|s: DemoScore| DemoScore {
            actor: moved[s.actor],
            ..s
        })
        .collect();
    let engaged = order
        .iter()
        .take_while(|&&i| is_partner(&partners[i]))
        .count();
    let mut sorted: Vec<PartnerDraft> = order.iter().map(|&i| partners[i].clone()).collect();
    let others = sorted.split_off(engaged);

    DemoAlliance {
        alliance: AllianceDraft {
            name: format!("Alliance de démonstration à grande échelle ({actors} acteurs)"),
            purpose: Some(
                "Essayer la cartographie, le réseau et la sélection sur un grand nombre d’acteurs."
                    .into(),
            ),
            territory: Some("Castelrenaudais (Indre-et-Loire)".into()),
            start_date: NaiveDate::from_ymd_opt(2026, 1, 5),
            status: AllianceStatus::UnderConstruction,
            terms: Default::default(),
        },
        partners: sorted,
        others,
        interactions,
        exchanges,
        scores,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::{InteractionDraft, MapQuadrant};

    #[test]
    fn three_hundred_actors_make_a_thousand_links_spread_and_valid() {
        let demo = scaled_demo(SCALE_DEFAULT_ACTORS, 11);
        assert_eq!(demo.actors().len(), 300);
        assert_eq!(demo.interactions.len(), 1000);
        for p in &demo.actors() {
            assert_eq!(&p.validated().expect("valid"), p, "already normalised");
        }
        let categories: HashSet<MapCategory> = demo
            .partners
            .iter()
            .filter_map(|p| p.assessment.as_ref().map(|a| a.category))
            .collect();
        assert_eq!(categories.len(), MapCategory::ALL.len());
        let statuses: HashSet<ActorPipelineStatus> =
            demo.actors().iter().map(|p| p.pipeline.status).collect();
        assert_eq!(statuses.len(), ActorPipelineStatus::ALL.len());
        let quadrants: HashSet<MapQuadrant> = demo
            .partners
            .iter()
            .filter_map(|p| p.assessment.as_ref().and_then(|a| a.quadrant()))
            .collect();
        assert_eq!(quadrants.len(), 4);
        let kinds: HashSet<InteractionKind> = demo.interactions.iter().map(|i| i.kind).collect();
        assert_eq!(kinds.len(), InteractionKind::ALL.len());
        for link in &demo.interactions {
            let draft = InteractionDraft {
                from_actor_id: link.from.to_string(),
                to_actor_id: link.to.to_string(),
                kind: link.kind,
                note: None,
            };
            assert!(draft.validated().is_ok());
        }
        assert!(!demo.scores.is_empty());
        assert!(demo.scores.iter().all(|s| s.score <= 5));
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        assert!(demo
            .exchanges
            .iter()
            .all(|e| e.draft.validated(today).is_ok()));
    }

    #[test]
    fn the_same_seed_gives_the_same_alliance_and_small_ones_work() {
        let a = scaled_demo(40, 7);
        let b = scaled_demo(40, 7);
        assert_eq!(a.actors(), b.actors());
        assert_eq!(a.interactions, b.interactions);
        assert_eq!(a.scores, b.scores);
        assert_eq!(a.interactions.len(), 133);
        // Two actors have at most 8 distinct links (3 directed kinds each way, 2 symmetric).
        let tiny = scaled_demo(2, 7);
        assert!(tiny.interactions.len() <= 8 && !tiny.interactions.is_empty());
        assert_eq!(scaled_demo(0, 7).actors().len(), 1);
    }
}
