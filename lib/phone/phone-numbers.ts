import 'server-only';
import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { db } from '@/db';
import { phoneNumbers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { DomainError } from '@/lib/errors';
import { formatPhone } from './e164';
import { requestPin, verifyPin, type PinActor } from './service';

export interface PortalActor {
  id: string;
  tenantId: string;
}

const pinActor = (user: PortalActor, ip: string | null): PinActor => ({ userId: user.id, tenantId: user.tenantId, ip });

export interface PhoneNumberDto {
  id: string;
  e164: string;
  display: string;
  verified: boolean;
  isActive: boolean;
  verifiedAt: string | null;
}

export async function listPhoneNumbers(user: PortalActor): Promise<PhoneNumberDto[]> {
  const rows = await db.select().from(phoneNumbers).where(eq(phoneNumbers.userId, user.id)).orderBy(desc(phoneNumbers.isActive), asc(phoneNumbers.createdAt));
  return rows.map((r) => ({
    id: r.id,
    e164: r.e164,
    display: formatPhone(r.e164),
    verified: r.verifiedAt !== null,
    isActive: r.isActive,
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
  }));
}

export async function sendVerificationPin(user: PortalActor, rawNumber: string, ip: string | null) {
  const { e164, expiresAt } = await requestPin(rawNumber, 'portal_verify', pinActor(user, ip));
  return { e164, display: formatPhone(e164), expiresAt: expiresAt.toISOString() };
}

/** Verify the PIN; the number becomes verified, and active if the user has no active number yet. */
export async function verifyPhoneNumber(user: PortalActor, rawNumber: string, code: string, ip: string | null) {
  return verifyPin(rawNumber, code, 'portal_verify', pinActor(user, ip), async (tx, e164) => {
    const [hasActive] = await tx
      .select({ id: phoneNumbers.id })
      .from(phoneNumbers)
      .where(and(eq(phoneNumbers.userId, user.id), eq(phoneNumbers.isActive, true)));
    try {
      await tx
        .insert(phoneNumbers)
        .values({ userId: user.id, tenantId: user.tenantId, e164, verifiedAt: new Date(), isActive: !hasActive })
        .onConflictDoUpdate({
          target: [phoneNumbers.userId, phoneNumbers.e164],
          set: { verifiedAt: new Date(), isActive: sql`${phoneNumbers.isActive} OR ${!hasActive}` },
        });
    } catch (err) {
      if ((err as { cause?: { code?: string }; code?: string }).cause?.code === '23505' || (err as { code?: string }).code === '23505') {
        throw new DomainError('PhoneTaken', { field: 'phone' });
      }
      throw err;
    }
    return { e164, display: formatPhone(e164), becameActive: !hasActive };
  });
}

async function ownNumber(user: PortalActor, id: string) {
  const [row] = await db
    .select()
    .from(phoneNumbers)
    .where(and(eq(phoneNumbers.id, id), eq(phoneNumbers.userId, user.id)));
  if (!row) throw new DomainError('PhoneNotFound');
  return row;
}

export async function setActivePhoneNumber(user: PortalActor, id: string, ip: string | null) {
  const row = await ownNumber(user, id);
  if (!row.verifiedAt) throw new DomainError('PhoneNotVerified');
  await db.transaction(async (tx) => {
    await tx
      .update(phoneNumbers)
      .set({ isActive: false })
      .where(and(eq(phoneNumbers.userId, user.id), ne(phoneNumbers.id, id)));
    await tx.update(phoneNumbers).set({ isActive: true }).where(eq(phoneNumbers.id, id));
    await recordAudit(tx, { tenantId: user.tenantId, actorUserId: user.id, action: 'phone.activated', targetType: 'phone', targetId: row.e164, ip });
  });
  return { display: formatPhone(row.e164) };
}

/** Remove a number; if it was the active one, the most recently verified other number becomes active. */
export async function removePhoneNumber(user: PortalActor, id: string, ip: string | null) {
  const row = await ownNumber(user, id);
  return db.transaction(async (tx) => {
    await tx.delete(phoneNumbers).where(eq(phoneNumbers.id, id));
    let newActive: string | null = null;
    if (row.isActive) {
      const [next] = await tx
        .select()
        .from(phoneNumbers)
        .where(and(eq(phoneNumbers.userId, user.id), isNotNull(phoneNumbers.verifiedAt)))
        .orderBy(desc(phoneNumbers.verifiedAt))
        .limit(1);
      if (next) {
        await tx.update(phoneNumbers).set({ isActive: true }).where(eq(phoneNumbers.id, next.id));
        newActive = formatPhone(next.e164);
      }
    }
    await recordAudit(tx, { tenantId: user.tenantId, actorUserId: user.id, action: 'phone.removed', targetType: 'phone', targetId: row.e164, ip });
    return { removed: formatPhone(row.e164), newActive };
  });
}
