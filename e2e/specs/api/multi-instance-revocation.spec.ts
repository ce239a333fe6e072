import { expect, test, type APIRequestContext } from '@playwright/test';
import { startAppServer, type AppServer } from '../../fixtures/app-server';
import { E2E_DATABASE_URL, withDb } from '../../fixtures/db';
import { makeConnector, makeGroup, makeTenant, type MadeConnector } from '../../fixtures/factory';

// Revocation across app instances (groundwork §7): two app servers on ONE database — the suite's server
// (instance A) and a second one started here (instance B). A removed grant, a deleted connector or a
// revoked refresh-token family must stop working on B within 1 s of being revoked on A (or in the database
// the way the portal does it), whatever B has cached: B is warmed up with the same calls first.
// The 1 s is a bound, not a speed target: B is polled until it refuses or the deadline passes.
const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const BOUND_MS = 1_000;
const POLL_MS = 25;

async function exchange(request: APIRequestContext, base: string, c: { id: string; secret: string }, refreshToken: string) {
  return request.get(`${base}/v1/accessToken`, { headers: { applicationId: c.id, applicationSecret: c.secret, refreshToken } });
}

async function accessToken(request: APIRequestContext, base: string, c: MadeConnector, refreshToken = c.refreshToken): Promise<string> {
  const res = await exchange(request, base, c, refreshToken);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).accessToken;
}

const readGroup = (request: APIRequestContext, base: string, groupId: string, token: string) =>
  request.get(`${base}/v1/groups/${groupId}`, { headers: { accessToken: token } });

/** Both calls work on B, several times (so a cache, if any, holds them). */
async function warm(request: APIRequestContext, b: string, c: MadeConnector, token: string) {
  for (let i = 0; i < 3; i++) {
    expect((await exchange(request, b, c, c.refreshToken)).status()).toBe(200);
    expect((await readGroup(request, b, c.groupId!, token)).status()).toBe(200);
  }
}

/**
 * Polls B until both the exchange and the group read are refused with 401, or BOUND_MS after `revokedAt`
 * has passed; returns how long it took (for the log), fails when the bound was missed.
 */
async function refusedWithin(request: APIRequestContext, b: string, c: MadeConnector, token: string, revokedAt: number, refreshToken = c.refreshToken) {
  let last = '';
  for (;;) {
    const [ex, read] = await Promise.all([exchange(request, b, c, refreshToken), readGroup(request, b, c.groupId!, token)]);
    const elapsed = Date.now() - revokedAt;
    if (ex.status() === 401 && read.status() === 401) {
      // a refusal is a refusal with the usual error body, not a 5xx of a confused instance
      expect(await ex.json()).toMatchObject({ errorCategoryKey: 'AuthException' });
      expect(await read.json()).toMatchObject({ errorCode: 'InvalidToken', errorCategoryKey: 'AuthException' });
      return elapsed;
    }
    last = `exchange ${ex.status()}, group read ${read.status()}`;
    if (elapsed > BOUND_MS) throw new Error(`instance B still answered (${last}) ${elapsed} ms after the revocation`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

test.describe.serial('[SECURITY] revocation reaches every app instance within 1 s', () => {
  let b: AppServer;
  let tenant: string;
  let group: string;

  test.beforeAll(async () => {
    b = await startAppServer({ port: e2ePort + 60, databaseUrl: E2E_DATABASE_URL });
    tenant = await makeTenant(); // fresh budgets: nothing else counts toward them
    group = await makeGroup(tenant);
  });

  test.afterAll(async () => {
    await b?.stop();
  });

  test('a removed grant (as the portal removes a connector from a group) stops on instance B', async ({ request, baseURL }) => {
    const c = await makeConnector({ tenantId: tenant, groupId: group });
    const token = await accessToken(request, baseURL!, c); // minted on A
    await warm(request, b.url, c, token);
    // lib/grants/service.ts removeConnectorFromGroup: the grant and every token of it, in one transaction
    const revokedAt = await withDb(async (db) => {
      await db.query('BEGIN');
      await db.query('UPDATE grants SET revoked_at = now() WHERE id = $1', [c.grantId]);
      await db.query(`UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = 'grant_removed' WHERE grant_id = $1 AND revoked_at IS NULL`, [c.grantId]);
      await db.query('COMMIT');
      return Date.now();
    });
    const ms = await refusedWithin(request, b.url, c, token, revokedAt);
    console.log(`[multi-instance] removed grant refused on B after ${ms} ms`);
    expect((await readGroup(request, baseURL!, group, token)).status()).toBe(401); // and on A, of course
  });

  test('a deleted connector (as the portal deletes it) stops on instance B', async ({ request, baseURL }) => {
    const c = await makeConnector({ tenantId: tenant, groupId: group });
    const token = await accessToken(request, baseURL!, c);
    await warm(request, b.url, c, token);
    // lib/connectors/service.ts deleteConnector
    const revokedAt = await withDb(async (db) => {
      await db.query('BEGIN');
      await db.query(`UPDATE connectors SET deleted_at = now(), status = 'inactive', updated_at = now() WHERE id = $1`, [c.id]);
      await db.query('UPDATE connector_secrets SET revoked_at = now() WHERE connector_id = $1 AND revoked_at IS NULL', [c.id]);
      await db.query('UPDATE grants SET revoked_at = now() WHERE connector_id = $1 AND revoked_at IS NULL', [c.id]);
      await db.query(
        `UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = 'connector_deleted' WHERE revoked_at IS NULL AND grant_id IN (SELECT id FROM grants WHERE connector_id = $1)`,
        [c.id],
      );
      await db.query('COMMIT');
      return Date.now();
    });
    const ms = await refusedWithin(request, b.url, c, token, revokedAt);
    console.log(`[multi-instance] deleted connector refused on B after ${ms} ms`);
  });

  test('a refresh-token family revoked on instance A (replay of a spent token) stops on instance B', async ({ request, baseURL }) => {
    // issued 330 days ago: past 90 % of its life, so the first exchange rotates it
    const c = await makeConnector({ tenantId: tenant, groupId: group, issuedDaysAgo: 330 });
    const first = await exchange(request, baseURL!, c, c.refreshToken);
    expect(first.status()).toBe(200);
    const successor = (await first.json()).refreshToken as string;
    expect(successor).not.toBe('');
    // the successor is used on B (which ends the old token's grace window) and keeps working there
    const token = await accessToken(request, b.url, c, successor);
    for (let i = 0; i < 3; i++) {
      expect((await exchange(request, b.url, c, successor)).status()).toBe(200);
      expect((await readGroup(request, b.url, group, token)).status()).toBe(200);
    }
    // the spent token presented again on A: a replay, the whole family is revoked
    const replay = await exchange(request, baseURL!, c, c.refreshToken);
    const revokedAt = Date.now();
    expect(replay.status()).toBe(401);
    const ms = await refusedWithin(request, b.url, c, token, revokedAt, successor);
    console.log(`[multi-instance] revoked family refused on B after ${ms} ms`);
  });
});
