// An indicator's « cible / réalisé » chart as data: the baseline, the measurements combined the indicator's way up to
// each date, the target, and the linear trajectory from baseline to target; and the same in words and as a table
// for screen readers. Pure: `trajectoryOption` turns it into the ECharts option, TrajectoryChart only draws it.
//
// The running value at each measurement combines the measurements up to it by the indicator's aggregation, as
// allia-core `evaluation/progress.rs` does for the latest one (cumulative: the latest; per period: the sum; a rate:
// the numerators' sum over the denominators'; an average: the mean): the last point is the vault's current value.
import { escapeHtml } from "$lib/views/partenaires/register/charts/text";
import { dayTime, formatMonth, formatShortDate, formatNumber, withUnit } from "./numbers";
import type { TrajectoryOption } from "./echarts";
import type { IndicatorAggregation, IndicatorView } from "./types";

export interface TrajectoryPoint {
  date: string;
  value: number;
}

export interface MeasuredPoint extends TrajectoryPoint {
  /** The value measured that day (for a per-period indicator, the period's), before combining. */
  measured: number;
}

export interface TrajectoryModel {
  name: string;
  unit: string;
  baseline: TrajectoryPoint;
  target: TrajectoryPoint;
  measured: MeasuredPoint[];
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

/** The measurements combined up to each one, in date order. */
export function runningValues(
  aggregation: IndicatorAggregation,
  measurements: { date: string; value: number | null; numerator?: number | null; denominator?: number | null }[],
): MeasuredPoint[] {
  const sorted = [...measurements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let sum = 0;
  let num = 0;
  let den = 0;
  return sorted.map((m, i) => {
    const measured = m.value ?? 0;
    sum += measured;
    num += m.numerator ?? 0;
    den += m.denominator ?? 0;
    let value: number;
    switch (aggregation) {
      case "per_period":
        value = sum;
        break;
      case "rate":
        value = den > 0 ? (100 * num) / den : measured;
        break;
      case "average":
        value = sum / (i + 1);
        break;
      default:
        value = measured;
    }
    return { date: m.date, value, measured };
  });
}

export function trajectoryModel(view: IndicatorView): TrajectoryModel {
  const d = view.indicator.draft;
  return {
    name: d.name,
    unit: d.unit,
    baseline: { date: d.baselineDate, value: d.baselineValue ?? 0 },
    target: { date: d.targetDate, value: d.targetValue ?? 0 },
    measured: runningValues(
      d.aggregation,
      view.measurements.map((m) => m.draft),
    ),
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

/** One sentence for screen readers, next to the chart. */
export function trajectorySummary(model: TrajectoryModel): string {
  const { baseline, target, measured, unit } = model;
  const start = `De ${withUnit(baseline.value, unit)} le ${formatShortDate(baseline.date)} à une cible de ${withUnit(target.value, unit)} le ${formatShortDate(target.date)}`;
  const last = measured.at(-1);
  if (last === undefined) return `${start}\u00a0; aucune mesure pour l’instant.`;
  const count = measured.length === 1 ? "1\u00a0mesure" : `${measured.length}\u00a0mesures`;
  return `${start}\u00a0; ${count}, la dernière le ${formatShortDate(last.date)}\u00a0: ${withUnit(last.value, unit)}.`;
}

function tooltipLine(label: string, point: { date: string; value: number }, unit: string): string {
  return `${escapeHtml(label)}<br/>${formatShortDate(point.date)}\u00a0: ${escapeHtml(withUnit(point.value, unit))}`;
}

/** The ECharts option; `today` draws a vertical « Aujourd’hui » line when it falls inside the axis. */
export function trajectoryOption(model: TrajectoryModel, today: string | null = null): TrajectoryOption {
  const { unit } = model;
  const pair = (p: TrajectoryPoint) => [dayTime(p.date), p.value];
  const times = [model.baseline, model.target, ...model.measured].map((p) => dayTime(p.date));
  const first = Math.min(...times);
  const lastTime = Math.max(...times);
  const todayTime = today ? dayTime(today) : null;
  return {
    animation: false,
    grid: { left: 64, right: 40, top: 40, bottom: 40, containLabel: false },
    tooltip: { trigger: "item", confine: true },
    xAxis: {
      type: "time",
      min: first,
      max: lastTime,
      axisLabel: { formatter: (value: number) => formatMonth(value), hideOverlap: true },
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
            const combined = model.combined ? `<br/>Mesuré ce jour-là\u00a0: ${escapeHtml(withUnit(p.measured, unit))}` : "";
            return tooltipLine(SERIES.measured, p, unit) + combined;
          },
        },
        ...(todayTime !== null && todayTime >= first && todayTime <= lastTime
          ? {
              markLine: {
                symbol: "none",
                silent: true,
                lineStyle: { type: "dotted", color: GREY, width: 1 },
                label: { formatter: "Aujourd’hui", position: "insideStartTop", color: GREY },
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
        label: { show: true, position: "top", formatter: "Référence", color: INK },
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
        label: {
          show: true,
          position: "top",
          formatter: `Cible\u00a0: ${withUnit(model.target.value, unit)}`,
          color: INK,
          fontWeight: "bold",
        },
        tooltip: { formatter: () => tooltipLine(SERIES.target, model.target, unit) },
        z: 3,
      },
    ],
  };
}

/** The rows of the table alternative: the baseline, each measurement, the target, by date. */
export function trajectoryRows(model: TrajectoryModel): { date: string; what: string; value: string; combined: string | null }[] {
  const { unit } = model;
  const rows = [
    { date: model.baseline.date, what: SERIES.baseline, value: withUnit(model.baseline.value, unit), combined: null },
    ...model.measured.map((p) => ({
      date: p.date,
      what: "Mesure",
      value: withUnit(p.measured, unit),
      combined: model.combined ? withUnit(p.value, unit) : null,
    })),
    { date: model.target.date, what: SERIES.target, value: withUnit(model.target.value, unit), combined: null },
  ];
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
