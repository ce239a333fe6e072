import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db';
import { connectorSecrets, connectors } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { DEFAULT_ROTATION_OVERLAP_DAYS, generateConnectorSecret, matchesAnySecret, openConnectorSecret, sealConnectorSecret, secretIsLive } from './secrets';
import { loadConnector } from './service';

/** Who may see, rotate and check a connector's secrets (product.md §5: the owner and org admins). */
/** Show a secret in full (the owner and org admins only, product.md §5); every reveal is audited. */
export async function revealSecret(actor: Actor, connectorId: string, secretId: string, ip: string | null): Promise<string> {
  const c = await loadConnector(actor, connectorId);
  assertCan(actor, 'connector.manage', c);
  const [s] = await db
    .select()
    .from(connectorSecrets)
    .where(and(eq(connectorSecrets.id, secretId), eq(connectorSecrets.connectorId, c.id)));
  if (!s || !secretIsLive(s, new Date())) throw new DomainError('SecretNotFound');
  await recordAudit(db, {
    tenantId: c.tenantId,
    actorUserId: actor.id,
    action: 'connector.secret_revealed',
    targetType: 'connector',
    targetId: c.id,
    ip,
    metadata: { secretId },
  });
  return openConnectorSecret(c.id, s.encrypted);
}

/**
 * New secret; the previous one keeps working for the overlap (default 7 days) or stops now. One
 * transaction with the connector row locked, so two rotations never leave two "current" secrets.
 */
export async function rotateSecret(actor: Actor, id: string, overlap: '7d' | 'none', ip: string | null) {
  const secret = generateConnectorSecret();
  return db.transaction(async (tx) => {
    const c = await loadConnector(actor, id, tx, true);
    assertCan(actor, 'connector.manage', c);
    const now = new Date();
    const live = and(eq(connectorSecrets.connectorId, id), isNull(connectorSecrets.revokedAt));
    if (overlap === 'none') {
      await tx.update(connectorSecrets).set({ revokedAt: now }).where(live);
    } else {
      const until = new Date(now.getTime() + DEFAULT_ROTATION_OVERLAP_DAYS * 86_400_000);
      // the current secret gets an end; secrets already in an overlap keep theirs (never extended)
      await tx
        .update(connectorSecrets)
        .set({ expiresAt: until })
        .where(and(live, isNull(connectorSecrets.expiresAt)));
    }
    await tx.insert(connectorSecrets).values({ connectorId: id, createdBy: actor.id, ...sealConnectorSecret(id, secret) });
    await tx.update(connectors).set({ updatedAt: now }).where(eq(connectors.id, id));
    await recordAudit(tx, {
      tenantId: c.tenantId,
      actorUserId: actor.id,
      action: 'connector.secret_rotated',
      targetType: 'connector',
      targetId: id,
      ip,
      metadata: { overlap },
    });
    return { secret };
  });
}

/** Constant-time check of a connector secret against the connector's live secrets. */
export async function connectorSecretMatches(connectorId: string, secret: string): Promise<boolean> {
  const rows = await db.select().from(connectorSecrets).where(eq(connectorSecrets.connectorId, connectorId));
  const now = new Date();
  return matchesAnySecret(
    secret,
    rows.filter((s) => secretIsLive(s, now)).map((s) => s.lookupHash),
  );
}
