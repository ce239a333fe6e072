import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { groupLinks, groups } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { DomainError } from '@/lib/errors';
import { recordEvents, subGroupEvents } from '@/lib/events';
import { assertSameTenant, byActor, listGroups, loadGroup, managedGroup, type GroupActor } from './service';
import { ancestorIds } from './store';

/** The sub-group hierarchy (group_links): list, link without cycles and never across tenants, unlink. */
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
    await recordEvents(tx, subGroupEvents('GroupAdded', parent.group, [child.group], byActor(actor)));
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
    const [child] = await tx.select({ id: groups.id, name: groups.name, imageUrl: groups.imageUrl }).from(groups).where(eq(groups.id, childId));
    if (child) await recordEvents(tx, subGroupEvents('GroupRemoved', parent.group, [child], byActor(actor)));
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
