import { describe, expect, it } from 'vitest';
import { dateTicks, stack, valueAxis } from './chart';

describe('usage chart arithmetic', () => {
  it('gives the value axis a round top at or above the largest bar', () => {
    expect(valueAxis(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(valueAxis(6)).toEqual({ top: 6, ticks: [0, 2, 4, 6] });
    expect(valueAxis(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(valueAxis(97)).toEqual({ top: 100, ticks: [0, 50, 100] });
    expect(valueAxis(1234).top).toBeGreaterThanOrEqual(1234);
    for (const max of [1, 7, 19, 250, 4321, 99_999]) {
      const { top, ticks } = valueAxis(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.every(Number.isInteger)).toBe(true);
    }
  });

  it('stacks a bar bottom-up by outcome, leaving out the empty ones', () => {
    expect(stack({ at: '', calls: 10, clientErrors: 2, throttled: 0, serverErrors: 1 })).toEqual([
      { key: 'ok', from: 0, to: 7 },
      { key: 'clientErrors', from: 7, to: 9 },
      { key: 'serverErrors', from: 9, to: 10 },
    ]);
    expect(stack({ at: '', calls: 0, clientErrors: 0, throttled: 0, serverErrors: 0 })).toEqual([]);
  });

  it('labels midnights on the hourly axis and the 1st and 15th on the daily one', () => {
    const hours = Array.from({ length: 72 }, (_, i) => ({ at: new Date(Date.UTC(2026, 11, 1, 5 + i)).toISOString() }));
    expect(dateTicks(hours, 'hour')).toEqual([
      { index: 19, minor: false },
      { index: 43, minor: true },
      { index: 67, minor: false },
    ]);
    const days = Array.from({ length: 40 }, (_, i) => ({ at: new Date(Date.UTC(2026, 9, 10 + i)).toISOString() }));
    expect(dateTicks(days, 'day').map((t) => [new Date(days[t.index]!.at).getUTCDate(), t.minor])).toEqual([
      [15, true],
      [1, false],
      [15, true],
    ]);
  });
});
