import 'server-only';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { db, type DbOrTx } from '@/db';
import { connectorSecrets, connectors, grants, refreshTokens, users, type Connector } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { assertCan, can, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { isUuid } from '@/lib/utils';
import type { CreateConnectorInput } from './schemas';
import { assertNameFree } from './names';
import { generateConnectorSecret, sealConnectorSecret, secretIsLive } from './secrets';

const NOT_FOUND = () => new DomainError('ConnectorNotFound');

// ---------------------------------------------------------------------------------------------------
// Activation rules (kaizala-connectors.md §2.4) — the single place that decides them.
// ---------------------------------------------------------------------------------------------------

/**
 * May this connector be granted to a group (or user) now? Only active, not deleted connectors. A deactivated
 * connector "cannot generate tokens for any new group", and after removal from a group it cannot get
 * a token there again until reactivated: both follow from refusing every new grant while inactive.
 */
export function mayGrant(c: Pick<Connector, 'status' | 'deletedAt'>): boolean {
  return c.deletedAt === null && c.status === 'active';
}

/**
 * May this connector mint a token for an existing grant? Grants that exist keep working while the
 * connector is deactivated; a deleted connector or a revoked grant never mints.
 */
export function mayMintToken(c: Pick<Connector, 'deletedAt'>, grant: { revokedAt: Date | null }): boolean {
  return c.deletedAt === null && grant.revokedAt === null;
}

// ---------------------------------------------------------------------------------------------------

/** A connector the actor may see (404 otherwise); `forUpdate` locks its row for a change. */
export async function loadConnector(actor: Actor, id: string, tx: DbOrTx = db, forUpdate = false): Promise<Connector> {
  const q = tx
    .select()
    .from(connectors)
    .where(and(eq(connectors.id, id), isNull(connectors.deletedAt)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row || !can(actor, 'connector.view', row)) throw NOT_FOUND();
  return row;
}

/** For other domains: a visible, not deleted connector of the actor's organization. */
export async function getVisibleConnector(actor: Actor, id: string): Promise<Connector> {
  return loadConnector(actor, id);
}

export async function createConnector(actor: Actor, input: CreateConnectorInput, ip: string | null) {
  const secret = generateConnectorSecret();
  return db.transaction(async (tx) => {
    await assertNameFree(tx, actor.tenantId, input.name);
    const [row] = await tx
      .insert(connectors)
      .values({
        tenantId: actor.tenantId,
        ownerId: actor.id,
        name: input.name,
        description: input.description,
        permissions: input.permissions,
        redirectUrls: input.redirectUrl ? [input.redirectUrl] : [],
      })
      .returning();
    const connector = row!;
    await tx.insert(connectorSecrets).values({ connectorId: connector.id, createdBy: actor.id, ...sealConnectorSecret(connector.id, secret) });
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.id,
      action: 'connector.created',
      targetType: 'connector',
      targetId: connector.id,
      ip,
      metadata: { name: connector.name, permissions: input.permissions },
    });
    return { id: connector.id, name: connector.name, secret };
  });
}

export interface ConnectorSecretDto {
  id: string;
  createdAt: string;
  expiresAt: string | null;
  current: boolean;
}

export interface ConnectorDetails {
  id: string;
  name: string;
  description: string;
  ownerName: string | null;
  permissions: string[];
  redirectUrls: string[];
  status: 'active' | 'inactive';
  createdAt: string;
  groups: number;
  /** live secrets, for those who may manage the connector; empty for everyone else */
  secrets: ConnectorSecretDto[];
  /** owner or org admin: may reveal, copy, rotate, generate user tokens and change the connector */
  canManage: boolean;
}

export async function getConnectorDetails(actor: Actor, id: string): Promise<ConnectorDetails> {
  const c = await loadConnector(actor, id);
  const now = new Date();
  const canManage = can(actor, 'connector.manage', c);
  const [owner, secrets, [grantCount]] = await Promise.all([
    c.ownerId ? db.select({ name: users.name }).from(users).where(eq(users.id, c.ownerId)) : Promise.resolve([]),
    // others learn nothing about the secrets, not even their ids
    canManage ? db.select().from(connectorSecrets).where(eq(connectorSecrets.connectorId, id)).orderBy(desc(connectorSecrets.createdAt)) : Promise.resolve([]),
    db
      .select({ n: count() })
      .from(grants)
      .where(and(eq(grants.connectorId, id), eq(grants.kind, 'group'), isNull(grants.revokedAt))),
  ]);
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    ownerName: owner[0]?.name ?? null,
    permissions: c.permissions,
    redirectUrls: c.redirectUrls,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    groups: grantCount?.n ?? 0,
    secrets: secrets
      .filter((s) => secretIsLive(s, now))
      .map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt?.toISOString() ?? null, current: s.expiresAt === null })),
    canManage,
  };
}

export async function setConnectorStatus(actor: Actor, id: string, status: 'active' | 'inactive', ip: string | null) {
  return db.transaction(async (tx) => {
    const c = await loadConnector(actor, id, tx, true);
    assertCan(actor, 'connector.manage', c);
    if (c.status === status) return { status };
    await tx.update(connectors).set({ status, updatedAt: new Date() }).where(eq(connectors.id, id));
    await recordAudit(tx, {
      tenantId: c.tenantId,
      actorUserId: actor.id,
      action: status === 'active' ? 'connector.activated' : 'connector.deactivated',
      targetType: 'connector',
      targetId: id,
      ip,
    });
    return { status };
  });
}

/** Delete: the connector, its secrets, grants and every refresh token stop working at once. */
export async function deleteConnector(actor: Actor, id: string, confirmName: string, ip: string | null) {
  return db.transaction(async (tx) => {
    const c = await loadConnector(actor, id, tx, true);
    assertCan(actor, 'connector.manage', c);
    if (confirmName.trim() !== c.name) {
      throw new DomainError('ConfirmationMismatch', { name: c.name }, { field: 'confirmName' });
    }
    const now = new Date();
    await tx.update(connectors).set({ deletedAt: now, status: 'inactive', updatedAt: now }).where(eq(connectors.id, id));
    await tx
      .update(connectorSecrets)
      .set({ revokedAt: now })
      .where(and(eq(connectorSecrets.connectorId, id), isNull(connectorSecrets.revokedAt)));
    const revokedGrants = await tx
      .update(grants)
      .set({ revokedAt: now })
      .where(and(eq(grants.connectorId, id), isNull(grants.revokedAt)))
      .returning({ id: grants.id });
    await tx
      .update(refreshTokens)
      .set({ revokedAt: now, revokedReason: 'connector_deleted' })
      .where(and(isNull(refreshTokens.revokedAt), sql`${refreshTokens.grantId} IN (SELECT id FROM grants WHERE connector_id = ${id})`));
    await recordAudit(tx, {
      tenantId: c.tenantId,
      actorUserId: actor.id,
      action: 'connector.deleted',
      targetType: 'connector',
      targetId: id,
      ip,
      metadata: { name: c.name, grantsRevoked: revokedGrants.length },
    });
    return { name: c.name };
  });
}

/** Public endpoints (PIN login, OAuth): a connector by its ID, not deleted; no actor. */
export async function findConnectorById(id: string): Promise<Connector | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(connectors)
    .where(and(eq(connectors.id, id), isNull(connectors.deletedAt)));
  return row ?? null;
}
