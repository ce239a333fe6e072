import { DATABASE_RETRY_AFTER_SECONDS } from '@/db/errors';

/** The `/v1` error body (kaizala-connectors.md §4.7, product.md §5): `{ message, errorCode, errorCategoryKey }`. */
export interface ApiErrorBody {
  message: string;
  errorCode: string;
  errorCategoryKey: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly errorCode: string,
    message: string,
    readonly errorCategoryKey = categoryFor(status),
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    return { message: this.message, errorCode: this.errorCode, errorCategoryKey: this.errorCategoryKey };
  }
}

/** Bodies over 1 MiB get 413 before they are read whole (product.md §12): by Content-Length, or while streaming. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const payloadTooLarge = () => new ApiError(413, 'PayloadTooLarge', 'The body is larger than 1 MiB.', 'InvalidParameters');

/** The database is down, out of connections or timed out (db/errors.ts): 503, try again shortly. */
export const serviceUnavailable = () =>
  new ApiError(503, 'ServiceUnavailable', 'The service is briefly unavailable. Try again in a moment.', 'ServerError', { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) });

function categoryFor(status: number): string {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'NotFound';
  if (status === 429) return 'TooManyRequests';
  if (status >= 500) return 'ServerError';
  return 'BadRequest';
}
