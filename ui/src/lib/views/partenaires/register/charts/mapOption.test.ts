import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { actor, LABELS, smallModel } from "./fixture";
import {
  buildMapOption,
  mapSummary,
  mapTooltip,
  nuisanceSize,
  placements,
  QUADRANT_BOXES,
  QUADRANT_DIVIDER,
  unplacedActors,
} from "./mapOption";
import { noFilters, type ActorChartModel } from "./model";

type Series = {
  id?: string;
  name?: string;
  symbol?: string;
  data: { id: string; name: string; value: [number, number]; symbolSize: number }[];
  markArea?: { data: [{ name: string; coord: [number, number] }, { coord: [number, number] }][] };
  markLine?: { data: { xAxis?: number; yAxis?: number }[] };
};

function seriesOf(model: ActorChartModel, filters = noFilters()): Series[] {
  return buildMapOption(model, filters).series as unknown as Series[];
}

function points(series: Series[]) {
  return series.filter((s) => s.id !== "quadrants").flatMap((s) => s.data);
}

const here = dirname(fileURLToPath(import.meta.url));
const rust = (path: string) => readFileSync(join(here, "../../../../../../../", path), "utf8");

describe("the map's quadrants", () => {
  it("draws the dividing lines where allia-core's rule switches from weak to strong", () => {
    const map = rust("crates/allia-core/src/actors/map.rs");
    expect(map).toContain(`pub const QUADRANT_DIVIDER: f64 = ${QUADRANT_DIVIDER};`);
    expect(map).toContain("pub const STRONG_FROM: u8 = 3;");
    const quadrants = seriesOf(smallModel()).find((s) => s.id === "quadrants");
    expect(quadrants?.markLine?.data).toEqual([{ xAxis: 2.5 }, { yAxis: 2.5 }]);
  });

  it("labels four areas with the catalog's names, each on its side of both lines", () => {
    const areas = seriesOf(smallModel()).find((s) => s.id === "quadrants")?.markArea?.data ?? [];
    expect(areas.map(([from]) => from.name)).toEqual(["Associer étroitement", "Satisfaire", "Informer", "Surveiller"]);
    const box = (name: string) => {
      const area = areas.find(([from]) => from.name === name);
      if (area === undefined) throw new Error(name);
      return { x: [area[0].coord[0], area[1].coord[0]], y: [area[0].coord[1], area[1].coord[1]] };
    };
    // Strong influence (y ≥ 2.5) and interest (x ≥ 2.5): top right; the others follow.
    expect(box("Associer étroitement")).toEqual({ x: [2.5, 5.5], y: [2.5, 6] });
    expect(box("Satisfaire")).toEqual({ x: [0.5, 2.5], y: [2.5, 6] });
    expect(box("Informer")).toEqual({ x: [2.5, 5.5], y: [0, 2.5] });
    expect(box("Surveiller")).toEqual({ x: [0.5, 2.5], y: [0, 2.5] });
  });

  it("puts every test actor's point inside the box of the quadrant its record names", () => {
    const model = smallModel();
    for (const p of points(seriesOf(model))) {
      const quadrant = model.actors.find((a) => a.id === p.id)?.quadrant;
      expect(quadrant).toBeTruthy();
      const box = QUADRANT_BOXES[quadrant ?? "monitor"];
      expect(p.value[0]).toBeGreaterThan(box.x[0]);
      expect(p.value[0]).toBeLessThan(box.x[1]);
      expect(p.value[1]).toBeGreaterThan(box.y[0]);
      expect(p.value[1]).toBeLessThan(box.y[1]);
    }
  });
});

describe("the map's points", () => {
  it("draws one point per placed actor, at interest × influence, sized by nuisance", () => {
    const pts = points(seriesOf(smallModel()));
    expect(pts.map((p) => p.id).sort()).toEqual(["a1", "a2", "a3", "a4"]);
    const lyon = pts.find((p) => p.id === "a1");
    expect(lyon).toMatchObject({ name: "Ville de Lyon", value: [4, 5], symbolSize: 22 });
    expect(pts.find((p) => p.id === "a3")?.symbolSize).toBe(12);
    expect(pts.find((p) => p.id === "a4")?.symbolSize).toBe(10);
    expect([1, 2, 3, 4, 5].map(nuisanceSize)).toEqual([12, 17, 22, 27, 32]);
    expect(nuisanceSize(null)).toBe(10);
  });

  it("makes one series per category present, with its own shape, in the catalog's order (the legend is the filters')", () => {
    const option = buildMapOption(smallModel(), noFilters());
    const series = (option.series as Series[]).filter((s) => s.id !== "quadrants");
    expect(series.map((s) => s.name)).toEqual(["Collectivités territoriales", "Acteurs de l’ESS", "Médias"]);
    expect(new Set(series.map((s) => s.symbol)).size).toBe(3);
    expect(option.legend).toBeUndefined();
  });

  it("spreads actors with the same levels around their cell, all distinct, within their quadrant", () => {
    const model: ActorChartModel = {
      labels: LABELS,
      links: [],
      actors: Array.from({ length: 9 }, (_, i) => actor(`s${i}`, `Même point ${i}`, "companies", [3, 3, 2])),
    };
    const where = placements(model.actors);
    const spots = [...where.values()];
    expect(new Set(spots.map((s) => `${s.x.toFixed(3)}:${s.y.toFixed(3)}`)).size).toBe(9);
    for (const s of spots) {
      expect(s.sharing).toBe(9);
      expect(Math.hypot(s.x - 3, s.y - 3)).toBeLessThanOrEqual(0.38);
      expect(s.x).toBeGreaterThan(QUADRANT_DIVIDER);
      expect(s.y).toBeGreaterThan(QUADRANT_DIVIDER);
    }
    // The same actors are drawn at the same spots each time.
    expect([...placements([...model.actors].reverse()).entries()].sort()).toEqual([...where.entries()].sort());
    expect(mapTooltip(model, model.actors[0]!, 9)).toContain("9 acteurs ont ces niveaux.");
  });

  it("names the points up to 40 actors, then on hover only, and draws crowded points smaller", () => {
    const many: ActorChartModel = {
      labels: LABELS,
      links: [],
      actors: Array.from({ length: 41 }, (_, i) => actor(`m${i}`, `Acteur ${i}`, "media", [i % 2 ? 4 : 1, 3, 1])),
    };
    type Named = Series & { label: { show: boolean } };
    const named = (model: ActorChartModel) => (seriesOf(model).filter((s) => s.id !== "quadrants") as Named[])[0]?.label.show;
    expect(named({ ...many, actors: many.actors.slice(0, 40) })).toBe(true);
    expect(named(many)).toBe(false);
    // 21 actors share interest 3 × influence 4: drawn at 0.7 of their size.
    expect(points(seriesOf(many)).find((p) => p.id === "m1")?.symbolSize).toBeCloseTo(12 * 0.7);
    expect(points(seriesOf(smallModel())).find((p) => p.id === "a1")?.symbolSize).toBe(22);
  });

  it("applies the filters by category and by status", () => {
    const model = smallModel();
    const byCategory = points(seriesOf(model, { hiddenCategories: ["local_authorities"], hiddenStatuses: [] }));
    expect(byCategory.map((p) => p.id).sort()).toEqual(["a3", "a4"]);
    const byStatus = points(seriesOf(model, { hiddenCategories: [], hiddenStatuses: ["engaged", "identified"] }));
    expect(byStatus.map((p) => p.id)).toEqual(["a2"]);
  });

  it("escapes the names in the tooltip", () => {
    const model = smallModel();
    const hostile = actor("x", `<img src=x onerror="alert(1)">`, "media", [1, 1, 1]);
    const html = mapTooltip(model, hostile, 1);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("Quadrant\u00a0: surveiller");
  });
});

describe("the map in words", () => {
  it("counts the placed actors per quadrant, the ones to place and the filtered ones", () => {
    const model = smallModel();
    expect(mapSummary(model, noFilters())).toBe(
      "4\u00a0acteurs placés\u00a0: 1 à associer étroitement, 1 à satisfaire, 1 à informer, 1 à surveiller. 2\u00a0acteurs à placer.",
    );
    expect(mapSummary(model, { hiddenCategories: ["none", "research"], hiddenStatuses: ["in_discussion"] })).toBe(
      "3\u00a0acteurs placés\u00a0: 1 à associer étroitement, 0 à satisfaire, 1 à informer, 1 à surveiller. 3\u00a0acteurs masqués par les filtres.",
    );
    expect(mapSummary({ ...model, actors: [] }, noFilters())).toBe("Aucun acteur placé sur la carte.");
  });

  it("lists the actors to place, in French alphabetical order, with the filters", () => {
    const model = smallModel();
    expect(unplacedActors(model, noFilters()).map((a) => a.name)).toEqual(["Collectif des habitants", "Université Lyon 2"]);
    expect(unplacedActors(model, { hiddenCategories: ["none"], hiddenStatuses: [] }).map((a) => a.id)).toEqual(["a5"]);
  });
});
