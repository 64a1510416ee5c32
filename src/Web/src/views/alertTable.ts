// The alert table shared by the alerts, cluster and node views.
import type { AlertDto, MuteStage } from '../api';
import { h, link, pill, table } from '../dom';
import { ago } from '../format';
import { severityLevel } from '../health';

const hidden = new Set(['alertname', 'severity', 'cluster', 'node']);

/** How each muting stage reads in the table, and what it means. */
const stages: Record<MuteStage, { word: string; title: string }> = {
  inhibition: { word: 'inhibited', title: 'inhibited by another firing alert of the same incident: shown, not sent to Alertmanager' },
  maintenance: { word: 'maintenance', title: 'in a maintenance window: shown, not sent to Alertmanager' },
  silence: { word: 'silenced', title: 'silenced: shown, not sent to Alertmanager' },
};

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
        a.mutedBy ? mutedBy(a.mutedBy, a.mutedStage) : null,
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

function mutedBy(by: string, stage: MuteStage | null): HTMLElement {
  const { word, title } = stage ? stages[stage] : { word: 'muted', title: 'not sent to Alertmanager' };
  return h('div', { class: 'muted muted-by', 'data-stage': stage ?? undefined, title }, h('span', { class: 'mute-stage' }, word), ` · muted by ${by}`);
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
