import { DomainError } from '@/lib/errors';

/** kaizala-connectors.md §5.0: 100 calls/min per connector, 300 calls/min per tenant (summed). */
export const RATE_LIMITS = {
  perConnector: Number(process.env.RATE_LIMIT_PER_CONNECTOR) || 100,
  perTenant: Number(process.env.RATE_LIMIT_PER_TENANT) || 300,
};

/**
 * SQL fragment (a data-modifying CTE named `rl`) that counts this call in the current 1-minute window, so
 * the count rides along with the request's own query: one round trip. `keysFrom` is a FROM clause giving
 * a column `k` with the keys `c:<connector>` and `t:<tenant>`. Counters live in the UNLOGGED
 * `rate_counters` table shared by all app instances.
 */
export function rateLimitCte(keysFrom: string): string {
  return `rl AS (
    INSERT INTO rate_counters (key, window_start, count)
    SELECT k, date_trunc('minute', now()), 1 FROM ${keysFrom}
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1
    RETURNING key, count
  )`;
}

/** Keys from two text parameters (connector and tenant ids from a verified access token). */
export const keysFromParams = (connectorParam: string, tenantParam: string) =>
  `(VALUES ('c:' || ${connectorParam}::text), ('t:' || ${tenantParam}::text)) AS v(k)`;

/** Columns to select from `rl`: the two counts and the seconds left in the window. */
export const RATE_LIMIT_COLUMNS = `(SELECT count FROM rl WHERE key LIKE 'c:%') AS rl_connector,
  (SELECT count FROM rl WHERE key LIKE 't:%') AS rl_tenant,
  ceil(extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - now()))::int AS rl_reset`;

export interface RateRow {
  rl_connector: number | null;
  rl_tenant: number | null;
  rl_reset: number;
}

/** Throws 429 + Retry-After when either budget is spent; otherwise returns the headers to add. */
export function enforceRateLimit(row: RateRow): Record<string, string> {
  const c = row.rl_connector ?? 0;
  const t = row.rl_tenant ?? 0;
  const retryAfter = String(Math.max(1, row.rl_reset));
  if (c > RATE_LIMITS.perConnector || t > RATE_LIMITS.perTenant) {
    const which = c > RATE_LIMITS.perConnector ? `${RATE_LIMITS.perConnector} calls per minute for this connector` : `${RATE_LIMITS.perTenant} calls per minute for this organization`;
    throw new DomainError('TooManyRequests', `Rate limit exceeded (${which}). Retry after ${retryAfter} seconds.`, {
      status: 429,
      retryAfterSeconds: Number(retryAfter),
      headers: { 'Retry-After': retryAfter, 'X-RateLimit-Limit': String(RATE_LIMITS.perConnector), 'X-RateLimit-Remaining': '0' },
    });
  }
  return { 'X-RateLimit-Limit': String(RATE_LIMITS.perConnector), 'X-RateLimit-Remaining': String(Math.max(0, RATE_LIMITS.perConnector - c)) };
}

/** Old windows are useless: the worker (or any caller) may sweep them. */
export const SWEEP_RATE_COUNTERS_SQL = `DELETE FROM rate_counters WHERE window_start < now() - interval '5 minutes'`;
