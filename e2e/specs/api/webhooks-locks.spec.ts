import { RECORD_SQL } from '../../../lib/webhooks/queue-sql';
import { openClient, pidOf, waitingOn, withDb } from '../../fixtures/db';
import { makeGroupWith, tenantId } from '../../fixtures/factory';
import { newPhoneNumber } from '../../fixtures/data';
import { call, platformTokens } from '../../fixtures/platform';
import { pauseAppWorker, startReceiver } from '../../fixtures/webhooks';
import { expect, test } from '../../fixtures/test';

/**
 * A webhook deleted or disabled over the API while a worker records the results of a batch of its deliveries:
 * both change the same delivery rows. Each must finish — the owner gets 200, the worker's results are kept or
 * find their rows gone — and neither may be chosen as a deadlock victim (a 5xx for the owner). The worker's
 * batch is recorded with the statement the worker uses, its results in an order of their own (newest first),
 * as results arrive in any order. To make the two meet every time, a third transaction holds the delivery with
 * the median id until both are waiting for locks; then it lets go.
 */
const DELIVERIES = 300;
const ROUNDS = 6;

test('[API] deleting or disabling a webhook while the worker records a batch of its deliveries: both finish, no deadlock', async ({ request }) => {
  test.setTimeout(180_000);
  const tid = await tenantId('Contoso');
  const group = await makeGroupWith({ tenant: tid, admin: newPhoneNumber() });
  const t = await platformTokens(request, group, ['groupinfo', 'webhook']);
  const rx = await startReceiver();
  await pauseAppWorker(request, true); // only this test's "worker" holds the leases
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const reg = await call(request, 'POST', '/webhook', t.group, {
        objectId: group,
        objectType: 'Group',
        eventTypes: ['TextMessageCreated'],
        callBackUrl: rx.url,
      });
      expect(reg.status(), await reg.text()).toBe(200);
      const { webhookId } = (await reg.json()) as { webhookId: string };
      const ids = await withDb(async (db) => {
        // events of the group: the fan-out trigger queues one delivery each for this round's webhook
        await db.query(
          `INSERT INTO platform_events (tenant_id, group_id, object_id, object_type, event_type, data)
           SELECT $1, $2, $2, 'Group', 'TextMessageCreated', jsonb_build_object('message', 'lock test ' || n) FROM generate_series(1, $3) n`,
          [tid, group, DELIVERIES],
        );
        const { rows } = await db.query<{ id: string }>(
          `UPDATE webhook_deliveries SET lease_owner = 'lock-test', lease_until = now() + interval '5 minutes'
           WHERE webhook_id = $1 AND state = 'pending' RETURNING id`,
          [webhookId],
        );
        return rows.map((r) => r.id).sort((a, b) => b.localeCompare(a));
      });
      expect(ids).toHaveLength(DELIVERIES);

      const now = new Date();
      const middle = ids[DELIVERIES / 2]!; // the median id: half of the batch on each side of it
      const blocker = await openClient();
      await blocker.query('BEGIN');
      await blocker.query('SELECT id FROM webhook_deliveries WHERE id = $1 FOR UPDATE', [middle]);
      const worker = await openClient();
      const pids = [await pidOf(blocker), await pidOf(worker)];
      const record = worker
        .query(RECORD_SQL, [
          ids,
          ids.map(() => 'succeeded'),
          ids.map(() => null),
          ids.map(() => 200),
          ids.map(() => 3),
          ids.map(() => null),
          ids.map(() => 'ok'),
          ids.map(() => now),
          'lock-test',
        ])
        .then(
          () => 'recorded',
          (err: { code?: string; message: string }) => `failed: ${err.code} ${err.message}`,
        )
        .finally(() => worker.end());
      await expect.poll(() => waitingOn(pids)).toBe(1);
      const change =
        round % 2 === 0
          ? call(request, 'DELETE', `/webhook/${webhookId}`, t.group)
          : call(request, 'PUT', `/webhook/${webhookId}`, t.group, { Active: 'false' });
      await expect.poll(() => waitingOn(pids)).toBe(2);
      await blocker.query('COMMIT');
      await blocker.end();
      const [answer, recorded] = await Promise.all([change, record]);
      expect(answer.status(), `round ${round}: ${await answer.text()}`).toBe(200);
      expect(recorded, `round ${round}`).toBe('recorded');

      // what the owner asked for happened, and the worker's results are on the rows that are left
      const left = await withDb(
        async (db) =>
          (
            await db.query<{ state: string; n: number }>(
              `SELECT state, count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = $1 GROUP BY state ORDER BY state`,
              [webhookId],
            )
          ).rows,
      );
      if (round % 2 === 0) expect(left).toEqual([]);
      else expect(left.reduce((n, r) => n + r.n, 0)).toBe(DELIVERIES);
      if (round % 2 === 1) expect(left.some((r) => r.state === 'pending')).toBe(false);
    }
  } finally {
    await pauseAppWorker(request, false);
    await rx.close();
  }
});
