import type { APIRequestContext, APIResponse } from '@playwright/test';
import { startAppServer, type AppServer } from '../../fixtures/app-server';
import { newPhoneNumber } from '../../fixtures/data';
import { E2E_DATABASE_URL, withDb } from '../../fixtures/db';
import { makeGroupWith, makeUser, tenantId } from '../../fixtures/factory';
import { ERROR_BODY, platformTokens, type TokenSet } from '../../fixtures/platform';
import { expect, test } from '../../fixtures/test';

// The read cache of GET /v1/groups/{groupId} and GET …/members (lib/platform/read-cache.ts) is strongly
// consistent: after a change commits, the VERY NEXT read shows it — on this instance and on any other one
// on the same database — and a revoked grant stops the next read. No polling anywhere in this file: each
// read below is warmed first (answered from the cache at least once), then expected to be exact at once.
const e2ePort = Number(process.env.E2E_PORT ?? 3100);

type Group = Record<string, unknown> & { groupName: string; currentLevelUserCount: number; userCount: number };
type Member = { id: string; role: string; mobileNumber: string; isProvisioned: boolean };

/**
 * The suite's server counts statements (X-SQL-Statements): a read with nothing cached takes one; an answer from the
 * cache, one (the token and the version, read in a statement shared with concurrent requests); the first read after
 * a change, two (that check, then the read). Other specs change Contoso while these run, so any read may be "after
 * a change": at most two here; the test "a cached answer costs one statement" pins the one.
 */
function expectStatements(res: APIResponse) {
  const sql = res.headers()['x-sql-statements'];
  if (sql !== undefined) expect(Number(sql)).toBeLessThanOrEqual(2);
}

async function readGroup(request: APIRequestContext, base: string, groupId: string, accessToken: string): Promise<Group> {
  const res = await request.get(`${base}/v1/groups/${groupId}`, { headers: { accessToken } });
  expect(res.status(), await res.text()).toBe(200);
  expectStatements(res);
  return (await res.json()).groups[0];
}

async function readMembers(request: APIRequestContext, base: string, groupId: string, accessToken: string): Promise<Member[]> {
  const res = await request.get(`${base}/v1/groups/${groupId}/members?count=100`, { headers: { accessToken } });
  expect(res.status(), await res.text()).toBe(200);
  expectStatements(res);
  return (await res.json()).members;
}

/** Both reads, twice: the second answer comes from the cache and must equal the first. */
async function warm(request: APIRequestContext, base: string, groupId: string, accessToken: string) {
  const group = await readGroup(request, base, groupId, accessToken);
  const members = await readMembers(request, base, groupId, accessToken);
  expect(await readGroup(request, base, groupId, accessToken)).toEqual(group);
  expect(await readMembers(request, base, groupId, accessToken)).toEqual(members);
  return { group, members };
}

const addMembers = (request: APIRequestContext, base: string, groupId: string, accessToken: string, numbers: string[]) =>
  request.put(`${base}/v1/groups/${groupId}/members`, { headers: { accessToken, 'Content-Type': 'application/json' }, data: { members: numbers } });

test.describe.serial('[API] read cache: the next read after a change shows it', () => {
  let contoso: string;
  let group: string;
  let t: TokenSet;
  const newcomer = newPhoneNumber();

  test.beforeAll(async ({ request }) => {
    contoso = await tenantId('Contoso');
    group = await makeGroupWith({ tenant: contoso, admin: newPhoneNumber() });
    t = await platformTokens(request, group);
  });

  test('a cached answer costs one statement: the token and the version only', async ({ request, baseURL }) => {
    await warm(request, baseURL!, group, t.group);
    // other specs may change Contoso between two reads (then that read takes two); one of a few quick reads has
    // nothing in between, and it must take exactly one
    const counts: number[] = [];
    for (let i = 0; i < 5 && !counts.includes(1); i++) {
      const res = await request.get(`${baseURL}/v1/groups/${group}`, { headers: { accessToken: t.group } });
      expect(res.status()).toBe(200);
      counts.push(Number(res.headers()['x-sql-statements']));
    }
    expect(counts).toContain(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
  });

  test('a member added over the API is in the next group read and member page', async ({ request, baseURL }) => {
    const before = await warm(request, baseURL!, group, t.group);
    expect(before.members.map((m) => m.mobileNumber)).not.toContain(newcomer);
    const put = await addMembers(request, baseURL!, group, t.group, [newcomer]);
    expect(put.status(), await put.text()).toBe(200);

    const after = await readGroup(request, baseURL!, group, t.group);
    expect(after.currentLevelUserCount).toBe(before.group.currentLevelUserCount + 1);
    expect(after.unProvisionedUserCount).toBe((before.group.unProvisionedUserCount as number) + 1);
    expect(await readMembers(request, baseURL!, group, t.group)).toContainEqual(expect.objectContaining({ mobileNumber: newcomer, isProvisioned: false }));
  });

  test('a number verified in the portal is provisioned in the next reads', async ({ request, baseURL }) => {
    const before = await warm(request, baseURL!, group, t.group);
    // a Contoso user verifies the newcomer's number (lib/phone/phone-numbers.ts verifyPhoneNumber stores it so)
    const user = await makeUser({ phone: null });
    await withDb((db) =>
      db.query(`INSERT INTO phone_numbers (user_id, tenant_id, e164, verified_at, is_active) VALUES ($1, $2, $3, now(), true)`, [
        user.id,
        user.tenantId,
        newcomer,
      ]),
    );
    const after = await readGroup(request, baseURL!, group, t.group);
    expect(after.unProvisionedUserCount).toBe((before.group.unProvisionedUserCount as number) - 1);
    expect(after.currentLevelUnProvisionedUserCount).toBe((before.group.currentLevelUnProvisionedUserCount as number) - 1);
    expect(await readMembers(request, baseURL!, group, t.group)).toContainEqual(expect.objectContaining({ mobileNumber: newcomer, isProvisioned: true }));
  });

  test('a group renamed in the portal has its new name in the next read', async ({ request, baseURL }) => {
    await warm(request, baseURL!, group, t.group);
    const name = `Renamed ${Date.now()}`;
    // lib/groups/edit.ts updateGroup
    await withDb((db) => db.query('UPDATE groups SET name = $2, welcome_message = NULL WHERE id = $1', [group, name]));
    expect((await readGroup(request, baseURL!, group, t.group)).groupName).toBe(name);
  });

  test('a sub-group linked over the API: counted in the next read, and reachable at once (its cached 404 is gone)', async ({ request, baseURL }) => {
    const sub = await makeGroupWith({ tenant: contoso, members: [newPhoneNumber(), newPhoneNumber()] });
    const before = await warm(request, baseURL!, group, t.group);
    expect(before.group).toMatchObject({ hasSubGroups: false, currentLevelSubGroupCount: 0 });
    // outside the group token's reach: 404, twice (the second from the cache)
    for (let i = 0; i < 2; i++) {
      const outside = await request.get(`/v1/groups/${sub}`, { headers: { accessToken: t.group } });
      expect(outside.status()).toBe(404);
      expect(await outside.json()).toMatchObject(ERROR_BODY);
    }
    const link = await request.put(`/v1/groups/${group}/subGroups`, {
      headers: { accessToken: t.tenant, 'Content-Type': 'application/json' },
      data: { subGroups: [sub] },
    });
    expect(link.status(), await link.text()).toBe(200);

    const after = await readGroup(request, baseURL!, group, t.group);
    expect(after).toMatchObject({ hasSubGroups: true, currentLevelSubGroupCount: 1, userCount: before.group.userCount + 2 });
    expect((await readGroup(request, baseURL!, sub, t.group)).currentLevelUserCount).toBe(2);
    expect(await readMembers(request, baseURL!, sub, t.group)).toHaveLength(2);
  });
});

test('[SECURITY] concurrent cached reads share one check, each with its own answer: a revoked token among live ones gets 401', async ({ request, baseURL }) => {
  const contoso = await tenantId('Contoso');
  const [live, revoked] = await Promise.all([
    makeGroupWith({ tenant: contoso, admin: newPhoneNumber() }),
    makeGroupWith({ tenant: contoso, admin: newPhoneNumber() }),
  ]);
  const [tl, tr] = [await platformTokens(request, live), await platformTokens(request, revoked)];
  const expected = await warm(request, baseURL!, live, tl.group);
  await warm(request, baseURL!, revoked, tr.group);
  await withDb(async (db) => {
    await db.query('BEGIN');
    const grant = await db.query<{ id: string }>(`UPDATE grants SET revoked_at = now() WHERE connector_id = $1 AND group_id = $2 RETURNING id`, [
      tr.connector.id,
      revoked,
    ]);
    await db.query(`UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = 'grant_removed' WHERE grant_id = ANY($1::uuid[])`, [
      grant.rows.map((g) => g.id),
    ]);
    await db.query('COMMIT');
  });
  // sent together, so the server checks them in shared statements (lib/platform/live-batch.ts)
  const calls = Array.from({ length: 24 }, (_, i) => {
    const [group, token] = i % 2 ? [revoked, tr.group] : [live, tl.group];
    const path = i % 4 < 2 ? `/v1/groups/${group}` : `/v1/groups/${group}/members?count=100`;
    return request
      .get(`${baseURL}${path}`, { headers: { accessToken: token } })
      .then(async (res) => ({ i, path, status: res.status(), body: await res.json() }));
  });
  for (const r of await Promise.all(calls)) {
    if (r.i % 2) {
      expect(r.status, r.path).toBe(401);
      expect(r.body).toMatchObject({ errorCode: 'InvalidToken' });
    } else {
      expect(r.status, r.path).toBe(200);
      expect(r.path.endsWith('members?count=100') ? r.body.members : r.body.groups[0]).toEqual(
        r.path.endsWith('members?count=100') ? expected.members : expected.group,
      );
    }
  }
});

test.describe.serial('[API] read cache: two app instances on one database', () => {
  let b: AppServer;
  let group: string;
  let t: TokenSet;

  test.beforeAll(async ({ request }) => {
    // configured as the suite's server is (scripts/run.mjs e2e): the suite's other specs spend Contoso's budget too
    b = await startAppServer({ port: e2ePort + 62, databaseUrl: E2E_DATABASE_URL, env: { RATE_LIMIT_PER_TENANT: '5000' } });
    group = await makeGroupWith({ tenant: await tenantId('Contoso'), admin: newPhoneNumber() });
    t = await platformTokens(request, group);
  });

  test.afterAll(async () => {
    await b?.stop();
  });

  test('a write through instance A is in the next read on instance B, and the other way round', async ({ request, baseURL }) => {
    const a = baseURL!;
    const before = await warm(request, b.url, group, t.group);
    await warm(request, a, group, t.group);

    const number = newPhoneNumber();
    expect((await addMembers(request, a, group, t.group, [number])).status()).toBe(200);
    expect((await readGroup(request, b.url, group, t.group)).currentLevelUserCount).toBe(before.group.currentLevelUserCount + 1);
    const onB = await readMembers(request, b.url, group, t.group);
    const added = onB.find((m) => m.mobileNumber === number);
    expect(added).toMatchObject({ role: 'Member', isProvisioned: false });

    // removed through B (both instances warm again first): gone from the next reads on A
    await warm(request, a, group, t.group);
    await warm(request, b.url, group, t.group);
    const del = await request.delete(`${b.url}/v1/groups/${group}/members/${added!.id}`, { headers: { accessToken: t.group } });
    expect(del.status(), await del.text()).toBe(200);
    expect((await readGroup(request, a, group, t.group)).currentLevelUserCount).toBe(before.group.currentLevelUserCount);
    expect((await readMembers(request, a, group, t.group)).map((m) => m.mobileNumber)).not.toContain(number);
  });

  test('[SECURITY] a revoked grant stops the next read on both instances, cached or not', async ({ request, baseURL }) => {
    const a = baseURL!;
    await warm(request, a, group, t.group);
    await warm(request, b.url, group, t.group);
    // lib/grants/service.ts removeConnectorFromGroup: the grant and every token of it, in one transaction
    await withDb(async (db) => {
      await db.query('BEGIN');
      const grant = await db.query<{ id: string }>(
        `UPDATE grants SET revoked_at = now() WHERE connector_id = $1 AND group_id = $2 AND kind = 'group' RETURNING id`,
        [t.connector.id, group],
      );
      expect(grant.rowCount).toBe(1);
      await db.query(`UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = 'grant_removed' WHERE grant_id = $1 AND revoked_at IS NULL`, [
        grant.rows[0]!.id,
      ]);
      await db.query('COMMIT');
    });
    for (const base of [a, b.url]) {
      for (const path of [`/v1/groups/${group}`, `/v1/groups/${group}/members?count=100`]) {
        const res = await request.get(`${base}${path}`, { headers: { accessToken: t.group } });
        expect(res.status(), `${base}${path}`).toBe(401);
        expect(await res.json()).toMatchObject({ errorCode: 'InvalidToken', errorCategoryKey: 'AuthException' });
      }
    }
    // the tenant token of the same connector (another grant) still reads, from the same cached data
    expect((await readGroup(request, b.url, group, t.tenant)).groupId).toBe(group);
  });
});
