import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '@/db';
import { grants, groupLinks, groups, refreshTokens } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { assertCan } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { lockDeliveries, recordEvents, subGroupEvents } from '@/lib/events';
import type { UpdateGroupInput } from './schemas';
import { byActor, loadGroup, type GroupActor } from './service';

/** Rename the group and/or change its welcome message (org admins, the group's admins); audited with what changed. */
export async function updateGroup(actor: GroupActor, groupId: string, input: Pick<UpdateGroupInput, 'name' | 'welcomeMessage'>, ip: string | null) {
  return db.transaction(async (tx) => {
    const view = await loadGroup(actor, groupId, tx);
    assertCan(actor, 'group.manage', view.ref);
    const g = view.group;
    const changed: Record<string, { from: string | null; to: string }> = {};
    if (input.name !== g.name) changed.name = { from: g.name, to: input.name };
    if (input.welcomeMessage !== (g.welcomeMessage ?? '')) changed.welcomeMessage = { from: g.welcomeMessage, to: input.welcomeMessage };
    if (Object.keys(changed).length === 0) return { name: g.name };
    await tx
      .update(groups)
      .set({ name: input.name, welcomeMessage: input.welcomeMessage || null })
      .where(eq(groups.id, groupId));
    await recordAudit(tx, {
      tenantId: g.tenantId,
      actorUserId: actor.id,
      action: 'group.updated',
      targetType: 'group',
      targetId: groupId,
      ip,
      metadata: changed,
    });
    return { name: input.name };
  });
}

/**
 * Delete the group (typed confirmation of its name): every connector grant to it and every token of those
 * grants is revoked first (so every instance's token cache hears of it), then the group goes with its members,
 * links, conversation and actions. Sub-groups stay, as top-level groups. Audited with the name.
 */
export async function deleteGroup(actor: GroupActor, groupId: string, confirmName: string, ip: string | null) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM groups WHERE id = ${groupId} FOR UPDATE`);
    const view = await loadGroup(actor, groupId, tx);
    assertCan(actor, 'group.manage', view.ref);
    const g = view.group;
    if (confirmName.trim() !== g.name) throw new DomainError('GroupConfirmationMismatch', { name: g.name }, { field: 'confirmName' });
    const now = new Date();
    const revoked = await tx
      .update(grants)
      .set({ revokedAt: now })
      .where(and(eq(grants.groupId, groupId), isNull(grants.revokedAt)))
      .returning({ id: grants.id });
    if (revoked.length) {
      await tx
        .update(refreshTokens)
        .set({ revokedAt: now, revokedReason: 'group_deleted' })
        .where(
          and(
            inArray(
              refreshTokens.grantId,
              revoked.map((r) => r.id),
            ),
            isNull(refreshTokens.revokedAt),
          ),
        );
    }
    await recordAudit(tx, {
      tenantId: g.tenantId,
      actorUserId: actor.id,
      action: 'group.deleted',
      targetType: 'group',
      targetId: groupId,
      ip,
      metadata: { name: g.name, grantsRevoked: revoked.length },
    });
    // the parents it was a sub-group of hear GroupRemoved (their webhooks stay; its own go with it)
    const parents = await tx
      .select({ id: groupLinks.parentId, tenantId: groups.tenantId })
      .from(groupLinks)
      .innerJoin(groups, eq(groups.id, groupLinks.parentId))
      .where(eq(groupLinks.childId, groupId));
    await recordEvents(
      tx,
      parents.flatMap((p) => subGroupEvents('GroupRemoved', p, [g], byActor(actor))),
    );
    await lockDeliveries(tx, { groupId }); // its webhooks' deliveries go with it: locked in id order first
    await tx.delete(groups).where(eq(groups.id, groupId));
    return { name: g.name };
  });
}
