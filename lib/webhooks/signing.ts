import { randomBytes } from 'node:crypto';
import { hmacSha256 } from '@/lib/crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com, product.md §8): `webhook-id`, `webhook-timestamp`
 * (epoch seconds) and `webhook-signature` = space-separated `v1,<base64 HMAC-SHA256(key, id.timestamp.body)>`,
 * the key being the base64 part of the `whsec_` secret. During a rotation both secrets sign (two entries),
 * so receivers verify with either. Tests check these with the `standardwebhooks` npm package.
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

const keys = new Map<string, Buffer>();
function keyOf(secret: string): Buffer {
  let k = keys.get(secret);
  if (!k) {
    k = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    if (keys.size > 10_000) keys.clear();
    keys.set(secret, k);
  }
  return k;
}

export function signatureOf(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${hmacSha256(keyOf(secret), `${id}.${timestamp}.${body}`, 'base64')}`;
}

export function standardWebhookHeaders(secrets: string[], id: string, body: string, now = Date.now()): Record<string, string> {
  const ts = Math.floor(now / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(ts),
    'webhook-signature': secrets.map((s) => signatureOf(s, id, ts, body)).join(' '),
  };
}
