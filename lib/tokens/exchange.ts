import 'server-only';
import { getPool } from '@/db';
import { hashConnectorSecret, mayMintToken } from '@/lib/connectors';
import { decrypt, encrypt } from '@/lib/crypto';
import { DomainError, type RefreshProblem } from '@/lib/errors';
import { isUuid } from '@/lib/utils';
import {
  auditCredentialFailure,
  countInMemory,
  enforceRateLimit,
  ipBlockedHere,
  noteIpFailures,
  failureLimited,
  FAILURE_LIMITS,
  ipKey,
  RATE_LIMIT_COLUMNS,
  type FailureRow,
  type RateRow,
} from '@/lib/ratelimit';
import { signAccessToken, type AccessClaims } from './access-token';
import { cachedVerdict, generationNow, remember, verdictKey, type Verdict } from './exchange-cache';
import { generateRefreshToken, isWellFormedRefreshToken, REFRESH_TOKEN_LIFETIME_MS, REFRESH_TOKEN_ROTATE_AFTER_MS } from './format';
import { hashRefreshToken } from './refresh-tokens';

/** The token service's answer (kaizala-connectors.md §4.1). */
export interface AccessTokenResponse {
  accessToken: string;
  endpointUrl: string;
  accessTokenExpiry: number;
  refreshToken: string;
  scope: string;
}

/**
 * A client that lost the answer to a rotating exchange may present the just-spent token again within
 * this window (and only while its successor has not been used): it gets the same successor back
 * (product.md §5). Any other presentation of a spent token revokes the whole family.
 */
export const ROTATION_GRACE_MS = 60_000;

// Kaizala's own wording (§4.7); unknown connector and wrong secret give the identical body.
export const BAD_CREDENTIALS = () => new DomainError('Unauthenticated');
const BAD_REFRESH_TOKEN = (why: RefreshProblem) => new DomainError('RefreshTokenInvalid', { why });

/**
 * One statement: check the secret (by keyed hash), and only when it matches count the call toward the
 * connector's and tenant's budgets (product.md §5: a stranger who knows only the Connector ID never spends
 * them); otherwise count a failure toward the IP's and connector's failure budgets. An IP whose failure
 * budget is spent is refused before its secret is checked. On success it also loads the refresh token
 * with its grant and successor, and marks the token used. Prepared once per connection.
 *
 * $1 connector id (uuid or null), $2 refresh-token hash, $3 secret hash, $4 client IP key, $5 IP failure limit
 */
const LOOKUP = {
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

interface LookupRow extends RateRow, FailureRow {
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
const ROTATE = {
  name: 'token_exchange_rotate',
  text: `WITH spent AS (
      UPDATE refresh_tokens SET spent_at = now(), replaced_by = $2 WHERE id = $1 AND spent_at IS NULL AND revoked_at IS NULL RETURNING grant_id, family_id
    )
    INSERT INTO refresh_tokens (id, grant_id, family_id, lookup_hash, encrypted, issued_at, expires_at)
    SELECT $2, grant_id, family_id, $3, $4, now(), now() + ($5 || ' milliseconds')::interval FROM spent RETURNING id`,
};

/** The successor of a token another request just rotated (the loser of a concurrent rotation). */
const SUCCESSOR = {
  name: 'token_exchange_successor',
  text: `SELECT n.encrypted, n.used_at, n.revoked_at, t.spent_at FROM refresh_tokens t JOIN refresh_tokens n ON n.id = t.replaced_by WHERE t.id = $1`,
};

/** Replay of a spent token: revoke the whole family and record it (statement 2). */
const REVOKE_FAMILY = {
  name: 'token_exchange_revoke_family',
  text: `WITH r AS (
      UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = 'replay_detected' WHERE family_id = $1 AND revoked_at IS NULL RETURNING id
    )
    INSERT INTO audit_events (tenant_id, action, target_type, target_id, outcome, ip, metadata)
    VALUES ($2, 'refresh_token.replay_detected', 'grant', $3, 'denied', $4, jsonb_build_object('familyId', $1::text, 'revokedTokens', (SELECT count(*) FROM r)))`,
};

export interface ExchangeInput {
  applicationId: string;
  applicationSecret: string;
  refreshToken: string;
  ip: string | null;
  endpointUrl: string;
  scopeFor: (permissions: string[]) => string;
}

/** scope strings per permission set: a connector's permissions rarely change, so this stays tiny */
const scopeCache = new WeakMap<ExchangeInput['scopeFor'], Map<string, string>>();
function scopeOf(scopeFor: ExchangeInput['scopeFor'], permissions: string[]): string {
  let byPerms = scopeCache.get(scopeFor);
  if (!byPerms) scopeCache.set(scopeFor, (byPerms = new Map()));
  const key = permissions.join('\n');
  let scope = byPerms.get(key);
  if (scope === undefined) {
    if (byPerms.size >= 1000) byPerms.clear(); // bounded whatever permission sets show up
    byPerms.set(key, (scope = scopeFor(permissions)));
  }
  return scope;
}

const openSuccessor = (grantId: string, encrypted: string) => decrypt(encrypted, `refresh-token:${grantId}`);

export async function exchangeRefreshToken(input: ExchangeInput): Promise<{ body: AccessTokenResponse; headers: Record<string, string> }> {
  const { applicationId, applicationSecret, refreshToken } = input;
  const connectorId = isUuid(applicationId) ? applicationId.toLowerCase() : null;
  // a malformed token still goes through the lookup (with a hash that matches nothing) so that timing
  // does not tell a well-formed token from a garbage one
  const wellFormed = isWellFormedRefreshToken(refreshToken);
  const refreshHash = hashRefreshToken(refreshToken);
  const secretHash = hashConnectorSecret(applicationSecret);
  const ip = ipKey(input.ip);
  const now = Date.now();

  // fast path: this secret and this token were proven together, and nothing has changed since (exchange-cache.ts)
  const key = connectorId && wellFormed ? verdictKey(connectorId, refreshHash, secretHash) : null;
  if (key && !ipBlockedHere(ip, now)) {
    const v = cachedVerdict(key, now, REFRESH_TOKEN_ROTATE_AFTER_MS);
    if (v) {
      const headers = countInMemory(v.connectorId, v.tenantId, now);
      return { body: accessTokenResponse(v, { endpointUrl: input.endpointUrl, scopeFor: input.scopeFor, refreshToken: '', now }), headers };
    }
  }

  const startedIn = generationNow();
  const pool = getPool();
  const { rows } = await pool.query<LookupRow>({
    ...LOOKUP,
    values: [connectorId, refreshHash, secretHash, ip, FAILURE_LIMITS.perIp],
  });
  const row = rows[0]!;
  if (!row.authenticated) {
    await auditCredentialFailure({ ip: input.ip, connectorId, tenantId: row.connector_tenant_id, endpoint: 'accessToken' }, row);
    const limited = failureLimited(row);
    if (limited) noteIpFailures(ip, row, now);
    throw limited ?? BAD_CREDENTIALS();
  }
  const rateHeaders = enforceRateLimit(row, { cid: connectorId!, tid: row.connector_tenant_id! });

  if (!wellFormed || !row.token_id || row.grant_connector_id?.toLowerCase() !== connectorId) {
    throw BAD_REFRESH_TOKEN('notForConnector');
  }
  // the one activation rule (kaizala-connectors.md §2.4); `authn` only matched a connector that is not deleted
  if (row.token_revoked_at || !mayMintToken({ deletedAt: null }, { revokedAt: row.grant_revoked_at })) throw BAD_REFRESH_TOKEN('revoked');

  let nextRefreshToken = '';
  if (row.spent_at) {
    const retryWithinGrace =
      row.successor_encrypted !== null &&
      row.successor_used_at === null &&
      row.successor_revoked_at === null &&
      now - row.spent_at.getTime() <= ROTATION_GRACE_MS;
    if (!retryWithinGrace) {
      await pool.query({ ...REVOKE_FAMILY, values: [row.family_id, row.connector_tenant_id, row.grant_id, input.ip] });
      throw BAD_REFRESH_TOKEN('replayed');
    }
    nextRefreshToken = openSuccessor(row.grant_id!, row.successor_encrypted!);
  } else {
    if (row.expires_ms === null || row.expires_ms <= now) throw BAD_REFRESH_TOKEN('expired');
    if (now - row.issued_ms! >= REFRESH_TOKEN_ROTATE_AFTER_MS) nextRefreshToken = await rotate(row);
  }

  const verdict: Verdict = {
    connectorId: connectorId!,
    grantId: row.grant_id!,
    familyId: row.family_id!,
    tenantId: row.connector_tenant_id!,
    kind: row.kind!,
    permissions: row.permissions ?? [],
    groupId: row.group_id,
    userId: row.user_id,
    phone: row.phone,
    issuedMs: row.issued_ms!,
    expiresMs: row.expires_ms!,
    secretExpiresMs: row.secret_expires_ms,
  };
  // only a plain exchange of a live, unspent, now-used token is remembered (never a rotation or a grace retry)
  if (key && !row.spent_at && !nextRefreshToken) remember(key, verdict, startedIn, now);
  const body = accessTokenResponse(verdict, { endpointUrl: input.endpointUrl, scopeFor: input.scopeFor, refreshToken: nextRefreshToken, now });
  return { body, headers: rateHeaders };
}

/** What an access token is minted for: a live grant of a connector, from one refresh-token family. */
export interface MintFor {
  connectorId: string;
  grantId: string;
  familyId: string;
  tenantId: string;
  kind: AccessClaims['kind'];
  permissions: string[];
  groupId?: string | null;
  userId?: string | null;
  phone?: string | null;
}

/**
 * The token service's answer (§4.1) for a grant the caller has just proven: signs the 24 h access token.
 * Used by the exchange and by the OAuth token endpoint, which mints for the grant it has just made.
 */
export function accessTokenResponse(
  m: MintFor,
  opts: { endpointUrl: string; scopeFor: ExchangeInput['scopeFor']; refreshToken: string; now?: number },
): AccessTokenResponse {
  const claims: Omit<AccessClaims, 'iat' | 'exp'> = {
    cid: m.connectorId.toLowerCase(),
    gid: m.grantId,
    fam: m.familyId,
    tid: m.tenantId,
    kind: m.kind,
    perm: m.permissions,
    ...(m.groupId ? { grp: m.groupId } : {}),
    ...(m.userId ? { uid: m.userId } : {}),
    ...(m.phone ? { phn: m.phone } : {}),
  };
  const { token, expiresAt } = signAccessToken(claims, opts.now ?? Date.now());
  return {
    accessToken: token,
    endpointUrl: opts.endpointUrl,
    accessTokenExpiry: expiresAt,
    refreshToken: opts.refreshToken,
    scope: scopeOf(opts.scopeFor, m.permissions),
  };
}

/** Rotate `row`'s token; when another request won the race, answer with the successor it made. */
async function rotate(row: LookupRow): Promise<string> {
  const pool = getPool();
  const next = generateRefreshToken();
  const id = crypto.randomUUID();
  const res = await pool.query({
    ...ROTATE,
    values: [row.token_id, id, hashRefreshToken(next), encrypt(next, `refresh-token:${row.grant_id}`), String(REFRESH_TOKEN_LIFETIME_MS)],
  });
  if (res.rowCount === 1) return next;
  const { rows } = await pool.query<{ encrypted: string; used_at: Date | null; revoked_at: Date | null }>({ ...SUCCESSOR, values: [row.token_id] });
  const s = rows[0];
  if (!s || s.revoked_at || s.used_at) throw BAD_REFRESH_TOKEN('raced');
  return openSuccessor(row.grant_id!, s.encrypted);
}
