// What the « Carte » and « Réseau » tabs use from the charts:
//   <ActorChart view="map" | "network" model={chartModel(actors, links, catalog)} bind:filters onOpen={…} onShowTable={…} />
// ActorChart loads the chart (and ECharts) the first time it shows; ActorMap and ActorNetwork are the charts themselves.
export { default as ActorChart } from "./ActorChart.svelte";
export { actorSource, chartActor, chartLink, chartModel, registerChartModel, type ActorSource } from "./adapter";
export { noFilters, type ActorChartModel, type ChartFilters, type ChartLink } from "./model";

/** Fetches the charts (and ECharts) ahead of their first use, e.g. when « Partenaires » opens. */
export function preloadCharts(): void {
  void import("./ActorMap.svelte");
  void import("./ActorNetwork.svelte");
}
