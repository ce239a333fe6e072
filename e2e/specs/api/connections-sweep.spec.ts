import { expect, test } from '@playwright/test';
import { connectionRow, makeConnection, makeService, refreshCalls, revokeAtProvider } from '../../fixtures/connections';
import { withDb } from '../../fixtures/db';
import { makeTenant } from '../../fixtures/factory';
import { startWorkerProcess, type WorkerProcess } from '../../fixtures/webhooks';

// issue 14: tokens are kept fresh by the worker, not only on use. The suite's server runs without the scheduled
// refresh (CONNECTIONS_SWEEP_MS=0 in `scripts/run.mjs e2e`, so the on-use specs keep their short lifetimes);
// here a standalone worker (`npm run worker`) runs it on the suite's database with a 10-minute look-ahead.
// No invoke is made: what moves is the provider's own refresh counter and the stored expiry.
const soon = (connectionId: string) =>
  withDb((db) => db.query(`UPDATE connections SET expires_at = now() + interval '3 minutes' WHERE id = $1`, [connectionId]));

test.describe.serial('[CONNECTIONS] scheduled refresh in the worker', () => {
  let worker: WorkerProcess | undefined;

  test.afterAll(async () => {
    await worker?.kill9();
  });

  test('a token expiring within the look-ahead is refreshed with no call at all; a revoked grant found by the sweep turns Needs reconnect (audited)', async () => {
    test.setTimeout(180_000);
    const tenant = await makeTenant();
    const service = await makeService(tenant);
    const fresh = await makeConnection(tenant, service.id);
    const revoked = await makeConnection(tenant, service.id);
    await Promise.all([soon(fresh.id), soon(revoked.id)]);
    await revokeAtProvider(revoked.account);
    const before = (await connectionRow(fresh.id))!;
    expect(await refreshCalls(fresh.account)).toBe(0);

    worker = await startWorkerProcess({ CONNECTIONS_SWEEP_MS: '1000', CONNECTIONS_SWEEP_LOOKAHEAD_SECONDS: '600', CONNECTIONS_ALLOW_HTTP: '1' });

    await expect.poll(() => refreshCalls(fresh.account), { timeout: 60_000 }).toBe(1);
    await expect
      .poll(async () => ((await connectionRow(fresh.id))!.token_version as number) > (before.token_version as number), { timeout: 30_000 })
      .toBe(true);
    const after = (await connectionRow(fresh.id))!;
    expect(after.status).toBe('connected');
    expect((after.expires_at as Date).getTime()).toBeGreaterThan((before.expires_at as Date).getTime());
    expect(after.access_token_encrypted).not.toBe(before.access_token_encrypted);
    expect(after.last_refreshed_at).not.toBeNull();

    await expect.poll(async () => (await connectionRow(revoked.id))!.status, { timeout: 60_000 }).toBe('needs_reconnect');
    expect((await connectionRow(revoked.id))!.last_error).toContain('invalid_grant');
    const audit = await withDb(async (db) => (await db.query(`SELECT action FROM audit_events WHERE target_id = $1`, [revoked.id])).rows);
    expect(audit).toEqual([{ action: 'connection.needs_reconnect' }]);

    // later passes leave both alone: the fresh token is outside the look-ahead again, the other needs a person
    const calls = await refreshCalls(fresh.account);
    await expect.poll(() => worker!.output()).toContain('token refresh every 1000 ms');
    await new Promise((r) => setTimeout(r, 3_000)); // a few more passes of the 1 s sweep
    expect(await refreshCalls(fresh.account)).toBe(calls);
    expect(await refreshCalls(revoked.account)).toBe(1);
  });
});
