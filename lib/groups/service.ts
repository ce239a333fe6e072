import 'server-only';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { connectors, groupLinks, groupMembers, groups, type Group } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { assertCan, can, type Actor, type GroupRef } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { recordEvents, subGroupEvents } from '@/lib/events';
import { formatPhone } from '@/lib/phone';
import type { CreateGroupInput } from './schemas';
import { insertGroup, upsertMembers } from './store';

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
  /** the connector that created the group over /v1, if one did */
  createdByConnector: string | null;
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
      createdByConnector: connectors.name,
    })
    .from(groups)
    .leftJoin(connectors, eq(connectors.id, groups.createdByConnectorId))
    .leftJoin(mine, eq(mine.groupId, groups.id))
    .leftJoin(memberCounts, eq(memberCounts.groupId, groups.id))
    .leftJoin(subCounts, eq(subCounts.parentId, groups.id))
    .where(visible)
    .orderBy(asc(groups.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    groupType: r.groupType,
    yourRole: r.role ?? 'Not a member',
    users: r.users,
    subGroups: r.subGroups,
    createdByConnector: r.createdByConnector,
  }));
}

function requirePhone(actor: GroupActor): string {
  if (!actor.activePhone) throw new DomainError('NoPhone');
  return actor.activePhone;
}

/** The envelope's fromUser (platform_events) of a change made in the portal. */
export const byActor = (actor: GroupActor) => ({ phone: actor.activePhone, name: actor.name, id: actor.id });

/** Sub-groups live only under organization groups of the actor's own tenant. */
export function assertSameTenant(actor: GroupActor, group: Group) {
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
    const g = await insertGroup(tx, {
      tenantId: actor.tenantId,
      name: input.name,
      welcomeMessage: input.welcomeMessage || null,
      groupType: input.groupType,
      createdBy: actor.id,
      parentId,
    });
    await upsertMembers(tx, g.id, [{ e164: phone, displayName: actor.name ?? formatPhone(phone), role: 'Admin' }]);
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.id,
      action: parentId ? 'group.subgroup_created' : 'group.created',
      targetType: 'group',
      targetId: g.id,
      ip,
      metadata: { name: input.name, parentId },
    });
    if (parentId) await recordEvents(tx, subGroupEvents('GroupAdded', { id: parentId, tenantId: actor.tenantId }, [g], byActor(actor)));
    return { id: g.id, name: g.name };
  });
}

/** A group the actor may manage (members, sub-groups); 404/403 otherwise. */
export async function managedGroup(actor: GroupActor, groupId: string, tx: DbOrTx) {
  const view = await loadGroup(actor, groupId, tx);
  assertCan(actor, 'group.manage', view.ref);
  return view;
}
