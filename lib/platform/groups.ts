import 'server-only';
import { getPool } from '@/db';
import { DomainError } from '@/lib/errors';
import { countInMemory } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { CALLER_ROLE, CHILDREN_IN_TENANT, reachCtes, reachValues } from './reach';
import { cachedRead } from './live-batch';
import { readCacheKey } from './read-cache';

/**
 * Group reads for the platform API (kaizala-connectors.md §5.1). Each request is ONE SQL statement: it
 * counts the call (rate limit), checks that the token's grant is still live (revocation takes effect at
 * once), computes the token's reach (lib/platform/reach.ts) and reads the groups with their counts, with the
 * organization's data version. One group's read is answered from memory while that version holds
 * (lib/platform/read-cache.ts: then only the token and the version are read, batched across requests).
 *
 * Counts (subscribers of a ConnectGroup are not users here; see /subscribers):
 * - currentLevelUserCount: members of this group; userCount: member rows over the group and its sub-groups
 *   (a number in two sub-groups counts twice); uniqueUserCount: distinct numbers over the same hierarchy
 * - unProvisioned…: members whose number no user of the organization has verified yet (not on the platform)
 * - isDuplicate: the group sits under more than one parent, so it appears more than once in the hierarchy
 */
export const PROVISIONED = (e164: string) =>
  `EXISTS (SELECT 1 FROM phone_numbers p WHERE p.e164 = ${e164} AND p.tenant_id = $2::uuid AND p.verified_at IS NOT NULL)`;

function sql(kind: AccessClaims['kind'], mode: 'one' | 'direct' | 'all'): string {
  const target =
    mode === 'one'
      ? `g.id = $7::uuid AND g.id IN (SELECT id FROM reach)`
      : mode === 'direct'
        ? `g.id IN (SELECT id FROM base)`
        : `g.id IN (SELECT id FROM reach)`;
  return `WITH RECURSIVE ${reachCtes(kind, { count: false })},
  ver AS (SELECT coalesce((SELECT version FROM tenant_data_versions WHERE tenant_id = $2::uuid), 0) AS v)
  SELECT EXISTS (SELECT 1 FROM live) AS live, (SELECT v::text FROM ver) AS version, r.*
  FROM (SELECT 1) AS one
  LEFT JOIN (
    SELECT g.id, g.name, g.group_type, g.tenant_id, g.image_url,
      h.lvl_n AS current_level_user_count, h.lvl_unprov AS current_level_unprov,
      (SELECT count(*)::int FROM group_links gl JOIN groups cg ON cg.id = gl.child_id AND cg.tenant_id = $2::uuid WHERE gl.parent_id = g.id) AS sub_count,
      (SELECT count(*)::int FROM group_links gl JOIN groups pg ON pg.id = gl.parent_id AND pg.tenant_id = $2::uuid WHERE gl.child_id = g.id) AS parent_count,
      h.rows_n AS user_count, h.unique_n AS unique_user_count, h.unprov AS unprov_count,
      ${CALLER_ROLE[kind]('g.id')} AS caller_role
    FROM groups g
    LEFT JOIN LATERAL (
      -- one pass over the members of the group and its sub-groups, each group's members by its index
      WITH RECURSIVE d(id) AS (SELECT g.id UNION ${CHILDREN_IN_TENANT('d')})
      SELECT count(*)::int AS rows_n, count(DISTINCT m.e164)::int AS unique_n,
        count(DISTINCT m.e164) FILTER (WHERE NOT m.prov)::int AS unprov,
        count(*) FILTER (WHERE m.group_id = g.id)::int AS lvl_n,
        count(*) FILTER (WHERE m.group_id = g.id AND NOT m.prov)::int AS lvl_unprov
      FROM d CROSS JOIN LATERAL (
        SELECT gm.group_id, gm.e164, ${PROVISIONED('gm.e164')} AS prov FROM group_members gm WHERE gm.group_id = d.id AND gm.role <> 'Subscriber'
      ) m
    ) h ON true
    WHERE ${target} AND g.tenant_id = $2::uuid
  ) r ON true
  ORDER BY r.name, r.id`;
}

interface GroupRow {
  live: boolean;
  version: string;
  id: string | null;
  name: string;
  group_type: 'Group' | 'ConnectGroup';
  tenant_id: string | null;
  image_url: string | null;
  current_level_user_count: number;
  current_level_unprov: number;
  sub_count: number;
  parent_count: number;
  user_count: number;
  unique_user_count: number;
  unprov_count: number;
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
  currentLevelUnProvisionedUserCount?: number;
  unProvisionedUserCount?: number;
  isDuplicate?: boolean;
  isEditable?: boolean;
  isDetailsReadable?: boolean;
}

function toItem(r: GroupRow, detail: boolean): GroupItem {
  const item: GroupItem = {
    groupId: r.id!,
    groupName: r.name,
    groupImageUrl: r.image_url ?? '',
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
      uniqueUserCount: r.unique_user_count,
      currentLevelUnProvisionedUserCount: r.current_level_unprov,
      unProvisionedUserCount: r.unprov_count,
      isDuplicate: r.parent_count > 1,
      isEditable: r.caller_role === 'Admin',
      isDetailsReadable: true,
    });
  }
  return item;
}

/** The statement of each kind and mode, built once (12 of them) instead of on every request. */
const statements = new Map<string, { name: string; text: string }>();
function statement(kind: AccessClaims['kind'], mode: 'one' | 'direct' | 'all') {
  const key = `${kind}_${mode}`;
  let s = statements.get(key);
  if (!s) statements.set(key, (s = { name: `platform_groups_v8_${key}`, text: sql(kind, mode) }));
  return s;
}

async function run(claims: AccessClaims, mode: 'one' | 'direct' | 'all', groupId?: string, counted?: Record<string, string>) {
  // counted in memory (lib/ratelimit/memory.ts): the read stays a read, with no hot counter rows to update
  const headers = counted ?? countInMemory(claims.cid, claims.tid);
  const { rows } = await getPool().query<GroupRow>({ ...statement(claims.kind, mode), values: reachValues(claims, groupId ?? null) });
  const first = rows[0]!;
  if (!first.live) throw new DomainError('TokenRevoked');
  return { rows: rows.filter((r) => r.id !== null), headers, version: first.version };
}

/** GET /v1/groups */
export async function listReachableGroups(claims: AccessClaims, opts: { showDetail: boolean; fetchAllGroups: boolean }) {
  const { rows, headers } = await run(claims, opts.fetchAllGroups ? 'all' : 'direct');
  return { body: { groups: rows.map((r) => toItem(r, opts.showDetail)) }, headers };
}

/**
 * GET /v1/groups/{groupId}: 404 when the group is unknown or outside the token's reach. Answered from the
 * read cache when the organization's data version has not moved since (the 404 too).
 */
export async function getReachableGroup(claims: AccessClaims, groupId: string) {
  const key = readCacheKey('group', claims, groupId);
  const { json, headers } = await cachedRead(claims, key, async (counted) => {
    const { rows, version } = await run(claims, 'one', groupId, counted);
    return { version, json: rows.length ? JSON.stringify({ groups: rows.map((r) => toItem(r, true)) }) : null };
  });
  if (json === null) throw new DomainError('GroupNotReachable', { headers });
  return { json, headers };
}
