import { describe, expect, it } from 'vitest';
import { ReadCache, readCacheKey } from './read-cache';
import type { AccessClaims } from '@/lib/tokens';

describe('read cache bound', () => {
  it('keeps at most maxEntries, dropping the least recently used first', () => {
    const cache = new ReadCache(3, 1_000_000);
    for (const k of ['a', 'b', 'c']) cache.set(k, { version: '1', json: `{"k":"${k}"}` });
    expect(cache.get('a')?.json).toBe('{"k":"a"}'); // a is now the most recently used
    cache.set('d', { version: '1', json: '{}' });
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.get(k) !== undefined)).toEqual([true, true, true]);
  });

  it('stays under maxBytes however many large answers come, and refuses one larger than the whole cache', () => {
    const cache = new ReadCache(10_000, 50_000);
    const page = JSON.stringify({ members: Array.from({ length: 100 }, (_, i) => ({ mobileNumber: `+9198${i}`.padEnd(13, '0') })) });
    for (let i = 0; i < 1_000; i++) {
      cache.set(`members|${i}`, { version: String(i), json: page });
      expect(cache.bytes).toBeLessThanOrEqual(50_000);
    }
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThan(1_000);
    expect(cache.get('members|999')?.version).toBe('999'); // the newest is kept
    cache.set('huge', { version: '1', json: 'x'.repeat(100_000) });
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('members|999')).toBeDefined();
  });

  it('replacing an entry does not leak its size', () => {
    const cache = new ReadCache(10, 1_000_000);
    cache.set('k', { version: '1', json: 'x'.repeat(1_000) });
    const once = cache.bytes;
    for (let v = 2; v < 50; v++) cache.set('k', { version: String(v), json: 'x'.repeat(1_000) });
    expect(cache.bytes).toBe(once);
    expect(cache.size).toBe(1);
  });

  it('keys differ by everything that changes the answer', () => {
    const base: AccessClaims = { cid: 'c', gid: 'g', fam: 'f', tid: 't', kind: 'member', phn: '+919800000001', perm: [], iat: 0, exp: 0 };
    const keys = new Set([
      readCacheKey('members', base, 'G1', undefined, 100),
      readCacheKey('members', base, 'G1', 'cursor', 100),
      readCacheKey('members', base, 'G1', undefined, 50),
      readCacheKey('members', base, 'G2', undefined, 100),
      readCacheKey('group', base, 'G1'),
      readCacheKey('members', { ...base, phn: '+919800000002' }, 'G1', undefined, 100),
      readCacheKey('members', { ...base, kind: 'group', phn: undefined, grp: 'G1' }, 'G1', undefined, 100),
      readCacheKey('members', { ...base, tid: 't2' }, 'G1', undefined, 100),
    ]);
    expect(keys.size).toBe(8);
  });
});
