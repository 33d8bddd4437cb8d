// A target's value month by month (diễn biến theo tháng): an ECharts line,
// tree-shaken like the status donut and loaded only with the breakdown that
// shows it, with the target value as a dashed line. Points are coloured by
// the status the dashboard gave on that day.
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { TargetStatus } from '../../../../common/indicators';
import { useFormat } from '../../lib/format';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export interface SeriesChartPoint {
  month: string;
  value: number | null;
  status: TargetStatus | null;
}

export function SeriesChart({
  points,
  target,
  colors,
  formatValue,
  targetLabel,
  ariaLabel,
  height = 220,
}: {
  points: SeriesChartPoint[];
  target: number | null;
  colors: Record<TargetStatus, string>;
  formatValue: (v: number | null) => string;
  targetLabel: string;
  ariaLabel: string;
  height?: number;
}) {
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
        grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'axis',
          formatter: (params: { dataIndex: number }[]) => {
            const p = points[params[0]?.dataIndex ?? 0];
            return p ? `${fmt.month(p.month)}: ${formatValue(p.value)}` : '';
          },
        },
        xAxis: { type: 'category', data: points.map((p) => fmt.month(p.month).slice(0, 2)), boundaryGap: false },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.number(v) } },
        series: [
          {
            type: 'line',
            connectNulls: false,
            symbolSize: 8,
            data: points.map((p) => ({ value: p.value, itemStyle: { color: p.status ? colors[p.status] : '#8c8c8c' } })),
            lineStyle: { color: '#1677ff' },
            markLine:
              target === null
                ? undefined
                : {
                    silent: true,
                    symbol: 'none',
                    lineStyle: { type: 'dashed', color: '#fa8c16' },
                    label: { formatter: () => `${targetLabel} ${formatValue(target)}`, position: 'insideEndTop' },
                    data: [{ yAxis: target }],
                  },
          },
        ],
      },
      true,
    );
  }, [points, target, colors, formatValue, targetLabel, fmt]);

  return <div ref={box} role="img" aria-label={ariaLabel} data-testid="series-chart" style={{ width: '100%', height }} />;
}
