import 'server-only';
import { getPool } from '@/db';
import { config } from '@/lib/config';
import { refreshAhead, ROW_COLUMNS, type ConnectionRow } from './credentials';

/**
 * Tokens kept fresh by the worker, not only on use (product.md §9, issue 14). Every CONNECTIONS_SWEEP_MS the
 * worker (the app's, or `npm run worker`) finds connected connections whose access token expires within
 * CONNECTIONS_SWEEP_LOOKAHEAD_SECONDS and refreshes them through the on-use path (lib/connections/credentials.ts:
 * one promise per connection, the row lock and token_version), so several workers and a concurrent invoke
 * still make exactly one refresh call. A revoked grant (`invalid_grant`) turns the connection Needs reconnect,
 * audited, as on use; a transient failure (provider down, refused) is tried again later with backoff per
 * connection (one interval, doubling up to an hour). CONNECTIONS_SWEEP_MS=0 turns the sweep off. A token that
 * lives shorter than the look-ahead is refreshed once half its life has passed (not on every pass).
 */
const BATCH = 50;
const MAX_BACKOFF_MS = 60 * 60_000;

const DUE_SQL = `SELECT ${ROW_COLUMNS} FROM connections
  WHERE status = 'connected' AND refresh_token_encrypted IS NOT NULL AND expires_at IS NOT NULL
    AND expires_at <= now() + $1 * interval '1 second' AND id <> ALL ($2::uuid[])
    AND (last_refreshed_at IS NULL OR now() >= last_refreshed_at + (expires_at - last_refreshed_at) / 2)
  ORDER BY expires_at LIMIT $3`;

export interface ConnectionSweep {
  /** one pass now (tests, and the timer) */
  runOnce: () => Promise<{ refreshed: number; failed: number }>;
  stop: () => void;
}

export function startConnectionSweep(opts: { quiet?: boolean } = {}): ConnectionSweep | null {
  const c = config();
  if (!c.CONNECTIONS_SWEEP_MS) return null;
  /** connections whose last try failed: not before `until`; the next failure waits twice as long */
  const backoff = new Map<string, { until: number; delayMs: number }>();
  let running: Promise<{ refreshed: number; failed: number }> | null = null;
  let lastLog = 0;
  const log = (msg: string) => {
    if (!opts.quiet && Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      console.error(`[connections] ${msg}`);
    }
  };

  const pass = async () => {
    const now = Date.now();
    const waiting = [...backoff].filter(([, b]) => b.until > now).map(([id]) => id);
    const { rows } = await getPool().query<ConnectionRow>(DUE_SQL, [c.CONNECTIONS_SWEEP_LOOKAHEAD_SECONDS, waiting, BATCH]);
    let refreshed = 0;
    let failed = 0;
    for (const row of rows) {
      try {
        const after = await refreshAhead(row, c.CONNECTIONS_SWEEP_LOOKAHEAD_SECONDS);
        if (after.status === 'connected') refreshed++; // else Needs reconnect (revoked grant): audited by the refresh
        backoff.delete(row.id);
      } catch (err) {
        failed++;
        const delayMs = Math.min(backoff.has(row.id) ? backoff.get(row.id)!.delayMs * 2 : c.CONNECTIONS_SWEEP_MS, MAX_BACKOFF_MS);
        backoff.set(row.id, { until: Date.now() + delayMs, delayMs });
        log(`refreshing connection ${row.link_name} failed (${(err as Error).message}); next try in ${Math.round(delayMs / 1000)} s`);
      }
    }
    return { refreshed, failed };
  };

  const runOnce = () => {
    running ??= pass()
      .catch((err: Error) => {
        log(`could not look for expiring tokens: ${err.message}`); // the database is away: the next tick tries again
        return { refreshed: 0, failed: 0 };
      })
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void runOnce(), c.CONNECTIONS_SWEEP_MS);
  timer.unref();
  void runOnce();
  return { runOnce, stop: () => clearInterval(timer) };
}
