// The target-vs-actual chart as data: running values by aggregation, the option's series (dashed trajectory,
// distinct markers), and its words for screen readers.
import { describe, expect, it } from "vitest";
import { indicatorView, measurement } from "./fixture";
import { runningValues, SERIES, trajectoryModel, trajectoryOption, trajectoryRows, trajectorySummary } from "./trajectory";

const m = (date: string, value: number, numerator: number | null = null, denominator: number | null = null) => ({
  date,
  value,
  numerator,
  denominator,
});

describe("running values", () => {
  it("keeps the latest for a cumulative indicator, sums per period, pools a rate's terms, averages", () => {
    const values = [m("2026-02-01", 10, 1, 10), m("2026-01-01", 50, 5, 10)];
    expect(runningValues("cumulative", values).map((p) => p.value)).toEqual([50, 10]);
    expect(runningValues("per_period", values).map((p) => p.value)).toEqual([50, 60]);
    // 6 out of 20, not the mean of 50 % and 10 %.
    expect(runningValues("rate", values).map((p) => p.value)).toEqual([50, 30]);
    expect(runningValues("average", values).map((p) => p.value)).toEqual([50, 30]);
    expect(runningValues("per_period", values).map((p) => p.measured)).toEqual([50, 10]);
  });
});

describe("trajectory option", () => {
  const view = indicatorView({}, [measurement("m1", "2025-06-01", 95000), measurement("m2", "2026-01-01", 90000)]);
  const model = trajectoryModel(view);

  it("draws the trajectory dashed from baseline to target, the measurements solid, distinct markers", () => {
    const option = trajectoryOption(model, "2025-09-01");
    const series = option.series as { name: string; type: string; symbol?: string; lineStyle?: { type: unknown }; data: unknown[]; markLine?: unknown }[];
    const byName = Object.fromEntries(series.map((s) => [s.name, s]));
    expect(byName[SERIES.trajectory]?.lineStyle?.type).toEqual([8, 6]);
    expect(byName[SERIES.trajectory]?.data).toEqual([
      [Date.UTC(2025, 0, 1), 100000],
      [Date.UTC(2026, 6, 1), 85000],
    ]);
    expect(byName[SERIES.measured]?.lineStyle?.type).toBe("solid");
    expect(byName[SERIES.measured]?.data).toHaveLength(2);
    expect(byName[SERIES.measured]?.markLine).toBeDefined();
    const symbols = [SERIES.measured, SERIES.baseline, SERIES.target].map((n) => byName[n]?.symbol);
    expect(new Set(symbols).size).toBe(3);
    expect((option.xAxis as { type: string }).type).toBe("time");
  });

  it("leaves today's line out when it is outside the axis", () => {
    const series = trajectoryOption(model, "2030-01-01").series as { name: string; markLine?: unknown }[];
    expect(series.find((s) => s.name === SERIES.measured)?.markLine).toBeUndefined();
  });

  it("says the chart in words and as a table, in French formats", () => {
    expect(trajectorySummary(model)).toBe(
      "De 100\u202f000\u202f€ le 01/01/2025 à une cible de 85\u202f000\u202f€ le 01/07/2026\u00a0; 2\u00a0mesures, la dernière le 01/01/2026\u00a0: 90\u202f000\u202f€.",
    );
    expect(trajectoryRows(model).map((r) => r.what)).toEqual([SERIES.baseline, "Mesure", "Mesure", SERIES.target]);
    expect(trajectorySummary(trajectoryModel(indicatorView()))).toMatch(/aucune mesure pour l’instant\.$/);
  });
});
