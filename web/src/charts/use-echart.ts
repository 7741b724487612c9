import { onBeforeUnmount, onMounted, shallowRef, useTemplateRef, watch } from 'vue';
import { chartPalette, echarts, type ChartOption } from './echarts';

export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex?: number;
  data: unknown;
}

const baseText = {
  fontFamily: "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',system-ui,sans-serif",
  color: '#5b6b80',
};

/**
 * Draws `option` into the component's element with `ref="chart"`; follows its size; disposes on
 * unmount.
 */
export function useEChart(option: () => ChartOption, onClick: (p: ChartClick) => void): void {
  const el = useTemplateRef<HTMLDivElement>('chart');
  const chart = shallowRef<echarts.ECharts>();
  let observer: ResizeObserver | undefined;

  function render(): void {
    chart.value?.setOption(
      { color: chartPalette, textStyle: baseText, aria: { enabled: true }, animationDuration: 500, ...option() },
      { notMerge: true },
    );
  }

  onMounted(() => {
    if (!el.value) return;
    chart.value = echarts.init(el.value, undefined, { renderer: 'canvas' });
    render();
    chart.value.on('click', (p) => {
      onClick({ name: String(p.name), dataIndex: p.dataIndex, seriesIndex: p.seriesIndex, data: p.data });
    });
    observer = new ResizeObserver(() => chart.value?.resize());
    observer.observe(el.value);
  });

  watch(option, render, { deep: true });

  onBeforeUnmount(() => {
    observer?.disconnect();
    chart.value?.dispose();
  });
}
