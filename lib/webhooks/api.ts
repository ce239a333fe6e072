import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { getPool } from '@/db';
import { webhooks } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { lockDeliveries, type EventType } from '@/lib/events';
import { platformWrite } from '@/lib/platform';
import type { AccessClaims } from '@/lib/tokens';
import { isUuid } from '@/lib/utils';
import { newWebhookSecret } from './signing';
import { handshake, notifyDue, openToken, sealSecret, sealToken, strictCallbacks } from './store';
import { checkCallbackUrl } from './url-policy';

/**
 * `/v1/webhook` (kaizala-connectors.md §6.1–§6.2). A webhook belongs to the connector that registered it
 * (and its tenant) and to one object: a group, or an action (its group is what the token must reach).
 * Registering, changing and deleting need an admin's rights in that group (group, tenant and admin-user
 * tokens); listing needs reach. The handshake runs after the gate and outside any transaction.
 */
export type ObjectType = 'Group' | 'Action' | 'ActionPackage';

export interface WebhookInput {
  objectId: string;
  objectType: ObjectType;
  eventTypes: EventType[];
  callBackUrl: string;
  callBackToken?: string;
  callBackContext?: unknown;
  /** epoch ms (or s) */
  validity?: number;
}

const TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000;

function validityDate(v: number | undefined): Date {
  if (v === undefined) return new Date(Date.now() + TWO_YEARS_MS);
  const ms = v < 1e12 ? v * 1000 : v;
  if (ms <= Date.now()) throw new DomainError('InvalidParameters', { detail: 'validity must be in the future (epoch ms).' });
  return new Date(ms);
}

/** The group an object lives in (404s name what is missing; reach is the gate's job). */
async function objectGroup(claims: AccessClaims, objectId: string, objectType: ObjectType): Promise<string> {
  if (objectType === 'ActionPackage') throw new DomainError('ActionPackageNotFound');
  if (!isUuid(objectId)) throw new DomainError(objectType === 'Group' ? 'GroupNotReachable' : 'ActionNotFound');
  if (objectType === 'Group') return objectId;
  const { rows } = await getPool().query<{ group_id: string }>('SELECT group_id FROM actions WHERE id = $1 AND tenant_id = $2', [objectId, claims.tid]);
  if (!rows[0]) throw new DomainError('ActionNotFound');
  return rows[0].group_id;
}

function checkedUrl(raw: string): string {
  const c = checkCallbackUrl(raw, { allowLocal: !strictCallbacks() });
  if (!c.ok) throw new DomainError('WebhookUrlRefused', { reason: c.reason });
  return c.url.toString();
}

async function validated(url: string) {
  const problem = await handshake(url);
  if (problem) throw new DomainError('WebhookValidationFailed', { detail: problem });
}

export async function registerWebhookViaApi(claims: AccessClaims, input: WebhookInput, ip: string | null) {
  const groupId = await objectGroup(claims, input.objectId, input.objectType);
  const url = checkedUrl(input.callBackUrl);
  const validity = validityDate(input.validity);
  const id = randomUUID();
  const secret = newWebhookSecret();
  const { headers } = await platformWrite(claims, { groupId, admin: true, ip, prepare: () => validated(url) }, async (tx, ctx) => {
    await tx.insert(webhooks).values({
      id,
      tenantId: claims.tid,
      connectorId: claims.cid,
      groupId,
      objectId: input.objectId,
      objectType: input.objectType,
      eventTypes: [...new Set(input.eventTypes)],
      callbackUrl: url,
      callbackTokenEnc: sealToken(id, input.callBackToken),
      callbackContext: input.callBackContext ?? null,
      validity,
      secretEnc: sealSecret(id, secret),
      createdByUserId: claims.uid ?? null,
    });
    await ctx.audit(
      tx,
      'webhook.created',
      id,
      { objectId: input.objectId, objectType: input.objectType, eventTypes: input.eventTypes, origin: new URL(url).origin },
      'webhook',
    );
  });
  return { headers, body: { webhookId: id, secret } };
}

type Row = {
  id: string;
  object_id: string;
  object_type: ObjectType;
  event_types: string[];
  callback_url: string;
  callback_token_enc: string | null;
  created_at: Date;
  validity: Date;
  active: boolean;
};

const item = (r: Row) => ({
  id: r.id,
  objectId: r.object_id,
  objectType: r.object_type,
  events: r.event_types,
  filters: [] as string[],
  callbackUrl: r.callback_url,
  callbackToken: openToken(r.id, r.callback_token_enc) ?? '',
  ts: r.created_at.getTime(),
  validity: r.validity.getTime(),
  active: r.active,
});

export async function listWebhooksViaApi(claims: AccessClaims, objectId: string, objectType: ObjectType) {
  const groupId = await objectGroup(claims, objectId, objectType);
  const { result, headers } = await platformWrite(claims, { groupId, admin: false, ip: null }, async (tx) => {
    const res = await tx.execute<Row>(sql`
      SELECT id, object_id, object_type, event_types, callback_url, callback_token_enc, created_at, validity, active FROM webhooks
      WHERE connector_id = ${claims.cid}::uuid AND tenant_id = ${claims.tid}::uuid AND object_id = ${objectId}::uuid AND object_type = ${objectType}
      ORDER BY created_at, id`);
    return res.rows.map((r) => item({ ...r, created_at: new Date(r.created_at), validity: new Date(r.validity) }));
  });
  return { headers, body: { webhooks: result } };
}

async function ownWebhook(claims: AccessClaims, id: string) {
  if (!isUuid(id)) throw new DomainError('WebhookNotFound');
  const { rows } = await getPool().query<{ group_id: string; active: boolean }>(
    'SELECT group_id, active FROM webhooks WHERE id = $1 AND connector_id = $2 AND tenant_id = $3',
    [id, claims.cid, claims.tid],
  );
  if (!rows[0]) throw new DomainError('WebhookNotFound');
  return rows[0];
}

export interface WebhookUpdate extends Partial<WebhookInput> {
  active?: boolean;
}

export async function updateWebhookViaApi(claims: AccessClaims, id: string, input: WebhookUpdate, ip: string | null) {
  const own = await ownWebhook(claims, id);
  if ((input.objectId === undefined) !== (input.objectType === undefined))
    throw new DomainError('InvalidParameters', { detail: 'Send objectId and objectType together.' });
  const newGroup = input.objectId && input.objectType ? await objectGroup(claims, input.objectId, input.objectType) : null;
  const url = input.callBackUrl !== undefined ? checkedUrl(input.callBackUrl) : null;
  const validity = input.validity !== undefined ? validityDate(input.validity) : null;
  const { headers } = await platformWrite(
    claims,
    {
      groupId: own.group_id,
      admin: true,
      ip,
      alsoAdminOf: newGroup ? [newGroup] : [],
      prepare: async (ctx) => {
        if (newGroup && newGroup !== own.group_id && !ctx.alsoAdminOf.has(newGroup)) throw new DomainError('GroupNotReachable');
        if (url) await validated(url);
      },
    },
    async (tx, ctx) => {
      const set: Partial<typeof webhooks.$inferInsert> = { updatedAt: new Date() };
      if (newGroup) Object.assign(set, { groupId: newGroup, objectId: input.objectId, objectType: input.objectType });
      if (input.eventTypes) set.eventTypes = [...new Set(input.eventTypes)];
      if (url) set.callbackUrl = url;
      if (input.callBackToken !== undefined) set.callbackTokenEnc = sealToken(id, input.callBackToken);
      if (input.callBackContext !== undefined) set.callbackContext = input.callBackContext;
      if (validity) set.validity = validity;
      if (input.active === true) Object.assign(set, { active: true, disabledReason: null, disabledAt: null });
      if (input.active === false && own.active) Object.assign(set, { active: false, disabledReason: 'owner', disabledAt: new Date() });
      await tx
        .update(webhooks)
        .set(set)
        .where(and(eq(webhooks.id, id), eq(webhooks.connectorId, claims.cid)));
      if (input.active === false) {
        await lockDeliveries(tx, { webhookId: id });
        await tx.execute(
          sql`UPDATE webhook_deliveries SET state = 'failed', last_error = 'webhook disabled', completed_at = now() WHERE webhook_id = ${id}::uuid AND state = 'pending'`,
        );
      }
      const fields = Object.keys(input).filter((k) => input[k as keyof WebhookUpdate] !== undefined);
      await ctx.audit(tx, input.active === true && !own.active ? 'webhook.enabled' : 'webhook.updated', id, { fields }, 'webhook');
      if (input.active === true) await notifyDue(tx);
    },
  );
  return { headers, body: { result: 'true' as const } };
}

export async function deleteWebhookViaApi(claims: AccessClaims, id: string, ip: string | null) {
  const own = await ownWebhook(claims, id);
  const { headers } = await platformWrite(claims, { groupId: own.group_id, admin: true, ip }, async (tx, ctx) => {
    await lockDeliveries(tx, { webhookId: id }); // before the cascade (lib/events lockDeliveries)
    await tx.delete(webhooks).where(and(eq(webhooks.id, id), eq(webhooks.connectorId, claims.cid)));
    await ctx.audit(tx, 'webhook.deleted', id, {}, 'webhook');
  });
  return { headers, body: { result: 'true' as const } };
}
