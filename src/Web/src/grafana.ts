// Links from a view to the matching Grafana dashboard (dashboards/*.json uids), when Rules has Web:GrafanaUrl.
import { h } from './dom';

/** Dashboard uids as the generator (src/Dashboard) writes them. */
export const dashboards = {
  fleet: 'azlm-fleet-overview',
  cluster: 'azlm-cluster-overview',
  node: 'azlm-node',
  capacity: 'azlm-capacity-forecast',
  alerts: 'azlm-alerts',
  rebuild: 'azlm-storage-rebuild',
} as const;

/** The URL of a dashboard with its variables set, or null without a Grafana URL. */
export function grafanaUrl(base: string, uid: string, vars: Record<string, string> = {}): string | null {
  if (!base) return null;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(vars)) params.set(`var-${name}`, value);
  const query = params.toString();
  return `${base}/d/${uid}${query ? `?${query}` : ''}`;
}

/** "Grafana: <title>" links, or nothing when Grafana is not configured. */
export function grafanaLinks(base: string, links: { title: string; uid: string; vars?: Record<string, string> }[]): HTMLElement | null {
  if (!base) return null;
  return h(
    'p',
    { class: 'grafana-links' },
    'Grafana: ',
    ...links.flatMap((l, i) => [i > 0 ? ' · ' : null, h('a', { href: grafanaUrl(base, l.uid, l.vars) ?? '#', rel: 'noreferrer', 'data-grafana': l.uid }, l.title)]),
  );
}
