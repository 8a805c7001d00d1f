import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the mapping charts use. Every chart has a table beside it that says the same.
echarts.use([
  BarChart,
  LineChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  SVGRenderer,
]);

const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000'];

function useChart(option: echarts.EChartsCoreOption, signature: string) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature stands for the option
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, aria: { enabled: false }, color: COLORS, ...option });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [signature]);
  return ref;
}

/** Horizontal bars of respondents per answer (suppressed figures are left out of the chart). */
export function CategoryBars({
  items,
  description,
}: {
  items: { name: string; value: number | null }[];
  description: string;
}) {
  const ref = useChart(
    {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#3d4651' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: items.map((i) => i.name),
        axisLabel: { color: '#1b1f24', width: 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: items.map((i) => i.value),
          label: { show: true, position: 'right', color: '#1b1f24' },
        },
      ],
    },
    JSON.stringify(items),
  );
  return (
    <div
      ref={ref}
      role="img"
      aria-label={description}
      style={{ height: `${40 + items.length * 28}px`, width: '100%' }}
    />
  );
}

/** One administration (first series) against the median of the others, per code. */
export function Radar({
  axes,
  series,
  description,
}: {
  axes: string[];
  series: { name: string; values: (number | null)[] }[];
  description: string;
}) {
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const ref = useChart(
    {
      legend: { bottom: 0, textStyle: { color: '#1b1f24' } },
      tooltip: { trigger: 'item' },
      radar: {
        indicator: axes.map((name) => ({ name, max })),
        axisName: { color: '#1b1f24' },
        radius: '65%',
      },
      series: [
        {
          type: 'radar',
          data: series.map((s) => ({ name: s.name, value: s.values.map((v) => v ?? 0) })),
        },
      ],
    },
    JSON.stringify([axes, series]),
  );
  return <div ref={ref} role="img" aria-label={description} style={{ height: '360px', width: '100%' }} />;
}

/** Lines across campaigns (x: campaigns in time order), one per series. */
export function TrendLines({
  campaigns,
  series,
  description,
}: {
  campaigns: string[];
  series: { name: string; values: (number | null)[] }[];
  description: string;
}) {
  const ref = useChart(
    {
      legend: { bottom: 0, textStyle: { color: '#1b1f24' } },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: campaigns, axisLabel: { color: '#1b1f24' } },
      yAxis: { type: 'value', axisLabel: { color: '#3d4651' } },
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        data: s.values,
        connectNulls: false,
        symbolSize: 8,
        lineStyle: { width: 3 },
      })),
    },
    JSON.stringify([campaigns, series]),
  );
  return <div ref={ref} role="img" aria-label={description} style={{ height: '300px', width: '100%' }} />;
}
