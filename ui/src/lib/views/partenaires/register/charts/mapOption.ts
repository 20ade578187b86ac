// The actors' map (guide step 3, « Cartographier les acteurs du territoire »; issue 11 item 3): the ECharts
// option that places the actors by interest (x) × influence (y) on 1–5 scales in the four quadrants of
// allia-core's `MapQuadrant`, shape and colour by category, size by nuisance power; and the text that says
// the same for screen readers. Pure: the component only hands the option to ECharts.
import type { MapQuadrant } from "$lib/api/bindings";
import { NBSP, plural } from "$lib/format";
import type { ChartOption, ScatterSeriesOption } from "./echarts";
import {
  categoryKey,
  categoryKeys,
  categoryLabel,
  inSentence,
  isPlaced,
  shownActors,
  type ActorChartModel,
  type CategoryKey,
  type ChartActor,
  type ChartFilters,
} from "./model";
import { CATEGORY_COLOURS, echartsSymbol, MARKER_OUTLINE } from "./palette";
import { escapeHtml } from "./text";

/**
 * Where the dividing lines are drawn, in level units: between the last weak level (2) and the first strong
 * one (3). allia-core `QUADRANT_DIVIDER` (actors/map.rs; `STRONG_FROM` = 3), pinned by mapOption.test.ts.
 */
export const QUADRANT_DIVIDER = 2.5;
/** The axes run half a level beyond 1 and 5, so that no point sits on the frame… */
export const AXIS_MIN = 0.5;
export const AXIS_MAX = 5.5;
/** …and the y axis leaves a band above 5.5 and below 0.5 for the quadrants' names, clear of the points. */
export const Y_AXIS_MIN = 0;
export const Y_AXIS_MAX = 6;

/** The plot's margins in px inside the chart's box (tests/e2e/charts.test.mjs clicks a point from them). */
export const MAP_GRID = { left: 56, right: 24, top: 16, bottom: 52 };

/** Each quadrant's box, [x from, x to] × [y from, y to] (x interest, y influence), and where its name goes. */
export const QUADRANT_BOXES: Record<
  MapQuadrant,
  { x: [number, number]; y: [number, number]; labelAt: "insideTop" | "insideBottom"; tint: string }
> = {
  // Strong influence, strong interest: top right.
  associate_closely: { x: [QUADRANT_DIVIDER, AXIS_MAX], y: [QUADRANT_DIVIDER, Y_AXIS_MAX], labelAt: "insideTop", tint: "#dcebef" },
  // Strong influence, weak interest: top left.
  keep_satisfied: { x: [AXIS_MIN, QUADRANT_DIVIDER], y: [QUADRANT_DIVIDER, Y_AXIS_MAX], labelAt: "insideTop", tint: "#fdf3dc" },
  // Weak influence, strong interest: bottom right.
  keep_informed: { x: [QUADRANT_DIVIDER, AXIS_MAX], y: [Y_AXIS_MIN, QUADRANT_DIVIDER], labelAt: "insideBottom", tint: "#e5f3ea" },
  // Weak influence, weak interest: bottom left.
  monitor: { x: [AXIS_MIN, QUADRANT_DIVIDER], y: [Y_AXIS_MIN, QUADRANT_DIVIDER], labelAt: "insideBottom", tint: "#f0efea" },
};

/** A marker's diameter in px by nuisance power: 1 → 12 … 5 → 32; 10 when not assessed. */
export function nuisanceSize(nuisance: number | null): number {
  if (nuisance === null) return 10;
  return 12 + (Math.min(Math.max(nuisance, 1), 5) - 1) * 5;
}

/** The golden angle, which spreads the points of one cell evenly on a sunflower. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** The farthest a point moves from its cell's centre, in level units: well inside its quadrant. */
const SPREAD_MAX = 0.38;

/**
 * Where each placed actor is drawn: its (interest, influence) cell, moved a little when it shares the cell
 * with others so that every actor stays visible and can be hovered and clicked. Deterministic: the actors
 * of a cell are spread in the order of their ids.
 */
export function placements(actors: ChartActor[]): Map<string, { x: number; y: number; sharing: number }> {
  const cells = new Map<string, (ChartActor & { influence: number; interest: number })[]>();
  for (const actor of actors) {
    if (!isPlaced(actor)) continue;
    const key = `${actor.interest}:${actor.influence}`;
    const cell = cells.get(key) ?? [];
    cell.push(actor);
    cells.set(key, cell);
  }
  const placed = new Map<string, { x: number; y: number; sharing: number }>();
  for (const cell of cells.values()) {
    cell.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const n = cell.length;
    const radius = n === 1 ? 0 : Math.min(SPREAD_MAX, 0.12 * Math.sqrt(n));
    cell.forEach((actor, i) => {
      const r = radius * Math.sqrt((i + 0.5) / n);
      const angle = i * GOLDEN_ANGLE;
      placed.set(actor.id, {
        x: actor.interest + r * Math.cos(angle),
        y: actor.influence + r * Math.sin(angle),
        sharing: n,
      });
    });
  }
  return placed;
}

/** The actors shown by the filters but not placed yet (influence or interest unknown): « À placer sur la carte ». */
export function unplacedActors(model: ActorChartModel, filters: ChartFilters): ChartActor[] {
  return shownActors(model.actors, filters)
    .filter((a) => !isPlaced(a))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

/** What a point carries: the actor's id (what a click opens), name and drawn position. */
export interface MapPoint {
  id: string;
  name: string;
  value: [number, number];
  symbolSize: number;
  /** Names of the right-hand column go on the left of their point, inside the chart. */
  label?: { position: "left" };
}

/** The map's option for the actors the filters let through. */
export function buildMapOption(model: ActorChartModel, filters: ChartFilters): ChartOption {
  const { labels } = model;
  const shown = shownActors(model.actors, filters).filter(isPlaced);
  const where = placements(shown);
  const byId = new Map(shown.map((a) => [a.id, a]));

  // One series per category; the legend of shapes is the filters' list (HTML, with the same markers).
  const series: ScatterSeriesOption[] = [quadrantSeries(model)];
  for (const { key, label } of categoryKeys(model)) {
    const actors = shown.filter((a) => categoryKey(a) === key);
    if (actors.length > 0) series.push(categorySeries(key, label, actors, where, shown.length <= NAMED_UP_TO));
  }

  return {
    animation: false,
    aria: { enabled: false },
    grid: { ...MAP_GRID, containLabel: false },
    xAxis: {
      type: "value",
      name: labels.interest,
      nameLocation: "middle",
      nameGap: 28,
      min: AXIS_MIN,
      max: AXIS_MAX,
      interval: 0.5,
      axisLabel: { formatter: levelTick },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLine: { onZero: false, lineStyle: { color: "#6b7478" } },
    },
    yAxis: {
      type: "value",
      name: labels.influence,
      nameLocation: "middle",
      nameGap: 32,
      min: Y_AXIS_MIN,
      max: Y_AXIS_MAX,
      interval: 0.5,
      axisLabel: { formatter: levelTick },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLine: { onZero: false, lineStyle: { color: "#6b7478" } },
    },
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (params: unknown) => {
        const id = (params as { data?: { id?: string } }).data?.id;
        const actor = id === undefined ? undefined : byId.get(id);
        return actor === undefined ? "" : mapTooltip(model, actor, where.get(actor.id)?.sharing ?? 1);
      },
    },
    series,
  };
}

/** Axis ticks: the levels 1 to 5 only (the half steps and the labels' bands stay unnamed). */
function levelTick(value: number): string {
  return Number.isInteger(value) && value >= 1 && value <= 5 ? String(value) : "";
}

/** The quadrants' tinted areas with their names, and the two dividing lines, on an empty series of their own. */
function quadrantSeries(model: ActorChartModel): ScatterSeriesOption {
  const quadrants = model.labels.quadrants;
  return {
    type: "scatter",
    id: "quadrants",
    name: "",
    silent: true,
    data: [],
    markArea: {
      silent: true,
      data: quadrants.map((q) => {
        const box = QUADRANT_BOXES[q.value];
        return [
          {
            name: q.label,
            coord: [box.x[0], box.y[0]],
            itemStyle: { color: box.tint },
            label: {
              show: true,
              position: box.labelAt,
              distance: 6,
              color: "#1b1b1b",
              fontWeight: "bold",
              fontSize: 13,
            },
          },
          { coord: [box.x[1], box.y[1]] },
        ];
      }),
    },
    markLine: {
      silent: true,
      symbol: "none",
      label: { show: false },
      lineStyle: { color: "#6b7478", type: "solid", width: 1 },
      data: [{ xAxis: QUADRANT_DIVIDER }, { yAxis: QUADRANT_DIVIDER }],
    },
  };
}

/** Above this many placed actors, names show on hover only: they would cover the points. */
export const NAMED_UP_TO = 40;
/** A point shared by more actors than this draws them smaller, so the crowd stays readable. */
const CROWDED_FROM = 8;

function categorySeries(
  key: CategoryKey,
  label: string,
  actors: ChartActor[],
  where: Map<string, { x: number; y: number; sharing: number }>,
  named: boolean,
): ScatterSeriesOption {
  const data: MapPoint[] = actors.map((actor) => {
    const at = where.get(actor.id) ?? { x: 0, y: 0, sharing: 1 };
    const size = nuisanceSize(actor.nuisance) * (at.sharing > CROWDED_FROM ? 0.7 : 1);
    const point: MapPoint = { id: actor.id, name: actor.name, value: [at.x, at.y], symbolSize: size };
    if (at.x >= 4.5) point.label = { position: "left" };
    return point;
  });
  return {
    type: "scatter",
    id: `category-${key}`,
    name: label,
    symbol: echartsSymbol(key),
    itemStyle: { color: CATEGORY_COLOURS[key], borderColor: MARKER_OUTLINE, borderWidth: 1, opacity: 0.92 },
    emphasis: { scale: 1.25, itemStyle: { borderWidth: 2 }, label: { show: true } },
    // Long names are cut with « … » (the tooltip gives them whole), so that more of them fit side by side.
    label: {
      show: named,
      position: "right",
      formatter: "{b}",
      color: "#1b1b1b",
      fontSize: 11,
      width: 150,
      overflow: "truncate",
      ellipsis: "…",
    },
    labelLayout: { hideOverlap: true },
    cursor: "pointer",
    data,
  };
}

/** The tooltip of one actor: name, category, status, levels, and how many share its point. HTML, escaped. */
export function mapTooltip(model: ActorChartModel, actor: ChartActor, sharing: number): string {
  const { labels } = model;
  const status = labels.statuses.find((s) => s.value === actor.status)?.label ?? actor.status;
  const quadrant = labels.quadrants.find((q) => q.value === actor.quadrant)?.label;
  const level = (value: number | null) => (value === null ? "non évalué" : `${value}${NBSP}/${NBSP}5`);
  const lines = [
    `<strong>${escapeHtml(actor.name)}</strong>`,
    escapeHtml(`${categoryLabel(labels, categoryKey(actor))} · ${status}`),
    escapeHtml(`${labels.influence}${NBSP}: ${level(actor.influence)}`),
    escapeHtml(`${labels.interest}${NBSP}: ${level(actor.interest)}`),
    escapeHtml(`${labels.nuisance}${NBSP}: ${level(actor.nuisance)}`),
  ];
  if (quadrant !== undefined) lines.push(escapeHtml(`Quadrant${NBSP}: ${inSentence(quadrant)}`));
  if (sharing > 1) lines.push(escapeHtml(`${sharing} acteurs ont ces niveaux.`));
  return lines.join("<br>");
}

/**
 * The map in words, for screen readers (aria-describedby) and everyone: « 17 acteurs placés : 5 à associer
 * étroitement, 4 à satisfaire, 6 à informer, 2 à surveiller. 3 acteurs à placer. 2 acteurs masqués par les
 * filtres. »
 */
export function mapSummary(model: ActorChartModel, filters: ChartFilters): string {
  const shown = shownActors(model.actors, filters);
  const placed = shown.filter(isPlaced);
  const sentences: string[] = [];
  if (placed.length === 0) {
    sentences.push("Aucun acteur placé sur la carte.");
  } else {
    const parts = model.labels.quadrants.map((q) => {
      const count = placed.filter((a) => a.quadrant === q.value).length;
      return `${count} à ${inSentence(q.label)}`;
    });
    sentences.push(`${plural(placed.length, "acteur placé", "acteurs placés")}${NBSP}: ${parts.join(", ")}.`);
  }
  const unplaced = shown.length - placed.length;
  if (unplaced > 0) sentences.push(`${plural(unplaced, "acteur")} à placer.`);
  const hidden = model.actors.length - shown.length;
  if (hidden > 0) sentences.push(`${plural(hidden, "acteur masqué", "acteurs masqués")} par les filtres.`);
  return sentences.join(" ");
}
