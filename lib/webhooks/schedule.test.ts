import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextRetryDelayMs, parseRetryAfter } from './schedule';

describe('retry schedule', () => {
  it('retries 6 times at about 5 s, 5 min, 30 min, 2 h, 10 h, 35 h, then stops', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6].map((n) => nextRetryDelayMs(n, null, mid))).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 36_000_000, 126_000_000]);
    expect(nextRetryDelayMs(7, null, mid)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(7);
  });
  it('jitters by at most ±10 %', () => {
    expect(nextRetryDelayMs(2, null, () => 0)).toBe(270_000);
    expect(nextRetryDelayMs(2, null, () => 1)).toBe(330_000);
  });
  it('honours Retry-After when it is later, up to 24 h; never earlier than the schedule', () => {
    const mid = () => 0.5;
    expect(nextRetryDelayMs(1, 120, mid)).toBe(120_000);
    expect(nextRetryDelayMs(2, 1, mid)).toBe(300_000);
    expect(nextRetryDelayMs(1, 10 * 86_400, mid)).toBe(86_400_000);
  });
  it('parses seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
