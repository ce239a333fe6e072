import { config } from '@/lib/config';
import { DomainError } from '@/lib/errors';
import { estimated, observeCounts } from './estimate';

/** kaizala-connectors.md §5.0: 100 calls/min per connector, 300 calls/min per tenant (summed). */
export const RATE_LIMITS = {
  get perConnector() {
    return config().RATE_LIMIT_PER_CONNECTOR;
  },
  get perTenant() {
    return config().RATE_LIMIT_PER_TENANT;
  },
};

/**
 * Failed credential checks (wrong secret, unknown connector) never touch the budgets above (product.md §5):
 * they have their own, per client IP and per Connector ID, per minute. Beyond the IP budget every call
 * from that IP is refused with 429 before its secret is checked (the guesser slows down, not the owner,
 * who calls from elsewhere). Beyond the per-connector budget failed checks answer 429 instead of 401;
 * a correct secret is never refused for it, so strangers cannot lock the owner out.
 */
export const FAILURE_LIMITS = {
  get perIp() {
    return config().AUTH_FAILURES_PER_IP;
  },
  get perConnector() {
    return config().AUTH_FAILURES_PER_CONNECTOR;
  },
};

/**
 * Counter key of a client IP (bounded: the value comes from the socket or a trusted proxy), or null for
 * an address on IP_BUDGET_ALLOWLIST (a trusted gateway's egress): no per-IP budget applies to it; the
 * per-connector ones still do.
 */
export function ipKey(ip: string | null): string | null {
  const key = (ip ?? 'unknown').slice(0, 64);
  return config().IP_BUDGET_ALLOWLIST.includes(key) ? null : key;
}

export { keysFromParams, RATE_LIMIT_COLUMNS, rateLimitCte } from './sql';

export interface RateRow {
  rl_connector: number | null;
  rl_tenant: number | null;
  rl_reset: number;
}

/**
 * Throws 429 + Retry-After when either budget is spent; otherwise returns the headers to add. With the
 * caller's ids (`cid`, `tid` of its access token) the counts also reach this instance's in-memory estimate
 * (estimate.ts), which the token exchange's fast path decides with.
 */
export function enforceRateLimit(row: RateRow, ids?: { cid: string; tid: string }): Record<string, string> {
  let c = row.rl_connector ?? 0;
  let t = row.rl_tenant ?? 0;
  if (ids) {
    observeCounts(ids.cid, ids.tid, row.rl_connector, row.rl_tenant);
    // calls this instance counted in memory and has not flushed yet count too
    const e = estimated(ids.cid, ids.tid);
    c = Math.max(c, e.connector);
    t = Math.max(t, e.tenant);
  }
  const retryAfter = String(Math.max(1, row.rl_reset));
  if (c > RATE_LIMITS.perConnector || t > RATE_LIMITS.perTenant) {
    const scope = c > RATE_LIMITS.perConnector ? 'connector' : 'tenant';
    throw new DomainError(
      'TooManyRequests',
      { scope, limit: scope === 'connector' ? RATE_LIMITS.perConnector : RATE_LIMITS.perTenant, retryAfter: Number(retryAfter) },
      {
        retryAfterSeconds: Number(retryAfter),
        headers: { 'Retry-After': retryAfter, 'X-RateLimit-Limit': String(RATE_LIMITS.perConnector), 'X-RateLimit-Remaining': '0' },
      },
    );
  }
  return { 'X-RateLimit-Limit': String(RATE_LIMITS.perConnector), 'X-RateLimit-Remaining': String(Math.max(0, RATE_LIMITS.perConnector - c)) };
}

export interface FailureRow {
  /** failures from this IP in the window before this call */
  fail_ip_before: number;
  /** counts after this call's failure was recorded (null when the call authenticated) */
  fail_ip: number | null;
  fail_connector: number | null;
  rl_reset: number;
}

/** True when the IP's failure budget was already spent before this call: refuse without checking. */
export const ipBlocked = (row: Pick<FailureRow, 'fail_ip_before'>) => row.fail_ip_before >= FAILURE_LIMITS.perIp;

export function failureLimited(row: FailureRow): DomainError | null {
  const retryAfter = String(Math.max(1, row.rl_reset));
  const overIp = ipBlocked(row) || (row.fail_ip ?? 0) > FAILURE_LIMITS.perIp;
  const overConnector = (row.fail_connector ?? 0) > FAILURE_LIMITS.perConnector;
  if (!overIp && !overConnector) return null;
  return new DomainError(
    'TooManyRequests',
    { scope: 'failures', limit: FAILURE_LIMITS.perIp, retryAfter: Number(retryAfter) },
    { retryAfterSeconds: Number(retryAfter), headers: { 'Retry-After': retryAfter } },
  );
}

/**
 * Which failures are worth an audit row: the first of a window for an IP or connector, and the one that
 * spends a budget. A flood writes at most a few rows per key and minute, each with the running count.
 */
export function failureAuditReason(row: FailureRow): 'first_failure' | 'budget_exceeded' | null {
  if (row.fail_ip === FAILURE_LIMITS.perIp + 1 || row.fail_connector === FAILURE_LIMITS.perConnector + 1) return 'budget_exceeded';
  if (row.fail_ip === 1 || row.fail_connector === 1) return 'first_failure';
  return null;
}

/** Record one failed credential check (IP and connector keys) and read the IP's count before it. */
export const RECORD_FAILURE_SQL = `WITH before AS (
    SELECT coalesce((SELECT count FROM rate_counters WHERE key = 'fi:' || $1::text AND window_start = date_trunc('minute', now())), 0) AS n
  ), fl AS (
    INSERT INTO rate_counters (key, window_start, count)
    SELECT k, date_trunc('minute', now()), 1 FROM (VALUES ('fi:' || $1::text), ('fc:' || $2::text)) AS v(k) WHERE k IS NOT NULL
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1
    RETURNING key, count
  )
  SELECT (SELECT n FROM before)::int AS fail_ip_before,
    (SELECT count FROM fl WHERE key LIKE 'fi:%') AS fail_ip, (SELECT count FROM fl WHERE key LIKE 'fc:%') AS fail_connector,
    ceil(extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - now()))::int AS rl_reset`;

/** Is this IP's failure budget spent (for endpoints that check a secret outside the exchange statement)? */
export const IP_FAILURES_SQL = `SELECT coalesce((SELECT count FROM rate_counters WHERE key = 'fi:' || $1::text AND window_start = date_trunc('minute', now())), 0)::int AS fail_ip_before,
  ceil(extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - now()))::int AS rl_reset`;

/** Old windows are useless; swept now and then by the token service itself. */
export const SWEEP_RATE_COUNTERS_SQL = `DELETE FROM rate_counters WHERE window_start < now() - interval '5 minutes'`;
