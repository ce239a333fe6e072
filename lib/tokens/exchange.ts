import 'server-only';
import { getPool } from '@/db';
import { matchesAnySecret } from '@/lib/connectors';
import { encrypt } from '@/lib/crypto';
import { DomainError } from '@/lib/errors';
import { isUuid } from '@/lib/utils';
import { enforceRateLimit, RATE_LIMIT_COLUMNS, rateLimitCte, type RateRow } from '@/lib/ratelimit';
import { signAccessToken, type AccessClaims } from './access-token';
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

// Kaizala's own wording (§4.7); unknown connector and wrong secret give the identical body.
const BAD_CREDENTIALS = () =>
  new DomainError('Unauthenticated', 'Dont have correct applicationId and secret in header!', { status: 401, category: 'AuthException' });
const BAD_REFRESH_TOKEN = (why: string) =>
  new DomainError('InvalidToken', `Invalid refresh token: ${why}`, { status: 401, category: 'AuthException' });


/**
 * One statement: count the call (rate limit), load the connector with its live secret hashes, and the
 * refresh token with its grant. Prepared once per connection.
 */
const LOOKUP = {
  name: 'token_exchange_lookup',
  text: `WITH ${rateLimitCte(`connectors c0 CROSS JOIN LATERAL (VALUES ('c:' || c0.id::text), ('t:' || c0.tenant_id::text)) AS v(k) WHERE c0.id = $1::uuid`)}
  SELECT ${RATE_LIMIT_COLUMNS},
    c.tenant_id, c.permissions, c.deleted_at,
    (SELECT array_agg(s.lookup_hash) FROM connector_secrets s
       WHERE s.connector_id = c.id AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now())) AS secret_hashes,
    t.id AS token_id, t.family_id, t.issued_at, t.expires_at, t.spent_at, t.revoked_at AS token_revoked_at,
    g.id AS grant_id, g.connector_id AS grant_connector_id, g.kind, g.group_id, g.user_id, g.phone, g.revoked_at AS grant_revoked_at
  FROM connectors c
  LEFT JOIN refresh_tokens t ON t.lookup_hash = $2
  LEFT JOIN grants g ON g.id = t.grant_id
  WHERE c.id = $1::uuid`,
};

interface LookupRow extends RateRow {
  tenant_id: string;
  permissions: string[];
  deleted_at: Date | null;
  secret_hashes: string[] | null;
  token_id: string | null;
  family_id: string | null;
  issued_at: Date | null;
  expires_at: Date | null;
  spent_at: Date | null;
  token_revoked_at: Date | null;
  grant_id: string | null;
  grant_connector_id: string | null;
  kind: AccessClaims['kind'] | null;
  group_id: string | null;
  user_id: string | null;
  phone: string | null;
  grant_revoked_at: Date | null;
}

/** Spend the old token and insert its successor, atomically (statement 2 when rotating). */
const ROTATE = {
  name: 'token_exchange_rotate',
  text: `WITH spent AS (
      UPDATE refresh_tokens SET spent_at = now(), replaced_by = $2 WHERE id = $1 AND spent_at IS NULL AND revoked_at IS NULL RETURNING grant_id, family_id
    )
    INSERT INTO refresh_tokens (id, grant_id, family_id, lookup_hash, encrypted, issued_at, expires_at)
    SELECT $2, grant_id, family_id, $3, $4, now(), now() + ($5 || ' milliseconds')::interval FROM spent RETURNING id`,
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

export async function exchangeRefreshToken(input: ExchangeInput): Promise<{ body: AccessTokenResponse; headers: Record<string, string> }> {
  const { applicationId, applicationSecret, refreshToken } = input;
  if (!isUuid(applicationId) || !applicationSecret) throw BAD_CREDENTIALS();
  // a malformed token still goes through the lookup (with a hash that matches nothing) so that timing
  // does not tell a well-formed token from a garbage one
  const wellFormed = isWellFormedRefreshToken(refreshToken);
  const pool = getPool();
  const { rows } = await pool.query<LookupRow>({ ...LOOKUP, values: [applicationId, hashRefreshToken(refreshToken)] });
  const row = rows[0];
  const secretOk = matchesAnySecret(applicationSecret, row?.secret_hashes ?? []);
  if (!row || row.deleted_at || !secretOk) throw BAD_CREDENTIALS();
  const rateHeaders = enforceRateLimit(row);

  const now = Date.now();
  if (!wellFormed || !row.token_id || row.grant_connector_id?.toLowerCase() !== applicationId.toLowerCase()) {
    throw BAD_REFRESH_TOKEN('it is not valid for this connector.');
  }
  if (row.spent_at) {
    await pool.query({ ...REVOKE_FAMILY, values: [row.family_id, row.tenant_id, row.grant_id, input.ip] });
    throw BAD_REFRESH_TOKEN('it was already exchanged for a newer one; every token of this family is now revoked.');
  }
  if (row.token_revoked_at || row.grant_revoked_at) throw BAD_REFRESH_TOKEN('it was revoked.');
  if (!row.expires_at || row.expires_at.getTime() <= now) throw BAD_REFRESH_TOKEN('it has expired.');

  let nextRefreshToken = '';
  if (now - row.issued_at!.getTime() >= REFRESH_TOKEN_ROTATE_AFTER_MS) {
    nextRefreshToken = generateRefreshToken();
    const id = crypto.randomUUID();
    const res = await pool.query({
      ...ROTATE,
      values: [row.token_id, id, hashRefreshToken(nextRefreshToken), encrypt(nextRefreshToken, `refresh-token:${row.grant_id}`), String(REFRESH_TOKEN_LIFETIME_MS)],
    });
    if (res.rowCount !== 1) throw BAD_REFRESH_TOKEN('it was just exchanged by another request. Use the newest refresh token.');
  }

  const claims: Omit<AccessClaims, 'iat' | 'exp'> = {
    cid: applicationId.toLowerCase(),
    gid: row.grant_id!,
    tid: row.tenant_id,
    kind: row.kind!,
    perm: row.permissions,
    ...(row.group_id ? { grp: row.group_id } : {}),
    ...(row.user_id ? { uid: row.user_id } : {}),
    ...(row.phone ? { phn: row.phone } : {}),
  };
  const { token, expiresAt } = signAccessToken(claims, now);
  return {
    body: { accessToken: token, endpointUrl: input.endpointUrl, accessTokenExpiry: expiresAt, refreshToken: nextRefreshToken, scope: input.scopeFor(row.permissions) },
    headers: rateHeaders,
  };
}
