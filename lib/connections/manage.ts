import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { db } from '@/db';
import { connections, oauthServices, type Connection } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/authz';
import { decrypt } from '@/lib/crypto';
import { DomainError } from '@/lib/errors';
import { clientOf, connectionAudit } from './connect';
import { revokeAtProvider } from './oauth';
import { aad, loadService, serviceDto, type ServiceDto } from './services';

/** What the portal shows of a connection (never a token). */
export interface ConnectionDto {
  id: string;
  name: string;
  linkName: string;
  serviceId: string;
  serviceName: string;
  authType: 'oauth2' | 'api_key' | 'basic';
  status: 'connected' | 'needs_reconnect' | 'revoked';
  scopes: string[];
  expiresAt: string | null;
  accountIdentity: string | null;
  lastUsedAt: string | null;
  lastRefreshedAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  createdAt: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function dto(c: Connection, serviceName: string, authType: ConnectionDto['authType']): ConnectionDto {
  return {
    id: c.id,
    name: c.name,
    linkName: c.linkName,
    serviceId: c.serviceId,
    serviceName,
    authType,
    status: c.status,
    scopes: c.scopes,
    expiresAt: iso(c.expiresAt),
    accountIdentity: c.accountIdentity,
    lastUsedAt: iso(c.lastUsedAt),
    lastRefreshedAt: iso(c.lastRefreshedAt),
    lastError: c.lastError,
    lastErrorAt: iso(c.lastErrorAt),
    createdAt: c.createdAt.toISOString(),
  };
}

export async function listConnections(actor: Actor): Promise<ConnectionDto[]> {
  const rows = await db
    .select({ c: connections, serviceName: oauthServices.name, authType: oauthServices.authType })
    .from(connections)
    .innerJoin(oauthServices, eq(oauthServices.id, connections.serviceId))
    .where(eq(connections.tenantId, actor.tenantId))
    .orderBy(asc(sql`lower(${connections.name})`));
  return rows.map((r) => dto(r.c, r.serviceName, r.authType));
}

async function loadConnection(actor: Actor, id: string): Promise<Connection> {
  const [row] = await db
    .select()
    .from(connections)
    .where(and(eq(connections.id, id), eq(connections.tenantId, actor.tenantId)));
  if (!row) throw new DomainError('ConnectionNotFound');
  return row;
}

export async function getConnectionDetails(actor: Actor, id: string): Promise<{ connection: ConnectionDto; service: ServiceDto }> {
  const c = await loadConnection(actor, id);
  const s = await loadService(actor, c.serviceId);
  return { connection: dto(c, s.name, s.authType), service: serviceDto(s) };
}

/**
 * Revoke: the tokens are revoked at the provider when it has a revocation URL (refresh token first: RFC
 * 7009 says that ends the grant), then forgotten here; the connection stays listed as Revoked until it is
 * reconnected or deleted.
 */
export async function revokeConnection(actor: Actor, id: string, ip: string | null) {
  const c = await loadConnection(actor, id);
  assertCan(actor, 'connection.manage', c);
  const s = await loadService(actor, c.serviceId);
  let atProvider: boolean | null = null;
  if (s.revocationUrl && s.authType === 'oauth2') {
    const refresh = c.refreshTokenEncrypted ? decrypt(c.refreshTokenEncrypted, aad('refresh', c.id)) : null;
    const access = c.accessTokenEncrypted ? decrypt(c.accessTokenEncrypted, aad('access', c.id)) : null;
    if (refresh) atProvider = await revokeAtProvider(s.revocationUrl, clientOf(s), refresh, 'refresh_token');
    else if (access) atProvider = await revokeAtProvider(s.revocationUrl, clientOf(s), access, 'access_token');
  }
  await db.transaction(async (tx) => {
    await tx
      .update(connections)
      .set({
        status: 'revoked',
        accessTokenEncrypted: null,
        refreshTokenEncrypted: null,
        expiresAt: null,
        tokenVersion: sql`${connections.tokenVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(connections.id, id));
    await recordAudit(tx, connectionAudit(actor, 'connection.revoked', id, ip, { linkName: c.linkName, revokedAtProvider: atProvider }));
  });
  return { revokedAtProvider: atProvider };
}

export async function deleteConnection(actor: Actor, id: string, ip: string | null) {
  const c = await loadConnection(actor, id);
  assertCan(actor, 'connection.manage', c);
  if (c.status !== 'revoked') await revokeConnection(actor, id, ip);
  await db.transaction(async (tx) => {
    await tx.delete(connections).where(eq(connections.id, id));
    await recordAudit(tx, connectionAudit(actor, 'connection.deleted', id, ip, { linkName: c.linkName, name: c.name }));
  });
}
