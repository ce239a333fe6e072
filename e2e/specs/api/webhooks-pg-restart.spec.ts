import fs from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { encrypt } from '../../../lib/crypto/keys';
import { defaultDataDir, startEmbeddedPostgres } from '../../../scripts/pg.mjs';
import { startReceiver, startWorkerProcess, type Receiver, type WorkerProcess } from '../../fixtures/webhooks';

/**
 * issue 13 item 5: nothing is lost or stuck when Postgres restarts under a worker. The spec runs its own
 * embedded Postgres (own port and data folder, migrated like the app does), a standalone worker
 * (`npm run worker`) on it and a local receiver; it stops Postgres (fast shutdown: the server closes every
 * connection) while deliveries are in flight and queued, starts it again, and checks that every delivery
 * arrives with its eventId, none is left pending or leased, and the worker LISTENs again: its poll is set to
 * 10 minutes, so everything here is moved by NOTIFY, the LISTEN reconnect and the worker's own retries.
 * It needs no app server (run it alone with `--no-deps`).
 */
const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const PG_NAME = `pg-webhook-restart-${e2ePort}`;
const PG_PORT = 54339 + e2ePort - 3100 + 60;
const DATABASE = 'webhook_restart';
const root = path.resolve(import.meta.dirname, '..', '..', '..');

function serverKey() {
  process.env.APP_ENCRYPTION_KEY ??= (
    JSON.parse(fs.readFileSync(path.join(root, '.data', 'secrets-e2e.json'), 'utf8')) as { APP_ENCRYPTION_KEY: string }
  ).APP_ENCRYPTION_KEY;
}

test.describe.serial('[RELIABILITY] webhook worker across a Postgres restart', () => {
  let db: { url: string; stop: () => Promise<void> } | undefined;
  let worker: WorkerProcess | undefined;
  let rx: Receiver | undefined;
  const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: db!.url });
    await c.connect();
    try {
      return (await c.query<T>(sql, params)).rows;
    } finally {
      await c.end();
    }
  };

  test.afterAll(async () => {
    await worker?.kill9();
    await rx?.close();
    await db?.stop();
  });

  test('deliveries in flight and queued when Postgres stops all arrive once it is back; new events are delivered by NOTIFY', async () => {
    test.setTimeout(400_000);
    fs.rmSync(defaultDataDir(PG_NAME), { recursive: true, force: true });
    db = await startEmbeddedPostgres({ name: PG_NAME, port: PG_PORT, database: DATABASE });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await migrate(drizzle({ client }), { migrationsFolder: path.join(root, 'db', 'migrations') });
    await client.end();

    // a group with one Group webhook (stored as the app stores it: the signing secret encrypted for its row)
    serverKey();
    rx = await startReceiver();
    const [tenant] = await q<{ id: string }>(`INSERT INTO tenants (name, external_id) VALUES ('Restart org', $1) RETURNING id`, [`restart-${randomUUID()}`]);
    const [group] = await q<{ id: string }>(`INSERT INTO groups (tenant_id, name) VALUES ($1, 'Restart group') RETURNING id`, [tenant!.id]);
    const connectorId = randomUUID();
    await q(`INSERT INTO connectors (id, tenant_id, name, description, permissions, redirect_urls) VALUES ($1, $2, 'Restart bot', 'restart spec', $3, '{}')`, [
      connectorId,
      tenant!.id,
      ['webhook'],
    ]);
    const webhookId = randomUUID();
    await q(
      `INSERT INTO webhooks (id, tenant_id, connector_id, group_id, object_id, object_type, event_types, callback_url, validity, secret_enc)
       VALUES ($1, $2, $3, $4, $4, 'Group', '{TextMessageCreated}', $5, now() + interval '1 day', $6)`,
      [webhookId, tenant!.id, connectorId, group!.id, rx.url, encrypt(`whsec_${randomBytes(24).toString('base64')}`, `webhook-secret:${webhookId}`)],
    );
    const postEvents = async (n: number, label: string) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const [row] = await q<{ id: string }>(
          `INSERT INTO platform_events (tenant_id, group_id, object_id, object_type, event_type, data)
           VALUES ($1, $2, $2, 'Group', 'TextMessageCreated', $3) RETURNING id`,
          [tenant!.id, group!.id, { messageId: randomUUID(), text: `${label} ${i}` }],
        );
        ids.push(row!.id);
      }
      return ids;
    };

    // slow answers keep attempts in flight while Postgres goes away
    rx.answer((r) => (r.method === 'POST' ? { delayMs: 1_500 } : undefined));
    worker = await startWorkerProcess({
      DATABASE_URL: db.url,
      WEBHOOK_POLL_MS: '600000',
      WEBHOOK_LEASE_MS: '15000',
      WEBHOOK_PER_ENDPOINT_CONCURRENCY: '4',
    });
    const before = await postEvents(30, 'before');
    await expect.poll(() => rx!.posts().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);

    // fast shutdown (SIGINT) with attempts in flight and most of the queue still waiting
    await db.stop();
    await new Promise((r) => setTimeout(r, 3_000)); // the worker's claims and result writes fail meanwhile
    db = await startEmbeddedPostgres({ name: PG_NAME, port: PG_PORT, database: DATABASE });

    // every delivery arrives, each attempt carrying its own eventId; nothing pending or leased is left
    const receivedIds = () => new Set(rx!.posts().map((p) => p.json?.eventId as string));
    await expect.poll(() => before.filter((id) => !receivedIds().has(id)).length, { timeout: 180_000 }).toBe(0);
    const queue = () =>
      q<{ state: string; leased: boolean }>(`SELECT state, lease_until IS NOT NULL AS leased FROM webhook_deliveries WHERE webhook_id = $1`, [webhookId]);
    await expect.poll(async () => (await queue()).filter((d) => d.state !== 'succeeded' || d.leased).length, { timeout: 60_000 }).toBe(0);
    expect(await queue()).toHaveLength(before.length);
    for (const p of rx.posts()) {
      expect(before).toContain(p.json?.eventId);
      expect(p.headers['webhook-id']).toBe(p.json?.eventId);
    }
    expect(worker.child.exitCode).toBeNull(); // no crash

    // the LISTEN is back: new events arrive without a poll (the next poll is 10 minutes away)
    rx.answer(() => undefined);
    const after = await postEvents(5, 'after');
    await expect.poll(() => after.filter((id) => !receivedIds().has(id)).length, { timeout: 90_000 }).toBe(0);
    await expect.poll(async () => (await queue()).filter((d) => d.state !== 'succeeded' || d.leased).length).toBe(0);
    console.log(
      `[webhooks-pg-restart] ${rx.posts().length} POSTs for ${before.length + after.length} events (repeats carry the same eventId); worker said:\n${worker
        .output()
        .split('\n')
        .filter((l) => l.includes('[webhooks]'))
        .join('\n')}`,
    );
  });
});
