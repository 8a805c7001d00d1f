import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the comparison uses (bar chart, grid, tooltip, SVG): the chunk stays small.
echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface ChartMetric {
  key: string;
  /** "Steel penetration (mm)". */
  title: string;
  /** The same data in words: the chart's text alternative. */
  description: string;
  unit: string;
  bars: { name: string; value: number | null }[];
}

/** Okabe–Ito colours (distinguishable with colour-vision deficiencies), one per record. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

function MetricChart({ metric, locale }: { metric: ChartMetric; locale: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Redraw only when the figures or labels change (the parent rebuilds the object on every render).
  const signature = JSON.stringify(metric);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the signature stands for the metric
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    const fmt = new Intl.NumberFormat(locale);
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: 'item', valueFormatter: (v: number) => `${fmt.format(v)} ${metric.unit}` },
      xAxis: { type: 'value', name: metric.unit, nameLocation: 'end', axisLabel: { color: '#3d4651' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: metric.bars.map((b) => b.name),
        axisLabel: { color: '#1b1f24', width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: metric.bars.map((b, i) => ({
            value: b.value,
            itemStyle: { color: COLOURS[i % COLOURS.length] },
          })),
          label: {
            show: true,
            position: 'right',
            color: '#1b1f24',
            formatter: (p: { value: number | null }) => (p.value === null ? '—' : fmt.format(p.value)),
          },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [signature, locale]);
  return (
    <figure className="compare-chart">
      <figcaption>{metric.title}</figcaption>
      <div
        ref={ref}
        role="img"
        aria-label={metric.description}
        style={{ height: `${48 + metric.bars.length * 40}px`, width: '100%' }}
      />
    </figure>
  );
}

/** One small bar chart per metric (each in its own unit); loaded only when a comparison is shown. */
export default function CompareChart({ metrics, locale }: { metrics: ChartMetric[]; locale: string }) {
  return (
    <div className="compare-charts">
      {metrics.map((m) => (
        <MetricChart key={m.key} metric={m} locale={locale} />
      ))}
    </div>
  );
}
