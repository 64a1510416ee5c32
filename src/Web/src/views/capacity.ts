// Capacity: per resource, the history, the P50 forecast with its P10–P90 band, the policy threshold and the
// date the forecast crosses it. Says "no forecast yet" while Rules has none (404).
import uPlot from 'uplot';
import { getJson, HttpError, webConfig } from '../api';
import { dashboards, grafanaLinks } from '../grafana';
import { parseCapacity, type ResourceForecast } from '../capacity';
import { axes, palette, showLatestInLegend } from '../chart';
import { h, replace, section } from '../dom';
import { formatDate, formatValue } from '../format';
import type { View } from '../view';

export function capacityView(root: HTMLElement, cluster: string): View {
  const body = h('div');
  const links = h('div');
  void webConfig().then((c) => replace(links, grafanaLinks(c.grafanaUrl, [{ title: 'Capacity forecast', uid: dashboards.capacity, vars: { cluster } }])));
  replace(
    root,
    h('h1', null, h('a', { href: '/ui/' }, 'Fleet'), ' / ', h('a', { href: `/ui/cluster/${encodeURIComponent(cluster)}` }, cluster), ' / capacity forecast'),
    // The printable report planners hand on (self-contained HTML, charts with legend, today and crossing dates).
    h('p', null, h('a', { class: 'capacity-report', href: `/api/v1/capacity/${encodeURIComponent(cluster)}/report` }, 'Capacity report (HTML)')),
    links,
    body,
  );
  let shown = '';
  let plots: uPlot[] = [];

  return {
    title: `Capacity ${cluster}`,
    async refresh() {
      let json: unknown;
      try {
        json = await getJson<unknown>(`/api/v1/capacity/${encodeURIComponent(cluster)}`);
      } catch (e) {
        if (e instanceof HttpError && e.status === 404) {
          shown = '';
          replace(body, h('p', { class: 'empty no-forecast' }, `No forecast yet for ${cluster}: Rules has not produced a capacity forecast for this cluster.`));
          return;
        }
        throw e;
      }
      const text = JSON.stringify(json);
      if (text === shown) return;
      shown = text;
      const forecast = parseCapacity(json);
      for (const p of plots) p.destroy();
      plots = [];
      if (forecast.resources.length === 0) {
        replace(body, h('p', { class: 'empty no-forecast' }, `No forecast yet for ${cluster}.`));
        return;
      }
      const panels = forecast.resources.map((r) => {
        const chart = h('div', { class: 'chart-body' });
        const method = h('p', { class: 'muted' }, r.method ? `Forecast model: ${r.method}` : '');
        const panel = section(title(r), crossingText(r), method, chart);
        return { r, chart, panel };
      });
      replace(body, h('div', { class: 'charts' }, ...panels.map((p) => p.panel)));
      plots = panels.map((p) => plot(p.r, p.chart));
    },
  };
}

function title(r: ResourceForecast): string {
  return `${r.resource[0]?.toUpperCase() ?? ''}${r.resource.slice(1)}`;
}

function crossingText(r: ResourceForecast): HTMLElement {
  const threshold = r.threshold === null ? 'policy' : formatValue(r.threshold, r.unit);
  const entries = Object.entries(r.crossing);
  if (entries.length === 0) return h('p', { class: 'crossing ok-text' }, `The forecast stays below ${threshold} over its horizon.`);
  return h('p', { class: 'crossing warn-text' }, ...entries.map(([q, date], i) => `${i > 0 ? ' · ' : ''}${q.toUpperCase()} crosses ${threshold} on ${formatDate(date)}`));
}

function plot(r: ResourceForecast, into: HTMLElement): uPlot {
  const times = [...new Set([...r.history.map((p) => p.time), ...r.forecast.map((p) => p.time)])].sort((a, b) => a - b);
  const history = new Map(r.history.map((p) => [p.time, p.value]));
  const forecast = new Map(r.forecast.map((p) => [p.time, p]));
  const column = (f: (t: number) => number | null | undefined) => times.map((t) => f(t) ?? null);
  const data: uPlot.AlignedData = [
    times,
    column((t) => history.get(t)),
    column((t) => forecast.get(t)?.p90),
    column((t) => forecast.get(t)?.p50),
    column((t) => forecast.get(t)?.p10),
    column(() => r.threshold),
  ];
  const value = (_u: uPlot, v: number | null) => formatValue(v, r.unit);
  const band = 'rgba(138, 184, 255, 0.18)';
  return new uPlot(
    {
      width: Math.max(320, into.clientWidth),
      height: 300,
      scales: { x: { time: true }, y: r.unit === 'ratio' ? { range: (_u, _min, max) => [0, Math.max(1, max)] } : {} },
      series: [
        {},
        { label: 'history', stroke: palette[0], width: 2, spanGaps: true, points: { show: false }, value },
        { label: 'P90', stroke: 'rgba(138, 184, 255, 0.6)', width: 1, spanGaps: true, points: { show: false }, value },
        { label: 'P50 forecast', stroke: palette[2], width: 2, dash: [8, 4], spanGaps: true, points: { show: false }, value },
        { label: 'P10', stroke: 'rgba(138, 184, 255, 0.6)', width: 1, spanGaps: true, points: { show: false }, value },
        { label: 'threshold', stroke: palette[4], width: 1.5, dash: [4, 4], spanGaps: true, points: { show: false }, value },
      ],
      bands: [{ series: [2, 4], fill: band }],
      axes: axes(r.unit),
      hooks: { draw: [showLatestInLegend], setCursor: [showLatestInLegend] },
    },
    data,
    into,
  );
}
