// The evaluation's closed lists with their French labels, as the catalog sends them (allia-core
// `evaluation/kinds.rs`, one label each), and the status rule's text (`evaluation/progress.rs`).
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
  /** How the status is decided, in French, with its tolerances. */
  statusRule: string;
}

export function evaluationLists(catalog: Catalog): EvaluationLists {
  return {
    purposes: catalog.evaluationPurposes,
    levels: catalog.indicatorLevels,
    dataSources: catalog.dataSourceKinds,
    methods: catalog.analysisMethods,
    directions: catalog.indicatorDirections,
    aggregations: catalog.indicatorAggregations,
    frequencies: catalog.collectionFrequencies,
    statuses: catalog.indicatorStatuses,
    decisions: catalog.gapDecisions,
    statusRule: catalog.indicatorStatusRule.text,
  };
}
