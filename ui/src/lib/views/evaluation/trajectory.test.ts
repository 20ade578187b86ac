// The target-vs-actual chart as data: the vault's combined series drawn as is, the option's series (dashed trajectory,
// distinct markers), and its words for screen readers.
import { describe, expect, it } from "vitest";
import { indicatorView, measurement } from "./fixture";
import { legendValues, SERIES, todayInside, trajectoryModel, trajectoryOption, trajectoryRows, trajectorySummary } from "./trajectory";

describe("the « Réalisé » line", () => {
  it("draws the vault's combined series, not the measurements as entered", () => {
    // A per-period indicator: the vault left out the December measurement (before the baseline date) and summed the
    // two of 28 February.
    const view = indicatorView(
      { aggregation: "per_period", baselineDate: "2026-01-01", unit: "ateliers" },
      [
        measurement("m0", "2025-12-15", 100),
        measurement("m1", "2026-01-31", 10),
        measurement("m2", "2026-02-28", 5),
        measurement("m3", "2026-02-28", 3),
      ],
      "i1",
      [
        { date: "2026-01-31", value: 10, count: 1 },
        { date: "2026-02-28", value: 18, count: 3 },
      ],
    );
    const model = trajectoryModel(view);
    const series = trajectoryOption(model).series as { name: string; data: unknown[] }[];
    expect(series.find((s) => s.name === SERIES.measured)?.data).toEqual([
      [Date.UTC(2026, 0, 31), 10],
      [Date.UTC(2026, 1, 28), 18],
    ]);
    expect(trajectorySummary(model)).toMatch(/3\u00a0mesures, la dernière le 28\/02\/2026\u00a0: 18\u202fateliers\.$/);
    // The table lists every measurement as entered, with the day's total; « — » for the one not counted.
    expect(trajectoryRows(model).map((r) => [r.date, r.what, r.value, r.combined])).toEqual([
      ["2025-12-15", "Mesure", "100\u202fateliers", "—"],
      ["2026-01-01", SERIES.baseline, expect.any(String), null],
      ["2026-01-31", "Mesure", "10\u202fateliers", "10\u202fateliers"],
      ["2026-02-28", "Mesure", "5\u202fateliers", "18\u202fateliers"],
      ["2026-02-28", "Mesure", "3\u202fateliers", "18\u202fateliers"],
      [expect.any(String), SERIES.target, expect.any(String), null],
    ]);
  });
});

describe("the points' labels", () => {
  type Labelled = { name: string; label?: { show?: boolean; position?: string; formatter?: unknown } };
  const labels = (view = indicatorView({ unit: "bénéficiaires", targetValue: 2000.75 })) =>
    Object.fromEntries((trajectoryOption(trajectoryModel(view)).series as Labelled[]).map((s) => [s.name, s.label]));

  it("keeps them inside the grid: the baseline's right of its square, the target's left of its triangle", () => {
    // Above the square, « Référence » covered the y axis's top value; right of the triangle, the target's ran out.
    // Decreasing from 100 000 to 85 000: the baseline is high (its label below it), the target low (above it).
    const down = labels(indicatorView({}));
    expect(down[SERIES.baseline]).toMatchObject({ show: true, formatter: "Référence", align: "left", verticalAlign: "top" });
    expect(down[SERIES.target]).toMatchObject({ show: true, formatter: "Cible", align: "right", verticalAlign: "bottom" });
    // Increasing: the baseline on the bottom edge has its label above it, off the first month's label.
    const up = labels(indicatorView({ baselineValue: 0, targetValue: 2000.75 }));
    expect(up[SERIES.baseline]).toMatchObject({ verticalAlign: "bottom", position: [18, 0] });
    expect(up[SERIES.target]).toMatchObject({ verticalAlign: "top", position: [-4, 14] });
  });

  it("puts the values in the legend, whatever the unit's length", () => {
    const model = trajectoryModel(indicatorView({ unit: "bénéficiaires", targetValue: 2000.75, targetDate: "2027-06-30" }));
    expect(legendValues(model).target).toBe("2\u202f000,75\u202fbénéficiaires au 30/06/2027");
    expect(legendValues(model).baseline).toMatch(/ au 01\/01\/2025$/);
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
    expect(byName[SERIES.measured]?.markLine).toMatchObject({ label: { show: false } });
    expect(todayInside(model, "2025-09-01")).toBe(true);
    const symbols = [SERIES.measured, SERIES.baseline, SERIES.target].map((n) => byName[n]?.symbol);
    expect(new Set(symbols).size).toBe(3);
    expect((option.xAxis as { type: string }).type).toBe("time");
    // The months kept below the y axis's lowest value (half a line, about 7 px, under the axis).
    expect((option.xAxis as { axisLabel: { margin: number } }).axisLabel.margin).toBeGreaterThanOrEqual(12);
  });

  it("leaves today's line out when it is outside the axis", () => {
    const series = trajectoryOption(model, "2030-01-01").series as { name: string; markLine?: unknown }[];
    expect(series.find((s) => s.name === SERIES.measured)?.markLine).toBeUndefined();
    expect(todayInside(model, "2030-01-01")).toBe(false);
  });

  it("says the chart in words and as a table, in French formats", () => {
    expect(trajectorySummary(model)).toBe(
      "De 100\u202f000\u202f€ le 01/01/2025 à une cible de 85\u202f000\u202f€ le 01/07/2026\u00a0; 2\u00a0mesures, la dernière le 01/01/2026\u00a0: 90\u202f000\u202f€.",
    );
    expect(trajectoryRows(model).map((r) => r.what)).toEqual([SERIES.baseline, "Mesure", "Mesure", SERIES.target]);
    expect(trajectorySummary(trajectoryModel(indicatorView()))).toMatch(/aucune mesure pour l’instant\.$/);
  });
});
