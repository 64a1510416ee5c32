// Turns facts into the red/amber/green levels the views colour by.
import type { ClusterDto, SeriesDto } from './api';
import { M } from './metrics';

export type Level = 'ok' | 'warn' | 'bad' | 'none';

const rank: Record<Level, number> = { none: 0, ok: 1, warn: 2, bad: 3 };

export function worst(...levels: Level[]): Level {
  return levels.reduce<Level>((a, b) => (rank[b] > rank[a] ? b : a), 'none');
}

export function nodeStateLevel(state: string): Level {
  switch (state) {
    case 'up':
      return 'ok';
    case 'down':
      return 'bad';
    case 'paused':
    case 'joining':
    case 'unknown':
      return 'warn';
    default:
      return 'none';
  }
}

/** Level of a storage state-set value: health (healthy/warning/unhealthy) or operational (ok/degraded/...). */
export function storageStateLevel(state: string): Level {
  switch (state) {
    case 'healthy':
    case 'ok':
      return 'ok';
    case 'warning':
    case 'in_service':
    case 'unknown':
      return 'warn';
    default:
      return 'bad';
  }
}

export function severityLevel(severity: string): Level {
  return severity === 'critical' ? 'bad' : severity === 'warning' ? 'warn' : 'none';
}

/** The current state of each state-set series (value 1), keyed by the given label. */
export function currentStates(series: SeriesDto[], metric: string, key: string): Map<string, string> {
  const states = new Map<string, string>();
  for (const s of series) {
    if (s.metric === metric && s.fresh && s.value === 1 && s.labels.state !== undefined) {
      states.set(s.labels[key] ?? '', s.labels.state);
    }
  }
  return states;
}

export interface StorageSummary {
  level: Level;
  text: string;
}

/** Pool and volume states of one cluster, summed up: "healthy", "2 volumes degraded", … */
export function storageSummary(series: SeriesDto[]): StorageSummary {
  const volumes = new Map<string, Level>();
  for (const [metric, key] of [[M.volumeHealth, 'volume'], [M.volumeOperational, 'volume']] as const) {
    for (const [volume, state] of currentStates(series, metric, key)) {
      volumes.set(volume, worst(volumes.get(volume) ?? 'none', storageStateLevel(state)));
    }
  }
  const pools = [...currentStates(series, M.poolHealth, 'pool').values()].map(storageStateLevel);
  const bad = [...volumes.values()].filter((l) => l === 'bad').length;
  const warn = [...volumes.values()].filter((l) => l === 'warn').length;
  const level = worst(...volumes.values(), ...pools);
  if (volumes.size === 0 && pools.length === 0) return { level: 'none', text: 'no storage data' };
  if (bad > 0) return { level, text: `${bad} volume${bad > 1 ? 's' : ''} degraded` };
  if (warn > 0) return { level, text: `${warn} volume${warn > 1 ? 's' : ''} warning` };
  if (level !== 'ok') return { level, text: 'pool unhealthy' };
  return { level, text: 'healthy' };
}

/** Alerts of a cluster that page (unmuted), and how many more are muted. */
export interface AlertCounts {
  /** Unmuted firing alerts by severity. */
  bySeverity: Record<string, number>;
  /** Unmuted pending alerts. */
  pending: number;
  /** Pending and firing alerts held back by inhibition, maintenance or a silence. */
  muted: number;
}

export interface ClusterHealth {
  level: Level;
  /** Rules has not heard from the cluster for longer than its staleness limit: nothing below is current. */
  stale: boolean;
  nodesUp: number;
  nodesTotal: number;
  alerts: AlertCounts;
  storage: StorageSummary;
}

/** Colours a cluster by quorum, its members, storage and the alerts that page: muted alerts never colour it. */
export function clusterHealth(cluster: ClusterDto, storage: SeriesDto[]): ClusterHealth {
  const bySeverity: Record<string, number> = { critical: 0, warning: 0, info: 0, ...cluster.firingBySeverity };
  const alerts = { bySeverity, pending: cluster.pendingAlerts, muted: cluster.mutedAlerts };
  const nodesUp = cluster.nodes.filter((n) => n.state === 'up').length;
  const summary = storageSummary(storage.filter((s) => s.labels.cluster === cluster.cluster));
  const stale = cluster.stale === true;
  const level = worst(
    // Missing data never reads green: a silent cluster, or one whose quorum is not known, is amber at least.
    stale || cluster.quorum === null ? 'warn' : 'ok',
    cluster.quorum === false ? 'bad' : 'ok',
    (bySeverity.critical ?? 0) > 0 ? 'bad' : 'ok',
    (bySeverity.warning ?? 0) > 0 || alerts.pending > 0 ? 'warn' : 'ok',
    ...cluster.nodes.map((n) => nodeStateLevel(n.state)),
    summary.level,
  );
  return { level, stale, nodesUp, nodesTotal: cluster.nodes.length, alerts, storage: summary };
}
