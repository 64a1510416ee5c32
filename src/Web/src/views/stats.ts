// A row of labelled figures at the top of the cluster and node views.
import { h, type Child } from '../dom';
import type { Level } from '../health';

export interface Stat {
  label: string;
  value: Child;
  level?: Level;
}

export function stats(items: Stat[]): HTMLElement {
  return h(
    'div',
    { class: 'stats' },
    ...items.map((s) => h('div', { class: `stat ${s.level ?? 'none'}` }, h('div', { class: 'stat-label' }, s.label), h('div', { class: 'stat-value' }, s.value))),
  );
}
