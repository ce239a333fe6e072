import { randomInt } from 'node:crypto';

/** PIN rules (product.md §7, quality-targets.md B1). */
export const PIN_RULES = {
  length: 6,
  ttlMs: 10 * 60_000,
  maxAttempts: 5,
  sendWindowMs: 10 * 60_000,
  /** per number and requester (connector or portal user) */
  maxSendsPerNumber: 5,
  /** per number, whoever asks */
  maxSendsPerNumberTotal: 15,
  maxSendsPerIp: 20,
  maxSendsPerTenant: 100,
  maxSendsGlobal: 1000,
} as const;

/** 6 digits from a CSPRNG (uniform: randomInt rejects biased values). */
export function generatePin(): string {
  return randomInt(0, 10 ** PIN_RULES.length)
    .toString()
    .padStart(PIN_RULES.length, '0');
}

export interface ChallengeState {
  attempts: number;
  expiresAt: Date;
  consumedAt: Date | null;
  supersededAt: Date | null;
}

export type PinCheck = { outcome: 'ok' } | { outcome: 'wrong'; attemptsLeft: number } | { outcome: 'locked' } | { outcome: 'expired' } | { outcome: 'used' };

/**
 * Decide what a code entry does to a challenge. `matches` is the result of the constant-time hash
 * comparison. Order matters: a used, superseded, locked or expired code is dead whatever was typed.
 */
export function checkPin(challenge: ChallengeState, matches: boolean, now: Date): PinCheck {
  if (challenge.consumedAt || challenge.supersededAt) return { outcome: 'used' };
  if (challenge.attempts >= PIN_RULES.maxAttempts) return { outcome: 'locked' };
  if (now.getTime() >= challenge.expiresAt.getTime()) return { outcome: 'expired' };
  if (matches) return { outcome: 'ok' };
  const attemptsLeft = PIN_RULES.maxAttempts - (challenge.attempts + 1);
  return attemptsLeft <= 0 ? { outcome: 'locked' } : { outcome: 'wrong', attemptsLeft };
}

/**
 * Send budgets, all over the same 10-minute window (product.md §7, quality-targets.md C2). The per-number
 * budget is kept per requester (the connector, or the portal user, asking for the PIN), so a stranger
 * going through one connector cannot lock a person out of the portal or of other connectors; the
 * number's overall cap is high enough that exhausting it takes several connectors.
 */
export type BudgetReason = 'requester' | 'number' | 'ip' | 'tenant' | 'global';

export interface BudgetTally {
  reason: BudgetReason;
  limit: number;
  /** sends inside the window */
  count: number;
  /** creation time of the `limit`-th newest send inside the window (null when there are fewer) */
  limitThNewest: Date | null;
}

export type SendDecision = { allowed: true } | { allowed: false; reason: BudgetReason; retryAfterSeconds: number };

/** May another PIN be sent? The first spent budget (in the order given) decides, with when it frees up. */
export function sendBudget(tallies: BudgetTally[], now: Date): SendDecision {
  for (const t of tallies) {
    if (t.count < t.limit) continue;
    // the limit-th newest send must leave the window before one more is allowed
    const freesAt = (t.limitThNewest ?? now).getTime() + PIN_RULES.sendWindowMs;
    return { allowed: false, reason: t.reason, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)) };
  }
  return { allowed: true };
}

export function describeWait(seconds: number): string {
  const { waitUnit, waitCount } = waitParts(seconds);
  return `${waitCount} ${waitUnit}${waitCount === 1 ? '' : 's'}`;
}

/** The same wait as a unit and a count, for translated messages (ICU plural/select in messages/<l>/errors.json). */
export function waitParts(seconds: number): { waitUnit: 'second' | 'minute'; waitCount: number } {
  return seconds < 60 ? { waitUnit: 'second', waitCount: seconds } : { waitUnit: 'minute', waitCount: Math.ceil(seconds / 60) };
}
