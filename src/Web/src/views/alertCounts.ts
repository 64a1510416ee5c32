// "1 critical 2 warning +4 muted": the alerts of a cluster that page, by severity, and how many more are muted.
import { h, pill, type Child } from '../dom';
import type { AlertCounts } from '../health';

const severities = ['critical', 'warning', 'info'] as const;

export function alertCounts(counts: AlertCounts): Child[] {
  const firing = severities
    .filter((s) => (counts.bySeverity[s] ?? 0) > 0)
    .map((s) => pill(s === 'critical' ? 'bad' : s === 'warning' ? 'warn' : 'none', `${counts.bySeverity[s]} ${s}`));
  const paging: Child[] = firing.length > 0 ? firing : [counts.pending > 0 ? h('span', { class: 'warn-text' }, `${counts.pending} pending`) : 'none firing'];
  const muted = counts.muted > 0
    ? h('span', { class: 'muted-count', title: 'pending or firing, held back by inhibition, a maintenance window or a silence: not sent' }, `+${counts.muted} muted`)
    : null;
  return [...paging.flatMap((c) => [c, ' ']), muted];
}
