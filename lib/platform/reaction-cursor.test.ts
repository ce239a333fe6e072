import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { decodeDetailsCursor, decodeSummaryCursor, encodeDetailsCursor, encodeSummaryCursor } from './reaction-cursor';

const id = '00000000-0000-4000-8000-000000000001';
const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
};

describe('reaction cursors', () => {
  it('round-trip; 0 and none are the first page (Kaizala’s default cursor is 0)', () => {
    const t = '2026-12-06 15:49:01.123456+00';
    expect(decodeSummaryCursor(encodeSummaryCursor(t, id))).toEqual({ changedAt: t, referenceId: id });
    expect(decodeDetailsCursor(encodeDetailsCursor(id))).toBe(id);
    for (const first of [undefined, '', '0']) {
      expect(decodeSummaryCursor(first)).toBeNull();
      expect(decodeDetailsCursor(first)).toBeNull();
    }
  });

  it('anything made up, or one list’s cursor on the other, is InvalidCursor', () => {
    expect(code(() => decodeSummaryCursor('bm9wZQ'))).toBe('InvalidCursor');
    expect(code(() => decodeSummaryCursor(encodeDetailsCursor(id)))).toBe('InvalidCursor');
    expect(code(() => decodeDetailsCursor(encodeSummaryCursor('2026-12-06 15:49:01+00', id)))).toBe('InvalidCursor');
    expect(code(() => decodeSummaryCursor(encodeSummaryCursor("'; DROP TABLE x; --", id)))).toBe('InvalidCursor');
  });
});
