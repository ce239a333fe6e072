import { expect, test } from '@playwright/test';
import { accessTokenFor, latestPin, portalConnector, tokenHeaders, type ApiConnector } from '../../fixtures/api';
import { newPhoneNumber } from '../../fixtures/data';
import { withDb } from '../../fixtures/db';
import { SEEDED_GROUPS } from '../../pages/group-page';
import { ROUTE_PERMISSIONS } from '../../../lib/api/permissions';

const ERROR_SHAPE = { message: expect.any(String), errorCode: expect.any(String), errorCategoryKey: expect.any(String) };

test.describe.serial('[API] token service and first reads', () => {
  let main: ApiConnector; // Group Information + User Profile, granted to Marketing
  let other: ApiConnector; // Text Message only, granted to Marketing

  test.beforeAll(async ({ browser }) => {
    main = await portalConnector(browser, { permissions: ['Group Information', 'User Profile'] });
    other = await portalConnector(browser, { permissions: ['Text Message'] });
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

  test('GET /v1/groups and /v1/groups/{id} stay inside the group token\'s reach; ≤ 1 SQL statement per read', async ({ request }) => {
    const accessToken = await accessTokenFor(request, main, main.refreshToken);
    const one = await request.get(`/v1/groups/${SEEDED_GROUPS.marketing}`, { headers: { accessToken } });
    expect(one.status()).toBe(200);
    const { groups } = await one.json();
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ groupId: SEEDED_GROUPS.marketing, groupName: 'Marketing', isMappedToTenant: true, groupType: 'Group', hasSubGroups: false, callerRole: 'Admin' });
    expect(groups[0].currentLevelUserCount).toBeGreaterThanOrEqual(2);
    expect(Number(one.headers()['x-sql-statements'])).toBe(1);

    const list = await request.get('/v1/groups', { headers: { accesstoken: accessToken } });
    expect((await list.json()).groups.map((g: { groupName: string }) => g.groupName)).toEqual(['Marketing']);
    expect(Number(list.headers()['x-sql-statements'])).toBe(1);

    const outside = await request.get(`/v1/groups/${SEEDED_GROUPS.fieldSales}`, { headers: { accessToken } });
    expect(outside.status()).toBe(404);
    expect(await outside.json()).toEqual({ ...ERROR_SHAPE, errorCode: 'GroupNotFound' });

    // a group token is not a user: /users/me is refused with the error body
    const me = await request.get('/v1/users/me', { headers: { accessToken } });
    expect(me.status()).toBe(403);
    expect(await me.json()).toMatchObject(ERROR_SHAPE);
  });

  test('permissions: a connector without Group Information gets 403 on group reads', async ({ request }) => {
    const accessToken = await accessTokenFor(request, other, other.refreshToken);
    const res = await request.get(`/v1/groups/${SEEDED_GROUPS.marketing}`, { headers: { accessToken } });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'Forbidden' });
  });

  test('every row of the route → permission table holds against the running API', async ({ request }) => {
    const withoutGroupInfo = await accessTokenFor(request, other, other.refreshToken);
    for (const row of ROUTE_PERMISSIONS) {
      const path = row.path.replace('{groupId}', SEEDED_GROUPS.marketing);
      const call = (headers: Record<string, string>) => request.fetch(path, { method: row.method, headers, data: row.method === 'GET' ? undefined : {} });
      if (row.permission === null) {
        // public token-service routes: no access token needed (they answer 400 for the empty request)
        const r = await call({});
        expect(r.status(), path).toBe(400);
        continue;
      }
      const anonymous = await call({});
      expect(anonymous.status(), path).toBe(401);
      // `other` has only Text Message: every permission-guarded read here is refused with 403
      const denied = await call({ accessToken: withoutGroupInfo });
      expect(denied.status(), path).toBe(403);
      expect(await denied.json()).toMatchObject({ errorCode: 'Forbidden', message: expect.stringContaining(row.permission) });
    }
  });

  test('bad input: missing headers, 16 KB headers, unknown connector and wrong secret (identical 401), bad tokens', async ({ request }) => {
    const missing = await request.get('/v1/accessToken', { headers: { applicationId: main.id } });
    expect(missing.status()).toBe(400);
    expect(await missing.json()).toEqual({ message: 'Missing headers: applicationSecret, refreshToken.', errorCode: 'InvalidParameters', errorCategoryKey: 'InvalidParameters' });

    const huge = await request.get('/v1/accessToken', { headers: { ...tokenHeaders(main, main.refreshToken), refreshToken: 'x'.repeat(16 * 1024) } });
    expect(huge.status()).toBe(400);
    expect(await huge.json()).toMatchObject(ERROR_SHAPE);

    const wrongSecret = await request.get('/v1/accessToken', { headers: tokenHeaders({ id: main.id, secret: main.secret.slice(0, -2) + 'zz' }, main.refreshToken) });
    const unknown = await request.get('/v1/accessToken', { headers: tokenHeaders({ id: '0a0a0a0a-0000-4000-8000-000000000000', secret: main.secret }, main.refreshToken) });
    const othersSecret = await request.get('/v1/accessToken', { headers: tokenHeaders({ id: main.id, secret: other.secret }, main.refreshToken) });
    const notUuid = await request.get('/v1/accessToken', { headers: tokenHeaders({ id: 'not-a-connector', secret: main.secret }, main.refreshToken) });
    for (const r of [wrongSecret, unknown, othersSecret, notUuid]) expect(r.status()).toBe(401);
    const bodies = await Promise.all([wrongSecret, unknown, othersSecret, notUuid].map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toEqual({ message: 'Dont have correct applicationId and secret in header!', errorCode: 'Unauthenticated', errorCategoryKey: 'AuthException' });

    // another connector's refresh token, and garbage
    for (const token of [other.refreshToken, 'cprt_garbage', main.refreshToken.slice(0, -1) + (main.refreshToken.endsWith('a') ? 'b' : 'a')]) {
      const r = await request.get('/v1/accessToken', { headers: tokenHeaders(main, token) });
      expect(r.status()).toBe(401);
      expect(await r.json()).toMatchObject({ errorCode: 'InvalidToken', errorCategoryKey: 'AuthException' });
    }

    const good = await accessTokenFor(request, main, main.refreshToken);
    const [h, p] = good.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    for (const bad of ['', 'abc', `${h}.${p}.`, `${none}.${p}.`, good.slice(0, -3) + 'AAA', `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), grp: SEEDED_GROUPS.fieldSales })).toString('base64url')}.${good.split('.')[2]}`]) {
      const r = await request.get(`/v1/groups/${SEEDED_GROUPS.marketing}`, { headers: { accessToken: bad } });
      expect(r.status(), bad.slice(0, 20)).toBe(401);
      expect(await r.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'InvalidToken' });
    }
    const unknownRoute = await request.get('/v1/nothing-here');
    expect(unknownRoute.status()).toBe(404);
    expect(await unknownRoute.json()).toMatchObject(ERROR_SHAPE);
  });

  test('rotated secrets both work during the overlap; revoking stops the old one', async ({ request, browser }) => {
    const c = await portalConnector(browser, { permissions: ['Group Information'] });
    const page = await (await browser.newContext()).newPage();
    const { signInDemo } = await import('../../fixtures/session');
    const { ConnectorDetailsPage } = await import('../../pages/connectors-page');
    await signInDemo(page, 'alice');
    const details = new ConnectorDetailsPage(page);
    await details.goto(c.id);
    await details.rotate('keep');
    const newSecret = await details.revealSecret('Current secret');
    for (const secret of [c.secret, newSecret]) expect((await request.get('/v1/accessToken', { headers: tokenHeaders({ id: c.id, secret }, c.refreshToken) })).status()).toBe(200);
    await details.rotate('revoke');
    const newest = await details.revealSecret('Current secret');
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders({ id: c.id, secret: c.secret }, c.refreshToken) })).status()).toBe(401);
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders({ id: c.id, secret: newSecret }, c.refreshToken) })).status()).toBe(401);
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders({ id: c.id, secret: newest }, c.refreshToken) })).status()).toBe(200);
    await page.context().close();
  });

  test('after 90 % of its life a refresh token rotates; replaying the spent one revokes the whole family', async ({ request }) => {
    const c = main;
    await withDb((db) => db.query(`UPDATE refresh_tokens SET issued_at = now() - interval '330 days', expires_at = now() + interval '35 days' WHERE grant_id = (SELECT id FROM grants WHERE connector_id = $1 AND revoked_at IS NULL)`, [c.id]));
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
    const audit = await withDb(async (db) => (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'refresh_token.replay_detected' AND created_at > now() - interval '1 minute'`)).rows[0].n);
    expect(audit).toBeGreaterThanOrEqual(1);
    // the grant itself is untouched: access tokens already issued keep working until they expire
    expect((await request.get(`/v1/groups/${SEEDED_GROUPS.marketing}`, { headers: { accessToken: access } })).status()).toBe(200);
  });

  test('regenerated, removed and deleted: old tokens fail, and a removed grant stops access tokens at once; deactivation keeps grants working', async ({ request, browser }) => {
    const c = await portalConnector(browser, { permissions: ['Group Information'] });
    const access = await accessTokenFor(request, c, c.refreshToken);
    const page = await (await browser.newContext()).newPage();
    const { signInDemo } = await import('../../fixtures/session');
    const { GroupPage } = await import('../../pages/group-page');
    const { ConnectorDetailsPage } = await import('../../pages/connectors-page');
    await signInDemo(page, 'alice');

    // deactivated: existing grant still exchanges and reads
    const details = new ConnectorDetailsPage(page);
    await details.goto(c.id);
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog', { name: `Deactivate ${c.name}?` }).getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByText('This connector is inactive.')).toBeVisible();
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) })).status()).toBe(200);

    const group = new GroupPage(page);
    await group.openConnectorsTab(c.groupId);
    const regenerated = await group.regenerate(c.name);
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) })).status()).toBe(401);
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, regenerated) })).status()).toBe(200);

    expect((await request.get(`/v1/groups/${c.groupId}`, { headers: { accessToken: access } })).status()).toBe(200);
    await group.remove(c.name, 'Marketing');
    const after = await request.get(`/v1/groups/${c.groupId}`, { headers: { accessToken: access } });
    expect(after.status()).toBe(401);
    expect(await after.json()).toMatchObject({ errorCode: 'InvalidToken' });
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, regenerated) })).status()).toBe(401);

    // delete: a fresh connector with a live grant stops at once
    const d = await portalConnector(browser, { permissions: ['Group Information'] });
    await details.goto(d.id);
    await page.getByRole('button', { name: 'Delete connector' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete ${d.name}?` });
    await dialog.getByLabel('Connector name').fill(d.name);
    await dialog.getByRole('button', { name: 'Delete forever' }).click();
    await expect(page).toHaveURL(/\/connectors$/);
    const deleted = await request.get('/v1/accessToken', { headers: tokenHeaders(d, d.refreshToken) });
    expect(deleted.status()).toBe(401);
    expect(await deleted.json()).toMatchObject({ errorCode: 'Unauthenticated' });
    await page.context().close();
  });

  test('rate limit: the 101st call in a minute for a connector gets 429 with Retry-After', async ({ request, browser }) => {
    const c = await portalConnector(browser, { owner: 'dave', permissions: ['Group Information'] });
    // stay inside one counting window (1 minute): wait for the next one if this one is about to end
    const seconds = new Date().getUTCSeconds();
    if (seconds > 40) await new Promise((r) => setTimeout(r, (61 - seconds) * 1000));
    const access = await accessTokenFor(request, c, c.refreshToken); // call 1
    let status = 0;
    for (let i = 2; i <= 100; i++) {
      status = (await request.get(`/v1/groups/${c.groupId}`, { headers: { accessToken: access } })).status();
      expect(status, `call ${i}`).toBe(200);
    }
    const limited = await request.get(`/v1/groups/${c.groupId}`, { headers: { accessToken: access } });
    expect(limited.status()).toBe(429);
    const retryAfter = Number(limited.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'TooManyRequests' });
    // the token service counts too
    expect((await request.get('/v1/accessToken', { headers: tokenHeaders(c, c.refreshToken) })).status()).toBe(429);
  });

  test('PIN login: generatePin + loginWithPinAndApplicationId issue a user token reaching the number\'s groups', async ({ request }) => {
    const phone = '+14255550103'; // carol: member of Marketing, Field Sales, North
    const bad = await request.post('/v1/generatePin', { data: { mobileNumber: '12345', applicationId: main.id } });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'INVALID_PHONE' });
    const unknown = await request.post('/v1/generatePin', { data: { mobileNumber: phone, applicationId: '0a0a0a0a-0000-4000-8000-000000000000' } });
    expect(unknown.status()).toBe(401);

    const sent = await request.post('/v1/generatePin', { data: { mobileNumber: phone, applicationId: main.id } });
    expect(sent.status()).toBe(200);
    expect(await sent.json()).toEqual({});
    const pin = await latestPin(request, phone);
    const wrong = await request.post('/v1/loginWithPinAndApplicationId', { data: { mobileNumber: phone, applicationId: main.id, pin: pin === '000000' ? 111111 : 0 } });
    expect(wrong.status()).toBe(400);
    expect(await wrong.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'PIN_WRONG' });

    const login = await request.post('/v1/loginWithPinAndApplicationId', { data: { mobileNumber: phone, applicationId: main.id, pin: Number(pin) } });
    expect(login.status()).toBe(200);
    const body = await login.json();
    expect(body.refreshToken).toMatch(/^cprt_/);
    expect(body.grantedScope).toContain('groupinfo.read');
    expect(body.refreshTokenExpiry).toBeGreaterThan(Date.now() + 364 * 86_400_000);
    // single use
    const again = await request.post('/v1/loginWithPinAndApplicationId', { data: { mobileNumber: phone, applicationId: main.id, pin: Number(pin) } });
    expect(again.status()).toBe(400);

    const access = await accessTokenFor(request, main, body.refreshToken);
    const groups = (await (await request.get('/v1/groups', { headers: { accessToken: access } })).json()).groups.map((g: { groupName: string }) => g.groupName);
    expect(groups).toEqual(['Field Sales', 'Marketing', 'North']);
    const me = await request.get('/v1/users/me', { headers: { accessToken: access } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ phoneNumber: phone, tenantId: expect.any(String) });
  });

  test('OAuth 2.0: authorize with phone + PIN, code to the registered redirect URL, token endpoint; codes are single use and bound to the redirect URL', async ({ page, request }) => {
    const redirect = 'https://client.example.test/oauth/callback';
    // the developer registers the redirect URL on the connector page
    const { signInDemo } = await import('../../fixtures/session');
    const ctx = await page.context().browser()!.newContext();
    const owner = await ctx.newPage();
    await signInDemo(owner, 'alice');
    await owner.goto(`/connectors/${main.id}`);
    await owner.getByLabel('Add a redirect URL').fill(redirect);
    await owner.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(owner.getByRole('list', { name: 'Redirect URLs' })).toContainText(redirect);
    await ctx.close();

    // an unregistered redirect URL is refused on the page, never redirected to
    await page.goto(`/oauth/authorize?client_id=${main.id}&redirect_uri=${encodeURIComponent('https://evil.example.test/cb')}`);
    await expect(page.getByRole('heading', { name: 'This sign-in link does not work' })).toBeVisible();

    // the third-party site is outside our world: Playwright answers for it
    await page.route('https://client.example.test/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Client app</h1>' }));
    const phone = newPhoneNumber();
    await page.goto(`/oauth/authorize?client_id=${main.id}&redirect_uri=${encodeURIComponent(redirect)}&state=xyz123`);
    await expect(page.getByRole('heading', { name: `Connect ${main.name}` })).toBeVisible();
    await page.getByLabel('Phone number').fill(phone);
    await page.getByRole('button', { name: 'Send PIN' }).click();
    await expect(page.getByText('We texted a PIN to')).toBeVisible();
    await page.getByLabel('PIN').fill(await latestPin(request, phone));
    await page.getByRole('button', { name: 'Sign in and connect' }).click();
    await page.waitForURL(/client\.example\.test\/oauth\/callback/);
    const url = new URL(page.url());
    expect(url.searchParams.get('state')).toBe('xyz123');
    const code = url.searchParams.get('code')!;
    expect(code.length).toBeGreaterThan(20);

    const wrongRedirect = await request.post('/v1/oauth/token', { form: { client_id: main.id, client_secret: main.secret, code, redirect_uri: 'https://client.example.test/other' } });
    expect(wrongRedirect.status()).toBe(400);
    expect(await wrongRedirect.json()).toMatchObject({ ...ERROR_SHAPE, errorCode: 'invalid_grant' });
    const code2 = code; // a refused attempt does not spend the code
    const token = await request.post('/v1/oauth/token', { form: { client_id: main.id, client_secret: main.secret, code: code2, redirect_uri: redirect } });
    expect(token.status()).toBe(200);
    const body = await token.json();
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'accessTokenExpiry', 'endpointUrl', 'refreshToken', 'scope']);
    expect(body.refreshToken).toMatch(/^cprt_/);
    const me = await request.get('/v1/users/me', { headers: { accessToken: body.accessToken } });
    expect(await me.json()).toMatchObject({ phoneNumber: phone });

    // reuse: refused, and what the code produced is revoked
    const reuse = await request.post('/v1/oauth/token', { form: { client_id: main.id, client_secret: main.secret, code: code2 } });
    expect(reuse.status()).toBe(400);
    expect(await reuse.json()).toMatchObject({ errorCode: 'invalid_grant' });
    expect((await request.get('/v1/users/me', { headers: { accessToken: body.accessToken } })).status()).toBe(401);
    const wrongSecret = await request.post('/v1/oauth/token', { form: { client_id: main.id, client_secret: 'nope', code: 'whatever' } });
    expect(wrongSecret.status()).toBe(401);
  });
});
