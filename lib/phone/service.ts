import 'server-only';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { db } from '@/db';
import { phoneNumbers, pinChallenges } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { keyedHash, safeEqual } from '@/lib/crypto';
import { DomainError } from '@/lib/errors';
import { pinSmsText } from './sms-text';
import { smsProvider, SmsSendError } from '@/lib/sms';
import { parsePhone } from './e164';
import { checkPin, generatePin, PIN_RULES } from './pin-rules';
import { reserveSend } from './send-budgets';
import type { PinActor, PinPurpose } from './types';

export type { PinActor, PinPurpose } from './types';

/**
 * A PIN is bound to who asked for it: the portal user, or the connector (and so its tenant) it was
 * requested through. A PIN sent for one connector never signs in through another.
 */
const sameRequester = (actor: PinActor) =>
  and(
    actor.userId ? eq(pinChallenges.userId, actor.userId) : isNull(pinChallenges.userId),
    actor.connectorId ? eq(pinChallenges.connectorId, actor.connectorId) : isNull(pinChallenges.connectorId),
    actor.tenantId ? eq(pinChallenges.tenantId, actor.tenantId) : isNull(pinChallenges.tenantId),
  );

const hashCode = (challengeId: string, code: string) => keyedHash('pin', `${challengeId}:${code}`);

export function requireE164(raw: string, field = 'phone'): string {
  const parsed = parsePhone(raw);
  if (!parsed.ok) throw new DomainError('InvalidPhone', { problem: parsed.problem }, { field });
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
    throw new DomainError('PhoneTaken', { field: 'phone' });
  }
  if (taken) throw new DomainError('PhoneAlreadyVerified', { field: 'phone' });
}

/**
 * Send a new PIN to `rawNumber`. Enforces every send budget (per number and requester, per number, per
 * IP, per tenant, global) atomically. If the carrier fails, the PIN is discarded (it does not count
 * against the budgets) and the error says so.
 */
export async function requestPin(rawNumber: string, purpose: PinPurpose, actor: PinActor): Promise<{ e164: string; expiresAt: Date }> {
  const e164 = requireE164(rawNumber);
  if (purpose === 'portal_verify') await assertNumberFree(e164, actor);

  const code = generatePin();
  const challengeId = crypto.randomUUID();
  const { expiresAt, now } = await reserveSend(e164, purpose, actor, challengeId, hashCode(challengeId, code));

  try {
    await smsProvider().send(e164, await pinSmsText(code));
  } catch (err) {
    await db.delete(pinChallenges).where(eq(pinChallenges.id, challengeId));
    await recordAudit(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'pin.send_failed',
      targetType: 'phone',
      targetId: e164,
      outcome: 'failure',
      ip: actor.ip,
    });
    if (err instanceof SmsSendError) {
      throw new DomainError('SmsFailed', { field: 'phone' });
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
          sameRequester(actor),
        ),
      );
    if (purpose === 'portal_verify' && actor.userId && actor.tenantId) {
      await tx.insert(phoneNumbers).values({ userId: actor.userId, tenantId: actor.tenantId, e164 }).onConflictDoNothing();
    }
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'pin.sent',
      targetType: 'phone',
      targetId: e164,
      ip: actor.ip,
      metadata: { purpose },
    });
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
  const audit = (action: 'pin.locked' | 'pin.failed', outcome: string) =>
    recordAudit(db, { tenantId: actor.tenantId, actorUserId: actor.userId, action, targetType: 'phone', targetId: e164, outcome, ip: actor.ip });

  const [challenge] = await db
    .select()
    .from(pinChallenges)
    .where(and(eq(pinChallenges.e164, e164), eq(pinChallenges.purpose, purpose), isNull(pinChallenges.supersededAt), sameRequester(actor)))
    .orderBy(desc(pinChallenges.createdAt))
    .limit(1);
  if (!challenge) {
    throw new DomainError('PinNotFound', { field: 'code' });
  }

  const matches = safeEqual(hashCode(challenge.id, code), challenge.codeHash);
  const result = checkPin(challenge, matches, new Date());
  switch (result.outcome) {
    case 'used':
      throw new DomainError('PinUsed', { field: 'code' });
    case 'locked':
      if (!matches && challenge.attempts < PIN_RULES.maxAttempts) {
        await db
          .update(pinChallenges)
          .set({ attempts: sql`${pinChallenges.attempts} + 1` })
          .where(eq(pinChallenges.id, challenge.id));
        await audit('pin.locked', 'failure');
      }
      throw new DomainError('PinLocked', { field: 'code' });
    case 'expired':
      throw new DomainError('PinExpired', { field: 'code' });
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
        throw new DomainError('PinLocked', { field: 'code' });
      }
      throw new DomainError('PinWrong', { left }, { field: 'code' });
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
    if (!spent) throw new DomainError('PinUsed', { field: 'code' });
    const out = await onVerified(tx, e164);
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'pin.verified',
      targetType: 'phone',
      targetId: e164,
      ip: actor.ip,
      metadata: { purpose },
    });
    return out;
  });
}
