/**
 * The statements that count calls in `rate_counters` (the UNLOGGED table shared by all app instances). Pure
 * text, no imports: the end-to-end lock test runs them as they are.
 *
 * Lock order. A statement that counts under several keys locks one counter row per key and holds them all
 * until it commits, so two of them that share two keys must take those rows in the same order, or each can
 * end up waiting for a row the other holds: PostgreSQL then breaks the deadlock by failing one of them (a
 * 500 for a platform call). Every such statement takes its rows in (key in byte order, window) order: a
 * call's own statements count `c:<connector>` before `t:<tenant>` ('c' < 't'), and the flush of the
 * in-memory counts (many connectors of a tenant, and maybe the previous minute too) sorts its rows.
 */

/**
 * SQL fragment (a data-modifying CTE named `rl`) that counts this call in the current 1-minute window, so
 * the count rides along with the request's own query: one round trip. `keysFrom` is a FROM clause giving
 * a column `k` with the keys `c:<connector>` and `t:<tenant>`, in that order.
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

/**
 * Adds the calls counted in memory (lib/ratelimit/memory.ts): $1 keys, $2 window starts (epoch ms), $3
 * counts. Rows are taken in lock order (above): the keys arrive in the order the calls first came.
 */
export const FLUSH_SQL = `INSERT INTO rate_counters (key, window_start, count)
  SELECT k, to_timestamp(w / 1000.0), n FROM unnest($1::text[], $2::float8[], $3::int[]) AS u(k, w, n)
  ORDER BY k COLLATE "C", w
  ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + excluded.count
  RETURNING key, (extract(epoch FROM window_start) * 1000)::float8 AS w, count`;
