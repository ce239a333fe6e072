import { expect, test } from '@playwright/test';
import pg from 'pg';
import { generateRefreshToken } from '../../../lib/tokens/format';
import { startAppServer, type AppServer } from '../../fixtures/app-server';
import { E2E_DATABASE_URL, withDb } from '../../fixtures/db';
import { startTcpProxy, type TcpProxy } from '../../fixtures/tcp-proxy';

// A second app server whose database sits behind a TCP proxy this spec cuts and restores (product.md §12,
// quality-targets F1/F4): database trouble is 503 + Retry-After, quickly, and the app comes back by itself.
const ERROR_SHAPE = { message: expect.any(String), errorCode: expect.any(String), errorCategoryKey: expect.any(String) };
const POOL_TIMEOUT_MS = 2_000; // db/index.ts connectionTimeoutMillis
const LOCK_TIMEOUT_MS = 3_000; // db/index.ts lock_timeout
const MARGIN_MS = 1_500;
const e2ePort = Number(process.env.E2E_PORT ?? 3100);

// well-formed credentials of nobody: a healthy server answers 401 after one database lookup
const madeUp = { applicationId: '0a0a0a0a-0000-4000-8000-00000000dead', applicationSecret: 'not-a-secret', refreshToken: generateRefreshToken() };

test.describe.serial('[RELIABILITY] database faults on a second app server', () => {
  let proxy: TcpProxy;
  let server: AppServer;
  const staleId = '0a0a0a0a-0000-4000-8000-0000000f0001';
  const freshId = '0a0a0a0a-0000-4000-8000-0000000f0002';

  test.beforeAll(async () => {
    // outbox rows for the start-up pruning check: one two days old, one from now
    await withDb(async (c) => {
      await c.query(`DELETE FROM sms_outbox WHERE id = ANY($1::uuid[])`, [[staleId, freshId]]);
      await c.query(
        `INSERT INTO sms_outbox (id, "to", body, created_at) VALUES ($1, '+10000000001', 'old', now() - interval '2 days'), ($2, '+10000000002', 'new', now())`,
        [staleId, freshId],
      );
    });
    const target = new URL(E2E_DATABASE_URL);
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(target.port) }, e2ePort + 20_000 + 50);
    const viaProxy = new URL(E2E_DATABASE_URL);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    server = await startAppServer({ port: e2ePort + 50, databaseUrl: viaProxy.toString(), env: { DATABASE_POOL_MAX: '2' } });
  });

  test.afterAll(async () => {
    await server?.stop();
    await proxy?.close();
  });

  test('healthy: /v1/health reports the database; unknown credentials get 401; day-old outbox rows were pruned at start', async ({ request }) => {
    const health = await request.get(`${server.url}/v1/health`);
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
    expect((await request.get(`${server.url}/v1/accessToken`, { headers: madeUp })).status()).toBe(401);
    await expect
      .poll(() =>
        withDb(async (c) =>
          (await c.query<{ id: string }>(`SELECT id FROM sms_outbox WHERE id = ANY($1::uuid[])`, [[staleId, freshId]])).rows.map((r) => r.id),
        ),
      )
      .toEqual([freshId]);
  });

  test('database cut: 503 + Retry-After with the error body, fast; health degraded; back to normal once restored, no app restart', async ({ request }) => {
    await proxy.cut();
    const started = Date.now();
    const res = await request.get(`${server.url}/v1/accessToken`, { headers: madeUp });
    const ms = Date.now() - started;
    expect(res.status()).toBe(503);
    expect(Number(res.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(await res.json()).toEqual({ ...ERROR_SHAPE, errorCode: 'ServiceUnavailable' });
    expect(ms).toBeLessThan(POOL_TIMEOUT_MS + MARGIN_MS); // a bound, not a speed target
    console.log(`[database-faults] 503 with the database cut after ${ms} ms`);

    const health = await request.get(`${server.url}/v1/health`);
    expect(health.status()).toBe(503);
    expect(await health.json()).toEqual({ status: 'degraded', database: 'unavailable' });
    expect((await request.get(`${server.url}/v1/health/live`)).status()).toBe(200); // the process itself is fine: no restart wanted

    // a POST too: the body is read, the database is not there
    const pin = await request.post(`${server.url}/v1/generatePin`, { data: { mobileNumber: '+14255550101', applicationId: madeUp.applicationId } });
    expect(pin.status()).toBe(503);
    expect(await pin.json()).toMatchObject({ errorCode: 'ServiceUnavailable' });

    await proxy.restore();
    await expect.poll(async () => (await request.get(`${server.url}/v1/health`)).status()).toBe(200);
    expect((await request.get(`${server.url}/v1/accessToken`, { headers: madeUp })).status()).toBe(401);
  });

  test('a table lock held elsewhere, and the pool exhausted behind it: 503 within the lock timeout, not a hang; then recovery', async ({ request }) => {
    const locker = new pg.Client({ connectionString: E2E_DATABASE_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE connectors IN ACCESS EXCLUSIVE MODE');

      // pool max 2: two calls wait on the lock holding both clients, the third waits for a client
      const started = Date.now();
      const calls = [0, 1, 2].map(() =>
        request
          .get(`${server.url}/v1/accessToken`, { headers: madeUp })
          .then(async (r) => ({ status: r.status(), body: await r.json(), retryAfter: r.headers()['retry-after'], ms: Date.now() - started })),
      );
      // no client free within a second: degraded
      await expect.poll(async () => (await request.get(`${server.url}/v1/health`)).json()).toEqual({ status: 'degraded', database: 'unavailable' });

      const results = await Promise.all(calls);
      for (const r of results) {
        expect(r.status).toBe(503);
        expect(r.body).toEqual({ ...ERROR_SHAPE, errorCode: 'ServiceUnavailable' });
        expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
        expect(r.ms).toBeLessThan(LOCK_TIMEOUT_MS + MARGIN_MS);
      }
      console.log(`[database-faults] behind a held lock: 503 after ${results.map((r) => r.ms).join(', ')} ms`);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
    await expect.poll(async () => (await request.get(`${server.url}/v1/health`)).status()).toBe(200);
    expect((await request.get(`${server.url}/v1/accessToken`, { headers: madeUp })).status()).toBe(401);
  });
});
