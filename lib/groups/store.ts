import 'server-only';
import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { groupLinks, groupMembers, groups, type Group } from '@/db/schema';
import { DomainError } from '@/lib/errors';

/**
 * Writes on groups that both the portal (lib/groups/*.ts, after the role matrix) and the platform API
 * (lib/platform, after the token's reach) make, inside the caller's transaction. No authorization here.
 */
export interface NewGroup {
  tenantId: string;
  name: string;
  welcomeMessage: string | null;
  groupType: 'Group' | 'ConnectGroup';
  imageUrl?: string | null;
  createdBy?: string | null;
  createdByConnectorId?: string | null;
  /** link the new group under this one */
  parentId?: string | null;
}

export async function insertGroup(tx: DbOrTx, input: NewGroup): Promise<Group> {
  const [g] = await tx
    .insert(groups)
    .values({
      tenantId: input.tenantId,
      name: input.name,
      welcomeMessage: input.welcomeMessage,
      groupType: input.groupType,
      imageUrl: input.imageUrl ?? null,
      createdBy: input.createdBy ?? null,
      createdByConnectorId: input.createdByConnectorId ?? null,
    })
    .returning();
  if (input.parentId) await tx.insert(groupLinks).values({ parentId: input.parentId, childId: g!.id });
  return g!;
}

export interface MemberEntry {
  e164: string;
  displayName: string;
  role: 'Admin' | 'Member' | 'Subscriber';
}

/**
 * Add members; a number already in the group keeps its role, except a subscriber, who becomes the role
 * asked for. Returns the numbers that joined as admin or member by this call (new, or subscribers before),
 * with their name and role: the `MemberAdded` events of the change.
 */
export async function upsertMembers(tx: DbOrTx, groupId: string, members: MemberEntry[]): Promise<MemberEntry[]> {
  if (!members.length) return [];
  return tx
    .insert(groupMembers)
    .values(members.map((m) => ({ groupId, ...m })))
    .onConflictDoUpdate({
      target: [groupMembers.groupId, groupMembers.e164],
      set: { role: sql`excluded.role` },
      setWhere: sql`${groupMembers.role} = 'Subscriber' AND excluded.role <> 'Subscriber'`,
    })
    .returning({ e164: groupMembers.e164, displayName: groupMembers.displayName, role: groupMembers.role });
}

/** The roles the given numbers hold in the group now (absent = not in the group). */
export async function rolesOf(tx: DbOrTx, groupId: string, numbers: string[]): Promise<Map<string, 'Admin' | 'Member' | 'Subscriber'>> {
  if (!numbers.length) return new Map();
  const rows = await tx
    .select({ e164: groupMembers.e164, role: groupMembers.role })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.e164, numbers)));
  return new Map(rows.map((r) => [r.e164, r.role]));
}

export async function groupAdmins(tx: DbOrTx, groupId: string): Promise<{ e164: string; displayName: string }[]> {
  return tx
    .select({ e164: groupMembers.e164, displayName: groupMembers.displayName })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, 'Admin')));
}

/** A group always keeps at least one admin. */
export async function assertOtherAdmin(tx: DbOrTx, groupId: string, e164: string) {
  const [other] = await tx
    .select({ n: count() })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.role, 'Admin'), ne(groupMembers.e164, e164)));
  if (!other?.n) throw new DomainError('LastAdmin');
}

/** Every group above `groupId` in the hierarchy (for the no-cycle rule). */
export async function ancestorIds(tx: DbOrTx, groupId: string): Promise<string[]> {
  const rows = await tx.execute<{ id: string }>(sql`
    WITH RECURSIVE up(id) AS (
      SELECT parent_id FROM group_links WHERE child_id = ${groupId}
      UNION SELECT gl.parent_id FROM group_links gl JOIN up ON gl.child_id = up.id
    ) SELECT id FROM up`);
  return rows.rows.map((r) => r.id);
}

/** Takes the group's row lock: concurrent membership changes of one group run one after another. */
export async function lockGroup(tx: DbOrTx, groupId: string): Promise<Group | undefined> {
  const [g] = await tx.select().from(groups).where(eq(groups.id, groupId)).for('update');
  return g;
}
