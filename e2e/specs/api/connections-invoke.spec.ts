import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { accessTokenFor } from '../../fixtures/api';
import {
  connectionRow,
  expireAccessToken,
  IDP,
  makeConnection,
  makeService,
  makeStaticConnection,
  refreshCalls,
  revokeAtProvider,
  type MadeConnection,
} from '../../fixtures/connections';
import { withDb } from '../../fixtures/db';
import { makeConnector, makeGroup, makeTenant } from '../../fixtures/factory';
import { ERROR_BODY } from '../../fixtures/platform';

// POST /v1/connections/{linkName}/invoke (product.md §9) against the real local OAuth provider
// (scripts/idp/connections.ts): credentials attached by us, URLs held under the allowed base, redirects never
// followed, tokens refreshed once when they are about to expire, a revoked grant turning into Needs reconnect.

const invoke = (request: APIRequestContext, token: string, linkName: string, body: unknown, headers: Record<string, string> = {}) =>
  request.post(`/v1/connections/${linkName}/invoke`, { headers: { accessToken: token, 'Content-Type': 'application/json', ...headers }, data: body });

test.describe.serial('[CONNECTIONS] invoke', () => {
  let token: string;
  let withoutPermission: string;
  let conn: MadeConnection;
  let foreign: MadeConnection;
  let tenant: string;
  let service: { id: string };
  let catcher: Server;
  let caught = 0;

  test.beforeAll(async ({ request }) => {
    tenant = await makeTenant();
    const group = await makeGroup(tenant);
    const c = await makeConnector({ tenantId: tenant, permissions: ['connections'], groupId: group });
    const other = await makeConnector({ tenantId: tenant, permissions: ['groupinfo'], groupId: group });
    token = await accessTokenFor(request, c, c.refreshToken);
    withoutPermission = await accessTokenFor(request, other, other.refreshToken);
    service = await makeService(tenant);
    conn = await makeConnection(tenant, service.id);
    const otherTenant = await makeTenant();
    foreign = await makeConnection(otherTenant, (await makeService(otherTenant)).id);
    // a host the provider redirects to: nothing may ever arrive here
    catcher = createServer((_req, res) => {
      caught++;
      res.end('caught');
    });
    await new Promise<void>((r) => catcher.listen(0, '127.0.0.1', r));
  });

  test.afterAll(async () => {
    await new Promise((r) => catcher?.close(r));
  });

  test('calls the provider with the connection’s credential and returns its status, headers and body', async ({ request }) => {
    const res = await invoke(request, token, conn.linkName, { method: 'get', url: `${IDP}/resource/me` });
    expect(res.status(), await res.text()).toBe(200);
    const out = await res.json();
    expect(out).toEqual({
      status: 200,
      headers: expect.objectContaining({ 'content-type': 'application/json', 'x-ratelimit-remaining': '99' }),
      body: { sub: conn.account, email: conn.account.slice(5), scope: 'openid email profile offline_access' },
      bodyEncoding: 'json',
    });
    const echo = await invoke(request, token, conn.linkName, {
      method: 'POST',
      url: `${IDP}/resource/echo?a=1`,
      params: { b: 2, c: true },
      headers: { 'X-Trace': 'abc' },
      body: { hello: 'world' },
    });
    const e = (await echo.json()).body;
    expect(e).toMatchObject({ method: 'POST', query: { a: '1', b: '2', c: 'true' }, body: '{"hello":"world"}', authorized: true });
    expect(e.headers).toMatchObject({ 'x-trace': 'abc', 'content-type': 'application/json' });
    // the provider's cookies stay with us
    const cookie = await invoke(request, token, conn.linkName, { url: `${IDP}/resource/set-cookie` });
    expect((await cookie.json()).headers['set-cookie']).toBeUndefined();
    // last used is recorded
    await expect.poll(async () => (await connectionRow(conn.id))?.last_used_at).not.toBeNull();
  });

  test('refuses every URL outside the allowed base, and nothing reaches the provider', async ({ request }) => {
    const before = await refreshCalls(conn.account);
    const host = new URL(IDP).host;
    for (const url of [
      `${IDP}/token`,
      `${IDP}/resource`,
      `${IDP}/resourcex/me`,
      `${IDP}/resource/../token`,
      `${IDP}/resource/%2e%2e/token`,
      `${IDP}/resource/..%2Ftoken`,
      `${IDP}/resource/%252e%252e/token`,
      `http://evil.test@${host}/resource/me`,
      `http://${host}@127.0.0.1:9/resource/me`,
      `http://${host}.evil.test/resource/me`,
      `https://${host}/resource/me`,
      `http://127.0.0.1:${new URL(IDP).port}/resource/me`,
      `http://${host}\\@evil.test/resource/me`,
      `//${host}/resource/me`,
      `/resource/me`,
      `file:///etc/passwd`,
      `javascript:alert(1)`,
    ]) {
      const res = await invoke(request, token, conn.linkName, { url });
      expect(res.status(), url).toBe(400);
      expect(await res.json(), url).toEqual({ ...ERROR_BODY, errorCode: 'ConnectionUrlNotAllowed', errorCategoryKey: 'InvalidParameters' });
    }
    expect(await refreshCalls(conn.account)).toBe(before);
  });

  test('the caller cannot set the credential or transport headers; a GET has no body', async ({ request }) => {
    for (const header of ['Authorization', 'authorization', 'Proxy-Authorization', 'Cookie', 'Host', 'X-Forwarded-For', 'Transfer-Encoding']) {
      const res = await invoke(request, token, conn.linkName, { url: `${IDP}/resource/echo`, headers: { [header]: 'Bearer mine' } });
      expect(res.status(), header).toBe(400);
      expect(await res.json()).toMatchObject({ errorCode: 'ConnectionHeaderNotAllowed', message: expect.stringContaining(header) });
    }
    const bad = await invoke(request, token, conn.linkName, { url: `${IDP}/resource/echo`, headers: { 'X-A': 'x\r\nInjected: 1' } });
    expect(bad.status()).toBe(400);
    const getBody = await invoke(request, token, conn.linkName, { url: `${IDP}/resource/echo`, body: { a: 1 } });
    expect(await getBody.json()).toMatchObject({ errorCode: 'ConnectionBodyNotAllowed' });
    const noUrl = await invoke(request, token, conn.linkName, { method: 'GET' });
    expect(noUrl.status()).toBe(400);
  });

  test('a redirect comes back as it is and is never followed (our Authorization never leaves for another host)', async ({ request }) => {
    const target = `http://127.0.0.1:${(catcher.address() as AddressInfo).port}/steal`;
    const res = await invoke(request, token, conn.linkName, { url: `${IDP}/resource/redirect?to=${encodeURIComponent(target)}` });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 302, headers: { location: target } });
    expect(caught).toBe(0);
  });

  test('a provider answer over the size cap is a 502, not a truncated body', async ({ request }) => {
    const res = await invoke(request, token, conn.linkName, { url: `${IDP}/resource/big?bytes=2000000` });
    expect(res.status()).toBe(502);
    expect(await res.json()).toEqual({ ...ERROR_BODY, errorCode: 'ConnectionResponseTooLarge', errorCategoryKey: 'UpstreamError' });
    const small = await invoke(request, token, conn.linkName, { url: `${IDP}/resource/big?bytes=10` });
    expect(await small.json()).toMatchObject({ status: 200, body: 'xxxxxxxxxx', bodyEncoding: 'text' });
  });

  test('needs the Connections permission and a token; another organization’s link name is 404', async ({ request }) => {
    const denied = await invoke(request, withoutPermission, conn.linkName, { url: `${IDP}/resource/me` });
    expect(denied.status()).toBe(403);
    expect(await denied.json()).toMatchObject({ errorCode: 'Forbidden', message: expect.stringContaining('Connections') });
    const anonymous = await request.post(`/v1/connections/${conn.linkName}/invoke`, { data: { url: `${IDP}/resource/me` } });
    expect(anonymous.status()).toBe(401);
    for (const link of [foreign.linkName, 'no_such_link']) {
      const res = await invoke(request, token, link, { url: `${IDP}/resource/me` });
      expect(res.status(), link).toBe(404);
      expect(await res.json()).toEqual({ ...ERROR_BODY, errorCode: 'ConnectionNotFound', errorCategoryKey: 'ResourceNotFound' });
    }
    // the foreign connection was not touched
    expect((await connectionRow(foreign.id))?.last_used_at).toBeNull();
  });

  test('an expiring access token is refreshed once, with the rotated refresh token stored encrypted', async ({ request }) => {
    const c = await makeConnection(tenant, service.id, { expired: true });
    const before = (await connectionRow(c.id))!;
    const res = await invoke(request, token, c.linkName, { url: `${IDP}/resource/me` });
    expect(res.status(), await res.text()).toBe(200);
    expect((await res.json()).status).toBe(200);
    expect(await refreshCalls(c.account)).toBe(1);
    const after = (await connectionRow(c.id))!;
    expect(after.token_version).toBe((before.token_version as number) + 1);
    expect(after.refresh_token_encrypted).not.toBe(before.refresh_token_encrypted); // rotated by the provider
    expect((after.expires_at as Date).getTime()).toBeGreaterThan(Date.now());
    // fresh now: the next calls do not refresh again, and the rotated token keeps working later
    for (let i = 0; i < 3; i++) expect((await (await invoke(request, token, c.linkName, { url: `${IDP}/resource/me` })).json()).status).toBe(200);
    expect(await refreshCalls(c.account)).toBe(1);
    await expireAccessToken(c.id);
    expect((await (await invoke(request, token, c.linkName, { url: `${IDP}/resource/me` })).json()).status).toBe(200);
    expect(await refreshCalls(c.account)).toBe(2);
  });

  test('a grant revoked at the provider turns into Needs reconnect (audited), and the next calls do not hammer the provider', async ({ request }) => {
    const c = await makeConnection(tenant, service.id);
    await revokeAtProvider(c.account);
    await expireAccessToken(c.id);
    const res = await invoke(request, token, c.linkName, { url: `${IDP}/resource/me` });
    expect(res.status()).toBe(409);
    expect(await res.json()).toEqual({ ...ERROR_BODY, errorCode: 'ConnectionNeedsReconnect', errorCategoryKey: 'Conflict' });
    const row = (await connectionRow(c.id))!;
    expect(row.status).toBe('needs_reconnect');
    expect(row.last_error).toContain('invalid_grant');
    const audit = await withDb(async (db) => (await db.query(`SELECT action, metadata FROM audit_events WHERE target_id = $1`, [c.id])).rows);
    expect(audit).toEqual([expect.objectContaining({ action: 'connection.needs_reconnect' })]);
    expect(await refreshCalls(c.account)).toBe(1);
    expect((await invoke(request, token, c.linkName, { url: `${IDP}/resource/me` })).status()).toBe(409);
    expect(await refreshCalls(c.account)).toBe(1);
  });

  test('API key and Basic services: the credential goes in the service’s header, and the caller cannot set that header', async ({ request }) => {
    const key = await makeStaticConnection(tenant, 'api_key', 'key-123');
    const viaKey = await (await invoke(request, token, key.linkName, { url: `${IDP}/resource/open-echo` })).json();
    expect(viaKey.body.headers['x-api-key']).toBe('key-123');
    expect(viaKey.body.headers.authorization).toBeUndefined();
    const own = await invoke(request, token, key.linkName, { url: `${IDP}/resource/open-echo`, headers: { 'x-api-key': 'mine' } });
    expect(own.status()).toBe(400);
    expect(await own.json()).toMatchObject({ errorCode: 'ConnectionHeaderNotAllowed' });
    const basic = await makeStaticConnection(tenant, 'basic', 'user:pw');
    const viaBasic = await (await invoke(request, token, basic.linkName, { url: `${IDP}/resource/open-echo` })).json();
    expect(viaBasic.body.headers.authorization).toBe(`Basic ${Buffer.from('user:pw').toString('base64')}`);
  });

  test('no answer carries a token or the client secret, and none is stored in plain text', async ({ request }) => {
    const c = await makeConnection(tenant, service.id, { expired: true });
    const texts: string[] = [];
    for (const url of [`${IDP}/resource/me`, `${IDP}/resource/echo`, `${IDP}/token`])
      texts.push(await (await invoke(request, token, c.linkName, { url })).text());
    texts.push(await (await request.get('/v1/openapi.json')).text());
    const row = (await connectionRow(c.id))!;
    const dump = JSON.stringify(row);
    for (const t of texts) {
      expect(t).not.toContain('connections-demo-secret');
      expect(t).not.toContain(c.tokens.access);
      expect(t).not.toContain(c.tokens.refresh);
      expect(t).not.toMatch(/"(access|refresh)_token"/);
    }
    expect(dump).not.toContain('connections-demo-secret');
    expect(dump).not.toContain(c.tokens.refresh);
    expect(String(row.access_token_encrypted)).toMatch(/^v1\./);
    expect(String(row.refresh_token_encrypted)).toMatch(/^v1\./);
  });
});
