import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { hmacSha256 } from './hmac';

describe('hmacSha256', () => {
  it('gives RFC 4231 test cases 1, 2 and 6 (a key longer than the block)', () => {
    const hex = (key: Buffer, data: string | Buffer) => hmacSha256(key, data).toString('hex');
    expect(hex(Buffer.alloc(20, 0x0b), 'Hi There')).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    expect(hex(Buffer.from('Jefe'), 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(hex(Buffer.alloc(131, 0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First')).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('matches createHmac for keys and messages of every length around the block size, strings as UTF-8', () => {
    for (const keyLength of [0, 1, 31, 32, 63, 64, 65, 100]) {
      const key = randomBytes(keyLength);
      for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 5000]) {
        const bytes = randomBytes(length);
        expect(hmacSha256(key, bytes).equals(createHmac('sha256', key).update(bytes).digest())).toBe(true);
        const text = `é✓ ${bytes.toString('base64')}`;
        expect(hmacSha256(key, text).equals(createHmac('sha256', key).update(text).digest())).toBe(true);
      }
    }
  });

  it('encodes the digest as hex, base64 and base64url like createHmac does', () => {
    const key = randomBytes(32);
    for (const encoding of ['hex', 'base64', 'base64url'] as const)
      expect(hmacSha256(key, 'a message', encoding)).toBe(createHmac('sha256', key).update('a message').digest(encoding));
  });

  it('keeps keys apart when one key object is reused after another', () => {
    const a = randomBytes(32);
    const b = randomBytes(32);
    expect(hmacSha256(a, 'm').equals(hmacSha256(b, 'm'))).toBe(false);
    expect(hmacSha256(a, 'm').equals(createHmac('sha256', a).update('m').digest())).toBe(true);
  });

  it('falls back to createHmac where crypto.hash is missing (Node before 20.12), with the same bytes', async () => {
    vi.resetModules();
    let made = 0;
    vi.doMock('node:crypto', async (original) => {
      const real = await original<typeof import('node:crypto')>();
      const createHmac: typeof real.createHmac = (...args) => (made++, real.createHmac(...args));
      const mocked = { ...real, hash: undefined, createHmac };
      return { ...mocked, default: mocked };
    });
    try {
      const { hmacSha256: fallback } = await import('./hmac');
      const key = randomBytes(32);
      expect(fallback(key, 'a message').equals(hmacSha256(key, 'a message'))).toBe(true);
      expect(fallback(key, 'a message', 'base64url')).toBe(hmacSha256(key, 'a message', 'base64url'));
      expect(made).toBe(2);
    } finally {
      vi.doUnmock('node:crypto');
      vi.resetModules();
    }
  });
});
