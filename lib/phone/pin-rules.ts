import { randomInt } from 'node:crypto';

/** PIN rules (product.md §7, quality-targets.md B1). */
export const PIN_RULES = {
  length: 6,
  ttlMs: 10 * 60_000,
  maxAttempts: 5,
  sendWindowMs: 10 * 60_000,
  maxSendsPerNumber: 5,
  maxSendsPerIp: 20,
} as const;

/** 6 digits from a CSPRNG (uniform: randomInt rejects biased values). */
export function generatePin(): string {
  return randomInt(0, 10 ** PIN_RULES.length).toString().padStart(PIN_RULES.length, '0');
}

export interface ChallengeState {
  attempts: number;
  expiresAt: Date;
  consumedAt: Date | null;
  supersededAt: Date | null;
}

export type PinCheck =
  | { outcome: 'ok' }
  | { outcome: 'wrong'; attemptsLeft: number }
  | { outcome: 'locked' }
  | { outcome: 'expired' }
  | { outcome: 'used' };

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

export type SendDecision = { allowed: true } | { allowed: false; reason: 'number' | 'ip'; retryAfterSeconds: number };

/**
 * May another PIN be sent? `numberSends` / `ipSends` are the creation times of earlier PINs to this
 * number / from this IP address (any order).
 */
export function sendBudget(
  numberSends: Date[],
  ipSends: Date[],
  now: Date,
  limits: { perNumber: number; perIp: number } = { perNumber: PIN_RULES.maxSendsPerNumber, perIp: PIN_RULES.maxSendsPerIp },
): SendDecision {
  const windowStart = now.getTime() - PIN_RULES.sendWindowMs;
  const check = (sends: Date[], max: number, reason: 'number' | 'ip'): SendDecision | null => {
    const inWindow = sends.map((d) => d.getTime()).filter((t) => t > windowStart).sort((a, b) => a - b);
    if (inWindow.length < max) return null;
    // the oldest send that must leave the window before one more is allowed
    const freesAt = inWindow[inWindow.length - max]! + PIN_RULES.sendWindowMs;
    return { allowed: false, reason, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)) };
  };
  return check(numberSends, limits.perNumber, 'number') ?? check(ipSends, limits.perIp, 'ip') ?? { allowed: true };
}

export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
