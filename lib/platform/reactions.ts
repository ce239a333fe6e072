import 'server-only';
import { getPool } from '@/db';
import { DomainError } from '@/lib/errors';
import { enforceRateLimit, RATE_LIMIT_COLUMNS, RATE_LIMITS, type RateRow } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { isUuid } from '@/lib/utils';
import { decodeDetailsCursor, decodeSummaryCursor, encodeDetailsCursor, encodeSummaryCursor } from './reaction-cursor';
import { ACTOR_NAME, CALLER_ROLE, CHILDREN_IN_TENANT, reachCtes, reachValues } from './reach';

/**
 * Reactions (kaizala-connectors.md §5.10): a Like or a Comment on an item sent in `sourceGroupId` — the path
 * group itself, or one of its parent groups (an item sent to a parent reaches the hierarchy below it) — made
 * from the path group. Each call is ONE statement (rate limit, live token, reach, the source group among the
 * path group's ancestors, the item, the caller's role, and the write or the read).
 *
 * Items: messages and actions (their `referenceId`s share one space). `ITEMS` is the one place that says what
 * can be reacted to; every statement here takes it.
 *
 * Who reacts: a PIN/OAuth user token as its member (admins and members; subscribers 403), every other token
 * as the connector. One Like per reactor and item (a second Like answers the same reactionId); comments are
 * many. Reads count what was reacted in the path group and its sub-groups that the token reaches.
 * Reactions are data-plane like messages and have no Kaizala webhook event (§6.3), so no event row.
 */
const ITEMS = `SELECT 'message'::reaction_target AS kind, m.reference_id, m.group_id FROM messages m
  UNION ALL SELECT 'action'::reaction_target, a.reference_id, a.group_id FROM actions a`;

/** The CTEs after reach: the target group, its ancestors, the source group (one of them), the item. */
function scopeCtes(kind: AccessClaims['kind'], withItem: boolean): string {
  return `target AS (
    SELECT g.id, ${CALLER_ROLE[kind]('g.id')} AS caller_role
    FROM groups g WHERE g.id = $7::uuid AND g.tenant_id = $2::uuid AND g.id IN (SELECT id FROM reach)
  ),
  anc(id) AS (
    SELECT id FROM target
    UNION SELECT gl.parent_id FROM group_links gl JOIN anc a ON gl.child_id = a.id JOIN groups pg ON pg.id = gl.parent_id AND pg.tenant_id = $2::uuid
  ),
  source AS (SELECT id FROM anc WHERE id = coalesce($9::uuid, $7::uuid))${
    withItem
      ? `,
  item AS (SELECT i.kind, i.reference_id FROM (${ITEMS}) i WHERE i.reference_id = $10::uuid AND i.group_id = (SELECT id FROM source) LIMIT 1)`
      : ''
  }`;
}

/** the path group and its sub-groups that the token reaches: where the counted reactions were made */
const SEEN_CTES = `hier(id) AS (SELECT id FROM target UNION ${CHILDREN_IN_TENANT('hier')}),
  seen AS (SELECT id FROM hier WHERE id IN (SELECT id FROM reach))`;

const SCOPE_COLUMNS = `EXISTS (SELECT 1 FROM live) AS live, (SELECT id FROM target) AS target_id, (SELECT caller_role FROM target) AS caller_role,
    EXISTS (SELECT 1 FROM source) AS source_ok`;

interface ScopeRow extends RateRow {
  live: boolean;
  target_id: string | null;
  caller_role: string | null;
  source_ok: boolean;
}

function checkScope(row: ScopeRow, claims: AccessClaims) {
  const headers = enforceRateLimit(row, claims);
  if (!row.live) throw new DomainError('TokenRevoked');
  if (!row.target_id) throw new DomainError('GroupNotReachable', { headers });
  if (!row.source_ok) throw new DomainError('SourceGroupNotInHierarchy', { headers });
  return headers;
}

const sourceId = (v: string | undefined) => {
  if (v === undefined || v === '') return null;
  const id = v.replace(/@\d+$/, '');
  if (!isUuid(id)) throw new DomainError('SourceGroupNotInHierarchy');
  return id;
};
const referenceOf = (v: string) => (isUuid(v) ? v : null);

// ---- POST /v1/groups/{groupId}/reaction -------------------------------------------------------------------

const postStatements = new Map<string, string>();
function postSql(kind: AccessClaims['kind']): string {
  let s = postStatements.get(kind);
  if (!s) {
    const asMember = kind === 'member';
    s = `WITH RECURSIVE ${reachCtes(kind)},
  ${scopeCtes(kind, true)},
  actor AS (
    SELECT ${asMember ? `'p:' || $5` : `'c:' || $1`} AS reactor, coalesce(${ACTOR_NAME[kind]('$7::uuid')}, '') AS name,
      ${asMember ? '$5::text' : 'NULL::text'} AS phone,
      ${asMember ? `(SELECT user_id FROM phone_numbers WHERE e164 = $5 AND tenant_id = $2::uuid AND verified_at IS NOT NULL)` : '$4::uuid'} AS user_id
  ),
  ok AS (
    SELECT i.kind, i.reference_id FROM item i, target t
    WHERE EXISTS (SELECT 1 FROM live)
      AND coalesce((SELECT count FROM rl WHERE key LIKE 'c:%'), 0) <= $13::int
      AND coalesce((SELECT count FROM rl WHERE key LIKE 't:%'), 0) <= $14::int
      AND t.caller_role IN ('Admin', 'Member')
  ),
  ins AS (
    INSERT INTO reactions (tenant_id, group_id, source_group_id, target_kind, reference_id, reaction_type, comment, reactor, reactor_name, reactor_phone, reactor_user_id, connector_id)
    SELECT $2::uuid, $7::uuid, (SELECT id FROM source), ok.kind, ok.reference_id, $11::reaction_type, $12::text, a.reactor, a.name, a.phone, a.user_id, $1::uuid
    FROM ok, actor a
    ON CONFLICT (reference_id, reactor) WHERE reaction_type = 'Like' DO UPDATE SET updated_at = now()
    RETURNING id
  )
  SELECT ${RATE_LIMIT_COLUMNS}, ${SCOPE_COLUMNS}, EXISTS (SELECT 1 FROM item) AS item_ok, (SELECT id FROM ins) AS reaction_id`;
    postStatements.set(kind, s);
  }
  return s;
}

export interface ReactionInput {
  referenceId: string;
  sourceGroupId?: string;
  reactionType: 'Like' | 'Comment';
  comment?: string;
}

export async function postReactionViaApi(claims: AccessClaims, groupId: string, input: ReactionInput) {
  const { rows } = await getPool().query<ScopeRow & { item_ok: boolean; reaction_id: string | null }>({
    name: `reaction_post_v1_${claims.kind}`,
    text: postSql(claims.kind),
    values: [
      ...reachValues(claims, groupId),
      sourceId(input.sourceGroupId),
      referenceOf(input.referenceId),
      input.reactionType,
      input.reactionType === 'Comment' ? input.comment! : null,
      RATE_LIMITS.perConnector,
      RATE_LIMITS.perTenant,
    ],
  });
  const row = rows[0]!;
  const headers = checkScope(row, claims);
  if (!row.item_ok) throw new DomainError('ReactionTargetNotFound', { headers });
  if (row.caller_role === 'Subscriber') throw new DomainError('SubscriberCannotReact', { headers });
  if (!row.reaction_id) throw new Error('reaction not written although every check passed');
  return { headers, body: { reactionId: row.reaction_id } };
}

// ---- GET …/reaction/{referenceId}/summary ----------------------------------------------------------------

const COUNTS = (ref: string) => `json_build_object(
      'like', (SELECT count(*) FROM reactions r WHERE r.reference_id = ${ref} AND r.source_group_id = (SELECT id FROM source) AND r.reaction_type = 'Like' AND r.group_id IN (SELECT id FROM seen)),
      'comment', (SELECT count(*) FROM reactions r WHERE r.reference_id = ${ref} AND r.source_group_id = (SELECT id FROM source) AND r.reaction_type = 'Comment' AND r.group_id IN (SELECT id FROM seen)))`;

const itemSummaryStatements = new Map<string, string>();
function itemSummarySql(kind: AccessClaims['kind']): string {
  let s = itemSummaryStatements.get(kind);
  if (!s) {
    s = `WITH RECURSIVE ${reachCtes(kind)},
  ${scopeCtes(kind, true)},
  ${SEEN_CTES}
  SELECT ${RATE_LIMIT_COLUMNS}, ${SCOPE_COLUMNS}, EXISTS (SELECT 1 FROM item) AS item_ok,
    CASE WHEN EXISTS (SELECT 1 FROM live) THEN ${COUNTS('(SELECT reference_id FROM item)')} END AS counts`;
    itemSummaryStatements.set(kind, s);
  }
  return s;
}

type Counts = { like: number; comment: number };

export async function reactionSummaryViaApi(claims: AccessClaims, groupId: string, referenceId: string, source: string | undefined) {
  const { rows } = await getPool().query<ScopeRow & { item_ok: boolean; counts: Counts | null }>({
    name: `reaction_item_summary_v1_${claims.kind}`,
    text: itemSummarySql(claims.kind),
    values: [...reachValues(claims, groupId), sourceId(source), referenceOf(referenceId)],
  });
  const row = rows[0]!;
  const headers = checkScope(row, claims);
  if (!row.item_ok) throw new DomainError('ReactionTargetNotFound', { headers });
  return { headers, body: { summary: [{ referenceId, reactionsCountMap: row.counts ?? { like: 0, comment: 0 } }] } };
}

// ---- GET …/reaction/summary (every item of the source group with reactions, by last change) --------------

const summaryStatements = new Map<string, string>();
function summarySql(kind: AccessClaims['kind']): string {
  let s = summaryStatements.get(kind);
  if (!s) {
    s = `WITH RECURSIVE ${reachCtes(kind)},
  ${scopeCtes(kind, false)},
  ${SEEN_CTES},
  items AS (
    SELECT r.reference_id, max(r.updated_at) AS changed_at,
      count(*) FILTER (WHERE r.reaction_type = 'Like') AS likes, count(*) FILTER (WHERE r.reaction_type = 'Comment') AS comments
    FROM reactions r
    WHERE r.source_group_id = (SELECT id FROM source) AND r.group_id IN (SELECT id FROM seen) AND EXISTS (SELECT 1 FROM live)
    GROUP BY r.reference_id
  )
  SELECT ${RATE_LIMIT_COLUMNS}, ${SCOPE_COLUMNS}, i.reference_id, i.changed_at::text AS changed_at, i.likes, i.comments
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (
    SELECT * FROM items WHERE $10::timestamptz IS NULL OR (changed_at, reference_id) > ($10::timestamptz, $11::uuid)
    ORDER BY changed_at, reference_id LIMIT $12
  ) i ON true`;
    summaryStatements.set(kind, s);
  }
  return s;
}

export async function reactionSummariesViaApi(claims: AccessClaims, groupId: string, q: { sourceGroupId?: string; cursor?: string; count: number }) {
  const after = decodeSummaryCursor(q.cursor);
  const { rows } = await getPool().query<ScopeRow & { reference_id: string | null; changed_at: string; likes: string; comments: string }>({
    name: `reaction_summaries_v1_${claims.kind}`,
    text: summarySql(claims.kind),
    values: [...reachValues(claims, groupId), sourceId(q.sourceGroupId), after?.changedAt ?? null, after?.referenceId ?? null, q.count + 1],
  });
  const headers = checkScope(rows[0]!, claims);
  const found = rows.filter((r) => r.reference_id !== null);
  const items = found.slice(0, q.count);
  const last = items[items.length - 1];
  return {
    headers,
    body: {
      summary: items.map((r) => ({ referenceId: r.reference_id!, reactionsCountMap: { like: Number(r.likes), comment: Number(r.comments) } })),
      ...(found.length > q.count && last ? { cursor: encodeSummaryCursor(last.changed_at, last.reference_id!) } : {}),
    },
  };
}

// ---- GET …/reaction/{referenceId} (who reacted, newest first) --------------------------------------------

const detailStatements = new Map<string, string>();
function detailsSql(kind: AccessClaims['kind']): string {
  let s = detailStatements.get(kind);
  if (!s) {
    s = `WITH RECURSIVE ${reachCtes(kind)},
  ${scopeCtes(kind, true)},
  ${SEEN_CTES},
  after AS (SELECT a.updated_at, a.id FROM reactions a WHERE a.id = $12::uuid AND a.reference_id = $10::uuid)
  SELECT ${RATE_LIMIT_COLUMNS}, ${SCOPE_COLUMNS}, EXISTS (SELECT 1 FROM item) AS item_ok,
    ($12::uuid IS NULL OR EXISTS (SELECT 1 FROM after)) AS cursor_ok,
    r.id, r.reaction_type, r.comment, r.reactor_name, r.reactor_phone, coalesce(r.reactor_user_id, r.connector_id) AS user_id,
    (extract(epoch FROM r.updated_at) * 1000)::bigint AS modified_ms
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (
    SELECT rr.* FROM reactions rr
    WHERE rr.reference_id = (SELECT reference_id FROM item) AND rr.source_group_id = (SELECT id FROM source)
      AND rr.group_id IN (SELECT id FROM seen) AND EXISTS (SELECT 1 FROM live)
      AND ($11::reaction_type IS NULL OR rr.reaction_type = $11::reaction_type)
      AND ($12::uuid IS NULL OR (rr.updated_at, rr.id) < (SELECT updated_at, id FROM after))
    ORDER BY rr.updated_at DESC, rr.id DESC
    LIMIT $13
  ) r ON true`;
    detailStatements.set(kind, s);
  }
  return s;
}

interface DetailRow extends ScopeRow {
  item_ok: boolean;
  cursor_ok: boolean;
  id: string | null;
  reaction_type: 'Like' | 'Comment';
  comment: string | null;
  reactor_name: string;
  reactor_phone: string | null;
  user_id: string | null;
  modified_ms: string;
}

export async function reactionDetailsViaApi(
  claims: AccessClaims,
  groupId: string,
  referenceId: string,
  q: { sourceGroupId?: string; reactionType?: 'Like' | 'Comment'; cursor?: string; count: number },
) {
  const after = decodeDetailsCursor(q.cursor);
  const { rows } = await getPool().query<DetailRow>({
    name: `reaction_details_v1_${claims.kind}`,
    text: detailsSql(claims.kind),
    values: [...reachValues(claims, groupId), sourceId(q.sourceGroupId), referenceOf(referenceId), q.reactionType ?? null, after, q.count + 1],
  });
  const first = rows[0]!;
  const headers = checkScope(first, claims);
  if (!first.item_ok) throw new DomainError('ReactionTargetNotFound', { headers });
  if (!first.cursor_ok) throw new DomainError('InvalidCursor', { headers });
  const found = rows.filter((r) => r.id !== null);
  const items = found.slice(0, q.count);
  const last = items[items.length - 1];
  return {
    headers,
    body: {
      reactionDetails: items.map((r) => ({
        reactionId: r.id!,
        userId: r.user_id ?? '',
        lastModifiedTime: Number(r.modified_ms),
        reactionType: r.reaction_type,
        name: r.reactor_name,
        ...(r.reactor_phone ? { mobileNumber: r.reactor_phone } : {}),
        ...(r.comment !== null ? { comment: r.comment } : {}),
      })),
      ...(found.length > q.count && last ? { cursor: encodeDetailsCursor(last.id!) } : {}),
    },
  };
}
