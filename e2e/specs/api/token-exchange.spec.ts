import { accessTokenFor, apiConnector, tokenHeaders, type ApiConnector } from '../../fixtures/api';
import { withDb } from '../../fixtures/db';
import { freshMinute, makeConnector, makeGroup, makeTenant } from '../../fixtures/factory';
import { expect, test } from '../../fixtures/test';
import { ConnectorDetailsPage } from '../../pages/connectors-page';
import { GroupPage, SEEDED_GROUPS } from '../../pages/group-page';

const ERROR_SHAPE = { message: expect.any(String), errorCode: expect.any(String), errorCategoryKey: expect.any(String) };

test.describe.serial('[API] token service: GET /v1/accessToken', () => {
  let main: ApiConnector; // Group Information + User Profile, granted to Marketing
  let other: ApiConnector; // Text Message only, granted to Marketing

  test.beforeAll(async () => {
    main = await apiConnector({ permissions: ['Group Information', 'User Profile'] });
    other = await apiConnector({ permissions: ['Text Message'] });
  });

  test('GET /v1/accessToken answers the documented shape; header names are case-insensitive; ≤ 2 SQL statements', async ({ request, baseURL }) => {
    const before = Date.now();
    const res = await request.get('/v1/accessToken', {
      headers: { applicationid: main.id, APPLICATIONSECRET: main.secret, refreshtoken: main.refreshToken },
    });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'accessTokenExpiry', 'endpointUrl', 'refreshToken', 'scope']);
    expect(body.accessToken.split('.')).toHaveLength(3);
    expect(body.endpointUrl).toBe(`${baseURL}/`);
    expect(body.accessTokenExpiry).toBeGreaterThanOrEqual(before + 24 * 3600_000 - 1000);
    expect(body.accessTokenExpiry).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
    expect(body.refreshToken).toBe('');
    expect(body.scope).toContain('groupinfo.read');
    expect(body.scope).toContain('profile.read');
    const statements = Number(res.headers()['x-sql-statements']);
    expect(statements).toBeGreaterThanOrEqual(1); // counting works
    expect(statements).toBeLessThanOrEqual(2);
  });

  test('a repeated exchange is answered from memory (no SQL statement) and still counts toward the budget, in Postgres too', async ({ request }) => {
    await freshMinute(10); // the remaining-calls header restarts with each minute
    const tenant = await makeTenant(); // fresh budgets
    const made = await makeConnector({ tenantId: tenant, groupId: await makeGroup(tenant) });
    const first = await request.get('/v1/accessToken', { headers: tokenHeaders(made, made.refreshToken) });
    expect(first.status()).toBe(200);
    expect(Number(first.headers()['x-sql-statements'])).toBe(1);
    expect(first.headers()['x-ratelimit-remaining']).toBe('99');
    for (let i = 2; i <= 5; i++) {
      const again = await request.get('/v1/accessToken', { headers: tokenHeaders(made, made.refreshToken) });
      expect(again.status()).toBe(200);
      expect(Number(again.headers()['x-sql-statements']), `exchange ${i}`).toBe(0);
      expect(again.headers()['x-ratelimit-remaining']).toBe(String(100 - i));
      // the same claims as the first: a verifiable token for the same grant
      const claims = JSON.parse(Buffer.from((await again.json()).accessToken.split('.')[1], 'base64url').toString());
      expect(claims).toMatchObject({ cid: made.id, gid: made.grantId, kind: 'group', grp: made.groupId });
    }
    // the calls counted in memory reach the shared counter (flushed every 100 ms)
    await expect
      .poll(async () =>
        withDb(async (db) => (await db.query(`SELECT coalesce(sum(count), 0)::int AS n FROM rate_counters WHERE key = $1`, [`c:${made.id}`])).rows[0].n),
      )
      .toBe(5);
    // a wrong secret is never answered from memory
    const wrong = await request.get('/v1/accessToken', { headers: tokenHeaders({ id: made.id, secret: `${made.secret}x` }, made.refreshToken) });
    expect(wrong.status()).toBe(401);
  });

  test('bad input: missing headers, 16 KB headers, unknown connector and wrong secret (identical 401), bad tokens', async ({ request }) => {
    const missing = await request.get('/v1/accessToken', { headers: { applicationId: main.id } });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toEqual({
      message: 'Missing headers: applicationSecret, refreshToken.',
      errorCode: 'InvalidParameters',
      errorCategoryKey: 'InvalidParameters',
    });

    const huge = await request.get('/v1/accessToken', { headers: { ...tokenHeaders(main, main.refreshToken), refreshToken: 'x'.repeat(16 * 1024) } });
    expect(huge.status()).toBe(400);
    expect(await huge.json()).toMatchObject(ERROR_SHAPE);

    const wrongSecret = await request.get('/v1/accessToken', {
      headers: tokenHeaders({ id: main.id, secret: main.secret.slice(0, -2) + 'zz' }, main.refreshToken),
    });
    const unknown = await request.get('/v1/accessToken', {
      headers: tokenHeaders({ id: '0a0a0a0a-0000-4000-8000-000000000000', secret: main.secret }, main.refreshToken),
    });
    const othersSecret = await request.get('/v1/accessToken', { headers: tokenHeaders({ id: main.id, secret: other.secret }, main.refreshToken) });
    const notUuid = await request.get('/v1/accessToken', { headers: tokenHeaders({ id: 'not-a-connector', secret: main.secret }, main.refreshToken) });
    for (const r of [wrongSecret, unknown, othersSecret, notUuid]) expect(r.status()).toBe(401);
    const bodies = await Promise.all([wrongSecret, unknown, othersSecret, notUuid].map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toEqual({
      message: 'Dont have correct applicationId and secret in header!',
      errorCode: 'Unauthenticated',
      errorCategoryKey: 'AuthException',
    });

    // another connector's refresh token, and garbage
    for (const token of [other.refreshToken, 'cprt_garbage', main.refreshToken.slice(0, -1) + (main.refreshToken.endsWith('a') ? 'b' : 'a')]) {
      const r = await request.get('/v1/accessToken', { headers: tokenHeaders(main, token) });
      expect(r.status()).toBe(401);
      expect(await r.json()).toMatchObject({ errorCode: 'InvalidToken', errorCategoryKey: 'AuthException' });
    }

    const good = await accessTokenFor(request, main, main.refreshToken);
    const [h, p] = good.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    for (const bad of [
      '',
      'abc',
      `${h}.${p}.`,
      `${none}.${p}.`,
      good.slice(0, -3) + 'AAA',
      `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), grp: SEEDED_GROUPS.fieldSales })).toString('base64url')}.${good.split('.')[2]}`,
    ]) {
      const r = await request.get(`/v1/groups/${SEEDED_GROUPS.marketing}`, { headers: { accessToken: bad } });
      expect(r.status(), bad.slice(0, 20)).toBe(401);
      expect(await r.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'InvalidToken' });
    }
    const unknownRoute = await request.get('/v1/nothing-here');
    expect(unknownRoute.status()).toBe(404);
    expect(await unknownRoute.json()).toMatchObject(ERROR_SHAPE);
  });

  test('rotated secrets both work during the overlap; revoking stops the old one', async ({ request, alicePage: page }) => {
    const c = await apiConnector({ permissions: ['Group Information'] });
    const details = new ConnectorDetailsPage(page);
    await details.goto(c.id);
    await details.rotate('keep');
    const newSecret = await details.revealSecret('Current secret');
    for (const secret of [c.secret, newSecret])
      expect((await request.get('/v1/accessToken', { headers: tokenHeaders({ id: c.id, secret }, c.refreshToken) })).status()).toBe(200);
    await details.rotate('revoke');
    const newest = await details.revealSecret('Current secret');
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders({ id: c.id, secret: c.secret }, c.refreshToken) })).status()).toBe(401);
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders({ id: c.id, secret: newSecret }, c.refreshToken) })).status()).toBe(401);
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders({ id: c.id, secret: newest }, c.refreshToken) })).status()).toBe(200);
  });

  test('after 90 % of its life a refresh token rotates; replaying the spent one revokes the whole family and its access tokens', async ({ request }) => {
    const c = main;
    await withDb((db) =>
      db.query(
        `UPDATE refresh_tokens SET issued_at = now() - interval '330 days', expires_at = now() + interval '35 days' WHERE grant_id = (SELECT id FROM grants WHERE connector_id = $1 AND revoked_at IS NULL)`,
        [c.id],
      ),
    );
    const res = await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) });
    expect(res.status()).toBe(200);
    const rotated = (await res.json()).refreshToken as string;
    expect(rotated).toMatch(/^cprt_/);
    expect(rotated).not.toBe(c.refreshToken);
    expect(Number(res.headers()['x-sql-statements'])).toBeLessThanOrEqual(2);
    // the new one works (and does not rotate again: it is fresh)
    const next = await request.get('/v1/accessToken', { headers: tokenHeaders(c, rotated) });
    expect((await next.json()).refreshToken).toBe('');
    const access = (await next.json()).accessToken as string;

    const replay = await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) });
    expect(replay.status()).toBe(401);
    expect(await replay.json()).toMatchObject({ errorCode: 'InvalidToken', errorCategoryKey: 'AuthException' });
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, rotated) })).status()).toBe(401);
    const audit = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM audit_events WHERE action = 'refresh_token.replay_detected' AND created_at > now() - interval '1 minute'`,
          )
        ).rows[0].n,
    );
    expect(audit).toBeGreaterThanOrEqual(1);
    // access tokens minted from the revoked family stop at once (product.md §5)
    expect((await request.get(`/v1/groups/${SEEDED_GROUPS.marketing}`, { headers: { accessToken: access } })).status()).toBe(401);
  });

  test('regenerated, removed and deleted: old tokens fail, and a removed grant stops access tokens at once; deactivation keeps grants working', async ({
    request,
    alicePage: page,
  }) => {
    const c = await apiConnector({ permissions: ['Group Information'] });
    const access = await accessTokenFor(request, c, c.refreshToken);

    // deactivated: existing grant still exchanges and reads
    const details = new ConnectorDetailsPage(page);
    await details.goto(c.id);
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page
      .getByRole('dialog', { name: `Deactivate ${c.name}?` })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await expect(page.getByText('This connector is inactive.')).toBeVisible();
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) })).status()).toBe(200);

    const group = new GroupPage(page);
    await group.openConnectorsTab(c.groupId);
    const regenerated = await group.regenerate(c.name);
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) })).status()).toBe(401);
    // regenerating revokes the old token's family, and with it the access tokens minted from it
    expect((await request.get(`/v1/groups/${c.groupId}`, { headers: { accessToken: access } })).status()).toBe(401);
    const fresh = await accessTokenFor(request, c, regenerated);
    expect((await request.get(`/v1/groups/${c.groupId}`, { headers: { accessToken: fresh } })).status()).toBe(200);
    await group.remove(c.name, 'Marketing');
    const after = await request.get(`/v1/groups/${c.groupId}`, { headers: { accessToken: fresh } });
    expect(after.status()).toBe(401);
    expect(await after.json()).toMatchObject({ errorCode: 'InvalidToken' });
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, regenerated) })).status()).toBe(401);

    // delete: a fresh connector with a live grant stops at once
    const d = await apiConnector({ permissions: ['Group Information'] });
    await details.goto(d.id);
    await page.getByRole('button', { name: 'Delete connector' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${d.name}?` });
    await dialog.getByLabel('Connector name').fill(d.name);
    await dialog.getByRole('button', { name: 'Delete forever' }).click();
    await expect(page).toHaveURL(/\/connectors$/);
    const deleted = await request.get('/v1/accessToken', { headers: tokenHeaders(d, d.refreshToken) });
    expect(deleted.status()).toBe(401);
    expect(await deleted.json()).toMatchObject({ errorCode: 'Unauthenticated' });
  });
});
