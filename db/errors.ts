/**
 * "Is this the database being unavailable?" — the one classifier behind the `/v1` 503 and the server
 * actions' "briefly unavailable" message (product.md §12: database trouble is 503 with Retry-After, never
 * 500). Pure: no pg import, so it can be unit-tested without a database.
 *
 * Unavailable means the request did nothing wrong and the same call may work in a moment: no connection
 * (refused, reset, timed out, terminated), the pool's acquire timeout, the server shutting down or out of
 * connections, and our own statement / lock timeouts firing.
 */

/** Seconds a client should wait before trying again (the `Retry-After` of a 503). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

const SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
  '57014', // query_canceled (our statement_timeout)
  '55P03', // lock_not_available (our lock_timeout)
]);

// pg and pg-pool report these as plain Errors without a code.
const MESSAGES = [
  'timeout exceeded when trying to connect', // pg-pool: no client free within connectionTimeoutMillis
  'connection terminated', // pg: "Connection terminated unexpectedly" / "… due to connection timeout"
  'connection timeout',
  'query read timeout', // pg: query_timeout
  'client has encountered a connection error and is not queryable',
  'cannot use a pool after calling end',
];

function unavailableItself(err: object): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SQLSTATES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true; // connection_exception class
  }
  const message = (err as { message?: unknown }).message;
  if (typeof message === 'string') {
    const m = message.toLowerCase();
    if (MESSAGES.some((s) => m.includes(s))) return true;
  }
  return false;
}

/** True when `err` (or an error it wraps: `cause`, AggregateError's `errors`) says the database is unavailable. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  if (unavailableItself(err)) return true;
  const { cause, errors } = err as { cause?: unknown; errors?: unknown };
  if (cause !== undefined && isDatabaseUnavailable(cause, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1));
}

/** A short log line for an unavailable-database error: the innermost code and message, never query parameters. */
export function describeDatabaseError(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 5 && typeof e === 'object' && e !== null; i++) {
    const { cause, errors } = e as { cause?: unknown; errors?: unknown };
    const next = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
    if (next === undefined || next === null) break;
    e = next;
  }
  if (typeof e !== 'object' || e === null) return 'unknown';
  const { code, message } = e as { code?: unknown; message?: unknown };
  return (
    [typeof code === 'string' ? code : '', typeof message === 'string' ? message.split('\n')[0]!.slice(0, 160) : ''].filter(Boolean).join(' ') || 'unknown'
  );
}
