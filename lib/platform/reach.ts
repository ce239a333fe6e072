import type { AccessClaims } from '@/lib/tokens';
import { keysFromParams, rateLimitCte } from '@/lib/ratelimit';
import { liveSql } from './live';

/**
 * A token's reach as SQL (kaizala-connectors.md §4.3, product.md §6), shared by every platform statement.
 * Parameters, in every statement built from here:
 *   $1 connector  $2 tenant  $3 granted group  $4 portal user  $5 phone (member tokens)  $6 grant  $7 target group  $8 family
 *
 * - group:  the granted group and its sub-groups
 * - tenant: every group of the organization (an org admin's user token)
 * - user:   groups where the portal user's active number is Admin, and their sub-groups
 * - member: groups the phone number belongs to (PIN / OAuth user tokens); not their sub-groups, where
 *           the number may not be a member (README: "every group the number belongs to")
 *
 * Reach never leaves the token's tenant (product.md §5): every step through `group_links` keeps only
 * groups of that tenant, so a link to another tenant's group reaches nothing.
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

/**
 * The caller's role in group `g`: group, tenant and admin-user tokens act as the group's admin (a group
 * token "can do what a group admin can do"); a member token has the number's own role there.
 */
export const CALLER_ROLE: Record<AccessClaims['kind'], (g: string) => string> = {
  group: () => `'Admin'`,
  tenant: () => `'Admin'`,
  user: () => `'Admin'`,
  member: (g) => `coalesce((SELECT role::text FROM group_members WHERE group_id = ${g} AND e164 = $5), 'Member')`,
};

/** The phone number the token acts for: the portal user's active number, the member token's number, none for a group token. */
export const CALLER_PHONE: Record<AccessClaims['kind'], string> = {
  group: `NULL::text`,
  tenant: `(SELECT e164 FROM phone_numbers WHERE user_id = $4::uuid AND is_active)`,
  user: `(SELECT e164 FROM phone_numbers WHERE user_id = $4::uuid AND is_active)`,
  member: `$5::text`,
};

/**
 * Who the token acts as in group `g` (a message's sender, an event's fromUserName): a member token acts as
 * the number (its display name in the group); every other token as the connector ($1).
 */
export const ACTOR_NAME: Record<AccessClaims['kind'], (g: string) => string> = {
  group: () => `(SELECT name FROM connectors WHERE id = $1::uuid)`,
  tenant: () => `(SELECT name FROM connectors WHERE id = $1::uuid)`,
  user: () => `(SELECT name FROM connectors WHERE id = $1::uuid)`,
  member: (g) => `(SELECT display_name FROM group_members WHERE group_id = ${g} AND e164 = $5)`,
};

/** One step down the hierarchy from the recursive CTE `from`, inside the token's tenant ($2). */
export const CHILDREN_IN_TENANT = (from: string) =>
  `SELECT gl.child_id FROM group_links gl JOIN ${from} r ON gl.parent_id = r.id JOIN groups cg ON cg.id = gl.child_id AND cg.tenant_id = $2::uuid`;

/**
 * The CTEs every platform statement starts with (after `WITH RECURSIVE`): `rl` counts the call (rate
 * limit; left out for a second look inside a write that was counted already), `live` says whether the token still holds, `base` and `reach` are the groups it reaches.
 */
export function reachCtes(kind: AccessClaims['kind'], opts: { count: boolean } = { count: true }): string {
  return `${opts.count ? `${rateLimitCte(keysFromParams('$1', '$2'))},` : ''}
  params AS (SELECT $1::uuid AS cid, $3::uuid AS grp, $4::uuid AS uid, $5::text AS phn, $7::uuid AS target),
  live AS (${liveSql('$6', '$8')}),
  base AS (${BASE[kind]}),
  reach(id) AS (SELECT id FROM base${kind === 'member' ? '' : ` UNION ${CHILDREN_IN_TENANT('reach')}`})`;
}

/** The first eight parameters of every platform statement, from the verified claims and the target group. */
export function reachValues(claims: AccessClaims, target: string | null): unknown[] {
  return [claims.cid, claims.tid, claims.grp ?? null, claims.uid ?? null, claims.phn ?? null, claims.gid, target, claims.fam];
}
