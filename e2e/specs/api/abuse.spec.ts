import type { APIRequestContext, APIResponse } from '@playwright/test';
import { tokenHeaders } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { freshMinute, makeConnector, makeGroup, makeTenant, randomIp, signedAccessToken, tenantId } from '../../fixtures/factory';
import { expect, test } from '../../fixtures/test';
import { SEEDED_GROUPS } from '../../pages/group-page';

/**
 * What a stranger can do with what they can learn (a Connector ID, a phone number, a captured token):
 * budgets hold under 50+ parallel requests, and nobody spends someone else's.
 */
const ERROR_SHAPE = { message: expect.any(String), errorCode: expect.any(String), errorCategoryKey: expect.any(String) };
const FAILURES_PER_IP = 20;
const FAILURES_PER_CONNECTOR = 60;

const statuses = (responses: APIResponse[]) => {
  const tally: Record<number, number> = {};
  for (const r of responses) tally[r.status()] = (tally[r.status()] ?? 0) + 1;
  return tally;
};
const parallel = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));
const wrongSecret = (c: { id: string; secret: string }) => ({ id: c.id, secret: `${c.secret.slice(0, -4)}XXXX` });
/** SMS sent to `numbers` since `since` (numbers are random: an earlier test may have texted one of them). */
const smsCount = (numbers: string[], since: Date) =>
  withDb(
    async (db) =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sms_outbox WHERE "to" = ANY($1) AND created_at >= $2', [numbers, since])).rows[0]!.n,
  );
const dbNow = () => withDb(async (db) => (await db.query<{ t: Date }>('SELECT now() AS t')).rows[0]!.t);
/** `n` distinct random numbers. */
const distinctNumbers = (n: number) => {
  const set = new Set<string>();
  while (set.size < n) set.add(newPhoneNumber());
  return [...set];
};
const counter = (key: string) =>
  withDb(
    async (db) =>
      (
        await db.query<{ n: number }>(
          `SELECT coalesce(sum(count), 0)::int AS n FROM rate_counters WHERE key = $1 AND window_start = date_trunc('minute', now())`,
          [key],
        )
      ).rows[0]!.n,
  );
const generatePin = (request: APIRequestContext, mobileNumber: string, applicationId: string, ip?: string) =>
  request.post('/v1/generatePin', { data: { mobileNumber, applicationId }, headers: ip ? { 'X-Forwarded-For': ip } : {} });

test.describe.serial('[API] abuse: budgets and isolation', () => {
  let contoso: string;
  let fabrikam: string;

  test.beforeAll(async () => {
    contoso = await tenantId('Contoso');
    fabrikam = await tenantId('Fabrikam');
  });

  test("a wrong-secret flood from one IP spends neither the connector's nor the tenant's budget; it slows the guesser, not the owner", async ({ request }) => {
    test.slow();
    const c = await makeConnector({ tenantId: contoso, groupId: SEEDED_GROUPS.marketing });
    await freshMinute(40);
    const tenantBefore = await counter(`t:${contoso}`);
    const guesser = randomIp();
    const flood = await parallel(50, () =>
      request.get('/v1/accessToken', { headers: { ...tokenHeaders(wrongSecret(c), c.refreshToken), 'X-Forwarded-For': guesser } }),
    );
    expect(statuses(flood)).toEqual({ 401: FAILURES_PER_IP, 429: 50 - FAILURES_PER_IP });
    for (const r of flood) expect(await r.json()).toMatchObject(ERROR_SHAPE);
    expect(await counter(`t:${contoso}`)).toBe(tenantBefore);
    expect(await counter(`c:${c.id}`)).toBe(0);

    // the owner, calling from elsewhere: first counted call of the minute
    const owner = await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) });
    expect(owner.status()).toBe(200);
    expect(owner.headers()['x-ratelimit-remaining']).toBe('99');
    // the guesser's IP is refused even with the right secret until the minute is over
    const slowed = await request.get('/v1/accessToken', { headers: { ...tokenHeaders(c, c.refreshToken), 'X-Forwarded-For': guesser } });
    expect(slowed.status()).toBe(429);
    expect(Number(slowed.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(await slowed.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'TooManyRequests' });

    // audited, sampled: a first failure and the one that spent the budget, not 50 rows
    const audit = await withDb(async (db) =>
      (
        await db.query<{ action: string }>(`SELECT action FROM audit_events WHERE target_id = $1 AND action LIKE 'token.auth_%' ORDER BY action`, [c.id])
      ).rows.map((r) => r.action),
    );
    expect(audit).toEqual(['token.auth_failed', 'token.auth_failure_budget_exceeded']);
  });

  test('strangers from many IPs cannot lock an organization out: 120 wrong secrets for one known ID from 120 IPs, and every connector still exchanges', async ({
    request,
  }) => {
    test.slow(); // the burst must fit in one counting minute, however busy the machine
    const victim = await makeConnector({ tenantId: contoso, groupId: SEEDED_GROUPS.marketing });
    const sibling = await makeConnector({ tenantId: contoso, groupId: SEEDED_GROUPS.fieldSales });
    await freshMinute(45);
    const tenantBefore = await counter(`t:${contoso}`);
    const flood = await parallel(120, () =>
      request.get('/v1/accessToken', { headers: { ...tokenHeaders(wrongSecret(victim), victim.refreshToken), 'X-Forwarded-For': randomIp() } }),
    );
    // beyond the connector's failure budget, failed checks answer 429 (and still count nowhere else)
    expect(statuses(flood)).toEqual({ 401: FAILURES_PER_CONNECTOR, 429: 120 - FAILURES_PER_CONNECTOR });
    expect(await counter(`t:${contoso}`)).toBe(tenantBefore);
    for (const c of [victim, sibling]) {
      const r = await request.get('/v1/accessToken', { headers: { ...tokenHeaders(c, c.refreshToken), 'X-Forwarded-For': randomIp() } });
      expect(r.status()).toBe(200);
    }
  });

  test('PIN sends hold under 50 parallel requests: per number and connector, per number, per IP; SMS sent = budget', async ({ request }) => {
    const started = await dbNow();
    // an organization of its own, so these sends do not count toward Contoso's SMS budget
    const org = await makeTenant();
    const x = await makeConnector({ tenantId: org });
    const y = await makeConnector({ tenantId: org });

    // one number through one connector: 5 SMS, not 29
    const number = newPhoneNumber();
    const burst = await parallel(50, () => generatePin(request, number, x.id));
    expect(statuses(burst)).toEqual({ 200: 5, 429: 45 });
    const limited = burst.find((r) => r.status() === 429)!;
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'PinSendLimit' });
    expect(await smsCount([number], started)).toBe(5);
    // the 45 refusals are audited sampled: a row per minute (two if the burst straddled a minute), not 45
    const limitedRows = await withDb(
      async (db) =>
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'pin.send_limited' AND target_id = $1`, [number])).rows[0]!
          .n,
    );
    expect(limitedRows).toBeGreaterThanOrEqual(1);
    expect(limitedRows).toBeLessThanOrEqual(2);

    // the stranger's connector is spent for this number; the person can still get a PIN elsewhere
    expect((await generatePin(request, number, y.id)).status()).toBe(200);
    expect(await smsCount([number], started)).toBe(6);

    // one number through many connectors: the number's overall cap (15)
    const spread = newPhoneNumber();
    const connectors = await parallel(5, () => makeConnector({ tenantId: org }));
    const many = await parallel(50, (i) => generatePin(request, spread, connectors[i % 5]!.id, randomIp()));
    expect(statuses(many)).toEqual({ 200: 15, 429: 35 });
    expect(await smsCount([spread], started)).toBe(15);

    // one IP, 50 numbers: 20 SMS, not 40
    const ip = randomIp();
    const numbers = distinctNumbers(50);
    const fromIp = await parallel(50, (i) => generatePin(request, numbers[i]!, x.id, ip));
    expect(statuses(fromIp)).toEqual({ 200: 20, 429: 30 });
    expect(await smsCount(numbers, started)).toBe(20);

    // the server's own client-IP header cannot be sent by a client to dodge the per-IP budget
    const spoofer = randomIp();
    const more = distinctNumbers(30);
    const spoofed = await parallel(30, (i) =>
      request.post('/v1/generatePin', {
        data: { mobileNumber: more[i]!, applicationId: x.id },
        headers: { 'X-Forwarded-For': spoofer, 'X-Connector-Client-Ip': randomIp() },
      }),
    );
    expect(statuses(spoofed)).toEqual({ 200: 20, 429: 10 });
  });

  test('the per-tenant SMS budget (100 per 10 minutes) holds under 130 parallel sends from 130 IPs; other tenants are unaffected', async ({ request }) => {
    const started = await dbNow();
    const org = await makeTenant();
    const c = await makeConnector({ tenantId: org });
    const numbers = distinctNumbers(130);
    const flood = await parallel(130, (i) => generatePin(request, numbers[i]!, c.id, randomIp()));
    expect(statuses(flood)).toEqual({ 200: 100, 429: 30 });
    expect(await smsCount(numbers, started)).toBe(100);
    const other = await makeConnector({ tenantId: fabrikam });
    expect((await generatePin(request, newPhoneNumber(), other.id, randomIp())).status()).toBe(200);
  });

  test('a PIN is bound to the connector it was requested through; premium-rate and personal numbers are refused', async ({ request }) => {
    const org = await makeTenant();
    const x = await makeConnector({ tenantId: org });
    const y = await makeConnector({ tenantId: org });
    const number = newPhoneNumber();
    expect((await generatePin(request, number, x.id)).status()).toBe(200);
    const pin = await withDb(async (db) => {
      const { rows } = await db.query<{ body: string }>('SELECT body FROM sms_outbox WHERE "to" = $1 ORDER BY created_at DESC LIMIT 1', [number]);
      return /PIN is (\d{6})/.exec(rows[0]!.body)![1]!;
    });
    const elsewhere = await request.post('/v1/loginWithPinAndApplicationId', { data: { mobileNumber: number, applicationId: y.id, pin } });
    expect(elsewhere.status()).toBe(400);
    expect(await elsewhere.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'PinNotFound' });
    const here = await request.post('/v1/loginWithPinAndApplicationId', { data: { mobileNumber: number, applicationId: x.id, pin } });
    expect(here.status()).toBe(200);

    for (const premium of ['+447012345678', '+19005550100']) {
      const r = await generatePin(request, premium, x.id);
      expect(r.status(), premium).toBe(400);
      expect(await r.json()).toMatchObject({ errorCode: 'InvalidPhone', message: expect.stringMatching(/Premium-rate/) });
    }
  });

  test("reach never crosses a tenant: a link to another tenant's group reaches nothing; forged-but-signed claims get 401", async ({ request }) => {
    const mine = await makeGroup(contoso);
    const theirs = await makeGroup(fabrikam);
    // a link across tenants, as made before creation across tenants was refused
    await withDb((db) => db.query('INSERT INTO group_links (parent_id, child_id) VALUES ($1, $2)', [mine, theirs]));
    const c = await makeConnector({ tenantId: contoso, groupId: mine });
    const ex = await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) });
    const access = (await ex.json()).accessToken as string;
    const other = await request.get(`/v1/groups/${theirs}`, { headers: { accessToken: access } });
    expect(other.status()).toBe(404);
    const all = await (await request.get('/v1/groups?fetchAllGroups=true&showDetail=true', { headers: { accessToken: access } })).json();
    expect(all.groups.map((g: { groupId: string }) => g.groupId)).toEqual([mine]);
    expect(all.groups[0]).toMatchObject({ hasSubGroups: false, currentLevelSubGroupCount: 0 });

    const claims = JSON.parse(Buffer.from(access.split('.')[1]!, 'base64url').toString());
    for (const forged of [
      { ...claims, kind: 'superuser' },
      { ...claims, gid: 'not-a-uuid' },
      { ...claims, tid: "x' OR '1'='1" },
      { ...claims, kind: 'group', grp: undefined },
    ]) {
      const r = await request.get('/v1/groups', { headers: { accessToken: signedAccessToken(forged) } });
      expect(r.status(), JSON.stringify(forged).slice(0, 60)).toBe(401);
      expect(await r.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'InvalidToken' });
    }
    // and the same signing path with the real claims works: the refusals above are about the claims
    expect((await request.get('/v1/groups', { headers: { accessToken: signedAccessToken(claims) } })).status()).toBe(200);
  });

  test("a member who is admin of another tenant's group cannot create a sub-group under it", async ({ carolPage: page }) => {
    const theirs = await makeGroup(fabrikam, `Fabrikam partners ${Date.now()}`);
    // carol (Contoso) administers a Fabrikam group by her phone number
    await withDb((db) => db.query(`INSERT INTO group_members (group_id, e164, display_name, role) VALUES ($1, '+14255550103', 'Carol', 'Admin')`, [theirs]));
    await page.goto(`/groups/${theirs}/subgroups`);
    const name = `Sneaky ${Date.now()}`;
    await page.getByLabel('Sub group name').fill(name);
    await page.getByRole('button', { name: 'Create sub group' }).click();
    await expect(page.getByText('Sub-groups can only be added under groups of your own organization.')).toBeVisible();
    const created = await withDb(async (db) => (await db.query('SELECT 1 FROM groups WHERE name = $1', [name])).rowCount);
    expect(created).toBe(0);
  });

  test('refresh-token rotation survives honest clients: 10 parallel exchanges yield one successor; a retry gets it again; a late replay revokes the family and its access tokens', async ({
    request,
  }) => {
    const c = await makeConnector({ tenantId: contoso, groupId: SEEDED_GROUPS.marketing, issuedDaysAgo: 330 });
    const results = await parallel(10, () => request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) }));
    expect(statuses(results)).toEqual({ 200: 10 });
    const bodies = await Promise.all(results.map((r) => r.json()));
    const successors = new Set(bodies.map((b) => b.refreshToken as string));
    expect(successors.size).toBe(1);
    const successor = [...successors][0]!;
    expect(successor).toMatch(/^cprt_/);
    const live = await withDb(
      async (db) =>
        (
          await db.query<{ n: number }>('SELECT count(*)::int AS n FROM refresh_tokens WHERE grant_id = $1 AND spent_at IS NULL AND revoked_at IS NULL', [
            c.grantId,
          ])
        ).rows[0]!.n,
    );
    expect(live).toBe(1);

    // the client lost the answer and retries with the spent token: same successor, family intact
    const retry = await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) });
    expect(retry.status()).toBe(200);
    expect((await retry.json()).refreshToken).toBe(successor);

    // the successor is used; presenting the spent token now is a replay
    const used = await request.get('/v1/accessToken', { headers: tokenHeaders(c, successor) });
    expect(used.status()).toBe(200);
    expect((await used.json()).refreshToken).toBe('');
    const earlierAccess = bodies[0].accessToken as string;
    expect((await request.get(`/v1/groups/${SEEDED_GROUPS.marketing}`, { headers: { accessToken: earlierAccess } })).status()).toBe(200);
    const replay = await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) });
    expect(replay.status()).toBe(401);
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, successor) })).status()).toBe(401);
    // access tokens minted from the revoked family stop at once
    expect((await request.get(`/v1/groups/${SEEDED_GROUPS.marketing}`, { headers: { accessToken: earlierAccess } })).status()).toBe(401);
  });

  test('a retry after the grace window is a replay', async ({ request }) => {
    const c = await makeConnector({ tenantId: contoso, groupId: SEEDED_GROUPS.marketing, issuedDaysAgo: 330 });
    const first = await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) });
    expect((await first.json()).refreshToken).toMatch(/^cprt_/);
    await withDb((db) =>
      db.query(`UPDATE refresh_tokens SET spent_at = now() - interval '61 seconds' WHERE grant_id = $1 AND spent_at IS NOT NULL`, [c.grantId]),
    );
    const late = await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) });
    expect(late.status()).toBe(401);
    const revoked = await withDb(
      async (db) =>
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM refresh_tokens WHERE grant_id = $1 AND revoked_reason = 'replay_detected'`, [c.grantId]))
          .rows[0]!.n,
    );
    expect(revoked).toBe(2);
  });
});
