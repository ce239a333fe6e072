import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/db';
import { recordAudit } from '@/lib/audit';
import { lockDeliveries } from '@/lib/events';

/**
 * Disables a webhook the receiver gave up on (410 Gone: at once) or that kept failing (every retry spent):
 * its waiting deliveries fail with it (Redeliver in the portal sends them again), and it is audited.
 * Events are not queued for it until `PUT … { "Active": "true" }` (or Re-enable in the portal).
 */
export const DISABLED_REASONS = {
  gone: 'the receiver answered 410 Gone',
  failing: 'every retry of a delivery failed (about 2 days)',
  owner: 'disabled by its owner',
} as const;

export async function disableWebhook(webhookId: string, reason: 'gone' | 'failing'): Promise<void> {
  await db.transaction(async (tx) => {
    const res = await tx.execute<{ tenant_id: string; connector_id: string }>(sql`
      UPDATE webhooks SET active = false, disabled_reason = ${reason}, disabled_at = now(), updated_at = now()
      WHERE id = ${webhookId}::uuid AND active RETURNING tenant_id, connector_id`);
    const w = res.rows[0];
    if (!w) return;
    await lockDeliveries(tx, { webhookId });
    await tx.execute(sql`UPDATE webhook_deliveries SET state = 'failed', last_error = coalesce(last_error, 'webhook disabled'), completed_at = now()
      WHERE webhook_id = ${webhookId}::uuid AND state = 'pending' AND lease_until IS NULL`);
    await recordAudit(tx, {
      tenantId: w.tenant_id,
      actorConnectorId: null,
      action: 'webhook.disabled',
      targetType: 'webhook',
      targetId: webhookId,
      metadata: { reason, why: DISABLED_REASONS[reason], connectorId: w.connector_id },
    });
  });
}
