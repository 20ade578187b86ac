// The one place the charts load Apache ECharts from: only the parts they use (the scatter and graph
// series, a grid with its axes, the tooltip, the legend, the quadrants' areas and dividing lines, the
// labels' overlap hiding, both renderers), so the bundle does not carry the whole library.
import { use, init, type ComposeOption, type ECharts } from "echarts/core";
import { GraphChart, ScatterChart, type GraphSeriesOption, type ScatterSeriesOption } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkAreaComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from "echarts/components";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

use([
  ScatterChart,
  GraphChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  LabelLayout,
  CanvasRenderer,
  SVGRenderer,
]);

/** The options the two charts may set. */
export type ChartOption = ComposeOption<
  | ScatterSeriesOption
  | GraphSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export type { ECharts, GraphSeriesOption, ScatterSeriesOption };
export { init };
