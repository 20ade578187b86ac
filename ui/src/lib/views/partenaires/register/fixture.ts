// For tests: the catalog lists of the actor register as allia-core sends them (actors/kinds.rs, map.rs,
// pipeline.rs; catalog.rs), and actors built from a few values.
import type { Catalog, Choice, MapCategory } from "$lib/api/bindings";

const choice = <T>(value: T, label: string, help: string | null = null): Choice<T> => ({ value, label, help });

/** The lists the register's screens read from the catalog. */
export const LABELS = {
  mapCategories: [
    choice<MapCategory>("state", "État"),
    choice<MapCategory>("local_authorities", "Collectivités territoriales"),
    choice<MapCategory>("professional_bodies", "Instances professionnelles"),
    choice<MapCategory>("research", "Acteurs de la recherche"),
    choice<MapCategory>("companies", "Entreprises"),
    choice<MapCategory>("social_economy", "Acteurs de l’ESS"),
    choice<MapCategory>("target_beneficiaries", "Bénéficiaires cibles"),
    choice<MapCategory>("other_civil_society", "Autres acteurs de la société civile"),
    choice<MapCategory>("media", "Médias"),
  ],
  actorPipelineStatuses: [
    choice("identified" as const, "Identifié"),
    choice("contacted" as const, "Contacté"),
    choice("in_discussion" as const, "En discussion"),
    choice("retained" as const, "Retenu"),
    choice("engaged" as const, "Engagé"),
    choice("dismissed" as const, "Écarté"),
  ],
  mapQuadrants: [
    choice("associate_closely" as const, "Associer étroitement"),
    choice("keep_satisfied" as const, "Satisfaire"),
    choice("keep_informed" as const, "Informer"),
    choice("monitor" as const, "Surveiller"),
  ],
  levelScales: [
    choice("influence" as const, "Niveau d’influence", "Sa capacité à peser sur le projet et sur les autres acteurs du territoire."),
    choice("nuisance" as const, "Pouvoir de nuisance", "Sa capacité à freiner ou à empêcher le projet s’il s’y oppose."),
    choice("interest" as const, "Intérêt / alignement", "Combien le projet rejoint ses attentes et ses motivations."),
  ],
  levels: [
    choice(1, "Très faible"),
    choice(2, "Faible"),
    choice(3, "Moyen"),
    choice(4, "Fort"),
    choice(5, "Très fort"),
  ],
  interactionKinds: [
    choice("finances" as const, "Finance"),
    choice("cooperates_with" as const, "Coopère avec"),
    choice("is_member_of" as const, "Est membre de"),
    choice("competes_with" as const, "Est en concurrence avec"),
    choice("advises" as const, "Conseille"),
  ],
  exchangeKinds: [
    choice("meeting" as const, "Rencontre"),
    choice("call" as const, "Appel"),
    choice("workshop" as const, "Atelier"),
    choice("email" as const, "Courriel"),
  ],
  partnerRoles: [
    choice("lead" as const, "Chef de file"),
    choice("member" as const, "Membre"),
    choice("associated_partner" as const, "Partenaire associé"),
    choice("funder" as const, "Financeur"),
  ],
  actorTypes: [choice("association" as const, "Association"), choice("company" as const, "Entreprise")],
  publicFunderActorTypes: [],
  scoringLimits: { scoreMax: 5, weightMax: 100, criteriaMax: 20 },
} satisfies Partial<Catalog>;

/** A catalog for component tests: the register's lists, the rest empty. */
export const CATALOG = LABELS as unknown as Catalog;
