// The evaluation's closed lists with their French labels. They come from the catalog (allia-core `evaluation/kinds.rs`,
// one label each); until the catalog carries a list, the same labels are used from here, so the screen never shows a
// raw value.
import type { Catalog, Choice } from "$lib/api/bindings";
import type {
  AnalysisMethod,
  CollectionFrequency,
  DataSourceKind,
  EvaluationPurpose,
  GapDecision,
  IndicatorAggregation,
  IndicatorDirection,
  IndicatorLevel,
  IndicatorStatus,
} from "./types";

/** Every list the evaluation's forms offer. */
export interface EvaluationLists {
  purposes: Choice<EvaluationPurpose>[];
  levels: Choice<IndicatorLevel>[];
  dataSources: Choice<DataSourceKind>[];
  methods: Choice<AnalysisMethod>[];
  directions: Choice<IndicatorDirection>[];
  aggregations: Choice<IndicatorAggregation>[];
  frequencies: Choice<CollectionFrequency>[];
  statuses: Choice<IndicatorStatus>[];
  decisions: Choice<GapDecision>[];
  /** How the status is decided, in French (allia-core `progress.rs`). */
  statusRule: string;
}

const c = <T>(value: T, label: string, help: string | null = null): Choice<T> => ({ value, label, help });

/** allia-core's labels (evaluation/kinds.rs), used while the catalog lacks a list. */
export const FALLBACK_LISTS: EvaluationLists = {
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
  statusRule:
    "Chaque indicateur est comparé à sa trajectoire\u00a0: la ligne droite qui va de la valeur de référence, à sa date, " +
    "à la cible, à sa date. Au jour de la dernière mesure, l’indicateur est «\u00a0En bonne voie\u00a0» s’il a fait au " +
    "moins le chemin attendu (à une tolérance près), «\u00a0À surveiller\u00a0» s’il est un peu en deçà, «\u00a0En " +
    "retard\u00a0» s’il est nettement en deçà. Le sens compte\u00a0: pour un indicateur «\u00a0à la baisse\u00a0», " +
    "progresser, c’est descendre. Sans mesure, il est «\u00a0Pas encore mesuré\u00a0».",
};

/** The catalog's names for each list (`Catalog` in allia-core `catalog.rs`). */
const CATALOG_NAMES: Record<Exclude<keyof EvaluationLists, "statusRule">, string> = {
  purposes: "evaluationPurposes",
  levels: "indicatorLevels",
  dataSources: "dataSourceKinds",
  methods: "analysisMethods",
  directions: "indicatorDirections",
  aggregations: "indicatorAggregations",
  frequencies: "collectionFrequencies",
  statuses: "indicatorStatuses",
  decisions: "gapDecisions",
};

/** The lists from the catalog where it has them, allia-core's labels otherwise. */
export function evaluationLists(catalog: Catalog): EvaluationLists {
  const source = catalog as unknown as Record<string, unknown>;
  const lists = { ...FALLBACK_LISTS };
  for (const [key, name] of Object.entries(CATALOG_NAMES) as [keyof typeof CATALOG_NAMES, string][]) {
    const list = source[name];
    if (Array.isArray(list) && list.length > 0) (lists as Record<string, unknown>)[key] = list;
  }
  // allia-core's `IndicatorStatusRule`: the text with its tolerances.
  const rule = source["indicatorStatusRule"] as { text?: unknown } | undefined;
  if (typeof rule?.text === "string" && rule.text.trim() !== "") lists.statusRule = rule.text;
  return lists;
}
