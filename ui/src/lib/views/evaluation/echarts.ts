// The one place the evaluation's chart loads Apache ECharts from, and only the parts it uses: line and scatter
// series, a grid with a time axis, the tooltip and the « Aujourd’hui » line, SVG renderer (a few dozen points, crisp
// when zoomed). The legend is HTML, next to the chart (IndicatorChart). Imported by TrajectoryChart.svelte only,
// itself loaded on first use.
import { use, init, type ComposeOption, type ECharts } from "echarts/core";
import { LineChart, ScatterChart, type LineSeriesOption, type ScatterSeriesOption } from "echarts/charts";
import {
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

use([LineChart, ScatterChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

/** The options the trajectory chart may set. */
export type TrajectoryOption = ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export type { ECharts };
export { init };
