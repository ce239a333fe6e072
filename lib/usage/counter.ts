import 'server-only';
import { getPool } from '@/db';
import { config } from '@/lib/config';

/**
 * Usage counters kept on the hot path (issue 13 §2): one map update per `/v1` call, added to
 * `connector_usage` in one statement every USAGE_FLUSH_MS (or sooner when many keys are waiting). A failed flush
 * keeps its counts for the next one; a connector deleted meanwhile simply drops out (the join below).
 * An instance that dies loses at most its last USAGE_FLUSH_MS of counts — usage figures, not budgets.
 */
const EAGER_KEYS = 5_000;
const HOUR_MS = 3_600_000;

interface Tally {
  calls: number;
  clientErrors: number;
  throttled: number;
  serverErrors: number;
}

let pending = new Map<string, Tally>();
let timer: NodeJS.Timeout | null = null;
let flushing: Promise<void> | null = null;

/** Counted per connector: every answered call, then 4xx (429 apart, so charts can tell them) and 5xx. */
export function countUsage(connectorId: string, status: number, now = Date.now()): void {
  const key = `${connectorId}|${Math.floor(now / HOUR_MS) * HOUR_MS}`;
  let t = pending.get(key);
  if (!t) pending.set(key, (t = { calls: 0, clientErrors: 0, throttled: 0, serverErrors: 0 }));
  t.calls++;
  if (status === 429) t.throttled++;
  else if (status >= 400 && status < 500) t.clientErrors++;
  else if (status >= 500) t.serverErrors++;
  if (pending.size >= EAGER_KEYS) void flushUsage();
  else schedule();
}

function schedule() {
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    void flushUsage();
  }, config().USAGE_FLUSH_MS);
  timer.unref();
}

/** Rows in (connector, hour) order: two instances flushing the same rows wait for each other, never in a cycle. */
const FLUSH_SQL = `INSERT INTO connector_usage AS u (connector_id, hour, calls, client_errors, throttled, server_errors)
  SELECT x.cid, to_timestamp(x.h / 1000.0), x.calls, x.c4, x.c429, x.c5
  FROM unnest($1::uuid[], $2::float8[], $3::int[], $4::int[], $5::int[], $6::int[]) AS x(cid, h, calls, c4, c429, c5)
  JOIN connectors c ON c.id = x.cid
  ORDER BY x.cid, x.h
  ON CONFLICT (connector_id, hour) DO UPDATE SET calls = u.calls + excluded.calls, client_errors = u.client_errors + excluded.client_errors,
    throttled = u.throttled + excluded.throttled, server_errors = u.server_errors + excluded.server_errors`;

/** Add every pending count in one statement; on failure they are merged back and retried later. */
export async function flushUsage(): Promise<void> {
  if (flushing) return flushing;
  if (!pending.size) return;
  const batch = pending;
  pending = new Map();
  const cols: [string[], number[], number[], number[], number[], number[]] = [[], [], [], [], [], []];
  for (const [key, t] of batch) {
    const [cid, hour] = key.split('|') as [string, string];
    cols[0].push(cid);
    cols[1].push(Number(hour));
    cols[2].push(t.calls);
    cols[3].push(t.clientErrors);
    cols[4].push(t.throttled);
    cols[5].push(t.serverErrors);
  }
  flushing = getPool()
    .query({ name: 'usage_flush_v2', text: FLUSH_SQL, values: cols })
    .then(
      () => undefined,
      (err: unknown) => {
        for (const [key, t] of batch) {
          const now = pending.get(key);
          if (!now) pending.set(key, t);
          else for (const k of Object.keys(t) as (keyof Tally)[]) now[k] += t[k];
        }
        console.error('[usage] flush failed, retrying:', err instanceof Error ? err.message.split('\n')[0] : 'unknown');
        schedule();
      },
    )
    .finally(() => {
      flushing = null;
    });
  return flushing;
}

const SWEEP_SQL = `DELETE FROM connector_usage WHERE hour < now() - interval '91 days'`;

/** Hourly rows older than the 90 days the charts show are deleted once an hour. */
export function startUsageSweep(): void {
  setInterval(() => {
    getPool()
      .query(SWEEP_SQL)
      .catch((err: unknown) => console.error('[usage] sweep failed:', err instanceof Error ? err.message.split('\n')[0] : 'unknown'));
  }, HOUR_MS).unref();
}
