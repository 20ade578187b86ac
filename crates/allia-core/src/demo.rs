//! The guide's own example, loaded as a demo alliance: five associations pooling
//! accounting, HR and communication in a shared service, and the register of the Val de
//! Brenne's actors around them (guide step 3: the map, the links, the selection and the
//! proximity log), so that every view of « Partenaires » has something to show.

use chrono::NaiveDate;

use crate::actors::{
    ActorAssessmentDraft, ActorPipeline, ActorPipelineStatus, ExchangeEntryDraft, ExchangeKind,
    InteractionKind, MapCategory,
};
use crate::alliance::{AllianceDraft, AllianceStatus};
use crate::organisation::Organisation;
use crate::partner::{ActorType, PartnerDraft, PartnerRole};

#[path = "demo_register/mod.rs"]
mod register;
#[path = "demo_scale.rs"]
pub mod scale;

/// The id earlier versions gave the demo alliance in every vault. No longer used for a
/// new demo (each vault's demo now gets a random id, remembered in the vault): two
/// associations that turned the demo into their real alliance were otherwise told their
/// files were « the same alliance ». A vault that already holds a demo under this id
/// keeps it as its demo.
pub const LEGACY_DEMO_ALLIANCE_ID: &str = "7ceec4a7-d2ba-4dad-8495-8136eeaf4ef7";

/// The demo alliance and its actors, ready to be stored. Links, log entries and scores
/// name their actor by its position in [`DemoAlliance::actors`] (the partners, then the
/// others, from 0) and a criterion by its default slug
/// ([`crate::actors::default_criteria`]): the store gives the ids.
pub struct DemoAlliance {
    pub alliance: AllianceDraft,
    /// The engaged actors: the alliance's partners (the parties of its contracts).
    pub partners: Vec<PartnerDraft>,
    /// The register's other actors (identified, contacted… or set aside).
    pub others: Vec<PartnerDraft>,
    pub interactions: Vec<DemoInteraction>,
    pub exchanges: Vec<DemoExchange>,
    pub scores: Vec<DemoScore>,
}

/// A link of the demo between two actors, by their positions in
/// [`DemoAlliance::actors`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoInteraction {
    pub from: usize,
    pub to: usize,
    pub kind: InteractionKind,
    pub note: Option<String>,
}

/// An entry of the demo's proximity log, for the actor at `actor` in
/// [`DemoAlliance::actors`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoExchange {
    pub actor: usize,
    pub draft: ExchangeEntryDraft,
}

/// A score of the demo: the actor at `actor` on the default criterion `criterion` (its
/// slug, e.g. `strategic_fit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoScore {
    pub actor: usize,
    pub criterion: &'static str,
    pub score: u8,
}

struct DemoMember {
    name: &'static str,
    acronym: &'static str,
    rna: &'static str,
    siret: &'static str,
    street: &'static str,
    postal_code: &'static str,
    city: &'static str,
    representative: (&'static str, &'static str),
    email: &'static str,
    role: PartnerRole,
    resources: &'static str,
    tags: &'static [&'static str],
}

const MEMBERS: [DemoMember; 5] = [
    DemoMember {
        name: "Maison des Solidarités du Val de Brenne",
        acronym: "MSVB",
        rna: "W372001234",
        siret: "80012345700015",
        street: "12 rue des Tanneurs",
        postal_code: "37110",
        city: "Château-Renault",
        representative: ("Claire Moreau", "Présidente"),
        email: "contact@msvb.example.fr",
        role: PartnerRole::Lead,
        resources: "Porte le service partagé : héberge la comptable mutualisée et met à disposition un bureau.",
        tags: &["comptabilité", "locaux", "coordination"],
    },
    DemoMember {
        name: "Les Jardins partagés de Brenne",
        acronym: "JPB",
        rna: "W372002345",
        siret: "81123456600016",
        street: "3 chemin du Moulin",
        postal_code: "37110",
        city: "Auzouer-en-Touraine",
        representative: ("Karim Benali", "Président"),
        email: "bonjour@jardins-brenne.example.fr",
        role: PartnerRole::Member,
        resources: "Un réseau de quarante bénévoles et l’animation des ateliers de quartier.",
        tags: &["bénévoles", "animation"],
    },
    DemoMember {
        name: "Culture pour tous en Val de Brenne",
        acronym: "CPTVB",
        rna: "W372003456",
        siret: "82234567400011",
        street: "8 place de la Mairie",
        postal_code: "37110",
        city: "Villedômer",
        representative: ("Sophie Lambert", "Co-présidente"),
        email: "culture@cptvb.example.fr",
        role: PartnerRole::Member,
        resources: "Une chargée de communication à mi-temps et les outils graphiques de l’alliance.",
        tags: &["communication", "graphisme"],
    },
    DemoMember {
        name: "Aide à domicile rurale du Val",
        acronym: "ADRV",
        rna: "W372004567",
        siret: "83345678300012",
        street: "21 avenue de la Gare",
        postal_code: "37110",
        city: "Château-Renault",
        representative: ("Jean Petit", "Président"),
        email: "accueil@adrv.example.fr",
        role: PartnerRole::Member,
        resources: "L’expérience de la paie et de la gestion de trente salariés.",
        tags: &["ressources humaines", "paie"],
    },
    DemoMember {
        name: "Sport et Insertion Brenne",
        acronym: "SIB",
        rna: "W372005678",
        siret: "84456789100016",
        street: "Complexe sportif, route de Tours",
        postal_code: "37110",
        city: "Saunay",
        representative: ("Nadia Roux", "Trésorière"),
        email: "sib@sport-insertion.example.fr",
        role: PartnerRole::Member,
        resources: "Des salles pour les réunions et l’organisation des événements communs.",
        tags: &["événementiel", "salles"],
    },
];

impl DemoAlliance {
    /// Every actor of the register: the partners, then the others.
    pub fn actors(&self) -> Vec<PartnerDraft> {
        self.partners.iter().chain(&self.others).cloned().collect()
    }
}

/// Where each member stands on the map (influence, nuisance, interest) and what it
/// expects of the alliance: the five associations are « acteurs de l’ESS ».
const MEMBER_ASSESSMENTS: [(u8, u8, u8, &str); 5] = [
    (
        4,
        2,
        5,
        "Porter le service partagé et stabiliser le poste de la comptable mutualisée.",
    ),
    (
        2,
        1,
        4,
        "Se décharger de la comptabilité pour garder les bénévoles sur les jardins.",
    ),
    (
        2,
        1,
        5,
        "Mutualiser la communication et rendre visibles les actions culturelles.",
    ),
    (
        3,
        2,
        4,
        "Fiabiliser la paie de trente salariés et partager la fonction RH.",
    ),
    (
        3,
        2,
        3,
        "Réduire le temps passé par la trésorière sur l’administratif.",
    ),
];

/// The guide's example alliance: the alliance, its five engaged partners and the other
/// actors of the Val de Brenne with their links, scores and exchanges.
pub fn demo_alliance() -> DemoAlliance {
    let partners: Vec<PartnerDraft> = MEMBERS
        .iter()
        .zip(MEMBER_ASSESSMENTS)
        .map(
            |(m, (influence, nuisance, interest, expectations))| PartnerDraft {
                organisation: Organisation {
                    name: m.name.into(),
                    acronym: Some(m.acronym.into()),
                    legal_form: Some("Association loi 1901".into()),
                    rna: Some(m.rna.into()),
                    siret: Some(m.siret.into()),
                    street: Some(m.street.into()),
                    postal_code: Some(m.postal_code.into()),
                    city: Some(m.city.into()),
                    representative_name: Some(m.representative.0.into()),
                    representative_role: Some(m.representative.1.into()),
                    email: Some(m.email.into()),
                    phone: None,
                    ..Organisation::default()
                },
                actor_type: ActorType::Association,
                role: m.role,
                resources: Some(m.resources.into()),
                resource_tags: m.tags.iter().map(|t| t.to_string()).collect(),
                own_association: false,
                pipeline: ActorPipeline::engaged(),
                assessment: Some(ActorAssessmentDraft {
                    category: MapCategory::SocialEconomy,
                    expectations: Some(expectations.into()),
                    influence: Some(influence),
                    nuisance: Some(nuisance),
                    interest: Some(interest),
                    scope: Some("Castelrenaudais (Indre-et-Loire)".into()),
                    synergies: None,
                }),
            },
        )
        .collect();
    DemoAlliance {
        alliance: AllianceDraft {
            name: "Service partagé du Val de Brenne".into(),
            purpose: Some(
                "Réduire de 15\u{202f}% les coûts administratifs des 5 associations membres de l’alliance \
                 avant juillet 2026 en mutualisant les fonctions comptabilité, RH et communication \
                 via la création d’un service partagé opérationnel au 1er décembre 2025."
                    .into(),
            ),
            territory: Some("Val de Brenne (Indre-et-Loire)".into()),
            start_date: NaiveDate::from_ymd_opt(2025, 12, 1),
            status: AllianceStatus::Active,
            terms: Default::default(),
        },
        partners,
        others: register::actors(),
        interactions: register::interactions(),
        exchanges: register::exchanges(),
        scores: register::scores(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::actors::{default_criteria, rank_candidates, CandidateScores, MapQuadrant};
    use crate::partner::is_partner;

    #[test]
    fn demo_is_valid_and_matches_the_guide() {
        let demo = demo_alliance();
        assert!(demo.alliance.validated().is_ok());
        for p in &demo.actors() {
            let validated = p.validated().expect("demo actor valid");
            assert_eq!(&validated, p, "demo data is already normalised");
        }
        assert!(demo.partners.iter().all(is_partner));
        assert!(!demo.others.iter().any(is_partner));
        let partners: Vec<&PartnerDraft> = demo.partners.iter().collect();
        assert_eq!(partners.len(), 5);
        assert!(partners
            .iter()
            .all(|p| p.actor_type == ActorType::Association));
        assert_eq!(
            partners
                .iter()
                .filter(|p| p.role == PartnerRole::Lead)
                .count(),
            1
        );
        let tags: Vec<&str> = partners
            .iter()
            .flat_map(|p| p.resource_tags.iter().map(String::as_str))
            .collect();
        for pooled in ["comptabilité", "ressources humaines", "communication"] {
            assert!(tags.contains(&pooled), "{pooled}");
        }
    }

    #[test]
    fn the_register_spreads_over_categories_statuses_and_quadrants() {
        let demo = demo_alliance();
        let actors = demo.actors();
        assert!(actors.len() >= 15);
        let assessments: Vec<&ActorAssessmentDraft> = actors
            .iter()
            .map(|p| {
                p.assessment
                    .as_ref()
                    .expect("every demo actor is on the map")
            })
            .collect();
        let categories: HashSet<MapCategory> = assessments.iter().map(|a| a.category).collect();
        assert_eq!(categories.len(), MapCategory::ALL.len(), "{categories:?}");
        let quadrants: HashSet<MapQuadrant> =
            assessments.iter().filter_map(|a| a.quadrant()).collect();
        assert_eq!(quadrants.len(), 4);
        let statuses: HashSet<ActorPipelineStatus> =
            actors.iter().map(|p| p.pipeline.status).collect();
        assert_eq!(statuses.len(), ActorPipelineStatus::ALL.len());
        let dismissed: Vec<&PartnerDraft> = actors
            .iter()
            .filter(|p| p.pipeline.status == ActorPipelineStatus::Dismissed)
            .collect();
        assert!(dismissed
            .iter()
            .all(|p| p.pipeline.dismissal_reason.is_some()));
    }

    #[test]
    fn links_exchanges_and_scores_are_valid_with_a_friction_point_and_a_tie() {
        let demo = demo_alliance();
        let actors = demo.actors();
        let n = actors.len();
        assert!(demo.interactions.len() >= 10);
        let kinds: HashSet<InteractionKind> = demo.interactions.iter().map(|i| i.kind).collect();
        assert_eq!(kinds.len(), InteractionKind::ALL.len());
        for (i, link) in demo.interactions.iter().enumerate() {
            assert!(link.from < n && link.to < n && link.from != link.to);
            for other in &demo.interactions[..i] {
                assert!(
                    !(other.kind == link.kind && other.from == link.from && other.to == link.to),
                    "{link:?} given twice"
                );
            }
        }
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        for entry in &demo.exchanges {
            assert!(entry.actor < n);
            assert_eq!(entry.draft.validated(today).as_ref(), Ok(&entry.draft));
        }
        assert!(demo
            .exchanges
            .iter()
            .any(|e| !e.draft.friction_points.is_empty()));
        // Every candidate (neither engaged nor set aside) is scored on the five criteria;
        // two tie.
        let candidates: Vec<CandidateScores> = actors
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                !matches!(
                    p.pipeline.status,
                    ActorPipelineStatus::Engaged | ActorPipelineStatus::Dismissed
                )
            })
            .map(|(i, p)| CandidateScores {
                id: i.to_string(),
                name: p.organisation.name.clone(),
                scores: demo
                    .scores
                    .iter()
                    .filter(|s| s.actor == i)
                    .map(|s| (s.criterion.to_string(), s.score))
                    .collect(),
            })
            .collect();
        assert_eq!(candidates.len(), 11);
        let ranking = rank_candidates(&default_criteria(), &candidates).expect("complete");
        assert_eq!(ranking.iter().filter(|r| r.tied).count(), 2, "{ranking:?}");
        assert_eq!(ranking[0].name, "Communauté de communes du Castelrenaudais");
    }
}
