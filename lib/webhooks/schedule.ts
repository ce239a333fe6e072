/**
 * Retry schedule (kaizala-connectors.md §6.4, product.md §8): after the first attempt, 6 retries at about
 * 5 s, 5 min, 30 min, 2 h, 10 h and 35 h (± 10 % jitter; ≈ 2 days in all); then the delivery has failed and
 * the webhook is disabled. A receiver's `Retry-After` (seconds or an HTTP date) can push a retry later,
 * never earlier than the schedule, and never more than 24 h ahead.
 */
export const RETRY_DELAYS_S = [5, 5 * 60, 30 * 60, 2 * 3600, 10 * 3600, 35 * 3600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;
export const JITTER = 0.1;
export const RETRY_AFTER_MAX_S = 24 * 3600;

/** Parses Retry-After: delta seconds or an HTTP date; null when absent or malformed. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, Math.round((t - now) / 1000));
}

/** Milliseconds until the next attempt after `attemptsDone` failed attempts, or null when none is left. */
export function nextRetryDelayMs(attemptsDone: number, retryAfterS: number | null = null, random = Math.random): number | null {
  const base = RETRY_DELAYS_S[attemptsDone - 1];
  if (base === undefined) return null;
  const jittered = base * 1000 * (1 - JITTER + 2 * JITTER * random());
  if (retryAfterS === null) return Math.round(jittered);
  return Math.round(Math.max(jittered, Math.min(retryAfterS, RETRY_AFTER_MAX_S) * 1000));
}
