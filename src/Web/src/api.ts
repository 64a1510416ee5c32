// The Rules JSON API the dashboard reads (docs/architecture.md, README's API table), typed as Rules writes it (camelCase).

export interface NodeDto {
  node: string;
  state: string;
  lastSelfReport: string | null;
}

export interface ClusterDto {
  cluster: string;
  lastReport: string;
  quorum: boolean | null;
  votesPresent: number | null;
  votesConfigured: number | null;
  series: number;
  /** The cluster's members (membership reports and nodes' own reports), never a host a foreign series names. */
  nodes: NodeDto[];
  /** Unmuted firing alerts: the ones that page. */
  firingAlerts: number;
  /** Unmuted pending alerts. */
  pendingAlerts: number;
  /** Pending and firing alerts an inhibition, a maintenance window or a silence holds back ("+4 muted"). */
  mutedAlerts: number;
  /** Unmuted firing alerts by severity, e.g. { critical: 1 }. */
  firingBySeverity: Record<string, number>;
  /** No report for longer than Rules' Series:StaleAfter: its state is unknown, not healthy. */
  stale: boolean;
}

export interface AlertDto {
  name: string;
  severity: string;
  state: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  activeAt: string;
  firedAt: string | null;
  value: number;
  /** What mutes it (e.g. "AzLocalNodeDown (node-2)"): kept and shown, but not sent to Alertmanager. */
  mutedBy: string | null;
  /** The muting stage that holds it back, null when it pages. */
  mutedStage: MuteStage | null;
}

export type MuteStage = 'inhibition' | 'maintenance' | 'silence';

/** A series of GET /api/v1/series: its labels and recent points, oldest first, as [unix ms, value]. */
export interface SeriesDto {
  metric: string;
  labels: Record<string, string>;
  fresh: boolean;
  value: number | null;
  points: [number, number | null][];
}

export class HttpError extends Error {
  constructor(readonly status: number, url: string) {
    super(`${url}: HTTP ${status}`);
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new HttpError(response.status, url);
  return (await response.json()) as T;
}

export async function clusters(): Promise<ClusterDto[]> {
  return (await getJson<{ clusters: ClusterDto[] }>('/api/v1/clusters')).clusters;
}

export async function alerts(): Promise<AlertDto[]> {
  return (await getJson<{ alerts: AlertDto[] }>('/api/v1/alerts')).alerts;
}

export interface SeriesQuery {
  metrics: string[];
  cluster?: string;
  node?: string;
  /** Most recent points per series; 0 for the latest value only. Default: every point Rules holds. */
  points?: number;
}

export async function series(query: SeriesQuery): Promise<SeriesDto[]> {
  const params = new URLSearchParams();
  for (const metric of query.metrics) params.append('metric', metric);
  if (query.cluster !== undefined) params.set('cluster', query.cluster);
  if (query.node !== undefined) params.set('node', query.node);
  if (query.points !== undefined) params.set('points', String(query.points));
  return (await getJson<{ series: SeriesDto[] }>(`/api/v1/series?${params.toString()}`)).series;
}

/** One step of a cluster's alert history (GET /api/v1/clusters/{name}/alerts/history), newest first. */
export interface AlertStepDto {
  at: string;
  alert: string;
  severity: string;
  /** firing (or paging again once unmuted), muted (while firing), resolved. */
  phase: 'firing' | 'muted' | 'resolved';
  mutedBy: string | null;
  labels: Record<string, string>;
}

export async function alertHistory(cluster: string, limit = 200): Promise<AlertStepDto[]> {
  return (await getJson<{ history: AlertStepDto[] }>(`/api/v1/clusters/${encodeURIComponent(cluster)}/alerts/history?limit=${limit}`)).history;
}

/** What the page reads from Rules' configuration (Web:GrafanaUrl). */
export interface WebConfig {
  grafanaUrl: string;
}

let configOnce: Promise<WebConfig> | undefined;

/** Rules' web configuration, fetched once per page (it changes only with a restart). */
export function webConfig(): Promise<WebConfig> {
  configOnce ??= getJson<WebConfig>('/api/v1/web/config').catch(() => ({ grafanaUrl: '' }));
  return configOnce;
}

let runbooksOnce: Promise<Map<string, string>> | undefined;

/** Each policy alert's runbook, by alert name (GET /api/v1/policy), fetched once per page. */
export function runbooks(): Promise<Map<string, string>> {
  runbooksOnce ??= getJson<{ rules: { name: string; runbook: string }[] }>('/api/v1/policy')
    .then((p) => new Map(p.rules.map((r) => [r.name, r.runbook] as const)))
    .catch(() => new Map<string, string>());
  return runbooksOnce;
}
