// The one place the charts load Apache ECharts from: only the parts they use (the scatter, graph and
// lines series, a grid with its axes, the tooltip, the quadrants' areas and dividing lines, the labels' overlap
// hiding, both renderers), so the bundle does not carry the whole library. The legends are HTML, next to
// the charts (the filters' markers, the kinds' line patterns).
import { use, init, type ComposeOption, type ECharts } from "echarts/core";
import {
  GraphChart,
  LinesChart,
  ScatterChart,
  type GraphSeriesOption,
  type LinesSeriesOption,
  type ScatterSeriesOption,
} from "echarts/charts";
import {
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type MarkAreaComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from "echarts/components";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

use([
  ScatterChart,
  GraphChart,
  LinesChart,
  GridComponent,
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
  | LinesSeriesOption
  | GridComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export type { ECharts, GraphSeriesOption, LinesSeriesOption, ScatterSeriesOption };
export { init };
