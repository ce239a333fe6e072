import { describe, expect, it } from 'vitest';
import { Slots } from './slots';

const rows = (hook: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `${hook}-${from + i}`, webhook_id: hook }));

describe('Slots (a worker’s per-webhook bookkeeping)', () => {
  it('starts at most `cap` per webhook and keeps the rest waiting, each webhook on its own', () => {
    const s = new Slots(2, 4, 100);
    s.add([...rows('a', 4), ...rows('b', 1)], 1000);
    const { start, expired } = s.take(100, 0);
    expect(start.map((r) => r.id)).toEqual(['a-0', 'a-1', 'b-0']);
    expect(expired).toEqual([]);
    expect(s.inflight).toBe(3);
    expect(s.waiting).toBe(2);
    expect(s.rooms()).toEqual({ ids: ['a', 'b'], rooms: [0, 3] });
    // a slot of `a` frees: its next waiting row starts, `b` gains nothing from it
    s.done('a');
    expect(s.take(100, 0).start.map((r) => r.id)).toEqual(['a-2']);
    expect(s.take(100, 0).start).toEqual([]);
  });

  it('respects the worker-wide limit', () => {
    const s = new Slots(8, 8, 100);
    s.add([...rows('a', 3), ...rows('b', 3)], 1000);
    expect(s.take(4, 0).start).toHaveLength(4);
    expect(s.waiting).toBe(2);
  });

  it('gives back rows claimed before `startBy` (their lease could end mid-attempt) instead of starting them', () => {
    const s = new Slots(1, 3, 100);
    s.add(rows('a', 1), 1000);
    s.add(rows('a', 2, 1), 5000);
    const { start, expired } = s.take(100, 2000);
    expect(expired).toEqual(['a-0']);
    expect(start.map((r) => r.id)).toEqual(['a-1']);
    expect(s.clearWaiting()).toEqual(['a-2']);
    expect(s.waiting).toBe(0);
    s.done('a');
    expect(s.rooms()).toEqual({ ids: [], rooms: [] });
  });

  it('knows which webhooks a claim left due rows behind for (it got all the room it asked) and which it emptied', () => {
    const s = new Slots(2, 4, 100);
    // `a` and `b` already had rows here (room 2 and 0); `c` and `d` are new (room `depth`, 4)
    s.noteClaim({ ids: ['a', 'b'], rooms: [2, 0] }, [...rows('a', 2), ...rows('c', 4), ...rows('d', 1)]);
    expect(['a', 'b', 'c', 'd'].map((h) => s.claimWorthAfter(h))).toEqual([true, true, true, false]);
    // the next claim asks `a` for 1 and gets none: its due rows are all here
    s.noteClaim({ ids: ['a'], rooms: [1] }, []);
    expect(s.claimWorthAfter('a')).toBe(false);
    expect(s.claimWorthAfter('e')).toBe(false);
  });

  it('asks for no more than the worker may hold, and after that any attempt that ends is worth a claim', () => {
    const s = new Slots(2, 4, 5);
    expect(s.claimSize(500)).toBe(5);
    s.add([...rows('a', 3), ...rows('b', 2)], 1000);
    s.noteClaim({ ids: [], rooms: [] }, [...rows('a', 3), ...rows('b', 2)]);
    s.take(100, 0);
    expect(s.claimSize(500)).toBe(0);
    // the worker is full: `b`'s claim was not cut by its room, yet its ending attempt makes room for one
    expect(s.claimWorthAfter('b')).toBe(true);
    s.done('b');
    expect(s.claimSize(500)).toBe(1);
    expect(s.claimWorthAfter('b')).toBe(false);
  });
});
