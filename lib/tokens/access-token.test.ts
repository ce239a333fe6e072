import { createHmac, hkdfSync } from 'node:crypto';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { keyring } from '@/lib/crypto';
import { ACCESS_TOKEN_LIFETIME_MS, signAccessToken, verifyAccessToken } from './access-token';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const claims = { cid: id(1), gid: id(2), fam: id(3), tid: id(4), kind: 'group' as const, grp: id(5), perm: ['groupinfo'] };
const key = () => Buffer.from(hkdfSync('sha256', keyring().keys.get('k1')!, Buffer.alloc(0), 'connector-portal:access-token', 32));

describe('access tokens', () => {
  it('are standard HS256 JWTs that live 24 hours (a JWT library verifies them)', async () => {
    const now = Date.now();
    const { token, expiresAt } = signAccessToken(claims, now);
    expect(expiresAt - now).toBe(ACCESS_TOKEN_LIFETIME_MS);
    const { payload, protectedHeader } = await jwtVerify(token, key(), { algorithms: ['HS256'] });
    expect(protectedHeader).toMatchObject({ alg: 'HS256', typ: 'JWT', kid: 'k1' });
    expect(payload).toMatchObject({ ...claims, exp: Math.floor(expiresAt / 1000) });
    expect(verifyAccessToken(token)).toEqual({ ok: true, claims: expect.objectContaining(claims) });
  });

  it('refuses a changed payload or signature', () => {
    const { token } = signAccessToken(claims);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, grp: id(9), iat: 1, exp: 9999999999 })).toString('base64url');
    expect(verifyAccessToken(`${h}.${forged}.${s}`)).toEqual({ ok: false, reason: 'signature' });
    expect(verifyAccessToken(`${h}.${p}.${s!.slice(0, -2)}AA`)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses alg:none, another algorithm and unknown key ids', () => {
    const { token } = signAccessToken(claims);
    const payload = token.split('.')[1];
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: 'k1' })).toString('base64url');
    expect(verifyAccessToken(`${none}.${payload}.`)).toEqual({ ok: false, reason: 'signature' });
    const hs512 = Buffer.from(JSON.stringify({ alg: 'HS512', kid: 'k1' })).toString('base64url');
    const sig = createHmac('sha512', key()).update(`${hs512}.${payload}`).digest('base64url');
    expect(verifyAccessToken(`${hs512}.${payload}.${sig}`)).toEqual({ ok: false, reason: 'signature' });
    const otherKid = Buffer.from(JSON.stringify({ alg: 'HS256', kid: 'k9' })).toString('base64url');
    expect(verifyAccessToken(`${otherKid}.${payload}.x`)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses expired, truncated and garbage tokens', () => {
    const { token } = signAccessToken(claims, Date.now() - ACCESS_TOKEN_LIFETIME_MS - 120_000);
    expect(verifyAccessToken(token)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyAccessToken(token.slice(0, 20))).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyAccessToken('a.b.c.d')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyAccessToken('x'.repeat(5000))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a correctly signed token whose claims do not fit the schema (401, never a query with a bad id)', () => {
    const bad = [
      { ...claims, kind: 'superuser' },
      { ...claims, gid: 'not-a-uuid' },
      { ...claims, tid: "x' OR 1=1" },
      { ...claims, fam: undefined },
      { ...claims, perm: 'groupinfo' },
      { ...claims, kind: 'member', grp: undefined }, // a member token needs its phone number
      { ...claims, kind: 'member', grp: undefined, phn: '12345' },
    ];
    for (const c of bad) {
      const { token } = signAccessToken(c as unknown as typeof claims);
      expect(verifyAccessToken(token), JSON.stringify(c)).toEqual({ ok: false, reason: 'malformed' });
    }
    const member = signAccessToken({ ...claims, kind: 'member', grp: undefined, phn: '+14255550101' }).token;
    expect(verifyAccessToken(member).ok).toBe(true);
  });
});
