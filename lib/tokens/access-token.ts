import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { keyring } from '@/lib/crypto';

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
  /** tenant */
  tid: string;
  kind: 'group' | 'user' | 'tenant' | 'member';
  /** group grants: the group */
  grp?: string;
  /** user / tenant grants: the portal user */
  uid?: string;
  /** member grants: the phone number */
  phn?: string;
  /** permission keys of the connector */
  perm: string[];
  iat: number;
  exp: number;
}

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

export function signAccessToken(claims: Omit<AccessClaims, 'iat' | 'exp'>, now = Date.now()): { token: string; expiresAt: number } {
  const kid = keyring().currentId;
  let header = headerCache.get(kid);
  if (!header) {
    header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid }));
    headerCache.set(kid, header);
  }
  const iat = Math.floor(now / 1000);
  const expiresAt = now + ACCESS_TOKEN_LIFETIME_MS;
  const payload = b64(JSON.stringify({ ...claims, iat, exp: Math.floor(expiresAt / 1000) }));
  const input = `${header}.${payload}`;
  const sig = createHmac('sha256', signingKey(kid)!).update(input).digest('base64url');
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
  const expected = createHmac('sha256', key).update(token.slice(0, second)).digest();
  const given = Buffer.from(token.slice(second + 1), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(token.slice(first + 1, second), 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.exp !== 'number' || claims.exp + LEEWAY_S < now / 1000) return { ok: false, reason: 'expired' };
  if (typeof claims.gid !== 'string' || typeof claims.cid !== 'string' || !Array.isArray(claims.perm)) return { ok: false, reason: 'malformed' };
  return { ok: true, claims };
}
