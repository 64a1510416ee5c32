// Fleet: one tile per cluster, worst first (red, amber, green; then most critical alerts), with search and a
// filter kept in the URL (?q=…&show=…) so a NOC wall can bookmark "unhealthy only". Counts are of alerts that page
// (unmuted), by severity, with how many clusters they hit; muted ones are "+N muted". Built for 500+ clusters:
// one /api/v1/clusters and one latest-value series request per refresh, and only the matching tiles are drawn.
import { clusters, series, webConfig, type ClusterDto } from '../api';
import { h, pill, replace } from '../dom';
import { ago } from '../format';
import { dashboards, grafanaLinks } from '../grafana';
import { clusterHealth, type ClusterHealth } from '../health';
import { M } from '../metrics';
import type { View } from '../view';
import { alertCounts } from './alertCounts';

const order = { bad: 0, warn: 1, none: 2, ok: 3 } as const;
const severities = ['critical', 'warning', 'info'] as const;

/** The filter choices: which tiles to draw. */
const shows = {
  all: { label: 'all clusters', keep: (_: ClusterHealth) => true },
  attention: { label: 'needs attention (red, amber, stale)', keep: (x: ClusterHealth) => x.level === 'bad' || x.level === 'warn' || x.stale },
  bad: { label: 'red only', keep: (x: ClusterHealth) => x.level === 'bad' },
  warn: { label: 'amber only', keep: (x: ClusterHealth) => x.level === 'warn' },
  stale: { label: 'stale (no recent telemetry)', keep: (x: ClusterHealth) => x.stale },
  ok: { label: 'green only', keep: (x: ClusterHealth) => x.level === 'ok' },
} as const;
type Show = keyof typeof shows;

interface Row {
  c: ClusterDto;
  health: ClusterHealth;
}

export function fleetView(root: HTMLElement): View {
  const params = new URLSearchParams(location.search);
  const search = h('input', { id: 'fleet-search', type: 'search', placeholder: 'search clusters…', 'aria-label': 'search clusters', value: params.get('q') ?? '' });
  const show = h('select', { id: 'fleet-show', 'aria-label': 'which clusters' }, ...Object.entries(shows).map(([key, s]) => h('option', { value: key }, s.label)));
  const wanted = params.get('show') ?? 'all';
  show.value = wanted in shows ? wanted : 'all';
  const shown = h('span', { class: 'muted', id: 'fleet-shown' });
  const summary = h('div', { class: 'summary' });
  const links = h('div');
  const tiles = h('div', { class: 'tiles' });
  replace(root, h('h1', null, 'Fleet'), summary, links, h('div', { class: 'toolbar' }, search, show, shown), tiles);

  let rows: Row[] = [];
  const draw = () => {
    const q = search.value.trim().toLowerCase();
    const keep = shows[show.value as Show]?.keep ?? shows.all.keep;
    const visible = rows.filter((r) => keep(r.health) && (q === '' || r.c.cluster.toLowerCase().includes(q)));
    replace(shown, `showing ${visible.length} of ${rows.length}`);
    if (rows.length === 0) {
      replace(tiles, h('p', { class: 'empty' }, 'No cluster has reported yet. Point a collector at Rules (POST /v1/metrics).'));
    } else if (visible.length === 0) {
      replace(tiles, h('p', { class: 'empty' }, 'No cluster matches the search and filter.'));
    } else {
      replace(tiles, ...visible.map((r) => tile(r.c, r.health)));
    }
  };
  const remember = () => {
    const next = new URLSearchParams();
    if (search.value.trim() !== '') next.set('q', search.value.trim());
    if (show.value !== 'all') next.set('show', show.value);
    const query = next.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
    draw();
  };
  search.addEventListener('input', remember);
  show.addEventListener('change', remember);

  return {
    title: 'Fleet',
    async refresh() {
      const [cs, storage, config] = await Promise.all([
        clusters(),
        series({ metrics: [M.poolHealth, M.volumeHealth, M.volumeOperational], points: 0 }),
        webConfig(),
      ]);
      rows = cs.map((c) => ({ c, health: clusterHealth(c, storage) })).sort(worstFirst);
      replace(summary, ...fleetSummary(rows));
      replace(links, grafanaLinks(config.grafanaUrl, [
        { title: 'Fleet overview', uid: dashboards.fleet },
        { title: 'Alerts', uid: dashboards.alerts },
        { title: 'Capacity forecast', uid: dashboards.capacity },
      ]));
      draw();
    },
  };
}

/** Red before amber before green; within a colour, more critical then more warning alerts, then by name. */
function worstFirst(a: Row, b: Row): number {
  const sev = (r: Row, s: string) => r.health.alerts.bySeverity[s] ?? 0;
  return order[a.health.level] - order[b.health.level]
    || sev(b, 'critical') - sev(a, 'critical')
    || sev(b, 'warning') - sev(a, 'warning')
    || Number(b.health.stale) - Number(a.health.stale)
    || a.c.cluster.localeCompare(b.c.cluster);
}

/** "500 clusters: 12 red 40 amber 448 green 3 stale" and the alerts that page: "18 critical in 17 clusters …". */
function fleetSummary(rows: Row[]): (HTMLElement | string)[] {
  const count = (level: string) => rows.filter((r) => r.health.level === level).length;
  const stale = rows.filter((r) => r.health.stale).length;
  const clustersLine = h(
    'p',
    { class: 'fleet-levels' },
    `${rows.length} cluster${rows.length === 1 ? '' : 's'}: `,
    pill('bad', `${count('bad')} red`), ' ',
    pill('warn', `${count('warn')} amber`), ' ',
    pill('ok', `${count('ok')} green`),
    stale > 0 ? ' ' : null,
    stale > 0 ? pill('warn', `${stale} stale`) : null,
  );
  const paging = severities.map((s) => {
    const instances = rows.reduce((n, r) => n + (r.health.alerts.bySeverity[s] ?? 0), 0);
    const hit = rows.filter((r) => (r.health.alerts.bySeverity[s] ?? 0) > 0).length;
    return h(
      'span',
      { class: 'fleet-severity', 'data-severity': s },
      pill(instances === 0 ? 'none' : s === 'critical' ? 'bad' : s === 'warning' ? 'warn' : 'none', `${instances} ${s}`),
      h('span', { class: 'muted' }, ` in ${hit} cluster${hit === 1 ? '' : 's'}`),
    );
  });
  const muted = rows.reduce((n, r) => n + r.health.alerts.muted, 0);
  const alertsLine = h(
    'p',
    { class: 'fleet-alerts' },
    'alerts that page: ',
    ...paging.flatMap((p) => [p, '  ']),
    h('span', { class: 'muted-count', title: 'pending or firing, held back by inhibition, a maintenance window or a silence: not sent' }, `+${muted} muted`),
  );
  return [clustersLine, alertsLine];
}

function tile(c: ClusterDto, health: ClusterHealth): HTMLElement {
  const quorum = c.quorum === null ? pill('warn', 'quorum unknown') : c.quorum ? pill('ok', 'quorum') : pill('bad', 'NO QUORUM');
  return h(
    'a',
    { class: `tile ${health.level}${health.stale ? ' stale' : ''}`, href: `/ui/cluster/${encodeURIComponent(c.cluster)}`, 'data-cluster': c.cluster, 'data-level': health.level },
    h('div', { class: 'tile-head' }, h('span', { class: 'tile-name' }, c.cluster), quorum),
    h(
      'dl',
      null,
      h('dt', null, 'nodes up'),
      h('dd', { class: health.nodesUp < health.nodesTotal ? 'bad-text' : undefined }, `${health.nodesUp} / ${health.nodesTotal}`),
      h('dt', null, 'votes'),
      h('dd', null, c.votesPresent === null ? 'unknown' : `${c.votesPresent} / ${c.votesConfigured ?? '?'}`),
      h('dt', null, 'storage'),
      h('dd', { class: `${health.storage.level}-text` }, health.storage.text),
      h('dt', null, 'alerts'),
      h('dd', { class: 'alert-counts' }, ...alertCounts(health.alerts)),
    ),
    h('div', { class: `tile-foot${health.stale ? ' warn-text' : ''}` }, health.stale ? `STALE: last report ${ago(c.lastReport)}` : `last report ${ago(c.lastReport)}`),
  );
}
