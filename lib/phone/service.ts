import 'server-only';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { db } from '@/db';
import { phoneNumbers, pinChallenges } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { keyedHash, safeEqual } from '@/lib/crypto';
import { DomainError } from '@/lib/errors';
import { smsProvider, SmsSendError } from '@/lib/sms';
import { parsePhone } from './number';
import { checkPin, describeWait, generatePin, PIN_RULES, sendBudget } from './pin-rules';

export type PinPurpose = (typeof pinChallenges.purpose.enumValues)[number];

export interface PinActor {
  userId: string | null;
  tenantId: string | null;
  ip: string | null;
}

const hashCode = (challengeId: string, code: string) => keyedHash('pin', `${challengeId}:${code}`);

export function requireE164(raw: string, field = 'phone'): string {
  const parsed = parsePhone(raw);
  if (!parsed.ok) throw new DomainError('INVALID_PHONE', parsed.message, { field, status: 400 });
  return parsed.e164;
}

/** Refuses a number another user of the same tenant has already verified. */
async function assertNumberFree(e164: string, actor: PinActor) {
  if (!actor.tenantId || !actor.userId) return;
  const [taken] = await db
    .select({ userId: phoneNumbers.userId })
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.tenantId, actor.tenantId), eq(phoneNumbers.e164, e164), sql`${phoneNumbers.verifiedAt} IS NOT NULL`));
  if (taken && taken.userId !== actor.userId) {
    throw new DomainError('PHONE_TAKEN', 'This number is already verified by another user of your organization.', {
      field: 'phone',
      status: 409,
    });
  }
  if (taken) throw new DomainError('PHONE_ALREADY_VERIFIED', 'You have already verified this number.', { field: 'phone', status: 409 });
}

/**
 * Send a new PIN to `rawNumber`. Enforces the per-number and per-IP send budgets. If the carrier fails,
 * the PIN is discarded (it does not count against the budget) and the error says so.
 */
export async function requestPin(rawNumber: string, purpose: PinPurpose, actor: PinActor): Promise<{ e164: string; expiresAt: Date }> {
  const e164 = requireE164(rawNumber);
  if (purpose === 'portal_verify') await assertNumberFree(e164, actor);

  const now = new Date();
  const since = new Date(now.getTime() - PIN_RULES.sendWindowMs);
  const [numberSends, ipSends] = await Promise.all([
    db.select({ at: pinChallenges.createdAt }).from(pinChallenges).where(and(eq(pinChallenges.e164, e164), gt(pinChallenges.createdAt, since))),
    actor.ip
      ? db.select({ at: pinChallenges.createdAt }).from(pinChallenges).where(and(eq(pinChallenges.requesterIp, actor.ip), gt(pinChallenges.createdAt, since)))
      : Promise.resolve([]),
  ]);
  const budget = sendBudget(
    numberSends.map((r) => r.at),
    ipSends.map((r) => r.at),
    now,
    { perNumber: PIN_RULES.maxSendsPerNumber, perIp: Number(process.env.PIN_SENDS_PER_IP) || PIN_RULES.maxSendsPerIp },
  );
  if (!budget.allowed) {
    await recordAudit(db, { tenantId: actor.tenantId, actorUserId: actor.userId, action: 'pin.send_limited', targetType: 'phone', targetId: e164, outcome: 'denied', ip: actor.ip, metadata: { reason: budget.reason } });
    const wait = describeWait(budget.retryAfterSeconds);
    throw new DomainError(
      'PIN_SEND_LIMIT',
      budget.reason === 'number'
        ? `Too many PINs were sent to this number. You can request a new one in ${wait}.`
        : `Too many PINs were requested from your network. Try again in ${wait}.`,
      { field: 'phone', status: 429, retryAfterSeconds: budget.retryAfterSeconds },
    );
  }

  const code = generatePin();
  const expiresAt = new Date(now.getTime() + PIN_RULES.ttlMs);
  const challengeId = crypto.randomUUID();
  await db.insert(pinChallenges).values({
    id: challengeId,
    userId: actor.userId,
    tenantId: actor.tenantId,
    e164,
    purpose,
    codeHash: hashCode(challengeId, code),
    expiresAt,
    requesterIp: actor.ip,
  });

  try {
    await smsProvider().send(e164, `Your Connector Portal PIN is ${code}. It expires in 10 minutes. Never share it.`);
  } catch (err) {
    await db.delete(pinChallenges).where(eq(pinChallenges.id, challengeId));
    await recordAudit(db, { tenantId: actor.tenantId, actorUserId: actor.userId, action: 'pin.send_failed', targetType: 'phone', targetId: e164, outcome: 'failure', ip: actor.ip });
    if (err instanceof SmsSendError) {
      throw new DomainError('SMS_FAILED', 'We could not send the SMS right now. No PIN was sent; please try again in a moment.', { field: 'phone', status: 503 });
    }
    throw err;
  }

  await db.transaction(async (tx) => {
    // only the newest PIN for this number and purpose is valid
    await tx
      .update(pinChallenges)
      .set({ supersededAt: now })
      .where(
        and(
          eq(pinChallenges.e164, e164),
          eq(pinChallenges.purpose, purpose),
          ne(pinChallenges.id, challengeId),
          isNull(pinChallenges.consumedAt),
          isNull(pinChallenges.supersededAt),
          actor.userId ? eq(pinChallenges.userId, actor.userId) : isNull(pinChallenges.userId),
        ),
      );
    if (purpose === 'portal_verify' && actor.userId && actor.tenantId) {
      await tx.insert(phoneNumbers).values({ userId: actor.userId, tenantId: actor.tenantId, e164 }).onConflictDoNothing();
    }
    await recordAudit(tx, { tenantId: actor.tenantId, actorUserId: actor.userId, action: 'pin.sent', targetType: 'phone', targetId: e164, ip: actor.ip, metadata: { purpose } });
  });
  return { e164, expiresAt };
}

/**
 * Check a typed PIN against the newest PIN sent to the number for this purpose (and user). On success
 * the PIN is spent (single use) inside `onVerified`'s transaction; any failure in there rolls it back.
 */
export async function verifyPin<T>(
  rawNumber: string,
  code: string,
  purpose: PinPurpose,
  actor: PinActor,
  onVerified: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], e164: string) => Promise<T>,
): Promise<T> {
  const e164 = requireE164(rawNumber);
  const audit = (action: string, outcome: string) =>
    recordAudit(db, { tenantId: actor.tenantId, actorUserId: actor.userId, action, targetType: 'phone', targetId: e164, outcome, ip: actor.ip });

  const [challenge] = await db
    .select()
    .from(pinChallenges)
    .where(
      and(
        eq(pinChallenges.e164, e164),
        eq(pinChallenges.purpose, purpose),
        isNull(pinChallenges.supersededAt),
        actor.userId ? eq(pinChallenges.userId, actor.userId) : isNull(pinChallenges.userId),
      ),
    )
    .orderBy(desc(pinChallenges.createdAt))
    .limit(1);
  if (!challenge) {
    throw new DomainError('PIN_NOT_FOUND', 'No PIN was sent to this number. Select "Generate PIN" first.', { field: 'code', status: 400 });
  }

  const matches = safeEqual(hashCode(challenge.id, code), challenge.codeHash);
  const result = checkPin(challenge, matches, new Date());
  switch (result.outcome) {
    case 'used':
      throw new DomainError('PIN_USED', 'This PIN has already been used. Generate a new PIN.', { field: 'code', status: 400 });
    case 'locked':
      if (!matches && challenge.attempts < PIN_RULES.maxAttempts) {
        await db.update(pinChallenges).set({ attempts: sql`${pinChallenges.attempts} + 1` }).where(eq(pinChallenges.id, challenge.id));
        await audit('pin.locked', 'failure');
      }
      throw new DomainError('PIN_LOCKED', 'Too many wrong attempts: this PIN no longer works. Generate a new PIN.', { field: 'code', status: 429 });
    case 'expired':
      throw new DomainError('PIN_EXPIRED', 'This PIN has expired (PINs are valid for 10 minutes). Generate a new PIN.', { field: 'code', status: 400 });
    case 'wrong': {
      // atomic: two concurrent wrong guesses both count
      const [row] = await db
        .update(pinChallenges)
        .set({ attempts: sql`${pinChallenges.attempts} + 1` })
        .where(and(eq(pinChallenges.id, challenge.id), sql`${pinChallenges.attempts} < ${PIN_RULES.maxAttempts}`))
        .returning({ attempts: pinChallenges.attempts });
      const left = PIN_RULES.maxAttempts - (row?.attempts ?? PIN_RULES.maxAttempts);
      await audit(left <= 0 ? 'pin.locked' : 'pin.failed', 'failure');
      if (left <= 0) {
        throw new DomainError('PIN_LOCKED', 'Too many wrong attempts: this PIN no longer works. Generate a new PIN.', { field: 'code', status: 429 });
      }
      throw new DomainError('PIN_WRONG', `That PIN is not correct. ${left} attempt${left === 1 ? '' : 's'} left.`, { field: 'code', status: 400 });
    }
    case 'ok':
      break;
  }

  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(pinChallenges)
      .set({ consumedAt: new Date() })
      .where(
        and(
          eq(pinChallenges.id, challenge.id),
          isNull(pinChallenges.consumedAt),
          isNull(pinChallenges.supersededAt),
          sql`${pinChallenges.attempts} < ${PIN_RULES.maxAttempts}`,
          sql`${pinChallenges.expiresAt} > now()`,
        ),
      )
      .returning({ id: pinChallenges.id });
    if (!spent) throw new DomainError('PIN_USED', 'This PIN has already been used. Generate a new PIN.', { field: 'code', status: 400 });
    const out = await onVerified(tx, e164);
    await recordAudit(tx, { tenantId: actor.tenantId, actorUserId: actor.userId, action: 'pin.verified', targetType: 'phone', targetId: e164, ip: actor.ip, metadata: { purpose } });
    return out;
  });
}
