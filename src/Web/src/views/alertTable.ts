// The alert table shared by the alerts, cluster and node views.
import type { AlertDto } from '../api';
import { h, link, pill, table } from '../dom';
import { ago } from '../format';
import { severityLevel } from '../health';

const hidden = new Set(['alertname', 'severity', 'cluster', 'node']);

export function alertTable(alerts: AlertDto[], empty: string): HTMLElement {
  const rows = alerts.map((a) => {
    const cluster = a.labels.cluster ?? '';
    const node = a.labels.node;
    const where = h(
      'span',
      null,
      cluster ? link(`/ui/cluster/${encodeURIComponent(cluster)}`, cluster) : '–',
      node ? ' / ' : null,
      node ? link(`/ui/node/${encodeURIComponent(cluster)}/${encodeURIComponent(node)}`, node) : null,
    );
    const labels = Object.entries(a.labels)
      .filter(([k]) => !hidden.has(k))
      .map(([k, v]) => h('span', { class: 'label' }, `${k}=${v}`));
    return [
      pill(severityLevel(a.severity), a.severity),
      h(
        'span',
        null,
        h('span', { class: `state ${a.state}` }, a.state),
        a.mutedBy ? h('div', { class: 'muted muted-by', title: 'inhibited: not sent to Alertmanager' }, `muted by ${a.mutedBy}`) : null,
      ),
      h('strong', { class: 'alertname' }, a.name),
      where,
      h(
        'div',
        { class: 'alert-text' },
        h('div', null, a.annotations.summary ?? ''),
        labels.length > 0 ? h('div', { class: 'labels' }, ...labels) : null,
        a.annotations.description ? h('div', { class: 'muted' }, a.annotations.description) : null,
      ),
      runbook(a.annotations.runbook),
      h('span', { class: 'since', title: a.activeAt }, ago(a.activeAt)),
    ];
  });
  return table(['severity', 'state', 'alert', 'where', 'summary', 'runbook', 'since'], rows, empty);
}

function runbook(text: string | undefined): HTMLElement | string {
  if (!text) return '–';
  if (/^https?:\/\//.test(text)) return h('a', { href: text, rel: 'noreferrer' }, 'runbook');
  // Runbooks read "1 Collect: … 2 Isolate: … 3 Apply: …"; the list numbers the steps itself.
  const steps = text
    .replace(/\b\d\s+(?=(?:Collect|Isolate|Apply):)/g, '')
    .split(/(?=\b(?:Collect|Isolate|Apply):)/)
    .map((s) => h('li', null, s.trim()));
  return h('details', { class: 'runbook' }, h('summary', null, 'runbook'), h('ol', null, ...steps));
}
