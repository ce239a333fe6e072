import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { grants, groupMembers, groups, users } from '@/db/schema';
import { can } from '@/lib/authz';
import { getVisibleConnector } from '@/lib/connectors';
import type { GroupActor } from '@/lib/groups';

export interface ConnectorGroupDto {
  grantId: string;
  groupId: string;
  groupName: string;
  grantedBy: string | null;
  createdAt: string;
  /** org admins and the group's admins may remove the connector from it (the CONNECTORS tab's rule) */
  canRemove: boolean;
}

/**
 * The groups a connector is granted to, for its page: the ones the actor can see (org admins: all; others:
 * the groups they belong to), and how many more there are.
 */
export async function listConnectorGroups(actor: GroupActor, connectorId: string): Promise<{ groups: ConnectorGroupDto[]; hidden: number }> {
  await getVisibleConnector(actor, connectorId);
  const rows = await db
    .select({
      grantId: grants.id,
      groupId: groups.id,
      groupName: groups.name,
      tenantId: groups.tenantId,
      grantedBy: users.name,
      createdAt: grants.createdAt,
      role: groupMembers.role,
    })
    .from(grants)
    .innerJoin(groups, eq(groups.id, grants.groupId))
    .leftJoin(users, eq(users.id, grants.grantedBy))
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), actor.activePhone ? eq(groupMembers.e164, actor.activePhone) : sql`false`))
    .where(and(eq(grants.connectorId, connectorId), eq(grants.kind, 'group'), isNull(grants.revokedAt)))
    .orderBy(asc(groups.name), asc(grants.id));
  const visible = rows.map((r) => ({ r, ref: { id: r.groupId, tenantId: r.tenantId, actorRole: r.role } })).filter(({ ref }) => can(actor, 'group.view', ref));
  return {
    groups: visible.map(({ r, ref }) => ({
      grantId: r.grantId,
      groupId: r.groupId,
      groupName: r.groupName,
      grantedBy: r.grantedBy,
      createdAt: r.createdAt.toISOString(),
      canRemove: can(actor, 'group.grant', ref),
    })),
    hidden: rows.length - visible.length,
  };
}
