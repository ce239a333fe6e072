import { getPool } from '@/db';
import { DomainError } from '@/lib/errors';
import { liveSql } from '@/lib/platform';
import { enforceRateLimit, keysFromParams, RATE_LIMIT_COLUMNS, rateLimitCte, type RateRow } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
export { fingerprint, idempotencyKey } from './idempotency-key';

/**
 * `Idempotency-Key` on POST/PUT of the platform API (product.md §12, Stripe's semantics), per connector:
 * - first request with a key: runs, and its answer (2xx or 4xx) is kept for 24 hours;
 * - same key, same method, path and body (compared after lenient parsing): that answer again, with
 *   `Idempotent-Replayed: true`, without running anything (still counted toward the rate limit, and
 *   refused once the token no longer holds);
 * - same key, another request: 422; while the first is still running: 409.
 * 5xx, 503 and 429 answers are not kept (the key is released: a retry runs again). A request whose process
 * died leaves a running row that a retry takes over after the lease (60 s).
 * The answer is kept after the change has committed, in its own statement: if that statement fails, the
 * change stands and a retry with the key answers 409 until the lease ends, then runs again.
 */
const LEASE_SECONDS = 60;
export const KEEP_HOURS = 24;

const CLAIM_SQL = `INSERT INTO idempotency_keys (connector_id, key, fingerprint) VALUES ($1::uuid, $2, $3)
  ON CONFLICT (connector_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, status = NULL, response = NULL, headers = NULL,
    created_at = now(), completed_at = NULL
  WHERE idempotency_keys.created_at < now() - interval '${KEEP_HOURS} hours'
     OR (idempotency_keys.completed_at IS NULL AND idempotency_keys.created_at < now() - interval '${LEASE_SECONDS} seconds')
  RETURNING true AS claimed`;

const REPLAY_SQL = `WITH ${rateLimitCte(keysFromParams('$1', '$3'))}
  SELECT ${RATE_LIMIT_COLUMNS}, k.fingerprint, k.status, k.response, k.completed_at IS NOT NULL AS completed,
    EXISTS (${liveSql('$4', '$5')}) AS live
  FROM (SELECT 1) one LEFT JOIN idempotency_keys k ON k.connector_id = $1::uuid AND k.key = $2`;

interface ReplayRow extends RateRow {
  fingerprint: string | null;
  status: number | null;
  response: unknown;
  completed: boolean | null;
  live: boolean;
}

export type Outcome = { status: number; body: unknown; headers: Record<string, string>; raw?: Response; json?: string };

/**
 * Run `call` at most once per (connector, key). `call` answers with the status and body to send; a thrown
 * DomainError with a 4xx status (not 429) is kept too and thrown again on replay.
 */
export async function withIdempotency(
  claims: AccessClaims,
  key: string,
  print: string,
  call: () => Promise<Outcome>,
  statusOf: (err: unknown) => { status: number; body: unknown } | null,
): Promise<Outcome> {
  const pool = getPool();
  const claimed = await pool.query({ name: 'idempotency_claim_v1', text: CLAIM_SQL, values: [claims.cid, key, print] });
  if (!claimed.rowCount) {
    const { rows } = await pool.query<ReplayRow>({
      name: 'idempotency_replay_v1',
      text: REPLAY_SQL,
      values: [claims.cid, key, claims.tid, claims.gid, claims.fam],
    });
    const r = rows[0]!;
    const headers = enforceRateLimit(r, claims);
    if (!r.live) throw new DomainError('TokenRevoked');
    if (r.fingerprint === null) return withIdempotency(claims, key, print, call, statusOf); // swept in between: claim again
    if (r.fingerprint !== print) throw new DomainError('IdempotencyKeyReused');
    if (!r.completed) throw new DomainError('IdempotencyKeyInUse');
    return { status: r.status!, body: r.response, headers: { ...headers, 'Idempotent-Replayed': 'true' } };
  }
  const keep = (status: number, body: unknown) =>
    pool.query({
      name: 'idempotency_keep_v1',
      text: `UPDATE idempotency_keys SET status = $3, response = $4::jsonb, completed_at = now() WHERE connector_id = $1::uuid AND key = $2`,
      values: [claims.cid, key, status, JSON.stringify(body)],
    });
  const release = () =>
    pool
      .query({
        name: 'idempotency_release_v1',
        text: `DELETE FROM idempotency_keys WHERE connector_id = $1::uuid AND key = $2 AND completed_at IS NULL`,
        values: [claims.cid, key],
      })
      .catch(() => undefined);
  let out: Outcome;
  try {
    out = await call();
  } catch (err) {
    const known = statusOf(err);
    if (known && known.status >= 400 && known.status < 500 && known.status !== 429) await keep(known.status, known.body);
    else await release();
    throw err;
  }
  if (out.status < 500) await keep(out.status, out.json !== undefined ? JSON.parse(out.json) : out.body);
  else await release();
  return out;
}

/** Answers older than 24 hours are of no use: every instance sweeps them every 10 minutes (the DELETE is idempotent). */
export function startIdempotencySweep(): void {
  setInterval(() => {
    getPool()
      .query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '${KEEP_HOURS} hours'`)
      .catch((err: unknown) => console.error('[idempotency] sweep failed:', err instanceof Error ? err.message.split('\n')[0] : 'unknown'));
  }, 600_000).unref();
}
