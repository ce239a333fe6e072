import 'server-only';
import { sql } from 'drizzle-orm';
import { db, getPool } from '@/db';
import { recordAudit, type AuditAction } from '@/lib/audit';
import { can, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { DISABLED_REASONS } from './disable';
import { newWebhookSecret } from './signing';
import { notifyDue, openSecret, sealSecret } from './store';

/**
 * The portal's side of webhooks (issue 13 §6): lists with status and success rate, the delivery log, and
 * what an owner or a group admin does with them — Send test event, Redeliver, Re-enable; the signing
 * secret (reveal, rotate) for the connector's owner and org admins only. Everything is audited.
 */
export interface PortalActor extends Actor {
  activePhone: string | null;
}

export interface WebhookDto {
  id: string;
  connectorId: string;
  connectorName: string;
  groupId: string;
  groupName: string;
  objectType: string;
  objectId: string;
  events: string[];
  url: string;
  active: boolean;
  disabledWhy: string | null;
  /** why it was disabled, as a key (the portal shows `webhooks.disabledWhy.<reason>`) */
  disabledReason: keyof typeof DISABLED_REASONS | null;
  disabledAt: string | null;
  createdAt: string;
  /** finished deliveries of the last 7 days */
  succeeded: number;
  failed: number;
  pending: number;
  canOperate: boolean;
  canSecret: boolean;
}

const LIST = `
SELECT w.id, w.connector_id, c.name AS connector_name, c.owner_id, c.tenant_id AS connector_tenant, w.tenant_id, w.group_id, g.name AS group_name,
  g.tenant_id AS group_tenant, w.object_id, w.object_type, w.event_types, w.callback_url, w.active, w.disabled_reason, w.disabled_at, w.created_at,
  (SELECT role::text FROM group_members m WHERE m.group_id = w.group_id AND m.e164 = $2) AS actor_role,
  s.succeeded, s.failed, s.pending
FROM webhooks w JOIN connectors c ON c.id = w.connector_id JOIN groups g ON g.id = w.group_id
LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE state = 'succeeded')::int AS succeeded, count(*) FILTER (WHERE state = 'failed')::int AS failed,
  count(*) FILTER (WHERE state = 'pending')::int AS pending
  FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.created_at > now() - interval '7 days') s ON true
WHERE w.tenant_id = $1 AND `;

interface ListRow {
  id: string;
  connector_id: string;
  connector_name: string;
  owner_id: string | null;
  connector_tenant: string;
  tenant_id: string;
  group_id: string;
  group_name: string;
  group_tenant: string | null;
  object_id: string;
  object_type: string;
  event_types: string[];
  callback_url: string;
  active: boolean;
  disabled_reason: keyof typeof DISABLED_REASONS | null;
  disabled_at: Date | null;
  created_at: Date;
  actor_role: 'Admin' | 'Member' | 'Subscriber' | null;
  succeeded: number;
  failed: number;
  pending: number;
}

function rights(actor: PortalActor, r: ListRow) {
  const connector = { id: r.connector_id, tenantId: r.connector_tenant, ownerId: r.owner_id };
  const secret = can(actor, 'connector.manage', connector);
  const operate = secret || can(actor, 'group.grant', { id: r.group_id, tenantId: r.group_tenant, actorRole: r.actor_role });
  return { canOperate: operate, canSecret: secret };
}

const dto = (actor: PortalActor, r: ListRow): WebhookDto => ({
  id: r.id,
  connectorId: r.connector_id,
  connectorName: r.connector_name,
  groupId: r.group_id,
  groupName: r.group_name,
  objectType: r.object_type,
  objectId: r.object_id,
  events: r.event_types,
  url: r.callback_url,
  active: r.active,
  disabledWhy: r.disabled_reason ? DISABLED_REASONS[r.disabled_reason] : null,
  disabledReason: r.disabled_reason,
  disabledAt: r.disabled_at ? new Date(r.disabled_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
  succeeded: r.succeeded,
  failed: r.failed,
  pending: r.pending,
  ...rights(actor, r),
});

/** Webhooks on a group (and its actions): for whoever may operate on them (group admins, owners, org admins). */
export async function webhooksOfGroup(actor: PortalActor, groupId: string): Promise<WebhookDto[]> {
  const { rows } = await getPool().query<ListRow>(`${LIST} w.group_id = $3 ORDER BY w.created_at`, [actor.tenantId, actor.activePhone, groupId]);
  return rows.map((r) => dto(actor, r)).filter((w) => w.canOperate);
}

/** A connector's webhooks: its owner and org admins. */
export async function webhooksOfConnector(actor: PortalActor, connectorId: string): Promise<WebhookDto[]> {
  const { rows } = await getPool().query<ListRow>(`${LIST} w.connector_id = $3 ORDER BY w.created_at`, [actor.tenantId, actor.activePhone, connectorId]);
  return rows.map((r) => dto(actor, r)).filter((w) => w.canSecret);
}

/** One webhook the actor may operate on (404 otherwise: others' webhooks are not revealed). */
export async function loadWebhook(actor: PortalActor, webhookId: string, need: 'operate' | 'secret' = 'operate'): Promise<WebhookDto> {
  const { rows } = await getPool().query<ListRow>(`${LIST} w.id = $3`, [actor.tenantId, actor.activePhone, webhookId]);
  const w = rows[0] ? dto(actor, rows[0]) : null;
  if (!w || !(need === 'secret' ? w.canSecret : w.canOperate)) throw new DomainError('WebhookNotFound');
  return w;
}

export interface DeliveryDto {
  id: string;
  eventId: string;
  eventType: string;
  state: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  status: number | null;
  latencyMs: number | null;
  nextRetry: string | null;
  response: string;
  createdAt: string;
}

/** The delivery log: the newest 100 deliveries. */
export async function deliveryLog(actor: PortalActor, webhookId: string): Promise<{ webhook: WebhookDto; deliveries: DeliveryDto[] }> {
  const webhook = await loadWebhook(actor, webhookId);
  const { rows } = await getPool().query<{
    id: string;
    event_id: string;
    event_type: string;
    state: DeliveryDto['state'];
    attempts: number;
    last_status: number | null;
    last_latency_ms: number | null;
    next_attempt_at: Date;
    last_response: string | null;
    last_error: string | null;
    created_at: Date;
  }>(
    `SELECT d.id, d.event_id, e.event_type, d.state, d.attempts, d.last_status, d.last_latency_ms, d.next_attempt_at, d.last_response, d.last_error, d.created_at
     FROM webhook_deliveries d JOIN platform_events e ON e.id = d.event_id WHERE d.webhook_id = $1 ORDER BY d.created_at DESC, d.id LIMIT 100`,
    [webhookId],
  );
  return {
    webhook,
    deliveries: rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.event_type,
      state: r.state,
      attempts: r.attempts,
      status: r.last_status,
      latencyMs: r.last_latency_ms,
      nextRetry: r.state === 'pending' ? new Date(r.next_attempt_at).toISOString() : null,
      response: (r.last_error ?? r.last_response ?? '').slice(0, 200),
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

async function audit(actor: PortalActor, action: AuditAction, webhookId: string, ip: string | null, metadata: Record<string, unknown> = {}) {
  await recordAudit(db, {
    tenantId: actor.tenantId,
    actorUserId: actor.id,
    action,
    targetType: 'webhook',
    targetId: webhookId,
    ip,
    metadata: { via: 'portal', ...metadata },
  });
}

/** Send test event: a `WebhookTest` event (data.message) delivered to this webhook only, signed like any other. */
export async function sendTestEvent(actor: PortalActor & { name: string | null }, webhookId: string, ip: string | null) {
  const w = await loadWebhook(actor, webhookId);
  if (!w.active) throw new DomainError('WebhookDisabled');
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      WITH e AS (
        INSERT INTO platform_events (tenant_id, group_id, object_id, object_type, event_type, data, from_user_phone, from_user_name, from_user_id)
        VALUES (${actor.tenantId}::uuid, ${w.groupId}::uuid, ${w.objectId}::uuid, ${w.objectType}::event_object_type, 'WebhookTest',
          ${JSON.stringify({ message: 'This is a test event from Connector Portal.' })}::jsonb, ${actor.activePhone}, ${actor.name}, ${actor.id}::uuid)
        RETURNING id)
      INSERT INTO webhook_deliveries (webhook_id, event_id) SELECT ${webhookId}::uuid, id FROM e`);
    await notifyDue(tx);
  });
  await audit(actor, 'webhook.test_sent', webhookId, ip);
}

/** Redeliver one delivery (same eventId), or every failed one created in [from, to]. */
export async function redeliver(actor: PortalActor, webhookId: string, which: { deliveryId: string } | { from: Date; to: Date }, ip: string | null) {
  const w = await loadWebhook(actor, webhookId);
  if (!w.active) throw new DomainError('WebhookDisabled');
  const res =
    'deliveryId' in which
      ? await getPool().query(
          `UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = now(), completed_at = NULL
           WHERE id = $1 AND webhook_id = $2 AND state <> 'pending'`,
          [which.deliveryId, webhookId],
        )
      : await getPool().query(
          `WITH lk AS MATERIALIZED (SELECT id FROM webhook_deliveries
             WHERE webhook_id = $1 AND state = 'failed' AND created_at BETWEEN $2 AND $3 ORDER BY id FOR UPDATE)
           UPDATE webhook_deliveries d SET state = 'pending', next_attempt_at = now(), completed_at = NULL
           FROM lk WHERE d.id = lk.id AND d.state = 'failed'`, // rows locked in id order (lockDeliveries, lib/events)
          [webhookId, which.from, which.to],
        );
  const count = res.rowCount ?? 0;
  if (count) await notifyDue();
  await audit(actor, 'webhook.redelivered', webhookId, ip, { count });
  return { count };
}

export async function reenableWebhook(actor: PortalActor, webhookId: string, ip: string | null) {
  await loadWebhook(actor, webhookId);
  await getPool().query(`UPDATE webhooks SET active = true, disabled_reason = NULL, disabled_at = NULL, updated_at = now() WHERE id = $1`, [webhookId]);
  await audit(actor, 'webhook.enabled', webhookId, ip);
}

export async function revealWebhookSecret(actor: PortalActor, webhookId: string, ip: string | null): Promise<string> {
  await loadWebhook(actor, webhookId, 'secret');
  const { rows } = await getPool().query<{ secret_enc: string }>('SELECT secret_enc FROM webhooks WHERE id = $1', [webhookId]);
  await audit(actor, 'webhook.secret_revealed', webhookId, ip);
  return openSecret(webhookId, rows[0]!.secret_enc);
}

/** Rotate: a new secret signs from now on; the previous one keeps signing too (both signatures) for 24 h. */
export async function rotateWebhookSecret(actor: PortalActor, webhookId: string, ip: string | null): Promise<string> {
  await loadWebhook(actor, webhookId, 'secret');
  const secret = newWebhookSecret();
  await getPool().query(
    `UPDATE webhooks SET previous_secret_enc = secret_enc, previous_secret_expires_at = now() + interval '24 hours', secret_enc = $2, updated_at = now() WHERE id = $1`,
    [webhookId, sealSecret(webhookId, secret)],
  );
  await audit(actor, 'webhook.secret_rotated', webhookId, ip);
  return secret;
}
