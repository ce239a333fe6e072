/**
 * The in-memory side of the budgets (memory.ts): per key and minute, the last count Postgres reported
 * (`known`), the calls being flushed (`inflight`) and those since (`pending`). Kept apart so that the SQL
 * paths (budgets.ts) can report what they counted without an import cycle.
 */
export interface Slot {
  known: number;
  inflight: number;
  pending: number;
}

const MINUTE = 60_000;
let windowMs = 0;
let slots = new Map<string, Slot>();
let previous: { windowMs: number; slots: Map<string, Slot> } | null = null;

export function current(now: number): Map<string, Slot> {
  const w = Math.floor(now / MINUTE) * MINUTE;
  if (w !== windowMs) {
    previous = windowMs ? { windowMs, slots } : null; // its pending calls are still flushed, into its own windowMs
    windowMs = w;
    slots = new Map();
  }
  return slots;
}

export function slot(map: Map<string, Slot>, key: string): Slot {
  let s = map.get(key);
  if (!s) map.set(key, (s = { known: 0, inflight: 0, pending: 0 }));
  return s;
}

export const total = (s: Slot) => s.known + s.inflight + s.pending;

export const windowStart = () => windowMs;

/** This minute's slots and, until its pending calls are flushed, the previous minute's. */
export function batchesToFlush(): { windowMs: number; slots: Map<string, Slot> }[] {
  const out = [{ windowMs, slots }];
  if (previous) {
    out.push(previous);
    if (![...previous.slots.values()].some((s) => s.pending || s.inflight)) previous = null;
  }
  return out;
}

/** A statement counted this call in SQL and saw these counts (this minute): the estimate takes them in. */
export function observeCounts(connectorId: string, tenantId: string, connectorCount: number | null, tenantCount: number | null, now = Date.now()) {
  const map = current(now);
  if (connectorCount !== null) {
    const c = slot(map, `c:${connectorId}`);
    c.known = Math.max(c.known, connectorCount);
  }
  if (tenantCount !== null) {
    const t = slot(map, `t:${tenantId}`);
    t.known = Math.max(t.known, tenantCount);
  }
}

/** This instance's estimate of the calls of this minute: every instance's as last reported, plus its own since. */
export function estimated(connectorId: string, tenantId: string, now = Date.now()): { connector: number; tenant: number } {
  const map = current(now);
  return { connector: total(slot(map, `c:${connectorId}`)), tenant: total(slot(map, `t:${tenantId}`)) };
}
