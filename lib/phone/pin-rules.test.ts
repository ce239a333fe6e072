import { describe, expect, it } from 'vitest';
import { checkPin, describeWait, generatePin, PIN_RULES, sendBudget, type BudgetTally, type ChallengeState } from './pin-rules';

const now = new Date('2026-11-23T10:00:00Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
const fresh = (over: Partial<ChallengeState> = {}): ChallengeState => ({
  attempts: 0,
  expiresAt: minutes(10),
  consumedAt: null,
  supersededAt: null,
  ...over,
});

describe('generatePin', () => {
  it('gives 6 digits, zero-padded, and varies', () => {
    const pins = Array.from({ length: 2000 }, generatePin);
    for (const p of pins) expect(p).toMatch(/^\d{6}$/);
    expect(new Set(pins).size).toBeGreaterThan(1990);
    // leading zeros occur (about 10 % of codes start with 0): the code is not a number cast to string
    expect(pins.some((p) => p.startsWith('0'))).toBe(true);
  });
});

describe('checkPin', () => {
  it('accepts the right code while the PIN is fresh', () => {
    expect(checkPin(fresh(), true, now)).toEqual({ outcome: 'ok' });
  });

  it('expires after 10 minutes, even with the right code', () => {
    expect(checkPin(fresh({ expiresAt: minutes(10) }), true, minutes(9.99))).toEqual({ outcome: 'ok' });
    expect(checkPin(fresh({ expiresAt: minutes(10) }), true, minutes(10))).toEqual({ outcome: 'expired' });
  });

  it('counts down wrong attempts and locks on the fifth', () => {
    expect(checkPin(fresh({ attempts: 0 }), false, now)).toEqual({ outcome: 'wrong', attemptsLeft: 4 });
    expect(checkPin(fresh({ attempts: 3 }), false, now)).toEqual({ outcome: 'wrong', attemptsLeft: 1 });
    expect(checkPin(fresh({ attempts: 4 }), false, now)).toEqual({ outcome: 'locked' });
  });

  it('stays dead after 5 wrong attempts, even for the right code', () => {
    expect(checkPin(fresh({ attempts: PIN_RULES.maxAttempts }), true, now)).toEqual({ outcome: 'locked' });
  });

  it('is single use: a consumed or superseded PIN never verifies again', () => {
    expect(checkPin(fresh({ consumedAt: now }), true, now)).toEqual({ outcome: 'used' });
    expect(checkPin(fresh({ supersededAt: now }), true, now)).toEqual({ outcome: 'used' });
  });
});

describe('sendBudget', () => {
  const tally = (reason: BudgetTally['reason'], limit: number, sends: Date[]): BudgetTally => {
    const newest = [...sends].sort((a, b) => b.getTime() - a.getTime());
    return { reason, limit, count: sends.length, limitThNewest: newest[limit - 1] ?? null };
  };

  it('allows 5 sends per number and requester in 10 minutes and tells when the 6th is possible', () => {
    const sends = [0, 1, 2, 3].map((m) => minutes(-9 + m));
    expect(sendBudget([tally('requester', 5, sends)], now)).toEqual({ allowed: true });
    const five = [...sends, minutes(-1)];
    expect(sendBudget([tally('requester', 5, five)], now)).toEqual({ allowed: false, reason: 'requester', retryAfterSeconds: 60 });
  });

  it('names the first spent budget and waits for the send that frees it', () => {
    const ip = Array.from({ length: PIN_RULES.maxSendsPerIp }, (_, i) => minutes(-5 + i * 0.1));
    expect(sendBudget([tally('requester', 5, []), tally('ip', PIN_RULES.maxSendsPerIp, ip.slice(1))], now)).toEqual({ allowed: true });
    expect(sendBudget([tally('requester', 5, []), tally('ip', PIN_RULES.maxSendsPerIp, ip)], now)).toMatchObject({
      allowed: false,
      reason: 'ip',
      retryAfterSeconds: 300,
    });
    expect(sendBudget([tally('tenant', 3, [minutes(-2), minutes(-1), minutes(-0.5)]), tally('global', 1, [minutes(-9)])], now)).toMatchObject({
      reason: 'tenant',
      retryAfterSeconds: 480,
    });
    expect(sendBudget([tally('global', 2, [minutes(-1), minutes(-2), minutes(-3)])], now)).toMatchObject({ reason: 'global', retryAfterSeconds: 480 });
  });

  it("keeps the number's overall cap above one requester's, so one source cannot exhaust it", () => {
    expect(PIN_RULES.maxSendsPerNumberTotal).toBeGreaterThanOrEqual(3 * PIN_RULES.maxSendsPerNumber);
  });

  it('describes waits in words', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(45)).toBe('45 seconds');
    expect(describeWait(61)).toBe('2 minutes');
    expect(describeWait(60)).toBe('1 minute');
  });
});
