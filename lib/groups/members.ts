import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db';
import { groupMembers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { memberEvents, recordEvents } from '@/lib/events';
import { DomainError } from '@/lib/errors';
import { formatPhone, requireE164 } from '@/lib/phone';
import { byActor, loadGroup, managedGroup, type GroupActor, type MemberRole } from './service';
import { assertOtherAdmin } from './store';

/** A group's members (by phone number) and their roles: Admin, Member; a group keeps at least one admin. */
export interface MemberDto {
  e164: string;
  display: string;
  displayName: string;
  role: MemberRole;
  isYou: boolean;
}

export async function listMembers(actor: GroupActor, groupId: string): Promise<MemberDto[]> {
  await loadGroup(actor, groupId);
  const rows = await db.select().from(groupMembers).where(eq(groupMembers.groupId, groupId)).orderBy(asc(groupMembers.role), asc(groupMembers.displayName));
  return rows.map((m) => ({ e164: m.e164, display: formatPhone(m.e164), displayName: m.displayName, role: m.role, isYou: m.e164 === actor.activePhone }));
}

export async function addMember(
  actor: GroupActor,
  groupId: string,
  input: { phone: string; displayName: string; role: 'Admin' | 'Member' },
  ip: string | null,
) {
  const e164 = requireE164(input.phone);
  return db.transaction(async (tx) => {
    const { group } = await managedGroup(actor, groupId, tx);
    const inserted = await tx
      .insert(groupMembers)
      .values({ groupId, e164, displayName: input.displayName, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw new DomainError('MemberDuplicate', { field: 'phone' });
    await recordAudit(tx, {
      tenantId: group.tenantId,
      actorUserId: actor.id,
      action: 'group.member_added',
      targetType: 'group',
      targetId: groupId,
      ip,
      metadata: { member: e164, role: input.role },
    });
    await recordEvents(tx, memberEvents('MemberAdded', group, [{ e164, name: input.displayName, role: input.role }], byActor(actor)));
    return { display: formatPhone(e164) };
  });
}

export async function removeMember(actor: GroupActor, groupId: string, e164: string, ip: string | null) {
  return db.transaction(async (tx) => {
    const { group } = await managedGroup(actor, groupId, tx);
    const [m] = await tx
      .select()
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.e164, e164)));
    if (!m) throw new DomainError('MemberNotFound');
    if (m.role === 'Admin') await assertOtherAdmin(tx, groupId, e164);
    await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.e164, e164)));
    await recordAudit(tx, {
      tenantId: group.tenantId,
      actorUserId: actor.id,
      action: 'group.member_removed',
      targetType: 'group',
      targetId: groupId,
      ip,
      metadata: { member: e164 },
    });
    await recordEvents(tx, memberEvents('MemberRemoved', group, [{ e164, name: m.displayName, role: m.role }], byActor(actor)));
    return { display: formatPhone(e164) };
  });
}

export async function setMemberRole(actor: GroupActor, groupId: string, e164: string, role: 'Admin' | 'Member', ip: string | null) {
  return db.transaction(async (tx) => {
    const { group } = await managedGroup(actor, groupId, tx);
    const [m] = await tx
      .select()
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.e164, e164)));
    if (!m) throw new DomainError('MemberNotFound');
    if (m.role === 'Admin' && role !== 'Admin') await assertOtherAdmin(tx, groupId, e164);
    await tx
      .update(groupMembers)
      .set({ role })
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.e164, e164)));
    await recordAudit(tx, {
      tenantId: group.tenantId,
      actorUserId: actor.id,
      action: 'group.member_role_changed',
      targetType: 'group',
      targetId: groupId,
      ip,
      metadata: { member: e164, role },
    });
    return { display: formatPhone(e164), role };
  });
}
