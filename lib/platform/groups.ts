import 'server-only';
import { getPool } from '@/db';
import { DomainError } from '@/lib/errors';
import { enforceRateLimit, keysFromParams, RATE_LIMIT_COLUMNS, rateLimitCte, type RateRow } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { liveSql } from './live';

/**
 * Group reads for the platform API (kaizala-connectors.md §5.1). Each request is ONE SQL statement: it
 * counts the call (rate limit), checks that the token's grant is still live (revocation takes effect at
 * once), computes the token's reach and reads the groups.
 *
 * Reach by token kind (kaizala-connectors.md §4.3, product.md §6):
 * - group:  the granted group and its sub-groups
 * - tenant: every group of the organization (an org admin's user token)
 * - user:   groups where the portal user's active number is Admin, and their sub-groups
 * - member: groups the phone number belongs to (PIN / OAuth user tokens); not their sub-groups, where
 *           the number may not be a member (README: "every group the number belongs to")
 *
 * Reach never leaves the token's tenant (product.md §5): every step through `group_links` keeps only
 * groups of that tenant, so a link to another tenant's group (made before creation across tenants was
 * refused) reaches nothing.
 */
const BASE: Record<AccessClaims['kind'], string> = {
  group: `SELECT id FROM groups WHERE id = $3::uuid AND tenant_id = $2::uuid`,
  tenant: `SELECT id FROM groups WHERE tenant_id = $2::uuid`,
  user: `SELECT m.group_id AS id FROM group_members m JOIN groups gg ON gg.id = m.group_id
         WHERE gg.tenant_id = $2::uuid AND m.role = 'Admin'
           AND m.e164 = (SELECT e164 FROM phone_numbers WHERE user_id = $4::uuid AND is_active)`,
  member: `SELECT m.group_id AS id FROM group_members m JOIN groups gg ON gg.id = m.group_id
           WHERE gg.tenant_id = $2::uuid AND m.e164 = $5`,
};

const ROLE: Record<AccessClaims['kind'], string> = {
  group: `'Admin'`,
  tenant: `'Admin'`,
  user: `'Admin'`,
  member: `coalesce((SELECT role::text FROM group_members WHERE group_id = g.id AND e164 = $5), 'Member')`,
};

/** One step down the hierarchy from the recursive CTE `from`, inside the token's tenant ($2). */
const CHILDREN_IN_TENANT = (from: string) =>
  `SELECT gl.child_id FROM group_links gl JOIN ${from} r ON gl.parent_id = r.id JOIN groups cg ON cg.id = gl.child_id AND cg.tenant_id = $2::uuid`;

function sql(kind: AccessClaims['kind'], mode: 'one' | 'direct' | 'all'): string {
  const target =
    mode === 'one'
      ? `g.id = $7::uuid AND g.id IN (SELECT id FROM reach)`
      : mode === 'direct'
        ? `g.id IN (SELECT id FROM base)`
        : `g.id IN (SELECT id FROM reach)`;
  return `WITH RECURSIVE ${rateLimitCte(keysFromParams('$1', '$2'))},
  params AS (SELECT $3::uuid AS grp, $4::uuid AS uid, $5::text AS phn, $7::uuid AS target),
  live AS (${liveSql('$6', '$8')}),
  base AS (${BASE[kind]}),
  reach(id) AS (SELECT id FROM base${kind === 'member' ? '' : ` UNION ${CHILDREN_IN_TENANT('reach')}`})
  SELECT ${RATE_LIMIT_COLUMNS}, EXISTS (SELECT 1 FROM live) AS live,
    g.id, g.name, g.group_type, g.tenant_id,
    (SELECT count(*)::int FROM group_members WHERE group_id = g.id) AS current_level_user_count,
    (SELECT count(*)::int FROM group_links gl JOIN groups cg ON cg.id = gl.child_id AND cg.tenant_id = $2::uuid WHERE gl.parent_id = g.id) AS sub_count,
    (SELECT count(*)::int FROM group_links gl JOIN groups pg ON pg.id = gl.parent_id AND pg.tenant_id = $2::uuid WHERE gl.child_id = g.id) AS parent_count,
    (WITH RECURSIVE d(id) AS (SELECT g.id UNION ${CHILDREN_IN_TENANT('d')})
      SELECT count(DISTINCT e164)::int FROM group_members WHERE group_id IN (SELECT id FROM d)) AS user_count,
    ${ROLE[kind]} AS caller_role
  FROM (SELECT 1) AS one
  LEFT JOIN groups g ON ${target} AND g.tenant_id = $2::uuid
  ORDER BY g.name`;
}

interface GroupRow extends RateRow {
  live: boolean;
  id: string | null;
  name: string;
  group_type: 'Group' | 'ConnectGroup';
  tenant_id: string | null;
  current_level_user_count: number;
  sub_count: number;
  parent_count: number;
  user_count: number;
  caller_role: string;
}

export interface GroupItem {
  groupId: string;
  groupName: string;
  groupImageUrl: string;
  hasSubGroups: boolean;
  hasParentGroups: boolean;
  isMappedToTenant: boolean;
  groupType: 'Group' | 'ConnectGroup';
  userCount: number;
  currentLevelUserCount: number;
  callerRole?: string;
  currentLevelSubGroupCount?: number;
  currentLevelParentGroupCount?: number;
  uniqueUserCount?: number;
  isEditable?: boolean;
  isDetailsReadable?: boolean;
}

function toItem(r: GroupRow, detail: boolean): GroupItem {
  const item: GroupItem = {
    groupId: r.id!,
    groupName: r.name,
    groupImageUrl: '',
    hasSubGroups: r.sub_count > 0,
    hasParentGroups: r.parent_count > 0,
    isMappedToTenant: r.tenant_id !== null,
    groupType: r.group_type,
    userCount: r.user_count,
    currentLevelUserCount: r.current_level_user_count,
  };
  if (detail) {
    Object.assign(item, {
      callerRole: r.caller_role,
      currentLevelSubGroupCount: r.sub_count,
      currentLevelParentGroupCount: r.parent_count,
      uniqueUserCount: r.user_count,
      isEditable: r.caller_role === 'Admin',
      isDetailsReadable: true,
    });
  }
  return item;
}

const REVOKED = () => new DomainError('TokenRevoked');

/** The statement of each kind and mode, built once (12 of them) instead of on every request. */
const statements = new Map<string, { name: string; text: string }>();
function statement(kind: AccessClaims['kind'], mode: 'one' | 'direct' | 'all') {
  const key = `${kind}_${mode}`;
  let s = statements.get(key);
  if (!s) statements.set(key, (s = { name: `platform_groups_v2_${key}`, text: sql(kind, mode) }));
  return s;
}

async function run(claims: AccessClaims, mode: 'one' | 'direct' | 'all', groupId?: string) {
  const values = [claims.cid, claims.tid, claims.grp ?? null, claims.uid ?? null, claims.phn ?? null, claims.gid, groupId ?? null, claims.fam];
  const { rows } = await getPool().query<GroupRow>({ ...statement(claims.kind, mode), values });
  const first = rows[0]!;
  const headers = enforceRateLimit(first);
  if (!first.live) throw REVOKED();
  return { rows: rows.filter((r) => r.id !== null), headers };
}

/** GET /v1/groups */
export async function listReachableGroups(claims: AccessClaims, opts: { showDetail: boolean; fetchAllGroups: boolean }) {
  const { rows, headers } = await run(claims, opts.fetchAllGroups ? 'all' : 'direct');
  return { body: { groups: rows.map((r) => toItem(r, opts.showDetail)) }, headers };
}

/** GET /v1/groups/{groupId}: 404 when the group is unknown or outside the token's reach. */
export async function getReachableGroup(claims: AccessClaims, groupId: string) {
  const { rows, headers } = await run(claims, 'one', groupId);
  if (!rows.length) {
    throw new DomainError('GroupNotReachable', { headers });
  }
  return { body: { groups: rows.map((r) => toItem(r, true)) }, headers };
}
