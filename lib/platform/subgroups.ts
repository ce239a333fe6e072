import 'server-only';
import { getPool } from '@/db';
import { DomainError } from '@/lib/errors';
import { countInMemory } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { reachCtes, reachValues } from './reach';

/**
 * GET /v1/groups/{groupId}/subGroups (kaizala-connectors.md §5.2): the sub-groups of a group the token
 * reaches, one level or (fetchAllGroups) the whole hierarchy nested in `subGroups`. ONE statement. A
 * group under two parents appears under each (`isDuplicate: true`). Depth is capped at 20 levels.
 */
const MAX_DEPTH = 20;
const statements = new Map<string, string>();
function treeSql(kind: AccessClaims['kind']): string {
  let s = statements.get(kind);
  if (!s) {
    const child = `JOIN groups cg ON cg.id = gl.child_id AND cg.tenant_id = $2::uuid`;
    s = `WITH RECURSIVE ${reachCtes(kind, { count: false })},
  target AS (SELECT g.id FROM groups g WHERE g.id = $7::uuid AND g.tenant_id = $2::uuid AND g.id IN (SELECT id FROM reach)),
  tree(id, parent_id, depth, path) AS (
    SELECT gl.child_id, gl.parent_id, 1, ARRAY[gl.parent_id, gl.child_id] FROM group_links gl ${child}
      WHERE gl.parent_id = (SELECT id FROM target)
    UNION ALL
    SELECT gl.child_id, gl.parent_id, t.depth + 1, t.path || gl.child_id FROM group_links gl ${child} JOIN tree t ON gl.parent_id = t.id
      WHERE $9::boolean AND t.depth < ${MAX_DEPTH} AND NOT gl.child_id = ANY(t.path)
  )
  SELECT EXISTS (SELECT 1 FROM live) AS live, (SELECT id FROM target) AS target_id,
    t.id, t.parent_id, g.name, g.image_url, g.group_type, g.welcome_message,
    (SELECT count(*)::int FROM group_links gl ${child} WHERE gl.parent_id = g.id) AS sub_count,
    (SELECT count(*)::int FROM group_links gl JOIN groups pg ON pg.id = gl.parent_id AND pg.tenant_id = $2::uuid WHERE gl.child_id = g.id) AS parent_count
  FROM (SELECT 1) AS one
  LEFT JOIN (SELECT DISTINCT id, parent_id FROM tree) t ON true
  LEFT JOIN groups g ON g.id = t.id
  ORDER BY g.name, g.id`;
    statements.set(kind, s);
  }
  return s;
}

interface TreeRow {
  live: boolean;
  target_id: string | null;
  id: string | null;
  parent_id: string;
  name: string;
  image_url: string | null;
  group_type: 'Group' | 'ConnectGroup';
  welcome_message: string | null;
  sub_count: number;
  parent_count: number;
}

export interface SubGroupItem {
  groupId: string;
  groupName: string;
  groupImageUrl: string;
  hasSubGroups: boolean;
  hasParentGroups: boolean;
  isMappedToTenant: boolean;
  groupType: 'Group' | 'ConnectGroup';
  welcomeMessage: string;
  isDuplicate: boolean;
  subGroups: SubGroupItem[];
}

export async function listSubGroupTree(claims: AccessClaims, groupId: string, opts: { fetchAllGroups: boolean }) {
  const headers = countInMemory(claims.cid, claims.tid); // a read: counted in memory (lib/ratelimit/memory.ts)
  const { rows } = await getPool().query<TreeRow>({
    name: `platform_subgroups_v2_${claims.kind}`,
    text: treeSql(claims.kind),
    values: [...reachValues(claims, groupId), opts.fetchAllGroups],
  });
  const first = rows[0]!;
  if (!first.live) throw new DomainError('TokenRevoked');
  if (!first.target_id) throw new DomainError('GroupNotReachable', { headers });

  const byParent = new Map<string, TreeRow[]>();
  for (const r of rows) {
    if (!r.id) continue;
    const list = byParent.get(r.parent_id) ?? [];
    list.push(r);
    byParent.set(r.parent_id, list);
  }
  const build = (parent: string, depth: number): SubGroupItem[] =>
    (byParent.get(parent) ?? []).map((r) => ({
      groupId: r.id!,
      groupName: r.name,
      groupImageUrl: r.image_url ?? '',
      hasSubGroups: r.sub_count > 0,
      hasParentGroups: true,
      isMappedToTenant: true,
      groupType: r.group_type,
      welcomeMessage: r.welcome_message ?? '',
      isDuplicate: r.parent_count > 1,
      subGroups: depth < MAX_DEPTH ? build(r.id!, depth + 1) : [],
    }));
  return { headers, body: { groups: build(groupId, 1) } };
}
