import { describe, expect, it } from 'vitest';
import { decrypt, decryptCached, encrypt, keyedHash, safeEqual } from './keys';

describe('crypto keys', () => {
  it('encrypts with AES-GCM and the key id, and decrypts', () => {
    const sealed = encrypt('s3cret-value', 'aad');
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(sealed).not.toContain('s3cret');
    expect(decrypt(sealed, 'aad')).toBe('s3cret-value');
    expect(encrypt('same')).not.toBe(encrypt('same')); // random IV
  });

  it('refuses tampered ciphertext or the wrong context', () => {
    const sealed = encrypt('value', 'ctx-1');
    expect(() => decrypt(sealed, 'ctx-2')).toThrow();
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => decrypt(parts.join('.'), 'ctx-1')).toThrow();
  });

  it('keyed hashes differ per purpose and compare in constant time', () => {
    expect(keyedHash('pin', 'x')).toHaveLength(64);
    expect(keyedHash('pin', 'x')).not.toBe(keyedHash('secret', 'x'));
    expect(safeEqual(keyedHash('pin', 'x'), keyedHash('pin', 'x'))).toBe(true);
    expect(safeEqual(keyedHash('pin', 'x'), keyedHash('pin', 'y'))).toBe(false);
    expect(safeEqual('short', 'longer')).toBe(false);
  });

  it('decryptCached opens like decrypt, and a cached value is never served for another context', () => {
    const sealed = encrypt('token-value', 'ctx-a');
    expect(decryptCached(sealed, 'ctx-a')).toBe('token-value');
    expect(decryptCached(sealed, 'ctx-a')).toBe('token-value');
    expect(() => decryptCached(sealed, 'ctx-b')).toThrow();
  });
});
