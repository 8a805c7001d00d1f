import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the two risk charts use: the lazily loaded chunk stays small.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);

function useChart(option: echarts.EChartsCoreOption, signature: string) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature stands for the option
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, aria: { enabled: false }, ...option });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [signature]);
  return ref;
}

/** Horizontal bars: share of the model's gain per indicator (the table beside it says the same). */
export function ImportanceChart({
  items,
  description,
  locale,
}: {
  items: { name: string; share: number }[];
  description: string;
  locale: string;
}) {
  const fmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const ref = useChart(
    {
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', valueFormatter: (v: number) => fmt.format(v) },
      xAxis: { type: 'value', axisLabel: { color: '#3d4651', formatter: (v: number) => fmt.format(v) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: items.map((i) => i.name),
        axisLabel: { color: '#1b1f24', width: 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: items.map((i) => i.share),
          itemStyle: { color: '#0072B2' },
          label: {
            show: true,
            position: 'right',
            color: '#1b1f24',
            formatter: (p: { value: number }) => fmt.format(p.value),
          },
        },
      ],
    },
    JSON.stringify([items, locale]),
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

/** Hit rate of each batch's selection over time (line), with the number of frauds found (bars). */
export function HitRateChart({
  points,
  description,
  locale,
  labels,
}: {
  points: { name: string; hitRate: number | null; frauds: number }[];
  description: string;
  locale: string;
  labels: { hitRate: string; frauds: string };
}) {
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const ref = useChart(
    {
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => p.name), axisLabel: { color: '#1b1f24' } },
      yAxis: [
        {
          type: 'value',
          min: 0,
          max: 1,
          name: labels.hitRate,
          axisLabel: { color: '#3d4651', formatter: (v: number) => pct.format(v) },
        },
        { type: 'value', min: 0, name: labels.frauds, axisLabel: { color: '#3d4651' } },
      ],
      series: [
        {
          name: labels.frauds,
          type: 'bar',
          yAxisIndex: 1,
          data: points.map((p) => p.frauds),
          itemStyle: { color: '#56B4E9' },
        },
        {
          name: labels.hitRate,
          type: 'line',
          data: points.map((p) => p.hitRate),
          itemStyle: { color: '#D55E00' },
          lineStyle: { width: 3 },
          symbolSize: 8,
        },
      ],
    },
    JSON.stringify([points, locale, labels]),
  );
  return <div ref={ref} role="img" aria-label={description} style={{ height: '280px', width: '100%' }} />;
}
