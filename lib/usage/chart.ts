/**
 * The arithmetic of the usage charts (components/usage/bar-chart.tsx): the value axis, the date ticks and the
 * stack of one bar. Pure functions without imports, so the browser bundle gets nothing else from lib/usage.
 */

export const SERIES = ['ok', 'clientErrors', 'throttled', 'serverErrors'] as const;
export type SeriesKey = (typeof SERIES)[number];

export interface ChartPoint {
  /** start of the hour or day, ISO (UTC) */
  at: string;
  calls: number;
  clientErrors: number;
  throttled: number;
  serverErrors: number;
}

/** The value axis: a top at or above `max` and 2–5 round integer ticks from 0 to it (1, 2 or 5 × 10ⁿ apart). */
export function valueAxis(max: number): { top: number; ticks: number[] } {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return { top, ticks };
}

/** The succeeded calls of a point: all calls less the refused and failed ones. */
export function succeeded(p: ChartPoint): number {
  return Math.max(0, p.calls - p.clientErrors - p.throttled - p.serverErrors);
}

/** One bar's segments bottom-up (succeeded, 4xx, 429, 5xx), empty ones left out. */
export function stack(p: ChartPoint): { key: SeriesKey; from: number; to: number }[] {
  const values: Record<SeriesKey, number> = { ok: succeeded(p), clientErrors: p.clientErrors, throttled: p.throttled, serverErrors: p.serverErrors };
  const out: { key: SeriesKey; from: number; to: number }[] = [];
  let from = 0;
  for (const key of SERIES) {
    if (values[key] <= 0) continue;
    out.push({ key, from, to: from + values[key] });
    from += values[key];
  }
  return out;
}

/**
 * Where the date axis gets a label: hours at each midnight (UTC), days on the 1st and the 15th of each month.
 * `minor` labels are the ones a narrow screen leaves out (every other midnight, the 15ths).
 */
export function dateTicks(points: readonly { at: string }[], unit: 'hour' | 'day'): { index: number; minor: boolean }[] {
  const out: { index: number; minor: boolean }[] = [];
  points.forEach((p, index) => {
    const d = new Date(p.at);
    if (unit === 'hour' && d.getUTCHours() === 0) out.push({ index, minor: false });
    if (unit === 'day' && (d.getUTCDate() === 1 || d.getUTCDate() === 15)) out.push({ index, minor: d.getUTCDate() === 15 });
  });
  if (unit === 'hour') out.forEach((t, i) => (t.minor = i % 2 === 1));
  return out;
}
