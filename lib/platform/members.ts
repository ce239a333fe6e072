import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getPool, type DbOrTx } from '@/db';
import { groupMembers } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { memberEvents, recordEvents } from '@/lib/events';
import { assertOtherAdmin, upsertMembers } from '@/lib/groups';
import { formatPhone, parsePhone } from '@/lib/phone';
import { countInMemory } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { isUuid } from '@/lib/utils';
import { PROVISIONED } from './groups';
import { decodeCursor, encodeCursor } from './pages';
import { reachCtes, reachValues } from './reach';
import { cachedRead } from './live-batch';
import { readCacheKey } from './read-cache';
import { platformWrite } from './writes';

/**
 * Members and subscribers over /v1 (kaizala-connectors.md §5.3, §5.4). A page of either is ONE statement:
 * rate limit, live token, reach, and the page in (role, number) order after the cursor. A member page is
 * answered from memory while the organization's data version is the one it was read at (read-cache.ts:
 * then only the token and the version are read, batched across requests).
 */
type Listing = 'members' | 'subscribers';
const ROLES: Record<Listing, string> = { members: `('Admin', 'Member')`, subscribers: `('Subscriber')` };

const pageStatements = new Map<string, string>();
function pageSql(kind: AccessClaims['kind'], listing: Listing): string {
  const key = `${kind}_${listing}`;
  let s = pageStatements.get(key);
  if (!s) {
    s = `WITH RECURSIVE ${reachCtes(kind, { count: false })},
  ver AS (SELECT coalesce((SELECT version FROM tenant_data_versions WHERE tenant_id = $2::uuid), 0) AS v),
  target AS (SELECT g.id, g.group_type FROM groups g WHERE g.id = $7::uuid AND g.tenant_id = $2::uuid AND g.id IN (SELECT id FROM reach))
  SELECT EXISTS (SELECT 1 FROM live) AS live, (SELECT v::text FROM ver) AS version,
    (SELECT id FROM target) AS target_id, (SELECT group_type FROM target) AS group_type,
    -- the page as one JSON value: one row to decode however long the page is
    (SELECT coalesce(json_agg(json_build_object('id', p.id, 'role', p.role, 'e164', p.e164, 'name', p.display_name, 'prov', p.provisioned) ORDER BY p.role, p.e164), '[]'::json)
     FROM (
       SELECT gm.id, gm.role, gm.e164, gm.display_name, ${PROVISIONED('gm.e164')} AS provisioned
       FROM group_members gm
       WHERE gm.group_id = (SELECT id FROM target) AND gm.role IN ${ROLES[listing]}
         AND ($9::text IS NULL OR (gm.role, gm.e164) > ($9::text::member_role, $10::text))
       ORDER BY gm.role, gm.e164
       LIMIT $11
     ) p) AS page`;
    pageStatements.set(key, s);
  }
  return s;
}

interface PageItem {
  id: string;
  role: 'Admin' | 'Member' | 'Subscriber';
  e164: string;
  name: string;
  prov: boolean;
}

interface PageRow {
  live: boolean;
  version: string;
  target_id: string | null;
  group_type: 'Group' | 'ConnectGroup' | null;
  page: PageItem[];
}

/** One statement: the token's liveness, the organization's data version and the page. */
async function read(claims: AccessClaims, groupId: string, listing: Listing, opts: { cursor?: string; count: number }, counted?: Record<string, string>) {
  const after = decodeCursor(opts.cursor);
  const headers = counted ?? countInMemory(claims.cid, claims.tid); // a read: counted in memory (lib/ratelimit/memory.ts)
  const { rows } = await getPool().query<PageRow>({
    name: `platform_${listing}_page_v5_${claims.kind}`,
    text: pageSql(claims.kind, listing),
    values: [...reachValues(claims, groupId), after?.role ?? null, after?.e164 ?? null, opts.count + 1],
  });
  const first = rows[0]!;
  if (!first.live) throw new DomainError('TokenRevoked');
  return { first, headers };
}

async function page(claims: AccessClaims, groupId: string, listing: Listing, opts: { cursor?: string; count: number }) {
  const { first, headers } = await read(claims, groupId, listing, opts);
  if (!first.target_id) throw new DomainError('GroupNotReachable', { headers });
  const found = first.page;
  const more = found.length > opts.count;
  const items = found.slice(0, opts.count);
  const last = items[items.length - 1];
  return { items, groupType: first.group_type!, headers, next: more && last ? encodeCursor({ role: last.role, e164: last.e164 }) : undefined };
}

/** GET /v1/groups/{groupId}/members: from the read cache while the organization's data version holds (the 404 too). */
export async function listGroupMembers(claims: AccessClaims, groupId: string, opts: { cursor?: string; count: number }) {
  const key = readCacheKey('members', claims, groupId, opts.cursor, opts.count);
  const { json, headers } = await cachedRead(claims, key, async (counted) => {
    const { first } = await read(claims, groupId, 'members', opts, counted);
    return { version: first.version, json: first.target_id ? JSON.stringify(memberBody(first.page, opts.count)) : null };
  });
  if (json === null) throw new DomainError('GroupNotReachable', { headers });
  return { headers, json };
}

function memberBody(found: PageItem[], count: number) {
  const items = found.slice(0, count);
  const last = items[items.length - 1];
  return {
    members: items.map((m) => ({ id: m.id, role: m.role as 'Admin' | 'Member', mobileNumber: m.e164, isProvisioned: m.prov })),
    ...(found.length > count && last ? { cursor: encodeCursor({ role: last.role, e164: last.e164 }) } : {}),
  };
}

/** POST /v1/groups/{groupId}/subscribers (a list, POST as in Kaizala): ConnectGroups only. */
export async function listGroupSubscribers(claims: AccessClaims, groupId: string, opts: { cursor?: string; count: number }) {
  const { items, groupType, headers, next } = await page(claims, groupId, 'subscribers', opts);
  if (groupType !== 'ConnectGroup') throw new DomainError('NotConnectGroup', { headers });
  return {
    headers,
    body: {
      subscribers: items.map((m) => ({ id: m.id, mobileNumber: m.e164, name: m.name, profilePic: '', isProvisioned: m.prov })),
      ...(next ? { cursor: next } : {}),
    },
  };
}

export interface NumberProblem {
  mobileNumber: string;
  errorCode: string;
  errorReason: string;
}

/** Split the numbers a client sent into valid E.164 (deduplicated, in order) and per-number problems. */
export function parseNumbers(raw: string[]): { valid: string[]; failed: NumberProblem[] } {
  const valid: string[] = [];
  const failed: NumberProblem[] = [];
  for (const r of raw) {
    const p = parsePhone(r);
    if (!p.ok) failed.push({ mobileNumber: r, errorCode: 'InvalidPhone', errorReason: p.message });
    else if (!valid.includes(p.e164)) valid.push(p.e164);
  }
  return { valid, failed };
}

/** PUT /v1/groups/{groupId}/members: `result` is "true" only when every number is in the group afterwards. */
export async function addGroupMembers(claims: AccessClaims, groupId: string, numbers: string[], ip: string | null) {
  const { valid, failed } = parseNumbers(numbers);
  const { headers } = await platformWrite(claims, { groupId, admin: true, ip }, async (tx, ctx) => {
    const added = await upsertMembers(
      tx,
      groupId,
      valid.map((e164) => ({ e164, displayName: formatPhone(e164), role: 'Member' as const })),
    );
    if (valid.length) await ctx.audit(tx, 'group.members_added', groupId, { members: valid });
    await recordEvents(
      tx,
      memberEvents(
        'MemberAdded',
        { id: groupId, tenantId: ctx.tenantId },
        added.map((m) => ({ e164: m.e164, name: m.displayName, role: m.role })),
        ctx.fromUser,
      ),
    );
  });
  return { headers, body: { result: String(failed.length === 0) as 'true' | 'false', ...(failed.length ? { failedResult: failed } : {}) } };
}

/** A member by its `id` or by its phone number (E.164, `+` encoded or not). */
async function findMember(tx: DbOrTx, groupId: string, memberId: string) {
  const phone = parsePhone(memberId.startsWith('+') || memberId.startsWith('00') ? memberId : `+${memberId.trim()}`);
  const match = isUuid(memberId) ? eq(groupMembers.id, memberId) : phone.ok ? eq(groupMembers.e164, phone.e164) : null;
  if (!match) throw new DomainError('MemberNotFound');
  const [m] = await tx
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), match));
  if (!m) throw new DomainError('MemberNotFound');
  return m;
}

/** DELETE /v1/groups/{groupId}/members/{memberId}: never the last admin. */
export async function removeGroupMember(claims: AccessClaims, groupId: string, memberId: string, ip: string | null) {
  const { headers } = await platformWrite(claims, { groupId, admin: true, ip }, async (tx, ctx) => {
    const m = await findMember(tx, groupId, memberId);
    if (m.role === 'Admin') await assertOtherAdmin(tx, groupId, m.e164);
    await tx.delete(groupMembers).where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.e164, m.e164)));
    await ctx.audit(tx, 'group.member_removed', groupId, { member: m.e164 });
    await recordEvents(
      tx,
      memberEvents('MemberRemoved', { id: groupId, tenantId: ctx.tenantId }, [{ e164: m.e164, name: m.displayName, role: m.role }], ctx.fromUser),
    );
  });
  return { headers, body: { result: 'true' as const } };
}

/** PUT /v1/groups/{groupId}/members/{memberId} `{ role }`: promote or demote; never the last admin. */
export async function setGroupMemberRole(claims: AccessClaims, groupId: string, memberId: string, role: 'Admin' | 'Member', ip: string | null) {
  const { headers } = await platformWrite(claims, { groupId, admin: true, ip }, async (tx, ctx) => {
    const m = await findMember(tx, groupId, memberId);
    if (m.role === 'Subscriber') throw new DomainError('MemberNotFound');
    if (m.role === 'Admin' && role !== 'Admin') await assertOtherAdmin(tx, groupId, m.e164);
    await tx
      .update(groupMembers)
      .set({ role })
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.e164, m.e164)));
    await ctx.audit(tx, 'group.member_role_changed', groupId, { member: m.e164, role });
  });
  return { headers, body: { result: 'true' as const } };
}
