import 'server-only';
import { getPool } from '@/db';
import {
  apiActionBody,
  apiActionDetails,
  apiSender,
  findPackage,
  insertAction,
  isMediaActionType,
  packageActionDefinition,
  lockAction,
  mediaRefsOf,
  writeResponse,
  type ActionDefinition,
  type ActionRecord,
  type ActionType,
  type ResponseInput,
  type ResponseRecord,
} from '@/lib/actions';
import { DomainError } from '@/lib/errors';
import { enforceRateLimit, RATE_LIMIT_COLUMNS, type RateRow } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { signedMediaUrl } from '@/lib/media';
import { attachMediaToGroup, resolveActionMedia } from './media';
import { CALLER_ROLE, reachCtes, reachValues } from './reach';
import { audienceOf, responseMediaRefs } from './action-inputs';
import { platformWrite } from './writes';

/**
 * Actions over /v1 (kaizala-connectors.md §5.7–§5.9). Writes go through the platform gate (rate limit, live
 * token, reach, the caller's role) and ONE transaction that writes the action or response and its event
 * row (lib/actions/store.ts). Reads are ONE statement each (reach, the rows, their response counts or
 * responses). Who acts: as for messages, a PIN/OAuth user token as its member, every other token as the
 * connector; subscribers of a ConnectGroup neither post nor see actions (they have no targeting yet).
 */

/** What to create: a definition, or an instance of the organization's Action package `packageId`. */
export type CreateActionInput = ({ def: ActionDefinition } | { packageId: string; actionBody: unknown }) & {
  /** ConnectGroups (admins only): send to every subscriber, or to these numbers (§5.8 "PostCustomActionSubscriber") */
  sendToAllSubscribers?: boolean;
  subscribers?: string[];
};

/** POST /v1/groups/{groupId}/actions → `{ referenceId, actionId }`. */
export async function createActionViaApi(claims: AccessClaims, groupId: string, input: CreateActionInput, ip: string | null) {
  const { result, headers } = await platformWrite(claims, { groupId, admin: false, ip }, async (tx, ctx) => {
    if (ctx.callerRole !== 'Admin' && ctx.callerRole !== 'Member') throw new DomainError('SubscriberCannotPost');
    const audience = await audienceOf(tx, ctx, groupId, input);
    const def = 'def' in input ? input.def : packageActionDefinition(await findPackage(tx, claims.tid, input.packageId), input.actionBody);
    const asMember = claims.kind === 'member';
    const media = await resolveActionMedia(tx, claims, mediaRefsOf(def), groupId);
    const created = await insertAction(
      tx,
      { id: groupId, tenantId: ctx.tenantId },
      def,
      {
        kind: asMember ? 'member' : 'connector',
        phone: asMember ? ctx.callerPhone : null,
        connectorId: claims.cid,
        name: ctx.fromUser.name ?? '',
        userId: asMember ? null : (claims.uid ?? null),
      },
      media,
      audience.subscribers,
    );
    if (media.length)
      await attachMediaToGroup(tx, {
        event: isMediaActionType(def.actionType),
        tenantId: ctx.tenantId,
        groupId,
        referenceId: created.referenceId,
        media,
        actionType: def.actionType,
        caption: 'caption' in def ? def.caption : '',
        fromUser: ctx.fromUser,
      });
    return { ...created, failedResult: audience.failedResult };
  });
  const { failedResult } = result;
  return { headers, body: { referenceId: result.referenceId, actionId: result.actionId, ...(failedResult.length ? { failedResult } : {}) } };
}

/**
 * POST …/actions/{actionId}/responses → `{ responseId }`. Responses come from people: only a member token
 * (PIN/OAuth user token, acting for its number) responds; group, tenant and portal-user tokens get 403
 * ResponderNotPerson (a connector is not a member, and cannot vote or complete a job for one).
 */
export async function respondViaApi(claims: AccessClaims, groupId: string, actionId: string, input: ResponseInput, ip: string | null) {
  const { result, headers } = await platformWrite(claims, { groupId, admin: false, ip }, async (tx, ctx) => {
    if (claims.kind !== 'member' || !ctx.callerPhone) throw new DomainError('ResponderNotPerson');
    const action = await lockAction(tx, groupId, actionId);
    const role = ctx.callerRole as 'Admin' | 'Member' | 'Subscriber';
    const media = await resolveActionMedia(tx, claims, responseMediaRefs(action, input), groupId);
    const written = await writeResponse(
      tx,
      { id: groupId, tenantId: ctx.tenantId },
      action,
      { phone: ctx.callerPhone, name: ctx.fromUser.name ?? '', role, userId: null },
      input,
    );
    if (media.length)
      await attachMediaToGroup(tx, { event: false, tenantId: ctx.tenantId, groupId, referenceId: action.referenceId, media, actionType: action.actionType });
    return written;
  });
  return { headers, body: { responseId: result.responseId } };
}

/** Links to an action's media for the calling connector (signed per connector, like GET /v1/media/{mediaResource}). */
const connectorUrls = (claims: AccessClaims) => (mediaId: string) => signedMediaUrl(mediaId, `c:${claims.cid}`).mediaUrl;

const ACTION_COLUMNS = (a: string) => `${a}.id, ${a}.reference_id, ${a}.action_type, ${a}.sender_kind, ${a}.sender_name, ${a}.sender_phone,
    ${a}.sender_connector_id, ${a}.title, ${a}.body, ${a}.is_anonymous, ${a}.is_sender_only, ${a}.accept_multiple_responses,
    floor(extract(epoch FROM ${a}.expires_at) * 1000)::bigint AS expires_ms, floor(extract(epoch FROM ${a}.created_at) * 1000)::bigint AS created_ms`;

interface ActionRow {
  id: string | null;
  reference_id: string;
  action_type: ActionType;
  sender_kind: 'member' | 'connector' | 'bot';
  sender_name: string;
  sender_phone: string | null;
  sender_connector_id: string | null;
  title: string;
  body: Record<string, unknown>;
  is_anonymous: boolean;
  is_sender_only: boolean;
  accept_multiple_responses: boolean;
  expires_ms: string | null;
  created_ms: string;
}

const toRecord = (r: ActionRow): ActionRecord => ({
  id: r.id!,
  referenceId: r.reference_id,
  actionType: r.action_type,
  senderKind: r.sender_kind,
  senderName: r.sender_name,
  senderPhone: r.sender_phone,
  senderConnectorId: r.sender_connector_id,
  title: r.title,
  body: r.body,
  isAnonymous: r.is_anonymous,
  isSenderOnly: r.is_sender_only,
  acceptMultipleResponses: r.accept_multiple_responses,
  expiresAt: r.expires_ms === null ? null : Number(r.expires_ms),
  createdAt: Number(r.created_ms),
});

const TARGET = (kind: AccessClaims['kind']) => `target AS (
    SELECT g.id, ${CALLER_ROLE[kind]('g.id')} AS caller_role
    FROM groups g WHERE g.id = $7::uuid AND g.tenant_id = $2::uuid AND g.id IN (SELECT id FROM reach)
  )`;

/**
 * GET …/actions: newest first, `count` + 1 rows to know `hasMore`. `$9` actionType (null: every type, ours),
 * `$10` fromDate (epoch ms: actions sent before it — pass the last `sentAt` for the next page), `$11` limit.
 */
const listStatements = new Map<string, string>();
function listSql(kind: AccessClaims['kind']): string {
  let s = listStatements.get(kind);
  if (!s) {
    s = `WITH RECURSIVE ${reachCtes(kind)}, ${TARGET(kind)}
  SELECT ${RATE_LIMIT_COLUMNS}, EXISTS (SELECT 1 FROM live) AS live, (SELECT id FROM target) AS target_id, a.*
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (
    SELECT ${ACTION_COLUMNS('aa')},
      (SELECT count(*) FROM action_responses r WHERE r.action_id = aa.id)::int AS response_count,
      (SELECT count(DISTINCT r.responder_phone) FROM action_responses r
        WHERE r.action_id = aa.id AND r.is_completed AND aa.body->'assignedTo' ? r.responder_phone)::int AS completed_count
    FROM actions aa
    WHERE aa.group_id = (SELECT id FROM target) AND EXISTS (SELECT 1 FROM live)
      AND ((SELECT caller_role FROM target) <> 'Subscriber' OR aa.subscribers IS NULL OR $5 = ANY(aa.subscribers))
      AND ($9::text IS NULL OR aa.action_type::text = $9::text)
      AND ($10::bigint IS NULL OR aa.created_at < to_timestamp($10::bigint / 1000.0))
    ORDER BY aa.created_at DESC, aa.id DESC
    LIMIT $11
  ) a ON true`;
    listStatements.set(kind, s);
  }
  return s;
}

interface ListRow extends RateRow, ActionRow {
  live: boolean;
  target_id: string | null;
  response_count: number;
  completed_count: number;
}

/** GET /v1/groups/{groupId}/actions → `{ actions: [{ referenceId, actionId, actionType, sender, sentAt, actionBody }], hasMore }`. */
export async function listActionsViaApi(
  claims: AccessClaims,
  groupId: string,
  opts: { actionType: ActionType | null; fromDate: number | null; count: number },
) {
  const { rows } = await getPool().query<ListRow>({
    name: `platform_actions_page_v2_${claims.kind}`,
    text: listSql(claims.kind),
    values: [...reachValues(claims, groupId), opts.actionType, opts.fromDate, opts.count + 1],
  });
  const first = rows[0]!;
  const headers = enforceRateLimit(first, claims);
  if (!first.live) throw new DomainError('TokenRevoked');
  if (!first.target_id) throw new DomainError('GroupNotReachable', { headers });
  const found = rows.filter((r) => r.id !== null);
  return {
    headers,
    body: {
      actions: found.slice(0, opts.count).map((r) => {
        const rec = toRecord(r);
        return {
          referenceId: rec.referenceId,
          actionId: rec.id,
          actionType: rec.actionType,
          sender: apiSender(rec),
          sentAt: rec.createdAt,
          actionBody: apiActionBody(rec, { responseCount: r.response_count, completedCount: r.completed_count }, connectorUrls(claims)),
        };
      }),
      hasMore: found.length > opts.count,
    },
  };
}

/** GET …/actions/{actionId}: the action and (getDetails) all its responses the caller may see, in ONE statement. */
const detailStatements = new Map<string, string>();
function detailSql(kind: AccessClaims['kind']): string {
  let s = detailStatements.get(kind);
  if (!s) {
    s = `WITH RECURSIVE ${reachCtes(kind)}, ${TARGET(kind)},
  act AS (
    SELECT aa.* FROM actions aa
    WHERE aa.id = $9::uuid AND aa.group_id = (SELECT id FROM target) AND EXISTS (SELECT 1 FROM live)
      AND ((SELECT caller_role FROM target) <> 'Subscriber' OR aa.subscribers IS NULL OR $5 = ANY(aa.subscribers))
  )
  SELECT ${RATE_LIMIT_COLUMNS}, EXISTS (SELECT 1 FROM live) AS live, (SELECT id FROM target) AS target_id, (SELECT caller_role FROM target) AS caller_role,
    ${ACTION_COLUMNS('a')},
    (SELECT coalesce(json_agg(json_build_object('id', r.id, 'responderPhone', r.responder_phone, 'responderName', r.responder_name,
        'answers', r.answers, 'isCompleted', r.is_completed,
        'createdAt', (extract(epoch FROM r.created_at) * 1000)::bigint, 'updatedAt', (extract(epoch FROM r.updated_at) * 1000)::bigint)
      ORDER BY r.created_at, r.id), '[]'::json)
     FROM action_responses r WHERE r.action_id = a.id) AS responses
  FROM (SELECT 1) AS one LEFT JOIN act a ON true`;
    detailStatements.set(kind, s);
  }
  return s;
}

interface DetailRow extends RateRow, ActionRow {
  live: boolean;
  target_id: string | null;
  caller_role: string | null;
  responses: ResponseRecord[];
}

export async function getActionViaApi(claims: AccessClaims, groupId: string, actionId: string, withResponses: boolean) {
  const { rows } = await getPool().query<DetailRow>({
    name: `platform_action_detail_v2_${claims.kind}`,
    text: detailSql(claims.kind),
    values: [...reachValues(claims, groupId), actionId],
  });
  const row = rows[0]!;
  const headers = enforceRateLimit(row, claims);
  if (!row.live) throw new DomainError('TokenRevoked');
  if (!row.target_id) throw new DomainError('GroupNotReachable', { headers });
  if (!row.id) throw new DomainError('ActionNotFound', { headers });
  const asMember = claims.kind === 'member';
  const viewer = { phone: asMember ? (claims.phn ?? null) : null, isAdmin: row.caller_role === 'Admin', connectorId: asMember ? null : claims.cid };
  return { headers, body: apiActionDetails(toRecord(row), row.responses, viewer, withResponses, connectorUrls(claims)) };
}
