// Node: membership state, VMs, memory, disks, and CPU, memory, VM, storage and network latency charts.
import { alerts, clusters, series, webConfig, type SeriesDto } from '../api';
import { dashboards, grafanaLinks } from '../grafana';
import { LiveChart } from '../chart';
import { h, pill, replace, section, table } from '../dom';
import { ago, formatBytes, formatValue } from '../format';
import { nodeStateLevel, storageStateLevel } from '../health';
import { M } from '../metrics';
import type { View } from '../view';
import { alertTable } from './alertTable';
import { stats } from './stats';

const factMetrics = [M.memorySize, M.memoryAvailable, M.cacheHitRatio, M.diskCount, M.degradedBytes, M.drain];

export function nodeView(root: HTMLElement, cluster: string, node: string): View {
  const head = h('div');
  const disks = h('div');
  const alertList = h('div');
  const charts = {
    cpu: new LiveChart({ title: 'CPU', unit: 'ratio', unitRange: true, name: () => 'cpu' }),
    memory: new LiveChart({ title: 'Memory', unit: 'ratio', unitRange: true, name: () => 'memory' }),
    vms: new LiveChart({ title: 'Running VMs', unit: 'count', name: () => 'VMs' }),
    storage: new LiveChart({ title: 'Storage latency (CSVFS)', unit: 'seconds', name: (l) => [l.op, l.volume].filter(Boolean).join(' ') }),
    network: new LiveChart({ title: 'Network round trip', unit: 'seconds', name: (l) => `${l.network ?? '?'} → ${l.peer ?? '?'}` }),
  };
  const clusterHref = `/ui/cluster/${encodeURIComponent(cluster)}`;
  const links = h('div');
  void webConfig().then((c) => replace(links, grafanaLinks(c.grafanaUrl, [{ title: 'Node', uid: dashboards.node, vars: { cluster, node } }])));
  replace(
    root,
    h('h1', null, h('a', { href: '/ui/' }, 'Fleet'), ' / ', h('a', { href: clusterHref }, cluster), ' / ', node),
    links,
    head,
    h('div', { class: 'charts' }, ...Object.values(charts).map((c) => c.element)),
    section('Physical disks', disks),
    section('Alerts of this node', alertList),
  );

  return {
    title: `${node} (${cluster})`,
    async refresh() {
      const [cs, as, facts, live] = await Promise.all([
        clusters(),
        alerts(),
        series({ cluster, node, metrics: factMetrics, points: 0 }),
        series({ cluster, node, metrics: [M.cpu, M.memory, M.vmCount, M.storageLatency, M.networkLatency] }),
      ]);
      const info = cs.find((c) => c.cluster === cluster)?.nodes.find((n) => n.node === node);
      const state = info?.state ?? 'unknown';
      const latest = (metric: string) => [...facts, ...live].find((s) => s.metric === metric)?.value ?? null;
      const size = latest(M.memorySize);
      const available = latest(M.memoryAvailable);
      const drain = [...facts].find((s) => s.metric === M.drain && s.value === 1)?.labels.state;
      replace(
        head,
        stats([
          { label: 'state', value: pill(nodeStateLevel(state), state), level: nodeStateLevel(state) },
          { label: 'drain', value: drain ?? '–', level: drain && drain !== 'none' ? 'warn' : 'none' },
          { label: 'running VMs', value: formatValue(latest(M.vmCount), 'count') },
          { label: 'CPU', value: formatValue(latest(M.cpu), 'ratio') },
          { label: 'memory used', value: size !== null && available !== null ? `${formatBytes(size - available)} of ${formatBytes(size)}` : formatValue(latest(M.memory), 'ratio') },
          { label: 'cache hit ratio', value: formatValue(latest(M.cacheHitRatio), 'ratio') },
          { label: 'awaiting resync', value: formatValue(latest(M.degradedBytes), 'bytes') },
          { label: 'last self-report', value: ago(info?.lastSelfReport) },
        ]),
      );
      replace(disks, diskTable(facts));
      replace(alertList, alertTable(as.filter((a) => a.labels.cluster === cluster && a.labels.node === node), 'No alert is pending or firing for this node.'));
      const of = (metric: string) => live.filter((s) => s.metric === metric);
      charts.cpu.update(of(M.cpu));
      charts.memory.update(of(M.memory));
      charts.vms.update(of(M.vmCount));
      charts.storage.update(of(M.storageLatency));
      charts.network.update(of(M.networkLatency));
    },
  };
}

function diskTable(facts: SeriesDto[]): HTMLElement {
  const rows = facts
    .filter((s) => s.metric === M.diskCount && (s.value ?? 0) > 0)
    .sort((a, b) => `${a.labels.usage}${a.labels.media}${a.labels.state}`.localeCompare(`${b.labels.usage}${b.labels.media}${b.labels.state}`))
    .map((s) => [s.labels.usage ?? '–', (s.labels.media ?? '–').toUpperCase(), pill(storageStateLevel(s.labels.state ?? '?'), s.labels.state ?? '?'), String(s.value)]);
  return table(['usage', 'media', 'state', 'disks'], rows, 'No disk counts reported.');
}

