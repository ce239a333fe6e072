import { createHash } from 'node:crypto';
import { DomainError } from '@/lib/errors';

/** The `Idempotency-Key` header and the request's fingerprint (pure: unit-tested); the store is idempotency.ts. */
const KEY = /^[\x21-\x7e]{1,255}$/;

export function idempotencyKey(header: string): string | null {
  if (!header) return null;
  if (!KEY.test(header)) throw new DomainError('IdempotencyKeyInvalid');
  return header;
}

export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('base64url');
}
