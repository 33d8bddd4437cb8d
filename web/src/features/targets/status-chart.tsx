// A small ECharts donut of targets by status, tree-shaken and resized with its box.
// The legend is HTML below the canvas: it wraps on a 360 px phone instead of paging
// ("1/2") and cutting names ("Có ng…").
import { PieChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useFormat } from '../../lib/format';

echarts.use([PieChart, TooltipComponent, CanvasRenderer]);

export interface ChartSlice {
  name: string;
  value: number;
  color: string;
}

export function StatusChart({ slices, height = 220, ariaLabel }: { slices: ChartSlice[]; height?: number; ariaLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const fmt = useFormat();

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        // Functions, not '{c}' templates: ECharts would group with "," and write "94.92%".
        tooltip: {
          trigger: 'item',
          formatter: (p: { name: string; value: number; percent?: number }) =>
            `${p.name}: ${fmt.number(p.value)} (${fmt.percent(p.percent ?? 0, { fractionDigits: 1 })})`,
        },
        series: [
          {
            type: 'pie',
            radius: ['45%', '72%'],
            center: ['50%', '50%'],
            avoidLabelOverlap: true,
            label: { show: true, formatter: (p: { value: number }) => fmt.number(p.value) },
            data: slices.filter((s) => s.value > 0).map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.color } })),
          },
        ],
      },
      true,
    );
  }, [slices, fmt]);

  const shown = slices.filter((s) => s.value > 0);
  return (
    <div className="status-chart">
      <div ref={box} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />
      <ul className="status-chart-legend" data-testid="status-chart-legend">
        {shown.map((s) => (
          <li key={s.name}>
            <span className="status-chart-dot" style={{ background: s.color }} aria-hidden />
            <span>
              {s.name}: {fmt.number(s.value)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
