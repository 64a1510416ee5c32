// Live time-series charts on uPlot: each poll's points are merged into what the chart already has, so a
// chart keeps growing while the page is open (Rules itself keeps only a short ring per series).
import uPlot from 'uplot';
import type { SeriesDto } from './api';
import { h, replace } from './dom';
import { formatValue, type Unit } from './format';

/** Grafana's classic palette, readable on the dark background. */
export const palette = ['#73bf69', '#f2cc0c', '#8ab8ff', '#ff780a', '#f2495c', '#5794f2', '#b877d9', '#ff9830', '#70dbed', '#e0b400'];

const maxPointsPerSeries = 720;
const axisStroke = '#c7d0d9';
const gridStroke = 'rgba(204, 204, 220, 0.12)';

/** The x (time) and y axes in the dashboard's dark theme; y values formatted in the unit. */
export function axes(unit: Unit): uPlot.Axis[] {
  const grid = { stroke: gridStroke, width: 1 };
  return [
    { stroke: axisStroke, grid, ticks: grid },
    { stroke: axisStroke, grid, ticks: grid, size: 64, values: (_u, splits) => splits.map((v) => formatValue(v, unit)) },
  ];
}

export interface ChartSpec {
  title: string;
  unit: Unit;
  /** Legend name of a series; must tell the series of one chart apart. */
  name: (labels: Record<string, string>) => string;
  /** y always covers at least 0..1 (ratios). */
  unitRange?: boolean;
  height?: number;
}

export class LiveChart {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly points = new Map<string, Map<number, number | null>>();
  private plot: uPlot | null = null;
  private keys = '';

  constructor(private readonly spec: ChartSpec) {
    this.body = h('div', { class: 'chart-body' });
    this.element = h('figure', { class: 'chart' }, h('figcaption', null, spec.title), this.body);
    new ResizeObserver(() => this.plot?.setSize({ width: this.width(), height: this.height() })).observe(this.body);
  }

  /** Merges the series' points and redraws. */
  update(series: SeriesDto[]): void {
    for (const s of series) {
      const name = this.spec.name(s.labels);
      let byTime = this.points.get(name);
      if (byTime === undefined) {
        byTime = new Map();
        this.points.set(name, byTime);
      }
      for (const [t, v] of s.points) byTime.set(t, v);
      if (byTime.size > maxPointsPerSeries) {
        const oldest = [...byTime.keys()].sort((a, b) => a - b).slice(0, byTime.size - maxPointsPerSeries);
        for (const t of oldest) byTime.delete(t);
      }
    }
    this.render();
  }

  private render(): void {
    const names = [...this.points.keys()].sort();
    if (names.length === 0) {
      this.plot?.destroy();
      this.plot = null;
      replace(this.body, h('p', { class: 'empty' }, 'no data yet'));
      return;
    }

    const times = [...new Set(names.flatMap((n) => [...this.points.get(n)!.keys()]))].sort((a, b) => a - b);
    const data: uPlot.AlignedData = [
      times.map((t) => t / 1000),
      ...names.map((n) => {
        const byTime = this.points.get(n)!;
        return times.map((t) => byTime.get(t) ?? null);
      }),
    ];

    this.element.dataset.points = String(times.length);
    const keys = names.join('\n');
    if (this.plot !== null && keys === this.keys) {
      this.plot.setData(data);
      return;
    }

    this.plot?.destroy();
    this.body.replaceChildren();
    this.keys = keys;
    const unit = this.spec.unit;
    this.plot = new uPlot(
      {
        width: this.width(),
        height: this.height(),
        scales: { x: { time: true }, y: this.spec.unitRange ? { range: (_u, _min, max) => [0, Math.max(1, max)] } : {} },
        series: [
          {},
          ...names.map((label, i) => ({
            label,
            stroke: palette[i % palette.length],
            width: 1.5,
            spanGaps: true,
            points: { show: false },
            value: (_u: uPlot, v: number | null) => formatValue(v, unit),
          })),
        ],
        axes: axes(unit),
        legend: { live: true },
        hooks: { draw: [showLatestInLegend], setCursor: [showLatestInLegend] },
      },
      data,
      this.body,
    );
  }

  private width(): number {
    return Math.max(240, this.body.clientWidth);
  }

  private height(): number {
    return this.spec.height ?? 200;
  }
}

/** While the cursor is off the chart, the legend shows each series' latest value. */
export function showLatestInLegend(u: uPlot): void {
  if (u.cursor.idx !== null && u.cursor.idx !== undefined) return;
  const latest = (ys: ArrayLike<number | null | undefined>) => {
    for (let i = ys.length - 1; i >= 0; i--) if (ys[i] !== null && ys[i] !== undefined) return i;
    return null;
  };
  u.setLegend({ idxs: u.data.map((ys) => latest(ys)) }, false);
}
