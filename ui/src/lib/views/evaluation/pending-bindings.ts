// TEMPORARY: the evaluation's types, written as tauri-specta will generate them from allia-core `evaluation/`,
// until the store commands land and bindings.ts carries them. Removed then (types.ts re-exports the bindings).
export type EvaluationPurpose = "track" | "understand" | "prove" | "value";
export type IndicatorLevel = "means" | "activities" | "results" | "impacts";
export type DataSourceKind =
  | "member_systems"
  | "beneficiary_survey"
  | "qualitative_interview"
  | "direct_observation"
  | "public_data";
export type AnalysisMethod = "qualitative" | "quantitative" | "mixed";
export type IndicatorDirection = "higher_is_better" | "lower_is_better";
export type IndicatorAggregation = "cumulative" | "per_period" | "rate" | "average";
export type CollectionFrequency = "monthly" | "quarterly" | "half_yearly" | "yearly" | "one_off";
export type IndicatorStatus = "on_track" | "watch" | "late" | "not_measured" | "not_assessable";
export type GapDecision = "adjust_action" | "revise_target" | "continue";
export type ObjectiveLevel = "strategic" | "operational";
export type ObjectiveRef = { level: ObjectiveLevel; id: string };
export type EvaluationFrameDraft = { purposes?: EvaluationPurpose[]; questions?: string[] };
export type IndicatorDraft = {
  objective: ObjectiveRef;
  name: string;
  level: IndicatorLevel;
  unit: string;
  direction: IndicatorDirection;
  aggregation: IndicatorAggregation;
  baselineValue: number | null;
  baselineDate: string;
  targetValue: number | null;
  targetDate: string;
  frequency: CollectionFrequency;
  ownerPartnerId?: string | null;
  ownerPerson?: string | null;
  dataSource: DataSourceKind;
  sourceReference?: string | null;
  method: AnalysisMethod;
  keyIndicator?: boolean;
};
export type Indicator = {
  id: string;
  allianceId: string;
  position: number;
  createdAt: string;
  updatedAt: string;
  draft: IndicatorDraft;
};
export type MeasurementDraft = {
  indicatorId: string;
  date: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  comment?: string | null;
  source?: string | null;
};
export type Measurement = { id: string; allianceId: string; createdAt: string; updatedAt: string; draft: MeasurementDraft };
export type GapAnalysisDraft = {
  objective: ObjectiveRef;
  date: string;
  positiveFactors?: string[];
  negativeFactors?: string[];
  decision: GapDecision;
  decisionNote?: string | null;
};
export type GapAnalysis = { id: string; allianceId: string; createdAt: string; updatedAt: string; draft: GapAnalysisDraft };
export type IndicatorProgress = {
  status: IndicatorStatus;
  currentValue: number | null;
  currentDate: string | null;
  achieved: number | null;
  expected: number | null;
  remaining: number | null;
  explanation: string;
};
export type IndicatorView = { indicator: Indicator; measurements: Measurement[]; progress: IndicatorProgress };
export type EvaluationOverview = {
  frame: EvaluationFrameDraft;
  indicators: IndicatorView[];
  gapAnalyses: GapAnalysis[];
};
