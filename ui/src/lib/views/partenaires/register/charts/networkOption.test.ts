import { describe, expect, it } from "vitest";
import { largeModel, smallModel } from "./fixture";
import { forceLayout, LARGE_LAYOUT_ITERATIONS } from "./layout";
import { noFilters } from "./model";
import {
  buildNetworkOption,
  isLarge,
  kindLegend,
  LARGE_NETWORK,
  networkData,
  networkSummary,
} from "./networkOption";
import { KIND_STYLES } from "./palette";

type Graph = {
  layout: string;
  categories: { name: string; symbol: string }[];
  data: { id: string; name: string; category: number; x: number; y: number }[];
  links: {
    id: string;
    source: string;
    target: string;
    symbol: [string, string];
    lineStyle: { color: string; type: unknown };
    label: { formatter: string };
  }[];
};

function graphOf(option: ReturnType<typeof buildNetworkOption>): Graph {
  return (option.series as unknown as Graph[])[0]!;
}

describe("the network's option", () => {
  it("draws one edge per interaction between shown actors, from its first actor to its second", () => {
    const graph = graphOf(buildNetworkOption(smallModel(), noFilters()));
    expect(graph.links.map((l) => [l.id, l.source, l.target])).toEqual([
      ["l1", "a1", "a3"],
      ["l2", "a3", "a5"],
      ["l3", "a2", "a1"],
      ["l4", "a3", "a4"],
    ]);
    // Nodes are the actors with a link; « Collectif des habitants » has none.
    expect(graph.data.map((n) => n.id).sort()).toEqual(["a1", "a2", "a3", "a4", "a5"]);
    expect(graph.layout).toBe("force");
  });

  it("colours, patterns and names each edge by its kind, with an arrow unless the kind reads both ways", () => {
    const graph = graphOf(buildNetworkOption(smallModel(), noFilters()));
    const finance = graph.links.find((l) => l.id === "l1");
    expect(finance?.lineStyle.color).toBe(KIND_STYLES.finances.colour);
    expect(finance?.symbol).toEqual(["none", "arrow"]);
    expect(finance?.label.formatter).toBe("finance");
    const cooperation = graph.links.find((l) => l.id === "l2");
    expect(cooperation?.symbol).toEqual(["none", "none"]);
    expect(cooperation?.label.formatter).toBe("coopère avec");
    expect(graph.links.find((l) => l.id === "l4")?.label.formatter).toBe("est en concurrence avec");
  });

  it("has a legend entry per kind, each told apart by colour and by pattern", () => {
    const legend = kindLegend(smallModel());
    expect(legend.map((k) => k.label)).toEqual([
      "Finance",
      "Coopère avec",
      "Est membre de",
      "Est en concurrence avec",
      "Conseille",
    ]);
    expect(new Set(legend.map((k) => k.colour)).size).toBe(5);
    expect(new Set(legend.map((k) => JSON.stringify(k.pattern))).size).toBe(5);
    expect(legend.filter((k) => !k.arrow).map((k) => k.kind)).toEqual(["cooperates_with", "competes_with"]);
  });

  it("shapes the nodes by category, one shape each", () => {
    const option = buildNetworkOption(smallModel(), noFilters());
    const graph = graphOf(option);
    expect(graph.categories.map((c) => c.name)).toEqual([
      "Collectivités territoriales",
      "Acteurs de la recherche",
      "Acteurs de l’ESS",
      "Médias",
    ]);
    const lyon = graph.data.find((n) => n.id === "a1");
    expect(graph.categories[lyon?.category ?? -1]?.name).toBe("Collectivités territoriales");
    expect(new Set(graph.categories.map((c) => c.symbol)).size).toBe(4);
  });

  it("applies the filters to the nodes and drops the edges that lose an end", () => {
    const model = smallModel();
    const graph = graphOf(buildNetworkOption(model, { hiddenCategories: ["media"], hiddenStatuses: ["contacted"] }));
    expect(graph.links.map((l) => l.id)).toEqual(["l1", "l3"]);
    expect(graph.data.map((n) => n.id).sort()).toEqual(["a1", "a2", "a3"]);
  });

  it("says the network in words", () => {
    const model = smallModel();
    expect(networkSummary(model, noFilters())).toBe(
      "4\u00a0interactions entre 5\u00a0acteurs\u00a0: finance\u00a01, coopère avec\u00a01, est en concurrence avec\u00a01, conseille\u00a01. 1\u00a0acteur sans interaction ne figure pas sur le réseau.",
    );
    expect(networkSummary(model, { hiddenCategories: [], hiddenStatuses: ["engaged"] })).toBe(
      "Aucune interaction à afficher. 4\u00a0acteurs sans interaction ne figurent pas sur le réseau. 2\u00a0acteurs masqués par les filtres.",
    );
  });
});

describe("the network at scale (300 actors, 1 000 interactions)", () => {
  it("is drawn still from a bounded layout: links in one batch per kind, actors by category, and says how long that takes", () => {
    const model = largeModel(300, 1000);
    expect(model.links).toHaveLength(1000);
    const data = networkData(model, noFilters());
    expect(isLarge(data)).toBe(true);
    const started = performance.now();
    const option = buildNetworkOption(model, noFilters());
    const elapsed = performance.now() - started;
    expect(option.animation).toBe(false);
    const series = option.series as unknown as {
      type: string;
      id: string;
      large?: boolean;
      lineStyle?: { color: string };
      data: { id?: string; coords?: number[][]; value?: number[] }[];
    }[];
    const lines = series.filter((s) => s.type === "lines");
    expect(lines.map((s) => s.id)).toEqual([
      "links-finances",
      "links-cooperates_with",
      "links-is_member_of",
      "links-competes_with",
      "links-advises",
    ]);
    expect(lines.every((s) => s.large === true)).toBe(true);
    expect(lines.map((s) => s.lineStyle?.color)).toEqual(Object.values(KIND_STYLES).map((k) => k.colour));
    expect(lines.reduce((sum, s) => sum + s.data.length, 0)).toBe(1000);
    const nodes = series.filter((s) => s.type === "scatter");
    expect(nodes).toHaveLength(9);
    const points = nodes.flatMap((s) => s.data);
    expect(points).toHaveLength(300);
    expect(points.every((p) => p.value?.every(Number.isFinite))).toBe(true);
    // A link starts where its first actor is drawn.
    const first = model.links[0]!;
    const from = points.find((p) => p.id === first.from)?.value;
    expect(lines.flatMap((s) => s.data).some((d) => d.coords?.[0]?.join() === from?.join())).toBe(true);
    // A figure, not a pass mark (benchmarks never fail on time): printed for docs/benchmarks.md.
    console.info(`network option, 300 actors / 1 000 links, ${LARGE_LAYOUT_ITERATIONS} iterations: ${elapsed.toFixed(0)} ms`);
    // The same data again: the layout is reused, the picture identical.
    const again = performance.now();
    const second = buildNetworkOption(model, noFilters());
    console.info(`the same network again: ${(performance.now() - again).toFixed(0)} ms`);
    expect(second.series).toEqual(option.series);
  });

  it("draws a small network with ECharts' force layout", () => {
    expect(LARGE_NETWORK.nodes).toBeGreaterThan(20);
    expect(isLarge(networkData(largeModel(20, 30), noFilters()))).toBe(false);
  });

  it("lays out the same data the same way every time, with no two nodes on one spot", () => {
    const ids = Array.from({ length: 40 }, (_, i) => `n${i}`);
    const links: [number, number][] = ids.map((_, i) => [i, (i * 7 + 3) % 40]);
    const a = forceLayout(ids, links);
    expect(forceLayout(ids, links)).toEqual(a);
    const spots = new Set(a.map((p) => `${Math.round(p.x)}:${Math.round(p.y)}`));
    expect(spots.size).toBe(40);
  });
});
