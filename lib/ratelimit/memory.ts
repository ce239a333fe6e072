import 'server-only';
import { getPool } from '@/db';
import { untraced } from '@/db/trace';
import { config } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { RATE_LIMITS } from './budgets';
import { FLUSH_SQL } from './sql';
import { batchesToFlush, current, slot, total, windowStart, type Slot } from './estimate';

/**
 * Per-connector and per-tenant budgets counted in memory and flushed to Postgres (issue 08 §7): the token
 * exchange's fast path (a cached verdict) answers without a round trip. Each instance keeps, per key and
 * minute, the last count Postgres returned (`known`: every instance's calls up to then, and every call a
 * SQL statement counted here since), the calls being flushed (`inflight`) and the calls since (`pending`).
 * A call is allowed while known + inflight + pending + 1 is within the limit. Every RATE_FLUSH_MS the
 * pending calls are added to `rate_counters` in one statement, whose answer refreshes `known`.
 *
 * Overshoot, stated: on one instance none (its own calls are all in its estimate, and statements of its own
 * that count in SQL report their counts here). With N instances, at most the calls the other N−1 made
 * since their last flush: ≤ (N−1) × their rate × RATE_FLUSH_MS (100 ms by default: at 100 calls a minute
 * per connector that is < 1 call per instance).
 */
/**
 * Count one authenticated call of `connectorId` (tenant `tenantId`) in memory; 429 + Retry-After when a
 * budget is spent (the refused call counts too, as in SQL). Returns the rate-limit headers.
 */
export function countInMemory(connectorId: string, tenantId: string, now = Date.now()): Record<string, string> {
  const map = current(now);
  const c = slot(map, `c:${connectorId}`);
  const t = slot(map, `t:${tenantId}`);
  c.pending++;
  t.pending++;
  scheduleFlush();
  const retryAfter = Math.max(1, Math.ceil((windowStart() + 60_000 - now) / 1000));
  return rateHeaders(total(c), total(t), retryAfter);
}

/** The same decision and headers as the SQL-counted paths (budgets.ts enforceRateLimit). */
export function rateHeaders(connectorCount: number, tenantCount: number, retryAfter: number): Record<string, string> {
  const limit = RATE_LIMITS.perConnector;
  if (connectorCount > limit || tenantCount > RATE_LIMITS.perTenant) {
    const scope = connectorCount > limit ? 'connector' : 'tenant';
    throw new DomainError(
      'TooManyRequests',
      { scope, limit: scope === 'connector' ? limit : RATE_LIMITS.perTenant, retryAfter },
      { retryAfterSeconds: retryAfter, headers: { 'Retry-After': String(retryAfter), 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': '0' } },
    );
  }
  return { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(Math.max(0, limit - connectorCount)) };
}

let timer: NodeJS.Timeout | null = null;
function scheduleFlush() {
  if (timer) return;
  // outside the calling request's SQL trace (tests count statements per request; the flush is nobody's)
  timer = untraced(() =>
    setTimeout(() => {
      timer = null;
      void flush();
    }, config().RATE_FLUSH_MS),
  );
  timer.unref();
}

/** Add every pending call to Postgres in one statement; on failure they stay pending (retried next time). */
export async function flush(): Promise<void> {
  const batches = batchesToFlush();
  const keys: string[] = [];
  const windows: number[] = [];
  const counts: number[] = [];
  const taken: Slot[] = [];
  for (const b of batches) {
    for (const [key, s] of b.slots) {
      if (!s.pending) continue;
      keys.push(key);
      windows.push(b.windowMs);
      counts.push(s.pending);
      s.inflight += s.pending;
      s.pending = 0;
      taken.push(s);
    }
  }
  if (!keys.length) return;
  try {
    const { rows } = await getPool().query<{ key: string; w: number; count: number }>({
      name: 'ratelimit_flush_v2',
      text: FLUSH_SQL,
      values: [keys, windows, counts],
    });
    taken.forEach((s, i) => (s.inflight -= counts[i]!));
    for (const r of rows) {
      const map = batches.find((b) => b.windowMs === r.w)?.slots;
      if (map) slot(map, r.key).known = Math.max(slot(map, r.key).known, r.count);
    }
  } catch (err) {
    taken.forEach((s, i) => {
      s.inflight -= counts[i]!;
      s.pending += counts[i]!;
    });
    console.error('[ratelimit] flush failed, retrying:', err instanceof Error ? err.message.split('\n')[0] : 'unknown');
    scheduleFlush();
  }
}
