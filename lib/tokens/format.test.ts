import { describe, expect, it } from 'vitest';
import { generateRefreshToken, isWellFormedRefreshToken, maskToken, REFRESH_TOKEN_LIFETIME_MS, REFRESH_TOKEN_ROTATE_AFTER_MS } from './format';

describe('refresh token format', () => {
  it('has the prefix, 32 random bytes and a checksum', () => {
    const t = generateRefreshToken();
    expect(t).toMatch(/^cprt_[A-Za-z0-9_-]{43}[0-9a-z]{7}$/);
    expect(isWellFormedRefreshToken(t)).toBe(true);
    expect(new Set(Array.from({ length: 200 }, generateRefreshToken)).size).toBe(200);
  });

  it('rejects a typo, a truncation and foreign strings through the checksum', () => {
    const t = generateRefreshToken();
    const i = 10;
    const typo = t.slice(0, i) + (t[i] === 'a' ? 'b' : 'a') + t.slice(i + 1);
    expect(isWellFormedRefreshToken(typo)).toBe(false);
    expect(isWellFormedRefreshToken(t.slice(0, -1))).toBe(false);
    expect(isWellFormedRefreshToken('cps_' + t.slice(5))).toBe(false);
    expect(isWellFormedRefreshToken('')).toBe(false);
  });

  it('masks all but the prefix and the last 4 characters', () => {
    const t = generateRefreshToken();
    expect(maskToken(t)).toBe(`cprt_••••••••••••${t.slice(-4)}`);
  });

  it('lives 365 days and rotates from day 328 on', () => {
    expect(REFRESH_TOKEN_LIFETIME_MS / 86_400_000).toBe(365);
    expect(Math.floor(REFRESH_TOKEN_ROTATE_AFTER_MS / 86_400_000)).toBe(328);
  });
});
