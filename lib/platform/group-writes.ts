import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { groupLinks, groups } from '@/db/schema';
import { recordEvents, subGroupEvents } from '@/lib/events';
import { DomainError } from '@/lib/errors';
import { ancestorIds, groupAdmins, insertGroup, upsertMembers, type MemberEntry } from '@/lib/groups';
import { formatPhone } from '@/lib/phone';
import type { AccessClaims } from '@/lib/tokens';
import { isUuid } from '@/lib/utils';
import { parseNumbers, type NumberProblem } from './members';
import { platformWrite, type WriteContext } from './writes';

/**
 * Creating groups and sub-groups, linking and unlinking, over /v1 (kaizala-connectors.md §5.1, §5.2, §4.3).
 *
 * Who becomes admin of a new group: the phone number the token acts for (user, tenant and member tokens);
 * for a group token, or when `addUserToGroup` is false, the admins of the parent group; with neither, the
 * first number of `members`. A group is never created without an admin.
 */
interface NewGroupRequest {
  name: string;
  welcomeMessage: string | null;
  groupType: 'Group' | 'ConnectGroup';
  imageUrl: string | null;
  members: string[];
  parentId: string | null;
  /** false: the token's own number is not added (sub-groups' `addUserToGroup`) */
  addCaller: boolean;
}

async function create(tx: DbOrTx, ctx: WriteContext, req: NewGroupRequest): Promise<{ id: string; name: string; failed: NumberProblem[] }> {
  const { valid, failed } = parseNumbers(req.members);
  const admins: MemberEntry[] = [];
  if (req.addCaller && ctx.callerPhone) admins.push({ e164: ctx.callerPhone, displayName: formatPhone(ctx.callerPhone), role: 'Admin' });
  if (!admins.length && req.parentId) admins.push(...(await groupAdmins(tx, req.parentId)).map((a) => ({ ...a, role: 'Admin' as const })));
  if (!admins.length && valid.length) admins.push({ e164: valid[0]!, displayName: formatPhone(valid[0]!), role: 'Admin' });
  if (!admins.length) throw new DomainError('GroupNeedsAdmin');

  const g = await insertGroup(tx, {
    tenantId: ctx.tenantId,
    name: req.name,
    welcomeMessage: req.welcomeMessage,
    groupType: req.groupType,
    imageUrl: req.imageUrl,
    createdBy: ctx.claims.uid ?? null,
    createdByConnectorId: ctx.claims.cid,
    parentId: req.parentId,
  });
  const adminNumbers = new Set(admins.map((a) => a.e164));
  await upsertMembers(tx, g.id, [
    ...admins,
    ...valid.filter((e) => !adminNumbers.has(e)).map((e164) => ({ e164, displayName: formatPhone(e164), role: 'Member' as const })),
  ]);
  await ctx.audit(tx, req.parentId ? 'group.subgroup_created' : 'group.created', g.id, {
    name: req.name,
    groupType: req.groupType,
    ...(req.parentId ? { parentId: req.parentId } : {}),
    members: valid.length,
  });
  if (req.parentId) await recordEvents(tx, subGroupEvents('GroupAdded', { id: req.parentId, tenantId: ctx.tenantId }, [g], ctx.fromUser));
  return { id: g.id, name: g.name, failed };
}

/**
 * POST /v1/groups. With a group token the new group is a sub-group of the token's group (FAQ Q4: a group
 * token can do what that group's admin can do, and nothing at the top of the organization); a
 * ConnectGroup needs a tenant-level user token (Breaking change of 22-06-2018).
 */
export async function createGroupViaApi(
  claims: AccessClaims,
  input: { name: string; welcomeMessage: string; members?: string[]; groupType: 'Group' | 'ConnectGroup' },
  ip: string | null,
) {
  if (input.groupType === 'ConnectGroup' && claims.kind !== 'tenant') throw new DomainError('ConnectGroupNeedsTenantToken');
  const parentId = claims.kind === 'group' ? claims.grp! : null;
  const { result, headers } = await platformWrite(claims, { groupId: parentId, admin: true, ip }, (tx, ctx) =>
    create(tx, ctx, {
      name: input.name,
      welcomeMessage: input.welcomeMessage,
      groupType: input.groupType,
      imageUrl: null,
      members: input.members ?? [],
      parentId,
      addCaller: true,
    }),
  );
  return {
    headers,
    body: {
      groupName: result.name,
      groupId: result.id,
      membersAdded: result.failed.length === 0,
      ...(result.failed.length ? { failedResult: result.failed } : {}),
    },
  };
}

/** POST /v1/groups/{groupId}/subGroups: a new child of a group the token administers. */
export async function createSubGroupViaApi(
  claims: AccessClaims,
  parentId: string,
  input: { groupName: string; groupImageUrl?: string; members?: string[]; welcomeMessage?: string; addUserToGroup: boolean },
  ip: string | null,
) {
  const { result, headers } = await platformWrite(claims, { groupId: parentId, admin: true, ip }, (tx, ctx) =>
    create(tx, ctx, {
      name: input.groupName,
      welcomeMessage: input.welcomeMessage ?? null,
      groupType: 'Group',
      imageUrl: input.groupImageUrl ?? null,
      members: input.members ?? [],
      parentId,
      addCaller: input.addUserToGroup,
    }),
  );
  return { headers, body: { groupId: result.id, groupName: result.name, ...(result.failed.length ? { failedResult: result.failed } : {}) } };
}

/** PUT /v1/groups/{groupId}/subGroups `{ subGroups: [ids] }`: link existing groups as children, all or none. */
export async function linkSubGroupsViaApi(claims: AccessClaims, parentId: string, childIds: string[], ip: string | null) {
  const ids = [...new Set(childIds)];
  const { headers } = await platformWrite(claims, { groupId: parentId, admin: true, ip, alsoAdminOf: ids }, async (tx, ctx) => {
    const reachable = ctx.alsoAdminOf;
    const ancestors = new Set(await ancestorIds(tx, parentId));
    for (const id of ids) {
      if (id === parentId || ancestors.has(id)) throw new DomainError('SubGroupCycle');
      if (!reachable.has(id)) throw new DomainError('LinkTargetNotFound');
    }
    const linked = await tx
      .insert(groupLinks)
      .values(ids.map((childId) => ({ parentId, childId })))
      .onConflictDoNothing()
      .returning({ childId: groupLinks.childId });
    for (const l of linked) await ctx.audit(tx, 'group.subgroup_linked', parentId, { childId: l.childId });
    if (linked.length) {
      const children = await tx
        .select({ id: groups.id, name: groups.name, imageUrl: groups.imageUrl })
        .from(groups)
        .where(
          inArray(
            groups.id,
            linked.map((l) => l.childId),
          ),
        );
      await recordEvents(tx, subGroupEvents('GroupAdded', { id: parentId, tenantId: ctx.tenantId }, children, ctx.fromUser));
    }
  });
  return { headers, body: { result: 'true' as const } };
}

/** DELETE /v1/groups/{groupId}/subGroups/{subGroupId} */
export async function unlinkSubGroupViaApi(claims: AccessClaims, parentId: string, childId: string, ip: string | null) {
  const { headers } = await platformWrite(claims, { groupId: parentId, admin: true, ip }, async (tx, ctx) => {
    const removed = isUuid(childId)
      ? await tx.execute<{ id: string; name: string; imageUrl: string | null }>(
          sql`WITH d AS (DELETE FROM group_links WHERE parent_id = ${parentId} AND child_id = ${childId} RETURNING child_id)
              SELECT g.id, g.name, g.image_url AS "imageUrl" FROM d JOIN groups g ON g.id = d.child_id`,
        )
      : { rows: [] };
    if (!removed.rows.length) throw new DomainError('SubGroupNotLinked');
    await ctx.audit(tx, 'group.subgroup_unlinked', parentId, { childId });
    await recordEvents(tx, subGroupEvents('GroupRemoved', { id: parentId, tenantId: ctx.tenantId }, removed.rows, ctx.fromUser));
  });
  return { headers, body: { result: 'true' as const } };
}
