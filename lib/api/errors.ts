import { DATABASE_RETRY_AFTER_SECONDS } from '@/db/errors';
import { describeError, DomainError } from '@/lib/errors';

/**
 * The `/v1` error body (kaizala-connectors.md §4.7, product.md §5): `{ message, errorCode, errorCategoryKey }`,
 * plus RFC 6749's `error` where the catalog names one (OAuth token endpoint). Status and words come from
 * the error catalog (lib/errors/catalog.ts); `/v1` messages stay English.
 */
export interface ApiErrorBody {
  message: string;
  errorCode: string;
  errorCategoryKey: string;
  error?: string;
}

export function errorResponse(err: DomainError): { body: ApiErrorBody; status: ReturnType<typeof describeError>['status']; headers: Record<string, string> } {
  const d = describeError(err);
  return {
    body: { message: d.message, errorCode: d.errorCode, errorCategoryKey: d.errorCategoryKey, ...(d.oauthError ? { error: d.oauthError } : {}) },
    status: d.status,
    headers: d.headers,
  };
}

/** Bodies over 1 MiB get 413 before they are read whole (product.md §12): by Content-Length, or while streaming. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const payloadTooLarge = () => new DomainError('PayloadTooLarge', { headers: { Connection: 'close' } });

/** The database is down, out of connections or timed out (db/errors.ts): 503, try again shortly. */
export const serviceUnavailable = () => new DomainError('ServiceUnavailable', { headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) } });
