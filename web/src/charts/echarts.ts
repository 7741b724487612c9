/**
 * ECharts, registered once with only what the platform draws. Add a chart type here before
 * using it in an option.
 */
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, DatasetComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  DatasetComponentOption,
  AriaComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, DatasetComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | DatasetComponentOption
  | AriaComponentOption
>;

/** The platform's chart palette (sea blues, mountain golds, then accents). */
export const chartPalette = ['#1a5fa8', '#d99a3b', '#18a0ad', '#34a86a', '#8a63d2', '#ec7a36', '#e05a4b', '#5f8fc2', '#98a2b3'];

export { echarts };
