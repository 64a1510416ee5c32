// Alerts: every pending and firing alert, most severe and oldest first (the order Rules returns); the summary counts
// the ones that page, muted ones apart.
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
      const paging = all.filter((a) => !a.mutedBy);
      const firing = paging.filter((a) => a.state === 'firing').length;
      const pending = paging.length - firing;
      const muted = all.length - paging.length;
      replace(
        summary,
        pill(firing > 0 ? 'bad' : 'ok', `${firing} firing`),
        ' ',
        pill(pending > 0 ? 'warn' : 'none', `${pending} pending`),
        muted > 0 ? ' ' : null,
        muted > 0 ? h('span', { class: 'muted-count', title: 'held back by inhibition, a maintenance window or a silence: not sent' }, `+${muted} muted`) : null,
      );
      replace(body, alertTable(all, 'No alert is pending or firing.'));
    },
  };
}
