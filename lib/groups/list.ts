import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { keyset, toPage, type KeyPart, type Page } from '@/lib/paging';
import { formatPhone } from '@/lib/phone';
import type { GroupSort, ListGroupsQuery, ListMembersQuery, MemberSort } from './schemas';
import { loadGroup, type GroupActor, type GroupListItem, type MemberRole } from './service';
import type { MemberDto } from './members';

export const GROUPS_PAGE_SIZE = 50;
export const MEMBERS_PAGE_SIZE = 50;

const text = sql`text`;
const int = sql`int`;
const USERS = sql`(SELECT count(*) FROM group_members um WHERE um.group_id = g.id)::int`;
const SUB_GROUPS = sql`(SELECT count(*) FROM group_links l WHERE l.parent_id = g.id)::int`;
const ROLE = sql`coalesce(mr.role::text, 'Not a member')`;

/**
 * The groups list's sort keys (the group id breaks ties). Name walks `groups_tenant_name_idx`; the counts are
 * index look-ups per group (cheap at 10,000 groups).
 */
const GROUP_SORTS: Record<GroupSort, KeyPart[]> = {
  name: [{ expr: sql`lower(g.name)`, cast: text }],
  role: [{ expr: ROLE, cast: text }],
  users: [{ expr: USERS, cast: int }],
  subGroups: [{ expr: SUB_GROUPS, cast: int }],
};

interface GroupRaw extends Record<string, unknown> {
  id: string;
  name: string;
  group_type: 'Group' | 'ConnectGroup';
  role: string | null;
  users: number;
  sub_groups: number;
  created_by_connector: string | null;
  k0: string | number;
}

/**
 * The Groups list, sorted by a column and keyset-paged. Organization tab: an org admin sees every group of the
 * organization, others the org groups they belong to. Private tab: private groups the actor belongs to.
 */
export async function listGroupsPage(actor: GroupActor, query: ListGroupsQuery, limit = GROUPS_PAGE_SIZE): Promise<Page<GroupListItem>> {
  const parts = [...GROUP_SORTS[query.sort], { expr: sql`g.id`, cast: sql`uuid` }];
  const ks = keyset(parts, query.dir, query);
  const where: SQL[] =
    query.tab === 'org'
      ? [sql`g.tenant_id = ${actor.tenantId}`, ...(actor.isOrgAdmin ? [] : [sql`mr.role IS NOT NULL`])]
      : [sql`g.tenant_id IS NULL`, sql`mr.role IS NOT NULL`];
  if (ks.where) where.push(ks.where);
  const res = await db.execute<GroupRaw>(sql`
    SELECT g.id, g.name, g.group_type, mr.role, c.name AS created_by_connector, ${USERS} AS users, ${SUB_GROUPS} AS sub_groups,
      ${parts[0]!.expr} AS k0
    FROM groups g
    LEFT JOIN group_members mr ON mr.group_id = g.id AND mr.e164 = ${actor.activePhone ?? ''}
    LEFT JOIN connectors c ON c.id = g.created_by_connector_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${ks.orderBy}
    LIMIT ${limit + 1}`);
  const page = toPage(res.rows, limit, (r) => [r.k0, r.id], ks);
  return {
    ...page,
    rows: page.rows.map((r) => ({
      id: r.id,
      name: r.name,
      groupType: r.group_type,
      yourRole: r.role ?? 'Not a member',
      users: r.users,
      subGroups: r.sub_groups,
      createdByConnector: r.created_by_connector,
    })),
  };
}

/** A member list's sort keys before the phone number (unique in a group, it breaks ties). */
const MEMBER_SORTS: Record<MemberSort, KeyPart[]> = {
  role: [
    { expr: sql`m.role`, cast: sql`member_role` },
    { expr: sql`lower(m.display_name)`, cast: text },
  ],
  name: [{ expr: sql`lower(m.display_name)`, cast: text }],
  phone: [],
};

interface MemberRaw extends Record<string, unknown> {
  e164: string;
  display_name: string;
  role: MemberRole;
  k0: string | null;
  k1: string | null;
}

export interface MembersPage extends Page<MemberDto> {
  /** every member of the group (the page holds at most MEMBERS_PAGE_SIZE) */
  total: number;
}

/**
 * A group's members (by phone number): by role then name (the default), by name or by number, keyset-paged
 * along `group_members_page_idx` / `group_members_name_idx` / the primary key.
 */
export async function listMembersPage(actor: GroupActor, groupId: string, query: ListMembersQuery, limit = MEMBERS_PAGE_SIZE): Promise<MembersPage> {
  await loadGroup(actor, groupId);
  const keys = MEMBER_SORTS[query.sort];
  const parts = [...keys, { expr: sql`m.e164`, cast: text }];
  const ks = keyset(parts, query.dir, query);
  const where: SQL[] = [sql`m.group_id = ${groupId}`];
  if (ks.where) where.push(ks.where);
  const [res, total] = await Promise.all([
    db.execute<MemberRaw>(sql`
      SELECT m.e164, m.display_name, m.role, ${keys[0]?.expr ?? sql`NULL`}::text AS k0, ${keys[1]?.expr ?? sql`NULL`}::text AS k1
      FROM group_members m
      WHERE ${sql.join(where, sql` AND `)}
      ORDER BY ${ks.orderBy}
      LIMIT ${limit + 1}`),
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM group_members WHERE group_id = ${groupId}`),
  ]);
  const page = toPage(res.rows, limit, (r) => [...[r.k0, r.k1].slice(0, keys.length), r.e164], ks);
  return {
    ...page,
    total: total.rows[0]?.n ?? 0,
    rows: page.rows.map((m) => ({
      e164: m.e164,
      display: formatPhone(m.e164),
      displayName: m.display_name,
      role: m.role,
      isYou: m.e164 === actor.activePhone,
    })),
  };
}
