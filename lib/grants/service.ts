import 'server-only';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { connectors, grants, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { assertCan } from '@/lib/authz';
import { getVisibleConnector, mayGrant } from '@/lib/connectors';
import { DomainError } from '@/lib/errors';
import { loadGroup, type GroupActor } from '@/lib/groups';
import { currentGrantToken, currentTokenEncrypted, issueRefreshToken, maskToken, openRefreshToken, revokeGrantTokens } from '@/lib/tokens';

export interface GroupGrantDto {
  grantId: string;
  connectorId: string;
  connectorName: string;
  connectorStatus: 'active' | 'inactive';
  grantedBy: string | null;
  createdAt: string;
  maskedToken: string | null;
}

/** The group's Connectors tab: its live grants, each with the current token masked. */
export async function listGroupGrants(actor: GroupActor, groupId: string): Promise<GroupGrantDto[]> {
  const view = await loadGroup(actor, groupId);
  assertCan(actor, 'group.grant', view.ref);
  const rows = await db
    .select({
      grant: grants,
      connectorName: connectors.name,
      connectorStatus: connectors.status,
      grantedBy: users.name,
      token: currentTokenEncrypted(grants.id),
    })
    .from(grants)
    .innerJoin(connectors, eq(connectors.id, grants.connectorId))
    .leftJoin(users, eq(users.id, grants.grantedBy))
    .where(and(eq(grants.groupId, groupId), eq(grants.kind, 'group'), isNull(grants.revokedAt), isNull(connectors.deletedAt)))
    .orderBy(asc(grants.createdAt));
  return rows.map((r) => ({
    grantId: r.grant.id,
    connectorId: r.grant.connectorId,
    connectorName: r.connectorName,
    connectorStatus: r.connectorStatus,
    grantedBy: r.grantedBy,
    createdAt: r.grant.createdAt.toISOString(),
    maskedToken: r.token ? maskToken(openRefreshToken(r.grant.id, r.token)) : null,
  }));
}

/** The drop-down: active connectors of the organization not yet granted to this group. */
export async function grantableConnectors(actor: GroupActor, groupId: string) {
  const view = await loadGroup(actor, groupId);
  assertCan(actor, 'group.grant', view.ref);
  const live = await db
    .select({ connectorId: grants.connectorId })
    .from(grants)
    .where(and(eq(grants.groupId, groupId), eq(grants.kind, 'group'), isNull(grants.revokedAt)));
  const taken = new Set(live.map((g) => g.connectorId));
  const rows = await db
    .select({ id: connectors.id, name: connectors.name, status: connectors.status, deletedAt: connectors.deletedAt })
    .from(connectors)
    .where(and(eq(connectors.tenantId, actor.tenantId), isNull(connectors.deletedAt), eq(connectors.status, 'active')))
    .orderBy(asc(connectors.name));
  return rows.filter((c) => mayGrant(c) && !taken.has(c.id)).map((c) => ({ id: c.id, name: c.name }));
}

/** "Add Connector": grant the connector to the group and return its refresh token (shown once here). */
export async function grantConnectorToGroup(actor: GroupActor, groupId: string, connectorId: string, ip: string | null) {
  return db.transaction(async (tx) => {
    const view = await loadGroup(actor, groupId, tx);
    assertCan(actor, 'group.grant', view.ref);
    const connector = await getVisibleConnector(actor, connectorId).catch(() => {
      throw new DomainError('ConnectorNotInOrganization', { field: 'connectorId' });
    });
    if (!mayGrant(connector)) {
      throw new DomainError('ConnectorInactive', { for: 'grant' }, { field: 'connectorId' });
    }
    const [existing] = await tx
      .select({ id: grants.id })
      .from(grants)
      .where(and(eq(grants.groupId, groupId), eq(grants.connectorId, connectorId), eq(grants.kind, 'group'), isNull(grants.revokedAt)));
    if (existing) throw new DomainError('ConnectorAlreadyAdded', { field: 'connectorId' });
    const [grant] = await tx.insert(grants).values({ connectorId, tenantId: actor.tenantId, kind: 'group', groupId, grantedBy: actor.id }).returning();
    const { token } = await issueRefreshToken(tx, grant!.id);
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.id,
      action: 'grant.created',
      targetType: 'group',
      targetId: groupId,
      ip,
      metadata: { connectorId, grantId: grant!.id },
    });
    return { grantId: grant!.id, connectorName: connector.name, refreshToken: token };
  });
}

async function loadGroupGrant(actor: GroupActor, grantId: string) {
  const [grant] = await db
    .select()
    .from(grants)
    .where(and(eq(grants.id, grantId), eq(grants.kind, 'group'), isNull(grants.revokedAt)));
  if (!grant?.groupId || grant.tenantId !== actor.tenantId) throw new DomainError('GrantNotFound');
  const view = await loadGroup(actor, grant.groupId);
  assertCan(actor, 'group.grant', view.ref);
  return grant;
}

/** Show the group's refresh token again (group and org admins); audited. */
export async function revealGroupToken(actor: GroupActor, grantId: string, ip: string | null): Promise<string> {
  const grant = await loadGroupGrant(actor, grantId);
  const token = await currentGrantToken(db, grant.id);
  if (!token) throw new DomainError('GrantTokenMissing');
  await recordAudit(db, {
    tenantId: grant.tenantId,
    actorUserId: actor.id,
    action: 'grant.token_revealed',
    targetType: 'group',
    targetId: grant.groupId,
    ip,
    metadata: { grantId },
  });
  return openRefreshToken(grant.id, token.encrypted);
}

/** Regenerate: the previous token (and its family) stops working at once. */
export async function regenerateGroupToken(actor: GroupActor, grantId: string, ip: string | null) {
  const grant = await loadGroupGrant(actor, grantId);
  return db.transaction(async (tx) => {
    await revokeGrantTokens(tx, grant.id, 'regenerated');
    const { token } = await issueRefreshToken(tx, grant.id);
    await recordAudit(tx, {
      tenantId: grant.tenantId,
      actorUserId: actor.id,
      action: 'grant.token_regenerated',
      targetType: 'group',
      targetId: grant.groupId,
      ip,
      metadata: { grantId },
    });
    return { refreshToken: token };
  });
}

/** Remove the connector from the group: the grant and every token of it are revoked. */
export async function removeGroupGrant(actor: GroupActor, grantId: string, ip: string | null) {
  const grant = await loadGroupGrant(actor, grantId);
  await db.transaction(async (tx) => {
    await tx.update(grants).set({ revokedAt: new Date() }).where(eq(grants.id, grant.id));
    await revokeGrantTokens(tx, grant.id, 'grant_removed');
    await recordAudit(tx, {
      tenantId: grant.tenantId,
      actorUserId: actor.id,
      action: 'grant.removed',
      targetType: 'group',
      targetId: grant.groupId,
      ip,
      metadata: { grantId, connectorId: grant.connectorId },
    });
  });
}

/**
 * "Generate user token" (kaizala-connectors.md §2.6): a refresh token reaching every group where the user
 * is admin, or, for an org admin, every group of the organization. Generating again replaces the previous
 * user token of this user for this connector. Only the connector's owner and org admins may.
 */
export async function generateUserToken(actor: GroupActor, connectorId: string, ip: string | null) {
  const connector = await getVisibleConnector(actor, connectorId);
  // the owner and org admins only: a user token is as good as the connector's secret for its groups
  assertCan(actor, 'connector.manage', connector);
  if (!mayGrant(connector)) {
    throw new DomainError('ConnectorInactive', { for: 'userToken' });
  }
  const kind = actor.isOrgAdmin ? 'tenant' : 'user';
  return db.transaction(async (tx) => {
    const previous = await tx
      .update(grants)
      .set({ revokedAt: new Date() })
      .where(and(eq(grants.connectorId, connectorId), eq(grants.userId, actor.id), inArray(grants.kind, ['user', 'tenant']), isNull(grants.revokedAt)))
      .returning({ id: grants.id });
    for (const p of previous) await revokeGrantTokens(tx, p.id, 'user_token_regenerated');
    const [grant] = await tx.insert(grants).values({ connectorId, tenantId: actor.tenantId, kind, userId: actor.id, grantedBy: actor.id }).returning();
    const { token } = await issueRefreshToken(tx, grant!.id);
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.id,
      action: 'grant.user_token_generated',
      targetType: 'connector',
      targetId: connectorId,
      ip,
      metadata: { grantId: grant!.id, kind },
    });
    return { refreshToken: token, kind };
  });
}

/** The connector page: the actor's live user token, if any (masked). */
export async function currentUserTokenInfo(actor: GroupActor, connectorId: string) {
  const [row] = await db
    .select({ grant: grants, token: currentTokenEncrypted(grants.id) })
    .from(grants)
    .where(and(eq(grants.connectorId, connectorId), eq(grants.userId, actor.id), inArray(grants.kind, ['user', 'tenant']), isNull(grants.revokedAt)))
    .orderBy(desc(grants.createdAt))
    .limit(1);
  if (!row) return null;
  const { grant, token } = row;
  return { kind: grant.kind, createdAt: grant.createdAt.toISOString(), maskedToken: token ? maskToken(openRefreshToken(grant.id, token)) : null };
}
