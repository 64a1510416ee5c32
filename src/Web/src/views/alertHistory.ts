// A cluster's alert history from Rules' state store: a strip of the last 24 h (red firing, grey muted) and the
// steps newest first, each alert linked to its runbook (the policy's text, unfolded on click).
import type { AlertStepDto } from '../api';
import { h, pill, type Child } from '../dom';
import { severityLevel } from '../health';

const hidden = new Set(['alertname', 'severity', 'cluster']);
const stripMs = 24 * 3600 * 1000;

export function alertHistory(steps: AlertStepDto[], books: Map<string, string>, now: number = Date.now()): HTMLElement {
  if (steps.length === 0) return h('p', { class: 'empty' }, 'No alert of this cluster has fired (history kept per State:HistoryRetention).');
  return h('div', null, strip(steps, now), h('ol', { class: 'timeline' }, ...steps.map((s) => item(s, books))));
}

function item(step: AlertStepDto, books: Map<string, string>): HTMLElement {
  const labels = Object.entries(step.labels)
    .filter(([k]) => !hidden.has(k))
    .map(([k, v]) => h('span', { class: 'label' }, `${k}=${v}`));
  const book = books.get(step.alert);
  return h(
    'li',
    { 'data-phase': step.phase, 'data-alert': step.alert },
    h('time', { datetime: step.at, title: step.at }, new Date(step.at).toLocaleString()),
    h('span', { class: `phase ${step.phase}` }, step.phase),
    pill(severityLevel(step.severity), step.severity),
    h(
      'div',
      null,
      h('strong', { class: 'alertname' }, step.alert),
      ' ',
      ...labels,
      step.mutedBy ? h('div', { class: 'muted' }, `muted by ${step.mutedBy}`) : null,
      book ? runbook(book) : null,
    ),
  );
}

function runbook(text: string): HTMLElement {
  if (/^https?:\/\//.test(text)) return h('a', { href: text, rel: 'noreferrer', class: 'runbook-link' }, 'runbook');
  const steps = text
    .replace(/\b\d\s+(?=(?:Collect|Isolate|Apply):)/g, '')
    .split(/(?=\b(?:Collect|Isolate|Apply):)/)
    .map((s) => h('li', null, s.trim()));
  return h('details', { class: 'runbook' }, h('summary', null, 'runbook'), h('ol', null, ...steps));
}

/**
 * The last 24 h as one bar: for each alert instance, the spans it was firing (red by severity) or muted (grey),
 * rebuilt from the steps (an instance still firing runs to now).
 */
function strip(steps: AlertStepDto[], now: number): HTMLElement {
  const start = now - stripMs;
  const spans: { from: number; to: number; kind: string }[] = [];
  const open = new Map<string, { at: number; kind: string }>();
  for (const s of [...steps].reverse()) {
    const key = `${s.alert}|${JSON.stringify(s.labels)}`;
    const at = Date.parse(s.at);
    const previous = open.get(key);
    if (previous) spans.push({ from: previous.at, to: at, kind: previous.kind });
    if (s.phase === 'resolved') open.delete(key);
    else open.set(key, { at, kind: s.phase === 'muted' ? 'muted' : severityLevel(s.severity) });
  }
  for (const o of open.values()) spans.push({ from: o.at, to: now, kind: o.kind });
  const bar = h('div', { class: 'history-bar', title: 'last 24 h: red/amber firing, grey muted' });
  const children: Child[] = [];
  for (const span of spans.filter((x) => x.to > start)) {
    const el = h('div', { class: `history-span ${span.kind}` });
    el.style.position = 'absolute';
    el.style.left = `${(Math.max(0, span.from - start) / stripMs) * 100}%`;
    el.style.width = `${Math.max(0.3, ((Math.min(now, span.to) - Math.max(start, span.from)) / stripMs) * 100)}%`;
    children.push(el);
  }
  bar.style.position = 'relative';
  for (const c of children) if (c instanceof Node) bar.appendChild(c);
  return h('div', null, h('div', { class: 'muted' }, 'last 24 h'), bar);
}
