import { describe, expect, it } from 'vitest';
import {
  generateConnectorSecret,
  hashConnectorSecret,
  matchesAnySecret,
  openConnectorSecret,
  sealConnectorSecret,
  secretIsLive,
  verifyConnectorSecret,
} from './secrets';

describe('connector secrets', () => {
  it('carry 32 random bytes behind a recognisable prefix', () => {
    const s = generateConnectorSecret();
    expect(s).toMatch(/^cps_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(s.slice(4), 'base64url')).toHaveLength(32);
    expect(new Set(Array.from({ length: 100 }, generateConnectorSecret)).size).toBe(100);
  });

  it('verify only the exact secret', () => {
    const s = generateConnectorSecret();
    const hash = hashConnectorSecret(s);
    expect(verifyConnectorSecret(s, hash)).toBe(true);
    expect(verifyConnectorSecret(s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A'), hash)).toBe(false);
    expect(verifyConnectorSecret('', hash)).toBe(false);
  });

  it('match against any of several stored hashes (a rotation overlap), and only the right one', () => {
    const [a, b] = [generateConnectorSecret(), generateConnectorSecret()];
    const hashes = [hashConnectorSecret(a), hashConnectorSecret(b)];
    expect(matchesAnySecret(a, hashes)).toBe(true);
    expect(matchesAnySecret(b, hashes)).toBe(true);
    expect(matchesAnySecret(generateConnectorSecret(), hashes)).toBe(false);
    expect(matchesAnySecret(a, [])).toBe(false);
  });

  it('are stored encrypted, bound to their connector, never in clear', () => {
    const s = generateConnectorSecret();
    const sealed = sealConnectorSecret('conn-1', s);
    expect(sealed.encrypted).not.toContain(s.slice(4));
    expect(sealed.lookupHash).not.toContain(s.slice(4));
    expect(openConnectorSecret('conn-1', sealed.encrypted)).toBe(s);
    expect(() => openConnectorSecret('conn-2', sealed.encrypted)).toThrow();
  });

  it('stay live through the rotation overlap, then stop', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    const in7d = new Date(now.getTime() + 7 * 86_400_000);
    expect(secretIsLive({ revokedAt: null, expiresAt: null }, now)).toBe(true);
    expect(secretIsLive({ revokedAt: null, expiresAt: in7d }, now)).toBe(true);
    expect(secretIsLive({ revokedAt: null, expiresAt: in7d }, in7d)).toBe(false);
    expect(secretIsLive({ revokedAt: now, expiresAt: null }, now)).toBe(false);
  });
});
