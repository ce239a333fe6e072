import { expect, test } from '@playwright/test';
import { accessTokenFor } from '../../fixtures/api';
import { startAppServer, type AppServer } from '../../fixtures/app-server';
import { connectionRow, IDP, makeConnection, makeService, refreshCalls } from '../../fixtures/connections';
import { E2E_DATABASE_URL } from '../../fixtures/db';
import { makeConnector, makeGroup, makeTenant } from '../../fixtures/factory';

// product.md §9: EXACTLY ONE refresh call reaches the provider however many requests and app instances find
// the access token expired at once. Two app instances on one database (the suite's server and a second one
// started here), 200 invokes fired together at a connection whose token has expired; the local provider
// rotates refresh tokens and revokes the whole grant when a spent one is presented again, so a second
// refresh would not only be counted, it would break the connection.
const e2ePort = Number(process.env.E2E_PORT ?? 3100);
const CALLS = 200;

test.describe.serial('[CONNECTIONS] exactly one refresh across instances', () => {
  let b: AppServer;

  test.beforeAll(async () => {
    b = await startAppServer({ port: e2ePort + 61, databaseUrl: E2E_DATABASE_URL, env: { CONNECTIONS_ALLOW_HTTP: '1' } });
  });

  test.afterAll(async () => {
    await b?.stop();
  });

  test(`${CALLS} concurrent invokes on two instances find the token expired: one refresh call, every call answered`, async ({ request, baseURL }) => {
    test.setTimeout(120_000);
    const tenant = await makeTenant();
    const group = await makeGroup(tenant);
    // four connectors, so the calls stay inside the per-connector rate limit (100/min)
    const tokens: string[] = [];
    for (let i = 0; i < 4; i++) {
      const c = await makeConnector({ tenantId: tenant, permissions: ['connections'], groupId: group });
      tokens.push(await accessTokenFor(request, c, c.refreshToken));
    }
    const service = await makeService(tenant);
    const conn = await makeConnection(tenant, service.id, { expired: true });
    const before = (await connectionRow(conn.id))!;

    const bases = [baseURL!, b.url];
    const results = await Promise.all(
      Array.from({ length: CALLS }, (_, i) =>
        request
          .post(`${bases[i % 2]}/v1/connections/${conn.linkName}/invoke`, {
            headers: { accessToken: tokens[i % 4]!, 'Content-Type': 'application/json' },
            data: { url: `${IDP}/resource/me` },
          })
          .then(async (r) => ({ status: r.status(), body: await r.json() })),
      ),
    );
    const statuses = results.map((r) => `${r.status}/${r.body.status ?? r.body.errorCode}`);
    expect(
      statuses.filter((s) => s !== '200/200'),
      'every call reached the provider with a valid token',
    ).toEqual([]);
    expect(await refreshCalls(conn.account)).toBe(1);
    const after = (await connectionRow(conn.id))!;
    expect(after.token_version).toBe((before.token_version as number) + 1);
    expect(after.status).toBe('connected');
    // neither instance logged a token
    expect(b.output()).not.toContain(conn.tokens.access);
    expect(b.output()).not.toContain(conn.tokens.refresh);
  });
});
