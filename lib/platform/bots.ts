import 'server-only';
import { sql } from 'drizzle-orm';
import { getPool } from '@/db';
import { scopesFor } from '@/lib/connectors';
import { DomainError } from '@/lib/errors';
import { recordEvents } from '@/lib/events';
import { enforceRateLimit, keysFromParams, RATE_LIMIT_COLUMNS, rateLimitCte, type RateRow } from '@/lib/ratelimit';
import { signAccessToken, type AccessClaims } from '@/lib/tokens';
import { isUuid } from '@/lib/utils';
import { liveSql } from './live';
import { platformWrite } from './writes';

/**
 * Bot users (kaizala-connectors.md §5.11, community endpoints). A bot belongs to the connector that made it
 * (and its tenant): only that connector lists, changes, deletes it, mints its tokens and adds it to groups.
 * A bot access token is the caller's token acting as the bot: same grant and refresh-token family (revoking
 * the connector's token stops the bot's at once), never longer-lived than the caller's. It can only post
 * messages, and only to groups the bot was added to (lib/platform/messages.ts). Creating, changing, deleting
 * and adding are control-plane writes: audited, with the connector as the actor; a bot joining (or leaving) a
 * group is a MemberAdded (MemberRemoved) event with `type: "Bot"`.
 */
export interface BotInput {
  name: string;
  profilePic: string;
}

const botId = (id: string) => {
  if (!isUuid(id)) throw new DomainError('BotNotFound');
  return id;
};

export async function createBotViaApi(claims: AccessClaims, input: BotInput, ip: string | null) {
  const { result, headers } = await platformWrite(claims, { groupId: null, admin: false, ip }, async (tx, ctx) => {
    const res = await tx.execute<{ id: string }>(sql`
      INSERT INTO bots (tenant_id, connector_id, name, profile_pic, creator_user_id, creator_phone)
      VALUES (${claims.tid}::uuid, ${claims.cid}::uuid, ${input.name}, ${input.profilePic}, ${claims.uid ?? null}::uuid, ${ctx.callerPhone})
      RETURNING id`);
    const id = res.rows[0]!.id;
    await ctx.audit(tx, 'bot.created', id, { name: input.name }, 'bot');
    return id;
  });
  return { headers, body: { botUserId: result } };
}

const LIST_SQL = `WITH ${rateLimitCte(keysFromParams('$1', '$2'))}
  SELECT ${RATE_LIMIT_COLUMNS}, EXISTS (${liveSql('$3', '$4')}) AS live,
    coalesce((SELECT json_agg(json_build_object(
      'botUserId', b.id, 'name', b.name, 'profilePic', b.profile_pic, 'tenantId', b.tenant_id,
      'creatorId', coalesce(b.creator_user_id, b.connector_id), 'creator', coalesce(b.creator_phone, ''),
      'creatorName', coalesce(u.name, c.name, ''), 'creatorProfilePic', '', 'status', 'Active') ORDER BY b.created_at, b.id)
      FROM bots b JOIN connectors c ON c.id = b.connector_id LEFT JOIN users u ON u.id = b.creator_user_id
      WHERE b.connector_id = $1::uuid AND b.tenant_id = $2::uuid AND b.deleted_at IS NULL
        AND EXISTS (${liveSql('$3', '$4')})), '[]'::json) AS bots`;

interface ListRow extends RateRow {
  live: boolean;
  bots: unknown[];
}

/** GET /v1/bot: this connector's bots, in ONE statement. */
export async function listBotsViaApi(claims: AccessClaims) {
  const { rows } = await getPool().query<ListRow>({ name: 'bots_list_v1', text: LIST_SQL, values: [claims.cid, claims.tid, claims.gid, claims.fam] });
  const row = rows[0]!;
  const headers = enforceRateLimit(row, claims);
  if (!row.live) throw new DomainError('TokenRevoked');
  return { headers, body: { bots: row.bots } };
}

export async function updateBotViaApi(claims: AccessClaims, id: string, input: Partial<BotInput>, ip: string | null) {
  botId(id);
  const { result, headers } = await platformWrite(claims, { groupId: null, admin: false, ip }, async (tx, ctx) => {
    const res = await tx.execute<{ id: string }>(sql`
      UPDATE bots SET name = coalesce(${input.name ?? null}, name), profile_pic = coalesce(${input.profilePic ?? null}, profile_pic), updated_at = now()
      WHERE id = ${id}::uuid AND connector_id = ${claims.cid}::uuid AND tenant_id = ${claims.tid}::uuid AND deleted_at IS NULL
      RETURNING id`);
    if (!res.rows[0]) throw new DomainError('BotNotFound');
    await ctx.audit(tx, 'bot.updated', id, { fields: Object.keys(input) }, 'bot');
    return 'true' as const;
  });
  return { headers, body: { result: result } };
}

export async function deleteBotViaApi(claims: AccessClaims, id: string, ip: string | null) {
  botId(id);
  const { headers } = await platformWrite(claims, { groupId: null, admin: false, ip }, async (tx, ctx) => {
    const res = await tx.execute<{ name: string; profile_pic: string }>(sql`
      UPDATE bots SET deleted_at = now(), updated_at = now()
      WHERE id = ${id}::uuid AND connector_id = ${claims.cid}::uuid AND tenant_id = ${claims.tid}::uuid AND deleted_at IS NULL
      RETURNING name, profile_pic`);
    const bot = res.rows[0];
    if (!bot) throw new DomainError('BotNotFound');
    const left = await tx.execute<{ group_id: string }>(sql`DELETE FROM group_bots WHERE bot_id = ${id}::uuid RETURNING group_id`);
    await recordEvents(
      tx,
      left.rows.map((r) => ({
        tenantId: claims.tid,
        groupId: r.group_id,
        eventType: 'MemberRemoved' as const,
        data: botMemberData(id, bot.name, bot.profile_pic),
        fromUser: ctx.fromUser,
      })),
    );
    await ctx.audit(tx, 'bot.deleted', id, { groups: left.rows.length }, 'bot');
  });
  return { headers, body: { result: 'true' as const } };
}

const botMemberData = (id: string, name: string, pic: string) => ({ member: id, memberName: name, memberProfilePic: pic, type: 'Bot' });

const TOKEN_SQL = `WITH ${rateLimitCte(keysFromParams('$1', '$2'))}
  SELECT ${RATE_LIMIT_COLUMNS}, EXISTS (${liveSql('$3', '$4')}) AS live,
    EXISTS (SELECT 1 FROM bots WHERE id = $5::uuid AND connector_id = $1::uuid AND tenant_id = $2::uuid AND deleted_at IS NULL) AS bot`;

/** GET /v1/bot/accessToken/{botUserId} → `{ accessToken, accessTokenExpiry, scope }`, in ONE statement. */
export async function botAccessTokenViaApi(claims: AccessClaims, id: string) {
  botId(id);
  const { rows } = await getPool().query<RateRow & { live: boolean; bot: boolean }>({
    name: 'bot_token_v1',
    text: TOKEN_SQL,
    values: [claims.cid, claims.tid, claims.gid, claims.fam, id],
  });
  const row = rows[0]!;
  const headers = enforceRateLimit(row, claims);
  if (!row.live) throw new DomainError('TokenRevoked');
  if (!row.bot) throw new DomainError('BotNotFound', { headers });
  const { iat: _iat, exp, ...rest } = claims;
  void _iat;
  const { token, expiresAt } = signAccessToken({ ...rest, bot: id }, Date.now(), exp * 1000);
  return { headers, body: { accessToken: token, accessTokenExpiry: expiresAt, scope: scopesFor(claims.perm) } };
}

/** POST /v1/groups/{groupId}/bot `{ botUserId }`: needs an admin's rights in the group (as adding a member does). */
export async function addBotToGroupViaApi(claims: AccessClaims, groupId: string, id: string, ip: string | null) {
  botId(id);
  const { headers } = await platformWrite(claims, { groupId, admin: true, ip }, async (tx, ctx) => {
    const found = await tx.execute<{ name: string; profile_pic: string }>(sql`
      SELECT name, profile_pic FROM bots WHERE id = ${id}::uuid AND connector_id = ${claims.cid}::uuid AND tenant_id = ${claims.tid}::uuid AND deleted_at IS NULL`);
    const bot = found.rows[0];
    if (!bot) throw new DomainError('BotNotFound');
    const added = await tx.execute(sql`
      INSERT INTO group_bots (group_id, bot_id, added_by_connector_id) VALUES (${groupId}::uuid, ${id}::uuid, ${claims.cid}::uuid)
      ON CONFLICT (group_id, bot_id) DO NOTHING RETURNING bot_id`);
    if (!added.rows.length) return; // already there: nothing happened
    await recordEvents(tx, [
      { tenantId: claims.tid, groupId, eventType: 'MemberAdded', data: botMemberData(id, bot.name, bot.profile_pic), fromUser: ctx.fromUser },
    ]);
    await ctx.audit(tx, 'group.bot_added', groupId, { botUserId: id });
  });
  return { headers, body: { result: 'true' as const } };
}
