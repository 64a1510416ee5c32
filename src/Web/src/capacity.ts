// Parses GET /api/v1/capacity/{cluster} (src/Rules/Capacity/CapacityDto.cs). The only module that knows that
// endpoint's shape: adapt it here.
//   {"cluster":"c1","resources":[{"resource":"storage","isRatio":true,"policy":0.8,"method":"holt_winters",
//     "history":[{"timestamp":"…","value":0.61}],"points":[{"timestamp":"…","p10":…,"p50":…,"p90":…}],
//     "crossing":{"0.1":"…","0.5":"…","0.9":"…"}}]}
import type { Unit } from './format';

export interface HistoryPoint {
  /** Unix seconds. */
  time: number;
  value: number | null;
}

export interface ForecastPoint {
  /** Unix seconds. */
  time: number;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export interface ResourceForecast {
  resource: string;
  unit: Unit;
  history: HistoryPoint[];
  forecast: ForecastPoint[];
  threshold: number | null;
  /** When each quantile crosses the threshold (ISO date), e.g. { p50: "2027-03-01" }. */
  crossing: Record<string, string>;
  method: string | null;
}

export interface CapacityForecast {
  cluster: string;
  resources: ResourceForecast[];
}

type Json = Record<string, unknown>;

const units: readonly Unit[] = ['ratio', 'seconds', 'bytes', 'count'];

export function parseCapacity(json: unknown): CapacityForecast {
  const root = asObject(json);
  const resources = asArray(root.resources).map(asObject).map(parseResource);
  return { cluster: typeof root.cluster === 'string' ? root.cluster : '', resources };
}

function parseResource(r: Json): ResourceForecast {
  const history = asArray(r.history).map(asObject).map((p) => ({ time: time(p.timestamp), value: num(p.value) }));
  const forecast = asArray(r.points ?? r.forecast).map(asObject).map((p) => ({ time: time(p.timestamp), p10: num(p.p10), p50: num(p.p50), p90: num(p.p90) }));
  const crossing: Record<string, string> = {};
  // Quantile labels "0.1"/"0.5"/"0.9" (as on /metrics) become p10/p50/p90; dates keep their day only.
  const quantileNames: Record<string, string> = { '0.1': 'p10', '0.5': 'p50', '0.9': 'p90' };
  for (const [k, v] of Object.entries(asObject(r.crossing ?? {}))) {
    if (typeof v === 'string') crossing[quantileNames[k] ?? k] = v.slice(0, 10);
  }
  const values = [...history.map((p) => p.value), ...forecast.map((p) => p.p90)].filter((v): v is number => v !== null);
  const declared = r.isRatio === true ? 'ratio' : r.isRatio === false ? 'count' : units.find((u) => u === r.unit);
  return {
    resource: typeof r.resource === 'string' ? r.resource : 'resource',
    unit: declared ?? (values.every((v) => v <= 1.5) ? 'ratio' : 'count'),
    history: history.filter((p) => Number.isFinite(p.time)),
    forecast: forecast.filter((p) => Number.isFinite(p.time)),
    threshold: num(r.policy ?? r.threshold),
    crossing,
    method: typeof r.method === 'string' ? r.method : null,
  };
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** ISO text or Unix milliseconds to Unix seconds (NaN when neither). */
function time(value: unknown): number {
  if (typeof value === 'number') return value / 1000;
  if (typeof value === 'string') return Date.parse(value) / 1000;
  return Number.NaN;
}
