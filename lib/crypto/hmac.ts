import * as nodeCrypto from 'node:crypto';

/**
 * HMAC-SHA256 as RFC 2104 defines it, H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), computed with two one-shot digests
 * (`crypto.hash`) from pads made once per key: the same bytes as `createHmac`, without its object. Every token
 * exchange, platform call and webhook delivery signs or checks one or more of these, and each `createHmac`
 * is a native handle that the young-generation collector finalises one by one: thousands a second lengthened
 * every scavenge pause (bench/RESULTS.md, 2026-12-07: ≈ 5,000 per scavenge, 5.5–10 ms pauses). Node before
 * 20.12 has no `crypto.hash`; there `createHmac` is used.
 */
const BLOCK = 64; // SHA-256's block size in bytes
const DIGEST = 32;

type Encoding = 'hex' | 'base64' | 'base64url';
type OneShot = ((algorithm: string, data: Buffer, outputEncoding: 'buffer') => Buffer) &
  ((algorithm: string, data: Buffer, outputEncoding: Encoding | 'binary') => string);
const oneShot = (nodeCrypto as unknown as { hash?: OneShot }).hash;

interface Pads {
  inner: Buffer;
  outer: Buffer;
}

/** Pads per key object: the callers keep their keys (derived once, cached), so these live as long as those. */
const padsOf = new WeakMap<Buffer, Pads>();

function pads(key: Buffer): Pads {
  let p = padsOf.get(key);
  if (!p) {
    const k = key.length > BLOCK ? nodeCrypto.createHash('sha256').update(key).digest() : key;
    const inner = Buffer.alloc(BLOCK, 0x36);
    const outer = Buffer.alloc(BLOCK, 0x5c);
    for (let i = 0; i < k.length; i++) {
      inner[i]! ^= k[i]!;
      outer[i]! ^= k[i]!;
    }
    padsOf.set(key, (p = { inner, outer }));
  }
  return p;
}

/**
 * HMAC-SHA256 of `data` (a string is taken as UTF-8) under `key`: the 32-byte digest, or with `encoding` the
 * digest as text (no Buffer made for it).
 */
export function hmacSha256(key: Buffer, data: string | Buffer): Buffer;
export function hmacSha256(key: Buffer, data: string | Buffer, encoding: Encoding): string;
export function hmacSha256(key: Buffer, data: string | Buffer, encoding?: Encoding): Buffer | string {
  if (!oneShot) {
    const digest = nodeCrypto.createHmac('sha256', key).update(data);
    return encoding ? digest.digest(encoding) : digest.digest();
  }
  const { inner, outer } = pads(key);
  const length = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  const first = Buffer.allocUnsafe(BLOCK + length);
  inner.copy(first, 0);
  if (typeof data === 'string') first.write(data, BLOCK);
  else data.copy(first, BLOCK);
  const second = Buffer.allocUnsafe(BLOCK + DIGEST);
  outer.copy(second, 0);
  second.write(oneShot('sha256', first, 'binary'), BLOCK, 'binary'); // the inner digest's 32 bytes
  return encoding ? oneShot('sha256', second, encoding) : oneShot('sha256', second, 'buffer');
}
