import 'server-only';
import { db, getPool } from '@/db';
import { recordAudit } from '@/lib/audit';
import {
  enforceRateLimit,
  failureAuditReason,
  failureLimited,
  FAILURE_LIMITS,
  ipBlocked,
  ipKey,
  IP_FAILURES_SQL,
  keysFromParams,
  RATE_LIMIT_COLUMNS,
  rateLimitCte,
  RECORD_FAILURE_SQL,
  SWEEP_RATE_COUNTERS_SQL,
  type FailureRow,
  type RateRow,
} from './budgets';

export interface FailureContext {
  ip: string | null;
  /** the Connector ID the caller named, when it is a well-formed UUID */
  connectorId: string | null;
  /** the connector's tenant, when the connector exists (for the audit row) */
  tenantId: string | null;
  endpoint: string;
}

/** Sampled audit of failed credential checks (first per window, and the one that spends a budget). */
export async function auditCredentialFailure(ctx: FailureContext, row: FailureRow): Promise<void> {
  const reason = failureAuditReason(row);
  if (!reason) return;
  await recordAudit(db, {
    tenantId: ctx.tenantId,
    action: reason === 'budget_exceeded' ? 'token.auth_failure_budget_exceeded' : 'token.auth_failed',
    targetType: 'connector',
    targetId: ctx.connectorId,
    outcome: 'denied',
    ip: ctx.ip,
    metadata: { endpoint: ctx.endpoint, failuresFromIp: row.fail_ip, failuresForConnector: row.fail_connector },
  });
}

/**
 * For endpoints that check a connector secret outside the exchange statement (OAuth token, PIN login):
 * refuse at once when the IP's failure budget is spent.
 */
export async function assertCredentialBudget(ip: string | null): Promise<void> {
  const { rows } = await getPool().query<FailureRow>({ name: 'auth_failures_ip', text: IP_FAILURES_SQL, values: [ipKey(ip)] });
  const row = rows[0]!;
  if (ipBlocked(row)) throw failureLimited({ ...row, fail_ip: null, fail_connector: null })!;
}

/** Count a failed check; returns the error to answer with (429 beyond a budget, else `fallback`). */
export async function recordCredentialFailure(ctx: FailureContext, fallback: Error): Promise<Error> {
  const { rows } = await getPool().query<FailureRow>({ name: 'auth_failures_record', text: RECORD_FAILURE_SQL, values: [ipKey(ctx.ip), ctx.connectorId] });
  const row = rows[0]!;
  await auditCredentialFailure(ctx, row);
  return failureLimited(row) ?? fallback;
}

/**
 * Counter rows of past windows are useless (and failure counters are keyed by client IP, so a flood from
 * many addresses leaves many rows): every instance sweeps them once a minute; the DELETE is idempotent.
 */
export function startRateCounterSweep(): void {
  setInterval(() => {
    getPool()
      .query(SWEEP_RATE_COUNTERS_SQL)
      .catch((err: unknown) => console.error('[ratelimit] sweep failed:', err instanceof Error ? err.message.split('\n')[0] : 'unknown'));
  }, 60_000).unref();
}

const COUNT_CALL_SQL = `WITH ${rateLimitCte(keysFromParams('$1', '$2'))} SELECT ${RATE_LIMIT_COLUMNS}`;

/**
 * Count one authenticated call toward the connector's and tenant's budgets, for endpoints whose own
 * statements do not fold the counter in (the OAuth token endpoint). Throws 429 when spent.
 */
export async function countAuthenticatedCall(connectorId: string, tenantId: string): Promise<Record<string, string>> {
  const { rows } = await getPool().query<RateRow>({ name: 'ratelimit_count_call', text: COUNT_CALL_SQL, values: [connectorId, tenantId] });
  return enforceRateLimit(rows[0]!);
}

/**
 * Sampling for audit rows: true only for the first call with `key` in the current minute (one counter row,
 * swept like the others), so a flood of the same refusal writes one row a minute.
 */
export async function firstThisMinute(key: string): Promise<boolean> {
  const { rows } = await getPool().query<{ count: number }>({
    name: 'ratelimit_first_this_minute',
    text: `INSERT INTO rate_counters (key, window_start, count) VALUES ($1, date_trunc('minute', now()), 1)
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1 RETURNING count`,
    values: [key.slice(0, 200)],
  });
  return rows[0]?.count === 1;
}

/**
 * Client IPs whose failure budget this instance saw spent, until the end of that minute. The token
 * exchange's in-memory fast path (a cached verdict) consults it, so an IP that is refused before its secret
 * is checked stays refused with the right secret too. An IP blocked through another instance's failures
 * may still be answered from this instance's cache for the rest of the minute: it holds a correct secret,
 * so it is not guessing (stated in the README).
 */
const blockedIps = new Map<string, number>();

export function noteIpFailures(ip: string | null, row: FailureRow, now = Date.now()): void {
  if (ip === null) return;
  if (!ipBlocked(row) && (row.fail_ip ?? 0) <= FAILURE_LIMITS.perIp) return;
  if (blockedIps.size >= 10_000) blockedIps.clear();
  blockedIps.set(ip, Math.floor(now / 60_000) * 60_000 + 60_000);
}

export function ipBlockedHere(ip: string | null, now = Date.now()): boolean {
  if (ip === null) return false;
  const until = blockedIps.get(ip);
  if (until === undefined) return false;
  if (until > now) return true;
  blockedIps.delete(ip);
  return false;
}
