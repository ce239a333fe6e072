import 'server-only';
import { and, asc, count, eq, isNull, ne, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { groupLinks, groupMembers, groups, type Group } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { assertCan, can, type Actor, type GroupRef } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { formatPhone, requireE164 } from '@/lib/phone';
import type { CreateGroupInput } from './schemas';

/** A portal user acting on groups: their identity inside groups is their active phone number. */
export interface GroupActor extends Actor {
  activePhone: string | null;
  name: string | null;
}

export type MemberRole = 'Admin' | 'Member' | 'Subscriber';

export interface GroupView {
  group: Group;
  actorRole: MemberRole | null;
  ref: GroupRef;
  canManage: boolean;
  canGrant: boolean;
}

const notFound = () => new DomainError('GroupNotFound');

async function roleOf(tx: DbOrTx, groupId: string, phone: string | null): Promise<MemberRole | null> {
  if (!phone) return null;
  const [m] = await tx
    .select({ role: groupMembers.role })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.e164, phone)));
  return m?.role ?? null;
}

/** Load a group the actor may see, with what they may do there. Unknown or invisible → 404. */
export async function loadGroup(actor: GroupActor, groupId: string, tx: DbOrTx = db): Promise<GroupView> {
  const [group] = await tx.select().from(groups).where(eq(groups.id, groupId));
  if (!group) throw notFound();
  const actorRole = await roleOf(tx, groupId, actor.activePhone);
  const ref: GroupRef = { id: group.id, tenantId: group.tenantId, actorRole };
  if (!can(actor, 'group.view', ref)) throw notFound();
  return { group, actorRole, ref, canManage: can(actor, 'group.manage', ref), canGrant: can(actor, 'group.grant', ref) };
}

export interface GroupListItem {
  id: string;
  name: string;
  groupType: 'Group' | 'ConnectGroup';
  yourRole: string;
  users: number;
  subGroups: number;
}

/**
 * Organization tab: an org admin sees every group of the organization; others the org groups they belong
 * to. Private tab: private groups the actor belongs to.
 */
export async function listGroups(actor: GroupActor, tab: 'org' | 'private'): Promise<GroupListItem[]> {
  const phone = actor.activePhone ?? '';
  const memberCounts = db
    .select({ groupId: groupMembers.groupId, n: count().as('n') })
    .from(groupMembers)
    .groupBy(groupMembers.groupId)
    .as('mc');
  const subCounts = db
    .select({ parentId: groupLinks.parentId, n: count().as('sn') })
    .from(groupLinks)
    .groupBy(groupLinks.parentId)
    .as('sc');
  const mine = db.select({ groupId: groupMembers.groupId, role: groupMembers.role }).from(groupMembers).where(eq(groupMembers.e164, phone)).as('mine');
  const visible =
    tab === 'org'
      ? and(eq(groups.tenantId, actor.tenantId), actor.isOrgAdmin ? undefined : sql`${mine.role} IS NOT NULL`)
      : and(isNull(groups.tenantId), sql`${mine.role} IS NOT NULL`);
  const rows = await db
    .select({
      id: groups.id,
      name: groups.name,
      groupType: groups.groupType,
      role: mine.role,
      users: sql<number>`coalesce(${memberCounts.n}, 0)::int`,
      subGroups: sql<number>`coalesce(${subCounts.n}, 0)::int`,
    })
    .from(groups)
    .leftJoin(mine, eq(mine.groupId, groups.id))
    .leftJoin(memberCounts, eq(memberCounts.groupId, groups.id))
    .leftJoin(subCounts, eq(subCounts.parentId, groups.id))
    .where(visible)
    .orderBy(asc(groups.name));
  return rows.map((r) => ({ id: r.id, name: r.name, groupType: r.groupType, yourRole: r.role ?? 'Not a member', users: r.users, subGroups: r.subGroups }));
}

function requirePhone(actor: GroupActor): string {
  if (!actor.activePhone) throw new DomainError('NoPhone');
  return actor.activePhone;
}

/** Sub-groups live only under organization groups of the actor's own tenant. */
function assertSameTenant(actor: GroupActor, group: Group) {
  if (group.tenantId !== actor.tenantId) {
    throw new DomainError('CrossTenant');
  }
}

export async function createGroup(actor: GroupActor, input: CreateGroupInput, ip: string | null, parentId?: string) {
  const phone = requirePhone(actor);
  return db.transaction(async (tx) => {
    if (parentId) {
      const parent = await loadGroup(actor, parentId, tx);
      assertCan(actor, 'group.manage', parent.ref);
      // the new group belongs to the actor's organization: its parent must too (reach never crosses tenants)
      assertSameTenant(actor, parent.group);
    }
    const [g] = await tx
      .insert(groups)
      .values({ tenantId: actor.tenantId, name: input.name, welcomeMessage: input.welcomeMessage || null, groupType: input.groupType, createdBy: actor.id })
      .returning();
    await tx.insert(groupMembers).values({ groupId: g!.id, e164: phone, displayName: actor.name ?? formatPhone(phone), role: 'Admin' });
    if (parentId) await tx.insert(groupLinks).values({ parentId, childId: g!.id });
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.id,
      action: parentId ? 'group.subgroup_created' : 'group.created',
      targetType: 'group',
      targetId: g!.id,
      ip,
      metadata: { name: input.name, parentId },
    });
    return { id: g!.id, name: g!.name };
  });
}

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

async function managedGroup(actor: GroupActor, groupId: string, tx: DbOrTx) {
  const view = await loadGroup(actor, groupId, tx);
  assertCan(actor, 'group.manage', view.ref);
  return view;
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
    return { display: formatPhone(e164) };
  });
}

/** A group always keeps at least one admin. */
async function assertOtherAdmin(tx: DbOrTx, groupId: string, e164: string) {
  const [other] = await tx
    .select({ n: count() })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, 'Admin'), ne(groupMembers.e164, e164)));
  if (!other?.n) throw new DomainError('LastAdmin');
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

export interface SubGroupDto {
  id: string;
  name: string;
  users: number;
}

export async function listSubGroups(actor: GroupActor, groupId: string): Promise<SubGroupDto[]> {
  const { group } = await loadGroup(actor, groupId);
  if (group.tenantId === null) return [];
  const rows = await db
    .select({ id: groups.id, name: groups.name, users: sql<number>`(SELECT count(*)::int FROM group_members gm WHERE gm.group_id = ${groups.id})` })
    .from(groupLinks)
    .innerJoin(groups, and(eq(groups.id, groupLinks.childId), eq(groups.tenantId, group.tenantId)))
    .where(eq(groupLinks.parentId, groupId))
    .orderBy(asc(groups.name));
  return rows;
}

/** Org groups the actor manages that could become sub-groups of `groupId` (no cycles, not already linked). */
export async function linkableGroups(actor: GroupActor, groupId: string): Promise<{ id: string; name: string }[]> {
  const candidates = (await listGroups(actor, 'org')).filter((g) => g.id !== groupId && (actor.isOrgAdmin || g.yourRole === 'Admin'));
  if (!candidates.length) return [];
  const [ancestors, linked] = await Promise.all([
    ancestorIds(db, groupId),
    db.select({ id: groupLinks.childId }).from(groupLinks).where(eq(groupLinks.parentId, groupId)),
  ]);
  const excluded = new Set([...ancestors, ...linked.map((l) => l.id)]);
  return candidates.filter((g) => !excluded.has(g.id)).map((g) => ({ id: g.id, name: g.name }));
}

async function ancestorIds(tx: DbOrTx, groupId: string): Promise<string[]> {
  const rows = await tx.execute<{ id: string }>(sql`
    WITH RECURSIVE up(id) AS (
      SELECT parent_id FROM group_links WHERE child_id = ${groupId}
      UNION SELECT gl.parent_id FROM group_links gl JOIN up ON gl.child_id = up.id
    ) SELECT id FROM up`);
  return rows.rows.map((r) => r.id);
}

export async function linkSubGroup(actor: GroupActor, groupId: string, childId: string, ip: string | null) {
  return db.transaction(async (tx) => {
    const parent = await managedGroup(actor, groupId, tx);
    const child = await managedGroup(actor, childId, tx);
    if (childId === groupId || (await ancestorIds(tx, groupId)).includes(childId)) {
      throw new DomainError('SubGroupCycle', { field: 'childId' });
    }
    assertSameTenant(actor, parent.group);
    if (child.group.tenantId !== parent.group.tenantId) throw new DomainError('LinkTargetNotFound', { field: 'childId' });
    const inserted = await tx.insert(groupLinks).values({ parentId: groupId, childId }).onConflictDoNothing().returning();
    if (!inserted.length) throw new DomainError('SubGroupDuplicate', { field: 'childId' });
    await recordAudit(tx, {
      tenantId: parent.group.tenantId,
      actorUserId: actor.id,
      action: 'group.subgroup_linked',
      targetType: 'group',
      targetId: groupId,
      ip,
      metadata: { childId },
    });
    return { name: child.group.name };
  });
}

export async function unlinkSubGroup(actor: GroupActor, groupId: string, childId: string, ip: string | null) {
  return db.transaction(async (tx) => {
    const parent = await managedGroup(actor, groupId, tx);
    const removed = await tx
      .delete(groupLinks)
      .where(and(eq(groupLinks.parentId, groupId), eq(groupLinks.childId, childId)))
      .returning();
    if (!removed.length) throw new DomainError('SubGroupNotLinked');
    await recordAudit(tx, {
      tenantId: parent.group.tenantId,
      actorUserId: actor.id,
      action: 'group.subgroup_unlinked',
      targetType: 'group',
      targetId: groupId,
      ip,
      metadata: { childId },
    });
  });
}
