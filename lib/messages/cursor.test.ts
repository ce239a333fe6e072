import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { decodeMessageCursor, encodeMessageCursor } from './cursor';
import { charCount, messageText, MESSAGE_MAX_CHARS, postMessageSchema } from './schemas';

describe('message cursor', () => {
  const id = '0b5e8c1e-7a4c-4d2b-9c39-5f8d7e6a1b2c';
  it('round-trips a message id and is opaque', () => {
    const c = encodeMessageCursor(id);
    expect(c).not.toContain(id);
    expect(decodeMessageCursor(c)).toBe(id);
  });
  it('treats a missing cursor as the first page', () => {
    expect(decodeMessageCursor(undefined)).toBeNull();
    expect(decodeMessageCursor('')).toBeNull();
  });
  it.each([
    'nope',
    Buffer.from('["m","x"]').toString('base64url'),
    Buffer.from(`["r","${id}"]`).toString('base64url'),
    Buffer.from('{}').toString('base64url'),
  ])('refuses a made-up cursor %s with InvalidCursor', (raw) => {
    expect(() => decodeMessageCursor(raw)).toThrow(DomainError);
    try {
      decodeMessageCursor(raw);
    } catch (e) {
      expect((e as DomainError).code).toBe('InvalidCursor');
    }
  });
});

describe('message text', () => {
  const schema = messageText();
  it('takes up to 4000 characters, counting an emoji as one', () => {
    expect(schema.safeParse('x'.repeat(MESSAGE_MAX_CHARS)).success).toBe(true);
    expect(schema.safeParse('😀'.repeat(MESSAGE_MAX_CHARS)).success).toBe(true);
    expect(charCount('😀a')).toBe(2);
  });
  it('refuses 4001 characters with a message naming the limit (never cuts)', () => {
    const r = schema.safeParse('x'.repeat(MESSAGE_MAX_CHARS + 1));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('A message can have at most 4000 characters.');
  });
  it('refuses an empty or blank message and keeps the text as sent', () => {
    expect(schema.safeParse('   ').success).toBe(false);
    expect(schema.safeParse(undefined).success).toBe(false);
    expect(schema.parse('  hi\n')).toBe('  hi\n');
  });
  it('the portal form reports field errors under text', () => {
    const r = postMessageSchema.safeParse({ groupId: '0b5e8c1e-7a4c-4d2b-9c39-5f8d7e6a1b2c', text: '' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['text']);
  });
});
