import 'server-only';
import { getPool } from '@/db';
import { hashConnectorSecret, mayMintToken } from '@/lib/connectors';
import { decrypt, encrypt } from '@/lib/crypto';
import { DomainError, type RefreshProblem } from '@/lib/errors';
import { isUuid } from '@/lib/utils';
import { auditCredentialFailure, countInMemory, enforceRateLimit, ipBlockedHere, noteIpFailures, failureLimited, FAILURE_LIMITS, ipKey } from '@/lib/ratelimit';
import { signAccessToken, type AccessClaims } from './access-token';
import { LOOKUP, REVOKE_FAMILY, ROTATE, SUCCESSOR, type LookupRow } from './exchange-sql';
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
      await pool.query({ ...REVOKE_FAMILY, values: [row.family_id, row.connector_tenant_id, row.grant_id, input.ip, row.grant_connector_id] });
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
