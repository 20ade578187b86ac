// The evaluation's calls to the vault, in one place (the commands of src-tauri/src/commands/evaluation.rs and
// « Objectifs »' overview). Each resolves to the data or throws an ApiError (`call`).
import { commands } from "$lib/api/bindings";
import { call } from "$lib/api/client";
import type { EvaluationFrameDraft, GapAnalysisDraft, IndicatorDraft, MeasurementDraft, ObjectiveTree } from "./types";

export const evaluationApi = {
  /** The whole evaluation, every indicator with its measurements. */
  overview: (allianceId: string) => call(commands.evaluationOverview(allianceId)),
  /** The overview without the measurements (each indicator's progress kept). */
  summary: (allianceId: string) => call(commands.evaluationSummary(allianceId)),
  /** One indicator with its measurements and progress. */
  indicator: (allianceId: string, indicatorId: string) => call(commands.evaluationIndicator(allianceId, indicatorId)),
  objectives: (allianceId: string): Promise<ObjectiveTree> => call(commands.objectivesOverview(allianceId)),
  saveFrame: (allianceId: string, draft: EvaluationFrameDraft) => call(commands.evaluationFrameSave(allianceId, draft)),
  addIndicator: (allianceId: string, draft: IndicatorDraft) => call(commands.indicatorAdd(allianceId, draft)),
  updateIndicator: (id: string, draft: IndicatorDraft) => call(commands.indicatorUpdate(id, draft)),
  deleteIndicator: (id: string) => call(commands.indicatorDelete(id)),
  addMeasurement: (allianceId: string, draft: MeasurementDraft) => call(commands.measurementAdd(allianceId, draft)),
  updateMeasurement: (id: string, draft: MeasurementDraft) => call(commands.measurementUpdate(id, draft)),
  deleteMeasurement: (id: string) => call(commands.measurementDelete(id)),
  addGap: (allianceId: string, draft: GapAnalysisDraft) => call(commands.gapAnalysisAdd(allianceId, draft)),
  updateGap: (id: string, draft: GapAnalysisDraft) => call(commands.gapAnalysisUpdate(id, draft)),
  deleteGap: (id: string) => call(commands.gapAnalysisDelete(id)),
};
