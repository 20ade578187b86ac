// The evaluation's types as the view uses them. They come from the generated bindings (allia-core
// `evaluation/`); the objectives are read through a structural shape (`ObjectiveTree`) so that the view only needs
// the titles and ids of « Objectifs ».
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
} from "./pending-bindings";

/** What the evaluation reads of « Objectifs »: each strategic objective with its operational ones. */
export interface ObjectiveTree {
  strategic: {
    objective: { id: string; draft: { title: string } };
    operational: { objective: { id: string; draft: { wording: string } } }[];
  }[];
}
