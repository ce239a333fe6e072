import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { decodeCursor, encodeCursor } from './pages';

describe('member cursors', () => {
  it('round-trips the sort key of the last row and is opaque (URL-safe)', () => {
    const c = encodeCursor({ role: 'Member', e164: '+12065550101' });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual({ role: 'Member', e164: '+12065550101' });
  });

  it('no cursor is the first page', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'abc'],
    ['another role', Buffer.from(JSON.stringify(['Owner', '+12065550101'])).toString('base64url')],
    ['SQL in the number', Buffer.from(JSON.stringify(['Member', "+1' OR 1=1"])).toString('base64url')],
    ['an object', Buffer.from(JSON.stringify({ role: 'Member', e164: '+12065550101' })).toString('base64url')],
  ])('refuses %s with InvalidCursor (never a silent first page)', (_, raw) => {
    expect(() => decodeCursor(raw)).toThrow(DomainError);
    try {
      decodeCursor(raw);
    } catch (e) {
      expect((e as DomainError).code).toBe('InvalidCursor');
    }
  });
});
