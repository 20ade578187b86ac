import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { getInstanceByDom } from "echarts/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import ActorChart from "./ActorChart.svelte";
import ActorMap from "./ActorMap.svelte";
import ActorNetwork from "./ActorNetwork.svelte";
import { largeModel, smallModel } from "./fixture";

// jsdom lays nothing out and has no canvas: the charts get a size, and ECharts measures text without a
// canvas (its fallback estimate), as it does when none is available.
const sizes: [string, number][] = [
  ["clientWidth", 800],
  ["clientHeight", 500],
];
beforeAll(() => {
  for (const [name, value] of sizes) {
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  }
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
});
afterAll(() => {
  for (const [name] of sizes) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
  vi.restoreAllMocks();
});

describe("ActorMap", () => {
  it("opens the actor whose point is clicked", async () => {
    const onOpen = vi.fn();
    render(ActorMap, { model: smallModel(), onOpen, renderer: "svg" });
    const box = screen.getByTestId("actor-map");
    const chart = getInstanceByDom(box);
    expect(chart).toBeDefined();
    const target = box.firstElementChild ?? box;
    const clickAt = async (value: [number, number]) => {
      const [x, y] = chart?.convertToPixel({ seriesId: "category-local_authorities" }, value) ?? [0, 0];
      for (const event of ["mouseMove", "mouseDown", "mouseUp", "click"] as const) {
        await fireEvent[event](target, { clientX: x, clientY: y });
      }
    };
    // An empty spot (interest 1, influence 4) opens nothing…
    await clickAt([1, 4]);
    expect(onOpen).not.toHaveBeenCalled();
    // …« Ville de Lyon » (interest 4, influence 5, alone on its point) opens it.
    await clickAt([4, 5]);
    expect(onOpen).toHaveBeenCalledExactlyOnceWith("a1");
  });

  it("names the chart, describes it in words and lists the actors to place, each opening its actor", async () => {
    const onOpen = vi.fn();
    render(ActorMap, { model: smallModel(), onOpen, renderer: "svg" });
    const chart = screen.getByRole("img", { name: "Carte des acteurs par niveau d’influence et intérêt" });
    const summary = screen.getByTestId("actor-map-summary");
    expect(chart).toHaveAttribute("aria-describedby", summary.id);
    expect(summary).toHaveTextContent("4 acteurs placés : 1 à associer étroitement, 1 à satisfaire");
    const unplaced = within(screen.getByTestId("actor-map-unplaced"));
    expect(unplaced.getAllByRole("listitem").map((li) => li.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "Collectif des habitants — influence et intérêt à évaluer",
      "Université Lyon 2 — influence à évaluer",
    ]);
    await fireEvent.click(unplaced.getByRole("button", { name: "Université Lyon 2" }));
    expect(onOpen).toHaveBeenCalledWith("a5");
  });

  it("filters by category and by status with checkboxes, and shows everything again", async () => {
    render(ActorMap, { model: smallModel(), onOpen: vi.fn(), renderer: "svg" });
    const summary = screen.getByTestId("actor-map-summary");
    await fireEvent.click(screen.getByRole("checkbox", { name: /Collectivités territoriales/ }));
    expect(summary).toHaveTextContent("2 acteurs placés : 0 à associer étroitement, 0 à satisfaire, 1 à informer, 1 à surveiller.");
    expect(summary).toHaveTextContent("2 acteurs masqués par les filtres.");
    await fireEvent.click(screen.getByRole("checkbox", { name: /Identifié/ }));
    expect(summary).toHaveTextContent("1 acteur placé");
    await fireEvent.click(screen.getByRole("button", { name: "Tout afficher" }));
    expect(summary).toHaveTextContent("4 acteurs placés");
    expect(screen.getByRole("checkbox", { name: /Identifié/ })).toBeChecked();
  });

  it("offers the table, only when it is given the way there", async () => {
    const onShowTable = vi.fn();
    const { unmount } = render(ActorMap, { model: smallModel(), onOpen: vi.fn(), onShowTable, renderer: "svg" });
    await fireEvent.click(screen.getByRole("button", { name: "Voir sous forme de tableau" }));
    expect(onShowTable).toHaveBeenCalledOnce();
    unmount();
    render(ActorMap, { model: smallModel(), onOpen: vi.fn(), renderer: "svg" });
    expect(screen.queryByRole("button", { name: "Voir sous forme de tableau" })).toBeNull();
  });
});

describe("ActorNetwork", () => {
  it("names the chart, describes it in words and shows the kinds' legend", () => {
    render(ActorNetwork, { model: smallModel(), onOpen: vi.fn(), onShowTable: vi.fn(), renderer: "svg" });
    const chart = screen.getByRole("img", { name: "Réseau des interactions entre acteurs" });
    expect(chart).toHaveAttribute("aria-describedby", screen.getByTestId("actor-network-summary").id);
    expect(screen.getByTestId("actor-network-summary")).toHaveTextContent("4 interactions entre 5 acteurs");
    const legend = within(screen.getByRole("list", { name: "Types d’interaction" }));
    expect(legend.getAllByRole("listitem").map((li) => li.textContent?.trim())).toEqual([
      "Finance",
      "Coopère avec",
      "Est membre de",
      "Est en concurrence avec",
      "Conseille",
    ]);
    expect(screen.getByRole("button", { name: "Voir sous forme de tableau" })).toBeInTheDocument();
  });

  it("says when a large network is drawn without arrow heads", () => {
    const { unmount } = render(ActorNetwork, { model: largeModel(120, 300), onOpen: vi.fn(), renderer: "svg" });
    expect(screen.getByTestId("network-large-note")).toHaveTextContent("sans pointes de flèche");
    expect(screen.getByTestId("network-large-note").textContent).toContain("nommer)\u00a0: le sens");
    unmount();
    render(ActorNetwork, { model: smallModel(), onOpen: vi.fn(), renderer: "svg" });
    expect(screen.queryByTestId("network-large-note")).toBeNull();
  });

  it("disposes its chart when it goes", () => {
    const { unmount } = render(ActorNetwork, { model: smallModel(), onOpen: vi.fn(), renderer: "svg" });
    const box = screen.getByTestId("actor-network");
    expect(getInstanceByDom(box)).toBeDefined();
    unmount();
    expect(getInstanceByDom(box)).toBeUndefined();
  });

  it("filters the network with the same checkboxes", async () => {
    render(ActorNetwork, { model: smallModel(), onOpen: vi.fn(), renderer: "svg" });
    await fireEvent.click(screen.getByRole("checkbox", { name: /Médias/ }));
    expect(screen.getByTestId("actor-network-summary")).toHaveTextContent("3 interactions entre 4 acteurs");
  });
});

describe("ActorChart", () => {
  it("loads the map or the network when first shown", async () => {
    const { unmount } = render(ActorChart, { view: "map", model: smallModel(), onOpen: vi.fn() });
    expect(await screen.findByRole("img", { name: "Carte des acteurs par niveau d’influence et intérêt" })).toBeInTheDocument();
    unmount();
    render(ActorChart, { view: "network", model: smallModel(), onOpen: vi.fn(), renderer: "svg" });
    expect(await screen.findByRole("img", { name: "Réseau des interactions entre acteurs" })).toBeInTheDocument();
  });
});
