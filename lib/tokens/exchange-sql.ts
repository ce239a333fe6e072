import { RATE_LIMIT_COLUMNS, type FailureRow, type RateRow } from '@/lib/ratelimit';
import type { AccessClaims } from './access-token';

/** The token exchange's SQL (exchange.ts): the lookup, and the rotation, successor and replay statements. */
/**
 * One statement: check the secret (by keyed hash), and only when it matches count the call toward the
 * connector's and tenant's budgets (product.md §5: a stranger who knows only the Connector ID never spends
 * them); otherwise count a failure toward the IP's and connector's failure budgets. An IP whose failure
 * budget is spent is refused before its secret is checked. On success it also loads the refresh token
 * with its grant and successor, and marks the token used. Prepared once per connection.
 *
 * $1 connector id (uuid or null), $2 refresh-token hash, $3 secret hash, $4 client IP key, $5 IP failure limit
 */
export const LOOKUP = {
  name: 'token_exchange_lookup_v4',
  text: `WITH fail_now AS (
      SELECT coalesce((SELECT count FROM rate_counters WHERE key = 'fi:' || $4::text AND window_start = date_trunc('minute', now())), 0)::int AS n
    ),
    conn AS (SELECT c.id, c.tenant_id, c.permissions FROM connectors c WHERE c.id = $1::uuid AND c.deleted_at IS NULL),
    authn AS (
      SELECT conn.* FROM conn WHERE (SELECT n FROM fail_now) < $5::int AND EXISTS (
        SELECT 1 FROM connector_secrets s WHERE s.connector_id = conn.id AND s.lookup_hash = $3::text
          AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()))
    ),
    rl AS (
      INSERT INTO rate_counters (key, window_start, count)
      SELECT k, date_trunc('minute', now()), 1 FROM authn CROSS JOIN LATERAL (VALUES ('c:' || authn.id::text), ('t:' || authn.tenant_id::text)) AS v(k)
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1
      RETURNING key, count
    ),
    fl AS (
      INSERT INTO rate_counters (key, window_start, count)
      SELECT k, date_trunc('minute', now()), 1 FROM (VALUES ('fi:' || $4::text), ('fc:' || $1::text)) AS v(k)
      WHERE k IS NOT NULL AND NOT EXISTS (SELECT 1 FROM authn)
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1
      RETURNING key, count
    ),
    touch AS (
      UPDATE refresh_tokens SET used_at = now()
      WHERE lookup_hash = $2 AND used_at IS NULL AND spent_at IS NULL AND revoked_at IS NULL AND EXISTS (SELECT 1 FROM authn)
        AND grant_id IN (SELECT id FROM grants WHERE connector_id = $1::uuid)
      RETURNING id
    )
  SELECT ${RATE_LIMIT_COLUMNS},
    (SELECT n FROM fail_now) AS fail_ip_before,
    (SELECT count FROM fl WHERE key LIKE 'fi:%') AS fail_ip,
    (SELECT count FROM fl WHERE key LIKE 'fc:%') AS fail_connector,
    (SELECT tenant_id FROM conn) AS connector_tenant_id,
    a.id IS NOT NULL AS authenticated, a.permissions,
    (SELECT (extract(epoch FROM s.expires_at) * 1000)::float8 FROM connector_secrets s
      WHERE s.connector_id = a.id AND s.lookup_hash = $3::text AND s.revoked_at IS NULL ORDER BY s.expires_at DESC NULLS FIRST LIMIT 1) AS secret_expires_ms,
    t.id AS token_id, t.family_id, (extract(epoch FROM t.issued_at) * 1000)::float8 AS issued_ms, (extract(epoch FROM t.expires_at) * 1000)::float8 AS expires_ms, t.spent_at, t.revoked_at AS token_revoked_at,
    n.encrypted AS successor_encrypted, n.used_at AS successor_used_at, n.revoked_at AS successor_revoked_at,
    g.id AS grant_id, g.connector_id AS grant_connector_id, g.kind, g.group_id, g.user_id, g.phone, g.revoked_at AS grant_revoked_at
  FROM (SELECT 1) AS one
  LEFT JOIN authn a ON true
  LEFT JOIN refresh_tokens t ON t.lookup_hash = $2 AND a.id IS NOT NULL
  LEFT JOIN refresh_tokens n ON n.id = t.replaced_by
  LEFT JOIN grants g ON g.id = t.grant_id`,
};

export interface LookupRow extends RateRow, FailureRow {
  connector_tenant_id: string | null;
  authenticated: boolean;
  permissions: string[] | null;
  secret_expires_ms: number | null;
  token_id: string | null;
  family_id: string | null;
  /** epoch ms (a number, not a Date: no timestamp parsing on the hot path) */
  issued_ms: number | null;
  expires_ms: number | null;
  spent_at: Date | null;
  token_revoked_at: Date | null;
  successor_encrypted: string | null;
  successor_used_at: Date | null;
  successor_revoked_at: Date | null;
  grant_id: string | null;
  grant_connector_id: string | null;
  kind: AccessClaims['kind'] | null;
  group_id: string | null;
  user_id: string | null;
  phone: string | null;
  grant_revoked_at: Date | null;
}

/**
 * Spend the old token and insert its successor, atomically (statement 2 when rotating). Of concurrent
 * exchanges of one token exactly one gets a row back; the others re-read that successor (SUCCESSOR).
 */
export const ROTATE = {
  name: 'token_exchange_rotate',
  text: `WITH spent AS (
      UPDATE refresh_tokens SET spent_at = now(), replaced_by = $2 WHERE id = $1 AND spent_at IS NULL AND revoked_at IS NULL RETURNING grant_id, family_id
    )
    INSERT INTO refresh_tokens (id, grant_id, family_id, lookup_hash, encrypted, issued_at, expires_at)
    SELECT $2, grant_id, family_id, $3, $4, now(), now() + ($5 || ' milliseconds')::interval FROM spent RETURNING id`,
};

/** The successor of a token another request just rotated (the loser of a concurrent rotation). */
export const SUCCESSOR = {
  name: 'token_exchange_successor',
  text: `SELECT n.encrypted, n.used_at, n.revoked_at, t.spent_at FROM refresh_tokens t JOIN refresh_tokens n ON n.id = t.replaced_by WHERE t.id = $1`,
};

/** Replay of a spent token: revoke the whole family and record it (statement 2). */
export const REVOKE_FAMILY = {
  name: 'token_exchange_revoke_family',
  text: `WITH r AS (
      UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = 'replay_detected' WHERE family_id = $1 AND revoked_at IS NULL RETURNING id
    )
    INSERT INTO audit_events (tenant_id, actor_connector_id, action, target_type, target_id, outcome, ip, metadata)
    VALUES ($2, $5::uuid, 'refresh_token.replay_detected', 'grant', $3, 'denied', $4, jsonb_build_object('familyId', $1::text, 'revokedTokens', (SELECT count(*) FROM r)))`,
};
