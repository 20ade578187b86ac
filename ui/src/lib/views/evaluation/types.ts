// The evaluation's types as the view uses them: the generated bindings' (allia-core `evaluation/`); « Objectifs » is
// read through a structural shape (`ObjectiveTree`, which `ObjectivesOverview` satisfies): the view only needs the
// objectives' ids and titles.
export type {
  AnalysisMethod,
  CollectionFrequency,
  DataSourceKind,
  EvaluationFrameDraft,
  EvaluationOverview,
  EvaluationPurpose,
  GapAnalysis,
  GapAnalysisDraft,
  GapDecision,
  Indicator,
  IndicatorAggregation,
  IndicatorDirection,
  IndicatorDraft,
  IndicatorLevel,
  IndicatorProgress,
  IndicatorStatus,
  IndicatorView,
  Measurement,
  MeasurementDraft,
  ObjectiveLevel,
  ObjectiveRef,
} from "$lib/api/bindings";

/** What the evaluation reads of « Objectifs »: each strategic objective with its operational ones. */
export interface ObjectiveTree {
  strategic: {
    objective: { id: string; draft: { title: string } };
    operational: { objective: { id: string; draft: { wording: string } } }[];
  }[];
}
