import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { config } from '@/lib/config';
import { hmacSha256 } from './hmac';

/**
 * The app's secret keys. APP_ENCRYPTION_KEY holds one or more 32-byte keys, base64, each with an id:
 * `k2:BASE64,k1:BASE64` (the first is current; older ones still decrypt). A bare BASE64 value is key `k1`.
 * Purpose-specific subkeys are derived with HKDF so one leaked use cannot be replayed in another.
 */
interface Keyring {
  currentId: string;
  keys: Map<string, Buffer>;
}

let cached: { raw: string; ring: Keyring } | undefined;

function parseKeyring(raw: string): Keyring {
  const keys = new Map<string, Buffer>();
  let currentId = '';
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, value] = part.includes(':') ? (part.split(':', 2) as [string, string]) : ['k1', part];
    const key = Buffer.from(value, 'base64');
    if (key.length !== 32) throw new Error(`APP_ENCRYPTION_KEY: key "${id}" must be 32 bytes (base64-encoded).`);
    keys.set(id, key);
    if (!currentId) currentId = id;
  }
  if (!currentId) throw new Error('APP_ENCRYPTION_KEY is empty.');
  return { currentId, keys };
}

export function keyring(): Keyring {
  const raw = config().APP_ENCRYPTION_KEY;
  if (!raw) throw new Error('APP_ENCRYPTION_KEY is not set (npm run dev generates one in .data/).');
  if (!cached || cached.raw !== raw) cached = { raw, ring: parseKeyring(raw) };
  return cached.ring;
}

const subkeys = new Map<string, Buffer>();

function subkey(purpose: string): Buffer {
  const ring = keyring();
  const cacheKey = `${ring.currentId}:${purpose}`;
  let key = subkeys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', ring.keys.get(ring.currentId)!, Buffer.alloc(0), `connector-portal:${purpose}`, 32));
    subkeys.set(cacheKey, key);
  }
  return key;
}

/** Keyed hash (HMAC-SHA256, hex) for lookups and constant-time checks of secrets, codes and tokens. */
export function keyedHash(purpose: string, value: string): string {
  return hmacSha256(subkey(`hmac:${purpose}`), value, 'hex');
}

/** Constant-time comparison of two hex/ASCII strings. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** AES-256-GCM; output `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url). */
export function encrypt(plaintext: string, aad = ''): string {
  const ring = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.keys.get(ring.currentId)!, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', ring.currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export function decrypt(sealed: string, aad = ''): string {
  const [version, keyId, iv, tag, ct] = sealed.split('.');
  const key = keyId ? keyring().keys.get(keyId) : undefined;
  if (version !== 'v1' || !key || !iv || !tag || ct === undefined) throw new Error('Cannot decrypt: unknown format or key.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** Values opened by decryptCached, per context and sealed value (bounded: emptied past 10,000). */
const opened = new Map<string, string>();

/**
 * decrypt, remembered per (context, sealed value), for values opened on every use (a webhook's secret and callback
 * token per delivery, a connection's access token per invoke): no AES object each time. A new secret or token is a
 * new sealed value, so nothing stale is served.
 */
export function decryptCached(sealed: string, aad = ''): string {
  const key = `${aad}\n${sealed}`;
  let value = opened.get(key);
  if (value === undefined) {
    value = decrypt(sealed, aad);
    if (opened.size >= 10_000) opened.clear();
    opened.set(key, value);
  }
  return value;
}
