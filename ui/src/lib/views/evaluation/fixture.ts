// Test data of the evaluation: an indicator view as the vault returns it, and objectives.
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

export function indicatorView(over: Partial<IndicatorDraft> = {}, measurements: Measurement[] = [], id = "i1"): IndicatorView {
  const last = measurements.at(-1);
  return {
    indicator: { id, allianceId: "a1", position: 0, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", draft: indicatorDraft(over) },
    measurements,
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
