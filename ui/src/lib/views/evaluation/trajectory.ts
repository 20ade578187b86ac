// An indicator's « cible / réalisé » chart as data: the baseline, the vault's combined values (the « Réalisé »
// line), the target, and the linear trajectory from baseline to target; and the same in words and as a table for
// screen readers. Pure: `trajectoryOption` turns it into the ECharts option, TrajectoryChart only draws it.
//
// The running value at each date is not computed here: the vault sends it (`IndicatorView.series`, allia-core
// `evaluation::progress::combined_series`: the measurements combined the indicator's way up to each day, leaving out
// those before the baseline date or after today), so the chart, the status and the report agree.
import { escapeHtml } from "$lib/views/partenaires/register/charts/text";
import { dayTime, formatMonth, formatShortDate, formatNumber, withUnit } from "./numbers";
import type { TrajectoryOption } from "./echarts";
import type { IndicatorAggregation, IndicatorView } from "./types";

export interface TrajectoryPoint {
  date: string;
  value: number;
}

export interface CombinedPoint extends TrajectoryPoint {
  /** How many measurements the value combines (up to and including that day). */
  count: number;
}

export interface TrajectoryModel {
  name: string;
  unit: string;
  baseline: TrajectoryPoint;
  target: TrajectoryPoint;
  /** The vault's combined value after each day with counted measurements, in date order. */
  measured: CombinedPoint[];
  /** Every measurement as entered, by date (the table's rows), counted or not. */
  entered: { date: string; value: number | null }[];
  /** Whether the running value differs from the value measured (per period, rate, average). */
  combined: boolean;
  /** What the running value is called in the table (« Total à cette date »…), when `combined`. */
  combinedLabel: string;
}

const COMBINED_LABELS: Record<IndicatorAggregation, string> = {
  cumulative: "Valeur",
  per_period: "Total à cette date",
  rate: "Taux à cette date",
  average: "Moyenne à cette date",
};

const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export function trajectoryModel(view: IndicatorView): TrajectoryModel {
  const d = view.indicator.draft;
  return {
    name: d.name,
    unit: d.unit,
    baseline: { date: d.baselineDate, value: d.baselineValue ?? 0 },
    target: { date: d.targetDate, value: d.targetValue ?? 0 },
    // `series` may be missing from an older answer: nothing drawn rather than a failure.
    measured: (view.series ?? []).flatMap((p) => (p.value === null ? [] : [{ date: p.date, value: p.value, count: p.count }])),
    entered: view.measurements.map((m) => ({ date: m.draft.date, value: m.draft.value })).sort(byDate),
    combined: d.aggregation !== "cumulative",
    combinedLabel: COMBINED_LABELS[d.aggregation],
  };
}

/** The series' names, in the legend and the table. */
export const SERIES = {
  trajectory: "Trajectoire prévue",
  measured: "Réalisé",
  baseline: "Valeur de référence",
  target: "Cible",
} as const;

/** Drawn in grey and dark blue with distinct shapes and patterns, so it reads printed in black and white. */
const INK = "#1f3a5f";
const GREY = "#6b7280";
/** The points' labels: a white halo keeps them readable over the lines and the grid. */
const LABEL = { color: INK, textBorderColor: "#ffffff", textBorderWidth: 3 } as const;

/** One sentence for screen readers, next to the chart. */
export function trajectorySummary(model: TrajectoryModel): string {
  const { baseline, target, measured, unit } = model;
  const start = `De ${withUnit(baseline.value, unit)} le ${formatShortDate(baseline.date)} à une cible de ${withUnit(target.value, unit)} le ${formatShortDate(target.date)}`;
  const last = measured.at(-1);
  if (last === undefined) return `${start}\u00a0; aucune mesure pour l’instant.`;
  const count = last.count === 1 ? "1\u00a0mesure" : `${last.count}\u00a0mesures`;
  return `${start}\u00a0; ${count}, la dernière le ${formatShortDate(last.date)}\u00a0: ${withUnit(last.value, unit)}.`;
}

function tooltipLine(label: string, point: { date: string; value: number }, unit: string): string {
  return `${escapeHtml(label)}<br/>${formatShortDate(point.date)}\u00a0: ${escapeHtml(withUnit(point.value, unit))}`;
}

/**
 * Where a point's label goes, so that it stays inside the grid whatever the point's place: beside it towards the
 * inside (the baseline is on the left edge, its label to the right; the target usually on the right edge, its label
 * to the left), and below it when the point is in the upper half of the values, above it otherwise. Beside the
 * point at mid-height, a label on the top or bottom edge would reach the axis's values (« Référence » over the top
 * y value, over the first month). The offsets are from the top left of the marker's box, in pixels.
 */
export function labelPlace(side: "left" | "right", upper: boolean) {
  return {
    position: [side === "right" ? 18 : -4, upper ? 14 : 0] as [number, number],
    align: side === "right" ? ("left" as const) : ("right" as const),
    verticalAlign: upper ? ("top" as const) : ("bottom" as const),
  };
}

/** Whether `today` falls inside the time axis (its line is drawn then, and named in the legend). */
export function todayInside(model: TrajectoryModel, today: string | null): boolean {
  if (today === null) return false;
  const times = [model.baseline, model.target, ...model.measured].map((p) => dayTime(p.date));
  const t = dayTime(today);
  return t >= Math.min(...times) && t <= Math.max(...times);
}

/** The ECharts option; `today` draws a vertical « Aujourd’hui » line when it falls inside the axis. */
export function trajectoryOption(model: TrajectoryModel, today: string | null = null): TrajectoryOption {
  const { unit } = model;
  const pair = (p: TrajectoryPoint) => [dayTime(p.date), p.value];
  const times = [model.baseline, model.target, ...model.measured].map((p) => dayTime(p.date));
  const first = Math.min(...times);
  const lastTime = Math.max(...times);
  const todayTime = today ? dayTime(today) : null;
  const values = [model.baseline, model.target, ...model.measured].map((p) => p.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  /** Whether a value is in the upper half of those drawn. */
  const high = (value: number) => hi > lo && value - lo > (hi - lo) / 2;
  return {
    animation: false,
    grid: { left: 64, right: 40, top: 40, bottom: 44, containLabel: false },
    tooltip: { trigger: "item", confine: true },
    xAxis: {
      type: "time",
      min: first,
      max: lastTime,
      // Further below the axis than ECharts' 8 px: a month on the axis's left end would otherwise reach the y axis's
      // lowest value, centred on the axis line.
      axisLabel: { formatter: (value: number) => formatMonth(value), hideOverlap: true, margin: 14 },
      splitLine: { show: true, lineStyle: { color: "#e5e7eb" } },
    },
    yAxis: {
      type: "value",
      scale: true,
      name: unit,
      axisLabel: { formatter: (value: number) => formatNumber(value) },
      splitLine: { lineStyle: { color: "#e5e7eb" } },
    },
    series: [
      {
        type: "line",
        name: SERIES.measured,
        data: model.measured.map(pair),
        symbol: "circle",
        symbolSize: 7,
        showAllSymbol: "auto",
        lineStyle: { type: "solid", width: 2.5, color: INK },
        itemStyle: { color: INK },
        tooltip: {
          formatter: (params: unknown) => {
            const p = model.measured[(params as { dataIndex: number }).dataIndex];
            if (p === undefined) return "";
            const combined = model.combined ? `<br/>${p.count === 1 ? "1\u00a0mesure" : `${p.count}\u00a0mesures`} combinées` : "";
            return tooltipLine(SERIES.measured, p, unit) + combined;
          },
        },
        ...(todayTime !== null && todayInside(model, today)
          ? {
              markLine: {
                symbol: "none",
                silent: true,
                lineStyle: { type: "dotted", color: GREY, width: 1 },
                // Named in the legend, not on the chart: next to the baseline or the target, its word covered theirs.
                label: { show: false },
                data: [{ xAxis: todayTime }],
              },
            }
          : {}),
      },
      {
        type: "line",
        name: SERIES.trajectory,
        data: [pair(model.baseline), pair(model.target)],
        symbol: "none",
        lineStyle: { type: [8, 6], width: 2, color: GREY },
        itemStyle: { color: GREY },
        silent: true,
        tooltip: { show: false },
      },
      {
        type: "scatter",
        name: SERIES.baseline,
        data: [pair(model.baseline)],
        symbol: "rect",
        symbolSize: 12,
        itemStyle: { color: "#ffffff", borderColor: INK, borderWidth: 2 },
        label: { show: true, formatter: "Référence", ...LABEL, ...labelPlace("right", high(model.baseline.value)) },
        tooltip: { formatter: () => tooltipLine(SERIES.baseline, model.baseline, unit) },
        z: 3,
      },
      {
        type: "scatter",
        name: SERIES.target,
        data: [pair(model.target)],
        symbol: "triangle",
        symbolSize: 16,
        itemStyle: { color: INK },
        // The word only: the value, with a long unit, would run out of the chart; it is in the legend.
        label: { show: true, formatter: "Cible", ...LABEL, fontWeight: "bold", ...labelPlace("left", high(model.target.value)) },
        tooltip: { formatter: () => tooltipLine(SERIES.target, model.target, unit) },
        z: 3,
      },
    ],
  };
}

/** The rows of the table alternative: the baseline, each measurement as entered (with the vault's combined value
 * that day, « — » for one not counted), the target, by date. */
export function trajectoryRows(model: TrajectoryModel): { date: string; what: string; value: string; combined: string | null }[] {
  const { unit } = model;
  const combinedOn = new Map(model.measured.map((p) => [p.date, p.value]));
  const rows = [
    { date: model.baseline.date, what: SERIES.baseline, value: withUnit(model.baseline.value, unit), combined: null },
    ...model.entered.map((p) => {
      const combined = combinedOn.get(p.date);
      return {
        date: p.date,
        what: "Mesure",
        value: p.value === null ? "—" : withUnit(p.value, unit),
        combined: model.combined ? (combined === undefined ? "—" : withUnit(combined, unit)) : null,
      };
    }),
    { date: model.target.date, what: SERIES.target, value: withUnit(model.target.value, unit), combined: null },
  ];
  return rows.sort(byDate);
}

/** The legend's words for the baseline and the target, with their value and date (the chart labels them by name). */
export function legendValues(model: TrajectoryModel): { baseline: string; target: string } {
  const at = (p: TrajectoryPoint) => `${withUnit(p.value, model.unit)} au ${formatShortDate(p.date)}`;
  return { baseline: at(model.baseline), target: at(model.target) };
}
