//! The demo's register beyond its five members: the Val de Brenne's other actors, one or
//! more in each of the guide's cartography categories and at every status of the
//! pipeline, their links, the candidates' scores (two of them tied) and the proximity log
//! (with its friction points). Positions in the demo's actors
//! ([`super::DemoAlliance::actors`]): the five members are 0 to 4 ([`super::MEMBERS`]),
//! these actors follow from 5 in the order of [`ACTORS`].

use chrono::NaiveDate;

use super::{
    ActorAssessmentDraft, ActorPipeline, ActorPipelineStatus, ActorType, DemoExchange,
    DemoInteraction, DemoScore, ExchangeEntryDraft, ExchangeKind, InteractionKind, MapCategory,
    Organisation, PartnerDraft, PartnerRole,
};

struct DemoActor {
    name: &'static str,
    acronym: Option<&'static str>,
    actor_type: ActorType,
    postal_code: &'static str,
    city: &'static str,
    email: Option<&'static str>,
    status: ActorPipelineStatus,
    dismissal_reason: Option<&'static str>,
    category: MapCategory,
    /// Influence, nuisance, interest (1 to 5).
    levels: (u8, u8, u8),
    expectations: &'static str,
    scope: &'static str,
    synergies: &'static str,
}

// Positions of the members (see `super::MEMBERS`) and of the actors below.
const MSVB: usize = 0;
const JARDINS: usize = 1;
const CULTURE: usize = 2;
const ADRV: usize = 3;
const SPORT: usize = 4;
const COMMUNAUTE: usize = 5;
const DEPARTEMENT: usize = 6;
const DDETS: usize = 7;
const CRESS: usize = 8;
const UNIVERSITE: usize = 9;
const GROUPEMENT: usize = 10;
const DLA: usize = 11;
const BANQUE: usize = 12;
const CABINET: usize = 13;
const COLLECTIF: usize = 14;
const BENEVOLAT: usize = 15;
const JOURNAL: usize = 16;

const ACTORS: [DemoActor; 12] = [
    DemoActor {
        name: "Communauté de communes du Castelrenaudais",
        acronym: None,
        actor_type: ActorType::LocalAuthority,
        postal_code: "37110",
        city: "Château-Renault",
        email: Some("vie-associative@cc-castelrenaudais.example.fr"),
        status: ActorPipelineStatus::Retained,
        dismissal_reason: None,
        category: MapCategory::LocalAuthorities,
        levels: (5, 2, 5),
        expectations: "Un tissu associatif plus solide et des associations qui gardent leurs emplois.",
        scope: "Les 16 communes du Castelrenaudais.",
        synergies: "Subvention de démarrage du service et mise à disposition d’un local.",
    },
    DemoActor {
        name: "Conseil départemental d’Indre-et-Loire",
        acronym: None,
        actor_type: ActorType::LocalAuthority,
        postal_code: "37000",
        city: "Tours",
        email: None,
        status: ActorPipelineStatus::InDiscussion,
        dismissal_reason: None,
        category: MapCategory::LocalAuthorities,
        levels: (5, 3, 4),
        expectations: "Des services d’aide à domicile bien gérés dans les territoires ruraux.",
        scope: "Indre-et-Loire ; solidarités, autonomie, vie associative.",
        synergies: "Appel à projets « Vie associative » et financement de l’aide à domicile.",
    },
    DemoActor {
        name: "Direction départementale de l’emploi, du travail et des solidarités d’Indre-et-Loire",
        acronym: Some("DDETS 37"),
        actor_type: ActorType::State,
        postal_code: "37000",
        city: "Tours",
        email: None,
        status: ActorPipelineStatus::Identified,
        dismissal_reason: None,
        category: MapCategory::State,
        levels: (5, 3, 2),
        expectations: "L’emploi associatif et l’insertion par le sport.",
        scope: "Indre-et-Loire.",
        synergies: "Postes FONJEP et fonds pour le développement de la vie associative (FDVA).",
    },
    DemoActor {
        name: "Chambre régionale de l’économie sociale et solidaire Centre-Val de Loire",
        acronym: Some("CRESS"),
        actor_type: ActorType::AssociationNetwork,
        postal_code: "45000",
        city: "Orléans",
        email: Some("contact@cress-centre.example.fr"),
        status: ActorPipelineStatus::Contacted,
        dismissal_reason: None,
        category: MapCategory::ProfessionalBodies,
        levels: (2, 1, 4),
        expectations: "Faire connaître les mutualisations réussies entre structures de l’ESS.",
        scope: "Région Centre-Val de Loire.",
        synergies: "Retours d’expérience d’autres services partagés et mise en réseau.",
    },
    DemoActor {
        name: "Université de Tours, laboratoire CITERES",
        acronym: None,
        actor_type: ActorType::Academic,
        postal_code: "37200",
        city: "Tours",
        email: None,
        status: ActorPipelineStatus::Identified,
        dismissal_reason: None,
        category: MapCategory::Research,
        levels: (2, 1, 3),
        expectations: "Un terrain d’étude sur les coopérations associatives en milieu rural.",
        scope: "Recherche en aménagement et dynamiques territoriales.",
        synergies: "Évaluation de l’impact du service partagé par des étudiants de master.",
    },
    DemoActor {
        name: "Groupement d’employeurs associatif de Touraine",
        acronym: Some("GEA Touraine"),
        actor_type: ActorType::Association,
        postal_code: "37100",
        city: "Tours",
        email: Some("contact@gea-touraine.example.fr"),
        status: ActorPipelineStatus::Retained,
        dismissal_reason: None,
        category: MapCategory::SocialEconomy,
        levels: (3, 2, 5),
        expectations: "Porter l’emploi partagé de la comptable et de l’assistante RH.",
        scope: "Touraine.",
        synergies: "Employeur des postes mutualisés, paie et contrats déjà maîtrisés.",
    },
    DemoActor {
        name: "France Active Touraine, dispositif local d’accompagnement",
        acronym: Some("DLA 37"),
        actor_type: ActorType::TerritorialCatalyst,
        postal_code: "37000",
        city: "Tours",
        email: Some("dla@franceactive-touraine.example.fr"),
        status: ActorPipelineStatus::InDiscussion,
        dismissal_reason: None,
        category: MapCategory::SocialEconomy,
        levels: (3, 1, 4),
        expectations: "Accompagner des projets de mutualisation qui tiennent dans la durée.",
        scope: "Indre-et-Loire.",
        synergies: "Un second accompagnement sur la gouvernance du service partagé.",
    },
    DemoActor {
        name: "Crédit Coopératif, agence de Tours",
        acronym: None,
        actor_type: ActorType::Company,
        postal_code: "37000",
        city: "Tours",
        email: None,
        status: ActorPipelineStatus::InDiscussion,
        dismissal_reason: None,
        category: MapCategory::Companies,
        levels: (3, 2, 2),
        expectations: "Financer des projets associatifs solides et garder ses clients du territoire.",
        scope: "Touraine.",
        synergies: "Prêt de trésorerie au démarrage du service.",
    },
    DemoActor {
        name: "Brenne Expertise Comptable",
        acronym: None,
        actor_type: ActorType::Company,
        postal_code: "37110",
        city: "Château-Renault",
        email: Some("cabinet@brenne-expertise.example.fr"),
        status: ActorPipelineStatus::Dismissed,
        dismissal_reason: Some(
            "Le cabinet tient déjà les comptes de plusieurs associations du territoire et préfère rester leur prestataire : le service partagé le concurrence directement.",
        ),
        category: MapCategory::Companies,
        levels: (2, 4, 1),
        expectations: "Garder sa clientèle associative.",
        scope: "Castelrenaudais.",
        synergies: "Aucune pour l’instant ; une mission de commissariat aux comptes resterait possible.",
    },
    DemoActor {
        name: "Collectif des petites associations employeuses du Castelrenaudais",
        acronym: None,
        actor_type: ActorType::Citizens,
        postal_code: "37110",
        city: "Château-Renault",
        email: None,
        status: ActorPipelineStatus::Contacted,
        dismissal_reason: None,
        category: MapCategory::TargetBeneficiaries,
        levels: (1, 1, 5),
        expectations: "Un appui simple pour la paie et les déclarations sociales.",
        scope: "Une douzaine d’associations de 1 à 3 salariés.",
        synergies: "Futurs utilisateurs du service, au-delà des cinq membres.",
    },
    DemoActor {
        name: "France Bénévolat Touraine",
        acronym: None,
        actor_type: ActorType::AssociationNetwork,
        postal_code: "37000",
        city: "Tours",
        email: Some("touraine@francebenevolat.example.fr"),
        status: ActorPipelineStatus::Contacted,
        dismissal_reason: None,
        category: MapCategory::OtherCivilSociety,
        levels: (2, 1, 4),
        expectations: "Orienter des bénévoles qualifiés vers les associations rurales.",
        scope: "Indre-et-Loire.",
        synergies: "Bénévoles de compétences en comptabilité et en communication.",
    },
    DemoActor {
        name: "La Nouvelle République, rédaction d’Amboise",
        acronym: None,
        actor_type: ActorType::Company,
        postal_code: "37400",
        city: "Amboise",
        email: None,
        status: ActorPipelineStatus::Identified,
        dismissal_reason: None,
        category: MapCategory::Media,
        levels: (3, 3, 1),
        expectations: "Des sujets de proximité sur la vie des communes.",
        scope: "Est de l’Indre-et-Loire.",
        synergies: "Un article au lancement du service partagé.",
    },
];

/// The register's actors beyond the five members, in the order of [`ACTORS`].
pub(super) fn actors() -> Vec<PartnerDraft> {
    ACTORS
        .iter()
        .map(|a| {
            let (influence, nuisance, interest) = a.levels;
            PartnerDraft {
                organisation: Organisation {
                    name: a.name.into(),
                    acronym: a.acronym.map(Into::into),
                    postal_code: Some(a.postal_code.into()),
                    city: Some(a.city.into()),
                    email: a.email.map(Into::into),
                    ..Organisation::default()
                },
                actor_type: a.actor_type,
                // Shown once engaged only: promotion asks for it.
                role: PartnerRole::Member,
                resources: None,
                resource_tags: Vec::new(),
                own_association: false,
                pipeline: ActorPipeline {
                    status: a.status,
                    dismissal_reason: a.dismissal_reason.map(Into::into),
                },
                assessment: Some(ActorAssessmentDraft {
                    category: a.category,
                    expectations: Some(a.expectations.into()),
                    influence: Some(influence),
                    nuisance: Some(nuisance),
                    interest: Some(interest),
                    scope: Some(a.scope.into()),
                    synergies: Some(a.synergies.into()),
                }),
            }
        })
        .collect()
}

/// The links between the demo's actors: every kind of the guide at least once.
pub(super) fn interactions() -> Vec<DemoInteraction> {
    use InteractionKind::*;
    [
        (
            DEPARTEMENT,
            Finances,
            ADRV,
            "Tarification de l’aide à domicile (APA).",
        ),
        (
            COMMUNAUTE,
            Finances,
            SPORT,
            "Subvention annuelle et mise à disposition du complexe sportif.",
        ),
        (
            COMMUNAUTE,
            Finances,
            MSVB,
            "Convention pluriannuelle d’objectifs 2024-2026.",
        ),
        (
            DDETS,
            Finances,
            SPORT,
            "Un poste FONJEP pour l’animateur d’insertion.",
        ),
        (
            BANQUE,
            Finances,
            GROUPEMENT,
            "Prêt de trésorerie au démarrage du groupement.",
        ),
        (
            MSVB,
            CooperatesWith,
            JARDINS,
            "Ateliers de quartier communs depuis 2022.",
        ),
        (
            CULTURE,
            CooperatesWith,
            SPORT,
            "La Fête du Val, organisée ensemble chaque mois de juin.",
        ),
        (MSVB, IsMemberOf, CRESS, "Adhérente depuis 2021."),
        (
            ADRV,
            IsMemberOf,
            GROUPEMENT,
            "Une assistante RH à temps partiel par le groupement.",
        ),
        (
            COLLECTIF,
            IsMemberOf,
            BENEVOLAT,
            "Plusieurs associations du collectif y recrutent leurs bénévoles.",
        ),
        (
            CABINET,
            CompetesWith,
            MSVB,
            "Propose la tenue de comptes aux associations du territoire.",
        ),
        (
            DLA,
            Advises,
            MSVB,
            "Accompagnement DLA sur la mutualisation en 2025.",
        ),
        (
            BENEVOLAT,
            Advises,
            JARDINS,
            "Recrutement et fidélisation des bénévoles.",
        ),
        (
            UNIVERSITE,
            Advises,
            COMMUNAUTE,
            "Diagnostic territorial de l’ESS du Castelrenaudais.",
        ),
        (
            JOURNAL,
            Advises,
            CULTURE,
            "Relais des programmes culturels dans l’agenda local.",
        ),
    ]
    .into_iter()
    .map(|(from, kind, to, note)| DemoInteraction {
        from,
        to,
        kind,
        note: Some(note.into()),
    })
    .collect()
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    // Literal dates of the demo, all valid.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The proximity log: exchanges with the candidates and with the actor set aside, some
/// with the friction points they revealed.
pub(super) fn exchanges() -> Vec<DemoExchange> {
    use ExchangeKind::*;
    let entries: [(usize, NaiveDate, ExchangeKind, &str, &[&str]); 10] = [
        (
            CABINET,
            day(2026, 6, 12),
            Meeting,
            "Présentation du projet au cabinet : il redoute de perdre ses clients associatifs et ne souhaite pas s’associer.",
            &["Concurrence directe sur la tenue de comptabilité"],
        ),
        (
            CRESS,
            day(2026, 9, 2),
            Email,
            "Demande de retours d’expérience d’autres services partagés en région.",
            &[],
        ),
        (
            COMMUNAUTE,
            day(2026, 9, 15),
            Meeting,
            "Rencontre avec le vice-président chargé de la vie associative : la communauté de communes soutiendrait un service ouvert aux associations du territoire.",
            &["Souhaite ouvrir le service à toutes les associations du territoire, pas aux seuls membres"],
        ),
        (
            COMMUNAUTE,
            day(2026, 10, 6),
            Call,
            "Calendrier du budget 2027 : dossier de subvention à déposer avant le 15 janvier.",
            &[],
        ),
        (
            GROUPEMENT,
            day(2026, 10, 20),
            Workshop,
            "Atelier sur la paie mutualisée avec la responsable du groupement et l’ADRV.",
            &[
                "Coût d’adhésion au groupement jugé élevé par les petites associations",
                "Qui encadre au quotidien la comptable partagée ?",
            ],
        ),
        (
            DEPARTEMENT,
            day(2026, 10, 28),
            Email,
            "Envoi du dossier de présentation au service de la vie associative.",
            &[],
        ),
        (
            DLA,
            day(2026, 11, 4),
            Call,
            "Un second accompagnement DLA est possible en 2027 sur la gouvernance du service.",
            &[],
        ),
        (
            BANQUE,
            day(2026, 11, 12),
            Meeting,
            "Présentation du projet au chargé d’affaires ESS de l’agence.",
            &["Demande une caution des associations membres pour le prêt"],
        ),
        (
            COLLECTIF,
            day(2026, 11, 18),
            Workshop,
            "Atelier de recueil des besoins : douze associations présentes, la paie arrive en tête.",
            &[],
        ),
        (
            GROUPEMENT,
            day(2026, 11, 24),
            Call,
            "Accord de principe pour porter l’emploi de la comptable à partir de mars.",
            &[],
        ),
    ];
    entries
        .into_iter()
        .map(|(actor, date, kind, notes, frictions)| DemoExchange {
            actor,
            draft: ExchangeEntryDraft {
                date,
                kind,
                notes: Some(notes.into()),
                friction_points: frictions.iter().map(|f| f.to_string()).collect(),
            },
        })
        .collect()
}

/// The candidates' scores (every actor neither engaged nor set aside) on the five
/// default criteria, in their order (compatibilité stratégique ×2, capacité
/// opérationnelle ×2, complémentarité des compétences, ancrage territorial, proximité
/// relationnelle): the département and the DLA tie, the others all differ.
pub(super) fn scores() -> Vec<DemoScore> {
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
