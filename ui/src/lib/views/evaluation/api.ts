// The evaluation's calls to the vault, in one place (the commands of src-tauri/src/commands/evaluation.rs and
// « Objectifs »' overview). Each resolves to the data or throws an ApiError, as `call` does.
import { invoke } from "@tauri-apps/api/core";
import { call } from "$lib/api/client";
import type { AppError } from "$lib/api/bindings";
import type {
  EvaluationFrameDraft,
  EvaluationOverview,
  GapAnalysis,
  GapAnalysisDraft,
  Indicator,
  IndicatorDraft,
  Measurement,
  MeasurementDraft,
  ObjectiveTree,
} from "./types";

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

async function typed<T>(pending: Promise<T>): Promise<Result<T>> {
  try {
    return { status: "ok", data: await pending };
  } catch (e) {
    if (e instanceof Error) throw e;
    return { status: "error", error: e as AppError };
  }
}

function run<T>(command: string, args: Record<string, unknown>): Promise<T> {
  return call(typed(invoke<T>(command, args)));
}

export const evaluationApi = {
  overview: (allianceId: string) => run<EvaluationOverview>("evaluation_overview", { allianceId }),
  objectives: (allianceId: string) => run<ObjectiveTree>("objectives_overview", { allianceId }),
  saveFrame: (allianceId: string, draft: EvaluationFrameDraft) =>
    run<{ draft: EvaluationFrameDraft }>("evaluation_frame_save", { allianceId, draft }),
  addIndicator: (allianceId: string, draft: IndicatorDraft) => run<Indicator>("indicator_add", { allianceId, draft }),
  updateIndicator: (id: string, draft: IndicatorDraft) => run<Indicator>("indicator_update", { id, draft }),
  deleteIndicator: (id: string) => run<null>("indicator_delete", { id }),
  addMeasurement: (allianceId: string, draft: MeasurementDraft) =>
    run<Measurement>("measurement_add", { allianceId, draft }),
  updateMeasurement: (id: string, draft: MeasurementDraft) => run<Measurement>("measurement_update", { id, draft }),
  deleteMeasurement: (id: string) => run<null>("measurement_delete", { id }),
  addGap: (allianceId: string, draft: GapAnalysisDraft) => run<GapAnalysis>("gap_analysis_add", { allianceId, draft }),
  updateGap: (id: string, draft: GapAnalysisDraft) => run<GapAnalysis>("gap_analysis_update", { id, draft }),
  deleteGap: (id: string) => run<null>("gap_analysis_delete", { id }),
};
