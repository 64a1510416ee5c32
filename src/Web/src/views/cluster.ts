// Cluster: quorum, votes, witness, nodes, volumes, repair jobs, per-node CPU/memory and latency charts, alerts.
import { alertHistory as history, alerts, clusters, runbooks, series, webConfig, type ClusterDto, type SeriesDto } from '../api';
import { LiveChart } from '../chart';
import { h, link, pill, replace, section, table } from '../dom';
import { ago, formatBytes, formatValue } from '../format';
import { clusterHealth, currentStates, nodeStateLevel, storageStateLevel, worst, type ClusterHealth } from '../health';
import { dashboards, grafanaLinks } from '../grafana';
import { M } from '../metrics';
import type { View } from '../view';
import { alertCounts } from './alertCounts';
import { alertHistory } from './alertHistory';
import { alertTable } from './alertTable';
import { stats } from './stats';

const factMetrics = [
  M.witness, M.poolHealth, M.poolSize, M.poolAllocated, M.volumeHealth, M.volumeOperational,
  M.volumeSize, M.volumeUsed, M.repairSize, M.repairProcessed,
];

export function clusterView(root: HTMLElement, name: string): View {
  const head = h('div');
  const nodes = h('div');
  const volumes = h('div');
  const repairs = h('div');
  const alertList = h('div');
  const historyList = h('div');
  const links = h('div');
  const charts = {
    cpu: new LiveChart({ title: 'CPU by node', unit: 'ratio', unitRange: true, name: (l) => l.node ?? '?' }),
    memory: new LiveChart({ title: 'Memory by node', unit: 'ratio', unitRange: true, name: (l) => l.node ?? '?' }),
    storage: new LiveChart({ title: 'Storage latency (CSVFS)', unit: 'seconds', name: (l) => [l.node, l.op, l.volume].filter(Boolean).join(' ') }),
    network: new LiveChart({ title: 'Storage network round trip', unit: 'seconds', name: (l) => `${l.node ?? '?'} → ${l.peer ?? '?'}` }),
  };
  replace(
    root,
    h('h1', null, h('a', { href: '/ui/' }, 'Fleet'), ' / ', name),
    links,
    head,
    h('div', { class: 'columns' }, section('Nodes', nodes), section('Volumes', volumes)),
    section('Repair jobs', repairs),
    h('div', { class: 'charts' }, ...Object.values(charts).map((c) => c.element)),
    section('Alerts of this cluster', alertList),
    section('Alert history', historyList),
    h('p', null, link(`/ui/capacity/${encodeURIComponent(name)}`, 'Capacity forecast →')),
  );

  return {
    title: name,
    async refresh() {
      const [cs, as, facts, live, books, config] = await Promise.all([
        clusters(),
        alerts(),
        series({ cluster: name, metrics: factMetrics, points: 0 }),
        series({ cluster: name, metrics: [M.cpu, M.memory, M.storageLatency, M.networkLatency] }),
        runbooks(),
        webConfig(),
      ]);
      replace(links, grafanaLinks(config.grafanaUrl, [
        { title: 'Cluster overview', uid: dashboards.cluster, vars: { cluster: name } },
        { title: 'Storage and rebuild', uid: dashboards.rebuild, vars: { cluster: name } },
        { title: 'Capacity forecast', uid: dashboards.capacity, vars: { cluster: name } },
      ]));
      const cluster = cs.find((c) => c.cluster === name);
      if (cluster === undefined) {
        replace(head, h('p', { class: 'empty' }, `Cluster ${name} has not reported to Rules.`));
        return;
      }
      const mine = as.filter((a) => a.labels.cluster === name);
      replace(head, summary(cluster, clusterHealth(cluster, facts), facts));
      replace(nodes, nodeTable(cluster));
      replace(volumes, volumeTable(facts));
      replace(repairs, repairList(facts));
      replace(alertList, alertTable(mine, 'No alert is pending or firing for this cluster.'));
      replace(historyList, alertHistory(await history(name), books)); // asked only of a cluster Rules knows (404 otherwise)
      const of = (metric: string) => live.filter((s) => s.metric === metric);
      charts.cpu.update(of(M.cpu));
      charts.memory.update(of(M.memory));
      charts.storage.update(of(M.storageLatency));
      charts.network.update(of(M.networkLatency).filter((s) => s.labels.network === 'storage'));
    },
  };
}

function summary(c: ClusterDto, health: ClusterHealth, facts: SeriesDto[]): HTMLElement {
  const level = health.level;
  const witness = [...currentStates(facts, M.witness, 'type')].map(([type, state]) => `${type}: ${state}`).join(', ');
  const witnessLevel = worst(...[...currentStates(facts, M.witness, 'type').values()].map((s) => (s === 'ok' ? 'ok' : 'bad')));
  const pool = latest(facts, M.poolAllocated);
  const poolSize = latest(facts, M.poolSize);
  return stats([
    { label: 'status', value: pill(level, level === 'bad' ? 'red' : level === 'warn' ? 'amber' : level === 'ok' ? 'green' : 'unknown'), level },
    { label: 'quorum', value: c.quorum === null ? 'unknown' : c.quorum ? 'held' : 'LOST', level: c.quorum === false ? 'bad' : c.quorum ? 'ok' : 'warn' },
    { label: 'votes present / configured', value: c.votesPresent === null ? '–' : `${c.votesPresent} / ${c.votesConfigured ?? '?'}` },
    { label: 'nodes up', value: `${health.nodesUp} / ${health.nodesTotal}`, level: health.nodesUp < health.nodesTotal ? 'bad' : 'ok' },
    { label: 'alerts', value: h('span', { class: 'alert-counts' }, ...alertCounts(health.alerts)) },
    { label: 'witness', value: witness || 'none reported', level: witnessLevel },
    { label: 'pool allocated', value: pool !== null && poolSize ? `${formatValue(pool / poolSize, 'ratio')} of ${formatBytes(poolSize)}` : '–' },
    { label: 'last report', value: c.stale ? `STALE: ${ago(c.lastReport)}` : ago(c.lastReport), level: c.stale ? 'warn' : undefined },
  ]);
}

function nodeTable(c: ClusterDto): HTMLElement {
  const rows = c.nodes.map((n) => [
    link(`/ui/node/${encodeURIComponent(c.cluster)}/${encodeURIComponent(n.node)}`, n.node),
    pill(nodeStateLevel(n.state), n.state),
    ago(n.lastSelfReport),
  ]);
  return table(['node', 'state', 'last self-report'], rows, 'No node has reported.');
}

function volumeTable(facts: SeriesDto[]): HTMLElement {
  const health = currentStates(facts, M.volumeHealth, 'volume');
  const operational = currentStates(facts, M.volumeOperational, 'volume');
  const names = [...new Set([...health.keys(), ...operational.keys()])].sort();
  const rows = names.map((v) => {
    const size = facts.find((s) => s.metric === M.volumeSize && s.labels.volume === v);
    const used = facts.find((s) => s.metric === M.volumeUsed && s.labels.volume === v)?.value ?? null;
    const ratio = size?.value && used !== null ? used / size.value : null;
    const hs = health.get(v) ?? '?';
    const os = operational.get(v) ?? '?';
    return [
      h('strong', null, v),
      (size?.labels.resiliency ?? '–').replace(/_/g, ' '),
      pill(storageStateLevel(hs), hs),
      pill(storageStateLevel(os), os.replace(/_/g, ' ')),
      ratio === null ? '–' : bar(ratio, `${formatBytes(used!)} / ${formatBytes(size!.value!)}`, ratio >= 0.9 ? 'bad' : ratio >= 0.8 ? 'warn' : 'ok'),
    ];
  });
  return table(['volume', 'resiliency', 'health', 'operational', 'used'], rows, 'No volume reported.');
}

function repairList(facts: SeriesDto[]): HTMLElement {
  const jobs = facts.filter((s) => s.metric === M.repairSize && s.fresh);
  const rows = jobs.map((job) => {
    const processed = facts.find((s) => s.metric === M.repairProcessed && s.labels.repair_job === job.labels.repair_job)?.value ?? 0;
    const ratio = job.value ? processed / job.value : 0;
    return [h('strong', null, job.labels.repair_job ?? '?'), bar(ratio, `${formatValue(ratio, 'ratio')} (${formatBytes(processed)} of ${formatBytes(job.value ?? 0)})`, 'warn')];
  });
  return table(['repair job', 'progress'], rows, 'No repair or regeneration job is running.');
}

function bar(ratio: number, text: string, level: string): HTMLElement {
  const fill = h('div', { class: `bar-fill ${level}` });
  fill.style.width = `${Math.min(100, Math.max(0, ratio * 100)).toFixed(1)}%`;
  return h('div', { class: 'bar' }, fill, h('span', { class: 'bar-text' }, text));
}

function latest(facts: SeriesDto[], metric: string): number | null {
  return facts.find((s) => s.metric === metric && s.fresh)?.value ?? null;
}
