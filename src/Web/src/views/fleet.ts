// Fleet: one tile per cluster, worst first: quorum, nodes up, storage, alerts that page by severity (+ muted).
import { clusters, series, type ClusterDto } from '../api';
import { h, pill, replace } from '../dom';
import { ago } from '../format';
import { clusterHealth, type ClusterHealth } from '../health';
import { M } from '../metrics';
import type { View } from '../view';
import { alertCounts } from './alertCounts';

const order = { bad: 0, warn: 1, none: 2, ok: 3 } as const;

export function fleetView(root: HTMLElement): View {
  const summary = h('p', { class: 'summary' });
  const tiles = h('div', { class: 'tiles' });
  replace(root, h('h1', null, 'Fleet'), summary, tiles);

  return {
    title: 'Fleet',
    async refresh() {
      const [cs, storage] = await Promise.all([
        clusters(),
        series({ metrics: [M.poolHealth, M.volumeHealth, M.volumeOperational], points: 0 }),
      ]);
      const rows = cs
        .map((c) => ({ c, health: clusterHealth(c, storage) }))
        .sort((a, b) => order[a.health.level] - order[b.health.level] || a.c.cluster.localeCompare(b.c.cluster));
      const count = (level: string) => rows.filter((r) => r.health.level === level).length;
      replace(
        summary,
        `${cs.length} cluster${cs.length === 1 ? '' : 's'}: `,
        pill('bad', `${count('bad')} red`),
        ' ',
        pill('warn', `${count('warn')} amber`),
        ' ',
        pill('ok', `${count('ok')} green`),
      );
      if (rows.length === 0) {
        replace(tiles, h('p', { class: 'empty' }, 'No cluster has reported yet. Point a collector at Rules (POST /v1/metrics).'));
        return;
      }
      replace(tiles, ...rows.map((r) => tile(r.c, r.health)));
    },
  };
}

function tile(c: ClusterDto, health: ClusterHealth): HTMLElement {
  const quorum = c.quorum === null ? pill('none', 'quorum ?') : c.quorum ? pill('ok', 'quorum') : pill('bad', 'NO QUORUM');
  return h(
    'a',
    { class: `tile ${health.level}`, href: `/ui/cluster/${encodeURIComponent(c.cluster)}`, 'data-cluster': c.cluster },
    h('div', { class: 'tile-head' }, h('span', { class: 'tile-name' }, c.cluster), quorum),
    h(
      'dl',
      null,
      h('dt', null, 'nodes up'),
      h('dd', { class: health.nodesUp < health.nodesTotal ? 'bad-text' : undefined }, `${health.nodesUp} / ${health.nodesTotal}`),
      h('dt', null, 'votes'),
      h('dd', null, c.votesPresent === null ? '–' : `${c.votesPresent} / ${c.votesConfigured ?? '?'}`),
      h('dt', null, 'storage'),
      h('dd', { class: `${health.storage.level}-text` }, health.storage.text),
      h('dt', null, 'alerts'),
      h('dd', { class: 'alert-counts' }, ...alertCounts(health.alerts)),
    ),
    h('div', { class: 'tile-foot' }, `last report ${ago(c.lastReport)}`),
  );
}
