import 'server-only';
import { getPool } from '@/db';
import { DomainError } from '@/lib/errors';
import { decodeMessageCursor, encodeMessageCursor } from '@/lib/messages';
import { enforceRateLimit, RATE_LIMIT_COLUMNS, RATE_LIMITS, type RateRow } from '@/lib/ratelimit';
import type { AccessClaims } from '@/lib/tokens';
import { parseNumbers, type NumberProblem } from './members';
import { ACTOR_NAME, CALLER_PHONE, CALLER_ROLE, reachCtes, reachValues } from './reach';

/**
 * Messages over /v1 (kaizala-connectors.md §5.5). A post is the hot path: ONE statement does everything —
 * counts the call (rate limit), checks the token still holds, that the group is in its reach and that the
 * caller may post or target, inserts the message and its `TextMessageCreated` row into the event outbox
 * (platform_events, for webhooks). Nothing is inserted unless every check passes; JavaScript then reads
 * the flags and answers 429 / 401 / 404 / 400 / 403 in that order. Messages are data-plane: the event row
 * is their record, the control-plane audit log gets no row per message.
 *
 * Who posts: a member token (PIN/OAuth user token) as that member (sender `member`, its number and name in
 * the group); group, tenant and portal-user tokens as the connector (sender `connector`, its name).
 * Subscribers cannot post. Targeting (`sendToAllSubscribers`, `subscribers`) works on ConnectGroups only
 * and needs an admin's rights there. `subscribers` column: null = everyone (plain group, or all subscribers),
 * `{}` = a ConnectGroup's admins and members only, else those subscribers (numbers that do not subscribe
 * are left out and reported in `failedResult`).
 *
 * Parameters after the eight of reach.ts: $9 text, $10 targeted, $11 sendToAllSubscribers, $12 subscriber
 * numbers, $13 / $14 the per-connector / per-tenant limits (nothing is written past them); $15 the bot of a bot
 * token (sender `bot`, only in groups the bot was added to, else 403 `BotNotInGroup`).
 */
const postStatements = new Map<string, string>();
/** A bot token ($15 the bot) posts as its bot, only where the bot was added; its "role" there is `Bot`. */
const BOT_ROLE = (g: string) =>
  `(SELECT 'Bot' FROM group_bots gb JOIN bots b ON b.id = gb.bot_id
     WHERE gb.group_id = ${g} AND gb.bot_id = $15::uuid AND b.connector_id = $1::uuid AND b.deleted_at IS NULL)`;
function postSql(kind: AccessClaims['kind'], bot: boolean): string {
  const cacheKey = `${kind}:${bot}`;
  let s = postStatements.get(cacheKey);
  if (!s) {
    const asMember = kind === 'member' && !bot;
    const actor = bot
      ? `SELECT 'bot'::message_sender AS kind, (SELECT name FROM bots WHERE id = $15::uuid) AS name, NULL::text AS phone, NULL::uuid AS user_id`
      : `SELECT ${asMember ? `'member'` : `'connector'`}::message_sender AS kind, ${ACTOR_NAME[kind]('$7::uuid')} AS name,
      ${CALLER_PHONE[kind]} AS phone,
      ${asMember ? `(SELECT user_id FROM phone_numbers WHERE e164 = $5 AND tenant_id = $2::uuid AND verified_at IS NOT NULL)` : `$4::uuid`} AS user_id`;
    s = `WITH RECURSIVE ${reachCtes(kind)},
  target AS (
    SELECT g.id, g.group_type, ${bot ? BOT_ROLE('g.id') : CALLER_ROLE[kind]('g.id')} AS caller_role
    FROM groups g WHERE g.id = $7::uuid AND g.tenant_id = $2::uuid AND g.id IN (SELECT id FROM reach)
  ),
  actor AS (
    ${actor}
  ),
  ok AS (
    SELECT t.id,
      CASE WHEN t.group_type <> 'ConnectGroup' OR $11::boolean THEN NULL
           WHEN cardinality($12::text[]) > 0 THEN ARRAY(SELECT s.e164 FROM group_members s
             WHERE s.group_id = t.id AND s.role = 'Subscriber' AND s.e164 = ANY($12::text[]) ORDER BY s.e164)
           ELSE '{}'::text[] END AS subscribers
    FROM target t
    WHERE EXISTS (SELECT 1 FROM live)
      AND coalesce((SELECT count FROM rl WHERE key LIKE 'c:%'), 0) <= $13::int
      AND coalesce((SELECT count FROM rl WHERE key LIKE 't:%'), 0) <= $14::int
      AND t.caller_role IN ('Admin', 'Member'${bot ? `, 'Bot'` : ''})
      AND (NOT $10::boolean OR (t.group_type = 'ConnectGroup' AND t.caller_role = 'Admin'))
  ),
  msg AS (
    INSERT INTO messages (tenant_id, group_id, sender_kind, sender_phone, sender_connector_id, sender_bot_id, sender_name, text, subscribers)
    SELECT $2::uuid, ok.id, a.kind, ${asMember ? 'a.phone' : 'NULL'}, ${asMember ? 'NULL' : '$1::uuid'}, ${bot ? '$15::uuid' : 'NULL'}, coalesce(a.name, ''), $9::text, ok.subscribers
    FROM ok, actor a
    RETURNING reference_id, subscribers, created_at
  ),
  ev AS (
    INSERT INTO platform_events (tenant_id, group_id, object_id, object_type, event_type, data, from_user_phone, from_user_name, from_user_id, created_at)
    SELECT $2::uuid, $7::uuid, $7::uuid, 'Group', 'TextMessageCreated', jsonb_build_object('text', $9::text, 'referenceId', msg.reference_id),
      a.phone, a.name, a.user_id, msg.created_at
    FROM msg, actor a
    RETURNING id
  )
  SELECT ${RATE_LIMIT_COLUMNS}, EXISTS (SELECT 1 FROM live) AS live,
    (SELECT id FROM target) AS target_id, (SELECT group_type FROM target) AS group_type, (SELECT caller_role FROM target) AS caller_role,
    (SELECT reference_id FROM msg) AS reference_id, (SELECT subscribers FROM msg) AS subscribers, (SELECT id FROM ev) AS event_id`;
    postStatements.set(cacheKey, s);
  }
  return s;
}

interface PostRow extends RateRow {
  live: boolean;
  target_id: string | null;
  group_type: 'Group' | 'ConnectGroup' | null;
  caller_role: string | null;
  reference_id: string | null;
  subscribers: string[] | null;
  event_id: string | null;
}

export interface PostMessageRequest {
  message: string;
  sendToAllSubscribers: boolean;
  subscribers: string[];
}

/** One problem per number that was not targeted (Kaizala's community `failedResult` of a send). */
export type SendProblem = NumberProblem;

/** POST /v1/groups/{groupId}/messages → `{ referenceId }` (+ `failedResult` for numbers that do not subscribe). */
export async function postMessageViaApi(claims: AccessClaims, groupId: string, req: PostMessageRequest) {
  const { valid, failed } = parseNumbers(req.subscribers);
  const targeted = req.sendToAllSubscribers || req.subscribers.length > 0;
  const bot = claims.bot ?? null;
  const { rows } = await getPool().query<PostRow>({
    name: `platform_message_post_v2_${claims.kind}${bot ? '_bot' : ''}`,
    text: postSql(claims.kind, bot !== null),
    values: [
      ...reachValues(claims, groupId),
      req.message,
      targeted,
      req.sendToAllSubscribers,
      req.sendToAllSubscribers ? [] : valid,
      RATE_LIMITS.perConnector,
      RATE_LIMITS.perTenant,
      ...(bot ? [bot] : []),
    ],
  });
  const row = rows[0]!;
  const headers = enforceRateLimit(row, claims);
  if (!row.live) throw new DomainError('TokenRevoked');
  if (!row.target_id) throw new DomainError('GroupNotReachable', { headers });
  if (bot && !row.caller_role) throw new DomainError('BotNotInGroup', { headers });
  if (row.caller_role === 'Subscriber') throw new DomainError('SubscriberCannotPost', { headers });
  if (targeted && row.group_type !== 'ConnectGroup') throw new DomainError('NotConnectGroup', { headers });
  if (targeted && row.caller_role !== 'Admin') throw new DomainError('NotGroupAdmin', { headers });
  if (!row.reference_id) throw new Error('message not inserted although every check passed');

  const reached = new Set(row.subscribers ?? []);
  const notSubscribed: SendProblem[] = req.sendToAllSubscribers
    ? []
    : valid
        .filter((e164) => !reached.has(e164))
        .map((e164) => ({ mobileNumber: e164, errorCode: 'SubscriberNotFound', errorReason: 'This number does not subscribe to the group.' }));
  const failedResult = [...failed, ...notSubscribed];
  return { headers, body: { referenceId: row.reference_id, ...(failedResult.length ? { failedResult } : {}) } };
}

/**
 * GET /v1/groups/{groupId}/messages (ours): newest first, ONE statement with the cursor's message read in
 * it. A member token of a subscriber sees what was sent to every subscriber or to that number.
 */
const listStatements = new Map<string, string>();
function listSql(kind: AccessClaims['kind']): string {
  let s = listStatements.get(kind);
  if (!s) {
    s = `WITH RECURSIVE ${reachCtes(kind)},
  target AS (
    SELECT g.id, ${CALLER_ROLE[kind]('g.id')} AS caller_role
    FROM groups g WHERE g.id = $7::uuid AND g.tenant_id = $2::uuid AND g.id IN (SELECT id FROM reach)
  ),
  after AS (SELECT c.created_at, c.id FROM messages c WHERE c.id = $9::uuid AND c.group_id = (SELECT id FROM target))
  SELECT ${RATE_LIMIT_COLUMNS}, EXISTS (SELECT 1 FROM live) AS live, (SELECT id FROM target) AS target_id,
    ($9::uuid IS NULL OR EXISTS (SELECT 1 FROM after)) AS cursor_ok,
    m.id, m.reference_id, m.text, m.sender_kind, m.sender_name, m.sender_phone, (extract(epoch FROM m.created_at) * 1000)::bigint AS created_ms
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (
    SELECT mm.* FROM messages mm
    WHERE mm.group_id = (SELECT id FROM target) AND EXISTS (SELECT 1 FROM live)
      AND ($9::uuid IS NULL OR (mm.created_at, mm.id) < (SELECT created_at, id FROM after))
      AND ((SELECT caller_role FROM target) <> 'Subscriber' OR mm.subscribers IS NULL OR $5 = ANY(mm.subscribers))
    ORDER BY mm.created_at DESC, mm.id DESC
    LIMIT $10
  ) m ON true`;
    listStatements.set(kind, s);
  }
  return s;
}

interface ListRow extends RateRow {
  live: boolean;
  target_id: string | null;
  cursor_ok: boolean;
  id: string | null;
  reference_id: string;
  text: string;
  sender_kind: 'member' | 'connector' | 'bot';
  sender_name: string;
  sender_phone: string | null;
  created_ms: string;
}

const SENDER_TYPE = { member: 'Member', connector: 'Connector', bot: 'Bot' } as const;

export async function listMessagesViaApi(claims: AccessClaims, groupId: string, opts: { cursor?: string; count: number }) {
  const after = decodeMessageCursor(opts.cursor);
  const { rows } = await getPool().query<ListRow>({
    name: `platform_messages_page_v1_${claims.kind}`,
    text: listSql(claims.kind),
    values: [...reachValues(claims, groupId), after, opts.count + 1],
  });
  const first = rows[0]!;
  const headers = enforceRateLimit(first, claims);
  if (!first.live) throw new DomainError('TokenRevoked');
  if (!first.target_id) throw new DomainError('GroupNotReachable', { headers });
  if (!first.cursor_ok) throw new DomainError('InvalidCursor', { headers });
  const found = rows.filter((r) => r.id !== null);
  const items = found.slice(0, opts.count);
  const last = items[items.length - 1];
  return {
    headers,
    body: {
      messages: items.map((m) => ({
        referenceId: m.reference_id,
        message: m.text,
        sender: { type: SENDER_TYPE[m.sender_kind], name: m.sender_name, ...(m.sender_phone ? { mobileNumber: m.sender_phone } : {}) },
        createdAt: Number(m.created_ms),
      })),
      ...(found.length > opts.count && last ? { cursor: encodeMessageCursor(last.id!) } : {}),
    },
  };
}
