// The actors' network (guide step 3: « ses interactions possibles avec les autres membres de l’alliance »;
// issue 11 item 3): the ECharts graph of the interactions, nodes shaped and coloured by category, links
// coloured and patterned by kind with an arrow from the actor the sentence starts with (none for the kinds
// that read the same both ways); and the text that says the same for screen readers. Pure.
import type { InteractionKind } from "$lib/api/bindings";
import { NBSP, plural, quote } from "$lib/format";
import type { ChartOption, GraphSeriesOption, LinesSeriesOption, ScatterSeriesOption } from "./echarts";
import { forceLayout, LARGE_LAYOUT_ITERATIONS, LAYOUT_ITERATIONS, layoutSpacing, type Point } from "./layout";
import {
  categoryKey,
  categoryKeys,
  categoryLabel,
  shownActors,
  type ActorChartModel,
  type CategoryKey,
  type ChartActor,
  type ChartFilters,
  type ChartLink,
} from "./model";
import { CATEGORY_COLOURS, echartsSymbol, KIND_STYLES, MARKER_OUTLINE } from "./palette";
import { escapeHtml } from "./text";

/**
 * Above this many nodes or links the network is laid out once by `forceLayout` (bounded iterations) and
 * drawn still, without animation (`largeSeries`); below, ECharts' graph with its force layout starts from
 * those positions and keeps running while a node is dragged. Measured: docs/benchmarks.md.
 */
export const LARGE_NETWORK = { nodes: 80, links: 200 };

/** ECharts' repulsion per squared layout spacing that keeps the force's picture about the computed layout's size. */
const FORCE_REPULSION = 0.018;

/** What the network draws after the filters: the links between shown actors, and the actors they touch. */
export interface NetworkData {
  nodes: ChartActor[];
  links: ChartLink[];
  /** Shown actors with no link to another shown actor: not drawn, counted in the summary. */
  isolated: number;
  /** Actors hidden by the filters. */
  hidden: number;
}

export function networkData(model: ActorChartModel, filters: ChartFilters): NetworkData {
  const shown = shownActors(model.actors, filters);
  const visible = new Set(shown.map((a) => a.id));
  const links = model.links.filter((l) => l.from !== l.to && visible.has(l.from) && visible.has(l.to));
  const linked = new Set(links.flatMap((l) => [l.from, l.to]));
  const nodes = shown.filter((a) => linked.has(a.id));
  return { nodes, links, isolated: shown.length - nodes.length, hidden: model.actors.length - shown.length };
}

/** The last layouts computed, by the actors and links they placed: reopening « Réseau » or toggling a filter
 * back draws the same picture at once, without computing it again. */
const layouts = new Map<string, Point[]>();
const LAYOUTS_KEPT = 8;

function cachedLayout(data: NetworkData, index: Map<string, number>): Point[] {
  const key = `${data.nodes.map((a) => a.id).join(",")}|${data.links.map((l) => `${l.from}>${l.to}`).join(",")}`;
  const known = layouts.get(key);
  if (known !== undefined) return known;
  const computed = forceLayout(
    data.nodes.map((a) => a.id),
    data.links.map((l) => [index.get(l.from) ?? 0, index.get(l.to) ?? 0]),
    isLarge(data) ? LARGE_LAYOUT_ITERATIONS : LAYOUT_ITERATIONS,
  );
  if (layouts.size >= LAYOUTS_KEPT) {
    const oldest = layouts.keys().next().value;
    if (oldest !== undefined) layouts.delete(oldest);
  }
  layouts.set(key, computed);
  return computed;
}

/** Whether a network this size is drawn still (see `LARGE_NETWORK`). */
export function isLarge(data: { nodes: unknown[]; links: unknown[] }): boolean {
  return data.nodes.length > LARGE_NETWORK.nodes || data.links.length > LARGE_NETWORK.links;
}

/** A node's diameter in px: larger for actors with more links, 12 to 26. */
export function degreeSize(degree: number): number {
  return 12 + Math.min(degree, 14);
}

/** The verb phrase of a kind, in lower case (allia-core `InteractionKind::verb_phrase`: its label lower-cased). */
export function verbPhrase(model: ActorChartModel, kind: InteractionKind): string {
  return (model.labels.kinds.find((k) => k.value === kind)?.label ?? kind).toLocaleLowerCase("fr-FR");
}

/** The legend of the links: one entry per kind, with its colour, pattern and whether it has an arrow. */
export function kindLegend(model: ActorChartModel): {
  kind: InteractionKind;
  label: string;
  colour: string;
  pattern: "solid" | number[];
  arrow: boolean;
}[] {
  return model.labels.kinds.map((k) => ({
    kind: k.value,
    label: k.label,
    colour: KIND_STYLES[k.value].colour,
    pattern: KIND_STYLES[k.value].pattern,
    arrow: !model.labels.symmetricKinds.includes(k.value),
  }));
}

/** The network's option. `positions` may be given to reuse a layout (tests, or the same data drawn again). */
export function buildNetworkOption(
  model: ActorChartModel,
  filters: ChartFilters,
  positions?: Point[],
): ChartOption {
  const data = networkData(model, filters);
  const large = isLarge(data);
  const index = new Map(data.nodes.map((a, i) => [a.id, i]));
  const at = positions ?? cachedLayout(data, index);
  const spacing = layoutSpacing(data.nodes.length);
  const degree = new Map<string, number>();
  for (const l of data.links) {
    degree.set(l.from, (degree.get(l.from) ?? 0) + 1);
    degree.set(l.to, (degree.get(l.to) ?? 0) + 1);
  }

  const keys = categoryKeys(model).filter(({ key }) => data.nodes.some((a) => categoryKey(a) === key));
  const byId = new Map(data.nodes.map((a) => [a.id, a]));
  const linkById = new Map(data.links.map((l) => [l.id, l]));
  const tooltip = {
    trigger: "item" as const,
    confine: true,
    formatter: (params: unknown) => {
      const p = params as { dataType?: string; data?: { id?: string } };
      const id = p.data?.id;
      if (id === undefined) return "";
      if (p.dataType === "edge") {
        const link = linkById.get(id);
        return link === undefined ? "" : linkTooltip(model, link, byId);
      }
      const actor = byId.get(id);
      return actor === undefined ? "" : nodeTooltip(model, actor, degree.get(id) ?? 0);
    },
  };
  const base = { aria: { enabled: false }, tooltip };
  if (large) return { ...base, animation: false, ...largeSeries(data, keys, at, degree) };

  const categoryIndex = new Map(keys.map(({ key }, i) => [key, i]));
  const series: GraphSeriesOption = {
    type: "graph",
    id: "network",
    layout: "force",
    roam: true,
    draggable: true,
    cursor: "pointer",
    categories: keys.map(({ key, label }) => ({
      name: label,
      symbol: echartsSymbol(key),
      itemStyle: { color: CATEGORY_COLOURS[key], borderColor: MARKER_OUTLINE, borderWidth: 1 },
    })),
    data: data.nodes.map((actor, i) => ({
      id: actor.id,
      name: actor.name,
      category: categoryIndex.get(categoryKey(actor)) ?? 0,
      symbolSize: degreeSize(degree.get(actor.id) ?? 0),
      x: at[i]?.x ?? 0,
      y: at[i]?.y ?? 0,
    })),
    links: data.links.map((link) => {
      const style = KIND_STYLES[link.kind];
      const arrow = !model.labels.symmetricKinds.includes(link.kind);
      return {
        id: link.id,
        source: link.from,
        target: link.to,
        symbol: ["none", arrow ? "arrow" : "none"],
        symbolSize: [0, 9],
        lineStyle: { color: style.colour, type: style.pattern, width: style.width, opacity: 0.85 },
        label: { formatter: verbPhrase(model, link.kind) },
      };
    }),
    autoCurveness: true,
    edgeLabel: { show: false, fontSize: 11, color: "#1b1b1b" },
    label: {
      show: true,
      position: "right",
      formatter: "{b}",
      color: "#1b1b1b",
      fontSize: 11,
      width: 170,
      overflow: "truncate",
      ellipsis: "…",
    },
    labelLayout: { hideOverlap: true },
    emphasis: { focus: "adjacency", label: { show: true }, edgeLabel: { show: true }, lineStyle: { width: 3 } },
    // ECharts' force starts from the computed layout (its x, y) and, with these forces scaled to that
    // layout's spacing, settles about the same size: the chart's frame, set from the starting points, still fits.
    force: {
      repulsion: FORCE_REPULSION * spacing * spacing,
      edgeLength: [0.6 * spacing, 1.2 * spacing],
      gravity: 0.05,
      friction: 0.15,
      layoutAnimation: true,
    },
  };
  return { ...base, animation: true, series: [series] };
}

/**
 * A large network, drawn still at the computed layout: the links of each kind as one batch (an ECharts
 * `lines` series in large mode, its colour and pattern, no arrow head nor hover: at a thousand links they
 * could not be told apart), the actors as one scatter series per category (shape, colour, tooltip, click),
 * named on hover. Measured about four times faster to draw than a graph series of the same size.
 */
function largeSeries(
  data: NetworkData,
  keys: { key: CategoryKey; label: string }[],
  at: Point[],
  degree: Map<string, number>,
): Pick<ChartOption, "grid" | "xAxis" | "yAxis" | "series"> {
  const place = new Map(data.nodes.map((a, i) => [a.id, [at[i]?.x ?? 0, at[i]?.y ?? 0] as [number, number]]));
  const axis = { type: "value" as const, show: false, min: "dataMin" as const, max: "dataMax" as const };
  const links: LinesSeriesOption[] = (Object.keys(KIND_STYLES) as InteractionKind[])
    .map((kind) => ({ kind, links: data.links.filter((l) => l.kind === kind) }))
    .filter((group) => group.links.length > 0)
    .map(({ kind, links }) => ({
      type: "lines",
      id: `links-${kind}`,
      coordinateSystem: "cartesian2d",
      large: true,
      largeThreshold: 0,
      silent: true,
      lineStyle: { color: KIND_STYLES[kind].colour, type: KIND_STYLES[kind].pattern, width: 1, opacity: 0.55 },
      data: links.map((l) => ({ coords: [place.get(l.from) ?? [0, 0], place.get(l.to) ?? [0, 0]] })),
    }));
  const nodes: ScatterSeriesOption[] = keys.map(({ key, label }) => ({
    type: "scatter",
    id: `nodes-${key}`,
    name: label,
    symbol: echartsSymbol(key),
    itemStyle: { color: CATEGORY_COLOURS[key], borderColor: MARKER_OUTLINE, borderWidth: 1 },
    label: { show: false, position: "right", formatter: "{b}", color: "#1b1b1b", fontSize: 11 },
    emphasis: { label: { show: true }, scale: 1.4 },
    cursor: "pointer",
    data: data.nodes
      .filter((a) => categoryKey(a) === key)
      .map((a) => ({
        id: a.id,
        name: a.name,
        value: place.get(a.id) ?? [0, 0],
        symbolSize: degreeSize(degree.get(a.id) ?? 0) * 0.75,
      })),
  }));
  return {
    grid: { left: 16, right: 16, top: 16, bottom: 16 },
    xAxis: axis,
    yAxis: axis,
    series: [...links, ...nodes],
  };
}

function nodeTooltip(model: ActorChartModel, actor: ChartActor, degree: number): string {
  const status = model.labels.statuses.find((s) => s.value === actor.status)?.label ?? actor.status;
  return [
    `<strong>${escapeHtml(actor.name)}</strong>`,
    escapeHtml(`${categoryLabel(model.labels, categoryKey(actor))} · ${status}`),
    escapeHtml(plural(degree, "interaction")),
  ].join("<br>");
}

/** « « A » finance « B » », then the note. */
function linkTooltip(model: ActorChartModel, link: ChartLink, byId: Map<string, ChartActor>): string {
  const from = byId.get(link.from)?.name ?? "";
  const to = byId.get(link.to)?.name ?? "";
  const lines = [escapeHtml(`${quote(from)} ${verbPhrase(model, link.kind)} ${quote(to)}`)];
  if (link.note) lines.push(`<em>${escapeHtml(link.note)}</em>`);
  return lines.join("<br>");
}

/**
 * The network in words: « 14 interactions entre 12 acteurs : finance 3, coopère avec 6, conseille 5. 4 acteurs
 * sans interaction ne figurent pas sur le réseau. »
 */
export function networkSummary(model: ActorChartModel, filters: ChartFilters): string {
  const data = networkData(model, filters);
  const sentences: string[] = [];
  if (data.links.length === 0) {
    sentences.push("Aucune interaction à afficher.");
  } else {
    const parts = model.labels.kinds
      .map((k) => ({ label: verbPhrase(model, k.value), count: data.links.filter((l) => l.kind === k.value).length }))
      .filter((p) => p.count > 0)
      .map((p) => `${p.label}${NBSP}${p.count}`);
    sentences.push(
      `${plural(data.links.length, "interaction")} entre ${plural(data.nodes.length, "acteur")}${NBSP}: ${parts.join(", ")}.`,
    );
  }
  if (data.isolated > 0) {
    const verb = data.isolated === 1 ? "ne figure" : "ne figurent";
    sentences.push(`${plural(data.isolated, "acteur")} sans interaction ${verb} pas sur le réseau.`);
  }
  if (data.hidden > 0) sentences.push(`${plural(data.hidden, "acteur masqué", "acteurs masqués")} par les filtres.`);
  return sentences.join(" ");
}
