// Value and time formatting for tables, tiles and chart axes.

export type Unit = 'ratio' | 'seconds' | 'bytes' | 'count';

export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
    case 'seconds':
      return value < 1 ? `${(value * 1000).toFixed(value < 0.001 ? 2 : 1)} ms` : `${value.toFixed(2)} s`;
    case 'bytes':
      return formatBytes(value);
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
}

/** "42 s ago", "5 min ago", "3 h ago" from an ISO time. */
export function ago(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'never';
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 48 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} d ago`;
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}
