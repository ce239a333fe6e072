// The webhook rung's database side (bench/webhooks.ts): a phase's group with its webhooks, made straight in the
// tables, and cleared away afterwards, leaving the queue empty and vacuumed for the next phase.
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { encrypt } from '../lib/crypto/keys';

/** A group with `healthyHooks` webhooks to `urls.ok` and `deadHooks` to `urls.dead`, each URL ending in its id. */
export async function makeGroup(
  pool: pg.Pool,
  tenantId: string,
  connectorId: string,
  healthyHooks: number,
  deadHooks: number,
  urls: { ok: string; dead: string },
) {
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO groups (tenant_id, name) VALUES ($1, $2) RETURNING id`, [
    tenantId,
    `bench-webhooks-${randomBytes(3).toString('hex')}`,
  ]);
  const groupId = rows[0]!.id;
  for (let i = 0; i < healthyHooks + deadHooks; i++) {
    const id = randomUUID();
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    await pool.query(
      `INSERT INTO webhooks (id, tenant_id, connector_id, group_id, object_id, object_type, event_types, callback_url, validity, secret_enc)
       VALUES ($1, $2, $3, $4, $4, 'Group', '{TextMessageCreated}', $5, now() + interval '1 day', $6)`,
      [id, tenantId, connectorId, groupId, `${i < healthyHooks ? urls.ok : urls.dead}/${id}`, encrypt(secret, `webhook-secret:${id}`)],
    );
  }
  return groupId;
}

/** The phase's group, its webhooks (and so their deliveries) and its events. */
export async function dropGroup(pool: pg.Pool, groupId: string) {
  for (const table of ['webhooks', 'platform_events']) await deleteRetrying(pool, `DELETE FROM ${table} WHERE group_id = $1`, groupId);
  await deleteRetrying(pool, `DELETE FROM groups WHERE id = $1`, groupId);
}

/** The worker may be recording a result for a row being deleted (a backlog is dropped mid-flight): retry a deadlock. */
async function deleteRetrying(pool: pg.Pool, sql: string, id: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query(sql, [id]);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '40P01' || attempt === 10) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/** Before the next phase: nothing of the last one left in the queue, and the rows it deleted vacuumed (as autovacuum would, given time). */
export async function settle(pool: pg.Pool) {
  for (let i = 0; i < 100; i++) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE state = 'pending'`);
    if (rows[0]!.n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // the phase's rows (deliveries, their attempts, its events) were deleted: vacuumed here, not by autovacuum during the next phase
  await pool.query('VACUUM (ANALYZE) webhook_deliveries, webhook_attempts, platform_events');
}
