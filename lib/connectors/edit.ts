import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { connectors } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { assertCan, type Actor } from '@/lib/authz';
import type { UpdateConnectorInput } from './schemas';
import { assertNameFree } from './names';
import { loadConnector } from './service';

/** Rename a connector and/or change its description (owner and org admins; audited with what changed). */
export async function updateConnector(actor: Actor, id: string, input: Pick<UpdateConnectorInput, 'name' | 'description'>, ip: string | null) {
  return db.transaction(async (tx) => {
    const c = await loadConnector(actor, id, tx, true);
    assertCan(actor, 'connector.manage', c);
    const changed: Record<string, { from: string; to: string }> = {};
    if (input.name !== c.name) changed.name = { from: c.name, to: input.name };
    if (input.description !== c.description) changed.description = { from: c.description, to: input.description };
    if (Object.keys(changed).length === 0) return { name: c.name };
    if (changed.name) await assertNameFree(tx, c.tenantId, input.name, c.id);
    await tx.update(connectors).set({ name: input.name, description: input.description, updatedAt: new Date() }).where(eq(connectors.id, id));
    await recordAudit(tx, {
      tenantId: c.tenantId,
      actorUserId: actor.id,
      action: 'connector.updated',
      targetType: 'connector',
      targetId: id,
      ip,
      metadata: changed,
    });
    return { name: input.name };
  });
}
