// The dashboard's entry point: picks the view from the URL and refreshes it every few seconds.
import { h, replace } from './dom';
import type { View } from './view';
import { alertsView } from './views/alerts';
import { capacityView } from './views/capacity';
import { clusterView } from './views/cluster';
import { fleetView } from './views/fleet';
import { nodeView } from './views/node';

const pollMs = 5000;

function route(root: HTMLElement): { name: string; view: View } {
  const parts = location.pathname.replace(/^\/ui\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [kind, a, b] = parts;
  if (kind === 'cluster' && a !== undefined) return { name: 'cluster', view: clusterView(root, a) };
  if (kind === 'node' && a !== undefined && b !== undefined) return { name: 'node', view: nodeView(root, a, b) };
  if (kind === 'alerts') return { name: 'alerts', view: alertsView(root) };
  if (kind === 'capacity' && a !== undefined) return { name: 'capacity', view: capacityView(root, a) };
  if (kind === undefined) return { name: 'fleet', view: fleetView(root) };
  replace(root, h('h1', null, 'Not found'), h('p', null, h('a', { href: '/ui/' }, 'Back to the fleet')));
  return { name: 'not-found', view: { title: 'Not found', refresh: async () => {} } };
}

function start(): void {
  const root = document.getElementById('view')!;
  const status = document.getElementById('status')!;
  const { name, view } = route(root);
  root.dataset.view = name;
  document.title = `${view.title} · AzLocalMonitor`;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('header nav a')) {
    a.classList.toggle('active', (a.pathname === '/ui/' && name === 'fleet') || a.pathname === `/ui/${name}`);
  }

  const tick = async () => {
    try {
      await view.refresh();
      root.dataset.loaded = 'true';
      status.className = 'status ok';
      status.textContent = `live · updated ${new Date().toLocaleTimeString()}`;
    } catch (e) {
      status.className = 'status bad';
      status.textContent = `Rules unreachable, retrying: ${e instanceof Error ? e.message : String(e)}`;
    }
    setTimeout(tick, pollMs);
  };
  void tick();
}

start();
