import { hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { hmacSha256, keyring } from '@/lib/crypto';

/**
 * Access tokens: compact JWS, HS256, 24 h (kaizala-connectors.md §4.2). Signed and verified with
 * node:crypto directly — no database read and no WebCrypto promise per request. Keys are derived from
 * APP_ENCRYPTION_KEY per key id (`kid` header), so rotating that key rotates these too.
 */
export const ACCESS_TOKEN_LIFETIME_MS = 24 * 3600 * 1000;

export interface AccessClaims {
  /** connector (applicationId) */
  cid: string;
  /** grant id: checked for revocation on every API call */
  gid: string;
  /** refresh-token family the token was minted from: a revoked family stops its access tokens at once */
  fam: string;
  /** tenant */
  tid: string;
  kind: 'group' | 'user' | 'tenant' | 'member';
  /** group grants: the group */
  grp?: string;
  /** user / tenant grants: the portal user */
  uid?: string;
  /** member grants: the phone number */
  phn?: string;
  /** a bot access token (GET /v1/bot/accessToken/{botUserId}): the bot it acts as, on the grant it was minted from */
  bot?: string;
  /** permission keys of the connector */
  perm: string[];
  iat: number;
  exp: number;
}

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/**
 * What a valid token carries. Checked after the signature: a token we signed with other claims (an older
 * format, or a bug) is refused with 401 rather than reaching a query with a value it cannot hold.
 */
const claimsSchema = z.object({
  cid: uuid,
  gid: uuid,
  fam: uuid,
  tid: uuid,
  kind: z.enum(['group', 'user', 'tenant', 'member']),
  grp: uuid.optional(),
  uid: uuid.optional(),
  phn: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/)
    .optional(),
  bot: uuid.optional(),
  perm: z.array(z.string().max(64)).max(32),
  iat: z.number().int(),
  exp: z.number().int(),
});

const keyCache = new Map<string, Buffer>();
function signingKey(kid: string): Buffer | undefined {
  let key = keyCache.get(kid);
  if (!key) {
    const master = keyring().keys.get(kid);
    if (!master) return undefined;
    key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'connector-portal:access-token', 32));
    keyCache.set(kid, key);
  }
  return key;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const headerCache = new Map<string, string>();

export function signAccessToken(claims: Omit<AccessClaims, 'iat' | 'exp'>, now = Date.now(), notAfter?: number): { token: string; expiresAt: number } {
  const kid = keyring().currentId;
  let header = headerCache.get(kid);
  if (!header) {
    header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid }));
    headerCache.set(kid, header);
  }
  const iat = Math.floor(now / 1000);
  const expiresAt = Math.min(now + ACCESS_TOKEN_LIFETIME_MS, notAfter ?? Infinity);
  const payload = b64(JSON.stringify({ ...claims, iat, exp: Math.floor(expiresAt / 1000) }));
  const input = `${header}.${payload}`;
  const sig = hmacSha256(signingKey(kid)!, input, 'base64url');
  return { token: `${input}.${sig}`, expiresAt };
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const LEEWAY_S = 60;

/** Verify signature (constant time), algorithm and expiry. Never trusts the header's `alg`. */
export function verifyAccessToken(token: string, now = Date.now()): VerifyResult {
  if (token.length > 4096) return { ok: false, reason: 'malformed' };
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  if (first < 1 || second < 0 || token.indexOf('.', second + 1) !== -1) return { ok: false, reason: 'malformed' };
  let header: { alg?: string; kid?: string };
  try {
    header = JSON.parse(Buffer.from(token.slice(0, first), 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (header.alg !== 'HS256' || typeof header.kid !== 'string') return { ok: false, reason: 'signature' };
  const key = signingKey(header.kid);
  if (!key) return { ok: false, reason: 'signature' };
  const expected = hmacSha256(key, token.slice(0, second));
  const given = Buffer.from(token.slice(second + 1), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(token.slice(first + 1, second), 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const claims = parsed.data;
  if (claims.exp + LEEWAY_S < now / 1000) return { ok: false, reason: 'expired' };
  // each kind carries the id its reach is computed from
  const subject = { group: claims.grp, user: claims.uid, tenant: claims.uid, member: claims.phn }[claims.kind];
  if (!subject) return { ok: false, reason: 'malformed' };
  return { ok: true, claims };
}
