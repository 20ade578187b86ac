// Test data of the evaluation: an indicator view as the vault returns it, and objectives.
import type { Catalog, Choice } from "$lib/api/bindings";
import type { IndicatorDraft, IndicatorView, Measurement, ObjectiveTree } from "./types";

export const OBJECTIVES: ObjectiveTree = {
  strategic: [
    {
      objective: { id: "s1", draft: { title: "Mutualiser les fonctions support" } },
      operational: [
        { objective: { id: "o1", draft: { wording: "Réduire de 15 % les coûts administratifs" } } },
        { objective: { id: "o2", draft: { wording: "Créer un service partagé" } } },
      ],
    },
    { objective: { id: "s2", draft: { title: "Accompagner plus de familles" } }, operational: [] },
  ],
};

export function indicatorDraft(over: Partial<IndicatorDraft> = {}): IndicatorDraft {
  return {
    objective: { level: "operational", id: "o1" },
    name: "Coûts administratifs",
    level: "results",
    unit: "€",
    direction: "lower_is_better",
    aggregation: "cumulative",
    baselineValue: 100000,
    baselineDate: "2025-01-01",
    targetValue: 85000,
    targetDate: "2026-07-01",
    frequency: "monthly",
    ownerPartnerId: null,
    ownerPerson: null,
    dataSource: "member_systems",
    sourceReference: null,
    method: "quantitative",
    keyIndicator: true,
    ...over,
  };
}

export function measurement(id: string, date: string, value: number, extra: Partial<Measurement["draft"]> = {}): Measurement {
  return {
    id,
    allianceId: "a1",
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    draft: { indicatorId: "i1", date, value, numerator: null, denominator: null, comment: null, source: null, ...extra },
  };
}

/**
 * An indicator as the vault sends it. `series` stands for what allia-core's `combined_series` computes; by default
 * each measurement counted as it is (a cumulative indicator measured once a day).
 */
export function indicatorView(
  over: Partial<IndicatorDraft> = {},
  measurements: Measurement[] = [],
  id = "i1",
  series: IndicatorView["series"] = measurements.map((m, i) => ({ date: m.draft.date, value: m.draft.value, count: i + 1 })),
): IndicatorView {
  const last = measurements.at(-1);
  return {
    indicator: { id, allianceId: "a1", position: 0, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", draft: indicatorDraft(over) },
    measurements,
    series,
    progress: last
      ? {
          status: "on_track",
          currentValue: last.draft.value,
          currentDate: last.draft.date,
          achieved: 0.5,
          expected: 0.4,
          remaining: 5000,
          explanation: "En avance sur la trajectoire.",
        }
      : { status: "not_measured", currentValue: null, currentDate: null, achieved: null, expected: null, remaining: null, explanation: "" },
  };
}

// The catalog's evaluation lists, as allia-core writes them (evaluation/kinds.rs).
const c = <T>(value: T, label: string, help: string | null = null): Choice<T> => ({ value, label, help });

const LISTS = {
  purposes: [
    c("track", "Suivre", "Produire de l’information régulière sur les résultats attendus de votre action."),
    c("understand", "Comprendre", "Comprendre le changement observé et les facteurs explicatifs potentiels."),
    c("prove", "Prouver", "Prouver que le changement est attribuable à votre action."),
    c("value", "Valoriser", "Donner une valeur au changement suscité par votre action."),
  ],
  levels: [
    c("means", "Moyens", "Les moyens mis en œuvre."),
    c("activities", "Activités", "Les activités réalisées."),
    c("results", "Résultats", "Les changements à court terme."),
    c("impacts", "Impacts", "Les transformations durables."),
  ],
  dataSources: [
    c("member_systems", "Système d’information des membres"),
    c("beneficiary_survey", "Enquête bénéficiaires"),
    c("qualitative_interview", "Entretien qualitatif"),
    c("direct_observation", "Observation directe"),
    c("public_data", "Données publiques (INSEE, open data territorial)"),
  ],
  methods: [c("qualitative", "Qualitative"), c("quantitative", "Quantitative"), c("mixed", "Mixte")],
  directions: [
    c("higher_is_better", "À la hausse (plus c’est haut, mieux c’est)"),
    c("lower_is_better", "À la baisse (plus c’est bas, mieux c’est)"),
  ],
  aggregations: [
    c("cumulative", "Cumulé (la dernière valeur est le total)"),
    c("per_period", "Par période (les valeurs s’additionnent)"),
    c("rate", "Taux (numérateurs et dénominateurs additionnés)"),
    c("average", "Moyenne des mesures"),
  ],
  frequencies: [
    c("monthly", "Mensuelle"),
    c("quarterly", "Trimestrielle"),
    c("half_yearly", "Semestrielle"),
    c("yearly", "Annuelle"),
    c("one_off", "Ponctuelle"),
  ],
  statuses: [
    c("on_track", "En bonne voie"),
    c("watch", "À surveiller"),
    c("late", "En retard"),
    c("not_measured", "Pas encore mesuré"),
    c("not_assessable", "Non évaluable"),
  ],
  decisions: [c("adjust_action", "Ajuster l’action"), c("revise_target", "Revoir la cible"), c("continue", "Poursuivre")],
  statusRule: "La trajectoire va en ligne droite de la valeur de référence à la cible.",
};

/** A catalog holding the evaluation's lists only. */
export const CATALOG = {
  evaluationPurposes: LISTS.purposes,
  indicatorLevels: LISTS.levels,
  dataSourceKinds: LISTS.dataSources,
  analysisMethods: LISTS.methods,
  indicatorDirections: LISTS.directions,
  indicatorAggregations: LISTS.aggregations,
  collectionFrequencies: LISTS.frequencies,
  indicatorStatuses: LISTS.statuses,
  gapDecisions: LISTS.decisions,
  indicatorStatusRule: { text: LISTS.statusRule, onTrackTolerancePoints: 5, watchTolerancePoints: 15 },
} as unknown as Catalog;
