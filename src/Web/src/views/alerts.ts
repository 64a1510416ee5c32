// Alerts: every pending and firing alert, most severe and oldest first (the order Rules returns).
import { alerts } from '../api';
import { h, pill, replace } from '../dom';
import type { View } from '../view';
import { alertTable } from './alertTable';

export function alertsView(root: HTMLElement): View {
  const summary = h('p', { class: 'summary' });
  const body = h('div', { class: 'panel' });
  replace(root, h('h1', null, 'Alerts'), summary, body);

  return {
    title: 'Alerts',
    async refresh() {
      const all = await alerts();
      const firing = all.filter((a) => a.state === 'firing').length;
      replace(summary, pill(firing > 0 ? 'bad' : 'ok', `${firing} firing`), ' ', pill(all.length > firing ? 'warn' : 'none', `${all.length - firing} pending`));
      replace(body, alertTable(all, 'No alert is pending or firing.'));
    },
  };
}
